/* test_csv_reader: one committed file per export quirk (tests/data/csv/),
 * encoding edge cases and limits in temp files, and a seeded round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/csv_reader.h"

#define DATA "tests/data/csv/"


enum { MAX_ROWS = 16, ROW_TEXT = 256, MISMATCH_TEXT = 512 };

/* ---- helpers ------------------------------------------------------------ */

/* Independent UTF-8 check (RFC 3629 table), to prove none leaks out. */
static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t need;
		unsigned char lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			need = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			need = 3;
		else
			return 0;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
		if (i + need >= n)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= need; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += need + 1;
	}
	return 1;
}

/* Rows as text "f1|f2|...", with their lines and indexes. */
struct collected {
	size_t n;
	long line[MAX_ROWS];
	long index[MAX_ROWS];
	char text[MAX_ROWS][ROW_TEXT];
	char bad[MISMATCH_TEXT]; /* first broken promise of the reader, or "" */
};

static int collect(const csv_row *row, void *ctx, vbs_error *err)
{
	struct collected *c = ctx;
	size_t used = 0;

	(void)err;
	if (c->n == MAX_ROWS) {
		snprintf(c->bad, sizeof(c->bad), "more than %d rows", MAX_ROWS);
		return 0;
	}
	c->line[c->n] = row->line;
	c->index[c->n] = row->index;
	c->text[c->n][0] = '\0';
	for (size_t i = 0; i < row->nfields; i++) {
		const char *f = row->fields[i];

		if (strlen(f) != row->lengths[i] && !c->bad[0])
			snprintf(c->bad, sizeof(c->bad),
			         "row %ld field %zu: length %zu but strlen %zu",
			         row->index, i, row->lengths[i], strlen(f));
		if (!valid_utf8((const unsigned char *)f, row->lengths[i]) && !c->bad[0])
			snprintf(c->bad, sizeof(c->bad),
			         "row %ld field %zu is not valid UTF-8", row->index, i);
		used += (size_t)snprintf(c->text[c->n] + used, ROW_TEXT - used,
		                         "%s%s", i ? "|" : "", f);
		if (used >= ROW_TEXT)
			used = ROW_TEXT - 1;
	}
	c->n++;
	return 0;
}

/* Writes n bytes to a new temp file; path gets its name. */
static void write_temp(char *path, size_t size, const void *bytes, size_t n)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	snprintf(path, size, "%s/vbs_csv_XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	CHECK(fd >= 0, "mkstemp '%s': %s", path, strerror(errno));
	CHECK(write(fd, bytes, n) == (ssize_t)n, "write '%s': %s", path,
	      strerror(errno));
	CHECK(close(fd) == 0, "close '%s'", path);
}

/* Reads bytes through a temp file (removed again) into *got. */
static int read_bytes(const void *bytes, size_t n, struct collected *got,
                      csv_info *info, vbs_error *err)
{
	char path[512];
	int rc;

	write_temp(path, sizeof(path), bytes, n);
	rc = csv_reader_read(path, "tmp.csv", got ? collect : NULL, got, info, err);
	unlink(path);
	return rc;
}

static void check_str(const char *what, const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return;
	print_error("%s: got \"", what);
	for (const char *s = got; *s; s++)
		print_error(*s == '\n' ? "\\n" : *s == '\r' ? "\\r" : "%c", *s);
	print_error("\", want \"");
	for (const char *s = want; *s; s++)
		print_error(*s == '\n' ? "\\n" : *s == '\r' ? "\\r" : "%c", *s);
	print_error("\"\n");
	fail();
}

/* ---- good files --------------------------------------------------------- */

struct want_row {
	long line;
	const char *text;
};

struct file_case {
	const char *name;
	const char *path;
	csv_encoding enc;
	char delim;
	long lines, header_line, rows;
	struct want_row want[MAX_ROWS]; /* header first; ends at text NULL */
};

