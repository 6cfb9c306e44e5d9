/* test_figures: the figures table: rows are copied in order, the table
 * grows, figures_find matches the whole key (report, indicator, period,
 * dimension, category) and returns the first matching row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "figures/figures.h"

enum { MANY = 1000 };

static vbs_figure row(const char *report, const char *indicator, const char *period,
                      const char *dimension, const char *category, double value)
{
	vbs_figure f = {
		.report = report, .source = "ia", .indicator = indicator,
		.dimension = dimension, .category = category, .value = value,
		.has = FIG_VALUE,
	};

	snprintf(f.period, sizeof(f.period), "%s", period);
	return f;
}

/* A small table and lookups that differ from a row in one key part. */
static const struct find_case {
	const char *name;
	const char *report, *indicator, *period, *dimension, *category;
	double want; /* value of the row found; -1: none */
} find_cases[] = {
	{ "exact key", "vb", "incidents_vbe", "2024", "omrade", "Gärdet", 3 },
	{ "same key in lagesbild", "lagesbild", "incidents_vbe", "2024-01-01..2024-10-31",
	  "omrade", "Gärdet", 2 },
	{ "total", "vb", "incidents_vbe", "2024", "total", "alla", 9 },
	{ "first of two equal keys", "vb", "incidents_oklart", "2024", "total", "alla", 4 },
	{ "other report", "lagesbild", "incidents_vbe", "2024", "omrade", "Gärdet", -1 },
	{ "other indicator", "vb", "incidents_oklart", "2024", "omrade", "Gärdet", -1 },
	{ "other period", "vb", "incidents_vbe", "2025", "omrade", "Gärdet", -1 },
	{ "other dimension", "vb", "incidents_vbe", "2024", "miljo", "Gärdet", -1 },
	{ "other category", "vb", "incidents_vbe", "2024", "omrade", "Hjorthagen", -1 },
	{ "category differs in case", "vb", "incidents_vbe", "2024", "omrade", "gärdet", -1 },
	{ "period prefix", "vb", "incidents_vbe", "202", "omrade", "Gärdet", -1 },
};

static void test_find(void **state)
{
	vbs_figures t;
	vbs_error err;
	const vbs_figure rows[] = {
		row("vb", "incidents_vbe", "2024", "total", "alla", 9),
		row("vb", "incidents_vbe", "2024", "omrade", "Gärdet", 3),
		row("lagesbild", "incidents_vbe", "2024-01-01..2024-10-31", "omrade", "Gärdet", 2),
		row("vb", "incidents_oklart", "2024", "total", "alla", 4),
		row("vb", "incidents_oklart", "2024", "total", "alla", 5),
	};

	(void)state;
	figures_init(&t);
	error_init(&err);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (figures_add(&t, &rows[i], &err) != 0)
			fail_msg("figures_add of row %zu failed: %s", i, err.message);
	for (size_t i = 0; i < sizeof(find_cases) / sizeof(find_cases[0]); i++) {
		const struct find_case *c = &find_cases[i];
		const vbs_figure *f = figures_find(&t, c->report, c->indicator, c->period,
		                                   c->dimension, c->category);

		if (c->want < 0 && f)
			fail_msg("case '%s': found a row (value %g), want none", c->name, f->value);
		if (c->want >= 0 && !f)
			fail_msg("case '%s': no row found", c->name);
		if (c->want >= 0 && f->value != c->want)
			fail_msg("case '%s': found the row with value %g, want %g", c->name,
			         f->value, c->want);
	}
	figures_release(&t);
	if (t.rows || t.n || t.cap)
		fail_msg("figures_release left rows or counts behind");
	figures_release(&t); /* a released table can be released again */
}

/* MANY rows (the table starts with 256): all kept in order, the period
 * copied into the row rather than pointed at. */
static void test_growth_and_copy(void **state)
{
	vbs_figures t;
	vbs_error err;
	char period[FIGURE_PERIOD_MAX];

	(void)state;
	figures_init(&t);
	error_init(&err);
	for (int i = 0; i < MANY; i++) {
		vbs_figure f = row("vb", "incidents_vbe", "", "total", "alla", i);

		snprintf(period, sizeof(period), "%d", 1000 + i);
		memcpy(f.period, period, sizeof(period));
		if (figures_add(&t, &f, &err) != 0)
			fail_msg("figures_add of row %d failed: %s", i, err.message);
		memset(period, 'x', sizeof(period) - 1); /* the caller's buffer changes */
	}
	if (t.n != MANY)
		fail_msg("%zu rows in the table, want %d", t.n, MANY);
	for (int i = 0; i < MANY; i++) {
		char want[FIGURE_PERIOD_MAX];

		snprintf(want, sizeof(want), "%d", 1000 + i);
		if (t.rows[i].value != i || strcmp(t.rows[i].period, want) != 0)
			fail_msg("row %d holds value %g period \"%s\", want %d and \"%s\"", i,
			         t.rows[i].value, t.rows[i].period, i, want);
	}
	if (figures_find(&t, "vb", "incidents_vbe", "1999", "total", "alla") != &t.rows[999])
		fail_msg("the last row is not found by its key");
	figures_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_growth_and_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
