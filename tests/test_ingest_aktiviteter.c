/* test_ingest_aktiviteter: the action plan and its log read from the small
 * input folders under tests/data/ingest/aktiviteter/<case>/ with the
 * committed pipeline/ mappings and code sets: every reject (file, line,
 * column, value, reason), the staged activities and occurrences, the
 * per-file ledger, free text kept out of the rejects, and the pair rule
 * (plan without log, log without plan). Expected values are worked out by
 * hand from the files; day numbers by `date -u -d YYYY-MM-DD +%s` / 86400. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest_aktiviteter.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest_support.h"
#include "records/activities.h"

#define DATA "tests/data/ingest/aktiviteter"

enum { MAX_FILES = 4, MAX_REJECTS = 8, MAX_ACTIVITIES = 8, MAX_OCCURRENCES = 6 };

/* Days since 1970-01-01. */
enum {
	D20190110 = 17906, D20190205 = 17932, D20190210 = 17937, D20190301 = 17956,
	D20190303 = 17958, D20190306 = 17961, D20190307 = 17962, D20190310 = 17965,
	D20190311 = 17966, D20190410 = 17996, D20190416 = 18002, D20190417 = 18003,
	D20190510 = 18026, D20190606 = 18053, D20190905 = 18144, D20191202 = 18232,
	D20191231 = 18261, D20200108 = 18269, D20261031 = 20757
};

#define STAMP(day, h, m, s) ((int64_t)(day) * 86400 + (h) * 3600 + (m) * 60 + (s))

/* Code indices in pipeline/codesets.ini, in the order of inputs.md. */
enum { FOREBYGGANDE = 0, FORHINDRANDE = 1, FORENINGSBIDRAG = 2, KOMPETENSHOJANDE = 3 };
enum { AR = 0, TERMIN = 1, LOPANDE = 2 };

/* The free text of the kommentar_pnr case: never in a reject. */
#define PNR "850101-1236"
#define NAME "Kalle Anka"
#define FREE "hotade"
/* ... and of any case: none of it may reach a reject. */
static const char *const free_text[] = {PNR, NAME, FREE, "Möte", "8501011236"};

/* Reasons, written out from inputs.md's contract and messages.c. */
#define DROPPED " Raden har inte räknats."
#define AS_MISSING " Raden har räknats; värdet har behandlats som saknat."
#define NO_TARGET_EFFECT " Raden har räknats; aktiviteten följs upp utan mål, bara med antalet tillfällen."
#define R_UNKNOWN(id) "Aktiviteten " id " finns inte i plan.csv. Lägg till den i planen " \
	"eller rätta aktivitets-id:t." DROPPED
#define R_NO_TARGET(period) "Mål saknas, men perioden " period " kräver ett mål. Skriv hur " \
	"många gånger aktiviteten ska genomföras per period, eller ange perioden löpande." \
	NO_TARGET_EFFECT
#define R_TOO_LARGE "Talet är för stort. Skriv ett heltal som är högst 2147483647."
#define R_BAD_DATE "Ogiltigt datum. Skriv ÅÅÅÅ-MM-DD, eventuellt följt av tid TT:MM." DROPPED
#define R_MISSING(col) "Värde saknas i den obligatoriska kolumnen " col ". Fyll i det i " \
	"källsystemet." DROPPED
#define R_BAD_COUNT "Ogiltigt antal. Skriv ett heltal som är minst 0." AS_MISSING
#define R_PNR "Värdet ser ut att innehålla ett personnummer. Ta bort det ur källsystemet."
#define R_FIELDS(n) "Raden har " #n " fält men rubrikraden har 4. Kontrollera avgränsare " \
	"och citattecken på raden." DROPPED
#define R_PERIOD "Okänt värde. Tillåtna värden: år, termin, löpande." DROPPED
#define R_ARBETSOMRADE "Okänt värde. Tillåtna värden: Förebyggande, Förhindrande, " \
	"Föreningsbidrag, Kompetenshöjande." DROPPED

#define PLAN "aktiviteter/plan.csv"
#define LOGG "aktiviteter/logg.csv"

struct file_want {
	const char *path;
	long read, accepted, rejected, duplicates, after_as_of;
	const char *encoding; /* NULL: not checked */
	char delimiter;       /* 0: not checked */
};

struct reject_want {
	const char *file;
	long line;
	const char *column;
	const char *value;
	const char *reason;
};

struct activity_want {
	const char *id, *name, *ansvarig;
	int arbetsomrade, period;
	int32_t mal;
	const char *file;
	long line;
};

struct occurrence_want {
	const char *id;
	int32_t day;
	int64_t stamp;
	int32_t deltagare;
	const char *file;
	long line;
};

