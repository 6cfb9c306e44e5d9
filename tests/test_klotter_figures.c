/* test_klotter_figures: finds built by hand (finds_put, code indices looked
 * up in the real pipeline/codesets.ini and pipeline/sources/klotter.ini)
 * counted with the real pipeline/indicators.ini: finds, Σ Antal, the
 * removal quantiles (statistics.md §6's reference days 0,0,1,1,2,3,4,7,12,30
 * -> median 2.5, p90 13.8), the finds not removed at the as-of date (a
 * removal after it does not count), the removal measures in report
 * lagesbild for the current window only, no value when nothing was
 * removed, no row suppressed or about a person, the extra category only
 * where used, and the configuration errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "figures/disclosure.h"
#include "figures/indicators.h"
#include "figures/klotter_figures.h"
#include "ingest/mapping.h"

#include "figures_support.h"

#define REL_TOL 1e-6

static vbs_codesets cs;
static vbs_mapping map;
static vbs_indicators inds;

static uint8_t code_of(const char *column, const char *name)
{
	return fs_code_of(&cs, &map, column, name);
}

/* ---- the finds -------------------------------------------------------------
 * As of 2026-10-31: VB 2024, 2025; windows 2024, 2025, 2026 (to 31 Oct).
 * removed_after: days from Datum to Sanerat datum, -1 for none. */
struct fnd {
	const char *id;
	int y, m, d;
	const char *omrade, *typ, *miljo;
	int antal, removed_after;
};

static const struct fnd finds[] = {
	{"K1", 2024, 6, 1, "Gärdet", "Klistermärke", "Vit makt-miljön", 4, 2},
	{"K2", 2025, 2, 1, "Gärdet", "Affisch", "Autonoma miljön", 1, -1},
	/* the reference days, in shuffled order */
	{"K3", 2025, 3, 1, "Hjorthagen", "Klotter", "Okänd", 1, 30},
	{"K4", 2025, 3, 2, "Hjorthagen", "Klotter", "Okänd", 1, 0},
	{"K5", 2025, 3, 3, "Hjorthagen", "Klotter", "Okänd", 1, 7},
	{"K6", 2025, 3, 4, "Hjorthagen", "Klotter", "Okänd", 1, 1},
	{"K7", 2025, 3, 5, "Hjorthagen", "Klotter", "Okänd", 1, 12},
	{"K8", 2025, 3, 6, "Hjorthagen", "Klotter", "Okänd", 1, 0},
	{"K9", 2025, 3, 7, "Hjorthagen", "Klotter", "Okänd", 1, 4},
	{"K10", 2025, 3, 8, "Hjorthagen", "Klotter", "Okänd", 1, 2},
	{"K11", 2025, 3, 9, "Hjorthagen", "Klotter", "Okänd", 1, 1},
	{"K12", 2025, 3, 10, "Hjorthagen", "Klotter", "Okänd", 1, 3},
	/* removed on 2026-11-05, after the as-of date: not removed */
	{"K13", 2025, 10, 1, "Djurgården", "Affisch", "Okänd", 5, 400},
	{"K14", 2026, 3, 1, "Hjorthagen", "Klotter", "Okänd", 2, 0},
	{"K15", 2026, 5, 1, "Okänt område", "Klotter", "Okänd", 3, -1},
	{"K16", 2026, 11, 2, "Gärdet", "Klotter", "Okänd", 9, 0},
};

#define W24 "2024-01-01..2024-10-31"
#define W25 "2025-01-01..2025-10-31"
#define W26 "2026-01-01..2026-10-31"

/* Expected rows by hand; value < 0: no value; has_n: n is written. Count
 * rows of klotter_fynd and klotter_antal not listed are 0 (antal: n 0). */
