/* test_oro_figures: concern forms built by hand (concerns_put, code indices
 * looked up in the real pipeline/codesets.ini and pipeline/sources/oro.ini)
 * counted with the real pipeline/indicators.ini: distinct forms by period
 * and dimension against a table worked out by hand, the Garwood interval,
 * persons = the count on every row (also when indicators.ini forgets
 * persons = yes), disclosure's primary rule on the result (breakdown
 * cells 1..4 suppressed, a period whose total is below 5 loses every
 * breakdown, the district total always shown), the extra category only
 * where used, and the configuration errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures/disclosure.h"
#include "figures/indicators.h"
#include "figures/oro_figures.h"
#include "ingest/mapping.h"

#include "figures_support.h"

#define THRESHOLD 5

static vbs_codesets cs;
static vbs_mapping map;
static vbs_indicators inds;

static uint8_t code_of(const char *column, const char *name)
{
	return fs_code_of(&cs, &map, column, name);
}

/* As of 2026-10-31: VB 2024, 2025; windows 2024, 2025, 2026 (to 31 Oct). */
struct form {
	const char *id;
	int y, m, d;
	const char *verksamhet, *typ, *miljo, *alder;
};

static const struct form forms[] = {
	{"B1", 2024, 9, 1, "Skola", "Symboler", "Vit makt-miljön", "13-17"},
	/* B2 first as Uttalanden, then a later version as Propaganda */
	{"B2", 2025, 1, 10, "Skola", "Uttalanden", "Vit makt-miljön", "13-17"},
	{"B2", 2025, 1, 10, "Skola", "Propaganda", "Vit makt-miljön", "13-17"},
	{"B3", 2025, 2, 10, "Skola", "Propaganda", "Vit makt-miljön", "13-17"},
	{"B4", 2025, 3, 10, "Skola", "Propaganda", "Vit makt-miljön", "18-24"},
	{"B5", 2025, 4, 10, "Fritid", "Propaganda", "Autonoma miljön", "18-24"},
	{"B6", 2025, 5, 10, "Fritid", "Våld", "Okänd", "Okänd"},
	{"B7", 2025, 11, 10, "Uppgift saknas", "Våld", "Okänd", "Under 13"},
	{"B8", 2026, 2, 1, "Skola", "Rekrytering", "Annan/ensamagerande", "25 och äldre"},
	{"B9", 2026, 11, 1, "Skola", "Rekrytering", "Annan/ensamagerande", "25 och äldre"},
};

#define W24 "2024-01-01..2024-10-31"
#define W25 "2025-01-01..2025-10-31"
#define W26 "2026-01-01..2026-10-31"

/* Every non-zero count by hand (others 0), and whether the primary rule
 * suppresses it; zero cells are suppressed only in a period whose total is
 * below 5 (see zero_suppressed). */
