/* test_survey_figures: survey respondents built by hand (respondents_put,
 * code indices from the real pipeline/codesets.ini and
 * pipeline/sources/trygghet.ini, indicators from pipeline/indicators.ini)
 * turned into weighted shares. Checks the shares, Kish n_eff and Wilson
 * intervals against hand computation and statistics.md §3's reference, the
 * denominators (9 and the non-valid codes left out), suppression below
 * min_valid with n kept, a row for every code in every survey year, the
 * extra fallback category only where a respondent has it, the survey years
 * of vb and lagesbild, the configuration errors, and the four indicators on
 * the committed sample against inputs/README.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "figures/indicators.h"
#include "figures/survey_figures.h"
#include "ingest/ingest_trygghet.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "records/respondents.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define PIPELINE "pipeline"
#define REL_TOL 1e-6
#define ABS_TOL 1e-12
#define Z975 1.959963984540054

enum {
	MAX_GROUPS = 16, MAX_YEARS = 8, MAX_EXTRAS = 8, MAX_CELLS = 24,
	QUESTIONS = RESPONDENT_QUESTIONS
};

static const char *const answer_ids[QUESTIONS] = {"f1", "f2", "f3", "f4"};

/* The committed code sets, survey mapping and indicators (too big for the
 * stack). */
struct fixture {
	vbs_codesets cs;
	vbs_mapping m;
	vbs_indicators ind;
};

/* `count` identical respondents (consecutive Löpnummer). */
struct group {
	int count;             /* 0 ends the list */
	int year;
	double weight;
	const char *omrade, *kon, *alder;
	const char *answer[QUESTIONS]; /* F1..F4 as code names */
};

/* A present extra fallback category: the set's fallback name in this
 * report and dimension. Every other extra category must be absent. */
struct want_extra {
	const char *report;    /* NULL ends the list */
	const char *dimension;
};

/* One expected cell. n = 0: no value. ci_ref: lo and hi are a reference
 * (otherwise the interval is checked by the Wilson formula only). */
struct want_share {
	const char *report;    /* NULL ends the list */
	const char *indicator, *period, *dimension, *category;
	long n;
	int suppressed;
	double p, neff;
	int ci_ref;
	double lo, hi;
};

struct share_case {
	const char *name;
	int as_of[3];
	int min_valid;         /* passed as is; 0 means the default, 30 */
	struct group groups[MAX_GROUPS];
	int vb_years[MAX_YEARS];  /* 0 ends the list */
	int ytd_years[MAX_YEARS];
	struct want_extra extras[MAX_EXTRAS];
	struct want_share cells[MAX_CELLS];
};

#define OTRYGG "andel_otrygga_kvall"
#define LIVSK "andel_livskvalitet_oro"
#define SETT "andel_sett_extremistiska_budskap"
#define AVSTATT "andel_avstatt_aktivitet"

/* Answers to the other questions where they are not the point. */
#define F1_ONLY(a) {(a), "9", "9", "9"}

