/* test_ingest_klotter: ingest_klotter on the small input folders under
 * tests/data/ingest/klotter/<case>/klotter/, one per quirk and reject
 * reason, read with the committed pipeline/ mapping and code sets: per-file
 * counts, every reject's file, line, column, value and reason (including
 * the source's own Sanerat-datum-before-Datum check), free text kept out of
 * the rejects, and the staged finds. Every expected value is written by
 * hand from those files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "ingest/ingest_klotter.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest_support.h"

#define DATA "tests/data/ingest/klotter"
#define AS_OF "2026-10-31" /* when a case sets none */
#define FILE_ "klotter/klotter.csv"

enum { MAX_FILES = 3, MAX_REJECTS = 6, MAX_RECORDS = 4, PATH_MAX_ = 512 };

/* Code indices in pipeline/codesets.ini, in the order written there (the
 * fallback category of a set comes after its codes). */
enum { OMR_OSTERMALM, OMR_LARKSTADEN, OMR_GARDET, OMR_HJORTHAGEN, OMR_NDS, OMR_DJURGARDEN,
       OMR_FRIHAMNEN, OMR_OKANT };
enum { TYP_KLISTERMARKE, TYP_AFFISCH, TYP_KLOTTER };
enum { MILJO_VIT_MAKT, MILJO_AUTONOMA, MILJO_VIS, MILJO_ANNAN, MILJO_OKAND };

/* The effect sentences of messages.c. */
#define DROPPED "Raden har inte räknats."
#define MISSING "Raden har räknats; värdet har behandlats som saknat."
#define OKAND "Raden har räknats med värdet 'Okänd'."

#define BAD_ANTAL "Ogiltigt antal. Skriv ett heltal som är minst 1."
#define BAD_DATE "Ogiltigt datum."
#define BAD_CODE "Okänt värde. Tillåtna värden: "
#define CLEARED_BEFORE "Sanerat datum ligger före fyndets datum. Rätta datumet."

/* Written into Plats (free text) of plats_free_text: none of it may reach a
 * reject. */
static const char *const free_text[] = {
	"850101-1236", "8501011236", "Lindqvist", "Karin", "Karlavägen", "Trappan", "ringde",
};

struct want_find {
	const char *id; /* NULL ends the list */
	int file;
	long line;
	const char *day;
	const char *removed; /* NULL: not removed (DATE_NONE) */
	int32_t antal;
	int typ, miljo, omrade, area_unknown;
};

struct klotter_case {
	const char *name;     /* the folder under DATA */
	const char *as_of;    /* NULL: AS_OF */
	const char *encoding; /* of the first file, when not NULL */
	char delimiter;
	struct ing_want_file files[MAX_FILES];     /* read, accepted, rejected,
	                                           * duplicates, after, unknown */
	struct ing_want_reject rejects[MAX_REJECTS];
	struct want_find records[MAX_RECORDS]; /* in first-seen order of the ids */
};

/* A plain valid find after the id, file and line: 1 Klotter, Okänd, Gärdet. */
#define PLAIN(day, removed) day, removed, 1, TYP_KLOTTER, MILJO_OKAND, OMR_GARDET, 0

