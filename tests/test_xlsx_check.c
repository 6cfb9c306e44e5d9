/* test_xlsx_check: a workbook written with libxlsxwriter passes; a
 * truncated copy, a text file, an empty or missing file, zips that lack
 * xl/workbook.xml or a worksheet, and a zip whose part fails its CRC are
 * rejected with VBS_E_IO. Hand-made zips come from minizip's zip API; one
 * with every required part passes, so the rejections are about the part
 * each lacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <minizip/zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "publish/xlsx_check.h"

enum { PATH_MAX_BYTES = 600, PARTS_MAX = 8, FILE_MAX = 1 << 20 };

static char tmpdir[512];

/* Every file a test writes, so teardown can remove them after a failure. */
static const char *const names[] = {
	"good.xlsx", "truncated.xlsx", "text.xlsx", "empty.xlsx", "zip.xlsx",
};

static void in_tmp(char *path, const char *name)
{
	snprintf(path, PATH_MAX_BYTES, "%s/%s", tmpdir, name);
}

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_xlck_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		print_error("mkdtemp '%s': %s\n", tmpdir, strerror(errno));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	char path[PATH_MAX_BYTES];

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		in_tmp(path, names[i]);
		unlink(path);
	}
	return rmdir(tmpdir);
}

/* A small real workbook, written by libxlsxwriter itself. */
static void write_workbook(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Data") : NULL;

	if (!ws)
		fail_msg("libxlsxwriter could not start '%s'", path);
	worksheet_write_string(ws, 0, 0, "Område", NULL);
	for (int r = 1; r <= 200; r++)
		worksheet_write_number(ws, (lxw_row_t)r, 0, r * 1.5, NULL);
	if (workbook_close(wb) != LXW_NO_ERROR)
		fail_msg("libxlsxwriter could not write '%s'", path);
}

static void write_bytes(const char *path, const void *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0)
		fail_msg("cannot write '%s': %s", path, strerror(errno));
}

static size_t read_bytes(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("cannot read '%s': %s", path, strerror(errno));
	n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

/* A zip holding parts[] (name and text), stored without compression so a
 * test can find a part's bytes in the file. */
struct part {
	const char *name, *text;
};

static void write_zip(const char *path, const struct part *parts, const char *comment)
{
	zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);

	if (!z)
		fail_msg("minizip cannot create '%s'", path);
	for (int i = 0; i < PARTS_MAX && parts[i].name; i++) {
		zip_fileinfo zi;

		memset(&zi, 0, sizeof(zi));
		if (zipOpenNewFileInZip(z, parts[i].name, &zi, NULL, 0, NULL, 0, NULL, 0, 0) != ZIP_OK ||
		    zipWriteInFileInZip(z, parts[i].text, (unsigned)strlen(parts[i].text)) != ZIP_OK ||
		    zipCloseFileInZip(z) != ZIP_OK)
			fail_msg("minizip cannot add '%s' to '%s'", parts[i].name, path);
	}
	if (zipClose(z, comment) != ZIP_OK)
		fail_msg("minizip cannot close '%s'", path);
}

