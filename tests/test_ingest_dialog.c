/* test_ingest_dialog: ingest_dialog on the small input folders under
 * tests/data/ingest/dialog/<case>/dialog/, one per quirk and reject reason,
 * read with the committed pipeline/ mapping and code sets: per-file counts,
 * every reject's file, line, column, value and reason, and the staged
 * dialogues. Every expected value is written by hand from those files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "ingest/ingest_dialog.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest_support.h"

#define DATA "tests/data/ingest/dialog"
#define AS_OF "2026-10-31" /* when a case sets none */
#define FILE_ "dialog/dialog.csv"

enum { MAX_FILES = 3, MAX_REJECTS = 4, MAX_RECORDS = 4, PATH_MAX_ = 512 };

/* Code indices in pipeline/codesets.ini, in the order written there (the
 * fallback category of a set comes after its codes). */
enum { OMR_OSTERMALM, OMR_LARKSTADEN, OMR_GARDET, OMR_HJORTHAGEN, OMR_NDS, OMR_DJURGARDEN,
       OMR_FRIHAMNEN, OMR_OKANT };
enum { MG_UNGA, MG_FORALDRAR, MG_ALDRE, MG_BOENDE, MG_NARINGSIDKARE, MG_FORENINGAR,
       MG_SKOLPERSONAL, MG_BLANDAD, MG_SAKNAS };
enum { FORM_MOTE, FORM_VANDRING, FORM_WORKSHOP, FORM_DIGITAL, FORM_OPPET_HUS, FORM_SAKNAS };
enum { JA, NEJ, NONE = DIALOG_CODE_NONE };
/* Theme bits: bit i is code i of [codeset tema]. */
#define T_TRYGGHET UINT64_C(0x001)
#define T_BELYSNING UINT64_C(0x002)
#define T_KLOTTER UINT64_C(0x004)
#define T_EXTREMISM UINT64_C(0x008)
#define T_GRONOMRADEN UINT64_C(0x080)
#define T_NEDSKRAPNING UINT64_C(0x100)
#define T_OVRIGT UINT64_C(0x200)

/* The effect sentences of messages.c. */
#define DROPPED "Raden har inte räknats."
#define MISSING "Raden har räknats; värdet har behandlats som saknat."
#define SAKNAS "Raden har räknats med värdet 'Uppgift saknas'."

/* Written into some input files; must never reach a reject unmasked. */
static const char *const pnr[] = {"850101-1236", "8501011236"};

struct want_dialog {
	const char *id; /* NULL ends the list */
	int file;
	long line;
	const char *day;
	int32_t participants;
	uint64_t themes;
	int omrade, malgrupp, form, trygghet, vbe, area_unknown;
};

struct dialog_case {
	const char *name;     /* the folder under DATA */
	const char *as_of;    /* NULL: AS_OF */
	const char *encoding; /* of the first file, when not NULL */
	char delimiter;
	struct ing_want_file files[MAX_FILES];     /* read, accepted, rejected,
	                                           * duplicates, after, unknown */
	struct ing_want_reject rejects[MAX_REJECTS];
	struct want_dialog records[MAX_RECORDS]; /* in first-seen order of the ids */
};

#define BAD_INTEGER "Ogiltigt antal. Skriv ett heltal som är minst 0."
#define BAD_DATE "Ogiltigt datum."
#define BAD_CODE "Okänt värde. Tillåtna värden: "
#define PNR_FOUND "Värdet ser ut att innehålla ett personnummer."
/* A plain valid row's values after the id, file and line. */
#define PLAIN(day, n) day, n, T_TRYGGHET, OMR_GARDET, MG_UNGA, FORM_MOTE, JA, NEJ, 0

