/* test_trends: the trend-test stage against statistics.md §2-§4: hand-built
 * figures tables of district totals, every field of every row checked
 * against the published reference values (Poisson with and without the
 * population offset, the overdispersed series, the logistic trend, the
 * Mann–Kendall / Sen rows, the changes 23 -> 37 and 52 -> 88, the survey
 * change), plus degenerate, short, suppressed and year-to-date series, the
 * direction rules, row order and key filtering, the configuration check
 * and the real pipeline/indicators.ini against the table of §4.
 *
 * Values not printed in statistics.md were derived independently in pure
 * Python from the definitions there: Mann–Kendall exact p from Mahonian
 * numbers with exact fractions, Sen's slope and interval by sorting every
 * pairwise slope as fractions, binom.test p by summing the exact binomial
 * pmf as fractions, the survey z-test and Newcombe interval with math.erfc,
 * and the Poisson fit by a hand-written two-parameter IRLS (which reproduces
 * the statistics.md rows to 10 digits before it was trusted for new ones);
 * a few are by hand, as the comments say. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <gsl/gsl_errno.h>

#include "figures/figures.h"
#include "figures/indicators.h"
#include "figures/trends.h"

/* statistics.md: relative 1e-6; values below 1e-8: absolute 1e-12. */
#define REL_TOL 1e-6
#define ABS_TOL_SMALL 1e-12
#define SMALL 1e-8

enum { PTS_MAX = 12, ROWS_MAX = 6, SKIPS_MAX = 3 };

/* ---- checks ---------------------------------------------------------- */

static void check_close(const char *name, const char *what, double got, double want)
{
	int ok;

	if (!isfinite(got))
		fail_msg("case '%s': %s is not finite (%g), want %.12g", name, what, got, want);
	if (fabs(want) < SMALL)
		ok = fabs(got - want) <= ABS_TOL_SMALL;
	else
		ok = fabs(got - want) <= REL_TOL * fabs(want);
	if (!ok)
		fail_msg("case '%s': %s = %.12g, want %.12g (rel. error %.3g)", name, what, got,
		         want, fabs(got - want) / fmax(fabs(want), 1e-300));
}

static void check_str(const char *name, const char *what, const char *got, const char *want)
{
	if (!got || strcmp(got, want) != 0)
		fail_msg("case '%s': %s is \"%s\", want \"%s\"", name, what, got ? got : "(null)",
		         want);
}

/* ---- the indicators of the tests (a subset of pipeline/indicators.ini) -- */

#define MK TREND_MANN_KENDALL
#define SEN TREND_SEN_SLOPE
#define POIS TREND_POISSON
#define LOGIT TREND_LOGISTIC
#define CHG TREND_CHANGE

static const struct def {
	const char *id, *source;
	indicator_kind kind;
	unsigned trends;
	int offset;
	const char *of;
} test_defs[] = {
	{ "incidents_vbe", "ia", KIND_COUNT, MK | SEN | POIS | CHG, 1, NULL },
	{ "incident_rate_per_10000", "ia", KIND_RATE, CHG, 0, "incidents_vbe" },
	{ "andel_otrygga_kvall", "trygghet", KIND_SHARE, MK | SEN | LOGIT | CHG, 0, NULL },
	{ "dialogues", "dialog", KIND_COUNT, MK | SEN | POIS | CHG, 0, NULL },
	{ "dialogue_participants", "dialog", KIND_SUM, MK | SEN, 0, NULL },
	{ "andel_dialoger_vbe", "dialog", KIND_RECORD_SHARE, MK | SEN, 0, NULL },
	{ "klotter_antal", "klotter", KIND_SUM, 0, 0, NULL },
};

#define TEST_DEFS_PATH "test/indicators.ini"

static vbs_indicators *defs_make(void)
{
	vbs_indicators *d = calloc(1, sizeof(*d));

	if (!d)
		fail_msg("out of memory for the test indicators");
	snprintf(d->path, sizeof(d->path), "%s", TEST_DEFS_PATH);
	for (size_t i = 0; i < sizeof(test_defs) / sizeof(test_defs[0]); i++) {
		vbs_indicator *ind = &d->items[d->n++];

		snprintf(ind->id, sizeof(ind->id), "%s", test_defs[i].id);
		snprintf(ind->source, sizeof(ind->source), "%s", test_defs[i].source);
		ind->kind = test_defs[i].kind;
		ind->trends = test_defs[i].trends;
		ind->offset_population = test_defs[i].offset;
		if (test_defs[i].of)
			snprintf(ind->of, sizeof(ind->of), "%s", test_defs[i].of);
	}
	return d;
}

static const char *source_of(const char *indicator)
{
	for (size_t i = 0; i < sizeof(test_defs) / sizeof(test_defs[0]); i++)
		if (strcmp(test_defs[i].id, indicator) == 0)
			return test_defs[i].source;
	fail_msg("test bug: no test indicator '%s'", indicator);
	return NULL;
}

/* ---- figures ----------------------------------------------------------- */

struct point {
	int year;
	double value;
	unsigned has;
	double n, exposure, neff;
	int suppressed;
};

/* A count k (Garwood interval present, as the figures modules write it). */
#define CNT(y, k) { .year = (y), .value = (k), .has = FIG_VALUE | FIG_CI }
/* A count with the year's population. */
#define CNTP(y, k, pop) { .year = (y), .value = (k), .has = FIG_VALUE | FIG_CI, .exposure = (pop) }
/* A suppressed count. */
#define CNTX(y, k) { .year = (y), .value = (k), .has = FIG_VALUE | FIG_CI, .suppressed = 1 }
/* A rate per 10 000: n = k, exposure the population. */
#define RATE(y, k, pop) { .year = (y), .value = (k) / (double)(pop) * 1e4, \
	.has = FIG_VALUE | FIG_CI | FIG_N, .n = (k), .exposure = (pop) }
/* A survey share p on effective n (n = 600 answers, any). */
#define SHR(y, p, ne) { .year = (y), .value = (p), .has = FIG_VALUE | FIG_CI | FIG_N, \
	.n = 600, .neff = (ne) }
/* A value with nothing else (sums, record shares). */
#define VAL(y, v) { .year = (y), .value = (v), .has = FIG_VALUE }

static void period_of(const char *report, int year, char *buf, size_t size)
{
	if (strcmp(report, "vb") == 0)
		snprintf(buf, size, "%d", year);
	else
		snprintf(buf, size, "%d-01-01..%d-10-31", year, year);
}

static void add_point(vbs_figures *figs, const char *report, const char *indicator,
                      const char *dimension, const char *category, const struct point *p)
{
	vbs_figure f = {
		.report = report, .source = source_of(indicator), .indicator = indicator,
		.dimension = dimension, .category = category, .value = p->value,
		.n = p->n, .has = p->has, .suppressed = p->suppressed, .year = p->year,
		.exposure = p->exposure, .neff = p->neff, .share = p->neff > 0,
	};
	vbs_error err;

	error_init(&err);
	period_of(report, p->year, f.period, sizeof(f.period));
	if (figures_add(figs, &f, &err) != 0)
		fail_msg("figures_add failed: %s", err.message);
}