/* The first occurrence of needle in the n bytes at hay, or NULL. */
static char *find(char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

static void expect_reject(const char *name, const char *path)
{
	vbs_error err;

	error_init(&err);
	if (xlsx_check(path, &err) != -1)
		fail_msg("case '%s': xlsx_check accepted it", name);
	if (err.code != VBS_E_IO)
		fail_msg("case '%s': code %d, want VBS_E_IO (%d)", name, err.code, VBS_E_IO);
	if (strcmp(err.file, path) != 0 || !err.message[0])
		fail_msg("case '%s': the error names '%s' and says '%s'; want the path and a reason",
		         name, err.file, err.message);
}

static void expect_accept(const char *name, const char *path)
{
	vbs_error err;

	error_init(&err);
	if (xlsx_check(path, &err) != 0)
		fail_msg("case '%s': rejected: %s", name, err.message);
}

/* ---- real workbooks ------------------------------------------------------- */

static void test_workbook(void **state)
{
	static char buf[FILE_MAX];
	char good[PATH_MAX_BYTES], cut[PATH_MAX_BYTES];
	size_t n;

	(void)state;
	in_tmp(good, "good.xlsx");
	in_tmp(cut, "truncated.xlsx");
	write_workbook(good);
	expect_accept("a libxlsxwriter workbook", good);
	n = read_bytes(good, buf, sizeof(buf));
	if (n < 100 || n == sizeof(buf))
		fail_msg("the workbook has an unexpected size %zu", n);
	write_bytes(cut, buf, n / 2);
	expect_reject("the first half of the workbook", cut);
	/* Every cut through the last 64 bytes: the central directory's end. */
	for (size_t k = 1; k <= 64; k++) {
		char name[64];

		snprintf(name, sizeof(name), "the workbook without its last %zu bytes", k);
		write_bytes(cut, buf, n - k);
		expect_reject(name, cut);
	}
}

/* ---- files that are not workbooks ----------------------------------------- */

static void test_not_zips(void **state)
{
	char path[PATH_MAX_BYTES];
	static const char text[] = "report,source\r\nvb,ia\r\n";

	(void)state;
	in_tmp(path, "text.xlsx");
	write_bytes(path, text, sizeof(text) - 1);
	expect_reject("a text file", path);
	in_tmp(path, "empty.xlsx");
	write_bytes(path, "", 0);
	expect_reject("an empty file", path);
	in_tmp(path, "missing.xlsx");
	expect_reject("a missing file", path);
}

/* ---- hand-made zips ------------------------------------------------------- */

#define CT { "[Content_Types].xml", "<Types/>" }
#define RELS { "_rels/.rels", "<Relationships/>" }
#define WB { "xl/workbook.xml", "<workbook/>" }
#define CORE { "docProps/core.xml", "<coreProperties/>" }
#define SHEET { "xl/worksheets/sheet1.xml", "<worksheet>CORRUPTME</worksheet>" }

static const struct zip_case {
	const char *name;
	struct part parts[PARTS_MAX]; /* ends at name == NULL */
	int ok;
} zip_cases[] = {
	{ "every required part", { CT, RELS, WB, CORE, SHEET }, 1 },
	{ "no xl/workbook.xml", { CT, RELS, CORE, SHEET }, 0 },
	{ "no [Content_Types].xml", { RELS, WB, CORE, SHEET }, 0 },
	{ "no _rels/.rels", { CT, WB, CORE, SHEET }, 0 },
	{ "no docProps/core.xml", { CT, RELS, WB, SHEET }, 0 },
	{ "no worksheet", { CT, RELS, WB, CORE }, 0 },
	{ "an empty zip", { { 0 } }, 0 },
	{ "names differ in case", { { "[content_types].xml", "<Types/>" }, RELS,
	                            { "XL/Workbook.xml", "<workbook/>" }, CORE, SHEET }, 0 },
};

static void test_zips(void **state)
{
	char path[PATH_MAX_BYTES];

	static const struct part all[] = { CT, RELS, WB, CORE, SHEET, { 0 } };
	static char buf[FILE_MAX];
	size_t n;

	(void)state;
	in_tmp(path, "zip.xlsx");
	/* A zip comment is allowed; cutting it short is not. */
	write_zip(path, all, "a zip comment");
	expect_accept("every required part and a zip comment", path);
	n = read_bytes(path, buf, sizeof(buf));
	write_bytes(path, buf, n - 1);
	expect_reject("the zip comment cut short by one byte", path);
	for (size_t i = 0; i < sizeof(zip_cases) / sizeof(zip_cases[0]); i++) {
		write_zip(path, zip_cases[i].parts, NULL);
		if (zip_cases[i].ok)
			expect_accept(zip_cases[i].name, path);
		else
			expect_reject(zip_cases[i].name, path);
	}
}

/* Every part is read back: one flipped byte inside a stored part fails its
 * CRC although the zip's directory is intact. */
static void test_crc(void **state)
{
	static char buf[FILE_MAX];
	static const struct part parts[] = { CT, RELS, WB, CORE, SHEET, { 0 } };
	char path[PATH_MAX_BYTES];
	size_t n;
	char *hit;

	(void)state;
	in_tmp(path, "zip.xlsx");
	write_zip(path, parts, NULL);
	expect_accept("intact", path);
	n = read_bytes(path, buf, sizeof(buf));
	hit = find(buf, n, "CORRUPTME");
	if (!hit)
		fail_msg("the stored sheet's bytes are not in the zip");
	hit[0] = 'X';
	write_bytes(path, buf, n);
	expect_reject("one byte of a part changed", path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workbook),
		cmocka_unit_test(test_not_zips),
		cmocka_unit_test(test_zips),
		cmocka_unit_test(test_crc),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
