/* test_xlsx: workbooks written through the xlsx layer and book, read
 * back by unzipping them (minizip) and reading the parts' XML: the sheet
 * name, a table with explicit headers, numbers as numbers, a suppressed
 * cell as "..", the number format that shows zero as "–", the chart and
 * its alt text, the created time from the as-of date; invalid sheet names
 * fail at xlsx_close with nothing printed on stderr; the same inputs give
 * the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <minizip/unzip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figures/periods.h"
#include "report/book.h"
#include "report/xlsx.h"

enum { PATH_BYTES = 600, FILE_MAX = 1 << 20 };

static char tmpdir[512];

static const char *const names[] = { "a.xlsx", "b.xlsx", "bad.xlsx", "vb1.xlsx",
                                     "vb2.xlsx", "none.xlsx", "stderr.txt" };

static void in_tmp(char *path, const char *name)
{
	snprintf(path, PATH_BYTES, "%s/%s", tmpdir, name);
}

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_xlsx_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		print_error("mkdtemp '%s': %s\n", tmpdir, strerror(errno));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	char path[PATH_BYTES];

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		in_tmp(path, names[i]);
		unlink(path);
	}
	return rmdir(tmpdir);
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil), independent of
 * base/date. */
static int32_t civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

/* ---- reading a workbook back ---------------------------------------------- */

/* The part `name` of the zip at path as a NUL-terminated string (free it),
 * or NULL when the zip has no such part. */
static char *read_part(const char *path, const char *name)
{
	unzFile z = unzOpen64(path);
	unz_file_info64 info;
	char *buf = NULL;
	int n;

	if (!z)
		fail_msg("'%s' is not a readable zip", path);
	if (unzLocateFile(z, name, 1) != UNZ_OK) {
		unzClose(z);
		return NULL;
	}
	if (unzGetCurrentFileInfo64(z, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
	    info.uncompressed_size > FILE_MAX || unzOpenCurrentFile(z) != UNZ_OK)
		fail_msg("'%s' in '%s' cannot be opened", name, path);
	buf = malloc(info.uncompressed_size + 1);
	if (!buf)
		fail_msg("out of memory in the test");
	n = unzReadCurrentFile(z, buf, (unsigned)info.uncompressed_size);
	if (n < 0 || (uint64_t)n != info.uncompressed_size || unzCloseCurrentFile(z) != UNZ_OK)
		fail_msg("'%s' in '%s' does not read back", name, path);
	buf[n] = '\0';
	unzClose(z);
	return buf;
}

static char *need_part(const char *path, const char *name)
{
	char *s = read_part(path, name);

	if (!s)
		fail_msg("'%s' has no part '%s'", path, name);
	return s;
}

static void check_contains(const char *what, const char *xml, const char *want)
{
	if (!strstr(xml, want))
		fail_msg("%s: '%s' not found", what, want);
}

/* The XML of cell ref ("B5") in a sheet, copied into out, or 0 when the
 * sheet has no such cell. */
static int cell_xml(const char *sheet, const char *ref, char *out, size_t size)
{
	char key[32];
	const char *start, *end;
	size_t n;

	snprintf(key, sizeof(key), "<c r=\"%s\"", ref);
	start = strstr(sheet, key);
	if (!start)
		return 0;
	end = strchr(start, '>');
	if (end && end[-1] != '/')
		end = strstr(start, "</c>");
	if (!end)
		fail_msg("cell %s is not closed", ref);
	n = (size_t)(end - start) + (end[0] == '<' ? 4 : 1);
	if (n >= size)
		fail_msg("cell %s is longer than the test expects", ref);
	memcpy(out, start, n);
	out[n] = '\0';
	return 1;
}

/* The value of attribute name in the first tag of xml, or -1 when absent
 * or not a number. */
static long attr_long(const char *xml, const char *name)
{
	char key[32];
	const char *end = strchr(xml, '>');
	const char *a;

	snprintf(key, sizeof(key), " %s=\"", name);
	a = strstr(xml, key);
	if (!a || (end && a > end))
		return -1;
	return strtol(a + strlen(key), NULL, 10);
}

/* The text between <v> and </v> of a cell, or "". */
static void cell_value(const char *cell, char *out, size_t size)
{
	const char *v = strstr(cell, "<v>");
	const char *e = v ? strstr(v, "</v>") : NULL;
	size_t n = v && e ? (size_t)(e - v - 3) : 0;

	if (n >= size)
		n = size - 1;
	memcpy(out, v ? v + 3 : "", n);
	out[n] = '\0';
}

/* Shared string number idx of sharedStrings.xml, copied into out. */
static void shared_string(const char *sst, long idx, char *out, size_t size)
{
	const char *si = sst;

	for (long i = 0; i <= idx; i++) {
		si = strstr(si, "<si>");
		if (!si)
			fail_msg("shared string %ld does not exist", idx);
		si += 4;
	}
	{
		const char *t = strstr(si, "<t");
		const char *b = t ? strchr(t, '>') : NULL;
		const char *e = b ? strstr(b, "</t>") : NULL;
		size_t n;

		if (!e)
			fail_msg("shared string %ld has no text", idx);
		n = (size_t)(e - b - 1);
		if (n >= size)
			n = size - 1;
		memcpy(out, b + 1, n);
		out[n] = '\0';
	}
}

/* The formatCode of the number format of cell style s (styles.xml: the
 * s-th <xf> of <cellXfs>, its numFmtId, the matching <numFmt>). */
static void style_format(const char *styles, long s, char *out, size_t size)
{
	const char *xf = strstr(styles, "<cellXfs");
	char key[64];
	const char *nf, *fc, *end;
	long id;
	size_t n;

	if (!xf)
		fail_msg("styles.xml has no cellXfs");
	for (long i = 0; i <= s; i++) {
		xf = strstr(xf + 1, "<xf ");
		if (!xf)
			fail_msg("style %ld does not exist", s);
	}
	id = attr_long(xf, "numFmtId");
	snprintf(key, sizeof(key), "<numFmt numFmtId=\"%ld\"", id);
	nf = strstr(styles, key);
	if (!nf)
		fail_msg("style %ld uses number format %ld, which styles.xml does not define", s, id);
	fc = strstr(nf, "formatCode=\"");
	end = fc ? strchr(fc + 12, '"') : NULL;
	if (!end)
		fail_msg("number format %ld has no formatCode", id);
	n = (size_t)(end - fc - 12);
	if (n >= size)
		n = size - 1;
	memcpy(out, fc + 12, n);
	out[n] = '\0';
}

/* ---- stderr --------------------------------------------------------------- */

/* Sends fd 2 to a file until stderr_end, which returns the bytes written. */
static int stderr_begin(void)
{
	char path[PATH_BYTES];
	int saved, fd;

	in_tmp(path, "stderr.txt");
	fflush(stderr);
	saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0 || dup2(fd, 2) < 0)
		fail_msg("cannot redirect stderr: %s", strerror(errno));
	close(fd);
	return saved;
}