static const struct file_case file_cases[] = {
	{ .name = "UTF-8, ';', LF", .path = DATA "utf8_semicolon_lf.csv",
	  .enc = CSV_ENC_UTF8, .delim = ';', .lines = 3, .header_line = 1, .rows = 2,
	  .want = { { 1, "Namn|Miljö|Värde" }, { 2, "Åsa|Skärholmen|1,25" },
	            { 3, "Örjan|Älvsjö|2" } } },
	{ .name = "UTF-8 with BOM, CRLF, quoted first header field",
	  .path = DATA "utf8_bom_crlf.csv",
	  .enc = CSV_ENC_UTF8_BOM, .delim = ';', .lines = 2, .header_line = 1, .rows = 1,
	  .want = { { 1, "Namn|Ort" }, { 2, "Éva|Åre" } } },
	{ .name = "Windows-1252, CRLF", .path = DATA "windows1252_crlf.csv",
	  .enc = CSV_ENC_WINDOWS_1252, .delim = ';', .lines = 3, .header_line = 1, .rows = 2,
	  .want = { { 1, "Namn|Miljö" }, { 2, "Åsa|Hägersten" },
	            { 3, "Örjan|Älvsjö é €" } } },
	{ .name = "',' delimiter, CRLF", .path = DATA "comma_crlf.csv",
	  .enc = CSV_ENC_UTF8, .delim = ',', .lines = 3, .header_line = 1, .rows = 2,
	  .want = { { 1, "a|b|c" }, { 2, "1|2|3" }, { 3, "4|5|6" } } },
	{ .name = "no final line end", .path = DATA "no_final_newline.csv",
	  .enc = CSV_ENC_UTF8, .delim = ';', .lines = 3, .header_line = 1, .rows = 2,
	  .want = { { 1, "a|b" }, { 2, "1|2" }, { 3, "3|4" } } },
	{ .name = "quoted: delimiter, doubled quotes, LF and CRLF inside",
	  .path = DATA "quoted.csv",
	  .enc = CSV_ENC_UTF8, .delim = ';', .lines = 11, .header_line = 1, .rows = 6,
	  .want = { { 1, "id|text|n" }, { 2, "1|a;b|x" }, { 3, "2|say \"hi\"|y" },
	            { 4, "3|two\nlines|z" }, { 6, "4|crlf\r\ninside|w" },
	            { 8, "five\n\nstarts|e|f" }, { 11, "6|last|g" } } },
	{ .name = "empty and delimiter-only lines skipped, spaces kept",
	  .path = DATA "empty_lines.csv",
	  .enc = CSV_ENC_UTF8, .delim = ';', .lines = 14, .header_line = 3, .rows = 3,
	  .want = { { 3, "h1|h2" }, { 6, "1|2" }, { 10, "3\n\n|4" },
	            { 14, " a | b " } } },
	{ .name = "header only", .path = DATA "header_only.csv",
	  .enc = CSV_ENC_UTF8, .delim = ';', .lines = 1, .header_line = 1, .rows = 0,
	  .want = { { 1, "Namn|Miljö" } } },
	{ .name = "one column: a tie gives ';'", .path = DATA "one_column.csv",
	  .enc = CSV_ENC_UTF8, .delim = ';', .lines = 3, .header_line = 1, .rows = 2,
	  .want = { { 1, "Namn" }, { 2, "Åsa" }, { 3, "Bo" } } },
	{ .name = "header after blank lines, ';' inside quotes not counted",
	  .path = DATA "header_after_blanks.csv",
	  .enc = CSV_ENC_UTF8, .delim = ',', .lines = 4, .header_line = 3, .rows = 1,
	  .want = { { 3, "a;b|c|d" }, { 4, "1|2|3" } } },
};

