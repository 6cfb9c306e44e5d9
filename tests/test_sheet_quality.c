/* test_sheet_quality: the Datakvalitet sheet from a hand-built ledger of
 * input files and rejects, read back: per file the source, path, encoding,
 * delimiter and the counts as numbers (zero a number); the rejects grouped
 * by source, column and reason with their counts (two rejects with the
 * same reason count 2, the same reason in another column is its own row,
 * a whole-row reject says so); the source notes; the rules; the extra
 * notes; the line counting the series not trend-tested and the tests
 * without a value (this book's report only), or none when there are none;
 * without files or rejects, their Swedish "none" rows. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_quality.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_quality");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Alla lästa exportfiler. Uppgifter till och med 2026-10-31."
#define FILES_NOTE "Källa: exportfilerna i indatamappen. Kontrollsummor (SHA-256) finns i " \
                   "manifest.json."
#define REASONS_NOTE "Källa: rejects.csv, som anger fil, rad och värde för varje avvisat värde."
#define BAD_DATE "Datumet finns inte; skriv det som ÅÅÅÅ-MM-DD."
#define FIELDS "Raden har fel antal fält; kontrollera avgränsaren."
#define BAD_THEME "Okänt tema; använd ett tema ur kodlistan."
#define EXTRA_NOTE "Källan befolkning saknas; antal per 10 000 invånare redovisas inte."
#define TREND_LINE(skipped, serie, empty) \
	"• " skipped " " serie " kunde inte trendtestas och " empty " test gav inget värde " \
	"(till exempel för få år eller en skattning som inte finns). Orsaken står för varje " \
	"serie på bladet Trendanalys: tabell 2 och kolumnen Kommentar i tabell 1."

static const char *const file_headers[] = {
	"Källa", "Fil", "Teckenkodning", "Avgränsare", "Lästa rader", "Godkända",
	"Avvisade", "Dubbletter", "Efter uppgiftsdatum", "Okänt område",
	"VBE-ärenden utan miljö",
};
static const char *const reason_headers[] = {"Källa", "Kolumn", "Orsak och åtgärd", "Antal"};

/* Two files: IA read 10 rows, 6 accepted, 3 rejected, 1 duplicate; the
 * dialogues 4 rows, all accepted, 2 without a known area. */
static void ledger(vbs_input_files *files, vbs_rejects *rejects)
{
	vbs_error err;
	int ia, dialog;

	error_init(&err);
	input_files_init(files);
	rejects_init(rejects);
	ia = input_files_add(files, "ia", "ia/ia_2024.csv", &err);
	dialog = input_files_add(files, "dialog", "dialog/dialoger.csv", &err);
	if (ia != 0 || dialog != 1)
		fail_msg("input_files_add failed: %s", err.message);
	files->files[ia] = (vbs_input_file){
		.source = "ia", .path = "ia/ia_2024.csv", .encoding = "utf-8", .delimiter = ';',
		.rows_read = 10, .accepted = 6, .rejected = 3, .duplicates = 1, .after_as_of = 1,
		.unknown_area = 0, .vbe_blank_miljo = 3,
	};
	files->files[dialog] = (vbs_input_file){
		.source = "dialog", .path = "dialog/dialoger.csv", .encoding = "windows-1252",
		.delimiter = ',', .rows_read = 4, .accepted = 4, .unknown_area = 2,
	};
	if (rejects_add(rejects, "ia", "ia/ia_2024.csv", 3, "Händelsedatum", "2024-13-01",
	                BAD_DATE, &err) != 0 ||
	    rejects_add(rejects, "ia", "ia/ia_2024.csv", 5, "", "", FIELDS, &err) != 0 ||
	    rejects_add(rejects, "ia", "ia/ia_2024.csv", 7, "Händelsedatum", "igår", BAD_DATE,
	                &err) != 0 ||
	    rejects_add(rejects, "dialog", "dialog/dialoger.csv", 2, "Teman", "x", BAD_THEME,
	                &err) != 0 ||
	    rejects_add(rejects, "ia", "ia/ia_2024.csv", 9, "Senast ändrad", "igår", BAD_DATE,
	                &err) != 0)
		fail_msg("rejects_add failed: %s", err.message);
}

