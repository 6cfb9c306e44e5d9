/* test_dialog_figures: dialogues built by hand (dialogs_put, code indices
 * looked up in the real pipeline/codesets.ini and pipeline/sources/
 * dialog.ini) counted with the real pipeline/indicators.ini for the VB
 * years and the year-to-date windows: every count, sum and share against a
 * table worked out by hand, themes counted once each, a missing Antal
 * deltagare left out of the sum but in n (every dialogue), a missing answer
 * counted as not Ja in a
 * share, a zero row for every code, the extra category only where used,
 * the row count and order, and the configuration errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures/dialog_figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"

#include "figures_support.h"

#define REL_TOL 1e-6

static vbs_codesets cs;
static vbs_mapping map;
static vbs_indicators inds;

/* A code's index, the extra fallback's by its name, NULL: no value. */
static uint8_t code_of(const char *column, const char *name)
{
	(void)fs_set_of(&cs, &map, column);
	return name ? fs_code_of(&cs, &map, column, name) : DIALOG_CODE_NONE;
}

static uint64_t themes_of(const char *const *names)
{
	uint64_t mask = 0;

	for (int i = 0; names[i]; i++)
		mask |= UINT64_C(1) << code_of("tema", names[i]);
	return mask;
}

/* ---- the dialogues ---------------------------------------------------------
 * As of 2026-10-31: VB 2024, 2025; windows 2024, 2025, 2026 (to 31 Oct). */
struct dlg {
	const char *id;
	int y, m, d;
	const char *omrade, *malgrupp, *form;
	int participants; /* -1: missing */
	const char *themes[4];
	const char *trygghet, *vbe; /* NULL: missing */
};

static const struct dlg dlgs[] = {
	{"D1", 2024, 5, 21, "Gärdet", "Unga", "Trygghetsvandring", 23,
	 {"trygghet", "belysning", NULL}, "Ja", "Nej"},
	/* D2 first with 40 participants, then a later version without. */
	{"D2", 2025, 3, 2, "Lärkstaden", "Boende", "Möte", 40, {"trygghet", NULL}, "Nej", "Nej"},
	{"D2", 2025, 3, 2, "Lärkstaden", "Boende", "Möte", -1,
	 {"trygghet", "extremism", NULL}, "Ja", "Ja"},
	{"D3", 2025, 11, 20, "Okänt område", "Uppgift saknas", "Workshop", 12, {NULL}, NULL,
	 "Nej"},
	{"D4", 2026, 2, 10, "Gärdet", "Unga", "Möte", 5, {"klotter", NULL}, "Nej", NULL},
	{"D5", 2026, 12, 1, "Gärdet", "Unga", "Möte", 5, {"klotter", NULL}, "Ja", "Ja"},
};

#define W24 "2024-01-01..2024-10-31"
#define W25 "2025-01-01..2025-10-31"
#define W26 "2026-01-01..2026-10-31"

/* Every non-zero count and every sum and share, by hand; a count row not
 * listed is 0. value < 0: no value. */