static void test_files(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(file_cases) / sizeof(file_cases[0]); k++) {
		const struct file_case *fc = &file_cases[k];
		struct collected got = { 0 };
		csv_info info;
		vbs_error err;
		size_t nwant = 0;
		int rc;

		error_init(&err);
		rc = csv_reader_read(fc->path, fc->path, collect, &got, &info, &err);
		CHECK(rc == 0, "%s: read failed: %s", fc->name, err.message);
		CHECK(got.bad[0] == '\0', "%s: %s", fc->name, got.bad);
		CHECK(info.encoding == fc->enc, "%s: encoding %s, want %s", fc->name,
		      csv_encoding_name(info.encoding), csv_encoding_name(fc->enc));
		CHECK(info.delimiter == fc->delim, "%s: delimiter '%c', want '%c'",
		      fc->name, info.delimiter, fc->delim);
		CHECK(info.lines == fc->lines, "%s: %ld lines, want %ld", fc->name,
		      info.lines, fc->lines);
		CHECK(info.header_line == fc->header_line, "%s: header on line %ld, want %ld",
		      fc->name, info.header_line, fc->header_line);
		CHECK(info.rows == fc->rows, "%s: %ld rows, want %ld", fc->name,
		      info.rows, fc->rows);
		while (nwant < MAX_ROWS && fc->want[nwant].text)
			nwant++;
		CHECK(got.n == nwant, "%s: %zu rows delivered, want %zu", fc->name,
		      got.n, nwant);
		for (size_t i = 0; i < nwant; i++) {
			char what[128];

			snprintf(what, sizeof(what), "%s: row %zu", fc->name, i);
			check_str(what, got.text[i], fc->want[i].text);
			CHECK(got.line[i] == fc->want[i].line, "%s: starts on line %ld, want %ld",
			      what, got.line[i], fc->want[i].line);
			CHECK(got.index[i] == (long)i, "%s: index %ld, want %zu", what,
			      got.index[i], i);
		}
	}
}

/* ---- bad files ---------------------------------------------------------- */

struct error_case {
	const char *name;
	const char *path;
	long line;
	const char *column;  /* "" when the error names none */
	const char *message; /* a part of the message */
};

static const struct error_case error_cases[] = {
	{ "cut inside a quote", DATA "cut_in_quote.csv", 3, "text",
	  "the file ends inside a quoted field that opens on line 3; it was probably cut short" },
	{ "cut inside a second quoted field of a multi-line record",
	  DATA "cut_in_later_quote.csv", 3, "c",
	  "quoted field that opens on line 3 (in the record that starts on line 2)" },
	{ "malformed quote in an unquoted field", DATA "malformed_quote.csv", 3, "text",
	  "malformed quotes" },
	{ "text after a closing quote", DATA "text_after_quote.csv", 2, "text",
	  "malformed quotes" },
	{ "binary file", DATA "binary.csv", 2, "", "not a text file" },
	{ "empty file", DATA "empty.csv", 0, "", "has no header row" },
	{ "only blank and delimiter lines", DATA "no_header.csv", 0, "",
	  "has no header row" },
	{ "byte undefined in Windows-1252", DATA "invalid_1252.csv", 3, "",
	  "byte 0x81 is neither valid UTF-8 here nor defined in Windows-1252" },
	{ "BOM but invalid UTF-8", DATA "bom_invalid_utf8.csv", 2, "",
	  "byte-order mark but this line is not valid UTF-8" },
	{ "missing file", DATA "no_such_file.csv", 0, "",
	  "unable to open '" DATA "no_such_file.csv': No such file or directory" },
	{ "a folder", DATA, 0, "", "not a regular file" },
};

static void test_errors(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(error_cases) / sizeof(error_cases[0]); k++) {
		const struct error_case *ec = &error_cases[k];
		struct collected got = { 0 };
		csv_info info;
		vbs_error err;
		int rc;

		error_init(&err);
		rc = csv_reader_read(ec->path, "x/shown.csv", collect, &got, &info, &err);
		CHECK(rc == -1, "%s: read succeeded", ec->name);
		CHECK(err.code == VBS_E_DATA, "%s: code %d, want %d", ec->name,
		      (int)err.code, (int)VBS_E_DATA);
		check_str(ec->name, err.file, "x/shown.csv");
		CHECK(err.line == ec->line, "%s: line %ld, want %ld (%s)", ec->name,
		      err.line, ec->line, err.message);
		check_str(ec->name, err.column, ec->column);
		CHECK(strstr(err.message, ec->message) != NULL,
		      "%s: message \"%s\" lacks \"%s\"", ec->name, err.message, ec->message);
		CHECK(strchr(err.message, '\n') == NULL, "%s: message has a line break",
		      ec->name);
		CHECK(got.bad[0] == '\0', "%s: %s", ec->name, got.bad);
	}
}

/* ---- SHA-256 ------------------------------------------------------------ */

