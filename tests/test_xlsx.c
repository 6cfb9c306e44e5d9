/* test_xlsx: workbooks written through the xlsx layer, read back by
 * unzipping them (tests/xlsx_read.h) and reading the parts' XML: the sheet
 * name, a table with explicit headers, numbers as numbers, a suppressed
 * cell as "..", the number format that shows zero as "–", the chart and
 * its alt text, the created time from the as-of date; invalid sheet names
 * fail at xlsx_close with nothing printed on stderr; the same inputs give
 * the same bytes. The books of book.c are tested in test_book.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/xlsx.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static void in_tmp(char *path, const char *name)
{
	xr_in_dir(path, tmpdir, name);
}

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "xlsx");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

/* ---- one workbook through the xlsx layer ---------------------------------- */

#define ALT_TEXT "Stapeldiagram: ärenden per år & område, 2024–2025"
#define ALT_XML "descr=\"Stapeldiagram: ärenden per år &amp; område, 2024–2025\""

static vbs_figure count(double v, int suppressed)
{
	vbs_figure f = { .report = "vb", .source = "ia", .indicator = "incidents_vbe",
	                 .dimension = "omrade", .category = "x", .value = v,
	                 .has = FIG_VALUE | FIG_CI, .suppressed = suppressed };

	return f;
}

/* Sheet "Incidenter": title A1, subtitle A2, the table's header on row 4
 * (index 3): Område | 2024 | 2025; Gärdet 3 | ..; Djurgården 0 | (none);
 * Totalt 7 | 12. A chart of the total row. */
static int write_sample(const char *path, vbs_error *err)
{
	static const char *const headers[] = { "Område", "2024", "2025" };
	static const char *const labels[] = { "Gärdet", "Djurgården", "Totalt" };
	vbs_figure c3 = count(3, 0), c2s = count(2, 1), c0 = count(0, 0);
	vbs_figure c7 = count(7, 0), c12 = count(12, 0);
	const vbs_figure *cells[] = { &c3, &c2s, &c0, NULL, &c7, &c12 };
	char tmp[XR_PATH_BYTES];
	vbs_xlsx *wb;
	lxw_worksheet *ws;

	snprintf(tmp, sizeof(tmp), "%s", tmpdir);
	wb = xlsx_open(path, &(vbs_xlsx_props){
		.title = "Testbok", .subject = "Test", .author = "Östermalms stadsdelsförvaltning",
		.company = "Stockholms stad", .keywords = "test",
		.created_day = xr_day(2026, 10, 31), .tmpdir = tmp,
	}, err);
	if (!wb)
		return -1;
	ws = xlsx_sheet(wb, "Incidenter", "Incidenter per område",
	                "Uppgifter till och med 2026-10-31.");
	if (ws) {
		xlsx_table(wb, ws, 3, &(vbs_table){
			.name = "Test_omrade", .headers = headers, .ncols = 3,
			.labels = labels, .nrows = 3, .cells = cells,
			.source_note = "Källa: test.",
		});
		xlsx_column_chart(wb, ws, &(vbs_chart){
			.sheet = "Incidenter", .categories = {3, 1, 3, 2}, .values = {6, 1, 6, 2},
			.title = "Ärenden", .x_title = "År",
			.y_title = "Antal", .alt_text = ALT_TEXT, .at_row = 3, .at_col = 5,
		});
	}
	return xlsx_close(wb, err);
}