static long stderr_end(int saved)
{
	char path[PATH_BYTES];
	struct stat st;

	in_tmp(path, "stderr.txt");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if (stat(path, &st) != 0)
		return -1;
	unlink(path);
	return (long)st.st_size;
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
	char tmp[PATH_BYTES];
	vbs_xlsx *wb;
	lxw_worksheet *ws;

	snprintf(tmp, sizeof(tmp), "%s", tmpdir);
	wb = xlsx_open(path, &(vbs_xlsx_props){
		.title = "Testbok", .subject = "Test", .author = "Östermalms stadsdelsförvaltning",
		.company = "Stockholms stad", .keywords = "test",
		.created_day = civil(2026, 10, 31), .tmpdir = tmp,
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
	char path[PATH_BYTES], cell[512], v[256], fmt[256];
	char *wbx, *table, *sheet, *sst, *styles, *chart, *drawing, *core;
	vbs_error err;
	long s3, s0;

	(void)state;
	in_tmp(path, "a.xlsx");
	error_init(&err);
	if (write_sample(path, &err) != 0)
		fail_msg("writing the sample workbook failed: %s", err.message);
	wbx = need_part(path, "xl/workbook.xml");
	table = need_part(path, "xl/tables/table1.xml");
	sheet = need_part(path, "xl/worksheets/sheet1.xml");
	sst = need_part(path, "xl/sharedStrings.xml");
	styles = need_part(path, "xl/styles.xml");
	chart = need_part(path, "xl/charts/chart1.xml");
	drawing = need_part(path, "xl/drawings/drawing1.xml");
	core = need_part(path, "docProps/core.xml");

	check_contains("workbook.xml: the sheet name", wbx, "<sheet name=\"Incidenter\"");
	check_contains("table1.xml: the range", table, "ref=\"A4:C7\"");
	check_contains("table1.xml: first header", table, "name=\"Område\"");
	check_contains("table1.xml: header 2024", table, "name=\"2024\"");
	check_contains("table1.xml: header 2025", table, "name=\"2025\"");
	check_contains("table1.xml: the table's name", table, "displayName=\"Test_omrade\"");
	if (strstr(table, "Column1"))
		fail_msg("table1.xml: a default header 'Column1' instead of the explicit ones");

	/* A label is text; the title is in A1. */
	if (!cell_xml(sheet, "A5", cell, sizeof(cell)) || !strstr(cell, "t=\"s\""))
		fail_msg("A5 (the label Gärdet) is not a text cell");
	cell_value(cell, v, sizeof(v));
	shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "Gärdet") != 0)
		fail_msg("A5 holds \"%s\", want \"Gärdet\"", v);
	if (!cell_xml(sheet, "A1", cell, sizeof(cell)))
		fail_msg("no title in A1");
	cell_value(cell, v, sizeof(v));
	shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "Incidenter per område") != 0)
		fail_msg("A1 holds \"%s\", want the title", v);

	/* 3 is a number: no t attribute, <v>3</v>. */
	if (!cell_xml(sheet, "B5", cell, sizeof(cell)))
		fail_msg("no cell B5 (Gärdet 2024)");
	cell_value(cell, v, sizeof(v));
	if (strstr(cell, " t=\"") || strcmp(v, "3") != 0)
		fail_msg("B5 is %s, want a number cell with <v>3</v>", cell);
	s3 = attr_long(cell, "s");

	/* The suppressed cell is the text "..". */
	if (!cell_xml(sheet, "C5", cell, sizeof(cell)) || !strstr(cell, "t=\"s\""))
		fail_msg("C5 (suppressed) is not a text cell");
	cell_value(cell, v, sizeof(v));
	shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "..") != 0)
		fail_msg("C5 (suppressed) holds \"%s\", want \"..\"", v);

	/* Zero is the number 0, shown as "–" by its number format. */
	if (!cell_xml(sheet, "B6", cell, sizeof(cell)))
		fail_msg("no cell B6 (Djurgården 2024, zero)");
	cell_value(cell, v, sizeof(v));
	if (strstr(cell, " t=\"") || strcmp(v, "0") != 0)
		fail_msg("B6 is %s, want a number cell with <v>0</v>", cell);
	s0 = attr_long(cell, "s");
	if (s0 < 0 || s0 != s3)
		fail_msg("zero and 3 have styles %ld and %ld, want the same count format", s0, s3);
	style_format(styles, s0, fmt, sizeof(fmt));
	{
		const char *third = strchr(fmt, ';');

		third = third ? strchr(third + 1, ';') : NULL;
		if (!third || strcmp(third + 1, "&quot;–&quot;") != 0)
			fail_msg("count format \"%s\": its zero section is not \"–\"", fmt);
	}

	/* A cell without a figure is left empty; the totals are numbers. */
	if (cell_xml(sheet, "C6", cell, sizeof(cell)))
		fail_msg("C6 (no figure) was written: %s", cell);
	if (!cell_xml(sheet, "C7", cell, sizeof(cell)))
		fail_msg("no cell C7 (total 2025)");
	cell_value(cell, v, sizeof(v));
	if (strcmp(v, "12") != 0)
		fail_msg("C7 holds %s, want 12", v);

	/* The chart: categories the header row, values the total row. */
	check_contains("chart1.xml: categories", chart, "<c:f>Incidenter!$B$4:$C$4</c:f>");
	check_contains("chart1.xml: values", chart, "<c:f>Incidenter!$B$7:$C$7</c:f>");
	check_contains("drawing1.xml: alt text", drawing, ALT_XML);

	check_contains("core.xml: created", core,
	               "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-10-31T00:00:00Z"
	               "</dcterms:created>");
	check_contains("core.xml: author", core,
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
	char path[PATH_BYTES];

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
		saved = stderr_begin();
		wb = xlsx_open(path, &(vbs_xlsx_props){ .title = "t", .created_day = 20000,
		                                       .tmpdir = tmpdir }, &err);
		if (wb) {
			if (c->first)
				xlsx_sheet(wb, c->first, "Titel", "Undertitel");
			ws = xlsx_sheet(wb, c->sheet, "Titel", "Undertitel");
		}
		rc = xlsx_close(wb, &err);
		printed = stderr_end(saved);
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
	char path[PATH_BYTES];

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
		saved = stderr_begin();
		wb = xlsx_open(path, &(vbs_xlsx_props){ .title = "t", .created_day = 20000,
		                                       .tmpdir = tmpdir }, &err);
		if (wb && (ws = xlsx_sheet(wb, "Blad", "Titel", "Undertitel")))
			row = xlsx_table(wb, ws, 3, &(vbs_table){ .name = c->table,
			        .headers = headers, .ncols = 2, .labels = labels, .nrows = 1,
			        .cells = cells });
		rc = xlsx_close(wb, &err);
		printed = stderr_end(saved);
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

static size_t slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("cannot read '%s'", path);
	n = fread(buf, 1, size, f);
	fclose(f);
	if (n == size)
		fail_msg("'%s' is larger than the test's buffer", path);
	return n;
}