/* ---- the series cases ---------------------------------------------------- */

struct want_row {
	const char *method, *first, *last;
	int n_points;
	unsigned has;
	double statistic, p, estimate, lo, hi;
	const char *direction;
	const char *note; /* a part the note must hold; NULL: not checked; "": empty */
};

struct want_skip {
	unsigned methods;
	const char *note; /* exact */
};

struct series_case {
	const char *name, *indicator, *report;
	int min_points;
	int npts;
	struct point pts[PTS_MAX];
	const char *other; /* another indicator's totals in the table, or NULL */
	int nother;
	struct point other_pts[PTS_MAX];
	int nrows;
	struct want_row rows[ROWS_MAX];
	int nskips;
	struct want_skip skips[SKIPS_MAX];
};

#define H_MK (TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE)
#define H_SEN (TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI)
#define H_FIT (TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI)
#define H_CHC (TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE)
#define H_CHS (TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI)
#define H_TIED (TREND_HAS_STATISTIC | TREND_HAS_P)

#define UP "okande"
#define DOWN "minskande"
#define NONE "ingen_sakerstalld"

/* statistics.md §4: the count series of the Poisson table, t = 2016..2025. */
#define Y52(mk) mk(2016, 52), mk(2017, 48), mk(2018, 61), mk(2019, 55), mk(2020, 67), \
	mk(2021, 70), mk(2022, 64), mk(2023, 79), mk(2024, 83), mk(2025, 88)
#define Y52_POP CNTP(2016, 52, 10400), CNTP(2017, 48, 10520), CNTP(2018, 61, 10650), \
	CNTP(2019, 55, 10790), CNTP(2020, 67, 10900), CNTP(2021, 70, 11030), \
	CNTP(2022, 64, 11160), CNTP(2023, 79, 11290), CNTP(2024, 83, 11420), \
	CNTP(2025, 88, 11560)
/* The Poisson row without offset, statistics.md §4 (statistic = b1/SE). */
#define POIS_NONE(first, last, note) \
	{ "poisson_trend", first, last, 10, H_FIT, 0.06302247832 / 0.01361572531, \
	  3.680505182e-06, 1.065050780, 1.037004374, 1.093855717, UP, note }
/* Mann–Kendall and Sen of the same series (independent: exact Mahonian p;
 * no ties, so tau_b = S / 45). */
#define MK_Y52(first, last) \
	{ "mann_kendall", first, last, 10, H_MK, 37, 0.0003576940035273369, 37.0 / 45.0, 0, 0, \
	  UP, "Exakt p-värde." }, \
	{ "sen_slope", first, last, 10, H_SEN, 0, 0.0003576940035273369, 4, 3.2, \
	  5.166666666666667, UP, "" }