/* One input folder and what reading it must give; lists end at the first
 * entry with a NULL file/path/id. */
struct akt_case {
	const char *name;
	const char *dir;  /* under DATA */
	int required;
	int32_t as_of;
	struct file_want files[MAX_FILES];
	struct reject_want rejects[MAX_REJECTS];
	struct activity_want plan[MAX_ACTIVITIES];
	struct occurrence_want log[MAX_OCCURRENCES];
};

static const struct akt_case cases[] = {
	{ .name = "a log row with an id not in the plan", .dir = "unknown_id",
	  .as_of = D20261031,
	  .files = { { PLAN, 2, 2, 0, 0, 0, "utf-8-bom", ';' },
	             { LOGG, 4, 2, 2, 0, 0, "utf-8-bom", ';' } },
	  .rejects = { { LOGG, 3, "Aktivitet-ID", "A40", R_UNKNOWN("A40") },
	               /* ids match exactly: a01 is not A01 */
	               { LOGG, 5, "Aktivitet-ID", "a01", R_UNKNOWN("a01") } },
	  .plan = { { "A01", "Trygghetsråd", "Stadsdelsdirektör", FOREBYGGANDE, AR, 1, PLAN, 2 },
	            { "A04", "Ungdomsforum", "Chef preventionsenheten", FOREBYGGANDE, TERMIN, 2,
	              PLAN, 3 } },
	  .log = { { "A01", D20190301, STAMP(D20190301, 14, 0, 0), 14, LOGG, 2 },
	           { "A04", D20190311, STAMP(D20190311, 17, 30, 0), 16, LOGG, 4 } } },

	/* Lines 2, 3 and 6 are one moment (18:30 and 18:30:00): the last wins
	 * and keeps the place of the first; 19:30 and the day without a time
	 * are other occurrences. All three kept rows are after 16 April. */
	{ .name = "an exact repeat in the log", .dir = "duplicate", .as_of = D20190416,
	  .files = { { PLAN, 1, 1, 0, 0, 0, "utf-8", ';' },
	             { LOGG, 5, 3, 0, 2, 3, "utf-8", ';' } },
	  .plan = { { "A02", "Trygghetsvandringar", "Stadsdelsdirektör", FOREBYGGANDE, AR, 2,
	              PLAN, 2 } },
	  .log = { { "A02", D20190417, STAMP(D20190417, 18, 30, 0), 20, LOGG, 6 },
	           { "A02", D20190417, STAMP(D20190417, 19, 30, 0), 12, LOGG, 4 },
	           { "A02", D20190417, STAMP(D20190417, 0, 0, 0), 5, LOGG, 5 } } },

	/* The as-of date compares calendar dates: the same day at 19:30 is not
	 * after it. */
	{ .name = "an exact repeat, as-of on its day", .dir = "duplicate", .as_of = D20190417,
	  .files = { { PLAN, 1, 1, 0, 0, 0, NULL, 0 }, { LOGG, 5, 3, 0, 2, 0, NULL, 0 } },
	  .plan = { { "A02", "Trygghetsvandringar", "Stadsdelsdirektör", FOREBYGGANDE, AR, 2,
	              PLAN, 2 } },
	  .log = { { "A02", D20190417, STAMP(D20190417, 18, 30, 0), 20, LOGG, 6 },
	           { "A02", D20190417, STAMP(D20190417, 19, 30, 0), 12, LOGG, 4 },
	           { "A02", D20190417, STAMP(D20190417, 0, 0, 0), 5, LOGG, 5 } } },

	{ .name = "Datum with a time", .dir = "datum_time", .as_of = D20190905,
	  .files = { { PLAN, 1, 1, 0, 0, 0, NULL, 0 }, { LOGG, 4, 4, 0, 0, 1, NULL, 0 } },
	  .plan = { { "A04", "Ungdomsforum", "Chef preventionsenheten", FOREBYGGANDE, TERMIN, 2,
	              PLAN, 2 } },
	  .log = { { "A04", D20190311, STAMP(D20190311, 17, 30, 0), 16, LOGG, 2 },
	           { "A04", D20190606, STAMP(D20190606, 17, 30, 15), 15, LOGG, 3 },
	           { "A04", D20190905, STAMP(D20190905, 0, 0, 0), 17, LOGG, 4 },
	           { "A04", D20191231, STAMP(D20191231, 23, 59, 0), 9, LOGG, 5 } } },

	{ .name = "a bad or missing Datum", .dir = "bad_datum", .as_of = D20261031,
	  .files = { { PLAN, 1, 1, 0, 0, 0, NULL, 0 }, { LOGG, 5, 1, 4, 0, 0, NULL, 0 } },
	  .rejects = { { LOGG, 2, "Datum", "2019-02-30", R_BAD_DATE },
	               { LOGG, 3, "Datum", "14/3/2019", R_BAD_DATE },
	               { LOGG, 4, "Datum", "", R_MISSING("Datum") },
	               { LOGG, 5, "Datum", "2019-03-01 24:00", R_BAD_DATE } },
	  .plan = { { "A01", "Trygghetsråd", "Stadsdelsdirektör", FOREBYGGANDE, AR, 1, PLAN, 2 } },
	  .log = { { "A01", D20190301, STAMP(D20190301, 14, 0, 0), 14, LOGG, 6 } } },

	{ .name = "a bad Antal deltagare", .dir = "negative_deltagare", .as_of = D20261031,
	  .files = { { PLAN, 1, 1, 0, 0, 0, NULL, 0 }, { LOGG, 5, 5, 0, 0, 0, NULL, 0 } },
	  .rejects = { { LOGG, 2, "Antal deltagare", "-3", R_BAD_COUNT },
	               { LOGG, 3, "Antal deltagare", "tolv", R_BAD_COUNT },
	               { LOGG, 6, "Antal deltagare", "3000000000", R_TOO_LARGE AS_MISSING } },
	  .plan = { { "A16", "Sprida information", "Säkerhetsstrateg", KOMPETENSHOJANDE, LOPANDE,
	              -1, PLAN, 2 } },
	  .log = { { "A16", D20190110, STAMP(D20190110, 0, 0, 0), -1, LOGG, 2 },
	           { "A16", D20190210, STAMP(D20190210, 0, 0, 0), -1, LOGG, 3 },
	           { "A16", D20190310, STAMP(D20190310, 0, 0, 0), -1, LOGG, 4 },
	           { "A16", D20190410, STAMP(D20190410, 0, 0, 0), 0, LOGG, 5 },
	           { "A16", D20190510, STAMP(D20190510, 0, 0, 0), -1, LOGG, 6 } } },

	/* A01's plan row is dropped, so its log row is not in the plan. */
	{ .name = "an unknown Period or Arbetsområde", .dir = "unknown_code", .as_of = D20261031,
	  .files = { { PLAN, 4, 1, 3, 0, 0, NULL, 0 }, { LOGG, 2, 1, 1, 0, 0, NULL, 0 } },
	  .rejects = { { PLAN, 2, "Period", "månad", R_PERIOD },
	               { PLAN, 3, "Arbetsområde", "Förebyggand", R_ARBETSOMRADE },
	               { PLAN, 5, "Period", "", R_MISSING("Period") },
	               { LOGG, 2, "Aktivitet-ID", "A01", R_UNKNOWN("A01") } },
	  .plan = { { "A03", "Uppsökande", "Chef preventionsenheten", FOREBYGGANDE, LOPANDE, -1,
	              PLAN, 4 } },
	  .log = { { "A03", D20190306, STAMP(D20190306, 0, 0, 0), -1, LOGG, 3 } } },

	/* Blank Mål with år or termin is reported here; a bad Mål (två, a
	 * personnummer) only by source_reader, never twice. */
	{ .name = "år or termin without Mål", .dir = "ar_without_mal", .as_of = D20261031,
	  .files = { { PLAN, 8, 8, 0, 0, 0, NULL, 0 }, { LOGG, 1, 1, 0, 0, 0, NULL, 0 } },
	  .rejects = { { PLAN, 2, "Mål", "", R_NO_TARGET("år") },
	               { PLAN, 3, "Mål", "", R_NO_TARGET("termin") },
	               { PLAN, 6, "Mål", "två", R_BAD_COUNT },
	               { PLAN, 7, "Mål", "[personnummer]", R_PNR AS_MISSING },
	               { PLAN, 9, "Mål", "3000000000", R_TOO_LARGE NO_TARGET_EFFECT } },
	  .plan = { { "A01", "Trygghetsråd", "Stadsdelsdirektör", FOREBYGGANDE, AR, -1, PLAN, 2 },
	            { "A04", "Ungdomsforum", "Chef preventionsenheten", FOREBYGGANDE, TERMIN, -1,
	              PLAN, 3 },
	            { "A03", "Uppsökande", "Chef preventionsenheten", FOREBYGGANDE, LOPANDE, -1,
	              PLAN, 4 },
	            { "A06", "Samverkan med LPO", "Säkerhetsstrateg", FOREBYGGANDE, LOPANDE, 3,
	              PLAN, 5 },
	            { "A12", "Stickprovskontroller", "Kultursekreterare", FORENINGSBIDRAG, AR, -1,
	              PLAN, 6 },
	            { "A13", "Kontrollerande uppgifter", "Kultursekreterare", FORENINGSBIDRAG, AR,
	              -1, PLAN, 7 },
	            { "A05", "Lokal resursgrupp", "Kvinnofridsordnare", FOREBYGGANDE, TERMIN, 0,
	              PLAN, 8 },
	            { "A02", "Trygghetsvandringar", "Stadsdelsdirektör", FOREBYGGANDE, AR, -1,
	              PLAN, 9 } },
	  .log = { { "A01", D20190301, STAMP(D20190301, 14, 0, 0), 14, LOGG, 2 } } },

	/* A02 comes three times: plan_2019 line 3 loses to plan_2020 line 2,
	 * which loses to line 4 of the same file; A02 keeps its first place.
	 * A01 on 2 December is in both logs: logg_2019's version loses. */
	{ .name = "plan and log in two overlapping files", .dir = "plan_overlap",
	  .as_of = D20261031,
	  .files = { { "aktiviteter/plan_2019.csv", 2, 1, 0, 1, 0, NULL, 0 },
	             { "aktiviteter/plan_2020.csv", 3, 2, 0, 1, 0, NULL, 0 },
	             { "aktiviteter/logg_2019.csv", 2, 1, 0, 1, 0, NULL, 0 },
	             { "aktiviteter/logg_2020.csv", 2, 2, 0, 0, 0, NULL, 0 } },
	  .plan = { { "A01", "Trygghetsråd", "Stadsdelsdirektör", FOREBYGGANDE, AR, 1,
	              "aktiviteter/plan_2019.csv", 2 },
	            { "A02", "Trygghetsvandringar med boende och polis", "Säkerhetsstrateg",
	              FOREBYGGANDE, TERMIN, 4, "aktiviteter/plan_2020.csv", 4 },
	            { "A03", "Uppsökande", "Chef preventionsenheten", FOREBYGGANDE, LOPANDE, -1,
	              "aktiviteter/plan_2020.csv", 3 } },
	  .log = { { "A02", D20190417, STAMP(D20190417, 18, 30, 0), 17,
	             "aktiviteter/logg_2019.csv", 2 },
	           { "A01", D20191202, STAMP(D20191202, 14, 0, 0), 12,
	             "aktiviteter/logg_2020.csv", 2 },
	           { "A03", D20200108, STAMP(D20200108, 0, 0, 0), -1,
	             "aktiviteter/logg_2020.csv", 3 } } },

	/* Every Kommentar names a person with a personnummer; the row at line 6
	 * runs to line 8, so the last row starts at line 9 (5 fields). */
	{ .name = "Kommentar with a name and a personnummer", .dir = "kommentar_pnr",
	  .as_of = D20261031,
	  .files = { { PLAN, 1, 1, 0, 0, 0, NULL, 0 }, { LOGG, 6, 3, 3, 0, 0, NULL, 0 } },
	  .rejects = { { LOGG, 3, "Datum", "2019-02-31", R_BAD_DATE },
	               { LOGG, 4, "Aktivitet-ID", "A99", R_UNKNOWN("A99") },
	               { LOGG, 5, "Antal deltagare", "-1", R_BAD_COUNT },
	               { LOGG, 9, "", "", R_FIELDS(5) } },
	  .plan = { { "A03", "Uppsökande", "Chef preventionsenheten", FOREBYGGANDE, LOPANDE, -1,
	              PLAN, 2 } },
	  .log = { { "A03", D20190205, STAMP(D20190205, 0, 0, 0), -1, LOGG, 2 },
	           { "A03", D20190306, STAMP(D20190306, 0, 0, 0), -1, LOGG, 5 },
	           { "A03", D20190307, STAMP(D20190307, 0, 0, 0), 4, LOGG, 6 } } },

	{ .name = "missing required values and a wrong field count", .dir = "missing_required",
	  .as_of = D20261031,
	  .files = { { PLAN, 3, 2, 1, 0, 0, NULL, 0 }, { LOGG, 4, 1, 3, 0, 0, NULL, 0 } },
	  .rejects = { { PLAN, 3, "Aktivitet-ID", "", R_MISSING("Aktivitet-ID") },
	               { PLAN, 4, "Aktivitet", "Samtal med [personnummer]", R_PNR AS_MISSING },
	               { LOGG, 2, "Aktivitet-ID", "", R_MISSING("Aktivitet-ID") },
	               { LOGG, 3, "", "", R_FIELDS(2) },
	               { LOGG, 4, "Aktivitet-ID", "[personnummer]", R_PNR DROPPED } },
	  .plan = { { "A01", "Trygghetsråd", "Stadsdelsdirektör", FOREBYGGANDE, AR, 1, PLAN, 2 },
	            { "A05", "", "Kvinnofridsordnare", FOREBYGGANDE, TERMIN, 2, PLAN, 4 } },
	  .log = { { "A01", D20190303, STAMP(D20190303, 0, 0, 0), 3, LOGG, 5 } } },

	{ .name = "Windows-1252", .dir = "windows1252", .as_of = D20261031,
	  .files = { { PLAN, 2, 2, 0, 0, 0, "windows-1252", ';' },
	             { LOGG, 2, 2, 0, 0, 0, "windows-1252", ';' } },
	  .plan = { { "A01", "Trygghets- och säkerhetsråd (TSR), mötesfrekvens 1 gång/år",
	              "Stadsdelsdirektör", FOREBYGGANDE, AR, 1, PLAN, 2 },
	            { "A15", "Webbutbildningar till äldreomsorgen", "Säkerhetsstrateg",
	              KOMPETENSHOJANDE, LOPANDE, -1, PLAN, 3 } },
	  .log = { { "A01", D20190301, STAMP(D20190301, 14, 0, 0), 14, LOGG, 2 },
	           { "A15", D20190510, STAMP(D20190510, 0, 0, 0), 28, LOGG, 3 } } },

	{ .name = "delimiter ','", .dir = "comma", .as_of = D20261031,
	  .files = { { PLAN, 2, 2, 0, 0, 0, "utf-8", ',' }, { LOGG, 2, 2, 0, 0, 0, "utf-8", ',' } },
	  .plan = { { "A01", "Trygghets- och säkerhetsråd (TSR), mötesfrekvens 1 gång/år",
	              "Stadsdelsdirektör", FOREBYGGANDE, AR, 1, PLAN, 2 },
	            { "A15", "Webbutbildningar", "Säkerhetsstrateg", KOMPETENSHOJANDE, LOPANDE, -1,
	              PLAN, 3 } },
	  .log = { { "A01", D20190301, STAMP(D20190301, 14, 0, 0), 14, LOGG, 2 },
	           { "A15", D20190510, STAMP(D20190510, 0, 0, 0), 28, LOGG, 3 } } },

	/* Neither plan nor log: an optional source that is absent. */
	{ .name = "a folder with neither, optional", .dir = "no_files", .as_of = D20261031 },
	{ .name = "no folder, optional", .dir = "absent", .as_of = D20261031 },
};