static const struct dialog_case cases[] = {
	{ .name = "valid", .encoding = "utf-8-bom", .delimiter = ';',
	  .files = { { FILE_, 3, 3, 0, 0, 0, 0 } },
	  .records = {
		{ "D-2021-001", 0, 2, "2021-03-14", 23, T_TRYGGHET | T_BELYSNING | T_KLOTTER,
		  OMR_GARDET, MG_UNGA, FORM_VANDRING, JA, NEJ, 0 },
		/* blank Målgrupp, Form, Antal, Teman and both questions: no rejects */
		{ "D-2021-002", 0, 3, "2021-04-01", -1, 0, OMR_HJORTHAGEN, MG_SAKNAS, FORM_SAKNAS,
		  NONE, NONE, 0 },
		{ "D-2021-003", 0, 4, "2021-05-20", 0, T_EXTREMISM, OMR_DJURGARDEN, MG_BLANDAD,
		  FORM_DIGITAL, NEJ, JA, 0 } } },
	{ .name = "antal_negative",
	  .files = { { FILE_, 1, 1, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal deltagare", "-3", BAD_INTEGER, MISSING } },
	  .records = { { "D-1", 0, 2, PLAIN("2021-03-14", -1) } } },
	{ .name = "antal_text",
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal deltagare", "tjugo", BAD_INTEGER, MISSING },
	               { FILE_, 3, "Antal deltagare", "12,5", BAD_INTEGER, MISSING } },
	  .records = { { "D-1", 0, 2, PLAIN("2021-03-14", -1) },
	               { "D-2", 0, 3, PLAIN("2021-03-15", -1) } } },
	{ .name = "antal_too_large",
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Antal deltagare", "3000000000", "Värdet är för långt.",
	                 MISSING } },
	  .records = { { "D-1", 0, 2, PLAIN("2021-03-14", -1) },
	               { "D-2", 0, 3, PLAIN("2021-03-15", 2147483647) } } },
	{ .name = "teman_unknown",
	  .files = { { FILE_, 1, 1, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Teman", "trygghet|rasism",
	                 BAD_CODE "trygghet, belysning, klotter, extremism, ungdomar, droger, "
	                 "trafik, grönområden, nedskräpning, övrigt.", MISSING } },
	  /* the whole value is missing: not even trygghet counts */
	  .records = { { "D-1", 0, 2, "2021-03-14", 5, 0, OMR_GARDET, MG_UNGA, FORM_MOTE, JA,
	                 NEJ, 0 } } },
	{ .name = "teman_case_spaces",
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .records = {
		{ "D-1", 0, 2, "2021-03-14", 5, T_TRYGGHET | T_KLOTTER, OMR_GARDET, MG_UNGA,
		  FORM_MOTE, JA, NEJ, 0 },
		{ "D-2", 0, 3, "2021-03-15", 5, T_GRONOMRADEN | T_OVRIGT, OMR_GARDET, MG_UNGA,
		  FORM_MOTE, JA, NEJ, 0 } } },
	{ .name = "datum_missing",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Datum", "",
	                 "Värde saknas i den obligatoriska kolumnen Datum.", DROPPED } },
	  .records = { { "D-2", 0, 3, PLAIN("2021-03-14", 5) } } },
	{ .name = "datum_bad",
	  .files = { { FILE_, 3, 1, 2, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Datum", "14/3/2021", BAD_DATE, DROPPED },
	               { FILE_, 3, "Datum", "2021-02-30", BAD_DATE, DROPPED } },
	  .records = { { "D-3", 0, 4, PLAIN("2021-03-14", 5) } } },
	{ .name = "id_missing",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Dialog-ID", "",
	                 "Värde saknas i den obligatoriska kolumnen Dialog-ID.", DROPPED } },
	  .records = { { "D-2", 0, 3, PLAIN("2021-03-14", 5) } } },
	{ .name = "unknown_area",
	  .files = { { FILE_, 3, 3, 0, 0, 0, 2 } },
	  .records = {
		{ "D-1", 0, 2, "2021-03-14", 5, T_TRYGGHET, OMR_OKANT, MG_UNGA, FORM_MOTE, JA, NEJ, 1 },
		{ "D-2", 0, 3, "2021-03-14", 5, T_TRYGGHET, OMR_OKANT, MG_UNGA, FORM_DIGITAL, JA,
		  NEJ, 1 },
		{ "D-3", 0, 4, PLAIN("2021-03-14", 5) } } },
	{ .name = "overlap", .as_of = "2022-11-30",
	  .files = { { "dialog/dialog_2018-2022.csv", 3, 1, 0, 2, 0, 0 },
	             { "dialog/dialog_2022-2026.csv", 4, 3, 0, 1, 2, 0 } },
	  .records = {
		/* changed in the later file: participants counted again, a theme
		 * added, VBE now raised */
		{ "D-2022-040", 1, 2, "2022-11-10", 14, T_TRYGGHET | T_BELYSNING, OMR_GARDET,
		  MG_UNGA, FORM_MOTE, JA, JA, 0 },
		{ "D-2022-041", 1, 4, "2022-12-01", 8, T_KLOTTER, OMR_LARKSTADEN, MG_BOENDE,
		  FORM_WORKSHOP, NEJ, NEJ, 0 },
		{ "D-2022-039", 0, 4, PLAIN("2022-10-01", 20) },
		/* twice in the later file: its later row wins */
		{ "D-2023-001", 1, 5, PLAIN("2023-01-15", 11) } } },
	{ .name = "windows1252_comma", .encoding = "windows-1252", .delimiter = ',',
	  .files = { { FILE_, 2, 2, 0, 0, 0, 0 } },
	  .records = {
		{ "D-2019-017", 0, 2, "2019-05-21", 23, T_GRONOMRADEN | T_NEDSKRAPNING,
		  OMR_OSTERMALM, MG_FORALDRAR, FORM_OPPET_HUS, JA, NEJ, 0 },
		{ "D-2019-018", 0, 3, "2019-06-02", 7, T_OVRIGT, OMR_FRIHAMNEN, MG_ALDRE,
		  FORM_VANDRING, NEJ, NEJ, 0 } } },
	{ .name = "ja_nej_bad",
	  .files = { { FILE_, 1, 1, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Trygghet tas upp", "Kanske", BAD_CODE "Ja, Nej.", MISSING } },
	  .records = { { "D-1", 0, 2, "2021-03-14", 5, T_TRYGGHET, OMR_GARDET, MG_UNGA,
	                 FORM_MOTE, NONE, NEJ, 0 } } },
	{ .name = "code_bad",
	  .files = { { FILE_, 1, 1, 0, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Målgrupp", "Ungdomar",
	                 BAD_CODE "Unga, Föräldrar, Äldre, Boende, Näringsidkare, Föreningar, "
	                 "Skolpersonal, Blandad.", SAKNAS },
	               { FILE_, 2, "Form", "Seminarium",
	                 BAD_CODE "Möte, Trygghetsvandring, Workshop, Digital dialog, Öppet hus.",
	                 SAKNAS } },
	  .records = { { "D-1", 0, 2, "2021-03-14", 5, T_TRYGGHET, OMR_GARDET, MG_SAKNAS,
	                 FORM_SAKNAS, JA, NEJ, 0 } } },
	{ .name = "after_as_of", .as_of = "2021-06-30",
	  .files = { { FILE_, 3, 3, 0, 0, 2, 1 } },
	  .records = {
		{ "D-1", 0, 2, PLAIN("2021-06-30", 5) }, /* 23:30 on the as-of date: not after */
		{ "D-2", 0, 3, PLAIN("2021-07-01", 5) },
		{ "D-3", 0, 4, "2021-07-02", 5, T_TRYGGHET, OMR_OKANT, MG_UNGA, FORM_DIGITAL, JA,
		  NEJ, 1 } } },
	{ .name = "field_count",
	  .files = { { FILE_, 3, 1, 2, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "", "", "Raden har 8 fält men rubrikraden har 9.", DROPPED },
	               { FILE_, 3, "", "", "Raden har 10 fält men rubrikraden har 9.", DROPPED } },
	  .records = { { "D-3", 0, 4, PLAIN("2021-03-14", 5) } } },
	{ .name = "personnummer",
	  .files = { { FILE_, 2, 1, 1, 0, 0, 0 } },
	  .rejects = { { FILE_, 2, "Dialog-ID", "[personnummer]", PNR_FOUND, DROPPED },
	               { FILE_, 3, "Målgrupp", "Unga [personnummer]", PNR_FOUND, MISSING } },
	  .records = { { "D-2", 0, 3, "2021-03-14", 5, T_TRYGGHET, OMR_GARDET, MG_SAKNAS,
	                 FORM_MOTE, JA, NEJ, 0 } } },
	{ .name = "columns_absent",
	  .files = { { FILE_, 1, 1, 0, 0, 0, 0 } },
	  .records = { { "D-1", 0, 2, "2021-03-14", -1, 0, OMR_GARDET, MG_SAKNAS, FORM_SAKNAS,
	                 NONE, NONE, 0 } } },
};

static vbs_codesets cs;
static vbs_mapping dialog;

static int setup(void **state)
{
	(void)state;
	return ing_load_mapping(&cs, &dialog, "dialog");
}

/* ---- the code indices above are those of codesets.ini --------------------- */

static const struct ing_code_index index_cases[] = {
	{ "omrade", "Östermalm city", OMR_OSTERMALM }, { "omrade", "Lärkstaden", OMR_LARKSTADEN },
	{ "omrade", "Gärdet", OMR_GARDET }, { "omrade", "Hjorthagen", OMR_HJORTHAGEN },
	{ "omrade", "Djurgården", OMR_DJURGARDEN }, { "omrade", "Frihamnen/Loudden", OMR_FRIHAMNEN },
	{ "malgrupp", "Unga", MG_UNGA }, { "malgrupp", "Föräldrar", MG_FORALDRAR },
	{ "malgrupp", "Äldre", MG_ALDRE }, { "malgrupp", "Boende", MG_BOENDE },
	{ "malgrupp", "Blandad", MG_BLANDAD },
	{ "form", "Möte", FORM_MOTE }, { "form", "Trygghetsvandring", FORM_VANDRING },
	{ "form", "Workshop", FORM_WORKSHOP }, { "form", "Digital dialog", FORM_DIGITAL },
	{ "form", "Öppet hus", FORM_OPPET_HUS },
	{ "ja_nej", "Ja", JA }, { "ja_nej", "Nej", NEJ },
	{ "tema", "trygghet", 0 }, { "tema", "belysning", 1 }, { "tema", "klotter", 2 },
	{ "tema", "extremism", 3 }, { "tema", "grönområden", 7 }, { "tema", "nedskräpning", 8 },
	{ "tema", "övrigt", 9 },
};

static void test_code_indices(void **state)
{
	(void)state;
	ing_check_code_indices(&cs, index_cases, COUNT(index_cases));
	/* The fallbacks the cases expect. */
	CHECK(cs.sets[codesets_find(&cs, "omrade")].fallback == OMR_OKANT &&
	      cs.sets[codesets_find(&cs, "malgrupp")].fallback == MG_SAKNAS &&
	      cs.sets[codesets_find(&cs, "form")].fallback == FORM_SAKNAS &&
	      cs.sets[codesets_find(&cs, "ja_nej")].fallback == -1,
	      "[code indices] the fallbacks of omrade, malgrupp, form or ja_nej changed");
}

/* ---- the cases ------------------------------------------------------------ */

static void check_files(const struct dialog_case *c, const vbs_input_files *files)
{
	ing_check_files(c->name, "dialog", c->files, ing_want_files(c->files, MAX_FILES), files);
	if (c->encoding)
		ing_check_format(c->name, &files->files[0], c->encoding, c->delimiter);
}

static void check_rejects(const struct dialog_case *c, const vbs_rejects *rj)
{
	ing_check_rejects(c->name, "dialog", c->rejects, ing_want_rejects(c->rejects, MAX_REJECTS),
	                  rj);
	ing_check_no_leak(c->name, rj, pnr, COUNT(pnr), "a personal identity number");
}

static void check_records(const struct dialog_case *c, const vbs_dialogs *out)
{
	size_t n = 0;

	while (n < MAX_RECORDS && c->records[n].id)
		n++;
	CHECK(dialogs_count(out) == n, "[%s] %zu dialogues staged, want %zu", c->name,
	      dialogs_count(out), n);
	for (size_t i = 0; i < n; i++) {
		const struct want_dialog *w = &c->records[i];
		const vbs_dialog *g = dialogs_get(out, i);
		ing_check_record_key(c->name, "dialogue", i, dialogs_id(out, i), g->origin, g->day, w->id,
		                     w->file, w->line, w->day);
		CHECK(g->participants == w->participants, "[%s] %s: participants %ld, want %ld",
		      c->name, w->id, (long)g->participants, (long)w->participants);
		CHECK(g->themes == w->themes, "[%s] %s: themes 0x%llx, want 0x%llx", c->name, w->id,
		      (unsigned long long)g->themes, (unsigned long long)w->themes);
		CHECK(g->omrade == w->omrade && g->area_unknown == w->area_unknown,
		      "[%s] %s: omrade %d area_unknown %d, want %d %d", c->name, w->id, g->omrade,
		      g->area_unknown, w->omrade, w->area_unknown);
		CHECK(g->malgrupp == w->malgrupp && g->form == w->form,
		      "[%s] %s: malgrupp %d form %d, want %d %d", c->name, w->id, g->malgrupp,
		      g->form, w->malgrupp, w->form);
		CHECK(g->trygghet == w->trygghet && g->vbe == w->vbe,
		      "[%s] %s: trygghet %d vbe %d, want %d %d (255: missing)", c->name, w->id,
		      g->trygghet, g->vbe, w->trygghet, w->vbe);
	}
}

static void test_case(void **state)
{
	const struct dialog_case *c = *state;
	char inputs[PATH_MAX_];
	vbs_ingest in;
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_dialogs out;
	vbs_error err;
	int32_t as_of;
	int rc;

	ing_case_dir(inputs, sizeof(inputs), DATA, c->name);
	CHECK(date_parse(c->as_of ? c->as_of : AS_OF, &as_of, NULL) == 0,
	      "[%s] bad as-of date in the test", c->name);
	in = ing_run_begin(inputs, &cs, as_of, &files, &rejects, &err);
	rc = ingest_dialog(&in, &dialog, 1, &out, &err);
	CHECK(rc == 0, "[%s] ingest_dialog failed: %s:%ld: %s", c->name, err.file, err.line,
	      err.message);
	check_files(c, &files);
	check_rejects(c, &rejects);
	check_records(c, &out);
	dialogs_release(&out);
	ing_run_release(&files, &rejects);
}

/* ---- a mapping the module cannot work with -------------------------------- */

struct config_case {
	const char *name;
	const char *column;
	enum { OPTIONAL, RENAMED, RETYPED, MIN_NEGATIVE } change;
	const char *message; /* a part of err.message */
};

static const struct config_case config_cases[] = {
	{ "dialog_id not required", "dialog_id", OPTIONAL, "must be required" },
	{ "datum not required", "datum", OPTIONAL, "must be required" },
	{ "no vbe_tas_upp column", "vbe_tas_upp", RENAMED, "no [column vbe_tas_upp]" },
	{ "tema is a single code", "tema", RETYPED, "[column tema] has the wrong type" },
	{ "antal_deltagare may be negative", "antal_deltagare", MIN_NEGATIVE, "min" },
};

static void test_config(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(config_cases); i++) {
		const struct config_case *c = &config_cases[i];
		vbs_mapping m = dialog;
		int col = mapping_column(&m, c->column);
		vbs_ingest in;
		vbs_input_files files;
		vbs_rejects rejects;
		vbs_dialogs out;
		vbs_error err;
		int rc;

		CHECK(col >= 0, "[%s] the mapping has no column %s", c->name, c->column);
		switch (c->change) {
		case OPTIONAL: m.columns[col].required = 0; break;
		case RENAMED: snprintf(m.columns[col].id, sizeof(m.columns[col].id), "other"); break;
		case RETYPED: m.columns[col].type = FIELD_CODE; break;
		case MIN_NEGATIVE: m.columns[col].min = -1; break;
		}
		in = ing_run_begin(DATA "/valid", &cs, 0, &files, &rejects, &err);
		rc = ingest_dialog(&in, &m, 1, &out, &err);
		ing_check_refused(c->name, rc, &err, dialog.path, c->message, &files);
		dialogs_release(&out);
		ing_run_release(&files, &rejects);
	}
}