static const struct series_case series_cases[] = {
	{ .name = "statistics.md Poisson row without offset (dialogues)",
	  .indicator = "dialogues", .report = "vb", .npts = 10, .pts = { Y52(CNT) },
	  .nrows = 4,
	  .rows = {
		MK_Y52("2016", "2025"),
		POIS_NONE("2016", "2025", ""),
		/* 83 -> 88, e = 1: independent binom.test p. */
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.7597940341218284, 5, 0, 0,
		  NONE, "" },
	  } },
	{ .name = "statistics.md Poisson row with the population offset (incidents_vbe)",
	  .indicator = "incidents_vbe", .report = "vb", .npts = 10, .pts = { Y52_POP },
	  .nrows = 4,
	  .rows = {
		MK_Y52("2016", "2025"),
		{ "poisson_trend", "2016", "2025", 10, H_FIT, 0.05132771851 / 0.01361659037,
		  1.635758190e-04, 1.052667815, 1.024945758, 1.081139681, UP,
		  "Befolkningen är offset" },
		/* 83 -> 88 with e = 11420, 11560: independent binom.test p. */
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.818626716779502, 5, 0, 0,
		  NONE, "Befolkningen används som exponering." },
	  } },
	{ .name = "offset only when every year has a population: 2019 lacks one",
	  .indicator = "incidents_vbe", .report = "vb", .npts = 10,
	  .pts = { CNTP(2016, 52, 10400), CNTP(2017, 48, 10520), CNTP(2018, 61, 10650),
	           CNT(2019, 55), CNTP(2020, 67, 10900), CNTP(2021, 70, 11030),
	           CNTP(2022, 64, 11160), CNTP(2023, 79, 11290), CNTP(2024, 83, 11420),
	           CNTP(2025, 88, 11560) },
	  .nrows = 4,
	  .rows = {
		MK_Y52("2016", "2025"),
		POIS_NONE("2016", "2025",
		          "Utan befolkning som offset: befolkningen för 2019 saknas."),
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.818626716779502, 5, 0, 0,
		  NONE, "exponering" },
	  } },
	{ .name = "statistics.md overdispersed Poisson row: t distribution, no direction",
	  .indicator = "dialogues", .report = "vb", .npts = 10,
	  .pts = { CNT(2016, 23), CNT(2017, 31), CNT(2018, 18), CNT(2019, 40), CNT(2020, 27),
	           CNT(2021, 45), CNT(2022, 33), CNT(2023, 52), CNT(2024, 29), CNT(2025, 48) },
	  .nrows = 4,
	  .rows = {
		/* Independent: no ties, exact p; tau_b = 21/45. */
		{ "mann_kendall", "2016", "2025", 10, H_MK, 21, 0.07255015432098766, 21.0 / 45.0,
		  0, 0, NONE, "Exakt" },
		{ "sen_slope", "2016", "2025", 10, H_SEN, 0, 0.07255015432098766, 25.0 / 9.0,
		  -2.0 / 7.0, 4.5, NONE, "" },
		{ "poisson_trend", "2016", "2025", 10, H_FIT, 0.06670565064 / 0.03000701978,
		  0.05691499578, 1.068980778, 0.9975124381, 1.145569579, NONE,
		  "t-fördelning, 8 frihetsgrader" },
		/* 29 -> 48, e = 1: independent binom.test p < 0.05, up. */
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 48, 0.039539532877977755, 19, 0, 0,
		  UP, "" },
	  } },
	{ .name = "lagesbild: year-to-date windows as periods, no population: no offset",
	  .indicator = "incidents_vbe", .report = "lagesbild", .npts = 10, .pts = { Y52(CNT) },
	  .nrows = 4,
	  .rows = {
		MK_Y52("2016-01-01..2016-10-31", "2025-01-01..2025-10-31"),
		POIS_NONE("2016-01-01..2016-10-31", "2025-01-01..2025-10-31",
		          "Utan befolkning som offset: befolkningen för 2016-01-01..2016-10-31 "
		          "saknas."),
		{ "change_vs_previous", "2024-01-01..2024-10-31", "2025-01-01..2025-10-31", 2, H_CHC,
		  88, 0.7597940341218284, 5, 0, 0, NONE, "" },
	  } },
	{ .name = "statistics.md logistic reference (survey years 2016..2024)",
	  .indicator = "andel_otrygga_kvall", .report = "vb", .npts = 5,
	  .pts = { SHR(2016, 0.312, 612.5), SHR(2018, 0.268, 640.2), SHR(2020, 0.305, 598.8),
	           SHR(2022, 0.231, 655.1), SHR(2024, 0.243, 630.4) },
	  .nrows = 4,
	  .rows = {
		/* Independent: S = -6, inversions >= 8 of 5! = 14/120, p = 28/120. */
		{ "mann_kendall", "2016", "2024", 5, H_MK, -6, 28.0 / 120.0, -0.6, 0, 0, NONE,
		  "Exakt" },
		{ "sen_slope", "2016", "2024", 5, H_SEN, 0, 28.0 / 120.0, -0.0089375, -0.037, 0.0185,
		  NONE, "" },
		{ "logistic_trend", "2016", "2024", 5, H_FIT, -0.04444986414 / 0.02152810486,
		  0.1309003051, 0.9565235550, 0.8931846881, 1.024354004, NONE, "Överspridning" },
		/* 0.231 (655.1) -> 0.243 (630.4): independent z-test and Newcombe. */
		{ "change_vs_previous", "2022", "2024", 2, H_CHS, 0.5057560407129986,
		  0.613027921799202, 0.012, -0.03443842804404249, 0.0585024804611799, NONE, "" },
	  } },
	{ .name = "statistics.md survey change 0.305 -> 0.231; four survey years: no trend",
	  .indicator = "andel_otrygga_kvall", .report = "vb", .npts = 4,
	  .pts = { SHR(2016, 0.312, 612.5), SHR(2018, 0.268, 640.2), SHR(2020, 0.305, 598.8),
	           SHR(2022, 0.231, 655.1) },
	  .nrows = 1,
	  .rows = {
		{ "change_vs_previous", "2020", "2022", 2, H_CHS, -2.959614453, 0.003080242614,
		  -0.074, -0.1228383933, -0.02496510123, DOWN, "" },
	  },
	  .nskips = 1,
	  .skips = { { MK | SEN | LOGIT, "Serien har bara 4 enkätår; trendtest kräver minst 5." } } },
	{ .name = "statistics.md change 23 -> 37 (dialogues, two years)",
	  .indicator = "dialogues", .report = "vb", .npts = 2,
	  .pts = { CNT(2024, 23), CNT(2025, 37) },
	  .nrows = 1,
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 37, 0.09246098107, 14, 0, 0,
	              NONE, "" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | POIS, "Serien har bara 2 år; trendtest kräver minst 5." } } },
	{ .name = "statistics.md change 52 -> 88 with populations (incidents_vbe)",
	  .indicator = "incidents_vbe", .report = "vb", .npts = 2,
	  .pts = { CNTP(2024, 52, 10400), CNTP(2025, 88, 11560) },
	  .nrows = 1,
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.01753370849, 36, 0, 0,
	              UP, "exponering" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | POIS, "Serien har bara 2 år; trendtest kräver minst 5." } } },
	{ .name = "dialogues ignore exposures: 52 -> 88 with e = 1",
	  .indicator = "dialogues", .report = "vb", .npts = 2,
	  .pts = { CNTP(2024, 52, 10400), CNTP(2025, 88, 11560) },
	  .nrows = 1,
	  /* Independent binom.test of 88 of 140 at 1/2. */
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.0029587002331942554,
	              36, 0, 0, UP, "" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | POIS, "Serien har bara 2 år; trendtest kräver minst 5." } } },
	{ .name = "rate row 52 -> 88: rate difference per 10 000; an earlier year without rate",
	  .indicator = "incident_rate_per_10000", .report = "vb", .npts = 3,
	  .pts = { { .year = 2023, .has = 0 }, RATE(2024, 52, 10400), RATE(2025, 88, 11560) },
	  .nrows = 1,
	  /* By hand: (88/11560 − 52/10400)·10 000 = 26.12456747404844. */
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.01753370849,
	              26.12456747404844, 0, 0, UP, "" } } },
	{ .name = "rate without the latest population: no change row",
	  .indicator = "incident_rate_per_10000", .report = "vb", .npts = 2,
	  .pts = { RATE(2024, 52, 10400), { .year = 2025, .n = 88, .has = FIG_N } },
	  .nskips = 1,
	  .skips = { { CHG, "Jämförelsen med föregående görs inte: befolkningen för 2025 saknas." } } },
	{ .name = "rate with its count in the table: the last two years have rates",
	  .indicator = "incident_rate_per_10000", .report = "vb", .npts = 2,
	  .pts = { RATE(2024, 52, 10400), RATE(2025, 88, 11560) },
	  .other = "incidents_vbe", .nother = 2,
	  .other_pts = { CNTP(2024, 52, 10400), CNTP(2025, 88, 11560) },
	  .nrows = 1,
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.01753370849,
	              26.12456747404844, 0, 0, UP, "" } },
	  .nskips = 0 },
	{ .name = "rate: no population for the latest year (count series present)",
	  .indicator = "incident_rate_per_10000", .report = "lagesbild", .npts = 2,
	  .pts = { RATE(2023, 40, 10300), RATE(2024, 52, 10400) },
	  .other = "incidents_vbe", .nother = 3,
	  .other_pts = { CNTP(2023, 40, 10300), CNTP(2024, 52, 10400), CNT(2025, 88) },
	  .nskips = 1,
	  .skips = { { CHG, "Jämförelsen med föregående görs inte: befolkningen för "
	                    "2025-01-01..2025-10-31 saknas." } } },
	{ .name = "rate: no population for the year before the latest",
	  .indicator = "incident_rate_per_10000", .report = "vb", .npts = 2,
	  .pts = { RATE(2023, 40, 10300), RATE(2025, 88, 11560) },
	  .other = "incidents_vbe", .nother = 3,
	  .other_pts = { CNTP(2023, 40, 10300), CNT(2024, 52), CNTP(2025, 88, 11560) },
	  .nskips = 1,
	  .skips = { { CHG, "Jämförelsen med föregående görs inte: befolkningen för 2024 "
	                    "saknas." } } },
	{ .name = "statistics.md Mann–Kendall row 1: exact, up (dialogue_participants)",
	  .indicator = "dialogue_participants", .report = "vb", .npts = 8,
	  .pts = { VAL(2018, 12), VAL(2019, 15), VAL(2020, 14), VAL(2021, 18), VAL(2022, 21),
	           VAL(2023, 19), VAL(2024, 25), VAL(2025, 27) },
	  .nrows = 2,
	  .rows = {
		{ "mann_kendall", "2018", "2025", 8, H_MK, 24, 0.001736111111, 0.8571428571, 0, 0, UP,
		  "Exakt" },
		{ "sen_slope", "2018", "2025", 8, H_SEN, 0, 0.001736111111, 2, 1.4, 3, UP, "" },
	  } },
	{ .name = "statistics.md Mann–Kendall row 2: ties, normal, down",
	  .indicator = "dialogue_participants", .report = "vb", .npts = 10,
	  .pts = { VAL(2016, 34), VAL(2017, 31), VAL(2018, 36), VAL(2019, 31), VAL(2020, 29),
	           VAL(2021, 28), VAL(2022, 28), VAL(2023, 25), VAL(2024, 27), VAL(2025, 22) },
	  .nrows = 2,
	  .rows = {
		{ "mann_kendall", "2016", "2025", 10, H_MK, -37, 0.001170344469, -0.8411263520, 0, 0,
		  DOWN, "normalapproximation" },
		{ "sen_slope", "2016", "2025", 10, H_SEN, 0, 0.001170344469, -1.25, -1.5,
		  -0.6666666667, DOWN, "" },
	  } },
	{ .name = "statistics.md Mann–Kendall row 3: S > 0 but p >= 0.05, no direction",
	  .indicator = "dialogue_participants", .report = "vb", .npts = 6,
	  .pts = { VAL(2020, 5), VAL(2021, 7), VAL(2022, 6), VAL(2023, 9), VAL(2024, 11),
	           VAL(2025, 10) },
	  .nrows = 2,
	  .rows = {
		{ "mann_kendall", "2020", "2025", 6, H_MK, 11, 0.05555555556, 0.7333333333, 0, 0,
		  NONE, "Exakt p-värde." },
		{ "sen_slope", "2020", "2025", 6, H_SEN, 0, 0.05555555556, 1.333333333, -1, 2.5, NONE,
		  "" },
	  } },
	{ .name = "record share: Mann–Kendall and Sen only (andel_dialoger_vbe)",
	  .indicator = "andel_dialoger_vbe", .report = "lagesbild", .npts = 5,
	  .pts = { VAL(2021, 0.5), VAL(2022, 0.55), VAL(2023, 0.6), VAL(2024, 0.58),
	           VAL(2025, 0.7) },
	  .nrows = 2,
	  .rows = {
		{ "mann_kendall", "2021-01-01..2021-10-31", "2025-01-01..2025-10-31", 5, H_MK, 8,
		  1.0 / 12.0, 0.8, 0, 0, NONE, "Exakt p-värde." },
		{ "sen_slope", "2021-01-01..2021-10-31", "2025-01-01..2025-10-31", 5, H_SEN, 0,
		  1.0 / 12.0, 0.05, -0.02, 0.12, NONE, "" },
	  } },
	{ .name = "constant positive counts: S = 0, p = 1, no tau; Poisson b1 = 0, p = 1",
	  .indicator = "dialogues", .report = "vb", .npts = 5,
	  .pts = { CNT(2021, 5), CNT(2022, 5), CNT(2023, 5), CNT(2024, 5), CNT(2025, 5) },
	  .nrows = 4,
	  .rows = {
		{ "mann_kendall", "2021", "2025", 5, H_TIED, 0, 1, 0, 0, 0, NONE,
		  "Alla värden är lika" },
		{ "sen_slope", "2021", "2025", 5, H_SEN, 0, 1, 0, 0, 0, NONE, "lutningen är 0" },
		/* By hand: mu = 5, centred t = -2..2, cov11 = 1/(5·10), phi = 1, so
		 * SE = sqrt(0.02), interval exp(±1.959963985·SE) =
		 * exp(±0.2771807649). */
		{ "poisson_trend", "2021", "2025", 5, H_FIT, 0, 1, 1, 0.7579174798722589,
		  1.3194048515262404, NONE, "" },
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 5, 1, 0, 0, 0, NONE, "" },
	  } },
	{ .name = "all counts zero: no Poisson estimate, fields empty",
	  .indicator = "dialogues", .report = "vb", .npts = 5,
	  .pts = { CNT(2021, 0), CNT(2022, 0), CNT(2023, 0), CNT(2024, 0), CNT(2025, 0) },
	  .nrows = 4,
	  .rows = {
		{ "mann_kendall", "2021", "2025", 5, H_TIED, 0, 1, 0, 0, 0, NONE, "Alla värden" },
		{ "sen_slope", "2021", "2025", 5, H_SEN, 0, 1, 0, 0, 0, NONE, "lutningen är 0" },
		{ "poisson_trend", "2021", "2025", 5, 0, 0, 0, 0, 0, 0, NONE,
		  "Trenden kan inte skattas" },
		/* By hand: no events, p = 1. */
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 0, 1, 0, 0, 0, NONE, "" },
	  } },
	{ .name = "every count in the last year: no Poisson estimate",
	  .indicator = "dialogues", .report = "vb", .npts = 5,
	  .pts = { CNT(2021, 0), CNT(2022, 0), CNT(2023, 0), CNT(2024, 0), CNT(2025, 7) },
	  .nrows = 4,
	  .rows = {
		/* Independent: ties, Var S = (300 − 156)/18 = 8, z = 3/sqrt 8;
		 * tau_b = 4/sqrt(4·10). */
		{ "mann_kendall", "2021", "2025", 5, H_MK, 4, 0.28884436634648497,
		  0.6324555320336759, 0, 0, NONE, "normalapproximation" },
		{ "sen_slope", "2021", "2025", 5, H_SEN, 0, 0.28884436634648497, 0, 0, 3.5, NONE, "" },
		{ "poisson_trend", "2021", "2025", 5, 0, 0, 0, 0, 0, 0, NONE, "kan inte skattas" },
		/* By hand: Bin(7, 1/2), p = 2/128. */
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 7, 0.015625, 7, 0, 0, UP, "" },
	  } },
	{ .name = "survey shares all 0: no logistic estimate, no z",
	  .indicator = "andel_otrygga_kvall", .report = "vb", .npts = 5,
	  .pts = { SHR(2016, 0, 100), SHR(2018, 0, 100), SHR(2020, 0, 100), SHR(2022, 0, 100),
	           SHR(2024, 0, 100) },
	  .nrows = 4,
	  .rows = {
		{ "mann_kendall", "2016", "2024", 5, H_TIED, 0, 1, 0, 0, 0, NONE, "Alla värden" },
		{ "sen_slope", "2016", "2024", 5, H_SEN, 0, 1, 0, 0, 0, NONE, "lutningen är 0" },
		{ "logistic_trend", "2016", "2024", 5, 0, 0, 0, 0, 0, 0, NONE,
		  "Trenden kan inte skattas" },
		{ "change_vs_previous", "2022", "2024", 2, 0, 0, 0, 0, 0, 0, NONE,
		  "Testet finns inte" },
	  } },
	{ .name = "constant survey share 0.3: logistic b1 = 0, p = 1",
	  .indicator = "andel_otrygga_kvall", .report = "lagesbild", .npts = 5,
	  .pts = { SHR(2016, 0.3, 100), SHR(2018, 0.3, 100), SHR(2020, 0.3, 100),
	           SHR(2022, 0.3, 100), SHR(2024, 0.3, 100) },
	  .nrows = 4,
	  .rows = {
		{ "mann_kendall", "2016-01-01..2016-10-31", "2024-01-01..2024-10-31", 5, H_TIED, 0, 1,
		  0, 0, 0, NONE, "Alla värden är lika" },
		{ "sen_slope", "2016-01-01..2016-10-31", "2024-01-01..2024-10-31", 5, H_SEN, 0, 1, 0,
		  0, 0, NONE, "lutningen är 0" },
		/* By hand: weights 100·0.3·0.7 = 21, centred t = -4, -2, 0, 2, 4,
		 * cov11 = 1/(21·40), phi = 1, interval exp(±1.959963985·sqrt(1/840))
		 * = exp(±0.0676251822). */
		{ "logistic_trend", "2016-01-01..2016-10-31", "2024-01-01..2024-10-31", 5, H_FIT, 0,
		  1, 1, 0.9346107167006475, 1.069964191647822, NONE, "" },
		/* z = 0, p = 1; Newcombe with equal Wilson limits (independent). */
		{ "change_vs_previous", "2022-01-01..2022-10-31", "2024-01-01..2024-10-31", 2, H_CHS,
		  0, 1, 0, -0.12552383149214505, 0.12552383149214505, NONE, "" },
	  } },
	{ .name = "three points with min_points 3: every test runs",
	  .indicator = "dialogues", .report = "vb", .min_points = 3, .npts = 3,
	  .pts = { CNT(2023, 10), CNT(2024, 20), CNT(2025, 30) },
	  .nrows = 4,
	  .rows = {
		/* By hand: S = 3 is the one permutation of 6, p = 2/6. */
		{ "mann_kendall", "2023", "2025", 3, H_MK, 3, 1.0 / 3.0, 1, 0, 0, NONE, "Exakt p-värde." },
		{ "sen_slope", "2023", "2025", 3, H_SEN, 0, 1.0 / 3.0, 10, 10, 10, NONE, "" },
		/* Independent IRLS; phi = 1 (Pearson X² < 1). */
		{ "poisson_trend", "2023", "2025", 3, H_FIT, 3.092410382731013, 0.0019853817029427583,
		  1.6861406616345067, 1.2108460505035767, 2.348003141798953, UP, "" },
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 30, 0.20263875106454066, 10, 0, 0,
		  NONE, "" },
	  } },
	{ .name = "three points with the default: no trend rows, a note",
	  .indicator = "dialogues", .report = "vb", .npts = 3,
	  .pts = { CNT(2023, 10), CNT(2024, 20), CNT(2025, 30) },
	  .nrows = 1,
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 30, 0.20263875106454066, 10,
	              0, 0, NONE, "" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | POIS, "Serien har bara 3 år; trendtest kräver minst 5." } } },
	{ .name = "min_points below 2 is raised: two points, Poisson needs 3",
	  .indicator = "dialogues", .report = "vb", .min_points = -1, .npts = 2,
	  .pts = { CNT(2024, 10), CNT(2025, 20) },
	  .nrows = 3,
	  .rows = {
		/* By hand: S = 1 of the two permutations, p = min(1, 2·1/2) = 1. */
		{ "mann_kendall", "2024", "2025", 2, H_MK, 1, 1, 1, 0, 0, NONE, "Exakt p-värde." },
		{ "sen_slope", "2024", "2025", 2, H_SEN, 0, 1, 10, 10, 10, NONE, "" },
		/* Independent binom.test of 20 of 30 at 1/2. */
		{ "change_vs_previous", "2024", "2025", 2, H_CHC, 20, 0.09873714670538902, 10, 0, 0,
		  NONE, "" },
	  },
	  .nskips = 1,
	  .skips = { { POIS, "Serien har bara 2 år; Poissontrenden kräver minst 3." } } },
	{ .name = "one point: neither trend nor change",
	  .indicator = "andel_otrygga_kvall", .report = "vb", .npts = 1,
	  .pts = { SHR(2024, 0.243, 630.4) },
	  .nskips = 2,
	  .skips = {
		{ MK | SEN | LOGIT, "Serien har bara 1 enkätår; trendtest kräver minst 5." },
		{ CHG, "Serien har bara 1 enkätår; jämförelsen med föregående kräver 2." },
	  } },
	{ .name = "a suppressed point skips the trend tests; the last two still compare",
	  .indicator = "dialogues", .report = "vb", .npts = 10,
	  .pts = { CNT(2016, 52), CNT(2017, 48), CNTX(2018, 61), CNT(2019, 55), CNT(2020, 67),
	           CNT(2021, 70), CNT(2022, 64), CNT(2023, 79), CNT(2024, 83), CNT(2025, 88) },
	  .nrows = 1,
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 88, 0.7597940341218284, 5, 0,
	              0, NONE, "" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | POIS, "Trendtest görs inte: värdet för 2018 är skyddat (..)." } } },
	{ .name = "a suppressed latest point skips every test",
	  .indicator = "dialogues", .report = "vb", .npts = 10,
	  .pts = { CNT(2016, 52), CNT(2017, 48), CNT(2018, 61), CNT(2019, 55), CNT(2020, 67),
	           CNT(2021, 70), CNT(2022, 64), CNT(2023, 79), CNT(2024, 83), CNTX(2025, 88) },
	  .nskips = 2,
	  .skips = {
		{ MK | SEN | POIS, "Trendtest görs inte: värdet för 2025 är skyddat (..)." },
		{ CHG, "Jämförelsen med föregående görs inte: värdet för 2025 är skyddat (..)." },
	  } },
	{ .name = "a missing value skips the trend tests",
	  .indicator = "dialogue_participants", .report = "vb", .npts = 5,
	  .pts = { VAL(2021, 10), VAL(2022, 12), { .year = 2023 }, VAL(2024, 15), VAL(2025, 17) },
	  .nskips = 1,
	  .skips = { { MK | SEN, "Trendtest görs inte: värdet för 2023 saknas." } } },
	{ .name = "a suppressed survey share in the middle; the last two compare",
	  .indicator = "andel_otrygga_kvall", .report = "vb", .npts = 5,
	  .pts = { SHR(2016, 0.312, 612.5),
	           { .year = 2018, .has = FIG_N, .n = 25, .neff = 24.1, .suppressed = 1 },
	           SHR(2020, 0.305, 598.8), SHR(2022, 0.231, 655.1), SHR(2024, 0.243, 630.4) },
	  .nrows = 1,
	  .rows = { { "change_vs_previous", "2022", "2024", 2, H_CHS, 0.5057560407129986,
	              0.613027921799202, 0.012, -0.03443842804404249, 0.0585024804611799, NONE,
	              "" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | LOGIT, "Trendtest görs inte: värdet för 2018 är skyddat (..)." } } },
	{ .name = "a survey share without effective n cannot be compared",
	  .indicator = "andel_otrygga_kvall", .report = "vb", .npts = 2,
	  .pts = { SHR(2022, 0.231, 655.1), { .year = 2024, .value = 0.243, .has = FIG_VALUE } },
	  .nskips = 2,
	  .skips = {
		{ MK | SEN | LOGIT, "Trendtest görs inte: det effektiva urvalet för 2024 saknas." },
		{ CHG, "Jämförelsen med föregående görs inte: det effektiva urvalet för 2024 "
		       "saknas." },
	  } },
	{ .name = "with populations the direction follows the rate: 100 -> 101, population doubled",
	  .indicator = "incidents_vbe", .report = "vb", .npts = 2,
	  .pts = { CNTP(2024, 100, 10000), CNTP(2025, 101, 20000) },
	  .nrows = 1,
	  /* Independent binom.test of 101 of 201 at 2/3. */
	  .rows = { { "change_vs_previous", "2024", "2025", 2, H_CHC, 101, 1.9262970648353727e-06,
	              1, 0, 0, DOWN, "andra hållet" } },
	  .nskips = 1,
	  .skips = { { MK | SEN | POIS, "Serien har bara 2 år; trendtest kräver minst 5." } } },
};