static const struct klotter_case cases[] = {
	{ .name = "valid", .encoding = "utf-8-bom", .delimiter = ';',
	  .files = { { FILE_, 3, 3, 0, 0, 0, 0 } },
	  .records = {
		{ "K-2021-001", 0, 2, "2021-03-14", "2021-03-20", 3, TYP_KLISTERMARKE,
		  MILJO_VIT_MAKT, OMR_GARDET, 0 },
		/* removed the same day at an earlier hour: 0 days, valid; blank Miljö */
		{ "K-2021-002", 0, 3, "2021-03-15", "2021-03-15", 1, TYP_AFFISCH, MILJO_OKAND,
		  OMR_HJORTHAGEN, 0 },
		{ "K-2021-003", 0, 4, "2021-04-01", NULL, 12, TYP_KLOTTER, MILJO_AUTONOMA,
		  OMR_LARKSTADEN, 0 } } },
	{ .name = "antal_zero",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal", "0", BAD_ANTAL, DROPPED } },
	  .records = { { "K-2", 0, 3, PLAIN("2021-03-14", NULL) } } },
	{ .name = "antal_negative",
	  .files = { { FILE_, 1, 0, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal", "-2", BAD_ANTAL, DROPPED } } },
	{ .name = "antal_text",
	  .files = { { FILE_, 1, 0, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal", "två", BAD_ANTAL, DROPPED } } },
	{ .name = "antal_blank",
	  .files = { { FILE_, 1, 0, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal", "", "Värde saknas i den obligatoriska kolumnen Antal.",
	                 DROPPED } } },
	{ .name = "antal_too_large",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  /* the row is dropped: its Sanerat datum reject must not say it counted */
	  .rejects = { { FILE_, 2, "Antal", "3000000000", "Värdet är för långt.", DROPPED },
	               { FILE_, 2, "Sanerat datum", "2021-03-01", CLEARED_BEFORE, DROPPED } },
	  .records = { { "K-2", 0, 3, "2021-03-14", NULL, 2147483647, TYP_KLOTTER, MILJO_OKAND,
	                 OMR_GARDET, 0 } } },
	{ .name = "sanerat_before", .encoding = "utf-8", .delimiter = ';',
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Sanerat datum", "2019-06-23", CLEARED_BEFORE, MISSING },
	               /* the value as written, trimmed, with its time */
	               { FILE_, 3, "Sanerat datum", "2019-06-26 23:59", CLEARED_BEFORE, MISSING } },
	  .records = {
		{ "K-2019-014", 0, 2, "2019-06-27", NULL, 4, TYP_KLISTERMARKE, MILJO_AUTONOMA,
		  OMR_OSTERMALM, 0 },
		{ "K-2019-015", 0, 3, "2019-06-27", NULL, 1, TYP_AFFISCH, MILJO_OKAND, OMR_GARDET,
		  0 } } },
	{ .name = "sanerat_blank",
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .records = { { "K-1", 0, 2, PLAIN("2021-03-14", NULL) },
	               { "K-2", 0, 3, PLAIN("2021-03-14", NULL) } } },
	{ .name = "sanerat_bad",
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Sanerat datum", "2021-13-01", BAD_DATE, MISSING },
	               { FILE_, 3, "Sanerat datum", "igår", BAD_DATE, MISSING } },
	  .records = { { "K-1", 0, 2, PLAIN("2021-03-14", NULL) },
	               { "K-2", 0, 3, PLAIN("2021-03-14", NULL) } } },
	{ .name = "typ_unknown",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Typ", "Dekal", BAD_CODE "Klistermärke, Affisch, Klotter.",
	                 DROPPED } },
	  .records = { { "K-2", 0, 3, PLAIN("2021-03-14", NULL) } } },
	{ .name = "typ_blank",
	  .files = { { FILE_, 1, 0, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Typ", "", "Värde saknas i den obligatoriska kolumnen Typ.",
	                 DROPPED } } },
	{ .name = "plats_free_text",
	  .files = { { FILE_, 5, 2, 3, 0, 0, 1 } },
	  .rejects = {
		{ FILE_, 2, "Antal", "0", BAD_ANTAL, DROPPED },
		/* K-2's Plats spans lines 3-4 */
		{ FILE_, 3, "Miljö", "Vit makt",
		  BAD_CODE "Vit makt-miljön, Autonoma miljön, Våldsbejakande islamistisk "
		  "extremism, Annan/ensamagerande, Okänd.", OKAND },
		{ FILE_, 3, "Sanerat datum", "2021-03-01", CLEARED_BEFORE, MISSING },
		/* an unquoted Plats holding the delimiter */
		{ FILE_, 6, "", "", "Raden har 9 fält men rubrikraden har 8.", DROPPED },
		{ FILE_, 7, "Typ", "Dekal", BAD_CODE "Klistermärke, Affisch, Klotter.", DROPPED } },
	  .records = {
		{ "K-2", 0, 3, "2021-03-14", NULL, 2, TYP_AFFISCH, MILJO_OKAND, OMR_GARDET, 0 },
		{ "K-3", 0, 5, "2021-03-15", "2021-03-16", 1, TYP_KLOTTER, MILJO_OKAND, OMR_OKANT,
		  1 } } },
	{ .name = "unknown_area",
	  .files = { { FILE_, 3, 3, 0, 0, 0, 2 } },
	  .records = {
		{ "K-1", 0, 2, "2021-03-14", NULL, 1, TYP_KLOTTER, MILJO_OKAND, OMR_OKANT, 1 },
		{ "K-2", 0, 3, "2021-03-14", NULL, 1, TYP_KLOTTER, MILJO_OKAND, OMR_OKANT, 1 },
		{ "K-3", 0, 4, "2021-03-14", NULL, 1, TYP_KLOTTER, MILJO_OKAND, OMR_HJORTHAGEN,
		  0 } } },
	{ .name = "overlap", .as_of = "2024-01-09",
	  /* the losing version had a blank area and no Sanerat datum: neither
	   * is counted */
	  .files = { { "klotter/klotter_2020-2023.csv", 2, 1, 0, 1, 0, 0 },
	             { "klotter/klotter_2023-2026.csv", 2, 2, 0, 0, 1, 1 } },
	  .records = {
		{ "K-2023-101", 1, 2, "2023-12-20", "2024-01-08", 2, TYP_KLISTERMARKE,
		  MILJO_VIT_MAKT, OMR_GARDET, 0 },
		{ "K-2023-100", 0, 3, "2023-12-01", "2023-12-05", 1, TYP_AFFISCH, MILJO_OKAND,
		  OMR_GARDET, 0 },
		{ "K-2024-001", 1, 3, "2024-01-10", NULL, 5, TYP_KLOTTER, MILJO_OKAND, OMR_OKANT,
		  1 } } },
	{ .name = "windows1252_comma", .encoding = "windows-1252", .delimiter = ',',
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .records = {
		{ "K-2015-007", 0, 2, "2015-04-02", "2015-04-03", 2, TYP_KLISTERMARKE, MILJO_VIS,
		  OMR_OSTERMALM, 0 },
		{ "K-2015-008", 0, 3, "2015-04-09", NULL, 1, TYP_AFFISCH, MILJO_ANNAN, OMR_NDS,
		  0 } } },
	{ .name = "datum_missing",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Datum", "", "Värde saknas i den obligatoriska kolumnen Datum.",
	                 DROPPED } },
	  .records = { { "K-2", 0, 3, PLAIN("2021-03-14", NULL) } } },
	{ .name = "id_missing",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Ärende-ID", "",
	                 "Värde saknas i den obligatoriska kolumnen Ärende-ID.", DROPPED } },
	  .records = { { "K-2", 0, 3, PLAIN("2021-03-14", NULL) } } },
};