static const struct want {
	const char *report, *indicator, *period, *dim, *cat;
	double value, n, lo, hi;
} want[] = {
	{"vb", "dialogues", "2024", "total", "alla", 1, 0, 0, 0},
	{"vb", "dialogues", "2024", "omrade", "Gärdet", 1, 0, 0, 0},
	{"vb", "dialogues", "2024", "malgrupp", "Unga", 1, 0, 0, 0},
	{"vb", "dialogues", "2024", "form", "Trygghetsvandring", 1, 0, 0, 0},
	{"vb", "dialogues", "2024", "tema", "trygghet", 1, 0, 0, 0},
	{"vb", "dialogues", "2024", "tema", "belysning", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "total", "alla", 2, 0, 0, 0},
	{"vb", "dialogues", "2025", "omrade", "Lärkstaden", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "omrade", "Okänt område", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "malgrupp", "Boende", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "malgrupp", "Uppgift saknas", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "form", "Möte", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "form", "Workshop", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "tema", "trygghet", 1, 0, 0, 0},
	{"vb", "dialogues", "2025", "tema", "extremism", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W24, "total", "alla", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W24, "omrade", "Gärdet", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W24, "malgrupp", "Unga", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W24, "form", "Trygghetsvandring", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W24, "tema", "trygghet", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W24, "tema", "belysning", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W25, "total", "alla", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W25, "omrade", "Lärkstaden", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W25, "malgrupp", "Boende", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W25, "form", "Möte", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W25, "tema", "trygghet", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W25, "tema", "extremism", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W26, "total", "alla", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W26, "omrade", "Gärdet", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W26, "malgrupp", "Unga", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W26, "form", "Möte", 1, 0, 0, 0},
	{"lagesbild", "dialogues", W26, "tema", "klotter", 1, 0, 0, 0},
	/* participants (a row not listed: 0, n = 0): D2's number is missing,
	 * left out of the sum but counted in n; a cell of D2 alone has no
	 * value */
	{"vb", "dialogue_participants", "2024", "total", "alla", 23, 1, 0, 0},
	{"vb", "dialogue_participants", "2024", "omrade", "Gärdet", 23, 1, 0, 0},
	{"vb", "dialogue_participants", "2024", "malgrupp", "Unga", 23, 1, 0, 0},
	{"vb", "dialogue_participants", "2024", "form", "Trygghetsvandring", 23, 1, 0, 0},
	{"vb", "dialogue_participants", "2025", "total", "alla", 12, 2, 0, 0},
	{"vb", "dialogue_participants", "2025", "omrade", "Lärkstaden", -1, 1, 0, 0},
	{"vb", "dialogue_participants", "2025", "omrade", "Okänt område", 12, 1, 0, 0},
	{"vb", "dialogue_participants", "2025", "malgrupp", "Boende", -1, 1, 0, 0},
	{"vb", "dialogue_participants", "2025", "malgrupp", "Uppgift saknas", 12, 1, 0, 0},
	{"vb", "dialogue_participants", "2025", "form", "Möte", -1, 1, 0, 0},
	{"vb", "dialogue_participants", "2025", "form", "Workshop", 12, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W24, "total", "alla", 23, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W24, "omrade", "Gärdet", 23, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W24, "malgrupp", "Unga", 23, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W24, "form", "Trygghetsvandring", 23, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W25, "total", "alla", -1, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W25, "omrade", "Lärkstaden", -1, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W25, "malgrupp", "Boende", -1, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W25, "form", "Möte", -1, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W26, "total", "alla", 5, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W26, "omrade", "Gärdet", 5, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W26, "malgrupp", "Unga", 5, 1, 0, 0},
	{"lagesbild", "dialogue_participants", W26, "form", "Möte", 5, 1, 0, 0},
	/* shares: Wilson 1/1 [0.2065493144, 1], 0/1 [0, 0.7934506856],
	 * 1/2 [0.09453120573, 0.9054687943] */
	{"vb", "andel_dialoger_trygghet", "2024", "total", "alla", 1, 1, 0.2065493144, 1},
	{"vb", "andel_dialoger_trygghet", "2025", "total", "alla", 0.5, 2, 0.09453120573,
	 0.9054687943},
	{"lagesbild", "andel_dialoger_trygghet", W24, "total", "alla", 1, 1, 0.2065493144, 1},
	{"lagesbild", "andel_dialoger_trygghet", W25, "total", "alla", 1, 1, 0.2065493144, 1},
	{"lagesbild", "andel_dialoger_trygghet", W26, "total", "alla", 0, 1, 0, 0.7934506856},
	{"vb", "andel_dialoger_vbe", "2024", "total", "alla", 0, 1, 0, 0.7934506856},
	{"vb", "andel_dialoger_vbe", "2025", "total", "alla", 0.5, 2, 0.09453120573,
	 0.9054687943},
	{"lagesbild", "andel_dialoger_vbe", W24, "total", "alla", 0, 1, 0, 0.7934506856},
	{"lagesbild", "andel_dialoger_vbe", W25, "total", "alla", 1, 1, 0.2065493144, 1},
	{"lagesbild", "andel_dialoger_vbe", W26, "total", "alla", 0, 1, 0, 0.7934506856},
};

static int setup(void **state)
{
	(void)state;
	return fs_load_pipeline(&cs, &map, &inds, "dialog");
}

