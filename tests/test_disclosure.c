/* test_disclosure: the primary rule of statistics.md §5, case by case: a
 * breakdown cell with 1 <= k < 5 and a person is suppressed; k = 0 and
 * k >= 5 never are; without a person a cell is shown; a period whose total
 * is below 5 with a person has every breakdown cell suppressed, zeros too;
 * the total itself is never suppressed; periods, reports and indicators do
 * not affect each other. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "figures/disclosure.h"

enum { ROWS_MAX = 12 };

/* One figure of a case and whether it must come out suppressed. */
struct cell {
	const char *report, *indicator, *period, *dimension, *category;
	double k;
	long persons;
	int want_suppressed;
};

#define VBE "incidents_vbe"
#define OKL "incidents_oklart"

static const struct primary_case {
	const char *name;
	int threshold;
	struct cell cells[ROWS_MAX]; /* ends at report == NULL */
	long want_count;
} cases[] = {
	{ "k=1 with a person is suppressed", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 3, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 1, 1, 1 } }, 1 },
	{ "k=4 with a person is suppressed", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 3, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 4, 1, 1 } }, 1 },
	{ "k=4, all four about persons, is suppressed", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 4, 0 },
	    { "vb", VBE, "2025", "kategori", "Hot", 4, 4, 1 } }, 1 },
	{ "k=4 without a person is shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 3, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 4, 0, 0 } }, 0 },
	{ "k=1 without a person is shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 3, 0 },
	    { "vb", VBE, "2025", "kategori", "Klotter", 1, 0, 0 } }, 0 },
	{ "k=5 with persons is shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 5, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 5, 5, 0 } }, 0 },
	{ "k=0 is shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 20, 3, 0 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 0, 0, 0 } }, 0 },
	{ "mixed cells of one table", 5,
	  { { "vb", VBE, "2025", "total", "alla", 12, 4, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 6, 2, 0 },
	    { "vb", VBE, "2025", "omrade", "Lärkstaden", 3, 1, 1 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 2, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Hjorthagen", 1, 1, 1 },
	    { "vb", VBE, "2025", "omrade", "Frihamnen/Loudden", 0, 0, 0 } }, 2 },
	{ "total 4 with a person: every cell suppressed, zeros too, total shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 4, 1, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 4, 1, 1 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 0, 0, 1 },
	    { "vb", VBE, "2025", "kategori", "Klotter", 3, 0, 1 },
	    { "vb", VBE, "2025", "kategori", "Hot", 1, 1, 1 },
	    { "vb", VBE, "2025", "kategori", "Våld", 0, 0, 1 } }, 5 },
	{ "total 1 with a person: the zero cells go too", 5,
	  { { "lagesbild", VBE, "2025-01-01..2025-10-31", "total", "alla", 1, 1, 0 },
	    { "lagesbild", VBE, "2025-01-01..2025-10-31", "miljo", "Okänd", 0, 0, 1 },
	    { "lagesbild", VBE, "2025-01-01..2025-10-31", "miljo", "Vit makt-miljön", 1, 1, 1 } },
	  2 },
	{ "total 4 without a person: cells shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 4, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 4, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 0, 0, 0 } }, 0 },
	{ "total 0: nothing suppressed", 5,
	  { { "vb", VBE, "2025", "total", "alla", 0, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 0, 0, 0 },
	    { "vb", VBE, "2025", "kategori", "Hot", 0, 0, 0 } }, 0 },
	{ "total 5 with persons: only the small person cells, zeros shown", 5,
	  { { "vb", VBE, "2025", "total", "alla", 5, 2, 0 },
	    { "vb", VBE, "2025", "kategori", "Hot", 2, 2, 1 },
	    { "vb", VBE, "2025", "kategori", "Klotter", 3, 0, 0 },
	    { "vb", VBE, "2025", "kategori", "Våld", 0, 0, 0 } }, 1 },
	{ "a small total is never suppressed, alone", 5,
	  { { "vb", VBE, "2025", "total", "alla", 2, 2, 0 } }, 0 },
	{ "another period of the same table is not affected", 5,
	  { { "vb", VBE, "2024", "total", "alla", 3, 1, 0 },
	    { "vb", VBE, "2024", "omrade", "Gärdet", 3, 1, 1 },
	    { "vb", VBE, "2024", "omrade", "Djurgården", 0, 0, 1 },
	    { "vb", VBE, "2025", "total", "alla", 9, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 9, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 0, 0, 0 } }, 2 },
	{ "another indicator's small total does not reach this one", 5,
	  { { "vb", OKL, "2025", "total", "alla", 2, 1, 0 },
	    { "vb", OKL, "2025", "omrade", "Gärdet", 2, 1, 1 },
	    { "vb", VBE, "2025", "total", "alla", 9, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 0, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 9, 0, 0 } }, 1 },
	{ "the other report's small total does not reach this one", 5,
	  { { "lagesbild", VBE, "2025", "total", "alla", 2, 1, 0 },
	    { "vb", VBE, "2025", "total", "alla", 9, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 0, 0, 0 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 9, 0, 0 } }, 0 },
	{ "threshold 3: k=3 with a person is shown, k=2 is not", 3,
	  { { "vb", VBE, "2025", "total", "alla", 20, 5, 0 },
	    { "vb", VBE, "2025", "omrade", "Gärdet", 3, 3, 0 },
	    { "vb", VBE, "2025", "omrade", "Djurgården", 2, 2, 1 } }, 1 },
	{ "months are breakdown cells too", 5,
	  { { "lagesbild", VBE, "2025-01-01..2025-10-31", "total", "alla", 30, 3, 0 },
	    { "lagesbild", VBE, "2025-01-01..2025-10-31", "manad", "03", 2, 1, 1 },
	    { "lagesbild", VBE, "2025-01-01..2025-10-31", "manad", "04", 28, 2, 0 } }, 1 },
};

static void load(vbs_figures *t, const struct primary_case *c)
{
	vbs_error err;

	figures_init(t);
	error_init(&err);
	for (int i = 0; i < ROWS_MAX && c->cells[i].report; i++) {
		const struct cell *x = &c->cells[i];
		vbs_figure f = {
			.report = x->report, .source = "ia", .indicator = x->indicator,
			.dimension = x->dimension, .category = x->category,
			.value = x->k, .ci_low = 0.5, .ci_high = 9.5,
			.has = FIG_VALUE | FIG_CI, .persons = x->persons, .year = 2025,
		};

		snprintf(f.period, sizeof(f.period), "%s", x->period);
		if (figures_add(t, &f, &err) != 0)
			fail_msg("case '%s': figures_add failed: %s", c->name, err.message);
	}
}

static void test_primary(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct primary_case *c = &cases[i];
		vbs_figures t;
		long got;

		load(&t, c);
		got = disclosure_apply_primary(&t, c->threshold);
		for (size_t r = 0; r < t.n; r++) {
			const struct cell *x = &c->cells[r];
			const vbs_figure *f = &t.rows[r];

			if (!!f->suppressed != x->want_suppressed)
				fail_msg("case '%s': %s %s %s/%s (k = %g, persons %ld) is %s, want %s",
				         c->name, x->indicator, x->period, x->dimension, x->category,
				         x->k, x->persons, f->suppressed ? "suppressed" : "shown",
				         x->want_suppressed ? "suppressed" : "shown");
			/* The rule only marks; the writers leave the numbers out. */
			if (f->value != x->k || f->persons != x->persons)
				fail_msg("case '%s': %s/%s: the marking changed the value or persons",
				         c->name, x->dimension, x->category);
		}
		if (got != c->want_count)
			fail_msg("case '%s': %ld cells reported suppressed, want %ld", c->name, got,
			         c->want_count);
		/* Applying it again finds nothing new. */
		got = disclosure_apply_primary(&t, c->threshold);
		if (got != 0)
			fail_msg("case '%s': a second pass suppressed %ld more cells", c->name, got);
		figures_release(&t);
	}
}

/* A rate follows the count it divides: with the public population its
 * value gives the count away. Its own value is never tested against the
 * threshold (a rate total is usually below 5 and is always shown). */
static void test_rates(void **state)
{
	static const struct {
		const char *dimension, *category, *indicator, *rate_of;
		double value;
		long persons;
		int want;
	} rows[] = {
		{"total", "alla", VBE, NULL, 20, 3, 0},
		{"omrade", "Gärdet", VBE, NULL, 1, 1, 1},      /* k = 1 with a person */
		{"omrade", "Hjorthagen", VBE, NULL, 7, 1, 0},  /* k = 7: shown */
		{"total", "alla", "incident_rate_per_10000", VBE, 2.8, 3, 0},
		{"omrade", "Gärdet", "incident_rate_per_10000", VBE, 10.0, 1, 1},
		{"omrade", "Hjorthagen", "incident_rate_per_10000", VBE, 3.5, 1, 0},
	};
	vbs_figures t;
	vbs_error err;

	(void)state;
	figures_init(&t);
	error_init(&err);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		vbs_figure f = {.report = "vb", .source = "ia", .indicator = rows[i].indicator,
		                .dimension = rows[i].dimension, .category = rows[i].category,
		                .value = rows[i].value, .has = FIG_VALUE, .persons = rows[i].persons,
		                .year = 2025, .rate_of = rows[i].rate_of};

		snprintf(f.period, sizeof(f.period), "2025");
		assert_int_equal(figures_add(&t, &f, &err), 0);
	}
	assert_int_equal(disclosure_apply_primary(&t, 5), 2);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (!!t.rows[i].suppressed != rows[i].want)
			fail_msg("%s %s/%s is %s, want %s", rows[i].indicator, rows[i].dimension,
			         rows[i].category, t.rows[i].suppressed ? "suppressed" : "shown",
			         rows[i].want ? "suppressed" : "shown");
	figures_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_primary),
		cmocka_unit_test(test_rates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