static vbs_codesets cs;
static vbs_mapping klotter;

static int setup(void **state)
{
	(void)state;
	return ing_load_mapping(&cs, &klotter, "klotter");
}

/* ---- the code indices above are those of codesets.ini --------------------- */

static const struct ing_code_index index_cases[] = {
	{ "omrade", "Östermalm city", OMR_OSTERMALM }, { "omrade", "Lärkstaden", OMR_LARKSTADEN },
	{ "omrade", "Gärdet", OMR_GARDET }, { "omrade", "Hjorthagen", OMR_HJORTHAGEN },
	{ "omrade", "Norra Djurgårdsstaden", OMR_NDS },
	{ "klotter_typ", "Klistermärke", TYP_KLISTERMARKE },
	{ "klotter_typ", "Affisch", TYP_AFFISCH }, { "klotter_typ", "Klotter", TYP_KLOTTER },
	{ "miljo", "Vit makt-miljön", MILJO_VIT_MAKT }, { "miljo", "Autonoma miljön", MILJO_AUTONOMA },
	{ "miljo", "Våldsbejakande islamistisk extremism", MILJO_VIS },
	{ "miljo", "Annan/ensamagerande", MILJO_ANNAN }, { "miljo", "Okänd", MILJO_OKAND },
};

static void test_code_indices(void **state)
{
	(void)state;
	ing_check_code_indices(&cs, index_cases, COUNT(index_cases));
	CHECK(cs.sets[codesets_find(&cs, "omrade")].fallback == OMR_OKANT &&
	      cs.sets[codesets_find(&cs, "miljo")].fallback == MILJO_OKAND,
	      "[code indices] the fallbacks of omrade or miljo changed");
}

