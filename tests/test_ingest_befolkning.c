/* test_ingest_befolkning: the population folders under
 * tests/data/ingest/befolkning/, one per quirk and per reject reason, read
 * with the committed pipeline/ mapping and code sets: the staged rows, every
 * reject, the per-file counts, and population_get / population_total; then
 * mapping errors, a missing folder and the sample population of inputs/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "ingest/ingest_befolkning.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest_support.h"
#include "records/population.h"

#define DATA "tests/data/ingest/befolkning"
#define OKANT "Okänt område"

enum { MAX_FILES = 3, MAX_REJECTS = 4, MAX_ROWS = 5, MAX_LOOKUPS = 5, PATH_MAX_ = 512 };

/* The reasons' effect sentence (messages.c) for a dropped row. */
#define DROPPED "Raden har inte räknats."

/* Every population reject drops its row: all three columns are required. */
struct want_reject {
	const char *file;      /* NULL ends the list */
	long line;
	const char *column;
	const char *value;
};

/* A staged row, found by the file and line of the version kept. */
struct want_row {
	int year;              /* 0 ends the list */
	const char *omrade;    /* the category: an area, or OKANT */
	int file;
	long line;
	long long inhabitants;
};

/* population_get (area != NULL) or population_total (area == NULL). */
struct want_lookup {
	int year;              /* 0 ends the list */
	const char *area;
	int found;
	long long value;
};

struct befolkning_case {
	const char *name;      /* the folder under DATA */
	struct ing_want_file files[MAX_FILES];
	struct want_reject rejects[MAX_REJECTS];
	struct want_row rows[MAX_ROWS];
	struct want_lookup lookups[MAX_LOOKUPS];
};

/* Every case is read with the as-of date 2024-06-30: År 2025 is after it,
 * År 2024 is not. */