static const struct want {
	const char *report, *indicator, *period, *dim, *cat;
	double value, n;
} want[] = {
	{"vb", "klotter_fynd", "2024", "total", "alla", 1, 0},
	{"vb", "klotter_fynd", "2024", "typ", "Klistermärke", 1, 0},
	{"vb", "klotter_fynd", "2024", "miljo", "Vit makt-miljön", 1, 0},
	{"vb", "klotter_fynd", "2024", "omrade", "Gärdet", 1, 0},
	{"vb", "klotter_fynd", "2025", "total", "alla", 12, 0},
	{"vb", "klotter_fynd", "2025", "typ", "Affisch", 2, 0},
	{"vb", "klotter_fynd", "2025", "typ", "Klotter", 10, 0},
	{"vb", "klotter_fynd", "2025", "miljo", "Autonoma miljön", 1, 0},
	{"vb", "klotter_fynd", "2025", "miljo", "Okänd", 11, 0},
	{"vb", "klotter_fynd", "2025", "omrade", "Gärdet", 1, 0},
	{"vb", "klotter_fynd", "2025", "omrade", "Hjorthagen", 10, 0},
	{"vb", "klotter_fynd", "2025", "omrade", "Djurgården", 1, 0},
	{"vb", "klotter_antal", "2024", "total", "alla", 4, 1},
	{"vb", "klotter_antal", "2024", "typ", "Klistermärke", 4, 1},
	{"vb", "klotter_antal", "2024", "miljo", "Vit makt-miljön", 4, 1},
	{"vb", "klotter_antal", "2024", "omrade", "Gärdet", 4, 1},
	{"vb", "klotter_antal", "2025", "total", "alla", 16, 12},
	{"vb", "klotter_antal", "2025", "typ", "Affisch", 6, 2},
	{"vb", "klotter_antal", "2025", "typ", "Klotter", 10, 10},
	{"vb", "klotter_antal", "2025", "miljo", "Autonoma miljön", 1, 1},
	{"vb", "klotter_antal", "2025", "miljo", "Okänd", 15, 11},
	{"vb", "klotter_antal", "2025", "omrade", "Gärdet", 1, 1},
	{"vb", "klotter_antal", "2025", "omrade", "Hjorthagen", 10, 10},
	{"vb", "klotter_antal", "2025", "omrade", "Djurgården", 5, 1},
	{"vb", "klotter_dagar_till_sanering_median", "2024", "total", "alla", 2, 1},
	{"vb", "klotter_dagar_till_sanering_median", "2025", "total", "alla", 2.5, 10},
	{"vb", "klotter_dagar_till_sanering_p90", "2024", "total", "alla", 2, 1},
	{"vb", "klotter_dagar_till_sanering_p90", "2025", "total", "alla", 13.8, 10},
	{"vb", "klotter_ej_sanerade", "2024", "total", "alla", 0, 0},
	{"vb", "klotter_ej_sanerade", "2025", "total", "alla", 2, 0},
	{"lagesbild", "klotter_fynd", W24, "total", "alla", 1, 0},
	{"lagesbild", "klotter_fynd", W24, "typ", "Klistermärke", 1, 0},
	{"lagesbild", "klotter_fynd", W24, "miljo", "Vit makt-miljön", 1, 0},
	{"lagesbild", "klotter_fynd", W24, "omrade", "Gärdet", 1, 0},
	{"lagesbild", "klotter_fynd", W25, "total", "alla", 12, 0},
	{"lagesbild", "klotter_fynd", W25, "typ", "Affisch", 2, 0},
	{"lagesbild", "klotter_fynd", W25, "typ", "Klotter", 10, 0},
	{"lagesbild", "klotter_fynd", W25, "miljo", "Autonoma miljön", 1, 0},
	{"lagesbild", "klotter_fynd", W25, "miljo", "Okänd", 11, 0},
	{"lagesbild", "klotter_fynd", W25, "omrade", "Gärdet", 1, 0},
	{"lagesbild", "klotter_fynd", W25, "omrade", "Hjorthagen", 10, 0},
	{"lagesbild", "klotter_fynd", W25, "omrade", "Djurgården", 1, 0},
	{"lagesbild", "klotter_fynd", W26, "total", "alla", 2, 0},
	{"lagesbild", "klotter_fynd", W26, "typ", "Klotter", 2, 0},
	{"lagesbild", "klotter_fynd", W26, "miljo", "Okänd", 2, 0},
	{"lagesbild", "klotter_fynd", W26, "omrade", "Hjorthagen", 1, 0},
	{"lagesbild", "klotter_fynd", W26, "omrade", "Okänt område", 1, 0},
	{"lagesbild", "klotter_antal", W24, "total", "alla", 4, 1},
	{"lagesbild", "klotter_antal", W24, "typ", "Klistermärke", 4, 1},
	{"lagesbild", "klotter_antal", W24, "miljo", "Vit makt-miljön", 4, 1},
	{"lagesbild", "klotter_antal", W24, "omrade", "Gärdet", 4, 1},
	{"lagesbild", "klotter_antal", W25, "total", "alla", 16, 12},
	{"lagesbild", "klotter_antal", W25, "typ", "Affisch", 6, 2},
	{"lagesbild", "klotter_antal", W25, "typ", "Klotter", 10, 10},
	{"lagesbild", "klotter_antal", W25, "miljo", "Autonoma miljön", 1, 1},
	{"lagesbild", "klotter_antal", W25, "miljo", "Okänd", 15, 11},
	{"lagesbild", "klotter_antal", W25, "omrade", "Gärdet", 1, 1},
	{"lagesbild", "klotter_antal", W25, "omrade", "Hjorthagen", 10, 10},
	{"lagesbild", "klotter_antal", W25, "omrade", "Djurgården", 5, 1},
	{"lagesbild", "klotter_antal", W26, "total", "alla", 5, 2},
	{"lagesbild", "klotter_antal", W26, "typ", "Klotter", 5, 2},
	{"lagesbild", "klotter_antal", W26, "miljo", "Okänd", 5, 2},
	{"lagesbild", "klotter_antal", W26, "omrade", "Hjorthagen", 2, 1},
	{"lagesbild", "klotter_antal", W26, "omrade", "Okänt område", 3, 1},
	/* the removal measures: the current window only */
	{"lagesbild", "klotter_dagar_till_sanering_median", W26, "total", "alla", 0, 1},
	{"lagesbild", "klotter_dagar_till_sanering_p90", W26, "total", "alla", 0, 1},
	{"lagesbild", "klotter_ej_sanerade", W26, "total", "alla", 1, 0},
};

