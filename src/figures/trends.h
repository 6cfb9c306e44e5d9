/* trends: the trend and change tests of trend_tests.csv (statistics.md §2-§4),
 * run on the district totals of the figures table, one row per test, keyed
 * like the file; plus a Swedish note for the workbook on every row that
 * needs one and on every series (or part of one) that was not tested.
 *
 * Key strings are not copied: report, dimension, category, method and
 * direction are string literals, source and indicator the figure's own
 * pointers, which outlive the figures table by its contract. Periods are
 * copied, so the figures table may grow or go after trends_build. */
#ifndef VBS_TRENDS_H
#define VBS_TRENDS_H

#include <stddef.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"

enum { TRENDS_NOTE_MAX = 256 };

/* Default of min_points: a trend test needs 5 yearly points (§4). */
#define TRENDS_MIN_POINTS_DEFAULT 5

/* Which numeric fields of a row exist; the others are written empty. */
enum trend_has {
	TREND_HAS_STATISTIC = 1,
	TREND_HAS_P = 2,
	TREND_HAS_ESTIMATE = 4,
	TREND_HAS_CI = 8
};

/* One row of trend_tests.csv. */
typedef struct vbs_trend {
	const char *report;    /* "vb" or "lagesbild" */
	const char *source;    /* "ia", ... */
	const char *indicator; /* "incidents_vbe", ... */
	const char *dimension; /* always "total" */
	const char *category;  /* always "alla" */
	const char *method;    /* "mann_kendall", "sen_slope", "poisson_trend",
	                        * "logistic_trend" or "change_vs_previous" */
	unsigned method_bit;   /* the same as an enum trend_method bit */
	char first_period[FIGURE_PERIOD_MAX]; /* the figures' period labels */
	char last_period[FIGURE_PERIOD_MAX];
	int n_points;          /* points tested: the series, or 2 for a change */
	double statistic;      /* S; b1/SE; k2 (counts); z (shares); none for Sen */
	double p_value;        /* two-sided */
	double estimate;       /* tau_b; Sen slope; IRR; OR; difference */
	double ci_low, ci_high;
	unsigned has;          /* enum trend_has; every field it names is finite */
	const char *direction; /* "okande", "minskande" or "ingen_sakerstalld" */
	char note[TRENDS_NOTE_MAX]; /* Swedish, for the workbook; "" for none */
} vbs_trend;

/* Tests an indicator asks for that were not run on a series, and why. */
typedef struct vbs_trend_skip {
	const char *report, *source, *indicator, *dimension, *category;
	unsigned methods;      /* enum trend_method bits not run */
	int n_points;          /* points in the series */
	char note[TRENDS_NOTE_MAX]; /* e.g. "Serien har bara 3 år; trendtest
	                             * kräver minst 5." */
} vbs_trend_skip;

typedef struct vbs_trends {
	vbs_trend *rows;
	size_t n, cap;
	vbs_trend_skip *skips;
	size_t nskips, skips_cap;
} vbs_trends;

void trends_init(vbs_trends *t);
/* Frees everything and leaves t empty (as trends_init). */
void trends_release(vbs_trends *t);

/* The name of one enum trend_method bit as in trend_tests.csv, or NULL. */
const char *trends_method_name(unsigned method_bit);

/* Appends to out (initialised by trends_init) the tests of statistics.md
 * §4: for every indicator of defs with trend bits, in defs order, and for
 * report "vb" then "lagesbild", the series of its figures with dimension
 * "total" and category "alla" in table order (the figures modules emit
 * periods in time order), t = the figure's year. Per series the rows come
 * in the order mann_kendall, sen_slope, poisson_trend, logistic_trend,
 * change_vs_previous, as far as the indicator's bits ask for them.
 *
 * - kind count: Mann–Kendall and Sen on the values; Poisson with offset
 *   log(exposure) when the indicator has offset_population and every point
 *   has an exposure; change of the last two counts, with the exposures as e
 *   when offset_population and both have one, else e = 1.
 * - kind rate: change of the last two points with k = n, e = exposure,
 *   estimate (k2/e2 − k1/e1)·10 000. A year without population has no
 *   rate row, so these must be the last two periods of the count the rate
 *   divides (`of`, when it is in the table); else the change is skipped.
 * - kind share: Mann–Kendall and Sen on the shares, logistic with weights
 *   neff, change by the survey z-test with Newcombe's interval.
 * - kinds sum and record_share: Mann–Kendall and Sen only.
 *
 * The trend methods use every point of the series and need at least
 * min_points of them (raised to a method's own minimum: 2 for Mann–Kendall
 * and Sen, 3 for the fits); a change uses the last two points. A point a
 * test needs that is suppressed or lacks its value (exposure, n or neff
 * where the test uses them) means that test is not run: a skip with a note
 * takes the place of its rows. A series without figures gives nothing.
 * Degenerate series follow §4 (fields left empty, direction
 * ingen_sakerstalld, a note); a failed fit leaves its fields empty with a
 * note. direction is okande / minskande when p < 0.05 by the sign of S
 * (Mann–Kendall and Sen), b1 (fits), or the difference tested (changes; for
 * counts with exposures the rate difference), else ingen_sakerstalld.
 *
 * Returns 0; -1 with VBS_E_CONFIG (naming defs->path) when an indicator
 * asks for a test its kind has no method for, VBS_E_SOFTWARE when a series'
 * years are not strictly increasing (two figures for one year, or out of
 * time order) or out of memory. On error out is as it was before the call. */
int trends_build(const vbs_figures *figs, const vbs_indicators *defs, int min_points,
                 vbs_trends *out, vbs_error *err);

#endif