static void test_sha256(void **state)
{
	/* From sha256sum(1) of the committed files. */
	static const struct {
		const char *path, *hex;
	} cases[] = {
		{ DATA "utf8_semicolon_lf.csv",
		  "ad115731f5715feed50ecb8c6045442561c668d203df7f0e943d0a8843fd41e0" },
		{ DATA "windows1252_crlf.csv",
		  "69cea17a66852b45864d821a55c9cd7ef0358e73657c10ee01f0a1d3e3b8f3d9" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		csv_info info;
		vbs_error err;
		char hex[65];

		error_init(&err);
		CHECK(csv_reader_read(cases[k].path, cases[k].path, NULL, NULL, &info,
		                      &err) == 0,
		      "%s: read failed: %s", cases[k].path, err.message);
		for (size_t i = 0; i < 32; i++)
			snprintf(hex + 2 * i, 3, "%02x", info.sha256[i]);
		check_str(cases[k].path, hex, cases[k].hex);
	}
}

/* ---- encoding detection ------------------------------------------------- */

struct encoding_case {
	const char *name;
	const char *bytes;   /* header "h\n" then one field */
	csv_encoding enc;
	const char *field;   /* the data field as UTF-8 */
};

static const struct encoding_case encoding_cases[] = {
	{ "ASCII only", "h\nabc\n", CSV_ENC_UTF8, "abc" },
	{ "valid 2-, 3- and 4-byte UTF-8", "h\n\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80\n",
	  CSV_ENC_UTF8, "ä€😀" },
	{ "highest code point U+10FFFF", "h\n\xf4\x8f\xbf\xbf\n", CSV_ENC_UTF8,
	  "\xf4\x8f\xbf\xbf" },
	{ "overlong 2-byte C0 AF", "h\n\xc0\xaf\n", CSV_ENC_WINDOWS_1252, "À¯" },
	{ "overlong 3-byte E0 80 AF", "h\n\xe0\x80\xaf\n", CSV_ENC_WINDOWS_1252,
	  "à€¯" },
	{ "surrogate ED A0 80", "h\n\xed\xa0\x80\n", CSV_ENC_WINDOWS_1252, "í\xc2\xa0€" },
	{ "above U+10FFFF F4 A0 80 80", "h\n\xf4\xa0\x80\x80\n", CSV_ENC_WINDOWS_1252,
	  "ô\xc2\xa0€€" },
	{ "sequence cut at the end of the file", "h\nab\xc3", CSV_ENC_WINDOWS_1252,
	  "abÃ" },
	{ "Swedish letters in 1252", "h\n\xe5\xe4\xf6\xc5\xc4\xd6\xe9\n",
	  CSV_ENC_WINDOWS_1252, "åäöÅÄÖé" },
	{ "BOM only before header", "\xef\xbb\xbfh\nx\n", CSV_ENC_UTF8_BOM, "x" },
};

static void test_encodings(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(encoding_cases) / sizeof(encoding_cases[0]); k++) {
		const struct encoding_case *ec = &encoding_cases[k];
		struct collected got = { 0 };
		csv_info info;
		vbs_error err;
		int rc;

		error_init(&err);
		rc = read_bytes(ec->bytes, strlen(ec->bytes), &got, &info, &err);
		CHECK(rc == 0, "%s: read failed: %s", ec->name, err.message);
		CHECK(got.bad[0] == '\0', "%s: %s", ec->name, got.bad);
		CHECK(info.encoding == ec->enc, "%s: encoding %s, want %s", ec->name,
		      csv_encoding_name(info.encoding), csv_encoding_name(ec->enc));
		CHECK(got.n == 2, "%s: %zu rows, want 2", ec->name, got.n);
		check_str(ec->name, got.text[0], "h");
		check_str(ec->name, got.text[1], ec->field);
	}
}

static void test_encoding_names(void **state)
{
	(void)state;
	check_str("utf-8", csv_encoding_name(CSV_ENC_UTF8), "utf-8");
	check_str("utf-8-bom", csv_encoding_name(CSV_ENC_UTF8_BOM), "utf-8-bom");
	check_str("windows-1252", csv_encoding_name(CSV_ENC_WINDOWS_1252), "windows-1252");
}

/* ---- limits ------------------------------------------------------------- */

/* Builds "a;b\n1;<fill x n>[closing]\n" style files in memory. */
static char *field_file(size_t n, int quoted, int closed, size_t *size)
{
	char *s = malloc(n + 32);
	size_t len = 0;

	CHECK(s != NULL, "out of memory");
	len += (size_t)sprintf(s, "a;b\n1;%s", quoted ? "\"" : "");
	memset(s + len, 'x', n);
	len += n;
	if (quoted && closed)
		s[len++] = '"';
	s[len++] = '\n';
	*size = len;
	return s;
}