/* ---- a missing folder ----------------------------------------------------- */

static void test_missing_folder(void **state)
{
	(void)state;
	for (int required = 0; required <= 1; required++) {
		vbs_ingest in;
		vbs_input_files files;
		vbs_rejects rejects;
		vbs_dialogs out;
		vbs_error err;
		int rc;

		in = ing_run_begin(DATA "/no_such_case", &cs, 0, &files, &rejects, &err);
		rc = ingest_dialog(&in, &dialog, required, &out, &err);
		if (required)
			CHECK(rc == -1 && err.code == VBS_E_NOINPUT,
			      "[required, no folder] rc %d code %d, want -1 with VBS_E_NOINPUT (66)", rc,
			      err.code);
		else
			CHECK(rc == 0 && dialogs_count(&out) == 0 && files.n == 0,
			      "[optional, no folder] rc %d, %zu dialogues, %zu files: want 0, 0, 0 (%s)",
			      rc, dialogs_count(&out), files.n, err.message);
		dialogs_release(&out);
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
	tests[n++] = (struct CMUnitTest){.name = "mapping refused", .test_func = test_config};
	tests[n++] = (struct CMUnitTest){.name = "missing folder", .test_func = test_missing_folder};
	return cmocka_run_group_tests_name("ingest_dialog", tests, setup, NULL);
}
