/* test_periods: the report year, the VB years and the year-to-date windows
 * (labels, first and last days, 29 February), and periods_find at the
 * edges of every window. Day numbers are computed here independently of
 * base/date (days-from-civil, proleptic Gregorian). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "figures/periods.h"

/* Days since 1970-01-01 of y-m-d (H. Hinnant's days_from_civil). */
static int32_t civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

/* ---- report year ---------------------------------------------------------- */

static const struct ry_case {
	const char *name;
	int y, m, d;
	int want;
} ry_cases[] = {
	{ "sample's last day 2026-10-31", 2026, 10, 31, 2025 },
	{ "31 December closes its own year", 2026, 12, 31, 2026 },
	{ "1 January belongs to the year before", 2026, 1, 1, 2025 },
	{ "30 December is not yet the year", 2024, 12, 30, 2023 },
	{ "29 February", 2024, 2, 29, 2023 },
	{ "31 December of a leap year", 2024, 12, 31, 2024 },
};

static void test_report_year(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ry_cases) / sizeof(ry_cases[0]); i++) {
		const struct ry_case *c = &ry_cases[i];
		int got = periods_report_year(civil(c->y, c->m, c->d));

		if (got != c->want)
			fail_msg("case '%s': report year %d, want %d", c->name, got, c->want);
	}
}

/* ---- building ------------------------------------------------------------- */

enum { LABELS_MAX = 16 };

struct want_period {
	const char *label;
	int year;
	int fy, fm, fd; /* first day */
	int ly, lm, ld; /* last day */
};

static const struct build_case {
	const char *name;
	const char *report;
	int first_year;
	int ay, am, ad; /* as-of */
	int n;
	struct want_period p[LABELS_MAX];
} build_cases[] = {
	{ .name = "vb 2014..2025 as of 2026-10-31", .report = "vb", .first_year = 2014,
	  .ay = 2026, .am = 10, .ad = 31, .n = 12,
	  .p = { { "2014", 2014, 2014, 1, 1, 2014, 12, 31 },
	         { "2015", 2015, 2015, 1, 1, 2015, 12, 31 },
	         { "2016", 2016, 2016, 1, 1, 2016, 12, 31 },
	         { "2017", 2017, 2017, 1, 1, 2017, 12, 31 },
	         { "2018", 2018, 2018, 1, 1, 2018, 12, 31 },
	         { "2019", 2019, 2019, 1, 1, 2019, 12, 31 },
	         { "2020", 2020, 2020, 1, 1, 2020, 12, 31 },
	         { "2021", 2021, 2021, 1, 1, 2021, 12, 31 },
	         { "2022", 2022, 2022, 1, 1, 2022, 12, 31 },
	         { "2023", 2023, 2023, 1, 1, 2023, 12, 31 },
	         { "2024", 2024, 2024, 1, 1, 2024, 12, 31 },
	         { "2025", 2025, 2025, 1, 1, 2025, 12, 31 } } },
	{ .name = "vb as of 31 December includes that year", .report = "vb",
	  .first_year = 2025, .ay = 2026, .am = 12, .ad = 31, .n = 2,
	  .p = { { "2025", 2025, 2025, 1, 1, 2025, 12, 31 },
	         { "2026", 2026, 2026, 1, 1, 2026, 12, 31 } } },
	{ .name = "vb with the first year after the report year is empty",
	  .report = "vb", .first_year = 2026, .ay = 2026, .am = 10, .ad = 31, .n = 0 },
	{ .name = "lagesbild one window", .report = "lagesbild", .first_year = 2024,
	  .ay = 2024, .am = 10, .ad = 31, .n = 1,
	  .p = { { "2024-01-01..2024-10-31", 2024, 2024, 1, 1, 2024, 10, 31 } } },
	{ .name = "lagesbild windows up to the as-of year", .report = "lagesbild",
	  .first_year = 2022, .ay = 2024, .am = 10, .ad = 31, .n = 3,
	  .p = { { "2022-01-01..2022-10-31", 2022, 2022, 1, 1, 2022, 10, 31 },
	         { "2023-01-01..2023-10-31", 2023, 2023, 1, 1, 2023, 10, 31 },
	         { "2024-01-01..2024-10-31", 2024, 2024, 1, 1, 2024, 10, 31 } } },
	{ .name = "lagesbild as of 1 January is one day long", .report = "lagesbild",
	  .first_year = 2025, .ay = 2026, .am = 1, .ad = 1, .n = 2,
	  .p = { { "2025-01-01..2025-01-01", 2025, 2025, 1, 1, 2025, 1, 1 },
	         { "2026-01-01..2026-01-01", 2026, 2026, 1, 1, 2026, 1, 1 } } },
	{ .name = "lagesbild as of 29 February 2024: 28 February in 2023",
	  .report = "lagesbild", .first_year = 2023, .ay = 2024, .am = 2, .ad = 29, .n = 2,
	  .p = { { "2023-01-01..2023-02-28", 2023, 2023, 1, 1, 2023, 2, 28 },
	         { "2024-01-01..2024-02-29", 2024, 2024, 1, 1, 2024, 2, 29 } } },
	{ .name = "lagesbild as of 29 February 2028: 28 February in 2025",
	  .report = "lagesbild", .first_year = 2023, .ay = 2028, .am = 2, .ad = 29, .n = 6,
	  .p = { { "2023-01-01..2023-02-28", 2023, 2023, 1, 1, 2023, 2, 28 },
	         { "2024-01-01..2024-02-29", 2024, 2024, 1, 1, 2024, 2, 29 },
	         { "2025-01-01..2025-02-28", 2025, 2025, 1, 1, 2025, 2, 28 },
	         { "2026-01-01..2026-02-28", 2026, 2026, 1, 1, 2026, 2, 28 },
	         { "2027-01-01..2027-02-28", 2027, 2027, 1, 1, 2027, 2, 28 },
	         { "2028-01-01..2028-02-29", 2028, 2028, 1, 1, 2028, 2, 29 } } },
	{ .name = "vb as of 29 February 2024 ends with 2023", .report = "vb",
	  .first_year = 2022, .ay = 2024, .am = 2, .ad = 29, .n = 2,
	  .p = { { "2022", 2022, 2022, 1, 1, 2022, 12, 31 },
	         { "2023", 2023, 2023, 1, 1, 2023, 12, 31 } } },
};