static void load(vbs_dialogs *s)
{
	if (dialogs_init(s, 8) != 0)
		fail_msg("dialogs_init failed");
	for (size_t i = 0; i < sizeof(dlgs) / sizeof(dlgs[0]); i++) {
		const struct dlg *d = &dlgs[i];
		vbs_dialog rec = {
			.origin = {.line = (uint32_t)i + 2},
			.day = fs_day(d->y, d->m, d->d),
			.participants = d->participants < 0 ? DIALOG_PARTICIPANTS_NONE : d->participants,
			.themes = themes_of(d->themes),
			.omrade = code_of("omrade", d->omrade),
			.malgrupp = code_of("malgrupp", d->malgrupp),
			.form = code_of("form", d->form),
			.trygghet = code_of("trygghet_tas_upp", d->trygghet),
			.vbe = code_of("vbe_tas_upp", d->vbe),
		};
		int loser;

		if (dialogs_put(s, d->id, &rec, &loser) == KEYED_ERROR)
			fail_msg("dialogs_put(%s) failed", d->id);
	}
}

static vbs_dialog_figures request(const vbs_dialogs *s, const vbs_indicators *defs)
{
	return (vbs_dialog_figures){.dialogs = s, .mapping = &map, .codesets = &cs,
	                            .indicators = defs, .as_of = fs_day(2026, 10, 31)};
}

static int close_to(double got, double want_)
{
	return fs_close_to(got, want_, REL_TOL);
}

static const struct want *wanted(const vbs_figure *f)
{
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (fs_row_is(f, want[i].report, want[i].indicator, want[i].period, want[i].dim,
		              want[i].cat))
			return &want[i];
	return NULL;
}

static void test_figures(void **state)
{
	vbs_dialogs s;
	vbs_figures out;
	vbs_error err;
	vbs_dialog_figures req;
	size_t found = 0;

	(void)state;
	load(&s);
	req = request(&s, &inds);
	figures_init(&out);
	error_init(&err);
	if (dialog_figures_build(&req, &out, &err) != 0)
		fail_msg("dialog_figures_build failed: %s", err.message);
	for (size_t i = 0; i < out.n; i++) {
		const vbs_figure *f = &out.rows[i];
		const struct want *w = wanted(f);
		int count = strcmp(f->indicator, "dialogues") == 0;
		int share = strncmp(f->indicator, "andel_", 6) == 0;
		unsigned has;

		if (strcmp(f->source, "dialog") || f->persons != 0 || f->exposure != 0 || f->suppressed)
			fail_msg("%s %s %s %s/%s: source, persons, exposure or suppressed wrong",
			         f->report, f->indicator, f->period, f->dimension, f->category);
		if (!w && share)
			fail_msg("%s %s %s %s/%s: a row the table does not expect", f->report,
			         f->indicator, f->period, f->dimension, f->category);
		found += w != NULL;
		if (!w && !count) {
			if (f->has != (FIG_VALUE | FIG_N) || f->value != 0 || f->n != 0)
				fail_msg("%s participants %s %s/%s: %g n %g has %u, want 0, n 0", f->report,
				         f->period, f->dimension, f->category, f->value, f->n, f->has);
			continue;
		}
		if (count) {
			double k = w ? w->value : 0;

			if (f->value != k || f->has != (FIG_VALUE | FIG_CI))
				fail_msg("%s dialogues %s %s/%s: %g (has %u), want %g with its interval",
				         f->report, f->period, f->dimension, f->category, f->value, f->has, k);
			continue;
		}
		has = FIG_N | (w->value >= 0 ? FIG_VALUE : 0) | (share && w->value >= 0 ? FIG_CI : 0);
		if (f->has != has || f->n != w->n || (w->value >= 0 && !close_to(f->value, w->value)) ||
		    (share && w->value >= 0 &&
		     (!close_to(f->ci_low, w->lo) || !close_to(f->ci_high, w->hi))))
			fail_msg("%s %s %s %s/%s: %.10g [%.10g, %.10g] n %g has %u; want %.10g [%.10g, "
			         "%.10g] n %g has %u", f->report, f->indicator, f->period, f->dimension,
			         f->category, f->value, f->ci_low, f->ci_high, f->n, f->has, w->value,
			         w->lo, w->hi, w->n, has);
	}
	fs_check_found(found, sizeof(want) / sizeof(want[0]));
	figures_release(&out);
	dialogs_release(&s);
}

/* Every category in every period, extras where used; the order: vb then
 * lagesbild, indicators in file order. Rows: dialogues vb 2 × (1 + omrade
 * 7+1 + malgrupp 8+1 + form 5 + tema 10) = 66, lagesbild 3 × (1 + 7 + 8 +
 * 5 + 10) = 93; participants vb 2 × (1 + 8 + 9 + 5) = 46, lagesbild 3 ×
 * (1 + 7 + 8 + 5) = 63; each share 2 and 3. */