static int write_quality(vbs_xlsx *wb, const void *q)
{
	return sheet_quality_write(wb, q);
}

static vbs_trend trend(const char *report, unsigned has, const char *note)
{
	vbs_trend t = {.report = report, .source = "test", .indicator = "incidents_vbe",
	               .dimension = "total", .category = "alla", .method = "sen_slope",
	               .has = has, .direction = "ingen_sakerstalld"};

	snprintf(t.note, sizeof(t.note), "%s", note);
	return t;
}

static vbs_trend_skip untested(const char *report)
{
	return (vbs_trend_skip){.report = report, .source = "test", .indicator = "klotter_fynd",
	                        .dimension = "total", .category = "alla",
	                        .methods = TREND_MANN_KENDALL, .n_points = 3,
	                        .note = "Serien har bara 3 år."};
}

/* Tabell 1: caption A4, header A5, the files on A6-A7, note A8, a blank
 * line; Tabell 2: caption A10, header A11, four reasons on A12-A15, note
 * A16, a blank line; the rules A18-A26; the extra note A28; the trend line
 * A29. */
static void test_quality(void **state)
{
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. Lästa, godkända och avvisade rader per fil", "caption 1"),
		XR_TEXT_AT("A6", "ia", "the IA file's source"),
		XR_TEXT_AT("B6", "ia/ia_2024.csv", "the IA file's path"),
		XR_TEXT_AT("C6", "utf-8", "the IA file's encoding"),
		XR_TEXT_AT("D6", ";", "the IA file's delimiter"),
		XR_NUMBER_AT("E6", 10, XR_FMT_COUNT, "IA rows read"),
		XR_NUMBER_AT("F6", 6, XR_FMT_COUNT, "IA rows accepted"),
		XR_NUMBER_AT("G6", 3, XR_FMT_COUNT, "IA rows rejected"),
		XR_NUMBER_AT("H6", 1, XR_FMT_COUNT, "IA duplicates"),
		XR_NUMBER_AT("I6", 1, XR_FMT_COUNT, "IA rows after the as-of date"),
		XR_NUMBER_AT("J6", 0, XR_FMT_COUNT, "IA unknown areas (zero)"),
		XR_NUMBER_AT("K6", 3, XR_FMT_COUNT, "IA VBE cases without miljö"),
		XR_TEXT_AT("A7", "dialog", "the dialogue file's source"),
		XR_TEXT_AT("B7", "dialog/dialoger.csv", "the dialogue file's path"),
		XR_TEXT_AT("C7", "windows-1252", "the dialogue file's encoding"),
		XR_TEXT_AT("D7", ",", "the dialogue file's delimiter"),
		XR_NUMBER_AT("E7", 4, XR_FMT_COUNT, "dialogue rows read"),
		XR_NUMBER_AT("G7", 0, XR_FMT_COUNT, "dialogue rows rejected (zero)"),
		XR_NUMBER_AT("J7", 2, XR_FMT_COUNT, "dialogue unknown areas"),
		XR_TEXT_AT("A10", "Tabell 2. Avvisade värden och rader per orsak", "caption 2"),
		XR_TEXT_AT("A12", "ia", "the first reason's source"),
		XR_TEXT_AT("B12", "Händelsedatum", "the first reason's column"),
		XR_TEXT_AT("C12", BAD_DATE, "the first reason"),
		XR_NUMBER_AT("D12", 2, XR_FMT_COUNT, "two bad dates in one column count 2"),
		XR_TEXT_AT("B13", "(hela raden)", "a whole-row reject's column"),
		XR_TEXT_AT("C13", FIELDS, "the whole-row reason"),
		XR_NUMBER_AT("D13", 1, XR_FMT_COUNT, "one whole-row reject"),
		XR_TEXT_AT("A14", "dialog", "the dialogue reason's source"),
		XR_TEXT_AT("B14", "Teman", "the dialogue reason's column"),
		XR_NUMBER_AT("D14", 1, XR_FMT_COUNT, "one bad theme"),
		XR_TEXT_AT("B15", "Senast ändrad", "the same reason in another column"),
		XR_TEXT_AT("C15", BAD_DATE, "the same reason, its own row"),
		XR_NUMBER_AT("D15", 1, XR_FMT_COUNT, "one bad date in that column"),
		XR_TEXT_AT("A18", "Så hanteras avvikande värden", "the rules' heading"),
		XR_TEXT_AT("A26", "• För varje fil gäller: lästa rader = godkända + avvisade + "
		           "dubbletter.", "the last rule"),
		XR_TEXT_AT("A28", EXTRA_NOTE, "the extra note"),
		XR_TEXT_AT("A29", TREND_LINE("1", "serie", "1"), "the trend line"),
	};
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_trend rows[] = {
		trend("vb", TREND_HAS_P, "Skattningen finns inte."),   /* counted */
		trend("vb", TREND_HAS_P, ""),                          /* no note */
		trend("vb", TREND_HAS_ESTIMATE, "Kort serie."),        /* has a value */
		trend("lagesbild", TREND_HAS_P, "Skattningen finns inte."),
	};
	vbs_trend_skip skips[] = {untested("vb"), untested("lagesbild")};
	vbs_trends t = {.rows = rows, .n = 4, .skips = skips, .nskips = 2};
	static const char *const notes[] = {EXTRA_NOTE};
	char path[XR_PATH_BYTES];
	xr_sheet s;

	(void)state;
	ledger(&files, &rejects);
	xr_in_dir(path, tmpdir, "quality.xlsx");
	xr_write_book(tmpdir, path, write_quality, &(vbs_quality){
		.files = &files, .rejects = &rejects, .notes = notes, .nnotes = 1,
		.subtitle = SUBTITLE, .trends = &t, .report = "vb",
	}, "the data quality");
	xr_sheet_open(&s, path, "Datakvalitet");
	xr_check_text(&s, "the title", "A1", "Datakvalitet");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the data quality", want, sizeof(want) / sizeof(want[0]));
	xr_check_table(&s, "the files", "Datakvalitet_filer", "A5:K7", file_headers, 11,
	               FILES_NOTE);
	xr_check_table(&s, "the reasons", "Datakvalitet_orsaker", "A11:D15", reason_headers, 4,
	               REASONS_NOTE);
	if (xr_frozen_rows(&s) != 5)
		fail_msg("frozen below row %ld, want the files' header row 5", xr_frozen_rows(&s));
	xr_sheet_close(&s);
	input_files_release(&files);
	rejects_release(&rejects);
}