static void check_same_bytes(const char *what, const char *a, const char *b)
{
	static char ba[FILE_MAX], bb[FILE_MAX];
	size_t na = slurp(a, ba, sizeof(ba)), nb = slurp(b, bb, sizeof(bb));

	if (na != nb || memcmp(ba, bb, na) != 0) {
		size_t i = 0;

		while (i < na && i < nb && ba[i] == bb[i])
			i++;
		fail_msg("%s: %zu and %zu bytes, first difference at byte %zu", what, na, nb, i);
	}
}

static void test_reproducible(void **state)
{
	char a[PATH_BYTES], b[PATH_BYTES];
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
	check_same_bytes("the sample workbook written twice", a, b);
	unlink(a);
	unlink(b);
}

/* ---- book (the VB appendix) ------------------------------------------------------------ */

static vbs_figure vbfig(const char *period, const char *indicator, const char *dimension,
                        const char *category, double v, int suppressed)
{
	vbs_figure f = { .report = "vb", .source = "ia", .indicator = indicator,
	                 .dimension = dimension, .category = category, .value = v,
	                 .has = FIG_VALUE | FIG_CI, .suppressed = suppressed };

	snprintf(f.period, sizeof(f.period), "%s", period);
	return f;
}

static void vb_figures(vbs_figures *t)
{
	const vbs_figure rows[] = {
		vbfig("2024", "incidents_vbe", "total", "alla", 7, 0),
		vbfig("2025", "incidents_vbe", "total", "alla", 0, 0),
		vbfig("2024", "incidents_vbe", "miljo", "Vit makt-miljön", 3, 0),
		vbfig("2025", "incidents_vbe", "miljo", "Vit makt-miljön", 0, 0),
		vbfig("2024", "incidents_vbe", "miljo", "Okänd", 4, 1),
		vbfig("2025", "incidents_vbe", "miljo", "Okänd", 0, 0),
	};
	vbs_error err;

	figures_init(t);
	error_init(&err);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (figures_add(t, &rows[i], &err) != 0)
			fail_msg("figures_add failed");
}

