/* test_ingest_oro: ingest_oro on the small input folders under
 * tests/data/ingest/oro/<case>/oro/, one per quirk and reject reason, read
 * with the committed pipeline/ mapping and code sets: per-file counts,
 * every reject's file, line, column, value and reason, and the staged
 * concern forms. Every expected value is written by hand from those
 * files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "ingest/ingest_oro.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest_support.h"

#define DATA "tests/data/ingest/oro"
#define AS_OF "2026-10-31" /* when a case sets none */
#define FILE_ "oro/oro.csv"

enum { MAX_FILES = 3, MAX_REJECTS = 4, MAX_RECORDS = 4, PATH_MAX_ = 512 };

/* Code indices in pipeline/codesets.ini, in the order written there (the
 * fallback category of a set comes after its codes). */
enum { VH_FORSKOLA, VH_SKOLA, VH_FRITID, VH_PARKLEK, VH_SOCIALTJANST, VH_ALDREOMSORG,
       VH_PARK_OCH_GATA, VH_ADMINISTRATION, VH_OVRIGT, VH_SAKNAS };
enum { TYP_UTTALANDEN, TYP_SYMBOLER, TYP_PROPAGANDA, TYP_REKRYTERING, TYP_RESOR, TYP_VALD,
       TYP_OVRIGT };
enum { MILJO_VIT_MAKT, MILJO_AUTONOMA, MILJO_VIS, MILJO_ANNAN, MILJO_OKAND };
enum { AG_UNDER_13, AG_13_17, AG_18_24, AG_25_PLUS, AG_OKAND };

/* The effect sentences of messages.c. */
#define DROPPED "Raden har inte räknats."
#define MISSING "Raden har räknats; värdet har behandlats som saknat."
#define SAKNAS "Raden har räknats med värdet 'Uppgift saknas'."
#define OKAND "Raden har räknats med värdet 'Okänd'."

#define BAD_DATE "Ogiltigt datum."
#define BAD_CODE "Okänt värde. Tillåtna värden: "
#define PNR_FOUND "Värdet ser ut att innehålla ett personnummer."

/* Written into an input file; must never reach a reject unmasked. */
static const char *const pnr[] = {"850101-1236"};

struct want_concern {
	const char *id; /* NULL ends the list */
	int file;
	long line;
	const char *day;
	int verksamhet, typ_av_oro, miljo, aldersgrupp;
};

struct oro_case {
	const char *name;     /* the folder under DATA */
	const char *as_of;    /* NULL: AS_OF */
	const char *encoding; /* of the first file, when not NULL */
	char delimiter;
	struct ing_want_file files[MAX_FILES];     /* read, accepted, rejected,
	                                           * duplicates, after; unknown area
	                                           * is 0: a form has no area */
	struct ing_want_reject rejects[MAX_REJECTS];
	struct want_concern records[MAX_RECORDS]; /* in first-seen order of the ids */
};

/* The rows of the missing-value cases: Skola, Symboler, Okänd, 13-17. */
#define PLAIN(day) day, VH_SKOLA, TYP_SYMBOLER, MILJO_OKAND, AG_13_17