/* ---- the cases ------------------------------------------------------------ */

static void check_files(const struct klotter_case *c, const vbs_input_files *files)
{
	ing_check_files(c->name, "klotter", c->files, ing_want_files(c->files, MAX_FILES), files);
	if (c->encoding)
		ing_check_format(c->name, &files->files[0], c->encoding, c->delimiter);
}

static void check_rejects(const struct klotter_case *c, const vbs_rejects *rj)
{
	ing_check_rejects(c->name, "klotter", c->rejects, ing_want_rejects(c->rejects, MAX_REJECTS),
	                  rj);
	ing_check_no_leak(c->name, rj, free_text, COUNT(free_text), "Plats");
}

static void check_records(const struct klotter_case *c, const vbs_finds *out)
{
	size_t n = 0;

	while (n < MAX_RECORDS && c->records[n].id)
		n++;
	CHECK(finds_count(out) == n, "[%s] %zu finds staged, want %zu", c->name,
	      finds_count(out), n);
	for (size_t i = 0; i < n; i++) {
		const struct want_find *w = &c->records[i];
		const vbs_find *g = finds_get(out, i);
		char removed[11] = "none";

		if (g->removed != DATE_NONE)
			date_format(g->removed, removed);
		ing_check_record_key(c->name, "find", i, finds_id(out, i), g->origin, g->day, w->id,
		                     w->file, w->line, w->day);
		CHECK(strcmp(removed, w->removed ? w->removed : "none") == 0,
		      "[%s] %s: removed %s, want %s", c->name, w->id, removed,
		      w->removed ? w->removed : "none");
		CHECK(g->antal == w->antal, "[%s] %s: antal %ld, want %ld", c->name, w->id,
		      (long)g->antal, (long)w->antal);
		CHECK(g->typ == w->typ && g->miljo == w->miljo, "[%s] %s: typ %d miljo %d, want %d %d",
		      c->name, w->id, g->typ, g->miljo, w->typ, w->miljo);
		CHECK(g->omrade == w->omrade && g->area_unknown == w->area_unknown,
		      "[%s] %s: omrade %d area_unknown %d, want %d %d", c->name, w->id, g->omrade,
		      g->area_unknown, w->omrade, w->area_unknown);
	}
}

static void test_case(void **state)
{
	const struct klotter_case *c = *state;
	char inputs[PATH_MAX_];
	vbs_ingest in;
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_finds out;
	vbs_error err;
	int32_t as_of;
	int rc;

	ing_case_dir(inputs, sizeof(inputs), DATA, c->name);
	CHECK(date_parse(c->as_of ? c->as_of : AS_OF, &as_of, NULL) == 0,
	      "[%s] bad as-of date in the test", c->name);
	in = ing_run_begin(inputs, &cs, as_of, &files, &rejects, &err);
	rc = ingest_klotter(&in, &klotter, 1, &out, &err);
	CHECK(rc == 0, "[%s] ingest_klotter failed: %s:%ld: %s", c->name, err.file, err.line,
	      err.message);
	check_files(c, &files);
	check_rejects(c, &rejects);
	check_records(c, &out);
	finds_release(&out);
	ing_run_release(&files, &rejects);
}

