/* test_ingest_trygghet: the survey folders under tests/data/ingest/trygghet/,
 * one per quirk and per reject reason, read with the committed pipeline/
 * mapping and code sets: the staged respondents, every reject, and the
 * per-file counts; then the respondents table, mapping errors, a missing
 * folder and the sample survey of inputs/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "ingest/ingest_trygghet.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest_support.h"
#include "records/respondents.h"

#define DATA "tests/data/ingest/trygghet"

enum { MAX_FILES = 3, MAX_REJECTS = 4, MAX_RESPONDENTS = 5, PATH_MAX_ = 512 };

/* The reasons' effect sentences (messages.c): a dropped row, a kept one. */
#define DROPPED "Raden har inte räknats."
#define KEPT "Raden har räknats"

struct want_reject {
	const char *file;      /* NULL ends the list */
	long line;
	const char *column;
	const char *value;
	int dropped;           /* 1: the row was dropped, 0: kept */
};

struct want_respondent {
	int year;              /* 0 ends the list */
	long long lopnummer;
	int file;
	long line;
	double weight;
	const char *omrade, *kon, *aldersgrupp;
	const char *answer[RESPONDENT_QUESTIONS];
	int area_unknown;
};

struct trygghet_case {
	const char *name;      /* the folder under DATA */
	struct ing_want_file files[MAX_FILES];
	struct want_reject rejects[MAX_REJECTS];
	struct want_respondent respondents[MAX_RESPONDENTS];
};

/* One good answer set, used where the answers are not the point. */
#define ONES {"1", "1", "1", "1"}

/* Every case is read with the as-of date 2024-06-30: År 2025 is after it,
 * År 2024 is not. */
