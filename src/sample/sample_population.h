/* sample_population: the district's seven areas and their population 2014-2025 (befolkning/befolkning.csv). */
#ifndef SMP_POPULATION_H
#define SMP_POPULATION_H

#include "sample/sample_ctx.h"

/* The last year with a published population (31 December). */
enum { SMP_POP_LAST_YEAR = 2025 };

/* Area name as the city's systems export it, area 0..SMP_AREAS-1. */
const char *smp_area_name(int area);

/* Draws the population series into ctx->truth and writes
 * befolkning/befolkning.csv. Returns 0 or -1 with the error in ctx. */
int smp_population_write(smp_ctx *ctx);

/* Each area's share of the population of year (the last published year
 * for later years), for drawing where events happen. */
void smp_population_shares(const smp_ctx *ctx, int year, double w[static SMP_AREAS]);

#endif