/* The reason of the source's own reject, word for word. */
static void test_cleared_before_reason(void **state)
{
	const char *want = CLEARED_BEFORE " " MISSING;
	vbs_ingest in;
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_finds out;
	vbs_error err;
	int rc;

	(void)state;
	in = ing_run_begin(DATA "/sanerat_before", &cs, 0, &files, &rejects, &err);
	rc = ingest_klotter(&in, &klotter, 1, &out, &err);
	CHECK(rc == 0 && rejects.n == 2, "[cleared before] rc %d, %zu rejects: want 0, 2 (%s)", rc,
	      rejects.n, err.message);
	CHECK(strcmp(rejects.items[0].reason, want) == 0,
	      "[cleared before] reason \"%s\", want \"%s\"", rejects.items[0].reason, want);
	finds_release(&out);
	ing_run_release(&files, &rejects);
}

/* ---- a mapping the module cannot work with -------------------------------- */

struct config_case {
	const char *name;
	const char *column;
	enum { OPTIONAL, RENAMED, RETYPED, MIN_ZERO } change;
	const char *message; /* a part of err.message */
};

static const struct config_case config_cases[] = {
	{ "arende_id not required", "arende_id", OPTIONAL, "must be required" },
	{ "datum not required", "datum", OPTIONAL, "must be required" },
	{ "typ not required", "typ", OPTIONAL, "must be required" },
	{ "antal not required", "antal", OPTIONAL, "must be required" },
	{ "antal may be 0", "antal", MIN_ZERO, "min" },
	{ "no sanerat_datum column", "sanerat_datum", RENAMED, "no [column sanerat_datum]" },
	{ "sanerat_datum is not a date", "sanerat_datum", RETYPED,
	  "[column sanerat_datum] has the wrong type" },
};

static void test_config(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(config_cases); i++) {
		const struct config_case *c = &config_cases[i];
		vbs_mapping m = klotter;
		int col = mapping_column(&m, c->column);
		vbs_ingest in;
		vbs_input_files files;
		vbs_rejects rejects;
		vbs_finds out;
		vbs_error err;
		int rc;

		CHECK(col >= 0, "[%s] the mapping has no column %s", c->name, c->column);
		switch (c->change) {
		case OPTIONAL: m.columns[col].required = 0; break;
		case RENAMED: snprintf(m.columns[col].id, sizeof(m.columns[col].id), "other"); break;
		case RETYPED: m.columns[col].type = FIELD_TEXT; break;
		case MIN_ZERO: m.columns[col].min = 0; break;
		}
		in = ing_run_begin(DATA "/valid", &cs, 0, &files, &rejects, &err);
		rc = ingest_klotter(&in, &m, 1, &out, &err);
		ing_check_refused(c->name, rc, &err, klotter.path, c->message, &files);
		finds_release(&out);
		ing_run_release(&files, &rejects);
	}
}

int main(void)
{
	struct CMUnitTest tests[COUNT(cases) + 3];
	size_t n = 0;

	tests[n++] = (struct CMUnitTest){.name = "code indices", .test_func = test_code_indices};
	for (size_t i = 0; i < COUNT(cases); i++)
		tests[n++] = (struct CMUnitTest){.name = cases[i].name, .test_func = test_case,
		                                 .initial_state = (void *)&cases[i]};
	tests[n++] = (struct CMUnitTest){.name = "cleared-before reason",
	                                 .test_func = test_cleared_before_reason};
	tests[n++] = (struct CMUnitTest){.name = "mapping refused", .test_func = test_config};
	return cmocka_run_group_tests_name("ingest_klotter", tests, setup, NULL);
}