static const struct want {
	const char *report, *period, *dim, *cat;
	double k;
	int suppressed;
} want[] = {
	{"vb", "2024", "total", "alla", 1, 0},
	{"vb", "2024", "typ_av_oro", "Symboler", 1, 1},
	{"vb", "2024", "miljo", "Vit makt-miljön", 1, 1},
	{"vb", "2024", "verksamhet", "Skola", 1, 1},
	{"vb", "2024", "aldersgrupp", "13-17", 1, 1},
	{"vb", "2025", "total", "alla", 6, 0},
	{"vb", "2025", "typ_av_oro", "Propaganda", 4, 1},
	{"vb", "2025", "typ_av_oro", "Våld", 2, 1},
	{"vb", "2025", "miljo", "Vit makt-miljön", 3, 1},
	{"vb", "2025", "miljo", "Autonoma miljön", 1, 1},
	{"vb", "2025", "miljo", "Okänd", 2, 1},
	{"vb", "2025", "verksamhet", "Skola", 3, 1},
	{"vb", "2025", "verksamhet", "Fritid", 2, 1},
	{"vb", "2025", "verksamhet", "Uppgift saknas", 1, 1},
	{"vb", "2025", "aldersgrupp", "13-17", 2, 1},
	{"vb", "2025", "aldersgrupp", "18-24", 2, 1},
	{"vb", "2025", "aldersgrupp", "Okänd", 1, 1},
	{"vb", "2025", "aldersgrupp", "Under 13", 1, 1},
	{"lagesbild", W24, "total", "alla", 1, 0},
	{"lagesbild", W24, "typ_av_oro", "Symboler", 1, 1},
	{"lagesbild", W24, "miljo", "Vit makt-miljön", 1, 1},
	{"lagesbild", W24, "verksamhet", "Skola", 1, 1},
	{"lagesbild", W24, "aldersgrupp", "13-17", 1, 1},
	{"lagesbild", W25, "total", "alla", 5, 0},
	{"lagesbild", W25, "typ_av_oro", "Propaganda", 4, 1},
	{"lagesbild", W25, "typ_av_oro", "Våld", 1, 1},
	{"lagesbild", W25, "miljo", "Vit makt-miljön", 3, 1},
	{"lagesbild", W25, "miljo", "Autonoma miljön", 1, 1},
	{"lagesbild", W25, "miljo", "Okänd", 1, 1},
	{"lagesbild", W25, "verksamhet", "Skola", 3, 1},
	{"lagesbild", W25, "verksamhet", "Fritid", 2, 1},
	{"lagesbild", W25, "aldersgrupp", "13-17", 2, 1},
	{"lagesbild", W25, "aldersgrupp", "18-24", 2, 1},
	{"lagesbild", W25, "aldersgrupp", "Okänd", 1, 1},
	{"lagesbild", W26, "total", "alla", 1, 0},
	{"lagesbild", W26, "typ_av_oro", "Rekrytering", 1, 1},
	{"lagesbild", W26, "miljo", "Annan/ensamagerande", 1, 1},
	{"lagesbild", W26, "verksamhet", "Skola", 1, 1},
	{"lagesbild", W26, "aldersgrupp", "25 och äldre", 1, 1},
};

/* Periods whose total is below the threshold: every breakdown cell goes. */
static int zero_suppressed(const char *period)
{
	return !strcmp(period, "2024") || !strcmp(period, W24) || !strcmp(period, W26);
}

static int setup(void **state)
{
	(void)state;
	return fs_load_pipeline(&cs, &map, &inds, "oro");
}

static void load(vbs_concerns *s)
{
	if (concerns_init(s, 16) != 0)
		fail_msg("concerns_init failed");
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const struct form *f = &forms[i];
		vbs_concern rec = {
			.origin = {.line = (uint32_t)i + 2},
			.day = fs_day(f->y, f->m, f->d),
			.verksamhet = code_of("verksamhet", f->verksamhet),
			.typ_av_oro = code_of("typ_av_oro", f->typ),
			.miljo = code_of("miljo", f->miljo),
			.aldersgrupp = code_of("aldersgrupp", f->alder),
		};
		int loser;

		if (concerns_put(s, f->id, &rec, &loser) == KEYED_ERROR)
			fail_msg("concerns_put(%s) failed", f->id);
	}
}

static void build(const vbs_concerns *s, const vbs_indicators *defs, vbs_figures *out)
{
	vbs_oro_figures req = {.concerns = s, .mapping = &map, .codesets = &cs,
	                       .indicators = defs, .as_of = fs_day(2026, 10, 31)};
	vbs_error err;

	figures_init(out);
	error_init(&err);
	if (oro_figures_build(&req, out, &err) != 0)
		fail_msg("oro_figures_build failed: %s", err.message);
}

static const struct want *wanted(const vbs_figure *f)
{
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (fs_row_is(f, want[i].report, NULL, want[i].period, want[i].dim, want[i].cat))
			return &want[i];
	return NULL;
}

/* Counts, intervals, persons, then the primary rule; run with the real
 * indicators and with persons = no in a copy (forms are always about
 * persons). */