static const struct share_case cases[] = {
	/* statistics.md §3: y = 1,0,1,1,0,1,0,1,1,1 on F1 (3 = yes, 1 = no),
	 * plus three Man respondents with large weights whose F1 answers (5, 9,
	 * 9) are not valid: they must not move the share. min_valid 10 so the
	 * ten answers are shown. */
	{"reference_section3", {2025, 6, 30}, 10,
	 {{1, 2024, 0.8, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 1.6, "Gärdet", "Kvinna", "25-44", F1_ONLY("1")},
	  {1, 2024, 1.2, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 0.5, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 2.1, "Gärdet", "Kvinna", "25-44", F1_ONLY("1")},
	  {1, 2024, 1.0, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 0.9, "Gärdet", "Kvinna", "25-44", F1_ONLY("1")},
	  {1, 2024, 1.4, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 0.7, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 1.3, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 50.0, "Gärdet", "Man", "25-44", F1_ONLY("5")},
	  {1, 2024, 60.0, "Gärdet", "Man", "25-44", F1_ONLY("9")},
	  {1, 2024, 70.0, "Gärdet", "Man", "25-44", F1_ONLY("9")}},
	 {2024}, {2024},
	 {{NULL, NULL}},
	 {{"vb", OTRYGG, "2024", "total", "alla", 10, 0, 0.6, 8.672131148, 1,
	   0.2961382106, 0.8424651985},
	  {"lagesbild", OTRYGG, "2024", "total", "alla", 10, 0, 0.6, 8.672131148, 1,
	   0.2961382106, 0.8424651985},
	  {"vb", OTRYGG, "2024", "omrade", "Gärdet", 10, 0, 0.6, 8.672131148, 1,
	   0.2961382106, 0.8424651985},
	  {"vb", OTRYGG, "2024", "kon", "Kvinna", 10, 0, 0.6, 8.672131148, 1,
	   0.2961382106, 0.8424651985},
	  {"vb", OTRYGG, "2024", "aldersgrupp", "25-44", 10, 0, 0.6, 8.672131148, 1,
	   0.2961382106, 0.8424651985},
	  {"vb", OTRYGG, "2024", "kon", "Man", 0, 1, 0, 0, 0, 0, 0},
	  {"vb", OTRYGG, "2024", "omrade", "Hjorthagen", 0, 1, 0, 0, 0, 0, 0},
	  {"vb", LIVSK, "2024", "total", "alla", 0, 1, 0, 0, 0, 0, 0},
	  {NULL}}},
	/* The same answers with min_valid 11: ten valid answers are too few;
	 * n stays, the row is flagged. */
	{"reference_min_valid_11", {2025, 6, 30}, 11,
	 {{1, 2024, 0.8, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 1.6, "Gärdet", "Kvinna", "25-44", F1_ONLY("1")},
	  {1, 2024, 1.2, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 0.5, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 2.1, "Gärdet", "Kvinna", "25-44", F1_ONLY("1")},
	  {1, 2024, 1.0, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 0.9, "Gärdet", "Kvinna", "25-44", F1_ONLY("1")},
	  {1, 2024, 1.4, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 0.7, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")},
	  {1, 2024, 1.3, "Gärdet", "Kvinna", "25-44", F1_ONLY("3")}},
	 {2024}, {2024},
	 {{NULL, NULL}},
	 {{"vb", OTRYGG, "2024", "total", "alla", 10, 1, 0.6, 8.672131148, 1,
	   0.2961382106, 0.8424651985},
	  {NULL}}},
	/* Every answer code of every question once (weights 1..6): the
	 * denominators are F1 1-4, F2 1-4, F3 1-2, F4 1-3; 5 and 9 are out.
	 * r5 lives in Okänt område and r6 in Uppgift saknas (age): both extras
	 * are published, Kön's is not.
	 *   r1 w1: 1 1 1 1  Gärdet      Kvinna 25-44
	 *   r2 w2: 2 2 2 2  Gärdet      Kvinna 25-44
	 *   r3 w3: 3 3 9 3  Hjorthagen  Kvinna 25-44
	 *   r4 w4: 4 4 1 9  Hjorthagen  Man    25-44
	 *   r5 w5: 5 9 9 9  Okänt område Man   25-44
	 *   r6 w6: 9 9 2 1  Gärdet      Man    Uppgift saknas */
	{"denominators", {2023, 3, 1}, 1,
	 {{1, 2022, 1.0, "Gärdet", "Kvinna", "25-44", {"1", "1", "1", "1"}},
	  {1, 2022, 2.0, "Gärdet", "Kvinna", "25-44", {"2", "2", "2", "2"}},
	  {1, 2022, 3.0, "Hjorthagen", "Kvinna", "25-44", {"3", "3", "9", "3"}},
	  {1, 2022, 4.0, "Hjorthagen", "Man", "25-44", {"4", "4", "1", "9"}},
	  {1, 2022, 5.0, "Okänt område", "Man", "25-44", {"5", "9", "9", "9"}},
	  {1, 2022, 6.0, "Gärdet", "Man", "Uppgift saknas", {"9", "9", "2", "1"}}},
	 {2022}, {2022},
	 {{"vb", "omrade"}, {"vb", "aldersgrupp"}, {"lagesbild", "omrade"},
	  {"lagesbild", "aldersgrupp"}},
	 {/* F1: r1-r4, Σw 10, yes r3 r4 = 7; n_eff 100/30 */
	  {"vb", OTRYGG, "2022", "total", "alla", 4, 0, 0.7, 100.0 / 30.0, 0, 0, 0},
	  /* F2: the same valid answers and yes codes */
	  {"vb", LIVSK, "2022", "total", "alla", 4, 0, 0.7, 100.0 / 30.0, 0, 0, 0},
	  /* F3: r1 r2 r4 r6, Σw 13, yes r1 r4 = 5; n_eff 169/57 */
	  {"vb", SETT, "2022", "total", "alla", 4, 0, 5.0 / 13.0, 169.0 / 57.0, 0, 0, 0},
	  /* F4: r1 r2 r3 r6, Σw 12, yes r1 r2 r6 = 9; n_eff 144/50 */
	  {"vb", AVSTATT, "2022", "total", "alla", 4, 0, 0.75, 2.88, 0, 0, 0},
	  /* F1 Gärdet: r1 r2 (r6 answered 9): no yes, Wilson lower limit 0 */
	  {"vb", OTRYGG, "2022", "omrade", "Gärdet", 2, 0, 0.0, 1.8, 0, 0, 0},
	  /* F1 Hjorthagen: r3 r4, both yes, upper limit 1 */
	  {"vb", OTRYGG, "2022", "omrade", "Hjorthagen", 2, 0, 1.0, 49.0 / 25.0, 0, 0, 0},
	  {"vb", OTRYGG, "2022", "omrade", "Okänt område", 0, 1, 0, 0, 0, 0, 0},
	  {"vb", OTRYGG, "2022", "omrade", "Lärkstaden", 0, 1, 0, 0, 0, 0, 0},
	  {"vb", OTRYGG, "2022", "kon", "Kvinna", 3, 0, 0.5, 36.0 / 14.0, 0, 0, 0},
	  {"vb", OTRYGG, "2022", "kon", "Man", 1, 0, 1.0, 1.0, 0, 0, 0},
	  {"vb", OTRYGG, "2022", "aldersgrupp", "Uppgift saknas", 0, 1, 0, 0, 0, 0, 0},
	  {"vb", SETT, "2022", "omrade", "Gärdet", 3, 0, 1.0 / 9.0, 81.0 / 41.0, 0, 0, 0},
	  {"vb", SETT, "2022", "omrade", "Hjorthagen", 1, 0, 1.0, 1.0, 0, 0, 0},
	  {"vb", AVSTATT, "2022", "aldersgrupp", "Uppgift saknas", 1, 0, 1.0, 1.0, 0, 0, 0},
	  {"vb", AVSTATT, "2022", "aldersgrupp", "25-44", 3, 0, 0.5, 36.0 / 14.0, 0, 0, 0},
	  {"lagesbild", AVSTATT, "2022", "aldersgrupp", "25-44", 3, 0, 0.5, 36.0 / 14.0, 0,
	   0, 0},
	  {"vb", LIVSK, "2022", "omrade", "Okänt område", 0, 1, 0, 0, 0, 0, 0},
	  {NULL}}},
	/* min_valid 0 = the default 30. 2020: 30 Kvinna valid answers (shown),
	 * 29 Man valid answers plus 2 Man answering 9 (suppressed, n = 29).
	 * Total 59: Σw 88, yes 15 + 58 = 73, n_eff 88²/146. As of 31 December
	 * 2021 the report year is 2021, whose one answer is suppressed. */
	{"suppression_default_29_30", {2021, 12, 31}, 0,
	 {{15, 2020, 1.0, "Lärkstaden", "Kvinna", "16-24", F1_ONLY("3")},
	  {15, 2020, 1.0, "Lärkstaden", "Kvinna", "16-24", F1_ONLY("2")},
	  {29, 2020, 2.0, "Lärkstaden", "Man", "16-24", F1_ONLY("4")},
	  {2, 2020, 2.0, "Lärkstaden", "Man", "16-24", F1_ONLY("9")},
	  {1, 2021, 1.0, "Djurgården", "Kvinna", "65-84", F1_ONLY("1")}},
	 {2020, 2021}, {2020, 2021},
	 {{NULL, NULL}},
	 {{"vb", OTRYGG, "2020", "kon", "Kvinna", 30, 0, 0.5, 30.0, 0, 0, 0},
	  {"vb", OTRYGG, "2020", "kon", "Man", 29, 1, 1.0, 29.0, 0, 0, 0},
	  {"vb", OTRYGG, "2020", "total", "alla", 59, 0, 73.0 / 88.0, 7744.0 / 146.0, 0, 0, 0},
	  {"vb", OTRYGG, "2020", "omrade", "Lärkstaden", 59, 0, 73.0 / 88.0, 7744.0 / 146.0,
	   0, 0, 0},
	  {"vb", OTRYGG, "2021", "total", "alla", 1, 1, 0.0, 1.0, 0, 0, 0},
	  {"lagesbild", OTRYGG, "2021", "kon", "Kvinna", 1, 1, 0.0, 1.0, 0, 0, 0},
	  {"vb", OTRYGG, "2020", "kon", "Annat/vill ej uppge", 0, 1, 0, 0, 0, 0, 0},
	  {"vb", OTRYGG, "2021", "kon", "Man", 0, 1, 0, 0, 0, 0, 0},
	  {NULL}}},
	/* As of 2026-10-31: report year 2025. Survey years 2016, 2018, 2024 in
	 * both reports, 2026 in lagesbild only; 2027 is after the as-of year and
	 * ignored, its Uppgift saknas (age) too. Okänt område appears in 2026
	 * only, so only lagesbild has that row, in every year. */
	{"years_vb_lagesbild", {2026, 10, 31}, 1,
	 {{1, 2016, 1.0, "Gärdet", "Kvinna", "45-64", F1_ONLY("3")},
	  {1, 2016, 3.0, "Gärdet", "Man", "45-64", F1_ONLY("1")},
	  {1, 2018, 1.5, "Djurgården", "Man", "16-24", F1_ONLY("4")},
	  {1, 2024, 0.7, "Frihamnen/Loudden", "Kvinna", "65-84", F1_ONLY("2")},
	  {1, 2026, 2.0, "Gärdet", "Kvinna", "25-44", F1_ONLY("4")},
	  {1, 2026, 2.0, "Okänt område", "Man", "25-44", F1_ONLY("2")},
	  {1, 2027, 9.0, "Okänt område", "Man", "Uppgift saknas", F1_ONLY("3")}},
	 {2016, 2018, 2024}, {2016, 2018, 2024, 2026},
	 {{"lagesbild", "omrade"}},
	 {{"vb", OTRYGG, "2016", "total", "alla", 2, 0, 0.25, 1.6, 0, 0, 0},
	  {"lagesbild", OTRYGG, "2016", "total", "alla", 2, 0, 0.25, 1.6, 0, 0, 0},
	  {"vb", OTRYGG, "2018", "total", "alla", 1, 0, 1.0, 1.0, 0, 0, 0},
	  {"vb", OTRYGG, "2024", "total", "alla", 1, 0, 0.0, 1.0, 0, 0, 0},
	  {"lagesbild", OTRYGG, "2026", "total", "alla", 2, 0, 0.5, 2.0, 0, 0, 0},
	  {"lagesbild", OTRYGG, "2026", "omrade", "Okänt område", 1, 0, 0.0, 1.0, 0, 0, 0},
	  {"lagesbild", OTRYGG, "2016", "omrade", "Okänt område", 0, 1, 0, 0, 0, 0, 0},
	  {"lagesbild", OTRYGG, "2026", "aldersgrupp", "25-44", 2, 0, 0.5, 2.0, 0, 0, 0},
	  {"vb", OTRYGG, "2016", "kon", "Man", 1, 0, 0.0, 1.0, 0, 0, 0},
	  {NULL}}},
	/* Every respondent after the as-of year: no survey year, no rows. */
	{"only_after_as_of", {2026, 10, 31}, 1,
	 {{3, 2027, 1.0, "Gärdet", "Kvinna", "25-44", {"3", "3", "1", "1"}}},
	 {0}, {0},
	 {{NULL, NULL}},
	 {{NULL}}},
	{"no_respondents", {2026, 10, 31}, 1,
	 {{0}},
	 {0}, {0},
	 {{NULL, NULL}},
	 {{NULL}}},
};

/* ---- helpers -------------------------------------------------------------- */

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	vbs_error err;

	if (!fx)
		return -1;
	*state = fx;
	error_init(&err);
	if (codesets_load(&fx->cs, PIPELINE, &err) != 0 ||
	    mapping_load(&fx->m, PIPELINE, "trygghet", &fx->cs, &err) != 0 ||
	    indicators_load(&fx->ind, PIPELINE, &err) != 0) {
		print_error("the committed configuration does not load: %s:%ld: %s\n",
		            err.file, err.line, err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static const vbs_codeset *set_of(const struct fixture *fx, const char *column)
{
	int c = mapping_column(&fx->m, column);

	if (c < 0 || fx->m.columns[c].codeset < 0)
		fail_msg("pipeline/sources/trygghet.ini has no code column '%s'", column);
	return &fx->cs.sets[fx->m.columns[c].codeset];
}

/* The index of a code or of the set's fallback category, by name. */
static uint8_t code_of(const struct fixture *fx, const char *column, const char *name)
{
	const vbs_codeset *set = set_of(fx, column);
	int i = codeset_lookup(set, name);

	if (i < 0 && set->fallback >= 0 && strcmp(set->fallback_name, name) == 0)
		i = set->fallback;
	if (i < 0)
		fail_msg("'%s' is neither a code nor the fallback of the set of '%s'", name,
		         column);
	return (uint8_t)i;
}

static void load_groups(const struct fixture *fx, const struct group *groups,
                        vbs_respondents *rs)
{
	long long lopnummer = 1;

	if (respondents_init(rs, 64) != 0)
		fail_msg("respondents_init failed");
	for (const struct group *g = groups; g->count > 0; g++) {
		for (int k = 0; k < g->count; k++, lopnummer++) {
			vbs_respondent rec = {
				.origin = {.line = (uint32_t)lopnummer + 1, .file = 0},
				.weight = g->weight,
				.year = (int16_t)g->year,
				.omrade = code_of(fx, "omrade", g->omrade),
				.kon = code_of(fx, "kon", g->kon),
				.aldersgrupp = code_of(fx, "aldersgrupp", g->alder),
				.area_unknown = strcmp(g->omrade, "Okänt område") == 0,
			};
			int loser;

			for (int q = 0; q < QUESTIONS; q++)
				rec.answer[q] = code_of(fx, answer_ids[q], g->answer[q]);
			if (respondents_put(rs, lopnummer, &rec, &loser) != KEYED_NEW)
				fail_msg("respondents_put(%d:%lld) did not add a new respondent",
				         g->year, lopnummer);
		}
	}
}

static int close_to(double got, double want)
{
	return fabs(got - want) <= fmax(REL_TOL * fabs(want), ABS_TOL);
}

/* statistics.md §3's Wilson score interval, written out independently. */
static void wilson(double p, double n, double *lo, double *hi)
{
	double z2n = Z975 * Z975 / n, d = 1 + z2n;
	double c = (p + z2n / 2) / d;
	double h = Z975 * sqrt(p * (1 - p) / n + z2n / (4 * n)) / d;

	*lo = fmax(0, c - h);
	*hi = fmin(1, c + h);
}

/* The trygghet share indicators of indicators.ini, in file order. */
static int survey_indicators(const struct fixture *fx, const vbs_indicator *list[])
{
	int n = 0;

	for (int i = 0; i < fx->ind.n; i++)
		if (strcmp(fx->ind.items[i].source, "trygghet") == 0 &&
		    fx->ind.items[i].kind == KIND_SHARE)
			list[n++] = &fx->ind.items[i];
	return n;
}

static int extra_listed(const struct want_extra *extras, size_t nextras,
                        const char *report, const char *dimension)
{
	for (size_t i = 0; i < nextras && extras[i].report; i++)
		if (!strcmp(extras[i].report, report) && !strcmp(extras[i].dimension, dimension))
			return 1;
	return 0;
}

/* The rows, in order: indicator (file order), vb then lagesbild, total then
 * the indicator's dimensions, code-set order with the extra category last
 * where listed, the report's survey years ascending. Nothing else. */
static void check_structure(const struct fixture *fx, const char *name,
                            const vbs_figures *out, size_t first,
                            const int *vb_years, const int *ytd_years,
                            const struct want_extra *extras, size_t nextras)
{
	static const char *const reports[] = {"vb", "lagesbild"};
	const vbs_indicator *list[INDICATORS_MAX];
	int nind = survey_indicators(fx, list);
	size_t k = first;

	CHECK(nind == 4, "[%s] indicators.ini has %d survey shares, want 4", name, nind);
	for (int ii = 0; ii < nind; ii++) {
		const vbs_indicator *ind = list[ii];

		for (int r = 0; r < 2; r++) {
			const int *years = r ? ytd_years : vb_years;

			for (int d = -1; d < ind->ndimensions; d++) {
				const char *dim = d < 0 ? "total" : ind->dimensions[d];
				const vbs_codeset *set = d < 0 ? NULL : set_of(fx, dim);
				int ncat = set ? set->ncodes : 1;

				if (set && set->fallback == set->ncodes &&
				    extra_listed(extras, nextras, reports[r], dim))
					ncat++;
				for (int c = 0; c < ncat; c++) {
					const char *cat = !set ? "alla"
					                  : c < set->ncodes ? set->codes[c]
					                                    : set->fallback_name;

					for (int yi = 0; yi < MAX_YEARS && years[yi]; yi++, k++) {
						const vbs_figure *f;
						char period[16];

						snprintf(period, sizeof(period), "%d", years[yi]);
						CHECK(k < out->n, "[%s] only %zu rows; want a row %s %s %s %s/%s "
						      "and more", name, out->n - first, reports[r], ind->id,
						      period, dim, cat);
						f = &out->rows[k];
						CHECK(!strcmp(f->report, reports[r]) &&
						      !strcmp(f->indicator, ind->id) &&
						      !strcmp(f->period, period) && !strcmp(f->dimension, dim) &&
						      !strcmp(f->category, cat),
						      "[%s] row %zu is %s %s %s %s/%s, want %s %s %s %s/%s", name,
						      k - first, f->report, f->indicator, f->period, f->dimension,
						      f->category, reports[r], ind->id, period, dim, cat);
					}
				}
			}
		}
	}
	CHECK(k == out->n, "[%s] %zu rows, want %zu (an unexpected row: %s %s %s %s/%s)",
	      name, out->n - first, k - first, out->rows[k].report, out->rows[k].indicator,
	      out->rows[k].period, out->rows[k].dimension, out->rows[k].category);
}

/* What holds for every row: source, flags, n, finite values in range, the
 * Wilson interval of (value, neff), suppression exactly below min_valid. */
static void check_row(const char *name, const vbs_figure *f, int min_valid)
{
	char key[256];

	snprintf(key, sizeof(key), "[%s] %s %s %s %s/%s: ", name, f->report, f->indicator,
	         f->period, f->dimension, f->category);
	CHECK(!strcmp(f->source, "trygghet"), "%ssource \"%s\", want trygghet", key, f->source);
	CHECK(f->share == 1, "%sshare = %d, want 1 (n stays when suppressed)", key, f->share);
	CHECK(f->year == atoi(f->period), "%syear %d does not match the period", key, f->year);
	CHECK(f->persons == 0 && f->exposure == 0, "%spersons %ld, exposure %g, want 0 and 0",
	      key, f->persons, f->exposure);
	CHECK((f->has & FIG_N) && f->n >= 0 && f->n == floor(f->n),
	      "%sn %g (has %u), want a whole count with FIG_N", key, f->n, f->has);
	CHECK(f->suppressed == (f->n < min_valid),
	      "%ssuppressed = %d with n = %g and min_valid %d", key, f->suppressed, f->n,
	      min_valid);
	CHECK(isfinite(f->value) && isfinite(f->ci_low) && isfinite(f->ci_high) &&
	      isfinite(f->neff), "%sa NaN or Inf: value %g [%g, %g] neff %g", key, f->value,
	      f->ci_low, f->ci_high, f->neff);
	if (f->n == 0) {
		CHECK(f->has == FIG_N && f->value == 0 && f->neff == 0,
		      "%sno valid answer, yet has = %u, value %g, neff %g", key, f->has, f->value,
		      f->neff);
		return;
	}
	CHECK(f->has == (FIG_VALUE | FIG_CI | FIG_N), "%shas = %u, want value, interval, n",
	      key, f->has);
	CHECK(f->value >= 0 && f->value <= 1, "%sshare %g outside [0, 1]", key, f->value);
	CHECK(f->neff >= 1 - REL_TOL && f->neff <= f->n * (1 + REL_TOL),
	      "%sn_eff %g outside [1, n = %g]", key, f->neff, f->n);
	{
		double lo, hi;

		wilson(f->value, f->neff, &lo, &hi);
		CHECK(close_to(f->ci_low, lo) && close_to(f->ci_high, hi),
		      "%sinterval [%.10g, %.10g], want Wilson on n_eff [%.10g, %.10g]", key,
		      f->ci_low, f->ci_high, lo, hi);
		CHECK(f->ci_low <= f->value && f->value <= f->ci_high,
		      "%sshare %g outside its interval [%g, %g]", key, f->value, f->ci_low,
		      f->ci_high);
	}
}

static void check_cell(const char *name, const vbs_figures *out, const struct want_share *w)
{
	const vbs_figure *f = figures_find(out, w->report, w->indicator, w->period,
	                                   w->dimension, w->category);
	char key[256];

	snprintf(key, sizeof(key), "[%s] %s %s %s %s/%s: ", name, w->report, w->indicator,
	         w->period, w->dimension, w->category);
	CHECK(f != NULL, "%sno such row", key);
	CHECK(f->n == (double)w->n, "%sn = %g valid answers, want %ld", key, f->n, w->n);
	CHECK(f->suppressed == w->suppressed, "%ssuppressed = %d, want %d", key, f->suppressed,
	      w->suppressed);
	if (w->n == 0) {
		CHECK(!(f->has & (FIG_VALUE | FIG_CI)), "%sa value without valid answers", key);
		return;
	}
	CHECK(close_to(f->value, w->p), "%sshare %.10g, want %.10g", key, f->value, w->p);
	CHECK(close_to(f->neff, w->neff), "%sn_eff %.10g, want %.10g", key, f->neff, w->neff);
	if (w->ci_ref)
		CHECK(close_to(f->ci_low, w->lo) && close_to(f->ci_high, w->hi),
		      "%sinterval [%.10g, %.10g], want [%.10g, %.10g]", key, f->ci_low, f->ci_high,
		      w->lo, w->hi);
}

/* A year in both reports has the same figures in both. */
static void check_reports_agree(const char *name, const vbs_figures *out, size_t first)
{
	for (size_t i = first; i < out->n; i++) {
		const vbs_figure *a = &out->rows[i], *b;

		if (strcmp(a->report, "vb") != 0)
			continue;
		b = figures_find(out, "lagesbild", a->indicator, a->period, a->dimension,
		                 a->category);
		CHECK(b != NULL, "[%s] %s %s %s/%s is in vb but not in lagesbild", name,
		      a->indicator, a->period, a->dimension, a->category);
		CHECK(a->n == b->n && a->value == b->value && a->ci_low == b->ci_low &&
		      a->ci_high == b->ci_high && a->neff == b->neff && a->has == b->has &&
		      a->suppressed == b->suppressed,
		      "[%s] %s %s %s/%s differs between vb and lagesbild", name, a->indicator,
		      a->period, a->dimension, a->category);
	}
}

/* ---- tests ---------------------------------------------------------------- */

/* Every case: the rows in order, every row's invariants, the cells worked
 * out by hand, vb and lagesbild alike where they overlap. A row already in
 * the table stays first and untouched. */
static void test_cases(void **state)
{
	const struct fixture *fx = *state;

	for (size_t ci = 0; ci < COUNT(cases); ci++) {
		const struct share_case *c = &cases[ci];
		int min_valid = c->min_valid > 0 ? c->min_valid : 30;
		vbs_respondents rs;
		vbs_figures out;
		vbs_error err;
		vbs_figure earlier = {.report = "vb", .source = "ia", .indicator = "x",
		                      .period = "2000", .dimension = "total", .category = "alla",
		                      .value = 7};
		vbs_survey_figures req = {
			.respondents = &rs, .mapping = &fx->m, .codesets = &fx->cs,
			.indicators = &fx->ind,
			.as_of = date_from_ymd(c->as_of[0], c->as_of[1], c->as_of[2]),
			.min_valid = c->min_valid,
		};

		load_groups(fx, c->groups, &rs);
		figures_init(&out);
		error_init(&err);
		CHECK(figures_add(&out, &earlier, &err) == 0, "[%s] figures_add failed", c->name);
		CHECK(survey_figures_build(&req, &out, &err) == 0,
		      "[%s] survey_figures_build failed: %s:%ld: %s", c->name, err.file, err.line,
		      err.message);
		CHECK(!strcmp(out.rows[0].indicator, "x") && out.rows[0].value == 7,
		      "[%s] the row already in the table was changed", c->name);
		check_structure(fx, c->name, &out, 1, c->vb_years, c->ytd_years, c->extras,
		                COUNT(c->extras));
		for (size_t i = 1; i < out.n; i++)
			check_row(c->name, &out.rows[i], min_valid);
		for (size_t i = 0; i < COUNT(c->cells) && c->cells[i].report; i++)
			check_cell(c->name, &out, &c->cells[i]);
		check_reports_agree(c->name, &out, 1);
		figures_release(&out);
		respondents_release(&rs);
	}
}

/* A configuration error in one share indicator (or the mapping) is
 * VBS_E_CONFIG naming indicators.ini and the offending name; the table
 * keeps exactly the rows it had. */
struct error_case {
	const char *name;
	const char *question;   /* NULL: unchanged */
	const char *dimension;  /* replaces the first dimension; NULL: unchanged */
	const char *yes0;       /* replaces the first yes code */
	const char *valid0;     /* replaces the first valid code */
	int count_kind;         /* the indicator becomes a count */
	const char *dim_column; /* this mapping column becomes a dimension */
	const char *want;       /* in the message */
};

static const struct error_case error_cases[] = {
	{"dimension_not_in_mapping", NULL, "kommun", NULL, NULL, 0, NULL, "'kommun'"},
	{"dimension_not_a_dimension", NULL, "vikt", NULL, NULL, 0, NULL, "'vikt'"},
	{"dimension_not_on_respondents", NULL, "f2", NULL, NULL, 0, "f2", "'f2'"},
	{"question_unknown", "f9", NULL, NULL, NULL, 0, NULL, "'f9'"},
	{"question_not_an_answer", "vikt", NULL, NULL, NULL, 0, NULL, "'vikt'"},
	{"yes_code_unknown", NULL, NULL, "7", NULL, 0, NULL, "'7'"},
	{"valid_code_unknown", NULL, NULL, NULL, "x", 0, NULL, "'x'"},
	{"yes_not_valid", NULL, NULL, "5", NULL, 0, NULL, "yes code"},
	{"kind_not_share", NULL, NULL, NULL, NULL, 1, NULL, "kind share"},
};

static void test_config_errors(void **state)
{
	const struct fixture *fx = *state;
	vbs_indicators *ind = malloc(sizeof(*ind));
	vbs_mapping *map = malloc(sizeof(*map));
	vbs_respondents rs;
	static const struct group one[] = {
		{1, 2024, 1.0, "Gärdet", "Kvinna", "25-44", {"3", "3", "1", "1"}}, {0}};

	CHECK(ind && map, "out of memory");
	load_groups(fx, one, &rs);
	for (size_t ci = 0; ci < COUNT(error_cases); ci++) {
		const struct error_case *c = &error_cases[ci];
		vbs_indicator *target;
		vbs_figures out;
		vbs_error err;
		vbs_figure earlier = {.report = "vb", .source = "ia", .indicator = "x",
		                      .period = "2000", .dimension = "total", .category = "alla"};
		vbs_survey_figures req = {
			.respondents = &rs, .mapping = map, .codesets = &fx->cs, .indicators = ind,
			.as_of = date_from_ymd(2025, 12, 31), .min_valid = 1,
		};

		*ind = fx->ind;
		*map = fx->m;
		target = (vbs_indicator *)indicators_find(ind, "andel_otrygga_kvall");
		CHECK(target != NULL, "[%s] indicators.ini lacks andel_otrygga_kvall", c->name);
		if (c->question)
			snprintf(target->question, sizeof(target->question), "%s", c->question);
		if (c->dimension)
			snprintf(target->dimensions[0], sizeof(target->dimensions[0]), "%s",
			         c->dimension);
		if (c->yes0)
			snprintf(target->yes[0], sizeof(target->yes[0]), "%s", c->yes0);
		if (c->valid0)
			snprintf(target->valid[0], sizeof(target->valid[0]), "%s", c->valid0);
		if (c->count_kind)
			target->kind = KIND_COUNT;
		if (c->dim_column) {
			int col = mapping_column(map, c->dim_column);

			CHECK(col >= 0, "[%s] the mapping lacks %s", c->name, c->dim_column);
			map->columns[col].dimension = 1;
		}
		figures_init(&out);
		error_init(&err);
		CHECK(figures_add(&out, &earlier, &err) == 0, "[%s] figures_add failed", c->name);
		CHECK(survey_figures_build(&req, &out, &err) == -1,
		      "[%s] survey_figures_build succeeded, want a configuration error", c->name);
		CHECK(err.code == VBS_E_CONFIG, "[%s] error code %d, want VBS_E_CONFIG (%d)",
		      c->name, err.code, VBS_E_CONFIG);
		CHECK(!strcmp(err.file, ind->path), "[%s] the error names '%s', want '%s'",
		      c->name, err.file, ind->path);
		CHECK(strstr(err.message, "andel_otrygga_kvall") && strstr(err.message, c->want),
		      "[%s] message \"%s\" should name the indicator and %s", c->name,
		      err.message, c->want);
		CHECK(out.n == 1 && !strcmp(out.rows[0].indicator, "x"),
		      "[%s] %zu rows after the error, want the 1 that was there", c->name, out.n);
		figures_release(&out);
	}
	respondents_release(&rs);
	free(map);
	free(ind);
}

/* The sample survey of inputs/, as of 2026-10-31: the weighted shares,
 * unweighted valid n and Kish n_eff of inputs/README.md (computed by the
 * generator from the written files, rounded to 4 and 1 decimals). */
static void test_sample(void **state)
{
	static const struct {
		const char *indicator;
		int year;
		double share;
		long n;
		double neff;
	} want[] = {
		{OTRYGG, 2016, 0.3126, 645, 540.3}, {OTRYGG, 2018, 0.3021, 576, 476.3},
		{OTRYGG, 2020, 0.2701, 601, 503.6}, {OTRYGG, 2022, 0.2561, 617, 517.9},
		{OTRYGG, 2024, 0.2258, 628, 504.8},
		{LIVSK, 2016, 0.1504, 649, 544.3}, {LIVSK, 2018, 0.1334, 602, 499.0},
		{LIVSK, 2020, 0.1400, 617, 516.9}, {LIVSK, 2022, 0.1466, 648, 544.0},
		{LIVSK, 2024, 0.1487, 652, 521.3},
		{SETT, 2016, 0.1251, 640, 536.9}, {SETT, 2018, 0.1446, 583, 482.8},
		{SETT, 2020, 0.1471, 595, 500.6}, {SETT, 2022, 0.1995, 614, 519.1},
		{SETT, 2024, 0.2243, 625, 502.4},
		{AVSTATT, 2016, 0.2693, 647, 541.6}, {AVSTATT, 2018, 0.2741, 607, 503.1},
		{AVSTATT, 2020, 0.2779, 626, 525.9}, {AVSTATT, 2022, 0.2724, 642, 541.7},
		{AVSTATT, 2024, 0.2675, 651, 520.8},
	};
	static const int years[MAX_YEARS] = {2016, 2018, 2020, 2022, 2024};
	static const char *const dims[] = {"omrade", "kon", "aldersgrupp"};
	const struct fixture *fx = *state;
	int32_t as_of = date_from_ymd(2026, 10, 31);
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_respondents rs;
	vbs_figures out;
	vbs_error err;
	vbs_ingest in = {.inputs_dir = "inputs", .codesets = &fx->cs, .as_of = as_of,
	                 .files = &files, .rejects = &rejects};
	vbs_survey_figures req = {.respondents = &rs, .mapping = &fx->m, .codesets = &fx->cs,
	                          .indicators = &fx->ind, .as_of = as_of, .min_valid = 30};
	struct want_extra extras[2 * COUNT(dims) + 1] = {{0}};
	size_t nextras = 0;

	input_files_init(&files);
	rejects_init(&rejects);
	figures_init(&out);
	error_init(&err);
	CHECK(ingest_trygghet(&in, &fx->m, 1, &rs, &err) == 0,
	      "[sample] ingest_trygghet failed: %s:%ld: %s", err.file, err.line, err.message);
	CHECK(survey_figures_build(&req, &out, &err) == 0,
	      "[sample] survey_figures_build failed: %s:%ld: %s", err.file, err.line,
	      err.message);
	/* Where the sample has an extra category (its ~1 % blank areas), read
	 * from the respondents themselves: every survey year is in both. */
	for (size_t d = 0; d < COUNT(dims); d++) {
		const vbs_codeset *set = set_of(fx, dims[d]);
		size_t field = d == 0 ? offsetof(vbs_respondent, omrade)
		               : d == 1 ? offsetof(vbs_respondent, kon)
		                        : offsetof(vbs_respondent, aldersgrupp);
		int used = 0;

		for (size_t i = 0; i < respondents_count(&rs); i++)
			used |= ((const uint8_t *)respondents_get(&rs, i))[field] == set->ncodes;
		if (used && set->fallback == set->ncodes) {
			extras[nextras++] = (struct want_extra){"vb", dims[d]};
			extras[nextras++] = (struct want_extra){"lagesbild", dims[d]};
		}
	}
	CHECK(extra_listed(extras, nextras, "vb", "omrade"),
	      "[sample] no respondent in Okänt område; inputs/README.md says about 1 %%");
	check_structure(fx, "sample", &out, 0, years, years, extras, nextras);
	for (size_t i = 0; i < out.n; i++)
		check_row("sample", &out.rows[i], 30);
	check_reports_agree("sample", &out, 0);
	for (size_t i = 0; i < COUNT(want); i++) {
		char period[16];
		const vbs_figure *f;

		snprintf(period, sizeof(period), "%d", want[i].year);
		f = figures_find(&out, "vb", want[i].indicator, period, "total", "alla");
		CHECK(f != NULL, "[sample] no total for %s %s", want[i].indicator, period);
		CHECK(f->n == (double)want[i].n && !f->suppressed,
		      "[sample] %s %s: n %g (suppressed %d), want %ld shown", want[i].indicator,
		      period, f->n, f->suppressed, want[i].n);
		CHECK(fabs(f->value - want[i].share) <= 0.5e-4 + ABS_TOL,
		      "[sample] %s %s: share %.6f, README has %.4f", want[i].indicator, period,
		      f->value, want[i].share);
		CHECK(fabs(f->neff - want[i].neff) <= 0.05 + 1e-9,
		      "[sample] %s %s: n_eff %.3f, README has %.1f", want[i].indicator, period,
		      f->neff, want[i].neff);
	}
	figures_release(&out);
	respondents_release(&rs);
	rejects_release(&rejects);
	input_files_release(&files);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_sample),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
