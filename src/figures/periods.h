/* periods: the periods a report covers. Report `vb`: each calendar year
 * from the first year in the data to the report year. Report `lagesbild`:
 * 1 January to the as-of day and month in every year from the first year
 * to the as-of year (29 February maps to 28 February in other years). At
 * most one period per calendar year, so a date finds its period in O(1). */
#ifndef VBS_PERIODS_H
#define VBS_PERIODS_H

#include <stdint.h>

#include "figures/figures.h"

enum { PERIODS_MAX = 200 };

typedef struct vbs_period {
	int year;
	int32_t first, last;            /* day numbers, inclusive */
	char label[FIGURE_PERIOD_MAX];  /* "2019" or "2019-01-01..2019-10-31" */
} vbs_period;

typedef struct vbs_periods {
	const char *report;  /* "vb" or "lagesbild" */
	vbs_period items[PERIODS_MAX];
	int n;
	int first_year;
} vbs_periods;

/* The report year of outputs.md: the as-of year when the as-of date is
 * 31 December, else the year before. */
int periods_report_year(int32_t as_of);

/* Fills p for report "vb" (years first_year..report year) or "lagesbild"
 * (year-to-date windows first_year..as-of year). Returns 0, or -1 when
 * there would be more than PERIODS_MAX periods. n may be 0. */
int periods_build(vbs_periods *p, const char *report, int first_year,
                  int32_t as_of);

/* The index of the period holding day, or -1. */
int periods_find(const vbs_periods *p, int32_t day);

#endif
