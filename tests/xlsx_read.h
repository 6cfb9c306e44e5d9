/* xlsx_read: test support shared by the workbook tests, header only: read a
 * written workbook back with minizip (a part, a sheet by name, a cell's XML,
 * value, text and number format, a shared string, the Excel tables and
 * charts of a sheet), check cells, tables and notes against expected values,
 * keep a temporary folder, capture stderr, write one workbook through
 * xlsx_open / a writer / xlsx_close, and build a figures table from rows.
 *
 * Every function is static inline, so a test that uses few of them compiles
 * without "unused" warnings. A failed check calls cmocka's fail_msg with a
 * sentence naming the sheet, the cell and what was expected. Include it after
 * <cmocka.h>. */
#ifndef VBS_TESTS_XLSX_READ_H
#define VBS_TESTS_XLSX_READ_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <minizip/unzip.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figures/figures.h"
#include "report/xlsx.h"

enum {
	XR_DIR_BYTES = 512,       /* a temporary folder */
	XR_PATH_BYTES = 600,      /* a file in it */
	XR_PART_MAX = 1 << 22,    /* the largest part a test reads */
	XR_TEXT_BYTES = 4096,     /* a cell's text, a table's XML attribute */
	XR_NAME_BYTES = 128,      /* a sheet or table name */
	XR_CELL_BYTES = 1024      /* a cell's XML */
};

/* The number formats of issue 7, as styles.xml spells them once the XML
 * escapes are undone: counts "1 234", one decimal "12,3", per cent
 * "31,2 %", each with zero shown as "–"; test statistics with three
 * decimals and p-values with four. */
#define XR_FMT_COUNT "#,##0;-#,##0;\"–\""
#define XR_FMT_DECIMAL "#,##0.0;-#,##0.0;\"–\""
#define XR_FMT_PERCENT "0.0 %;-0.0 %;\"–\""
#define XR_FMT_PRECISE "0.000;-0.000;\"–\""
#define XR_FMT_PVALUE "0.0000"

/* ---- dates ----------------------------------------------------------------- */

/* Days since 1970-01-01 (H. Hinnant's days_from_civil), independent of
 * base/date. */
static inline int32_t xr_day(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

/* ---- a temporary folder ---------------------------------------------------- */

/* Creates $TMPDIR/vbs_<tag>_XXXXXX (or under /tmp) into dir (XR_DIR_BYTES,
 * so that a file name fits in XR_PATH_BYTES). Returns 0, or
 * -1 after printing why (for a cmocka group setup). */
static inline int xr_tmpdir_make(char *dir, size_t size, const char *tag)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, size, "%s/vbs_%s_XXXXXX", t && *t ? t : "/tmp", tag);
	if (!mkdtemp(dir)) {
		print_error("mkdtemp '%s': %s\n", dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* Removes dir and everything in it (one level of sub-folders). */
static inline int xr_tmpdir_remove(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[XR_PATH_BYTES];

	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path))
			continue;
		if (unlink(path) != 0)
			xr_tmpdir_remove(path);
	}
	closedir(d);
	return rmdir(dir);
}

/* "<dir>/<name>" into path (XR_PATH_BYTES). */
static inline void xr_in_dir(char *path, const char *dir, const char *name)
{
	snprintf(path, XR_PATH_BYTES, "%s/%s", dir, name);
}

/* ---- stderr ---------------------------------------------------------------- */

/* Sends fd 2 to <dir>/stderr.txt until xr_stderr_end; returns the saved
 * descriptor. */
static inline int xr_stderr_begin(const char *dir)
{
	char path[XR_PATH_BYTES];
	int saved, fd;

	xr_in_dir(path, dir, "stderr.txt");
	fflush(stderr);
	saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0 || dup2(fd, 2) < 0)
		fail_msg("cannot redirect stderr: %s", strerror(errno));
	close(fd);
	return saved;
}

/* Restores fd 2 and returns the bytes printed meanwhile (-1 when unknown);
 * the first of them go into got (when not NULL), NUL-terminated. */