static void test_build(void **state)
{
	static vbs_periods p; /* large: not on the stack */

	(void)state;
	for (size_t i = 0; i < sizeof(build_cases) / sizeof(build_cases[0]); i++) {
		const struct build_case *c = &build_cases[i];
		int rc = periods_build(&p, c->report, c->first_year, civil(c->ay, c->am, c->ad));

		if (rc != 0)
			fail_msg("case '%s': periods_build returned %d", c->name, rc);
		if (strcmp(p.report, c->report) != 0)
			fail_msg("case '%s': report \"%s\", want \"%s\"", c->name, p.report, c->report);
		if (p.n != c->n)
			fail_msg("case '%s': %d periods, want %d", c->name, p.n, c->n);
		for (int k = 0; k < c->n; k++) {
			const struct want_period *w = &c->p[k];
			const vbs_period *q = &p.items[k];

			if (strcmp(q->label, w->label) != 0)
				fail_msg("case '%s', period %d: label \"%s\", want \"%s\"", c->name,
				         k, q->label, w->label);
			if (q->year != w->year)
				fail_msg("case '%s', period %s: year %d, want %d", c->name, w->label,
				         q->year, w->year);
			if (q->first != civil(w->fy, w->fm, w->fd))
				fail_msg("case '%s', period %s: first day %d, want %d", c->name,
				         w->label, q->first, civil(w->fy, w->fm, w->fd));
			if (q->last != civil(w->ly, w->lm, w->ld))
				fail_msg("case '%s', period %s: last day %d, want %d", c->name,
				         w->label, q->last, civil(w->ly, w->lm, w->ld));
		}
	}
}