static int setup(void **state)
{
	(void)state;
	return fs_load_pipeline(&cs, &map, &inds, "klotter");
}

static void load(vbs_finds *s, size_t n)
{
	if (finds_init(s, 16) != 0)
		fail_msg("finds_init failed");
	for (size_t i = 0; i < n; i++) {
		const struct fnd *f = &finds[i];
		int32_t day = fs_day(f->y, f->m, f->d);
		vbs_find rec = {
			.origin = {.line = (uint32_t)i + 2},
			.day = day,
			.removed = f->removed_after < 0 ? DATE_NONE : day + f->removed_after,
			.antal = f->antal,
			.typ = code_of("typ", f->typ),
			.miljo = code_of("miljo", f->miljo),
			.omrade = code_of("omrade", f->omrade),
		};
		int loser;

		if (finds_put(s, f->id, &rec, &loser) == KEYED_ERROR)
			fail_msg("finds_put(%s) failed", f->id);
	}
}

static vbs_klotter_figures request(const vbs_finds *s, const vbs_indicators *defs)
{
	return (vbs_klotter_figures){.finds = s, .mapping = &map, .codesets = &cs,
	                             .indicators = defs, .as_of = fs_day(2026, 10, 31)};
}

static int close_to(double got, double w)
{
	return fs_close_to(got, w, REL_TOL);
}

static const struct want *wanted(const vbs_figure *f)
{
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (fs_row_is(f, want[i].report, want[i].indicator, want[i].period, want[i].dim,
		              want[i].cat))
			return &want[i];
	return NULL;
}

static void build(const vbs_finds *s, vbs_figures *out)
{
	vbs_klotter_figures req = request(s, &inds);
	vbs_error err;

	figures_init(out);
	error_init(&err);
	if (klotter_figures_build(&req, out, &err) != 0)
		fail_msg("klotter_figures_build failed: %s", err.message);
}