static inline long xr_stderr_end(const char *dir, int saved, char *got, size_t size)
{
	char path[XR_PATH_BYTES];
	struct stat st;
	long n = -1;

	xr_in_dir(path, dir, "stderr.txt");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if (got && size)
		got[0] = '\0';
	if (stat(path, &st) == 0) {
		n = (long)st.st_size;
		if (got && size) {
			FILE *f = fopen(path, "rb");
			size_t k = f ? fread(got, 1, size - 1, f) : 0;

			got[k] = '\0';
			if (f)
				fclose(f);
		}
	}
	unlink(path);
	return n;
}

/* ---- files and zip parts --------------------------------------------------- */

/* The whole file at path (free it), its size in *n. */
static inline char *xr_file_read(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size = -1;

	if (!f)
		fail_msg("cannot read '%s': %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) == 0)
		size = ftell(f);
	if (size < 0 || fseek(f, 0, SEEK_SET) != 0)
		fail_msg("cannot find the size of '%s'", path);
	buf = malloc((size_t)size + 1);
	if (!buf)
		fail_msg("out of memory in the test");
	*n = fread(buf, 1, (size_t)size, f);
	fclose(f);
	if (*n != (size_t)size)
		fail_msg("'%s' did not read whole", path);
	buf[*n] = '\0';
	return buf;
}

/* Fails unless the files at a and b hold the same bytes. */
static inline void xr_check_same_bytes(const char *what, const char *a, const char *b)
{
	size_t na, nb, i = 0;
	char *ba = xr_file_read(a, &na), *bb = xr_file_read(b, &nb);
	int same = na == nb && memcmp(ba, bb, na) == 0;

	while (!same && i < na && i < nb && ba[i] == bb[i])
		i++;
	free(ba);
	free(bb);
	if (!same)
		fail_msg("%s: %zu and %zu bytes, first difference at byte %zu", what, na, nb, i);
}

/* The part `name` of the zip at path as a NUL-terminated string (free it),
 * or NULL when the zip has no such part. */
static inline char *xr_part(const char *path, const char *name)
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
	    info.uncompressed_size > XR_PART_MAX || unzOpenCurrentFile(z) != UNZ_OK)
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

/* Like xr_part, failing when the part is missing. */
static inline char *xr_need_part(const char *path, const char *name)
{
	char *s = xr_part(path, name);

	if (!s)
		fail_msg("'%s' has no part '%s'", path, name);
	return s;
}

static inline void xr_contains(const char *what, const char *xml, const char *want)
{
	if (!strstr(xml, want))
		fail_msg("%s: '%s' not found", what, want);
}

/* ---- XML ------------------------------------------------------------------- */

/* Undoes the five XML escapes and numeric character references below 128
 * in place. */