static void test_rows(void **state)
{
	static const char *const order[] = {
		"dialogues", "dialogue_participants", "andel_dialoger_trygghet",
		"andel_dialoger_vbe",
	};
	vbs_dialogs s;
	vbs_figures out;
	vbs_error err;
	vbs_dialog_figures req;
	int stage = 0;

	(void)state;
	load(&s);
	req = request(&s, &inds);
	figures_init(&out);
	error_init(&err);
	if (dialog_figures_build(&req, &out, &err) != 0)
		fail_msg("dialog_figures_build failed: %s", err.message);
	if (out.n != 66 + 93 + 46 + 63 + 2 * (2 + 3))
		fail_msg("%zu rows, want %d", out.n, 66 + 93 + 46 + 63 + 10);
	/* vb: the four indicators in order, then lagesbild likewise. */
	for (size_t i = 0; i < out.n; i++) {
		const vbs_figure *f = &out.rows[i];
		int want_stage;

		for (want_stage = 0; want_stage < 4; want_stage++)
			if (strcmp(order[want_stage], f->indicator) == 0)
				break;
		want_stage += strcmp(f->report, "vb") ? 4 : 0;
		if (want_stage < stage)
			fail_msg("row %zu (%s %s) is out of order", i, f->report, f->indicator);
		stage = want_stage;
	}
	if (figures_find(&out, "lagesbild", "dialogues", W25, "omrade", "Okänt område") ||
	    figures_find(&out, "vb", "dialogues", "2025", "form", "Uppgift saknas") ||
	    !figures_find(&out, "vb", "dialogues", "2024", "omrade", "Okänt område") ||
	    !figures_find(&out, "vb", "dialogues", "2024", "tema", "trafik"))
		fail_msg("extras only where used, zero rows for every code");
	figures_release(&out);
	dialogs_release(&s);
}

/* No dialogue up to the as-of date: no figures, no error. */
static void test_empty(void **state)
{
	vbs_dialogs s;
	vbs_figures out;
	vbs_error err;
	vbs_dialog_figures req;

	(void)state;
	load(&s);
	req = request(&s, &inds);
	req.as_of = fs_day(2024, 1, 1);
	figures_init(&out);
	error_init(&err);
	if (dialog_figures_build(&req, &out, &err) != 0 || out.n != 0)
		fail_msg("before every dialogue: %zu rows, %s", out.n, err.message);
	figures_release(&out);
	dialogs_release(&s);
}

static void test_config_errors(void **state)
{
	static vbs_indicators bad;
	static const char *const names[] = {
		"a sum of a column that is not the participants",
		"a record_share on a column dialog.ini lacks",
		"a yes code not in the set",
		"a dimension dialog.ini lacks",
		"offset = population",
		"a kind dialogues have not",
		"a where on a column that is not a code column",
	};
	vbs_dialogs s;

	(void)state;
	load(&s);
	for (int k = 0; k < (int)(sizeof(names) / sizeof(names[0])); k++) {
		vbs_indicator *sum, *share, *count;
		vbs_dialog_figures req;
		vbs_figures out;
		vbs_error err;

		bad = inds;
		sum = (vbs_indicator *)indicators_find(&bad, "dialogue_participants");
		share = (vbs_indicator *)indicators_find(&bad, "andel_dialoger_vbe");
		count = (vbs_indicator *)indicators_find(&bad, "dialogues");
		if (!sum || !share || !count)
			fail_msg("indicators.ini lacks a dialogue indicator");
		if (k == 0)
			snprintf(sum->column, sizeof(sum->column), "datum");
		if (k == 1)
			snprintf(share->column, sizeof(share->column), "vbe");
		if (k == 2)
			snprintf(share->yes[0], sizeof(share->yes[0]), "Kanske");
		if (k == 3)
			snprintf(count->dimensions[0], sizeof(count->dimensions[0]), "stadsdel");
		if (k == 4)
			count->offset_population = 1;
		if (k == 5)
			count->kind = KIND_NOT_REMOVED;
		if (k == 6) {
			snprintf(count->where_column, sizeof(count->where_column), "antal_deltagare");
			snprintf(count->where_code, sizeof(count->where_code), "3");
		}
		req = request(&s, &bad);
		figures_init(&out);
		error_init(&err);
		fs_check_refused(names[k], dialog_figures_build(&req, &out, &err), &err, &out);
		figures_release(&out);
	}
	dialogs_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_config_errors),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
