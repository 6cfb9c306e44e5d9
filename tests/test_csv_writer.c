/* test_csv_writer: RFC 4180 quoting (delimiter, quote, CR, LF), numbers
 * with 10 significant digits, LF files and CRLF files with a BOM, compared
 * byte for byte with expected literals; a failed write is reported by
 * csv_writer_close (/dev/full), a file that cannot be created by open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/csv_writer.h"

enum { FIELDS_MAX = 6, FILE_MAX = 4096 };

static char tmpdir[512];

/* ---- helpers -------------------------------------------------------------- */

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_csvw_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		print_error("mkdtemp '%s': %s\n", tmpdir, strerror(errno));
		return -1;
	}
	return 0;
}

/* Removes the temp folder, also after a failed test left a file in it. */
static int teardown(void **state)
{
	static const char *const names[] = { "q.csv", "n.csv", "f.csv", "e.csv" };
	char path[600];

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmpdir, names[i]);
		unlink(path);
	}
	return rmdir(tmpdir);
}

/* Reads the whole file; returns its length. */
static size_t slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("cannot read back '%s': %s", path, strerror(errno));
	n = fread(buf, 1, size, f);
	fclose(f);
	if (n == size)
		fail_msg("'%s' is larger than the test's buffer", path);
	return n;
}

/* Prints bytes with CR, LF, quotes and non-ASCII visible. */
static void show(const char *what, const char *s, size_t n)
{
	print_error("%s (%zu bytes): \"", what, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			print_error("\\n");
		else if (c == '\r')
			print_error("\\r");
		else if (c < 0x20 || c >= 0x7f)
			print_error("\\x%02X", c);
		else
			print_error("%c", c);
	}
	print_error("\"\n");
}

/* Fails naming the case when the file at path is not exactly want. */
static void check_file(const char *name, const char *path, const char *want, size_t want_len)
{
	static char got[FILE_MAX];
	size_t n = slurp(path, got, sizeof(got));

	if (n == want_len && memcmp(got, want, n) == 0)
		return;
	print_error("case '%s': the file differs\n", name);
	show("got ", got, n);
	show("want", want, want_len);
	fail();
}

/* ---- quoting -------------------------------------------------------------- */

static const struct quote_case {
	const char *name;
	char delimiter;
	int bom;
	const char *fields[FIELDS_MAX]; /* one row; ends at NULL */
	const char *want;
} quote_cases[] = {
	{ "plain fields", ',', 0, { "a", "b", "c" }, "a,b,c\n" },
	{ "delimiter inside is quoted", ',', 0, { "a,b", "c" }, "\"a,b\",c\n" },
	{ "quote inside is doubled", ',', 0, { "say \"hi\"" }, "\"say \"\"hi\"\"\"\n" },
	{ "a lone quote", ',', 0, { "\"" }, "\"\"\"\"\n" },
	{ "LF inside is quoted", ',', 0, { "two\nlines", "x" }, "\"two\nlines\",x\n" },
	{ "CR inside is quoted", ',', 0, { "a\rb" }, "\"a\rb\"\n" },
	{ "CRLF inside is quoted", ',', 0, { "a\r\nb", "" }, "\"a\r\nb\",\n" },
	{ "empty fields", ',', 0, { "", "", "" }, ",,\n" },
	{ "one empty field", ',', 0, { "" }, "\n" },
	{ "';' is plain text in a ',' file", ',', 0, { "a;b", "c" }, "a;b,c\n" },
	{ "spaces kept, not quoted", ',', 0, { " a ", "b " }, " a ,b \n" },
	{ "UTF-8 unchanged", ',', 0, { "Gärdet", "Östermalm city", "Vit makt-miljön" },
	  "Gärdet,Östermalm city,Vit makt-miljön\n" },
	{ "';' file: ';' quoted, ',' plain, BOM and CRLF", ';', 1, { "a,b", "c;d", "e" },
	  "\xEF\xBB\xBF" "a,b;\"c;d\";e\r\n" },
	{ "';' file: quote and LF", ';', 1, { "x\"y", "1\n2" },
	  "\xEF\xBB\xBF" "\"x\"\"y\";\"1\n2\"\r\n" },
};