static inline void xr_unescape(char *s)
{
	static const struct {
		const char *code;
		char c;
	} esc[] = {{"&quot;", '"'}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&apos;", '\''}};
	char *w = s;

	while (*s) {
		size_t k, n = sizeof(esc) / sizeof(esc[0]);

		for (k = 0; *s == '&' && k < n; k++)
			if (strncmp(s, esc[k].code, strlen(esc[k].code)) == 0)
				break;
		if (*s == '&' && k < n) {
			*w++ = esc[k].c;
			s += strlen(esc[k].code);
		} else if (*s == '&' && s[1] == '#' && strchr(s, ';')) {
			long c = s[2] == 'x' ? strtol(s + 3, NULL, 16) : strtol(s + 2, NULL, 10);

			*w++ = c > 0 && c < 128 ? (char)c : '?';
			s = strchr(s, ';') + 1;
		} else {
			*w++ = *s++;
		}
	}
	*w = '\0';
}

/* The value of attribute name in the first tag of xml, unescaped, into out;
 * 0 when the tag has no such attribute. */
static inline int xr_attr(const char *xml, const char *name, char *out, size_t size)
{
	char key[64];
	const char *end = strchr(xml, '>');
	const char *a, *q;
	size_t n;

	snprintf(key, sizeof(key), " %s=\"", name);
	a = strstr(xml, key);
	if (!a || (end && a > end))
		return 0;
	a += strlen(key);
	q = strchr(a, '"');
	if (!q)
		fail_msg("attribute %s is not closed", name);
	n = (size_t)(q - a);
	if (n >= size)
		fail_msg("attribute %s is longer than the test expects (%zu bytes)", name, n);
	memcpy(out, a, n);
	out[n] = '\0';
	xr_unescape(out);
	return 1;
}

/* The value of attribute name in the first tag of xml, or -1 when absent
 * or not a number. */
static inline long xr_attr_long(const char *xml, const char *name)
{
	char v[64];
	char *end;
	long n;

	if (!xr_attr(xml, name, v, sizeof(v)))
		return -1;
	n = strtol(v, &end, 10);
	return end == v ? -1 : n;
}

/* The XML of cell ref ("B5") in a sheet, copied into out, or 0 when the
 * sheet has no such cell. */
static inline int xr_cell_xml(const char *sheet, const char *ref, char *out, size_t size)
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

/* The text between <v> and </v> of a cell, or "" (also for "<v/>"). */
static inline void xr_cell_value(const char *cell, char *out, size_t size)
{
	const char *v = strstr(cell, "<v>");
	const char *e = v ? strstr(v, "</v>") : NULL;
	size_t n = v && e ? (size_t)(e - v - 3) : 0;

	if (n >= size)
		n = size - 1;
	memcpy(out, v && e ? v + 3 : "", n);
	out[n] = '\0';
}

/* Shared string number idx of sharedStrings.xml, unescaped, into out. */
static inline void xr_shared_string(const char *sst, long idx, char *out, size_t size)
{
	const char *si = sst, *t, *b, *e;
	size_t n;

	if (idx < 0)
		fail_msg("shared string %ld does not exist", idx);
	for (long i = 0; i <= idx; i++) {
		si = strstr(si, "<si>");
		if (!si)
			fail_msg("shared string %ld does not exist", idx);
		si += 4;
	}
	t = strstr(si, "<t");
	b = t ? strchr(t, '>') : NULL;
	e = b ? strstr(b, "</t>") : NULL;
	if (!e)
		fail_msg("shared string %ld has no text", idx);
	n = (size_t)(e - b - 1);
	if (n >= size)
		n = size - 1;
	memcpy(out, b + 1, n);
	out[n] = '\0';
	xr_unescape(out);
}

/* The formatCode of the number format of cell style s (styles.xml: the
 * s-th <xf> of <cellXfs>, its numFmtId, the matching <numFmt>), with the
 * XML escapes undone; "General" for built-in format 0. */
static inline void xr_style_format(const char *styles, long s, char *out, size_t size)
{
	const char *xf = strstr(styles, "<cellXfs");
	char key[64];
	const char *nf;
	long id;

	if (!xf)
		fail_msg("styles.xml has no cellXfs");
	for (long i = 0; i <= s; i++) {
		xf = strstr(xf + 1, "<xf ");
		if (!xf)
			fail_msg("style %ld does not exist", s);
	}
	id = xr_attr_long(xf, "numFmtId");
	if (id == 0) {
		snprintf(out, size, "General");
		return;
	}
	snprintf(key, sizeof(key), "<numFmt numFmtId=\"%ld\"", id);
	nf = strstr(styles, key);
	if (!nf)
		fail_msg("style %ld uses number format %ld, which styles.xml does not define", s, id);
	if (!xr_attr(nf, "formatCode", out, size))
		fail_msg("number format %ld has no formatCode", id);
}

/* ---- cell references ------------------------------------------------------- */

/* Splits "AB12" into the 0-based column and the 1-based row. */
static inline void xr_ref_split(const char *ref, int *col, int *row)
{
	int c = 0;

	while (*ref >= 'A' && *ref <= 'Z')
		c = c * 26 + (*ref++ - 'A' + 1);
	*col = c - 1;
	*row = atoi(ref);
}

/* The reference of 0-based column col and 1-based row, into out (16). */
static inline void xr_ref(int col, int row, char *out)
{
	char letters[8];
	int n = 0;

	for (col++; col > 0; col = (col - 1) / 26)
		letters[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = letters[n - 1 - i];
	snprintf(out + n, 16 - (size_t)n, "%d", row);
}

/* ---- sheets ---------------------------------------------------------------- */

/* One sheet of a written workbook and the parts it is read with. */
typedef struct xr_sheet {
	char path[XR_PATH_BYTES];  /* the workbook */
	char name[XR_NAME_BYTES];  /* the sheet's name */
	char part[XR_NAME_BYTES];  /* "xl/worksheets/sheet2.xml" */
	char *xml;                 /* the sheet */
	char *rels;                /* its relationships, or "" */
	char *sst;                 /* the workbook's shared strings, or "" */
	char *styles;              /* the workbook's styles */
	char *drawing;             /* the sheet's drawing, or "" */
	char *drawing_rels;        /* the drawing's relationships, or "" */
} xr_sheet;

/* The target of relationship id ("rId3") in a .rels part, into out. */
static inline int xr_rel_target(const char *rels, const char *id, char *out, size_t size)
{
	char key[64];
	const char *r, *start;

	snprintf(key, sizeof(key), " Id=\"%s\"", id);
	r = strstr(rels, key);
	if (!r)
		return 0;
	start = r;
	while (start > rels && *start != '<')
		start--;
	return xr_attr(start, "Target", out, size);
}

/* A target relative to folder ("xl/worksheets") as a part name. */
static inline void xr_resolve(const char *folder, const char *target, char *out, size_t size)
{
	int n;

	if (strncmp(target, "../", 3) == 0)
		n = snprintf(out, size, "xl/%s", target + 3);
	else if (target[0] == '/')
		n = snprintf(out, size, "%s", target + 1);
	else
		n = snprintf(out, size, "%s/%s", folder, target);
	if (n < 0 || (size_t)n >= size)
		fail_msg("the part name of '%s' is longer than the test expects", target);
}

/* The names of the sheets of the workbook at path, in order; returns how
 * many (at most max). */
static inline int xr_sheet_names(const char *path, char names[][XR_NAME_BYTES], int max)
{
	char *wbx = xr_need_part(path, "xl/workbook.xml");
	const char *s = wbx;
	int n = 0;

	while ((s = strstr(s, "<sheet ")) != NULL && n < max) {
		if (!xr_attr(s, "name", names[n], XR_NAME_BYTES))
			fail_msg("'%s': a <sheet> without a name", path);
		n++;
		s++;
	}
	free(wbx);
	return n;
}

/* Opens sheet `name` of the workbook at path; fails when there is none. */
static inline void xr_sheet_open(xr_sheet *s, const char *path, const char *name)
{
	char *wbx = xr_need_part(path, "xl/workbook.xml");
	char *wrels = xr_need_part(path, "xl/_rels/workbook.xml.rels");
	char key[XR_NAME_BYTES + 32], id[32], target[XR_NAME_BYTES], rels[XR_NAME_BYTES * 2];
	const char *tag;

	memset(s, 0, sizeof(*s));
	snprintf(s->path, sizeof(s->path), "%s", path);
	snprintf(s->name, sizeof(s->name), "%s", name);
	snprintf(key, sizeof(key), "<sheet name=\"%s\"", name);
	tag = strstr(wbx, key);
	if (!tag)
		fail_msg("'%s' has no sheet named '%s'", path, name);
	if (!xr_attr(tag, "r:id", id, sizeof(id)) || !xr_rel_target(wrels, id, target, sizeof(target)))
		fail_msg("sheet '%s' of '%s' has no part", name, path);
	xr_resolve("xl", target, s->part, sizeof(s->part));
	free(wbx);
	free(wrels);
	s->xml = xr_need_part(path, s->part);
	{
		const char *slash = strrchr(s->part, '/');

		snprintf(rels, sizeof(rels), "%.*s/_rels/%s.rels", (int)(slash - s->part), s->part,
		         slash + 1);
	}
	s->rels = xr_part(path, rels);
	s->sst = xr_part(path, "xl/sharedStrings.xml");
	s->styles = xr_need_part(path, "xl/styles.xml");
	if (!s->rels)
		s->rels = strdup("");
	if (!s->sst)
		s->sst = strdup("");
	/* The drawing: the sheet's relationship of type .../drawing. */
	{
		const char *d = strstr(s->rels, "/relationships/drawing\"");
		char dpart[XR_NAME_BYTES], drels[XR_NAME_BYTES * 2];

		if (d) {
			while (d > s->rels && *d != '<')
				d--;
			if (!xr_attr(d, "Target", target, sizeof(target)))
				fail_msg("sheet '%s': a drawing without a target", name);
			xr_resolve("xl/worksheets", target, dpart, sizeof(dpart));
			s->drawing = xr_need_part(path, dpart);
			snprintf(drels, sizeof(drels), "xl/drawings/_rels/%s.rels", strrchr(dpart, '/') + 1);
			s->drawing_rels = xr_need_part(path, drels);
		} else {
			s->drawing = strdup("");
			s->drawing_rels = strdup("");
		}
	}
	if (!s->rels || !s->sst || !s->drawing || !s->drawing_rels)
		fail_msg("out of memory in the test");
}

static inline void xr_sheet_close(xr_sheet *s)
{
	free(s->xml);
	free(s->rels);
	free(s->sst);
	free(s->styles);
	free(s->drawing);
	free(s->drawing_rels);
	memset(s, 0, sizeof(*s));
}

/* What a cell holds. */
typedef enum xr_holds { XR_HOLDS_NOTHING, XR_HOLDS_TEXT, XR_HOLDS_NUMBER } xr_holds;

/* Reads cell ref: its text (a shared string) or its number as written into
 * out, and its style (-1 without one) into *style when not NULL. A cell
 * that is absent or has no value holds nothing. */
static inline xr_holds xr_cell(const xr_sheet *s, const char *ref, char *out, size_t size,
                               long *style)
{
	char cell[XR_CELL_BYTES], t[16];

	out[0] = '\0';
	if (style)
		*style = -1;
	if (!xr_cell_xml(s->xml, ref, cell, sizeof(cell)))
		return XR_HOLDS_NOTHING;
	if (style)
		*style = xr_attr_long(cell, "s");
	xr_cell_value(cell, out, size);
	if (!xr_attr(cell, "t", t, sizeof(t)))
		return out[0] ? XR_HOLDS_NUMBER : XR_HOLDS_NOTHING;
	if (strcmp(t, "s") != 0)
		fail_msg("sheet '%s' cell %s has type t=\"%s\"; the test reads shared strings only",
		         s->name, ref, t);
	xr_shared_string(s->sst, strtol(out, NULL, 10), out, size);
	return XR_HOLDS_TEXT;
}

/* The text of cell ref, failing unless it is a text cell. */
static inline void xr_text(const xr_sheet *s, const char *ref, char *out, size_t size)
{
	if (xr_cell(s, ref, out, size, NULL) != XR_HOLDS_TEXT)
		fail_msg("sheet '%s' cell %s is not a text cell (holds '%s')", s->name, ref, out);
}

/* Fails unless cell ref is the text want. */
static inline void xr_check_text(const xr_sheet *s, const char *what, const char *ref,
                                 const char *want)
{
	char got[XR_TEXT_BYTES];
	xr_holds h = xr_cell(s, ref, got, sizeof(got), NULL);

	if (h != XR_HOLDS_TEXT)
		fail_msg("%s: sheet '%s' cell %s %s '%s', want the text\n  \"%s\"", what, s->name, ref,
		         h == XR_HOLDS_NOTHING ? "is empty" : "is the number", got, want);
	if (strcmp(got, want) != 0)
		fail_msg("%s: sheet '%s' cell %s\n   got \"%s\"\n  want \"%s\"", what, s->name, ref,
		         got, want);
}

/* Fails unless cell ref is the number want (to 1e-12, relative) with the
 * number format fmt (a formatCode; NULL: not checked). */
static inline void xr_check_number(const xr_sheet *s, const char *what, const char *ref,
                                   double want, const char *fmt)
{
	char got[XR_TEXT_BYTES], format[XR_TEXT_BYTES];
	long style;
	xr_holds h = xr_cell(s, ref, got, sizeof(got), &style);
	double x;

	if (h != XR_HOLDS_NUMBER)
		fail_msg("%s: sheet '%s' cell %s %s '%s', want the number %.17g", what, s->name, ref,
		         h == XR_HOLDS_NOTHING ? "is empty" : "is the text", got, want);
	x = strtod(got, NULL);
	if (!(fabs(x - want) <= 1e-12 * (fabs(want) > 1 ? fabs(want) : 1)))
		fail_msg("%s: sheet '%s' cell %s holds %s, want %.17g", what, s->name, ref, got, want);
	if (!fmt)
		return;
	if (style < 0)
		snprintf(format, sizeof(format), "General");
	else
		xr_style_format(s->styles, style, format, sizeof(format));
	if (strcmp(format, fmt) != 0)
		fail_msg("%s: sheet '%s' cell %s has the number format \"%s\", want \"%s\"", what,
		         s->name, ref, format, fmt);
}

/* Fails unless cell ref holds nothing. */
static inline void xr_check_empty(const xr_sheet *s, const char *what, const char *ref)
{
	char got[XR_TEXT_BYTES];

	if (xr_cell(s, ref, got, sizeof(got), NULL) != XR_HOLDS_NOTHING)
		fail_msg("%s: sheet '%s' cell %s holds '%s', want nothing", what, s->name, ref, got);
}

/* An expected cell, for tables of them. */
typedef struct xr_want {
	const char *ref;
	xr_holds holds;
	const char *text;    /* XR_HOLDS_TEXT */
	double number;       /* XR_HOLDS_NUMBER */
	const char *format;  /* XR_HOLDS_NUMBER: formatCode, NULL: not checked */
	const char *what;    /* what the cell is: "Gärdet 2024" */
} xr_want;

#define XR_TEXT_AT(ref, text, what) {(ref), XR_HOLDS_TEXT, (text), 0, NULL, (what)}
#define XR_NUMBER_AT(ref, x, fmt, what) {(ref), XR_HOLDS_NUMBER, NULL, (x), (fmt), (what)}
#define XR_EMPTY_AT(ref, what) {(ref), XR_HOLDS_NOTHING, NULL, 0, NULL, (what)}

/* Checks n expected cells; a failure names the case and the cell. */
static inline void xr_check_cells(const xr_sheet *s, const char *case_name, const xr_want *w,
                                  size_t n)
{
	char what[XR_TEXT_BYTES];

	for (size_t i = 0; i < n; i++) {
		snprintf(what, sizeof(what), "%s, %s", case_name, w[i].what);
		if (w[i].holds == XR_HOLDS_TEXT)
			xr_check_text(s, what, w[i].ref, w[i].text);
		else if (w[i].holds == XR_HOLDS_NUMBER)
			xr_check_number(s, what, w[i].ref, w[i].number, w[i].format);
		else
			xr_check_empty(s, what, w[i].ref);
	}
}

/* The row (1-based) below which the sheet's panes are frozen: the first
 * table's header row; 0 when nothing is frozen. */
static inline long xr_frozen_rows(const xr_sheet *s)
{
	const char *pane = strstr(s->xml, "<pane ");
	char state[32];

	if (!pane || !xr_attr(pane, "state", state, sizeof(state)) || strcmp(state, "frozen") != 0)
		return 0;
	return xr_attr_long(pane, "ySplit");
}

/* ---- Excel tables ---------------------------------------------------------- */

/* The names of the Excel tables of the sheet, in the order they were
 * added; returns how many (at most max). */
static inline int xr_table_names(const xr_sheet *s, char names[][XR_NAME_BYTES], int max)
{
	const char *r = s->rels;
	int n = 0;

	while ((r = strstr(r, "/relationships/table\"")) != NULL && n < max) {
		const char *tag = r;
		char target[XR_NAME_BYTES], part[XR_NAME_BYTES];
		char *xml;

		while (tag > s->rels && *tag != '<')
			tag--;
		if (!xr_attr(tag, "Target", target, sizeof(target)))
			fail_msg("sheet '%s': a table without a target", s->name);
		xr_resolve("xl/worksheets", target, part, sizeof(part));
		xml = xr_need_part(s->path, part);
		if (!xr_attr(strstr(xml, "<table "), "displayName", names[n], XR_NAME_BYTES))
			fail_msg("sheet '%s': table part '%s' has no displayName", s->name, part);
		free(xml);
		n++;
		r++;
	}
	return n;
}

/* The XML of the sheet's Excel table named name (free it), or NULL. */
static inline char *xr_table(const xr_sheet *s, const char *name)
{
	const char *r = s->rels;

	while ((r = strstr(r, "/relationships/table\"")) != NULL) {
		const char *tag = r;
		char target[XR_NAME_BYTES], part[XR_NAME_BYTES], display[XR_NAME_BYTES];
		char *xml;

		while (tag > s->rels && *tag != '<')
			tag--;
		if (!xr_attr(tag, "Target", target, sizeof(target)))
			fail_msg("sheet '%s': a table without a target", s->name);
		xr_resolve("xl/worksheets", target, part, sizeof(part));
		xml = xr_need_part(s->path, part);
		if (xr_attr(strstr(xml, "<table "), "displayName", display, sizeof(display)) &&
		    strcmp(display, name) == 0)
			return xml;
		free(xml);
		r++;
	}
	return NULL;
}

/* Fails unless the sheet has an Excel table `name` over `ref` ("A5:C8")
 * whose ncols column headers are headers, in order, written in its header
 * row too, with the source note `note` in column A right under it (NULL:
 * nothing there). */
static inline void xr_check_table(const xr_sheet *s, const char *what, const char *name,
                                  const char *ref, const char *const *headers, int ncols,
                                  const char *note)
{
	char *xml = xr_table(s, name);
	char got[XR_TEXT_BYTES], cell[16], w[XR_TEXT_BYTES];
	const char *col;
	int c0, r0, c1, r1, n = 0;

	if (!xml)
		fail_msg("%s: sheet '%s' has no Excel table named '%s'", what, s->name, name);
	if (!xr_attr(strstr(xml, "<table "), "ref", got, sizeof(got)) || strcmp(got, ref) != 0)
		fail_msg("%s: table '%s' covers %s, want %s", what, name, got, ref);
	if (strstr(xml, "\"Column1\""))
		fail_msg("%s: table '%s' has a default header 'Column1'", what, name);
	xr_ref_split(ref, &c0, &r0);
	xr_ref_split(strchr(ref, ':') + 1, &c1, &r1);
	if (c1 - c0 + 1 != ncols)
		fail_msg("%s: table '%s' has %d columns, want %d", what, name, c1 - c0 + 1, ncols);
	for (col = xml; (col = strstr(col, "<tableColumn ")) != NULL; col++, n++) {
		if (n >= ncols)
			fail_msg("%s: table '%s' has more than the %d headers wanted", what, name, ncols);
		if (!xr_attr(col, "name", got, sizeof(got)) || strcmp(got, headers[n]) != 0)
			fail_msg("%s: table '%s' header %d is \"%s\", want \"%s\"", what, name, n + 1, got,
			         headers[n]);
		xr_ref(c0 + n, r0, cell);
		snprintf(w, sizeof(w), "%s, header %d of table %s", what, n + 1, name);
		xr_check_text(s, w, cell, headers[n]);
	}
	if (n != ncols)
		fail_msg("%s: table '%s' has %d headers, want %d", what, name, n, ncols);
	free(xml);
	xr_ref(0, r1 + 1, cell);
	snprintf(w, sizeof(w), "%s, the source note under table %s", what, name);
	if (note)
		xr_check_text(s, w, cell, note);
	else
		xr_check_empty(s, w, cell);
}

/* ---- charts ---------------------------------------------------------------- */

/* The number of charts on the sheet; *alt_texts (when not NULL) gets how
 * many of them carry a non-empty alt text (descr). */
static inline int xr_charts(const xr_sheet *s, int *alt_texts)
{
	const char *f = s->drawing;
	int n = 0, alts = 0;

	while ((f = strstr(f, "<xdr:graphicFrame")) != NULL) {
		const char *pr = strstr(f, "<xdr:cNvPr ");
		char descr[XR_TEXT_BYTES];

		if (pr && xr_attr(pr, "descr", descr, sizeof(descr)) && descr[0])
			alts++;
		n++;
		f++;
	}
	if (alt_texts)
		*alt_texts = alts;
	return n;
}

/* The alt text of chart k (0-based) of the sheet into out. */
static inline void xr_chart_alt(const xr_sheet *s, int k, char *out, size_t size)
{
	const char *f = s->drawing;

	for (int i = 0; i <= k; i++)
		if (!(f = strstr(i ? f + 1 : f, "<xdr:graphicFrame")))
			fail_msg("sheet '%s' has no chart %d", s->name, k + 1);
	f = strstr(f, "<xdr:cNvPr ");
	if (!f || !xr_attr(f, "descr", out, size))
		out[0] = '\0';
}

/* The XML of chart k (0-based) of the sheet (free it). */
static inline char *xr_chart_xml(const xr_sheet *s, int k)
{
	const char *f = s->drawing;
	char id[32], target[XR_NAME_BYTES], part[XR_NAME_BYTES];

	for (int i = 0; i <= k; i++)
		if (!(f = strstr(i ? f + 1 : f, "<xdr:graphicFrame")))
			fail_msg("sheet '%s' has no chart %d", s->name, k + 1);
	f = strstr(f, "<c:chart ");
	if (!f || !xr_attr(f, "r:id", id, sizeof(id)) ||
	    !xr_rel_target(s->drawing_rels, id, target, sizeof(target)))
		fail_msg("sheet '%s': chart %d has no part", s->name, k + 1);
	xr_resolve("xl/drawings", target, part, sizeof(part));
	return xr_need_part(s->path, part);
}

/* ---- writing a workbook for a test ----------------------------------------- */

/* Adds sheets to wb; returns 0, or -1 (the error is kept in wb). */
typedef int (*xr_write_fn)(vbs_xlsx *wb, const void *arg);

/* Writes the workbook at path through xlsx_open, write and xlsx_close,
 * libxlsxwriter's temporary files in dir, with stderr captured: fails the
 * test when any step fails or anything is printed on stderr. */
static inline void xr_write_book(const char *dir, const char *path, xr_write_fn write,
                                 const void *arg, const char *what)
{
	vbs_error err;
	vbs_xlsx *wb;
	char printed[256];
	int saved, rc = -1, closed;
	long n;

	error_init(&err);
	saved = xr_stderr_begin(dir);
	wb = xlsx_open(path, &(vbs_xlsx_props){
		.title = "Test", .subject = "Test", .author = "Test", .company = "Test",
		.keywords = "test", .created_day = xr_day(2026, 10, 31), .tmpdir = dir,
	}, &err);
	if (wb)
		rc = write(wb, arg);
	closed = xlsx_close(wb, &err);
	n = xr_stderr_end(dir, saved, printed, sizeof(printed));
	if (!wb)
		fail_msg("%s: xlsx_open failed: %s", what, err.message);
	if (rc != 0 || closed != 0)
		fail_msg("%s: writing returned %d and xlsx_close %d: %s", what, rc, closed, err.message);
	if (n != 0)
		fail_msg("%s: %ld bytes printed on stderr: %s", what, n, printed);
}

/* ---- figures --------------------------------------------------------------- */

/* A figure as a test writes it down; keys are string literals. */
typedef struct xr_fig {
	const char *report, *indicator, *period, *dimension, *category;
	double value;
	int suppressed;
	unsigned has;              /* enum figure_has; 0: FIG_VALUE */
	double ci_low, ci_high, n;
} xr_fig;

/* Fills t (figures_init'ed here) with the rows, in order; the year is the
 * period's first four digits. */
static inline void xr_figures(vbs_figures *t, const xr_fig *rows, size_t n)
{
	vbs_error err;

	figures_init(t);
	error_init(&err);
	for (size_t i = 0; i < n; i++) {
		const xr_fig *r = &rows[i];
		vbs_figure f = {
			.report = r->report, .source = "test", .indicator = r->indicator,
			.dimension = r->dimension, .category = r->category, .value = r->value,
			.ci_low = r->ci_low, .ci_high = r->ci_high, .n = r->n,
			.has = r->has ? r->has : FIG_VALUE, .suppressed = r->suppressed,
			.year = atoi(r->period),
		};

		snprintf(f.period, sizeof(f.period), "%s", r->period);
		if (figures_add(t, &f, &err) != 0)
			fail_msg("figures_add failed on row %zu: %s", i, err.message);
	}
}

#endif