static const struct oro_case cases[] = {
	{ .name = "valid", .encoding = "utf-8", .delimiter = ';',
	  .files = { { FILE_, 3, 3, 0, 0, 0 } },
	  .records = {
		{ "OB-2021-06", 0, 2, "2021-07-08", VH_FRITID, TYP_UTTALANDEN, MILJO_AUTONOMA,
		  AG_18_24 },
		/* blank Verksamhet, Miljö and Åldersgrupp: fallbacks, no rejects */
		{ "OB-2021-07", 0, 3, "2021-08-02", VH_SAKNAS, TYP_REKRYTERING, MILJO_OKAND,
		  AG_OKAND },
		{ "OB-2021-08", 0, 4, "2021-09-29", VH_SOCIALTJANST, TYP_RESOR, MILJO_VIS,
		  AG_25_PLUS } } },
	{ .name = "odd_case",
	  .files = { { FILE_, 1, 1, 0, 0, 0 } },
	  .records = { { "OB-1", 0, 2, "2021-03-14", VH_FRITID, TYP_VALD, MILJO_VIT_MAKT,
	                 AG_UNDER_13 } } },
	{ .name = "typ_unknown",
	  .files = { { FILE_, 2, 1, 1, 0, 0 } },
	  .rejects = { { FILE_, 2, "Typ av oro", "Hot",
	                 BAD_CODE "Uttalanden, Symboler, Propaganda, Rekrytering, Resor, Våld, "
	                 "Övrigt.", DROPPED } },
	  .records = { { "OB-2", 0, 3, "2021-03-14", VH_SKOLA, TYP_PROPAGANDA, MILJO_OKAND,
	                 AG_13_17 } } },
	{ .name = "typ_blank",
	  .files = { { FILE_, 1, 0, 1, 0, 0 } },
	  .rejects = { { FILE_, 2, "Typ av oro", "",
	                 "Värde saknas i den obligatoriska kolumnen Typ av oro.", DROPPED } } },
	{ .name = "verksamhet_unknown",
	  .files = { { FILE_, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Verksamhet", "Bibliotek",
	                 BAD_CODE "Förskola, Skola, Fritid, Parklek, Socialtjänst, Äldreomsorg, "
	                 "Park och gata, Administration, Övrigt.", SAKNAS } },
	  .records = { { "OB-1", 0, 2, "2021-03-14", VH_SAKNAS, TYP_SYMBOLER, MILJO_OKAND,
	                 AG_13_17 } } },
	{ .name = "aldersgrupp_unknown",
	  .files = { { FILE_, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Åldersgrupp", "12-15",
	                 BAD_CODE "Under 13, 13-17, 18-24, 25 och äldre, Okänd.", OKAND } },
	  .records = { { "OB-1", 0, 2, "2021-03-14", VH_SKOLA, TYP_SYMBOLER, MILJO_OKAND,
	                 AG_OKAND } } },
	{ .name = "id_missing",
	  .files = { { FILE_, 2, 1, 1, 0, 0 } },
	  .rejects = { { FILE_, 2, "Blankett-ID", "",
	                 "Värde saknas i den obligatoriska kolumnen Blankett-ID.", DROPPED } },
	  .records = { { "OB-2", 0, 3, PLAIN("2021-03-14") } } },
	{ .name = "datum_missing",
	  .files = { { FILE_, 2, 1, 1, 0, 0 } },
	  .rejects = { { FILE_, 2, "Datum", "", "Värde saknas i den obligatoriska kolumnen Datum.",
	                 DROPPED } },
	  .records = { { "OB-2", 0, 3, PLAIN("2021-03-14") } } },
	{ .name = "datum_bad",
	  .files = { { FILE_, 1, 0, 1, 0, 0 } },
	  .rejects = { { FILE_, 2, "Datum", "2021-3-14", BAD_DATE, DROPPED } } },
	{ .name = "overlap",
	  /* OB-2021-06 is in both files, unchanged: the later file's copy is kept */
	  .files = { { "oro/oro_2016-2021.csv", 2, 1, 0, 1, 0 },
	             { "oro/oro_2021-2026.csv", 2, 2, 0, 0, 1 } },
	  .records = {
		{ "OB-2021-01", 0, 2, "2021-06-10", VH_SKOLA, TYP_SYMBOLER, MILJO_VIT_MAKT, AG_13_17 },
		{ "OB-2021-06", 1, 2, "2021-07-08", VH_FRITID, TYP_UTTALANDEN, MILJO_AUTONOMA,
		  AG_18_24 },
		{ "OB-2026-09", 1, 3, "2026-11-02", VH_SKOLA, TYP_PROPAGANDA, MILJO_OKAND,
		  AG_OKAND } } },
	{ .name = "windows1252_comma", .encoding = "windows-1252", .delimiter = ',',
	  .files = { { FILE_, 2, 2, 0, 0, 0 } },
	  .records = {
		{ "OB-2017-02", 0, 2, "2017-03-09", VH_FORSKOLA, TYP_VALD, MILJO_VIS, AG_25_PLUS },
		{ "OB-2017-03", 0, 3, "2017-04-11", VH_ALDREOMSORG, TYP_OVRIGT, MILJO_ANNAN,
		  AG_UNDER_13 } } },
	{ .name = "personnummer",
	  .files = { { FILE_, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Verksamhet", "[personnummer]", PNR_FOUND, MISSING } },
	  .records = { { "OB-1", 0, 2, "2021-03-14", VH_SAKNAS, TYP_SYMBOLER, MILJO_OKAND,
	                 AG_13_17 } } },
};

static vbs_codesets cs;
static vbs_mapping oro;

static int setup(void **state)
{
	(void)state;
	return ing_load_mapping(&cs, &oro, "oro");
}

/* ---- the code indices above are those of codesets.ini --------------------- */

static const struct ing_code_index index_cases[] = {
	{ "verksamhetsomrade", "Förskola", VH_FORSKOLA }, { "verksamhetsomrade", "Skola", VH_SKOLA },
	{ "verksamhetsomrade", "Fritid", VH_FRITID },
	{ "verksamhetsomrade", "Socialtjänst", VH_SOCIALTJANST },
	{ "verksamhetsomrade", "Äldreomsorg", VH_ALDREOMSORG },
	{ "typ_av_oro", "Uttalanden", TYP_UTTALANDEN }, { "typ_av_oro", "Symboler", TYP_SYMBOLER },
	{ "typ_av_oro", "Propaganda", TYP_PROPAGANDA },
	{ "typ_av_oro", "Rekrytering", TYP_REKRYTERING }, { "typ_av_oro", "Resor", TYP_RESOR },
	{ "typ_av_oro", "Våld", TYP_VALD }, { "typ_av_oro", "Övrigt", TYP_OVRIGT },
	{ "miljo", "Vit makt-miljön", MILJO_VIT_MAKT }, { "miljo", "Autonoma miljön", MILJO_AUTONOMA },
	{ "miljo", "Våldsbejakande islamistisk extremism", MILJO_VIS },
	{ "miljo", "Annan/ensamagerande", MILJO_ANNAN }, { "miljo", "Okänd", MILJO_OKAND },
	{ "aldersgrupp_oro", "Under 13", AG_UNDER_13 }, { "aldersgrupp_oro", "13-17", AG_13_17 },
	{ "aldersgrupp_oro", "18-24", AG_18_24 }, { "aldersgrupp_oro", "25 och äldre", AG_25_PLUS },
	{ "aldersgrupp_oro", "Okänd", AG_OKAND },
};

static void test_code_indices(void **state)
{
	(void)state;
	ing_check_code_indices(&cs, index_cases, COUNT(index_cases));
	CHECK(cs.sets[codesets_find(&cs, "verksamhetsomrade")].fallback == VH_SAKNAS &&
	      cs.sets[codesets_find(&cs, "miljo")].fallback == MILJO_OKAND &&
	      cs.sets[codesets_find(&cs, "aldersgrupp_oro")].fallback == AG_OKAND,
	      "[code indices] the fallbacks of verksamhetsomrade, miljo or aldersgrupp_oro changed");
}

/* ---- the cases ------------------------------------------------------------ */

static void check_files(const struct oro_case *c, const vbs_input_files *files)
{
	ing_check_files(c->name, "oro", c->files, ing_want_files(c->files, MAX_FILES), files);
	if (c->encoding)
		ing_check_format(c->name, &files->files[0], c->encoding, c->delimiter);
}

static void check_rejects(const struct oro_case *c, const vbs_rejects *rj)
{
	ing_check_rejects(c->name, "oro", c->rejects, ing_want_rejects(c->rejects, MAX_REJECTS),
	                  rj);
	ing_check_no_leak(c->name, rj, pnr, COUNT(pnr), "a personal identity number");
}

static void check_records(const struct oro_case *c, const vbs_concerns *out)
{
	size_t n = 0;

	while (n < MAX_RECORDS && c->records[n].id)
		n++;
	CHECK(concerns_count(out) == n, "[%s] %zu forms staged, want %zu", c->name,
	      concerns_count(out), n);
	for (size_t i = 0; i < n; i++) {
		const struct want_concern *w = &c->records[i];
		const vbs_concern *g = concerns_get(out, i);
		ing_check_record_key(c->name, "form", i, concerns_id(out, i), g->origin, g->day, w->id,
		                     w->file, w->line, w->day);
		CHECK(g->verksamhet == w->verksamhet && g->typ_av_oro == w->typ_av_oro,
		      "[%s] %s: verksamhet %d typ_av_oro %d, want %d %d", c->name, w->id,
		      g->verksamhet, g->typ_av_oro, w->verksamhet, w->typ_av_oro);
		CHECK(g->miljo == w->miljo && g->aldersgrupp == w->aldersgrupp,
		      "[%s] %s: miljo %d aldersgrupp %d, want %d %d", c->name, w->id, g->miljo,
		      g->aldersgrupp, w->miljo, w->aldersgrupp);
	}
}

static void test_case(void **state)
{
	const struct oro_case *c = *state;
	char inputs[PATH_MAX_];
	vbs_ingest in;
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_concerns out;
	vbs_error err;
	int32_t as_of;
	int rc;

	ing_case_dir(inputs, sizeof(inputs), DATA, c->name);
	CHECK(date_parse(c->as_of ? c->as_of : AS_OF, &as_of, NULL) == 0,
	      "[%s] bad as-of date in the test", c->name);
	in = ing_run_begin(inputs, &cs, as_of, &files, &rejects, &err);
	rc = ingest_oro(&in, &oro, 1, &out, &err);
	CHECK(rc == 0, "[%s] ingest_oro failed: %s:%ld: %s", c->name, err.file, err.line,
	      err.message);
	check_files(c, &files);
	check_rejects(c, &rejects);
	check_records(c, &out);
	concerns_release(&out);
	ing_run_release(&files, &rejects);
}

/* ---- a mapping the module cannot work with -------------------------------- */

struct config_case {
	const char *name;
	const char *column;
	enum { OPTIONAL, RENAMED, RETYPED } change;
	const char *message; /* a part of err.message */
};

static const struct config_case config_cases[] = {
	{ "blankett_id not required", "blankett_id", OPTIONAL, "must be required" },
	{ "datum not required", "datum", OPTIONAL, "must be required" },
	{ "typ_av_oro not required", "typ_av_oro", OPTIONAL, "must be required" },
	{ "no aldersgrupp column", "aldersgrupp", RENAMED, "no [column aldersgrupp]" },
	{ "verksamhet is free text", "verksamhet", RETYPED, "[column verksamhet] has the wrong type" },
};

static void test_config(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(config_cases); i++) {
		const struct config_case *c = &config_cases[i];
		vbs_mapping m = oro;
		int col = mapping_column(&m, c->column);
		vbs_ingest in;
		vbs_input_files files;
		vbs_rejects rejects;
		vbs_concerns out;
		vbs_error err;
		int rc;

		CHECK(col >= 0, "[%s] the mapping has no column %s", c->name, c->column);
		switch (c->change) {
		case OPTIONAL: m.columns[col].required = 0; break;
		case RENAMED: snprintf(m.columns[col].id, sizeof(m.columns[col].id), "other"); break;
		case RETYPED: m.columns[col].type = FIELD_TEXT; break;
		}
		in = ing_run_begin(DATA "/valid", &cs, 0, &files, &rejects, &err);
		rc = ingest_oro(&in, &m, 1, &out, &err);
		ing_check_refused(c->name, rc, &err, oro.path, c->message, &files);
		concerns_release(&out);
		ing_run_release(&files, &rejects);
	}
}

int main(void)
{
	struct CMUnitTest tests[COUNT(cases) + 2];
	size_t n = 0;

	tests[n++] = (struct CMUnitTest){.name = "code indices", .test_func = test_code_indices};
	for (size_t i = 0; i < COUNT(cases); i++)
		tests[n++] = (struct CMUnitTest){.name = cases[i].name, .test_func = test_case,
		                                 .initial_state = (void *)&cases[i]};
	tests[n++] = (struct CMUnitTest){.name = "mapping refused", .test_func = test_config};
	return cmocka_run_group_tests_name("ingest_oro", tests, setup, NULL);
}