static void test_quoting(void **state)
{
	char path[600];

	(void)state;
	snprintf(path, sizeof(path), "%s/q.csv", tmpdir);
	for (size_t i = 0; i < sizeof(quote_cases) / sizeof(quote_cases[0]); i++) {
		const struct quote_case *c = &quote_cases[i];
		vbs_csv_writer w;
		vbs_error err;

		error_init(&err);
		if (csv_writer_open(&w, path, c->delimiter, c->bom, &err) != 0)
			fail_msg("case '%s': open failed: %s", c->name, err.message);
		for (int k = 0; k < FIELDS_MAX && c->fields[k]; k++)
			csv_writer_text(&w, c->fields[k]);
		csv_writer_end_row(&w);
		if (csv_writer_close(&w, &err) != 0)
			fail_msg("case '%s': close failed: %s", c->name, err.message);
		check_file(c->name, path, c->want, strlen(c->want));
	}
	unlink(path);
}

/* ---- numbers -------------------------------------------------------------- */

static const struct number_case {
	const char *name;
	double v;
	const char *want;
} number_cases[] = {
	{ "0.1 + 0.2", 0.1 + 0.2, "0.3" },
	{ "1/3", 1.0 / 3.0, "0.3333333333" },
	{ "2/3 rounds", 2.0 / 3.0, "0.6666666667" },
	{ "123456789012", 123456789012.0, "1.23456789e+11" },
	{ "ten digits stay fixed", 1234567890.0, "1234567890" },
	{ "eleven digits go to exponent", 12345678901.0, "1.23456789e+10" },
	{ "-0", -0.0, "0" },
	{ "0", 0.0, "0" },
	{ "a p-value", 3.680505182e-06, "3.680505182e-06" },
	{ "0.0001 fixed", 0.0001, "0.0001" },
	{ "0.00001 exponent", 0.00001, "1e-05" },
	{ "Garwood lower of 5", 1.623486390, "1.62348639" },
	{ "Garwood upper of 52", 68.19108174, "68.19108174" },
	{ "whole count", 52.0, "52" },
	{ "negative", -1234.5, "-1234.5" },
	{ "large", 1e21, "1e+21" },
};

static void test_numbers(void **state)
{
	char path[600], want[FILE_MAX];
	size_t used = 0;
	vbs_csv_writer w;
	vbs_error err;

	(void)state;
	for (size_t i = 0; i < sizeof(number_cases) / sizeof(number_cases[0]); i++) {
		const struct number_case *c = &number_cases[i];
		char buf[32];

		memset(buf, 'Z', sizeof(buf));
		csv_writer_format_number(c->v, buf, sizeof(buf));
		if (strcmp(buf, c->want) != 0)
			fail_msg("case '%s': formatted \"%s\", want \"%s\"", c->name, buf, c->want);
	}
	/* The same numbers through a file, one per row, after a text field. */
	snprintf(path, sizeof(path), "%s/n.csv", tmpdir);
	error_init(&err);
	if (csv_writer_open(&w, path, ',', 0, &err) != 0)
		fail_msg("open failed: %s", err.message);
	for (size_t i = 0; i < sizeof(number_cases) / sizeof(number_cases[0]); i++) {
		csv_writer_text(&w, "x");
		csv_writer_number(&w, number_cases[i].v);
		csv_writer_end_row(&w);
		used += (size_t)snprintf(want + used, sizeof(want) - used, "x,%s\n",
		                         number_cases[i].want);
	}
	if (csv_writer_close(&w, &err) != 0)
		fail_msg("close failed: %s", err.message);
	check_file("numbers in a file", path, want, used);
	unlink(path);
}

/* ---- whole files ---------------------------------------------------------- */