static const char *method_name_of(unsigned bit)
{
	return bit == MK ? "mann_kendall" : bit == SEN ? "sen_slope" : bit == POIS ? "poisson_trend"
	     : bit == LOGIT ? "logistic_trend" : bit == CHG ? "change_vs_previous" : "?";
}

static void check_row(const char *name, size_t i, const vbs_trend *r, const struct want_row *w,
                      const char *report, const char *indicator)
{
	char what[96];

	snprintf(what, sizeof(what), "row %zu method", i);
	check_str(name, what, r->method, w->method);
#define WHAT(field) (snprintf(what, sizeof(what), "row %zu (%s) %s", i, w->method, field), what)
	check_str(name, WHAT("report"), r->report, report);
	check_str(name, WHAT("source"), r->source, source_of(indicator));
	check_str(name, WHAT("indicator"), r->indicator, indicator);
	check_str(name, WHAT("dimension"), r->dimension, "total");
	check_str(name, WHAT("category"), r->category, "alla");
	check_str(name, WHAT("first_period"), r->first_period, w->first);
	check_str(name, WHAT("last_period"), r->last_period, w->last);
	check_str(name, WHAT("method of method_bit"), method_name_of(r->method_bit), w->method);
	if (r->n_points != w->n_points)
		fail_msg("case '%s': %s = %d, want %d", name, WHAT("n_points"), r->n_points,
		         w->n_points);
	if (r->has != w->has)
		fail_msg("case '%s': %s = %#x, want %#x (1 statistic, 2 p, 4 estimate, 8 interval)",
		         name, WHAT("has"), r->has, w->has);
	if (r->has & TREND_HAS_STATISTIC)
		check_close(name, WHAT("statistic"), r->statistic, w->statistic);
	if (r->has & TREND_HAS_P)
		check_close(name, WHAT("p_value"), r->p_value, w->p);
	if (r->has & TREND_HAS_ESTIMATE)
		check_close(name, WHAT("estimate"), r->estimate, w->estimate);
	if (r->has & TREND_HAS_CI) {
		check_close(name, WHAT("ci_low"), r->ci_low, w->lo);
		check_close(name, WHAT("ci_high"), r->ci_high, w->hi);
	}
	check_str(name, WHAT("direction"), r->direction, w->direction);
	if (w->note && (*w->note ? !strstr(r->note, w->note) : r->note[0] != '\0'))
		fail_msg("case '%s': %s is \"%s\", want %s\"%s\"", name, WHAT("note"), r->note,
		         *w->note ? "it to hold " : "", w->note);
#undef WHAT
}

