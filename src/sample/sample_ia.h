/* sample_ia: IA incident reports (ia/ia_export_YYYY.csv) with a planted rising trend in VBE-linked cases. */
#ifndef SMP_IA_H
#define SMP_IA_H

#include "sample/sample_ctx.h"

/* Draws the cases, writes one 13-month export per year 2014-2026 and
 * records the true yearly counts and the planted bad values in ctx.
 * Needs the population (smp_population_write) first. Returns 0 or -1 with
 * the error in ctx. */
int smp_ia_write(smp_ctx *ctx);

#endif