/* The trend line counts this report's skips and its tests that gave no
 * value but have a note; none of either: no line. */
static void test_trend_line(void **state)
{
	vbs_trend one_empty[] = {trend("vb", 0, "Skattningen finns inte.")};
	vbs_trend_skip two_skips[] = {untested("vb"), untested("vb")};
	vbs_trend fine[] = {trend("vb", TREND_HAS_ESTIMATE, ""),
	                    trend("lagesbild", 0, "Skattningen finns inte.")};
	vbs_trend_skip other[] = {untested("lagesbild")};
	const struct {
		const char *name;
		vbs_trends trends;
		const char *report;
		const char *want;  /* A29; NULL: empty */
	} cases[] = {
		{"two skips, no empty test", {.skips = two_skips, .nskips = 2}, "vb",
		 TREND_LINE("2", "serier", "0")},
		{"no skip, one empty test", {.rows = one_empty, .n = 1}, "vb",
		 TREND_LINE("0", "serier", "1")},
		{"only the other report's", {.rows = fine, .n = 2, .skips = other, .nskips = 1}, "vb",
		 NULL},
		{"the lägesbild counts its own", {.rows = fine, .n = 2, .skips = other, .nskips = 1},
		 "lagesbild", TREND_LINE("1", "serie", "1")},
		{"no report given", {.skips = two_skips, .nskips = 2}, NULL, NULL},
	};
	static const char *const notes[] = {EXTRA_NOTE};
	vbs_input_files files;
	vbs_rejects rejects;

	(void)state;
	ledger(&files, &rejects);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char path[XR_PATH_BYTES];
		xr_sheet s;

		xr_in_dir(path, tmpdir, "trend_line.xlsx");
		xr_write_book(tmpdir, path, write_quality, &(vbs_quality){
			.files = &files, .rejects = &rejects, .notes = notes, .nnotes = 1,
			.subtitle = SUBTITLE, .trends = &cases[i].trends, .report = cases[i].report,
		}, cases[i].name);
		xr_sheet_open(&s, path, "Datakvalitet");
		xr_check_text(&s, cases[i].name, "A28", EXTRA_NOTE);
		if (cases[i].want)
			xr_check_text(&s, cases[i].name, "A29", cases[i].want);
		else
			xr_check_empty(&s, cases[i].name, "A29");
		xr_sheet_close(&s);
	}
	input_files_release(&files);
	rejects_release(&rejects);
}