static void test_contents(void **state)
{
	char path[XR_PATH_BYTES], cell[512], v[256], fmt[256];
	char *wbx, *table, *sheet, *sst, *styles, *chart, *drawing, *core;
	vbs_error err;
	long s3, s0;

	(void)state;
	in_tmp(path, "a.xlsx");
	error_init(&err);
	if (write_sample(path, &err) != 0)
		fail_msg("writing the sample workbook failed: %s", err.message);
	wbx = xr_need_part(path, "xl/workbook.xml");
	table = xr_need_part(path, "xl/tables/table1.xml");
	sheet = xr_need_part(path, "xl/worksheets/sheet1.xml");
	sst = xr_need_part(path, "xl/sharedStrings.xml");
	styles = xr_need_part(path, "xl/styles.xml");
	chart = xr_need_part(path, "xl/charts/chart1.xml");
	drawing = xr_need_part(path, "xl/drawings/drawing1.xml");
	core = xr_need_part(path, "docProps/core.xml");

	xr_contains("workbook.xml: the sheet name", wbx, "<sheet name=\"Incidenter\"");
	xr_contains("table1.xml: the range", table, "ref=\"A4:C7\"");
	xr_contains("table1.xml: first header", table, "name=\"Område\"");
	xr_contains("table1.xml: header 2024", table, "name=\"2024\"");
	xr_contains("table1.xml: header 2025", table, "name=\"2025\"");
	xr_contains("table1.xml: the table's name", table, "displayName=\"Test_omrade\"");
	if (strstr(table, "Column1"))
		fail_msg("table1.xml: a default header 'Column1' instead of the explicit ones");

	/* A label is text; the title is in A1. */
	if (!xr_cell_xml(sheet, "A5", cell, sizeof(cell)) || !strstr(cell, "t=\"s\""))
		fail_msg("A5 (the label Gärdet) is not a text cell");
	xr_cell_value(cell, v, sizeof(v));
	xr_shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "Gärdet") != 0)
		fail_msg("A5 holds \"%s\", want \"Gärdet\"", v);
	if (!xr_cell_xml(sheet, "A1", cell, sizeof(cell)))
		fail_msg("no title in A1");
	xr_cell_value(cell, v, sizeof(v));
	xr_shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "Incidenter per område") != 0)
		fail_msg("A1 holds \"%s\", want the title", v);

	/* 3 is a number: no t attribute, <v>3</v>. */
	if (!xr_cell_xml(sheet, "B5", cell, sizeof(cell)))
		fail_msg("no cell B5 (Gärdet 2024)");
	xr_cell_value(cell, v, sizeof(v));
	if (strstr(cell, " t=\"") || strcmp(v, "3") != 0)
		fail_msg("B5 is %s, want a number cell with <v>3</v>", cell);
	s3 = xr_attr_long(cell, "s");

	/* The suppressed cell is the text "..". */
	if (!xr_cell_xml(sheet, "C5", cell, sizeof(cell)) || !strstr(cell, "t=\"s\""))
		fail_msg("C5 (suppressed) is not a text cell");
	xr_cell_value(cell, v, sizeof(v));
	xr_shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "..") != 0)
		fail_msg("C5 (suppressed) holds \"%s\", want \"..\"", v);

	/* Zero is the number 0, shown as "–" by its number format. */
	if (!xr_cell_xml(sheet, "B6", cell, sizeof(cell)))
		fail_msg("no cell B6 (Djurgården 2024, zero)");
	xr_cell_value(cell, v, sizeof(v));
	if (strstr(cell, " t=\"") || strcmp(v, "0") != 0)
		fail_msg("B6 is %s, want a number cell with <v>0</v>", cell);
	s0 = xr_attr_long(cell, "s");
	if (s0 < 0 || s0 != s3)
		fail_msg("zero and 3 have styles %ld and %ld, want the same count format", s0, s3);
	xr_style_format(styles, s0, fmt, sizeof(fmt));
	{
		const char *third = strchr(fmt, ';');

		third = third ? strchr(third + 1, ';') : NULL;
		if (!third || strcmp(third + 1, "\"–\"") != 0)
			fail_msg("count format \"%s\": its zero section is not \"–\"", fmt);
	}

	/* A cell without a figure is left empty; the totals are numbers. */
	if (xr_cell_xml(sheet, "C6", cell, sizeof(cell)))
		fail_msg("C6 (no figure) was written: %s", cell);
	if (!xr_cell_xml(sheet, "C7", cell, sizeof(cell)))
		fail_msg("no cell C7 (total 2025)");
	xr_cell_value(cell, v, sizeof(v));
	if (strcmp(v, "12") != 0)
		fail_msg("C7 holds %s, want 12", v);

	/* The chart: categories the header row, values the total row. */
	xr_contains("chart1.xml: categories", chart, "<c:f>Incidenter!$B$4:$C$4</c:f>");
	xr_contains("chart1.xml: values", chart, "<c:f>Incidenter!$B$7:$C$7</c:f>");
	xr_contains("drawing1.xml: alt text", drawing, ALT_XML);

	xr_contains("core.xml: created", core,
	               "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-10-31T00:00:00Z"
	               "</dcterms:created>");
	xr_contains("core.xml: author", core,
	               "<dc:creator>Östermalms stadsdelsförvaltning</dc:creator>");

	free(wbx); free(table); free(sheet); free(sst); free(styles);
	free(chart); free(drawing); free(core);
}