static void test_figures(void **state)
{
	static vbs_indicators forgetful;
	vbs_concerns s;

	(void)state;
	load(&s);
	forgetful = inds;
	((vbs_indicator *)indicators_find(&forgetful, "oroblanketter"))->persons = 0;
	for (int run = 0; run < 2; run++) {
		vbs_figures out;
		size_t found = 0;
		long suppressed = 0, want_suppressed = 0;

		build(&s, run ? &forgetful : &inds, &out);
		for (size_t i = 0; i < out.n; i++) {
			const vbs_figure *f = &out.rows[i];
			const struct want *w = wanted(f);
			double k = w ? w->k : 0;

			found += w != NULL;
			if (strcmp(f->source, "oro") || strcmp(f->indicator, "oroblanketter") ||
			    f->value != k || f->persons != (long)k || f->has != (FIG_VALUE | FIG_CI) ||
			    (k == 0 && (f->ci_low != 0 || fabs(f->ci_high - 3.688879454) > 1e-8)))
				fail_msg("run %d: %s %s %s/%s: %g persons %ld has %u, want %g, persons = k",
				         run, f->report, f->period, f->dimension, f->category, f->value,
				         f->persons, f->has, k);
			want_suppressed += w ? w->suppressed
			                     : strcmp(f->dimension, "total") && zero_suppressed(f->period);
		}
		if (found != sizeof(want) / sizeof(want[0]))
			fail_msg("run %d: %zu of the %zu non-zero rows were produced", run, found,
			         sizeof(want) / sizeof(want[0]));
		/* vb 2 × (1 + typ 7 + miljo 5 + verksamhet 9+1 + alder 5) = 56,
		 * lagesbild 3 × (1 + 7 + 5 + 9 + 5) = 81 (the extra unused). */
		if (out.n != 56 + 81)
			fail_msg("run %d: %zu rows, want 137", run, out.n);
		suppressed = disclosure_apply_primary(&out, THRESHOLD);
		for (size_t i = 0; i < out.n; i++) {
			const vbs_figure *f = &out.rows[i];
			const struct want *w = wanted(f);
			int want_s = w ? w->suppressed
			               : strcmp(f->dimension, "total") && zero_suppressed(f->period);

			if (f->suppressed != want_s)
				fail_msg("run %d: %s %s %s/%s (k %g): suppressed %d, want %d", run, f->report,
				         f->period, f->dimension, f->category, f->value, f->suppressed,
				         want_s);
		}
		if (suppressed != want_suppressed)
			fail_msg("run %d: %ld cells suppressed, want %ld", run, suppressed,
			         want_suppressed);
		figures_release(&out);
	}
	concerns_release(&s);
}

static void test_config_errors(void **state)
{
	static vbs_indicators bad;
	static const char *const names[] = {
		"a kind concern forms have not",
		"a dimension oro.ini lacks",
		"offset = population",
		"a where on a column oro.ini lacks",
	};
	vbs_concerns s;

	(void)state;
	load(&s);
	for (int k = 0; k < (int)(sizeof(names) / sizeof(names[0])); k++) {
		vbs_indicator *ind;
		vbs_oro_figures req;
		vbs_figures out;
		vbs_error err;

		bad = inds;
		ind = (vbs_indicator *)indicators_find(&bad, "oroblanketter");
		if (!ind)
			fail_msg("indicators.ini lacks oroblanketter");
		if (k == 0)
			ind->kind = KIND_SUM;
		if (k == 1)
			snprintf(ind->dimensions[0], sizeof(ind->dimensions[0]), "kon");
		if (k == 2)
			ind->offset_population = 1;
		if (k == 3) {
			snprintf(ind->where_column, sizeof(ind->where_column), "kategori");
			snprintf(ind->where_code, sizeof(ind->where_code), "Hot");
		}
		req = (vbs_oro_figures){.concerns = &s, .mapping = &map, .codesets = &cs,
		                        .indicators = &bad, .as_of = fs_day(2026, 10, 31)};
		figures_init(&out);
		error_init(&err);
		fs_check_refused(names[k], oro_figures_build(&req, &out, &err), &err, &out);
		figures_release(&out);
	}
	concerns_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_config_errors),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