static void test_limits(void **state)
{
	struct collected got = { 0 };
	csv_info info;
	vbs_error err;
	size_t size;
	char *s;
	int rc;

	(void)state;

	/* A field of exactly CSV_MAX_FIELD_BYTES is read. */
	s = field_file(CSV_MAX_FIELD_BYTES, 1, 1, &size);
	error_init(&err);
	rc = read_bytes(s, size, NULL, &info, &err);
	free(s);
	CHECK(rc == 0, "field at the limit: read failed: %s", err.message);

	/* One byte more is refused, naming the record's line and column. */
	s = field_file(CSV_MAX_FIELD_BYTES + 1, 0, 0, &size);
	error_init(&err);
	rc = read_bytes(s, size, NULL, &info, &err);
	free(s);
	CHECK(rc == -1 && err.code == VBS_E_DATA && err.line == 2,
	      "field over the limit: rc %d code %d line %ld", rc, (int)err.code, err.line);
	check_str("field over the limit: column", err.column, "b");
	CHECK(strstr(err.message, "a field is longer than") != NULL,
	      "field over the limit: message \"%s\"", err.message);

	/* A quote that never closes in a big file stops at the limit, not at
	 * the end of the memory. */
	s = field_file(4 * (size_t)CSV_MAX_FIELD_BYTES, 1, 0, &size);
	error_init(&err);
	rc = read_bytes(s, size, NULL, &info, &err);
	free(s);
	CHECK(rc == -1 && err.line == 2 && strstr(err.message, "a field is longer than"),
	      "unclosed quote in a big file: rc %d line %ld: %s", rc, err.line, err.message);

	/* CSV_MAX_FIELDS fields are read; one more is refused. */
	for (int extra = 0; extra <= 1; extra++) {
		size_t nf = CSV_MAX_FIELDS + (size_t)extra;

		s = malloc(2 * nf + 8);
		CHECK(s != NULL, "out of memory");
		size = 0;
		s[size++] = 'h';
		s[size++] = '\n';
		for (size_t i = 0; i < nf; i++) {
			s[size++] = 'v';
			s[size++] = i + 1 < nf ? ';' : '\n';
		}
		memset(&got, 0, sizeof(got));
		error_init(&err);
		rc = read_bytes(s, size, NULL, &info, &err);
		free(s);
		if (!extra)
			CHECK(rc == 0, "%zu fields: read failed: %s", nf, err.message);
		else
			CHECK(rc == -1 && err.line == 2 && strstr(err.message, "more than 1024 fields"),
			      "%zu fields: rc %d line %ld: %s", nf, rc, err.line, err.message);
	}
}

/* ---- the callback stops ------------------------------------------------- */

static int stop_at_first_data_row(const csv_row *row, void *ctx, vbs_error *err)
{
	long *seen = ctx;

	(*seen)++;
	if (row->index == 1)
		return error_set(err, VBS_E_DATA, "cb.csv", row->line, "b",
		                 "stopped by the callback");
	return 0;
}

static void test_callback_stops(void **state)
{
	long seen = 0;
	csv_info info;
	vbs_error err;
	int rc;

	(void)state;
	error_init(&err);
	rc = csv_reader_read(DATA "comma_crlf.csv", "comma.csv", stop_at_first_data_row,
	                     &seen, &info, &err);
	CHECK(rc == -1, "callback stop: read succeeded");
	CHECK(seen == 2, "callback stop: %ld rows after the stop, want 2 in all", seen);
	check_str("callback stop: the callback's error is kept", err.message,
	          "stopped by the callback");
	CHECK(err.line == 2, "callback stop: line %ld, want 2", err.line);
}

/* ---- the file changes between the passes ----------------------------- */

/* Appends to the file while it is parsed, as an export still being written. */
static int append_once(const csv_row *row, void *ctx, vbs_error *err)
{
	const char *path = ctx;
	FILE *f;

	(void)err;
	if (row->index != 0)
		return 0;
	f = fopen(path, "ab");
	if (!f)
		return 0;
	fputs("3;4\n", f);
	fclose(f);
	return 0;
}