static void test_figures(void **state)
{
	vbs_finds s;
	vbs_figures out;
	size_t found = 0;

	(void)state;
	load(&s, sizeof(finds) / sizeof(finds[0]));
	build(&s, &out);
	for (size_t i = 0; i < out.n; i++) {
		const vbs_figure *f = &out.rows[i];
		const struct want *w = wanted(f);
		int fynd = !strcmp(f->indicator, "klotter_fynd");
		int antal = !strcmp(f->indicator, "klotter_antal");
		int ej = !strcmp(f->indicator, "klotter_ej_sanerade");
		double value = w ? w->value : 0, n = w ? w->n : 0;
		unsigned has = fynd ? FIG_VALUE | FIG_CI : ej ? FIG_VALUE
		             : FIG_N | (value >= 0 ? FIG_VALUE : 0);

		if (!w && !fynd && !antal)
			fail_msg("%s %s %s %s/%s: a row the table does not expect", f->report,
			         f->indicator, f->period, f->dimension, f->category);
		found += w != NULL;
		if (strcmp(f->source, "klotter") || f->persons != 0 || f->exposure != 0)
			fail_msg("%s %s %s: source, persons or exposure wrong", f->report, f->indicator,
			         f->period);
		if (f->has != has || (value >= 0 && !close_to(f->value, value)) ||
		    ((has & FIG_N) && f->n != n))
			fail_msg("%s %s %s %s/%s: %.10g n %g has %u; want %.10g n %g has %u", f->report,
			         f->indicator, f->period, f->dimension, f->category, f->value, f->n, f->has,
			         value, n, has);
	}
	fs_check_found(found, sizeof(want) / sizeof(want[0]));
	/* Rows: fynd and antal vb 2 × (1 + typ 3 + miljo 5 + omrade 7) = 32
	 * each (Okänt område unused up to 2025), lagesbild 3 × 17 = 51 each;
	 * the three removal measures 2 in vb and 1 in lagesbild. */
	if (out.n != 2 * 32 + 2 * 51 + 3 * 2 + 3)
		fail_msg("%zu rows, want %d", out.n, 2 * 32 + 2 * 51 + 3 * 2 + 3);
	if (figures_find(&out, "lagesbild", "klotter_ej_sanerade", W25, "total", "alla") ||
	    figures_find(&out, "lagesbild", "klotter_dagar_till_sanering_median", W24, "total",
	                 "alla"))
		fail_msg("a removal measure for a window other than the current one");
	/* Never suppressed: not about persons. */
	if (disclosure_apply_primary(&out, 5) != 0)
		fail_msg("a klotter figure was suppressed");
	figures_release(&out);
	finds_release(&s);
}

/* No find removed in a period: the quantiles have n = 0 and no value. */
static void test_nothing_removed(void **state)
{
	vbs_finds s;
	vbs_figures out;
	const vbs_figure *f;

	(void)state;
	load(&s, 2); /* K1 (removed, 2024) and K2 (not removed, 2025) */
	build(&s, &out);
	f = figures_find(&out, "vb", "klotter_dagar_till_sanering_p90", "2025", "total", "alla");
	if (!f || f->has != FIG_N || f->n != 0)
		fail_msg("nothing removed in 2025: the p90 must have n = 0 and no value");
	f = figures_find(&out, "lagesbild", "klotter_dagar_till_sanering_median", W26, "total",
	                 "alla");
	if (!f || f->has != FIG_N || f->n != 0)
		fail_msg("no find in the current window: the median must have n = 0 and no value");
	f = figures_find(&out, "vb", "klotter_ej_sanerade", "2025", "total", "alla");
	if (!f || f->value != 1)
		fail_msg("K2 is not removed in 2025");
	figures_release(&out);
	finds_release(&s);
}

static void test_config_errors(void **state)
{
	static vbs_indicators bad;
	static const char *const names[] = {
		"a sum of a column that is not Antal",
		"a dimension klotter.ini lacks",
		"offset = population",
		"a kind finds have not",
		"a where code not in the set",
	};
	vbs_finds s;

	(void)state;
	load(&s, 2);
	for (int k = 0; k < (int)(sizeof(names) / sizeof(names[0])); k++) {
		vbs_indicator *sum, *count;
		vbs_klotter_figures req;
		vbs_figures out;
		vbs_error err;

		bad = inds;
		sum = (vbs_indicator *)indicators_find(&bad, "klotter_antal");
		count = (vbs_indicator *)indicators_find(&bad, "klotter_fynd");
		if (!sum || !count)
			fail_msg("indicators.ini lacks a klotter indicator");
		if (k == 0)
			snprintf(sum->column, sizeof(sum->column), "sanerat_datum");
		if (k == 1)
			snprintf(count->dimensions[1], sizeof(count->dimensions[1]), "plats");
		if (k == 2)
			count->offset_population = 1;
		if (k == 3)
			count->kind = KIND_RATE;
		if (k == 4) {
			snprintf(count->where_column, sizeof(count->where_column), "typ");
			snprintf(count->where_code, sizeof(count->where_code), "Graffiti");
		}
		req = request(&s, &bad);
		figures_init(&out);
		error_init(&err);
		fs_check_refused(names[k], klotter_figures_build(&req, &out, &err), &err, &out);
		figures_release(&out);
	}
	finds_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_nothing_removed),
		cmocka_unit_test(test_config_errors),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