static void run_series_case(const struct series_case *c, const vbs_indicators *defs)
{
	vbs_figures figs;
	vbs_trends out;
	vbs_error err;
	int min_points = c->min_points ? c->min_points : TRENDS_MIN_POINTS_DEFAULT;
	const vbs_trend *rows[ROWS_MAX + 1];
	const vbs_trend_skip *skips[SKIPS_MAX + 1];
	int nrows = 0, nskips = 0;

	figures_init(&figs);
	trends_init(&out);
	error_init(&err);
	for (int i = 0; i < c->nother; i++)
		add_point(&figs, c->report, c->other, "total", "alla", &c->other_pts[i]);
	for (int i = 0; i < c->npts; i++)
		add_point(&figs, c->report, c->indicator, "total", "alla", &c->pts[i]);
	if (trends_build(&figs, defs, min_points, &out, &err) != 0)
		fail_msg("case '%s': trends_build failed: %s", c->name, err.message);
	/* Only the case's indicator: the other one's tests are not checked. */
	for (size_t i = 0; i < out.n; i++)
		if (strcmp(out.rows[i].indicator, c->indicator) == 0 && nrows <= ROWS_MAX)
			rows[nrows++] = &out.rows[i];
	for (size_t i = 0; i < out.nskips; i++)
		if (strcmp(out.skips[i].indicator, c->indicator) == 0 && nskips <= SKIPS_MAX)
			skips[nskips++] = &out.skips[i];
	if (nrows != c->nrows) {
		for (int i = 0; i < nrows; i++)
			print_error("  got row %d: %s \"%s\"\n", i, rows[i]->method, rows[i]->note);
		for (int i = 0; i < nskips; i++)
			print_error("  got skip %d: \"%s\"\n", i, skips[i]->note);
		fail_msg("case '%s': %d rows, want %d", c->name, nrows, c->nrows);
	}
	for (int i = 0; i < c->nrows; i++)
		check_row(c->name, (size_t)i, rows[i], &c->rows[i], c->report, c->indicator);
	if (nskips != c->nskips) {
		for (int i = 0; i < nskips; i++)
			print_error("  got skip %d: \"%s\"\n", i, skips[i]->note);
		fail_msg("case '%s': %d skipped series notes, want %d", c->name, nskips, c->nskips);
	}
	for (int i = 0; i < c->nskips; i++) {
		const vbs_trend_skip *k = skips[i];
		char what[64];

		if (k->methods != c->skips[i].methods)
			fail_msg("case '%s': skip %d methods %#x, want %#x", c->name, i, k->methods,
			         c->skips[i].methods);
		snprintf(what, sizeof(what), "skip %d note", i);
		check_str(c->name, what, k->note, c->skips[i].note);
		snprintf(what, sizeof(what), "skip %d report", i);
		check_str(c->name, what, k->report, c->report);
		snprintf(what, sizeof(what), "skip %d indicator", i);
		check_str(c->name, what, k->indicator, c->indicator);
		snprintf(what, sizeof(what), "skip %d dimension", i);
		check_str(c->name, what, k->dimension, "total");
		if (k->n_points != c->npts)
			fail_msg("case '%s': skip %d n_points %d, want %d", c->name, i, k->n_points,
			         c->npts);
	}
	trends_release(&out);
	figures_release(&figs);
}

