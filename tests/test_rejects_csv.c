/* test_rejects_csv: rejects.csv (outputs.md) byte for byte: a UTF-8 BOM,
 * ';' as delimiter, CRLF line ends, the header
 * source;file;line;column;value;reason, one row per reject in order, and
 * quoting of values that hold ';', quotes or line breaks; a write failure
 * reported as VBS_E_IO. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/rejects_csv.h"

enum { ROWS_MAX = 6, FILE_MAX = 4096 };

#define BOM "\xEF\xBB\xBF"
#define HEADER BOM "source;file;line;column;value;reason\r\n"

static char tmpdir[512];
static char path[600];

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_rjcsv_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		print_error("mkdtemp '%s': %s\n", tmpdir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/rejects.csv", tmpdir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(tmpdir);
}

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

static void check_file(const char *name, const char *want)
{
	static char got[FILE_MAX];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("case '%s': cannot read back '%s': %s", name, path, strerror(errno));
	n = fread(got, 1, sizeof(got), f);
	fclose(f);
	if (n == strlen(want) && memcmp(got, want, n) == 0)
		return;
	print_error("case '%s': rejects.csv differs\n", name);
	show("got ", got, n);
	show("want", want, strlen(want));
	fail();
}

struct rj {
	const char *source, *file;
	long line;
	const char *column, *value, *reason;
};

static const struct rj_case {
	const char *name;
	int n;
	struct rj rows[ROWS_MAX];
	const char *want;
} cases[] = {
	{ "no rejects: BOM and header only", 0, { { 0 } }, HEADER },
	{ "a bad date", 1,
	  { { "ia", "ia/ia_2024.csv", 17, "Händelsedatum", "2024-02-30",
	      "Datumet finns inte. Skriv datumet som ÅÅÅÅ-MM-DD." } },
	  HEADER "ia;ia/ia_2024.csv;17;Händelsedatum;2024-02-30;"
	         "Datumet finns inte. Skriv datumet som ÅÅÅÅ-MM-DD.\r\n" },
	{ "a wrong field count: column and value empty", 1,
	  { { "ia", "ia/ia_2025.csv", 3, "", "", "Raden har fel antal fält." } },
	  HEADER "ia;ia/ia_2025.csv;3;;;Raden har fel antal fält.\r\n" },
	{ "';', quote and line break are quoted; ',' is not", 3,
	  { { "ia", "ia/a.csv", 2, "Område", "Gärdet;Hjorthagen", "Okänt område, kontrollera." },
	    { "ia", "ia/a.csv", 5, "Kategori", "\"Hot\"", "Okänd kategori." },
	    { "ia", "ia/a.csv", 9, "Miljö", "Vit\r\nmakt", "Okänd miljö." } },
	  HEADER "ia;ia/a.csv;2;Område;\"Gärdet;Hjorthagen\";Okänt område, kontrollera.\r\n"
	         "ia;ia/a.csv;5;Kategori;\"\"\"Hot\"\"\";Okänd kategori.\r\n"
	         "ia;ia/a.csv;9;Miljö;\"Vit\r\nmakt\";Okänd miljö.\r\n" },
};

static void test_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct rj_case *c = &cases[i];
		vbs_rejects r;
		vbs_error err;

		rejects_init(&r);
		error_init(&err);
		for (int k = 0; k < c->n; k++) {
			const struct rj *x = &c->rows[k];

			if (rejects_add(&r, x->source, x->file, x->line, x->column, x->value,
			                x->reason, &err) != 0)
				fail_msg("case '%s': rejects_add failed", c->name);
		}
		if (rejects_csv_write(&r, path, &err) != 0)
			fail_msg("case '%s': rejects_csv_write failed: %s", c->name, err.message);
		check_file(c->name, c->want);
		rejects_release(&r);
	}
}

static void test_write_failure(void **state)
{
	vbs_rejects r;
	vbs_error err;

	(void)state;
	rejects_init(&r);
	error_init(&err);
	if (rejects_add(&r, "ia", "ia/a.csv", 2, "Område", "X", "Okänt område.", &err) != 0)
		fail_msg("rejects_add failed");
	if (rejects_csv_write(&r, "/dev/full", &err) != -1)
		fail_msg("writing rejects.csv to /dev/full succeeded");
	if (err.code != VBS_E_IO)
		fail_msg("write failure has code %d, want VBS_E_IO (%d)", err.code, VBS_E_IO);
	rejects_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_write_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