static void test_file_changes(void **state)
{
	static const char text[] = "a;b\n1;2\n";
	char path[512];
	vbs_error err;
	int rc;

	(void)state;
	write_temp(path, sizeof(path), text, sizeof(text) - 1);
	error_init(&err);
	rc = csv_reader_read(path, "growing.csv", append_once, path, NULL, &err);
	unlink(path);
	CHECK(rc == -1 && err.code == VBS_E_DATA &&
	      strstr(err.message, "the file changed while it was being read"),
	      "file growing while read: rc %d code %d: %s", rc, (int)err.code, err.message);
}

/* ---- round trip --------------------------------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
	/* xorshift64*: the same numbers on every libc. */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static size_t rng_below(uint64_t *s, size_t n)
{
	return (size_t)(rng_next(s) % n);
}

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len < n + 1) {
		size_t cap = b->cap ? b->cap : 1024;

		while (cap - b->len < n + 1)
			cap *= 2;
		b->s = realloc(b->s, cap);
		CHECK(b->s != NULL, "out of memory");
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

struct trip_case {
	const char *name;
	uint64_t seed;
	csv_encoding enc;
	char delim;
	int crlf;
	int final_eol;
	size_t rows;
};

static const struct trip_case trip_cases[] = {
	{ "utf-8 ';' LF", 1, CSV_ENC_UTF8, ';', 0, 1, 300 },
	{ "utf-8 ',' CRLF, no final line end", 2, CSV_ENC_UTF8, ',', 1, 0, 300 },
	{ "utf-8 BOM ';' CRLF", 3, CSV_ENC_UTF8_BOM, ';', 1, 1, 300 },
	{ "windows-1252 ';' CRLF", 4, CSV_ENC_WINDOWS_1252, ';', 1, 1, 300 },
	{ "windows-1252 ',' LF, no final line end", 5, CSV_ENC_WINDOWS_1252, ',', 0, 0, 300 },
	{ "big utf-8 ';' CRLF, chunks split everywhere", 6, CSV_ENC_UTF8, ';', 1, 1, 4000 },
	{ "big windows-1252 ',' LF", 7, CSV_ENC_WINDOWS_1252, ',', 0, 1, 4000 },
};

struct trip {
	const struct trip_case *tc;
	size_t ncols, nrows;      /* nrows counts the header */
	char **cell;              /* nrows * ncols, UTF-8 */
	long *line;               /* start line of each row */
	size_t seen;
	char bad[MISMATCH_TEXT];
};

static const char *const tokens[] = {
	"a", "Z", "0", "1,25", ";", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t",
	"x y", "å", "ä", "ö", "Å", "Ä", "Ö", "é", "Miljö",
};

static char *random_cell(uint64_t *rng, int big)
{
	struct buf b = { 0 };
	size_t n = big ? 20000 : rng_below(rng, 7);

	buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++)
		buf_str(&b, tokens[rng_below(rng, sizeof(tokens) / sizeof(tokens[0]))]);
	return b.s;
}

static int is_blank_text(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static void trip_build(struct trip *t, struct buf *out)
{
	const struct trip_case *tc = t->tc;
	uint64_t rng = tc->seed * 0x9E3779B97F4A7C15ULL + 1;
	const char *eol = tc->crlf ? "\r\n" : "\n";
	long line = 1;

	t->ncols = 2 + rng_below(&rng, 6);
	t->nrows = tc->rows + 1;
	t->cell = calloc(t->nrows * t->ncols, sizeof(*t->cell));
	t->line = calloc(t->nrows, sizeof(*t->line));
	CHECK(t->cell && t->line, "out of memory");
	if (tc->enc == CSV_ENC_UTF8_BOM)
		buf_str(out, "\xef\xbb\xbf");
	for (size_t r = 0; r < t->nrows; r++) {
		char **row = t->cell + r * t->ncols;
		int blank = 1;

		for (size_t c = 0; c < t->ncols; c++) {
			if (r == 0) {
				char name[32];

				snprintf(name, sizeof(name), "fält%zu", c + 1);
				row[c] = strdup(name);
			} else {
				row[c] = random_cell(&rng, rng_below(&rng, 3000) == 0);
			}
			CHECK(row[c] != NULL, "out of memory");
			blank = blank && is_blank_text(row[c]);
		}
		if (blank) { /* the reader skips blank rows: keep every row */
			size_t c = rng_below(&rng, t->ncols);

			free(row[c]);
			row[c] = strdup("ä");
			CHECK(row[c] != NULL, "out of memory");
		}
		t->line[r] = line;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *f = row[c];
			int quote = strchr(f, tc->delim) || strpbrk(f, "\"\r\n") ||
			            rng_below(&rng, 4) == 0;

			if (c)
				buf_add(out, &tc->delim, 1);
			if (!quote) {
				buf_str(out, f);
				continue;
			}
			buf_str(out, "\"");
			for (const char *p = f; *p; p++) {
				if (*p == '"')
					buf_str(out, "\"");
				buf_add(out, p, 1);
				if (*p == '\n')
					line++;
			}
			buf_str(out, "\"");
		}
		if (r + 1 < t->nrows || tc->final_eol)
			buf_str(out, eol);
		line++;
	}
}