/* ---- sheet names ---------------------------------------------------------- */

#define A32 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
#define AA31 "åååååååååååååååååååååååååååååå" "å"

static const struct name_case {
	const char *name;
	const char *first; /* a sheet added before, or NULL */
	const char *sheet;
	int ok;
} name_cases[] = {
	{ "31 characters", NULL, A32 + 1, 1 },
	{ "32 characters", NULL, A32, 0 },
	{ "31 characters in 62 bytes (å)", NULL, AA31, 1 },
	{ "32 characters in 64 bytes (å)", NULL, AA31 "å", 0 },
	{ "contains ':'", NULL, "Incidenter:2025", 0 },
	{ "contains '/'", NULL, "Ja/Nej", 0 },
	{ "contains '\\'", NULL, "Ja\\Nej", 0 },
	{ "contains '?'", NULL, "Vad?", 0 },
	{ "contains '*'", NULL, "Alla*", 0 },
	{ "contains '['", NULL, "[2025]", 0 },
	{ "empty", NULL, "", 0 },
	{ "starts with an apostrophe", NULL, "'Data", 0 },
	{ "ends with an apostrophe", NULL, "Data'", 0 },
	{ "an apostrophe inside is fine", NULL, "Område's data", 1 },
	{ "the same name twice", "Incidenter", "Incidenter", 0 },
	{ "the same name in other case", "Incidenter", "INCIDENTER", 0 },
	{ "two different names", "Incidenter", "Metod och källor", 1 },
};

static void test_sheet_names(void **state)
{
	char path[XR_PATH_BYTES];

	(void)state;
	in_tmp(path, "bad.xlsx");
	for (size_t i = 0; i < sizeof(name_cases) / sizeof(name_cases[0]); i++) {
		const struct name_case *c = &name_cases[i];
		vbs_error err;
		vbs_xlsx *wb;
		lxw_worksheet *ws = NULL;
		int saved, rc;
		long printed;

		error_init(&err);
		saved = xr_stderr_begin(tmpdir);
		wb = xlsx_open(path, &(vbs_xlsx_props){ .title = "t", .created_day = 20000,
		                                       .tmpdir = tmpdir }, &err);
		if (wb) {
			if (c->first)
				xlsx_sheet(wb, c->first, "Titel", "Undertitel");
			ws = xlsx_sheet(wb, c->sheet, "Titel", "Undertitel");
		}
		rc = xlsx_close(wb, &err);
		printed = xr_stderr_end(tmpdir, saved, NULL, 0);
		if (!wb)
			fail_msg("case '%s': xlsx_open failed: %s", c->name, err.message);
		if (printed != 0)
			fail_msg("case '%s': %ld bytes printed on stderr", c->name, printed);
		if (c->ok && (rc != 0 || !ws))
			fail_msg("case '%s': a valid name was refused: %s", c->name, err.message);
		if (!c->ok && ws)
			fail_msg("case '%s': xlsx_sheet returned a sheet for an invalid name", c->name);
		if (!c->ok && (rc != -1 || err.code != VBS_E_SOFTWARE || !err.message[0]))
			fail_msg("case '%s': xlsx_close returned %d with code %d, want -1 and "
			         "VBS_E_SOFTWARE", c->name, rc, err.code);
	}
	unlink(path);
}