/* Sheet Incidenter: the caption of table 1 on row 4 (index 3), its header
 * on row 5 (Miljö | 2024 | 2025), Vit makt-miljön row 6, Okänd row 7,
 * Totalt row 8; the chart draws B5:C5 against B8:C8. */
static void test_vb_workbook(void **state)
{
	static vbs_periods p;
	char a[PATH_BYTES], b[PATH_BYTES], cell[512], v[256];
	char *wbx, *table, *sheet, *sst, *chart, *drawing, *core;
	vbs_figures t;
	vbs_error err;
	vbs_report_ctx ctx;
	int32_t as_of = civil(2026, 10, 31);

	(void)state;
	if (periods_build(&p, "vb", 2024, as_of) != 0 || p.n != 2)
		fail_msg("periods_build failed");
	vb_figures(&t);
	ctx = (vbs_report_ctx){ .figures = &t, .periods = &p, .as_of = as_of,
	                        .report_year = 2025, .district = "Östermalm",
	                        .tmpdir = tmpdir };
	in_tmp(a, "vb1.xlsx");
	in_tmp(b, "vb2.xlsx");
	error_init(&err);
	if (book_write(&ctx, a, &err) != 0)
		fail_msg("vb_workbook_write failed: %s", err.message);
	wbx = need_part(a, "xl/workbook.xml");
	table = need_part(a, "xl/tables/table1.xml");
	/* Sammanfattning is the first sheet, Incidenter the second. */
	sheet = need_part(a, "xl/worksheets/sheet2.xml");
	sst = need_part(a, "xl/sharedStrings.xml");
	chart = need_part(a, "xl/charts/chart1.xml");
	drawing = need_part(a, "xl/drawings/drawing1.xml");
	core = need_part(a, "docProps/core.xml");

	check_contains("VB workbook.xml: the sheet", wbx, "<sheet name=\"Incidenter\"");
	/* The sheets in the order issue 7 gives. */
	{
		static const char *const order[] = {
			"Sammanfattning", "Incidenter", "Trygghet", "Medborgardialoger", "Uppföljning",
			"Trendanalys", "Datakvalitet", "Metod och källor",
		};
		const char *at = wbx;

		for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
			char tag[64];

			snprintf(tag, sizeof(tag), "<sheet name=\"%s\"", order[k]);
			if (!(at = strstr(at, tag)))
				fail_msg("VB workbook.xml: sheet %s missing or out of order", order[k]);
		}
		if (strstr(wbx, "name=\"Månader\""))
			fail_msg("VB workbook.xml: the VB book has the lägesbild's Månader sheet");
	}
	check_contains("VB table1.xml: range", table, "ref=\"A5:C8\"");
	check_contains("VB table1.xml: first header", table, "name=\"Miljö\"");
	check_contains("VB table1.xml: header 2024", table, "name=\"2024\"");
	check_contains("VB table1.xml: header 2025", table, "name=\"2025\"");
	if (strstr(table, "Column1"))
		fail_msg("VB table1.xml: a default header 'Column1'");
	if (!cell_xml(sheet, "B6", cell, sizeof(cell)))
		fail_msg("VB: no cell B6 (Vit makt-miljön 2024)");
	cell_value(cell, v, sizeof(v));
	if (strstr(cell, " t=\"") || strcmp(v, "3") != 0)
		fail_msg("VB B6 is %s, want the number 3", cell);
	if (!cell_xml(sheet, "B7", cell, sizeof(cell)) || !strstr(cell, "t=\"s\""))
		fail_msg("VB B7 (suppressed Okänd 2024) is not text");
	cell_value(cell, v, sizeof(v));
	shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "..") != 0)
		fail_msg("VB B7 holds \"%s\", want \"..\"", v);
	if (!cell_xml(sheet, "A8", cell, sizeof(cell)))
		fail_msg("VB: no label in A8");
	cell_value(cell, v, sizeof(v));
	shared_string(sst, strtol(v, NULL, 10), v, sizeof(v));
	if (strcmp(v, "Totalt") != 0)
		fail_msg("VB A8 holds \"%s\", want \"Totalt\"", v);
	if (!cell_xml(sheet, "B8", cell, sizeof(cell)))
		fail_msg("VB: no total in B8");
	cell_value(cell, v, sizeof(v));
	if (strcmp(v, "7") != 0)
		fail_msg("VB B8 holds %s, want the total 7", v);
	check_contains("VB chart: categories", chart, "<c:f>Incidenter!$B$5:$C$5</c:f>");
	check_contains("VB chart: values", chart, "<c:f>Incidenter!$B$8:$C$8</c:f>");
	check_contains("VB drawing: alt text of the line chart", drawing, "descr=\"Linjediagram över antalet");
	check_contains("VB drawing: alt text of the breakdown bars", drawing,
	               "descr=\"Liggande stapeldiagram över ärenden");
	check_contains("VB core.xml: created", core, ">2026-10-31T00:00:00Z</dcterms:created>");
	free(wbx); free(table); free(sheet); free(sst); free(chart); free(drawing); free(core);

	sleep(2);
	if (book_write(&ctx, b, &err) != 0)
		fail_msg("second vb_workbook_write failed: %s", err.message);
	check_same_bytes("the VB workbook written twice", a, b);
	unlink(a);
	unlink(b);

	/* No period: nothing to write, a data error, no file. */
	p.n = 0;
	in_tmp(a, "none.xlsx");
	error_init(&err);
	if (book_write(&ctx, a, &err) != -1 || err.code != VBS_E_DATA)
		fail_msg("no periods: code %d, want VBS_E_DATA (%d)", err.code, VBS_E_DATA);
	if (access(a, F_OK) == 0)
		fail_msg("no periods: a workbook was written anyway");
	figures_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contents),
		cmocka_unit_test(test_sheet_names),
		cmocka_unit_test(test_table_names),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_vb_workbook),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