/* No file read and nothing rejected (absent or empty ledgers): each table
 * holds one row saying so. Tabell 1: header A5, A6, note A7; Tabell 2:
 * caption A9, header A10, A11, note A12; the rules A14-A22. */
static void test_nothing(void **state)
{
	static const xr_want want[] = {
		XR_TEXT_AT("A6", "Inga filer lästes.", "the files' none row"),
		XR_EMPTY_AT("B6", "a path in the none row"),
		XR_EMPTY_AT("E6", "a count in the none row"),
		XR_TEXT_AT("A9", "Tabell 2. Avvisade värden och rader per orsak", "caption 2"),
		XR_TEXT_AT("A11", "Inga värden avvisades.", "the reasons' none row"),
		XR_EMPTY_AT("D11", "a count in the none row"),
		XR_TEXT_AT("A14", "Så hanteras avvikande värden", "the rules' heading"),
		XR_EMPTY_AT("A23", "a line after the rules"),
		XR_EMPTY_AT("A24", "a note or trend line"),
	};
	vbs_input_files no_files;
	vbs_rejects no_rejects;
	const struct {
		const char *name;
		const vbs_input_files *files;
		const vbs_rejects *rejects;
	} cases[] = {
		{"absent ledgers", NULL, NULL},
		{"empty ledgers", &no_files, &no_rejects},
	};

	(void)state;
	input_files_init(&no_files);
	rejects_init(&no_rejects);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char path[XR_PATH_BYTES];
		xr_sheet s;

		xr_in_dir(path, tmpdir, "nothing.xlsx");
		xr_write_book(tmpdir, path, write_quality, &(vbs_quality){
			.files = cases[i].files, .rejects = cases[i].rejects, .subtitle = SUBTITLE,
		}, cases[i].name);
		xr_sheet_open(&s, path, "Datakvalitet");
		xr_check_cells(&s, cases[i].name, want, sizeof(want) / sizeof(want[0]));
		xr_check_table(&s, cases[i].name, "Datakvalitet_filer", "A5:K6", file_headers, 11,
		               FILES_NOTE);
		xr_check_table(&s, cases[i].name, "Datakvalitet_orsaker", "A10:D11", reason_headers,
		               4, REASONS_NOTE);
		xr_sheet_close(&s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quality),
		cmocka_unit_test(test_trend_line),
		cmocka_unit_test(test_nothing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