static const struct trygghet_case cases[] = {
	{"decimal_comma",
	 {{"trygghet/trygghet_2019.csv", 2, 2, 0, 0, 0, 0, "utf-8-bom", ';'}},
	 {{0}},
	 {{2019, 1043, 0, 2, 1.274, "Hjorthagen", "Kvinna", "25-44", {"3", "2", "1", "3"}, 0},
	  {2019, 1044, 0, 3, 0.5, "Gärdet", "Man", "65-84", {"5", "4", "2", "9"}, 0}}},
	{"decimal_point",
	 {{"trygghet/trygghet_2022.csv", 1, 1, 0, 0, 0, 0, "utf-8", ';'}},
	 {{0}},
	 {{2022, 7, 0, 2, 1.274, "Lärkstaden", "Annat/vill ej uppge", "16-24",
	   {"1", "1", "2", "1"}, 0}}},
	{"comma_quoted",
	 {{"trygghet/trygghet_2020.csv", 2, 2, 0, 0, 0, 0, "utf-8", ','}},
	 {{0}},
	 {{2020, 1, 0, 2, 1.274, "Djurgården", "Kvinna", "65-84", {"2", "1", "2", "2"}, 0},
	  {2020, 2, 0, 3, 0.663, "Östermalm city", "Man", "25-44", {"9", "9", "9", "9"}, 0}}},
	{"code_case",
	 {{"trygghet/trygghet_2018.csv", 2, 2, 0, 0, 0, 0, NULL, 0}},
	 {{0}},
	 {{2018, 11, 0, 2, 2.5, "Gärdet", "Kvinna", "25-44", {"4", "3", "9", "2"}, 0},
	  {2018, 12, 0, 3, 1.0, "Frihamnen/Loudden", "Annat/vill ej uppge", "45-64", ONES, 0}}},
	{"weight_zero",
	 {{"trygghet/trygghet_2018.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2018.csv", 2, "Vikt", "0", 1}},
	 {{2018, 2, 0, 3, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	{"weight_negative",
	 {{"trygghet/trygghet_2018.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2018.csv", 2, "Vikt", "-1", 1}},
	 {{2018, 2, 0, 3, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	{"weight_text",
	 {{"trygghet/trygghet_2018.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2018.csv", 2, "Vikt", "ett", 1}},
	 {{2018, 2, 0, 3, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	{"weight_missing",
	 {{"trygghet/trygghet_2018.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2018.csv", 2, "Vikt", "", 1}},
	 {{2018, 2, 0, 3, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	/* 7 is no F1 code; 5 is one of F1 but not of F2: reported, kept as 9. */
	{"answer_out_of_set",
	 {{"trygghet/trygghet_2016.csv", 2, 2, 0, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2016.csv", 2, "F1", "7", 0},
	  {"trygghet/trygghet_2016.csv", 3, "F2", "5", 0}},
	 {{2016, 1, 0, 2, 1.0, "Gärdet", "Kvinna", "25-44", {"9", "2", "1", "3"}, 0},
	  {2016, 2, 0, 3, 1.0, "Gärdet", "Man", "25-44", {"5", "9", "1", "3"}, 0}}},
	{"blank_answers",
	 {{"trygghet/trygghet_2016.csv", 2, 2, 0, 0, 0, 0, NULL, 0}},
	 {{0}},
	 {{2016, 5, 0, 2, 1.1, "Gärdet", "Kvinna", "25-44", {"9", "9", "9", "9"}, 0},
	  {2016, 6, 0, 3, 1.2, "Gärdet", "Kvinna", "25-44", {"2", "9", "1", "9"}, 0}}},
	{"missing_ar",
	 {{"trygghet/trygghet_2019.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2019.csv", 2, "År", "", 1}},
	 {{2019, 1044, 0, 3, 1.274, "Gärdet", "Kvinna", "25-44", {"3", "2", "1", "3"}, 0}}},
	{"missing_lopnummer",
	 {{"trygghet/trygghet_2019.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2019.csv", 2, "Löpnummer", "", 1}},
	 {{2019, 1044, 0, 3, 1.274, "Gärdet", "Kvinna", "25-44", {"3", "2", "1", "3"}, 0}}},
	/* Unknown, blank and a near miss (the code is `Östermalm city`): no
	 * rejects, Okänt område, counted. */
	{"unknown_area",
	 {{"trygghet/trygghet_2019.csv", 4, 4, 0, 0, 0, 3, NULL, 0}},
	 {{0}},
	 {{2019, 1, 0, 2, 1.0, "Okänt område", "Kvinna", "25-44", ONES, 1},
	  {2019, 2, 0, 3, 1.0, "Okänt område", "Man", "25-44", ONES, 1},
	  {2019, 3, 0, 4, 1.0, "Okänt område", "Man", "25-44", ONES, 1},
	  {2019, 4, 0, 5, 1.0, "Hjorthagen", "Man", "25-44", ONES, 0}}},
	/* a: 2019:1 and 2019:3 lose to b; 2019:2 at line 3 loses to line 6 of
	 * the same file; 2018:1 is another respondent. The unknown area of
	 * 2019:3 in a is not counted: that version lost. */
	{"overlap",
	 {{"trygghet/trygghet_a.csv", 5, 2, 0, 3, 0, 0, NULL, 0},
	  {"trygghet/trygghet_b.csv", 2, 2, 0, 0, 0, 0, NULL, 0}},
	 {{0}},
	 {{2019, 1, 1, 2, 1.5, "Lärkstaden", "Kvinna", "25-44", {"4", "4", "2", "3"}, 0},
	  {2019, 2, 0, 6, 2.0, "Gärdet", "Man", "25-44", {"4", "4", "2", "3"}, 0},
	  {2018, 1, 0, 4, 1.0, "Hjorthagen", "Man", "45-64", {"3", "3", "1", "3"}, 0},
	  {2019, 3, 1, 3, 0.8, "Djurgården", "Kvinna", "16-24", {"2", "1", "2", "3"}, 0}}},
	/* 2025:2 of a lost to b: counted after the as-of year in b only. */
	{"after_as_of",
	 {{"trygghet/trygghet_a.csv", 3, 2, 0, 1, 1, 0, NULL, 0},
	  {"trygghet/trygghet_b.csv", 1, 1, 0, 0, 1, 0, NULL, 0}},
	 {{0}},
	 {{2024, 1, 0, 2, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0},
	  {2025, 2, 1, 2, 1.0, "Hjorthagen", "Kvinna", "25-44", {"2", "1", "1", "1"}, 0},
	  {2025, 3, 0, 4, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	{"windows1252",
	 {{"trygghet/trygghet_2016.csv", 3, 3, 0, 0, 0, 0, "windows-1252", ';'}},
	 {{0}},
	 {{2016, 1, 0, 2, 0.775, "Östermalm city", "Kvinna", "25-44", {"2", "1", "2", "3"}, 0},
	  {2016, 2, 0, 3, 1.2, "Gärdet", "Annat/vill ej uppge", "45-64", {"1", "9", "1", "9"}, 0},
	  {2016, 3, 0, 4, 0.9, "Norra Djurgårdsstaden", "Man", "65-84", {"9", "1", "2", "1"}, 0}}},
	/* An unquoted decimal comma in a `,` file splits the weight. */
	{"too_many_fields",
	 {{"trygghet/trygghet_2020.csv", 2, 1, 1, 0, 0, 0, NULL, ','}},
	 {{"trygghet/trygghet_2020.csv", 2, "", "", 1}},
	 {{2020, 2, 0, 3, 1.274, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	{"too_few_fields",
	 {{"trygghet/trygghet_2019.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2019.csv", 2, "", "", 1}},
	 {{2019, 2, 0, 3, 1.274, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	/* In the required Löpnummer: dropped; in Område: masked, treated as
	 * missing, so the row is kept in Okänt område. */
	{"personnummer",
	 {{"trygghet/trygghet_2019.csv", 2, 1, 1, 0, 0, 1, NULL, 0}},
	 {{"trygghet/trygghet_2019.csv", 2, "Löpnummer", "[personnummer]", 1},
	  {"trygghet/trygghet_2019.csv", 3, "Område", "[personnummer]", 0}},
	 {{2019, 2, 0, 3, 1.0, "Okänt område", "Kvinna", "25-44", ONES, 1}}},
	/* 20190 is past RESPONDENT_YEAR_MAX (reported by ingest_trygghet),
	 * 1899 below the mapping's min (reported by the reader). */
	{"year_out_of_range",
	 {{"trygghet/trygghet_2019.csv", 3, 1, 2, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2019.csv", 2, "År", "20190", 1},
	  {"trygghet/trygghet_2019.csv", 3, "År", "1899", 1}},
	 {{2019, 3, 0, 4, 1.0, "Gärdet", "Kvinna", "25-44", ONES, 0}}},
	/* Bad Kön and Åldersgrupp are reported, blank ones are not; both
	 * become Uppgift saknas and the rows are kept. */
	{"bad_kon_alder",
	 {{"trygghet/trygghet_2019.csv", 2, 2, 0, 0, 0, 0, NULL, 0}},
	 {{"trygghet/trygghet_2019.csv", 2, "Kön", "K", 0},
	  {"trygghet/trygghet_2019.csv", 2, "Åldersgrupp", "25-45", 0}},
	 {{2019, 1, 0, 2, 1.0, "Gärdet", "Uppgift saknas", "Uppgift saknas", ONES, 0},
	  {2019, 2, 0, 3, 1.0, "Gärdet", "Uppgift saknas", "Uppgift saknas", ONES, 0}}},
};

/* The committed code sets and survey mapping (too big for the stack). */
struct fixture {
	vbs_codesets cs;
	vbs_mapping m;
};

/* What one ingest run leaves behind. */
struct run {
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_respondents out;
	vbs_error err;
	int rc;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (!fx)
		return -1;
	*state = fx;
	if (ing_load_mapping(&fx->cs, &fx->m, "trygghet") != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static int32_t as_of(void)
{
	return date_from_ymd(2024, 6, 30);
}

/* Runs ingest_trygghet on inputs with mapping m. */
static void run_ingest(const struct fixture *fx, const vbs_mapping *m,
                       const char *inputs, int required, int32_t as_of_day,
                       struct run *r)
{
	vbs_ingest in = ing_run_begin(inputs, &fx->cs, as_of_day, &r->files, &r->rejects, &r->err);

	r->rc = ingest_trygghet(&in, m, required, &r->out, &r->err);
}

static void run_release(struct run *r)
{
	respondents_release(&r->out);
	ing_run_release(&r->files, &r->rejects);
}

/* The category name of code index `code` in column `id`'s code set. */
static const char *category(const struct fixture *fx, const char *id, uint8_t code)
{
	const vbs_codeset *set = &fx->cs.sets[fx->m.columns[mapping_column(&fx->m, id)].codeset];

	if (code == RESPONDENT_CODE_NONE || code >= codeset_categories(set))
		return "(none)";
	return codeset_category(set, code);
}

/* The rejects, in read order. */
static void check_rejects(const char *name, const struct want_reject *want, size_t nwant,
                          const vbs_rejects *rejects)
{
	ing_check_reject_count(name, rejects, nwant);
	for (size_t i = 0; i < nwant; i++) {
		const vbs_reject *j = &rejects->items[i];
		const struct want_reject *w = &want[i];
		const char *effect = w->dropped ? DROPPED : KEPT;

		ing_check_reject_at(name, i, j, "trygghet", w->file, w->line, w->column, w->value);
		CHECK(strstr(j->reason, effect) && (w->dropped || !strstr(j->reason, DROPPED)),
		      "[%s] reject %zu (line %ld column '%s'): reason \"%s\" does not say \"%s\"",
		      name, i, j->line, j->column, j->reason, effect);
	}
}

static void check_respondents(const struct fixture *fx, const char *name,
                              const struct want_respondent *want, size_t nwant,
                              const vbs_respondents *out)
{
	static const char *const answer_ids[RESPONDENT_QUESTIONS] = {"f1", "f2", "f3", "f4"};

	CHECK(respondents_count(out) == nwant, "[%s] %zu respondents staged, want %zu", name,
	      respondents_count(out), nwant);
	for (size_t i = 0; i < nwant; i++) {
		const struct want_respondent *w = &want[i];
		const vbs_respondent *r = respondents_find(out, w->year, w->lopnummer);

		CHECK(r, "[%s] respondent %d:%lld not staged", name, w->year, w->lopnummer);
		CHECK(r->year == w->year, "[%s] %d:%lld: year %d", name, w->year, w->lopnummer,
		      (int)r->year);
		CHECK(r->origin.file == w->file && r->origin.line == (uint32_t)w->line,
		      "[%s] %d:%lld: kept the version of file %d line %u, want file %d line %ld",
		      name, w->year, w->lopnummer, (int)r->origin.file, (unsigned)r->origin.line,
		      w->file, w->line);
		/* Both sides are the correctly rounded double of the same decimal. */
		CHECK(r->weight == w->weight, "[%s] %d:%lld: weight %.17g, want %.17g", name,
		      w->year, w->lopnummer, r->weight, w->weight);
		CHECK(strcmp(category(fx, "omrade", r->omrade), w->omrade) == 0 &&
		      r->area_unknown == w->area_unknown,
		      "[%s] %d:%lld: Område '%s' (unknown %d), want '%s' (unknown %d)", name,
		      w->year, w->lopnummer, category(fx, "omrade", r->omrade), r->area_unknown,
		      w->omrade, w->area_unknown);
		CHECK(strcmp(category(fx, "kon", r->kon), w->kon) == 0,
		      "[%s] %d:%lld: Kön '%s', want '%s'", name, w->year, w->lopnummer,
		      category(fx, "kon", r->kon), w->kon);
		CHECK(strcmp(category(fx, "aldersgrupp", r->aldersgrupp), w->aldersgrupp) == 0,
		      "[%s] %d:%lld: Åldersgrupp '%s', want '%s'", name, w->year, w->lopnummer,
		      category(fx, "aldersgrupp", r->aldersgrupp), w->aldersgrupp);
		for (int q = 0; q < RESPONDENT_QUESTIONS; q++)
			CHECK(strcmp(category(fx, answer_ids[q], r->answer[q]), w->answer[q]) == 0,
			      "[%s] %d:%lld: F%d '%s', want '%s'", name, w->year, w->lopnummer,
			      q + 1, category(fx, answer_ids[q], r->answer[q]), w->answer[q]);
	}
}

static void test_cases(void **state)
{
	const struct fixture *fx = *state;

	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct trygghet_case *c = &cases[i];
		char inputs[PATH_MAX_];
		size_t nfiles = ing_want_files(c->files, MAX_FILES), nrejects = 0, nresp = 0;
		struct run r;

		while (nrejects < MAX_REJECTS && c->rejects[nrejects].file)
			nrejects++;
		while (nresp < MAX_RESPONDENTS && c->respondents[nresp].year)
			nresp++;
		ing_case_dir(inputs, sizeof(inputs), DATA, c->name);
		run_ingest(fx, &fx->m, inputs, 1, as_of(), &r);
		CHECK(r.rc == 0, "[%s] ingest failed: %s:%ld: %s", c->name, r.err.file, r.err.line,
		      r.err.message);
		ing_check_files(c->name, "trygghet", c->files, nfiles, &r.files);
		check_rejects(c->name, c->rejects, nrejects, &r.rejects);
		check_respondents(fx, c->name, c->respondents, nresp, &r.out);
		run_release(&r);
	}
}

/* The table itself: keys, lookups of what is not there, first-seen order. */
static void test_respondents_table(void **state)
{
	vbs_respondents t;
	vbs_respondent a = {.origin = {.line = 2, .file = 0}, .year = 2019, .weight = 1.0};
	vbs_respondent b = {.origin = {.line = 7, .file = 1}, .year = 2019, .weight = 2.0};
	vbs_respondent c = {.origin = {.line = 3, .file = 1}, .year = 2018, .weight = 3.0};
	int loser = -1;

	(void)state;
	CHECK(respondents_init(&t, 4) == 0, "[table] init failed");
	CHECK(respondents_put(&t, 1043, &a, &loser) == KEYED_NEW, "[table] 2019:1043 is new");
	CHECK(respondents_put(&t, 1043, &c, &loser) == KEYED_NEW,
	      "[table] 2018:1043 is another respondent than 2019:1043");
	CHECK(respondents_put(&t, 1043, &b, &loser) == KEYED_REPLACED && loser == 0,
	      "[table] 2019:1043 again: want REPLACED with the loser in file 0, got loser %d",
	      loser);
	CHECK(respondents_count(&t) == 2, "[table] %zu respondents, want 2", respondents_count(&t));
	CHECK(strcmp(respondents_key(&t, 0), "2019:1043") == 0 &&
	      strcmp(respondents_key(&t, 1), "2018:1043") == 0,
	      "[table] keys \"%s\" \"%s\", want \"2019:1043\" \"2018:1043\"",
	      respondents_key(&t, 0), respondents_key(&t, 1));
	CHECK(respondents_get(&t, 0)->weight == 2.0 && respondents_get(&t, 0)->origin.line == 7,
	      "[table] 2019:1043 keeps the later version (weight 2, line 7), got weight %g line %u",
	      respondents_get(&t, 0)->weight, (unsigned)respondents_get(&t, 0)->origin.line);
	CHECK(respondents_find(&t, 2018, 1043) == respondents_get(&t, 1),
	      "[table] find 2018:1043 does not give record 1");
	CHECK(respondents_find(&t, 2019, 104) == NULL && respondents_find(&t, 2020, 1043) == NULL,
	      "[table] find of a respondent never put is not NULL");
	respondents_release(&t);
}

/* A mapping without a column the C code needs, with a key column or Vikt
 * not required, or with a Vikt that may be 0, is a configuration error
 * naming the mapping file. */
static void test_mapping_errors(void **state)
{
	static const struct {
		const char *name;
		const char *column;   /* the column changed */
		int change;           /* 0: made optional, 1: renamed away, 2: the check
		                         on its values turned off */
		const char *message;  /* part of the error message */
	} bad[] = {
		{"no vikt column", "vikt", 1, "[column vikt]"},
		{"no f4 column", "f4", 1, "[column f4]"},
		{"no omrade column", "omrade", 1, "[column omrade]"},
		{"optional År", "ar", 0, "required"},
		{"optional Löpnummer", "lopnummer", 0, "required"},
		{"optional Vikt", "vikt", 0, "required"},
		{"Vikt may be 0", "vikt", 2, "positive"},
	};
	const struct fixture *fx = *state;

	for (size_t i = 0; i < COUNT(bad); i++) {
		vbs_mapping *m = malloc(sizeof(*m));
		int ci = mapping_column(&fx->m, bad[i].column);
		struct run r;

		CHECK(m && ci >= 0, "[%s] no memory or no column %s", bad[i].name, bad[i].column);
		*m = fx->m;
		if (bad[i].change == 1)
			snprintf(m->columns[ci].id, sizeof(m->columns[ci].id), "renamed");
		else if (bad[i].change == 2)
			m->columns[ci].positive = 0;
		else
			m->columns[ci].required = 0;
		run_ingest(fx, m, DATA "/decimal_comma", 1, as_of(), &r);
		ing_check_refused(bad[i].name, r.rc, &r.err, fx->m.path, bad[i].message, &r.files);
		run_release(&r);
		free(m);
	}
}

/* Without the folder: nothing when the source is optional, an error when
 * it is required. */
static void test_missing_folder(void **state)
{
	const struct fixture *fx = *state;
	struct run r;

	run_ingest(fx, &fx->m, DATA "/no_such_case", 0, as_of(), &r);
	CHECK(r.rc == 0 && respondents_count(&r.out) == 0 && r.files.n == 0,
	      "[missing folder, optional] rc %d, %zu respondents, %zu files; want 0, 0, 0",
	      r.rc, respondents_count(&r.out), r.files.n);
	run_release(&r);
	run_ingest(fx, &fx->m, DATA "/no_such_case", 1, as_of(), &r);
	CHECK(r.rc == -1 && r.err.code == VBS_E_NOINPUT,
	      "[missing folder, required] rc %d code %d, want -1 and VBS_E_NOINPUT", r.rc,
	      r.err.code);
	run_release(&r);
}

/* The sample survey of inputs/: the rows per file and respondents per year
 * of inputs/README.md (written by the generator from its own truth); no
 * planted bad value, no overlap, nothing after the sample's as-of date. */
static void test_sample(void **state)
{
	static const struct {
		const char *path;
		int year;
		long rows;
	} files[] = {
		{"trygghet/trygghet_2016.csv", 2016, 678},
		{"trygghet/trygghet_2018.csv", 2018, 623},
		{"trygghet/trygghet_2020.csv", 2020, 647},
		{"trygghet/trygghet_2022.csv", 2022, 667},
		{"trygghet/trygghet_2024.csv", 2024, 677},
	};
	const struct fixture *fx = *state;
	size_t total = 0;
	struct run r;

	run_ingest(fx, &fx->m, "inputs", 1, date_from_ymd(2026, 10, 31), &r);
	CHECK(r.rc == 0, "[sample] ingest failed: %s:%ld: %s", r.err.file, r.err.line,
	      r.err.message);
	CHECK(r.files.n == COUNT(files), "[sample] %zu files, want %zu", r.files.n, COUNT(files));
	CHECK(r.rejects.n == 0, "[sample] %zu rejects, want 0 (first: %s:%ld column '%s')",
	      r.rejects.n, r.rejects.n ? r.rejects.items[0].file : "",
	      r.rejects.n ? r.rejects.items[0].line : 0L, r.rejects.n ? r.rejects.items[0].column : "");
	for (size_t i = 0; i < COUNT(files); i++) {
		const vbs_input_file *f = &r.files.files[i];
		long in_year = 0;

		CHECK(strcmp(f->path, files[i].path) == 0 && f->rows_read == files[i].rows &&
		      f->accepted == files[i].rows && f->duplicates == 0 && f->after_as_of == 0,
		      "[sample] %s: read %ld accepted %ld duplicates %ld after %ld, want %s with "
		      "%ld rows all accepted", f->path, f->rows_read, f->accepted, f->duplicates,
		      f->after_as_of, files[i].path, files[i].rows);
		for (size_t k = 0; k < respondents_count(&r.out); k++)
			in_year += respondents_get(&r.out, k)->year == files[i].year;
		CHECK(in_year == files[i].rows, "[sample] %ld respondents in %d, want %ld", in_year,
		      files[i].year, files[i].rows);
		total += (size_t)files[i].rows;
	}
	CHECK(respondents_count(&r.out) == total, "[sample] %zu respondents, want %zu",
	      respondents_count(&r.out), total);
	run_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_respondents_table),
		cmocka_unit_test(test_mapping_errors),
		cmocka_unit_test(test_missing_folder),
		cmocka_unit_test(test_sample),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