static void test_series(void **state)
{
	vbs_indicators *defs = defs_make();

	(void)state;
	for (size_t i = 0; i < sizeof(series_cases) / sizeof(series_cases[0]); i++)
		run_series_case(&series_cases[i], defs);
	free(defs);
}

/* ---- order, filtering and keys ------------------------------------------ */

/* Two indicators, both reports, with breakdown rows, other indicators and a
 * test-less indicator interleaved: only the totals are tested, indicators in
 * defs order, vb before lagesbild, methods in the fixed order. */
static void test_order_and_filtering(void **state)
{
	static const struct point counts[] = { CNT(2021, 10), CNT(2022, 12), CNT(2023, 15),
	                                       CNT(2024, 14), CNT(2025, 20) };
	static const struct point noise = CNT(2023, 1000);
	static const struct {
		const char *indicator, *report, *method;
	} want[] = {
		{ "incidents_vbe", "vb", "mann_kendall" },
		{ "incidents_vbe", "vb", "sen_slope" },
		{ "incidents_vbe", "vb", "poisson_trend" },
		{ "incidents_vbe", "vb", "change_vs_previous" },
		{ "incidents_vbe", "lagesbild", "mann_kendall" },
		{ "incidents_vbe", "lagesbild", "sen_slope" },
		{ "incidents_vbe", "lagesbild", "poisson_trend" },
		{ "incidents_vbe", "lagesbild", "change_vs_previous" },
		{ "dialogue_participants", "vb", "mann_kendall" },
		{ "dialogue_participants", "vb", "sen_slope" },
	};
	vbs_indicators *defs = defs_make();
	vbs_figures figs;
	vbs_trends out;
	vbs_error err;

	(void)state;
	figures_init(&figs);
	trends_init(&out);
	error_init(&err);
	/* Table order: lagesbild figures first, dialogue rows before IA rows. */
	for (size_t i = 0; i < 5; i++) {
		add_point(&figs, "vb", "dialogue_participants", "total", "alla", &counts[i]);
		add_point(&figs, "lagesbild", "incidents_vbe", "total", "alla", &counts[i]);
		add_point(&figs, "lagesbild", "incidents_vbe", "omrade", "Gärdet", &noise);
		add_point(&figs, "vb", "incidents_vbe", "total", "Gärdet", &noise);
		add_point(&figs, "vb", "incidents_vbe", "miljo", "alla", &noise);
		add_point(&figs, "vb", "klotter_antal", "total", "alla", &counts[i]);
	}
	for (size_t i = 0; i < 5; i++)
		add_point(&figs, "vb", "incidents_vbe", "total", "alla", &counts[i]);
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != 0)
		fail_msg("trends_build failed: %s", err.message);
	if (out.n != sizeof(want) / sizeof(want[0]) || out.nskips != 0)
		fail_msg("%zu rows and %zu skips, want %zu rows and none (breakdowns, other "
		         "categories or klotter_antal leaked in?)", out.n, out.nskips,
		         sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < out.n; i++) {
		const vbs_trend *r = &out.rows[i];

		if (strcmp(r->indicator, want[i].indicator) != 0 ||
		    strcmp(r->report, want[i].report) != 0 || strcmp(r->method, want[i].method) != 0)
			fail_msg("row %zu is %s/%s/%s, want %s/%s/%s", i, r->indicator, r->report,
			         r->method, want[i].indicator, want[i].report, want[i].method);
		/* The 1000s of the breakdown rows would make S = 10 impossible. */
		if (r->method_bit == MK && !(r->statistic == 8))
			fail_msg("row %zu: S = %g, want 8 from the totals alone", i, r->statistic);
	}
	trends_release(&out);
	figures_release(&figs);
	free(defs);
}

