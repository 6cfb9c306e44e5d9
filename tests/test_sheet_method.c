/* test_sheet_method: the Metod och källor sheet, read back: the methods and
 * the disclosure rule with its symbols ".." and "–" in plain Swedish, the
 * sources with the as-of date and the program version, and every input
 * file with its accepted rows and its SHA-256 in lower-case hex (digests of
 * bytes written by the test, the expected hex from sha256sum); without
 * files, the "none" row. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/digest.h"
#include "report/sheet_method.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_method");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2024–2025. Uppgifter till och med 2026-10-31."
#define FILES_NOTE "Källa: manifest.json, som också anger konfigurationsfilernas " \
                   "kontrollsummor och körningens id."

/* printf 'Ärende-ID;Händelsedatum\n1;2024-03-01\n' | sha256sum */
#define IA_BYTES "Ärende-ID;Händelsedatum\n1;2024-03-01\n"
#define IA_SHA256 "4d20f4be2c86890a0ec82d7f99e8e607601ecc14900e3316d2e0c30c83f6f74f"
/* printf '' | sha256sum */
#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static const char *const headers[] = {"Källa", "Fil", "Godkända rader", "SHA-256"};

static int write_method(vbs_xlsx *wb, const void *ctx)
{
	return sheet_method_write(wb, ctx, SUBTITLE);
}

/* Writes bytes to <tmpdir>/name and puts their SHA-256 into out. */
static void digest_of(const char *name, const char *bytes, unsigned char out[DIGEST_SIZE])
{
	char path[XR_PATH_BYTES];
	vbs_error err;
	FILE *f;

	xr_in_dir(path, tmpdir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, strlen(bytes), f) != strlen(bytes) || fclose(f) != 0)
		fail_msg("cannot write '%s'", path);
	error_init(&err);
	if (digest_file(path, out, &err) != 0)
		fail_msg("digest_file '%s': %s", path, err.message);
	unlink(path);
}

/* The methods A4-A12, a blank line, the disclosure rule A14-A19, a blank
 * line, the sources A21, a blank line, the caption A23, the files' table
 * A24:D26 and its note A27. */
static void test_method(void **state)
{
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Metoder", "the methods' heading"),
		XR_TEXT_AT("A10", "• Riktning: ökande eller minskande när p-värdet är under 0,05, "
		           "annars ingen säkerställd förändring. p-värdet redovisas alltid.",
		           "the direction's rule"),
		XR_TEXT_AT("A14", "Röjandekontroll och symboler", "the disclosure heading"),
		XR_TEXT_AT("A15", "• .. betyder att uppgiften inte redovisas. Ett antal mellan 1 och "
		           "4 i en uppdelning (till exempel per område) redovisas inte när någon av "
		           "uppgifterna rör en person, eftersom det kan peka ut personen. Totalen för "
		           "hela stadsdelsområdet redovisas alltid.", "the symbol .."),
		XR_TEXT_AT("A18", "• – betyder noll.", "the symbol –"),
		XR_TEXT_AT("A21", "Källor: incidentrapporter (IA), trygghetsmätningen, "
		           "medborgardialoger, befolkningen, handlingsplanens aktivitetslogg, "
		           "klotterloggen och blanketter med avidentifierad information, med uppgifter "
		           "till och med 2026-10-31. Programversion: vbestat 9.8.7.",
		           "the sources, the as-of date and the version"),
		XR_TEXT_AT("A23", "Tabell 1. Lästa filer och deras kontrollsummor", "the caption"),
		XR_TEXT_AT("A25", "ia", "the IA file's source"),
		XR_TEXT_AT("B25", "ia/ia_2024.csv", "the IA file's path"),
		XR_NUMBER_AT("C25", 1, XR_FMT_COUNT, "the IA file's accepted rows"),
		XR_TEXT_AT("D25", IA_SHA256, "the IA file's SHA-256"),
		XR_TEXT_AT("A26", "dialog", "the empty file's source"),
		XR_TEXT_AT("B26", "dialog/tom.csv", "the empty file's path"),
		XR_NUMBER_AT("C26", 0, XR_FMT_COUNT, "the empty file's accepted rows (zero)"),
		XR_TEXT_AT("D26", EMPTY_SHA256, "the empty file's SHA-256"),
	};
	vbs_input_files files;
	vbs_figures figs = {0};
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .files = &files,
	                      .as_of = xr_day(2026, 10, 31), .version = "9.8.7"};
	char path[XR_PATH_BYTES];
	vbs_error err;
	xr_sheet s;

	(void)state;
	error_init(&err);
	input_files_init(&files);
	if (input_files_add(&files, "ia", "ia/ia_2024.csv", &err) != 0 ||
	    input_files_add(&files, "dialog", "dialog/tom.csv", &err) != 1)
		fail_msg("input_files_add failed: %s", err.message);
	files.files[0].accepted = 1;
	files.files[0].rows_read = 1;
	digest_of("ia_2024.csv", IA_BYTES, files.files[0].sha256);
	digest_of("tom.csv", "", files.files[1].sha256);
	xr_in_dir(path, tmpdir, "method.xlsx");
	xr_write_book(tmpdir, path, write_method, &ctx, "the method");
	xr_sheet_open(&s, path, "Metod och källor");
	xr_check_text(&s, "the title", "A1", "Metod och källor");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the method", want, sizeof(want) / sizeof(want[0]));
	xr_check_table(&s, "the files", "Metod_kallfiler", "A24:D26", headers, 4, FILES_NOTE);
	if (xr_frozen_rows(&s) != 24)
		fail_msg("frozen below row %ld, want the files' header row 24", xr_frozen_rows(&s));
	xr_sheet_close(&s);
	input_files_release(&files);
}

/* No file read (absent or empty ledger): one row saying so. */
static void test_no_files(void **state)
{
	vbs_input_files empty;
	const struct {
		const char *name;
		const vbs_input_files *files;
	} cases[] = {
		{"no ledger", NULL},
		{"an empty ledger", &empty},
	};

	(void)state;
	input_files_init(&empty);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vbs_figures figs = {0};
		vbs_periods periods = {.report = "vb"};
		vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .files = cases[i].files,
		                      .as_of = xr_day(2026, 10, 31), .version = "9.8.7"};
		char path[XR_PATH_BYTES];
		xr_sheet s;

		xr_in_dir(path, tmpdir, "no_files.xlsx");
		xr_write_book(tmpdir, path, write_method, &ctx, cases[i].name);
		xr_sheet_open(&s, path, "Metod och källor");
		xr_check_text(&s, cases[i].name, "A25", "Inga filer lästes.");
		xr_check_empty(&s, cases[i].name, "D25");
		xr_check_table(&s, cases[i].name, "Metod_kallfiler", "A24:D25", headers, 4,
		               FILES_NOTE);
		xr_sheet_close(&s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_method),
		cmocka_unit_test(test_no_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