/* PERIODS_MAX periods fit; one more is refused. */
static void test_build_limit(void **state)
{
	static vbs_periods p;
	int32_t as_of = civil(2026, 10, 31); /* vb ends with 2025 */

	(void)state;
	if (periods_build(&p, "vb", 2025 - PERIODS_MAX + 1, as_of) != 0 || p.n != PERIODS_MAX)
		fail_msg("%d years (PERIODS_MAX) were refused or miscounted (n = %d)",
		         PERIODS_MAX, p.n);
	if (periods_build(&p, "vb", 2025 - PERIODS_MAX, as_of) != -1)
		fail_msg("%d years (PERIODS_MAX + 1) were accepted", PERIODS_MAX + 1);
	if (periods_build(&p, "lagesbild", 2026 - PERIODS_MAX, as_of) != -1)
		fail_msg("%d year-to-date windows (PERIODS_MAX + 1) were accepted",
		         PERIODS_MAX + 1);
}

/* ---- finding ------------------------------------------------------------- */

struct probe {
	int y, m, d;
	int want; /* index, or -1 */
};

enum { PROBES_MAX = 16 };

static const struct find_case {
	const char *name;
	const char *report;
	int first_year;
	int ay, am, ad;
	struct probe probes[PROBES_MAX]; /* ends at y == 0 */
} find_cases[] = {
	{ .name = "vb 2014..2025", .report = "vb", .first_year = 2014,
	  .ay = 2026, .am = 10, .ad = 31,
	  .probes = { { 2014, 1, 1, 0 }, { 2014, 12, 31, 0 }, { 2015, 1, 1, 1 },
	              { 2020, 2, 29, 6 }, { 2025, 1, 1, 11 }, { 2025, 12, 31, 11 },
	              { 2013, 12, 31, -1 }, { 2026, 1, 1, -1 }, { 2026, 10, 31, -1 },
	              { 1970, 1, 1, -1 }, { 1900, 6, 1, -1 }, { 2100, 6, 1, -1 } } },
	{ .name = "lagesbild 2022..2024 as of 10-31", .report = "lagesbild",
	  .first_year = 2022, .ay = 2024, .am = 10, .ad = 31,
	  .probes = { { 2022, 1, 1, 0 }, { 2022, 10, 31, 0 }, { 2022, 11, 1, -1 },
	              { 2022, 12, 31, -1 }, { 2023, 1, 1, 1 }, { 2023, 10, 31, 1 },
	              { 2023, 11, 1, -1 }, { 2024, 10, 31, 2 }, { 2024, 11, 1, -1 },
	              { 2021, 10, 31, -1 }, { 2025, 1, 1, -1 } } },
	{ .name = "lagesbild as of 2028-02-29", .report = "lagesbild",
	  .first_year = 2023, .ay = 2028, .am = 2, .ad = 29,
	  .probes = { { 2023, 2, 28, 0 }, { 2023, 3, 1, -1 }, { 2024, 2, 29, 1 },
	              { 2024, 3, 1, -1 }, { 2025, 2, 28, 2 }, { 2025, 3, 1, -1 },
	              { 2028, 2, 29, 5 }, { 2028, 3, 1, -1 } } },
	{ .name = "no periods", .report = "vb", .first_year = 2026,
	  .ay = 2026, .am = 10, .ad = 31,
	  .probes = { { 2026, 1, 1, -1 }, { 2025, 12, 31, -1 } } },
};

static void test_find(void **state)
{
	static vbs_periods p;

	(void)state;
	for (size_t i = 0; i < sizeof(find_cases) / sizeof(find_cases[0]); i++) {
		const struct find_case *c = &find_cases[i];

		if (periods_build(&p, c->report, c->first_year, civil(c->ay, c->am, c->ad)) != 0)
			fail_msg("case '%s': periods_build failed", c->name);
		for (int k = 0; k < PROBES_MAX && c->probes[k].y; k++) {
			const struct probe *q = &c->probes[k];
			int got = periods_find(&p, civil(q->y, q->m, q->d));

			if (got != q->want)
				fail_msg("case '%s': %04d-%02d-%02d found in period %d, want %d",
				         c->name, q->y, q->m, q->d, got, q->want);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_year),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_build_limit),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