/* Keys point at the figures' strings; periods are copies that survive the
 * figures table. */
static void test_keys_and_lifetime(void **state)
{
	static const struct point pts[] = { CNT(2021, 10), CNT(2022, 12), CNT(2023, 15),
	                                    CNT(2024, 14), CNT(2025, 20) };
	vbs_indicators *defs = defs_make();
	vbs_figures figs;
	vbs_trends out;
	vbs_error err;
	const char *source;

	(void)state;
	figures_init(&figs);
	trends_init(&out);
	error_init(&err);
	for (size_t i = 0; i < 5; i++)
		add_point(&figs, "vb", "dialogues", "total", "alla", &pts[i]);
	source = figs.rows[0].source;
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != 0 || out.n != 4)
		fail_msg("trends_build: %zu rows, want 4 (%s)", out.n, err.message);
	if (out.rows[0].source != source || out.rows[0].indicator != figs.rows[0].indicator)
		fail_msg("source and indicator should be the figure's own pointers");
	figures_release(&figs);
	check_str("lifetime", "first_period after figures_release", out.rows[0].first_period,
	          "2021");
	check_str("lifetime", "last_period after figures_release", out.rows[3].last_period,
	          "2025");
	check_str("lifetime", "first_period of the change", out.rows[3].first_period, "2024");
	trends_release(&out);
	if (out.rows || out.n || out.skips || out.nskips)
		fail_msg("trends_release should leave the table empty");
	trends_release(&out); /* twice is harmless */
	free(defs);
}

/* Calls append; an error leaves the table as it was. */
static void test_append_and_errors(void **state)
{
	static const struct point pts[] = { CNT(2021, 10), CNT(2022, 12), CNT(2023, 15),
	                                    CNT(2024, 14), CNT(2025, 20) };
	static const struct point late = CNT(2020, 3), dup = CNT(2025, 3);
	vbs_indicators *defs = defs_make();
	vbs_figures figs;
	vbs_trends out;
	vbs_error err;

	(void)state;
	figures_init(&figs);
	trends_init(&out);
	error_init(&err);
	for (size_t i = 0; i < 5; i++)
		add_point(&figs, "vb", "dialogues", "total", "alla", &pts[i]);
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != 0 || out.n != 4)
		fail_msg("first call: %zu rows, want 4", out.n);
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != 0 || out.n != 8)
		fail_msg("second call should append: %zu rows, want 8", out.n);

	/* A year out of time order: an internal error, table unchanged. */
	add_point(&figs, "vb", "incidents_vbe", "total", "alla", &pts[0]);
	add_point(&figs, "vb", "incidents_vbe", "total", "alla", &late);
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != -1)
		fail_msg("a series with 2021 before 2020 was accepted");
	if (err.code != VBS_E_SOFTWARE || !strstr(err.message, "incidents_vbe"))
		fail_msg("out-of-order years: code %d \"%s\", want VBS_E_SOFTWARE naming the "
		         "indicator", err.code, err.message);
	if (out.n != 8 || out.nskips != 0)
		fail_msg("a failed call changed the table: %zu rows, %zu skips", out.n, out.nskips);
	figures_release(&figs);

	/* Two figures for one year. */
	figures_init(&figs);
	error_init(&err);
	for (size_t i = 0; i < 5; i++)
		add_point(&figs, "lagesbild", "dialogues", "total", "alla", &pts[i]);
	add_point(&figs, "lagesbild", "dialogues", "total", "alla", &dup);
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != -1 ||
	    err.code != VBS_E_SOFTWARE)
		fail_msg("two figures for 2025: code %d, want VBS_E_SOFTWARE", err.code);
	if (out.n != 8)
		fail_msg("a failed call changed the table: %zu rows", out.n);
	figures_release(&figs);

	/* A test the kind has no method for: a configuration error. */
	figures_init(&figs);
	error_init(&err);
	defs->items[4].trends |= POIS; /* dialogue_participants, a sum */
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != -1 ||
	    err.code != VBS_E_CONFIG)
		fail_msg("poisson_trend on a sum: code %d, want VBS_E_CONFIG", err.code);
	check_str("kind check", "error file", err.file, TEST_DEFS_PATH);
	if (!strstr(err.message, "dialogue_participants") || !strstr(err.message, "poisson_trend"))
		fail_msg("the configuration error should name the indicator and the test: \"%s\"",
		         err.message);
	defs->items[4].trends = MK | SEN;
	defs->items[1].trends |= LOGIT; /* logistic on a rate */
	error_init(&err);
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != -1 ||
	    err.code != VBS_E_CONFIG)
		fail_msg("logistic_trend on a rate: code %d, want VBS_E_CONFIG", err.code);
	if (out.n != 8)
		fail_msg("a failed call changed the table: %zu rows", out.n);

	trends_release(&out);
	figures_release(&figs);
	free(defs);
}