static void trip_free(struct trip *t)
{
	for (size_t i = 0; t->cell && i < t->nrows * t->ncols; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->line);
}

static int trip_check(const csv_row *row, void *ctx, vbs_error *err)
{
	struct trip *t = ctx;
	size_t r = t->seen++;

	(void)err;
	if (t->bad[0])
		return 0;
	if (r >= t->nrows) {
		snprintf(t->bad, sizeof(t->bad), "extra row %zu on line %ld", r, row->line);
		return 0;
	}
	if (row->index != (long)r || row->line != t->line[r] || row->nfields != t->ncols) {
		snprintf(t->bad, sizeof(t->bad),
		         "row %zu: index %ld line %ld fields %zu, want line %ld fields %zu",
		         r, row->index, row->line, row->nfields, t->line[r], t->ncols);
		return 0;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		const char *want = t->cell[r * t->ncols + c];

		if (row->lengths[c] != strlen(want) ||
		    memcmp(row->fields[c], want, row->lengths[c]) != 0) {
			snprintf(t->bad, sizeof(t->bad),
			         "row %zu (line %ld) field %zu differs: got %zu bytes, want %zu",
			         r, row->line, c, row->lengths[c], strlen(want));
			return 0;
		}
	}
	return 0;
}

/* Converts UTF-8 text to Windows-1252 with iconv, in place of out. */
static void to_cp1252(struct buf *out)
{
	iconv_t cd = iconv_open("WINDOWS-1252", "UTF-8");
	char *conv = malloc(out->len + 1);
	char *in = out->s, *o = conv;
	size_t inleft = out->len, outleft = out->len;

	CHECK(cd != (iconv_t)-1 && conv, "iconv_open to WINDOWS-1252");
	CHECK(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1,
	      "converting the round-trip table to Windows-1252: %s", strerror(errno));
	iconv_close(cd);
	free(out->s);
	out->s = conv;
	out->len = (size_t)(o - conv);
}

static void test_round_trip(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(trip_cases) / sizeof(trip_cases[0]); k++) {
		const struct trip_case *tc = &trip_cases[k];
		struct trip t = { .tc = tc };
		struct buf out = { 0 };
		char path[512];
		csv_info info;
		vbs_error err;
		int rc;

		trip_build(&t, &out);
		if (tc->enc == CSV_ENC_WINDOWS_1252)
			to_cp1252(&out);
		write_temp(path, sizeof(path), out.s, out.len);
		free(out.s);
		error_init(&err);
		rc = csv_reader_read(path, "trip.csv", trip_check, &t, &info, &err);
		unlink(path);
		if (rc != 0 || t.bad[0]) {
			trip_free(&t);
			CHECK(0, "%s: %s", tc->name, rc ? err.message : t.bad);
		}
		CHECK(t.seen == t.nrows, "%s: %zu rows, want %zu", tc->name, t.seen, t.nrows);
		CHECK(info.rows == (long)t.nrows - 1, "%s: info.rows %ld", tc->name, info.rows);
		CHECK(info.encoding == tc->enc, "%s: encoding %s", tc->name,
		      csv_encoding_name(info.encoding));
		CHECK(info.delimiter == tc->delim, "%s: delimiter '%c'", tc->name,
		      info.delimiter);
		trip_free(&t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_file_changes),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