static const struct befolkning_case cases[] = {
	{"basic",
	 {{"befolkning/befolkning.csv", 4, 4, 0, 0, 0, 0, "utf-8-bom", ';'}},
	 {{0}},
	 {{2019, "Östermalm city", 0, 2, 42000}, {2019, "Gärdet", 0, 3, 18000},
	  {2019, "Hjorthagen", 0, 4, 4600}, {2020, "Östermalm city", 0, 5, 42100}},
	 {{2019, "Gärdet", 1, 18000}, {2019, "Lärkstaden", 0, 0},
	  {2019, NULL, 1, 64600}, {2020, NULL, 1, 42100}, {2021, NULL, 0, 0}}},
	{"comma_lf",
	 {{"befolkning/befolkning.csv", 2, 2, 0, 0, 0, 0, "utf-8", ','}},
	 {{0}},
	 {{2019, "Lärkstaden", 0, 2, 2800}, {2019, "Frihamnen/Loudden", 0, 3, 140}},
	 {{2019, "Frihamnen/Loudden", 1, 140}, {2019, NULL, 1, 2940}}},
	/* Two different unknown names of one year stay two rows; they are in
	 * the total and have no population of their own. */
	{"unknown_area",
	 {{"befolkning/befolkning.csv", 3, 3, 0, 0, 0, 2, NULL, 0}},
	 {{0}},
	 {{2019, "Gärdet", 0, 2, 18000}, {2019, OKANT, 0, 3, 500}, {2019, OKANT, 0, 4, 20}},
	 {{2019, OKANT, 0, 0}, {2019, "Gärdet", 1, 18000}, {2019, NULL, 1, 18520}}},
	/* Område is required = yes in befolkning.ini: a blank one drops the row
	 * (an unknown name does not, see unknown_area). */
	{"missing_omrade",
	 {{"befolkning/befolkning.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "Område", ""}},
	 {{2019, "Gärdet", 0, 3, 18000}},
	 {{2019, NULL, 1, 18000}, {2019, OKANT, 0, 0}}},
	{"missing_ar",
	 {{"befolkning/befolkning.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "År", ""}},
	 {{2019, "Gärdet", 0, 3, 18000}},
	 {{2019, NULL, 1, 18000}}},
	{"missing_befolkning",
	 {{"befolkning/befolkning.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "Befolkning", ""}},
	 {{2019, "Lärkstaden", 0, 3, 2800}},
	 {{2019, "Gärdet", 0, 0}, {2019, NULL, 1, 2800}}},
	/* Below the least value 0, a thousands separator, a decimal. */
	{"bad_befolkning",
	 {{"befolkning/befolkning.csv", 4, 1, 3, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "Befolkning", "-5"},
	  {"befolkning/befolkning.csv", 3, "Befolkning", "12 000"},
	  {"befolkning/befolkning.csv", 4, "Befolkning", "1,5"}},
	 {{2019, "Djurgården", 0, 5, 800}},
	 {{2019, NULL, 1, 800}}},
	/* Past POPULATION_ROW_MAX and POPULATION_YEAR_MAX (reported by
	 * ingest_befolkning), below the mapping's min year (by the reader);
	 * exactly POPULATION_ROW_MAX is kept. */
	{"out_of_range",
	 {{"befolkning/befolkning.csv", 4, 1, 3, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "Befolkning", "2000000000"},
	  {"befolkning/befolkning.csv", 3, "År", "20190"},
	  {"befolkning/befolkning.csv", 4, "År", "1899"}},
	 {{2019, "Lärkstaden", 0, 5, 1000000000}},
	 {{2019, NULL, 1, 1000000000}, {2019, "Gärdet", 0, 0}}},
	/* a: Gärdet and Ropsten 2019 lose to b (` gärdet ` is Gärdet);
	 * Lärkstaden line 4 loses to line 5 of the same file. Ropsten is
	 * counted unknown in b only, where its kept version is. */
	{"overlap",
	 {{"befolkning/befolkning_a.csv", 4, 1, 0, 3, 0, 0, NULL, 0},
	  {"befolkning/befolkning_b.csv", 3, 3, 0, 0, 0, 1, NULL, 0}},
	 {{0}},
	 {{2019, "Gärdet", 1, 2, 18100}, {2019, OKANT, 1, 3, 25},
	  {2019, "Lärkstaden", 0, 5, 2850}, {2020, "Gärdet", 1, 4, 18200}},
	 {{2019, "Gärdet", 1, 18100}, {2019, "Lärkstaden", 1, 2850},
	  {2019, NULL, 1, 20975}, {2020, NULL, 1, 18200}}},
	{"windows1252",
	 {{"befolkning/befolkning.csv", 3, 3, 0, 0, 0, 0, "windows-1252", ';'}},
	 {{0}},
	 {{2019, "Östermalm city", 0, 2, 42000}, {2019, "Lärkstaden", 0, 3, 2800},
	  {2019, "Norra Djurgårdsstaden", 0, 4, 1200}},
	 {{2019, "Norra Djurgårdsstaden", 1, 1200}, {2019, NULL, 1, 46000}}},
	{"after_as_of",
	 {{"befolkning/befolkning.csv", 3, 3, 0, 0, 2, 1, NULL, 0}},
	 {{0}},
	 {{2024, "Gärdet", 0, 2, 18000}, {2025, "Gärdet", 0, 3, 18100}, {2025, OKANT, 0, 4, 10}},
	 {{2024, NULL, 1, 18000}, {2025, NULL, 1, 18110}}},
	{"too_many_fields",
	 {{"befolkning/befolkning.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "", ""}},
	 {{2019, "Lärkstaden", 0, 3, 2800}},
	 {{2019, NULL, 1, 2800}}},
	{"too_few_fields",
	 {{"befolkning/befolkning.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "", ""}},
	 {{2019, "Lärkstaden", 0, 3, 2800}},
	 {{2019, NULL, 1, 2800}}},
	{"personnummer",
	 {{"befolkning/befolkning.csv", 2, 1, 1, 0, 0, 0, NULL, 0}},
	 {{"befolkning/befolkning.csv", 2, "Område", "[personnummer]"}},
	 {{2019, "Lärkstaden", 0, 3, 2800}},
	 {{2019, NULL, 1, 2800}}},
};

/* The committed code sets and population mapping (too big for the stack). */
struct fixture {
	vbs_codesets cs;
	vbs_mapping m;
	const vbs_codeset *omrade;
};

/* What one ingest run leaves behind. */
struct run {
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_population out;
	vbs_error err;
	int rc;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	int ci;

	if (!fx)
		return -1;
	*state = fx;
	if (ing_load_mapping(&fx->cs, &fx->m, "befolkning") != 0)
		return -1;
	if ((ci = mapping_column(&fx->m, "omrade")) < 0 || fx->m.columns[ci].codeset < 0)
		return -1;
	fx->omrade = &fx->cs.sets[fx->m.columns[ci].codeset];
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

/* Runs ingest_befolkning on inputs with mapping m. */
static void run_ingest(const struct fixture *fx, const vbs_mapping *m,
                       const char *inputs, int required, int32_t as_of_day,
                       struct run *r)
{
	vbs_ingest in = ing_run_begin(inputs, &fx->cs, as_of_day, &r->files, &r->rejects, &r->err);

	r->rc = ingest_befolkning(&in, m, required, &r->out, &r->err);
}

static void run_release(struct run *r)
{
	population_release(&r->out);
	ing_run_release(&r->files, &r->rejects);
}

/* The code index of an area name, the fallback for OKANT. */
static int area_code(const struct fixture *fx, const char *name)
{
	return strcmp(name, OKANT) == 0 ? fx->omrade->fallback
	                                : codeset_lookup(fx->omrade, name);
}

static const char *area_name(const struct fixture *fx, uint8_t code)
{
	return code < codeset_categories(fx->omrade) ? codeset_category(fx->omrade, code)
	                                             : "(none)";
}

/* The rejects, in read order; each drops its row. */
static void check_rejects(const char *name, const struct want_reject *want, size_t nwant,
                          const vbs_rejects *rejects)
{
	ing_check_reject_count(name, rejects, nwant);
	for (size_t i = 0; i < nwant; i++) {
		const vbs_reject *j = &rejects->items[i];
		const struct want_reject *w = &want[i];

		ing_check_reject_at(name, i, j, "befolkning", w->file, w->line, w->column, w->value);
		CHECK(strstr(j->reason, DROPPED),
		      "[%s] reject %zu (line %ld column '%s'): reason \"%s\" does not say \"%s\"",
		      name, i, j->line, j->column, j->reason, DROPPED);
	}
}

static void check_rows(const struct fixture *fx, const char *name,
                       const struct want_row *want, size_t nwant, const vbs_population *out)
{
	CHECK(population_count(out) == nwant, "[%s] %zu rows staged, want %zu", name,
	      population_count(out), nwant);
	for (size_t i = 0; i < nwant; i++) {
		const struct want_row *w = &want[i];
		const vbs_population_row *row = NULL;
		int unknown = strcmp(w->omrade, OKANT) == 0;

		for (size_t k = 0; k < population_count(out) && !row; k++) {
			const vbs_population_row *p = population_row(out, k);

			if (p->origin.file == w->file && p->origin.line == (uint32_t)w->line)
				row = p;
		}
		CHECK(row, "[%s] the row of file %d line %ld (%d %s) is not staged", name, w->file,
		      w->line, w->year, w->omrade);
		CHECK(row->year == w->year && row->inhabitants == w->inhabitants,
		      "[%s] file %d line %ld: year %d inhabitants %lld, want %d %lld", name, w->file,
		      w->line, (int)row->year, (long long)row->inhabitants, w->year, w->inhabitants);
		CHECK(strcmp(area_name(fx, row->omrade), w->omrade) == 0 &&
		      row->area_unknown == unknown,
		      "[%s] file %d line %ld: Område '%s' (unknown %d), want '%s' (unknown %d)", name,
		      w->file, w->line, area_name(fx, row->omrade), row->area_unknown, w->omrade,
		      unknown);
	}
}

static void check_lookups(const struct fixture *fx, const char *name,
                          const struct want_lookup *want, size_t nwant,
                          const vbs_population *out)
{
	for (size_t i = 0; i < nwant; i++) {
		const struct want_lookup *w = &want[i];
		int64_t value = -1;
		int rc;

		if (w->area) {
			int code = area_code(fx, w->area);

			CHECK(code >= 0, "[%s] no area '%s' in the code set", name, w->area);
			rc = population_get(out, w->year, code, &value);
		} else {
			rc = population_total(out, w->year, &value);
		}
		CHECK(rc == (w->found ? 0 : -1),
		      "[%s] %s %d %s: rc %d, want %d", name, w->area ? "population_get" : "population_total",
		      w->year, w->area ? w->area : "", rc, w->found ? 0 : -1);
		CHECK(!w->found || value == w->value, "[%s] %s %d %s: %lld, want %lld", name,
		      w->area ? "population_get" : "population_total", w->year,
		      w->area ? w->area : "", (long long)value, w->value);
		CHECK(w->found || value == -1, "[%s] %s %d %s: not found but the value was set",
		      name, w->area ? "population_get" : "population_total", w->year,
		      w->area ? w->area : "");
	}
}

static void test_cases(void **state)
{
	const struct fixture *fx = *state;

	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct befolkning_case *c = &cases[i];
		char inputs[PATH_MAX_];
		size_t nfiles = ing_want_files(c->files, MAX_FILES), nrejects = 0, nrows = 0, nlookups = 0;
		struct run r;

		while (nrejects < MAX_REJECTS && c->rejects[nrejects].file)
			nrejects++;
		while (nrows < MAX_ROWS && c->rows[nrows].year)
			nrows++;
		while (nlookups < MAX_LOOKUPS && c->lookups[nlookups].year)
			nlookups++;
		ing_case_dir(inputs, sizeof(inputs), DATA, c->name);
		run_ingest(fx, &fx->m, inputs, 1, date_from_ymd(2024, 6, 30), &r);
		CHECK(r.rc == 0, "[%s] ingest failed: %s:%ld: %s", c->name, r.err.file, r.err.line,
		      r.err.message);
		ing_check_files(c->name, "befolkning", c->files, nfiles, &r.files);
		check_rejects(c->name, c->rejects, nrejects, &r.rejects);
		check_rows(fx, c->name, c->rows, nrows, &r.out);
		check_lookups(fx, c->name, c->lookups, nlookups, &r.out);
		run_release(&r);
	}
}

/* A mapping without a column the C code needs, with År or Befolkning
 * optional, or with a Befolkning that may be negative, is a configuration
 * error naming the mapping file. */
static void test_mapping_errors(void **state)
{
	static const struct {
		const char *name;
		const char *column;   /* the column changed */
		int change;           /* 0: made optional, 1: renamed away, 2: the check
		                         on its values turned off */
		const char *message;  /* part of the error message */
	} bad[] = {
		{"no befolkning column", "befolkning", 1, "[column befolkning]"},
		{"no omrade column", "omrade", 1, "[column omrade]"},
		{"no ar column", "ar", 1, "[column ar]"},
		{"optional År", "ar", 0, "required"},
		{"optional Befolkning", "befolkning", 0, "required"},
		{"Befolkning may be negative", "befolkning", 2, "min >= 0"},
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
			m->columns[ci].min = -1;
		else
			m->columns[ci].required = 0;
		run_ingest(fx, m, DATA "/basic", 1, date_from_ymd(2024, 6, 30), &r);
		ing_check_refused(bad[i].name, r.rc, &r.err, fx->m.path, bad[i].message, &r.files);
		run_release(&r);
		free(m);
	}
}

/* The source is optional: without the folder there are no rows and no
 * totals, and no error unless the run asks for the source. */
static void test_missing_folder(void **state)
{
	const struct fixture *fx = *state;
	int64_t value = -1;
	struct run r;

	run_ingest(fx, &fx->m, DATA "/no_such_case", 0, date_from_ymd(2024, 6, 30), &r);
	CHECK(r.rc == 0 && population_count(&r.out) == 0 && r.files.n == 0,
	      "[missing folder, optional] rc %d, %zu rows, %zu files; want 0, 0, 0", r.rc,
	      population_count(&r.out), r.files.n);
	CHECK(population_total(&r.out, 2019, &value) == -1 && value == -1,
	      "[missing folder, optional] a total without rows");
	run_release(&r);
	run_ingest(fx, &fx->m, DATA "/no_such_case", 1, date_from_ymd(2024, 6, 30), &r);
	CHECK(r.rc == -1 && r.err.code == VBS_E_NOINPUT,
	      "[missing folder, required] rc %d code %d, want -1 and VBS_E_NOINPUT", r.rc,
	      r.err.code);
	run_release(&r);
}

/* The sample population of inputs/: 84 rows, the district totals of
 * inputs/README.md (written by the generator from its own truth), and none
 * for 2026 (not published yet). */
static void test_sample(void **state)
{
	static const long long totals[] = {
		70235, 70244, 70064, 70616, 70539, 70503,  /* 2014-2019 */
		70313, 71111, 71571, 72272, 73113, 74170,  /* 2020-2025 */
	};
	const struct fixture *fx = *state;
	int64_t value = -1;
	struct run r;

	run_ingest(fx, &fx->m, "inputs", 1, date_from_ymd(2026, 10, 31), &r);
	CHECK(r.rc == 0, "[sample] ingest failed: %s:%ld: %s", r.err.file, r.err.line,
	      r.err.message);
	CHECK(r.files.n == 1 && strcmp(r.files.files[0].path, "befolkning/befolkning.csv") == 0,
	      "[sample] %zu files, want befolkning/befolkning.csv only", r.files.n);
	CHECK(r.files.files[0].rows_read == 84 && r.files.files[0].accepted == 84 &&
	      r.files.files[0].after_as_of == 0 && r.files.files[0].unknown_area == 0,
	      "[sample] read %ld accepted %ld after %ld unknown %ld, want 84 84 0 0",
	      r.files.files[0].rows_read, r.files.files[0].accepted,
	      r.files.files[0].after_as_of, r.files.files[0].unknown_area);
	CHECK(r.rejects.n == 0, "[sample] %zu rejects, want 0", r.rejects.n);
	CHECK(population_count(&r.out) == 84, "[sample] %zu rows, want 84 (7 areas, 12 years)",
	      population_count(&r.out));
	for (size_t i = 0; i < COUNT(totals); i++) {
		int year = 2014 + (int)i;

		CHECK(population_total(&r.out, year, &value) == 0 && value == totals[i],
		      "[sample] total %d: %lld, want %lld", year, (long long)value, totals[i]);
	}
	CHECK(population_total(&r.out, 2026, &value) == -1,
	      "[sample] a total for 2026, which is not published");
	run_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_mapping_errors),
		cmocka_unit_test(test_missing_folder),
		cmocka_unit_test(test_sample),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