/* Two rows mixing every kind of field. */
static void write_mixed(const char *path, char delimiter, int bom)
{
	vbs_csv_writer w;
	vbs_error err;

	error_init(&err);
	if (csv_writer_open(&w, path, delimiter, bom, &err) != 0)
		fail_msg("open '%s' failed: %s", path, err.message);
	csv_writer_text(&w, "ia");
	csv_writer_long(&w, 42);
	csv_writer_empty(&w);
	csv_writer_number(&w, 0.5);
	csv_writer_end_row(&w);
	csv_writer_empty(&w);
	csv_writer_long(&w, -7);
	csv_writer_text(&w, "a b");
	csv_writer_empty(&w);
	csv_writer_end_row(&w);
	if (csv_writer_close(&w, &err) != 0)
		fail_msg("close '%s' failed: %s", path, err.message);
}

static const struct file_case {
	const char *name;
	char delimiter;
	int bom;
	const char *want;
	size_t len;
} file_cases[] = {
#define LIT(s) s, sizeof(s) - 1
	{ "LF, no BOM, ','", ',', 0, LIT("ia,42,,0.5\n,-7,a b,\n") },
	{ "CRLF and BOM, ';'", ';', 1, LIT("\xEF\xBB\xBF" "ia;42;;0.5\r\n;-7;a b;\r\n") },
#undef LIT
};

static void test_files(void **state)
{
	char path[600];

	(void)state;
	snprintf(path, sizeof(path), "%s/f.csv", tmpdir);
	for (size_t i = 0; i < sizeof(file_cases) / sizeof(file_cases[0]); i++) {
		write_mixed(path, file_cases[i].delimiter, file_cases[i].bom);
		check_file(file_cases[i].name, path, file_cases[i].want, file_cases[i].len);
	}
	unlink(path);
}

/* Opened and closed at once: empty, or only the BOM. */
static void test_empty_files(void **state)
{
	char path[600];

	(void)state;
	snprintf(path, sizeof(path), "%s/e.csv", tmpdir);
	for (int bom = 0; bom < 2; bom++) {
		vbs_csv_writer w;
		vbs_error err;

		error_init(&err);
		if (csv_writer_open(&w, path, ',', bom, &err) != 0 || csv_writer_close(&w, &err) != 0)
			fail_msg("bom = %d: open or close failed: %s", bom, err.message);
		check_file(bom ? "empty with BOM" : "empty", path, "\xEF\xBB\xBF", bom ? 3 : 0);
	}
	unlink(path);
}

/* ---- failures ------------------------------------------------------------- */

/* /dev/full accepts the open and fails every write: close reports it. */
static void test_write_failure(void **state)
{
	vbs_csv_writer w;
	vbs_error err;

	(void)state;
	error_init(&err);
	if (csv_writer_open(&w, "/dev/full", ',', 1, &err) != 0)
		fail_msg("opening /dev/full failed: %s", err.message);
	csv_writer_text(&w, "report");
	csv_writer_number(&w, 1.5);
	csv_writer_end_row(&w);
	if (csv_writer_close(&w, &err) != -1)
		fail_msg("close after writes to /dev/full returned success");
	if (err.code != VBS_E_IO)
		fail_msg("write failure has code %d, want VBS_E_IO (%d)", err.code, VBS_E_IO);
	if (strcmp(err.file, "/dev/full") != 0 || !err.message[0])
		fail_msg("the error names file '%s' with message '%s', want /dev/full and a reason",
		         err.file, err.message);
}

static void test_open_failure(void **state)
{
	char path[600];
	vbs_csv_writer w;
	vbs_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/no-such-folder/x.csv", tmpdir);
	error_init(&err);
	if (csv_writer_open(&w, path, ',', 0, &err) != -1)
		fail_msg("open in a missing folder succeeded");
	if (err.code != VBS_E_CANTCREAT || strcmp(err.file, path) != 0)
		fail_msg("open failure: code %d file '%s', want VBS_E_CANTCREAT (%d) and the path",
		         err.code, err.file, VBS_E_CANTCREAT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_empty_files),
		cmocka_unit_test(test_write_failure),
		cmocka_unit_test(test_open_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