/* ---- Excel table names and headers ---------------------------------------- */

struct table_case {
	const char *name;
	const char *table;    /* the table name */
	const char *second;   /* the second column header */
	int ok;
};

/* Excel's rules for table names and headers; a bad one fails at close and
 * prints nothing. */
static const struct table_case table_cases[] = {
	{ "a plain name", "VBE_miljo", "2025", 1 },
	{ "underscore first and a dot", "_Tabell.1", "2025", 1 },
	{ "letters then digits, longer than a reference", "Tabell2025", "2025", 1 },
	{ "a cell reference", "A1", "2025", 0 },
	{ "the last cell reference", "XFD1048576", "2025", 0 },
	{ "a digit first", "1Tabell", "2025", 0 },
	{ "a space", "VBE miljo", "2025", 0 },
	{ "a hyphen", "VBE-miljo", "2025", 0 },
	{ "just C", "C", "2025", 0 },
	{ "just r", "r", "2025", 0 },
	{ "empty", "", "2025", 0 },
	{ "headers repeat in other case", "Tabell", "MILJÖ", 0 },
};

static void test_table_names(void **state)
{
	char path[XR_PATH_BYTES];

	(void)state;
	in_tmp(path, "tables.xlsx");
	for (size_t i = 0; i < sizeof(table_cases) / sizeof(table_cases[0]); i++) {
		const struct table_case *c = &table_cases[i];
		const char *headers[] = { "Miljö", c->second };
		const char *labels[] = { "Totalt" };
		const vbs_figure *cells[] = { NULL };
		vbs_error err;
		vbs_xlsx *wb;
		lxw_worksheet *ws;
		int saved, rc, row = -1;
		long printed;

		error_init(&err);
		saved = xr_stderr_begin(tmpdir);
		wb = xlsx_open(path, &(vbs_xlsx_props){ .title = "t", .created_day = 20000,
		                                       .tmpdir = tmpdir }, &err);
		if (wb && (ws = xlsx_sheet(wb, "Blad", "Titel", "Undertitel")))
			row = xlsx_table(wb, ws, 3, &(vbs_table){ .name = c->table,
			        .headers = headers, .ncols = 2, .labels = labels, .nrows = 1,
			        .cells = cells });
		rc = xlsx_close(wb, &err);
		printed = xr_stderr_end(tmpdir, saved, NULL, 0);
		if (!wb)
			fail_msg("case '%s': xlsx_open failed: %s", c->name, err.message);
		if (printed != 0)
			fail_msg("case '%s': %ld bytes printed on stderr", c->name, printed);
		if (c->ok && (rc != 0 || row < 0))
			fail_msg("case '%s': a valid table was refused: %s", c->name, err.message);
		if (!c->ok && (row >= 0 || rc != -1 || err.code != VBS_E_SOFTWARE))
			fail_msg("case '%s': table '%s' was accepted (row %d, close %d)",
			         c->name, c->table, row, rc);
	}
	unlink(path);
}

/* ---- the same inputs, the same bytes -------------------------------------- */

static void test_reproducible(void **state)
{
	char a[XR_PATH_BYTES], b[XR_PATH_BYTES];
	vbs_error err;

	(void)state;
	in_tmp(a, "a.xlsx");
	in_tmp(b, "b.xlsx");
	error_init(&err);
	if (write_sample(a, &err) != 0)
		fail_msg("first write failed: %s", err.message);
	sleep(2); /* zip times have 2-second steps: a clock leak would show */
	if (write_sample(b, &err) != 0)
		fail_msg("second write failed: %s", err.message);
	xr_check_same_bytes("the sample workbook written twice", a, b);
	unlink(a);
	unlink(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contents),
		cmocka_unit_test(test_sheet_names),
		cmocka_unit_test(test_table_names),
		cmocka_unit_test(test_reproducible),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