/* A folder where reading must stop. */
struct error_case {
	const char *name;
	const char *dir;
	int required;
	vbs_status code;
	const char *file; /* err.file */
	const char *text; /* part of err.message */
};

static const struct error_case error_cases[] = {
	{ "the log without the plan", "no_plan", 0, VBS_E_NOINPUT, LOGG,
	  "cannot be checked without the action plan" },
	{ "the log without the plan, required", "no_plan", 1, VBS_E_NOINPUT, LOGG,
	  "cannot be checked without the action plan" },
	{ "a header-only log without the plan", "no_plan_header_only", 0, VBS_E_NOINPUT, LOGG,
	  "cannot be checked without the action plan" },
	{ "the plan without the log", "no_log", 0, VBS_E_NOINPUT, PLAN,
	  "has no activity log" },
	{ "a folder with neither, required", "no_files", 1, VBS_E_NOINPUT, "",
	  "required source 'aktiviteter'" },
	{ "no folder, required", "absent", 1, VBS_E_NOINPUT, "",
	  "required source 'aktiviteter'" },
};

struct fixture {
	vbs_codesets cs;
	vbs_mapping plan, logg;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	vbs_error err;

	if (!f)
		return -1;
	*state = f;
	error_init(&err);
	if (codesets_load(&f->cs, PIPELINE, &err) != 0 ||
	    mapping_load(&f->plan, PIPELINE, "aktiviteter_plan", &f->cs, &err) != 0 ||
	    mapping_load(&f->logg, PIPELINE, "aktiviteter_logg", &f->cs, &err) != 0) {
		print_error("the committed mappings do not load: %s:%ld: %s\n", err.file, err.line,
		            err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

struct run {
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_activities acts;
	vbs_error err;
	int rc;
};

static void run_read(const struct fixture *f, const char *dir, int required, int32_t as_of,
                     struct run *r)
{
	char inputs[256];

	vbs_ingest in;

	memset(r, 0, sizeof(*r));
	ing_case_dir(inputs, sizeof(inputs), DATA, dir);
	in = ing_run_begin(inputs, &f->cs, as_of, &r->files, &r->rejects, &r->err);
	r->rc = ingest_aktiviteter(&in, &f->plan, &f->logg, required, &r->acts, &r->err);
}

static void run_release(struct run *r)
{
	activities_release(&r->acts);
	ing_run_release(&r->files, &r->rejects);
}

/* The free text of any case never reaches a reject. */
static void check_no_free_text(const char *name, const vbs_rejects *rj)
{
	ing_check_no_leak(name, rj, free_text, COUNT(free_text), "free text or a personnummer");
}

static void check_files(const struct akt_case *c, const vbs_input_files *files)
{
	size_t n = 0;

	while (n < MAX_FILES && c->files[n].path)
		n++;
	CHECK(files->n == n, "[%s] %zu files in the ledger, want %zu", c->name, files->n, n);
	for (size_t i = 0; i < n; i++) {
		const struct file_want *w = &c->files[i];
		const vbs_input_file *g = &files->files[i];

		CHECK(strcmp(g->path, w->path) == 0, "[%s] file %zu is \"%s\", want \"%s\"", c->name,
		      i, g->path, w->path);
		CHECK(strcmp(g->source, "aktiviteter") == 0, "[%s] %s: source \"%s\", want aktiviteter",
		      c->name, g->path, g->source);
		CHECK(g->rows_read == g->accepted + g->rejected + g->duplicates,
		      "[%s] %s: read %ld != accepted %ld + rejected %ld + duplicates %ld", c->name,
		      g->path, g->rows_read, g->accepted, g->rejected, g->duplicates);
		CHECK(g->rows_read == w->read && g->accepted == w->accepted &&
		      g->rejected == w->rejected && g->duplicates == w->duplicates &&
		      g->after_as_of == w->after_as_of,
		      "[%s] %s: read/accepted/rejected/duplicates/after as-of %ld/%ld/%ld/%ld/%ld, "
		      "want %ld/%ld/%ld/%ld/%ld", c->name, g->path, g->rows_read, g->accepted,
		      g->rejected, g->duplicates, g->after_as_of, w->read, w->accepted, w->rejected,
		      w->duplicates, w->after_as_of);
		CHECK(!w->encoding || strcmp(g->encoding, w->encoding) == 0,
		      "[%s] %s: encoding %s, want %s", c->name, g->path, g->encoding, w->encoding);
		CHECK(!w->delimiter || g->delimiter == w->delimiter,
		      "[%s] %s: delimiter '%c', want '%c'", c->name, g->path, g->delimiter,
		      w->delimiter);
	}
}

static void check_rejects(const struct akt_case *c, const vbs_rejects *rj)
{
	size_t n = 0;

	while (n < MAX_REJECTS && c->rejects[n].file)
		n++;
	ing_check_reject_count(c->name, rj, n);
	for (size_t i = 0; i < n; i++) {
		const struct reject_want *w = &c->rejects[i];
		const vbs_reject *j = ing_find_reject(rj, w->file, w->line, w->column);

		CHECK(j, "[%s] no reject at %s line %ld column '%s'", c->name, w->file, w->line,
		      w->column);
		CHECK(strcmp(j->source, "aktiviteter") == 0, "[%s] %s line %ld: source \"%s\", "
		      "want aktiviteter", c->name, w->file, w->line, j->source);
		CHECK(strcmp(j->value, w->value) == 0, "[%s] %s line %ld column '%s': value \"%s\", "
		      "want \"%s\"", c->name, w->file, w->line, w->column, j->value, w->value);
		CHECK(strcmp(j->reason, w->reason) == 0, "[%s] %s line %ld column '%s': reason\n"
		      "  \"%s\", want\n  \"%s\"", c->name, w->file, w->line, w->column, j->reason,
		      w->reason);
	}
}

static void check_plan(const struct akt_case *c, const struct run *r)
{
	const vbs_activities *a = &r->acts;
	size_t n = 0;

	while (n < MAX_ACTIVITIES && c->plan[n].id)
		n++;
	CHECK(activities_count(a) == n, "[%s] %zu activities in the plan, want %zu", c->name,
	      activities_count(a), n);
	for (size_t i = 0; i < n; i++) {
		const struct activity_want *w = &c->plan[i];
		const vbs_activity *g = activities_get(a, i);
		const char *file = r->files.files[g->origin.file].path;

		CHECK(strcmp(activities_id(a, i), w->id) == 0, "[%s] activity %zu is \"%s\", want %s",
		      c->name, i, activities_id(a, i), w->id);
		CHECK(activities_find(a, w->id) == (int64_t)i, "[%s] lookup of %s gives %lld, want %zu",
		      c->name, w->id, (long long)activities_find(a, w->id), i);
		CHECK(strcmp(activities_text(a, g->name), w->name) == 0,
		      "[%s] %s: Aktivitet \"%s\", want \"%s\"", c->name, w->id,
		      activities_text(a, g->name), w->name);
		CHECK(strcmp(activities_text(a, g->ansvarig), w->ansvarig) == 0,
		      "[%s] %s: Ansvarig \"%s\", want \"%s\"", c->name, w->id,
		      activities_text(a, g->ansvarig), w->ansvarig);
		CHECK(g->arbetsomrade == w->arbetsomrade && g->period == w->period && g->mal == w->mal,
		      "[%s] %s: arbetsområde/period/mål %d/%d/%d, want %d/%d/%d", c->name, w->id,
		      g->arbetsomrade, g->period, (int)g->mal, w->arbetsomrade, w->period, (int)w->mal);
		CHECK(strcmp(file, w->file) == 0 && g->origin.line == w->line,
		      "[%s] %s comes from %s line %u, want %s line %ld", c->name, w->id, file,
		      (unsigned)g->origin.line, w->file, w->line);
	}
}

static void check_log(const struct akt_case *c, const struct run *r)
{
	const vbs_activities *a = &r->acts;
	size_t n = 0;

	while (n < MAX_OCCURRENCES && c->log[n].id)
		n++;
	CHECK(activities_occurrences(a) == n, "[%s] %zu occurrences, want %zu", c->name,
	      activities_occurrences(a), n);
	for (size_t i = 0; i < n; i++) {
		const struct occurrence_want *w = &c->log[i];
		const vbs_occurrence *g = activities_occurrence(a, i);
		const char *file = r->files.files[g->origin.file].path;

		CHECK(g->activity < activities_count(a) &&
		      strcmp(activities_id(a, g->activity), w->id) == 0,
		      "[%s] occurrence %zu is of activity %u (%s), want %s", c->name, i,
		      (unsigned)g->activity,
		      g->activity < activities_count(a) ? activities_id(a, g->activity) : "none",
		      w->id);
		CHECK(g->day == w->day && g->stamp == w->stamp,
		      "[%s] occurrence %zu: day %d stamp %lld, want %d %lld", c->name, i, (int)g->day,
		      (long long)g->stamp, (int)w->day, (long long)w->stamp);
		CHECK(g->deltagare == w->deltagare, "[%s] occurrence %zu: Antal deltagare %d, want %d",
		      c->name, i, (int)g->deltagare, (int)w->deltagare);
		CHECK(strcmp(file, w->file) == 0 && g->origin.line == w->line,
		      "[%s] occurrence %zu comes from %s line %u, want %s line %ld", c->name, i, file,
		      (unsigned)g->origin.line, w->file, w->line);
	}
}

static void test_cases(void **state)
{
	const struct fixture *f = *state;

	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct akt_case *c = &cases[i];
		struct run r;

		run_read(f, c->dir, c->required, c->as_of, &r);
		CHECK(r.rc == 0, "[%s] ingest failed: %s:%ld: %s", c->name, r.err.file, r.err.line,
		      r.err.message);
		check_files(c, &r.files);
		check_rejects(c, &r.rejects);
		check_no_free_text(c->name, &r.rejects);
		check_plan(c, &r);
		check_log(c, &r);
		run_release(&r);
	}
}

static void test_pair_errors(void **state)
{
	const struct fixture *f = *state;

	for (size_t i = 0; i < COUNT(error_cases); i++) {
		const struct error_case *c = &error_cases[i];
		struct run r;

		run_read(f, c->dir, c->required, D20261031, &r);
		CHECK(r.rc == -1, "[%s] ingest returned %d, want -1", c->name, r.rc);
		CHECK(r.err.code == c->code, "[%s] error code %d, want %d (%s)", c->name,
		      (int)r.err.code, (int)c->code, r.err.message);
		CHECK(strcmp(r.err.file, c->file) == 0, "[%s] the error names \"%s\", want \"%s\"",
		      c->name, r.err.file, c->file);
		CHECK(strstr(r.err.message, c->text) != NULL, "[%s] message \"%s\" lacks \"%s\"",
		      c->name, r.err.message, c->text);
		CHECK(activities_occurrences(&r.acts) == 0,
		      "[%s] %zu occurrences staged without a plan", c->name,
		      activities_occurrences(&r.acts));
		run_release(&r);
	}
}

/* A mapping missing a column the module needs is a configuration error
 * that names the mapping file. */
static void test_mapping_errors(void **state)
{
	const struct fixture *f = *state;
	vbs_mapping logg = f->logg;
	vbs_ingest in;
	struct run r;
	int k = mapping_column(&logg, "datum");

	CHECK(k >= 0, "the committed logg mapping has no datum column");
	snprintf(logg.columns[k].id, sizeof(logg.columns[k].id), "%s", "dag");
	memset(&r, 0, sizeof(r));
	in = ing_run_begin(DATA "/unknown_id", &f->cs, D20261031, &r.files, &r.rejects, &r.err);
	r.rc = ingest_aktiviteter(&in, &f->plan, &logg, 1, &r.acts, &r.err);
	CHECK(r.rc == -1 && r.err.code == VBS_E_CONFIG,
	      "[no datum column] rc %d code %d, want -1 and VBS_E_CONFIG", r.rc, (int)r.err.code);
	CHECK(strcmp(r.err.file, logg.path) == 0, "[no datum column] the error names \"%s\", "
	      "want the mapping \"%s\"", r.err.file, logg.path);
	CHECK(r.files.n == 0, "[no datum column] %zu files read before the check", r.files.n);
	run_release(&r);
}

/* The log key must not confuse activity 1 at stamp 23 with activity 12 at
 * stamp 3, and a replaced plan version keeps its place and takes the new
 * texts. */
static void test_records(void **state)
{
	vbs_activities a;
	vbs_activity act = {.origin = {.line = 2, .file = 0}, .mal = 1};
	vbs_occurrence o1 = {.origin = {.line = 2, .file = 1}, .stamp = 23, .activity = 1};
	vbs_occurrence o2 = {.origin = {.line = 3, .file = 1}, .stamp = 3, .activity = 12};
	vbs_occurrence o3 = {.origin = {.line = 4, .file = 2}, .stamp = 23, .activity = 1,
	                     .deltagare = 7};
	int loser = -1;

	(void)state;
	CHECK(activities_init(&a, 1) == 0, "[records] init failed");
	CHECK(activities_put_log(&a, &o1, &loser) == KEYED_NEW, "[records] first occurrence not new");
	CHECK(activities_put_log(&a, &o2, &loser) == KEYED_NEW,
	      "[records] activity 12 at 3 taken for activity 1 at 23");
	CHECK(activities_put_log(&a, &o3, &loser) == KEYED_REPLACED && loser == 1,
	      "[records] the repeat of activity 1 at 23 did not replace it (loser %d)", loser);
	CHECK(activities_occurrences(&a) == 2 && activities_occurrence(&a, 0)->deltagare == 7,
	      "[records] %zu occurrences, first with %d deltagare; want 2 and 7",
	      activities_occurrences(&a), (int)activities_occurrence(&a, 0)->deltagare);
	CHECK(activities_put_plan(&a, "A01", &act, "Råd", NULL, &loser) == KEYED_NEW,
	      "[records] first plan version not new");
	CHECK(activities_put_plan(&a, "A02", &act, "", "Strateg", &loser) == KEYED_NEW,
	      "[records] second id not new");
	act.origin.file = 3;
	act.mal = 2;
	CHECK(activities_put_plan(&a, "A01", &act, "Nytt råd", "Strateg", &loser) ==
	      KEYED_REPLACED && loser == 0,
	      "[records] the later A01 did not replace the earlier (loser %d)", loser);
	CHECK(activities_count(&a) == 2 && strcmp(activities_id(&a, 0), "A01") == 0 &&
	      activities_get(&a, 0)->mal == 2 && activities_get(&a, 0)->origin.file == 3,
	      "[records] A01 lost its place or its new values");
	CHECK(strcmp(activities_text(&a, activities_get(&a, 0)->name), "Nytt råd") == 0 &&
	      strcmp(activities_text(&a, activities_get(&a, 0)->ansvarig), "Strateg") == 0,
	      "[records] A01's texts are \"%s\"/\"%s\", want the later version's",
	      activities_text(&a, activities_get(&a, 0)->name),
	      activities_text(&a, activities_get(&a, 0)->ansvarig));
	CHECK(activities_get(&a, 1)->name == ACTIVITY_TEXT_NONE &&
	      strcmp(activities_text(&a, activities_get(&a, 1)->name), "") == 0,
	      "[records] an empty name is not stored as none");
	CHECK(activities_find(&a, "A03") == -1 && activities_find(&a, "a01") == -1,
	      "[records] lookup finds an id never offered");
	activities_release(&a);
	activities_release(&a); /* a released table can be released again */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_pair_errors),
		cmocka_unit_test(test_mapping_errors),
		cmocka_unit_test(test_records),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