/* ---- the real indicators.ini against statistics.md §4 ------------------ */

static const struct {
	const char *id;
	unsigned methods;
} spec_table[] = {
	{ "incidents_vbe", MK | SEN | POIS | CHG },
	{ "incidents_oklart", MK | SEN | POIS | CHG },
	{ "incident_rate_per_10000", CHG },
	{ "andel_otrygga_kvall", MK | SEN | LOGIT | CHG },
	{ "andel_livskvalitet_oro", MK | SEN | LOGIT | CHG },
	{ "andel_sett_extremistiska_budskap", MK | SEN | LOGIT | CHG },
	{ "andel_avstatt_aktivitet", MK | SEN | LOGIT | CHG },
	{ "dialogues", MK | SEN | POIS | CHG },
	{ "klotter_fynd", MK | SEN | POIS | CHG },
	{ "oroblanketter", MK | SEN | POIS | CHG },
	{ "dialogue_participants", MK | SEN },
	{ "andel_dialoger_trygghet", MK | SEN },
	{ "andel_dialoger_vbe", MK | SEN },
};

static unsigned spec_methods(const char *id)
{
	for (size_t i = 0; i < sizeof(spec_table) / sizeof(spec_table[0]); i++)
		if (strcmp(spec_table[i].id, id) == 0)
			return spec_table[i].methods;
	return 0; /* "every other indicator: none" */
}

static void test_real_indicators(void **state)
{
	vbs_indicators *defs = calloc(1, sizeof(*defs));
	vbs_figures figs;
	vbs_trends out;
	vbs_error err;

	(void)state;
	if (!defs)
		fail_msg("out of memory");
	error_init(&err);
	if (indicators_load(defs, "pipeline", &err) != 0)
		fail_msg("pipeline/indicators.ini: %s", err.message);
	for (size_t i = 0; i < sizeof(spec_table) / sizeof(spec_table[0]); i++)
		if (!indicators_find(defs, spec_table[i].id))
			fail_msg("statistics.md §4 names '%s', missing from pipeline/indicators.ini",
			         spec_table[i].id);
	figures_init(&figs);
	trends_init(&out);
	for (int d = 0; d < defs->n; d++) {
		const vbs_indicator *ind = &defs->items[d];

		for (int y = 2020; y <= 2025; y++) {
			vbs_figure f = {
				.report = "vb", .source = ind->source, .indicator = ind->id,
				.dimension = "total", .category = "alla", .year = y,
				.value = 10 + y % 7, .has = FIG_VALUE, .exposure = 10000 + y,
			};

			if (ind->kind == KIND_SHARE || ind->kind == KIND_RECORD_SHARE)
				f.value = 0.1 + 0.01 * (y % 7);
			if (ind->kind == KIND_SHARE)
				f.neff = 500;
			if (ind->kind == KIND_RATE) {
				f.n = 10 + y % 7;
				f.has |= FIG_N;
			}
			snprintf(f.period, sizeof(f.period), "%d", y);
			if (figures_add(&figs, &f, &err) != 0)
				fail_msg("figures_add: %s", err.message);
		}
	}
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &out, &err) != 0)
		fail_msg("trends_build on pipeline/indicators.ini: %s", err.message);
	if (out.nskips != 0)
		fail_msg("six usable years each, yet %zu series were skipped (first: \"%s\")",
		         out.nskips, out.skips[0].note);
	for (int d = 0; d < defs->n; d++) {
		unsigned got = 0;

		for (size_t i = 0; i < out.n; i++) {
			if (strcmp(out.rows[i].indicator, defs->items[d].id) != 0)
				continue;
			if (got & out.rows[i].method_bit)
				fail_msg("'%s' has two %s rows", defs->items[d].id, out.rows[i].method);
			got |= out.rows[i].method_bit;
		}
		if (got != spec_methods(defs->items[d].id))
			fail_msg("'%s' got tests %#x, statistics.md §4 lists %#x (1 MK, 2 Sen, "
			         "4 Poisson, 8 logistic, 16 change)", defs->items[d].id, got,
			         spec_methods(defs->items[d].id));
	}
	for (size_t i = 0; i < out.n; i++) {
		const vbs_trend *r = &out.rows[i];

		if (((r->has & TREND_HAS_STATISTIC) && !isfinite(r->statistic)) ||
		    ((r->has & TREND_HAS_P) && !(r->p_value >= 0 && r->p_value <= 1)) ||
		    ((r->has & TREND_HAS_ESTIMATE) && !isfinite(r->estimate)) ||
		    ((r->has & TREND_HAS_CI) && !(r->ci_low <= r->ci_high)))
			fail_msg("row %zu (%s %s) has a field that is not finite or out of range",
			         i, r->indicator, r->method);
	}
	trends_release(&out);
	figures_release(&figs);
	free(defs);
}

static void test_method_names(void **state)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ MK, "mann_kendall" }, { SEN, "sen_slope" }, { POIS, "poisson_trend" },
		{ LOGIT, "logistic_trend" }, { CHG, "change_vs_previous" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		check_str(names[i].name, "trends_method_name", trends_method_name(names[i].bit),
		          names[i].name);
	if (trends_method_name(0) || trends_method_name(MK | SEN))
		fail_msg("trends_method_name of no bit or two bits should be NULL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_order_and_filtering),
		cmocka_unit_test(test_keys_and_lifetime),
		cmocka_unit_test(test_append_and_errors),
		cmocka_unit_test(test_real_indicators),
		cmocka_unit_test(test_method_names),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
