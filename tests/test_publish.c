/* test_publish: the output folder is created when missing and refused when
 * its parent is; a second run is locked out (VBS_E_TEMPFAIL); commit moves
 * every staged output into place and removes the staging folder; a run
 * that does not commit, or whose commit fails (an output not written, a
 * workbook that is not a valid zip), leaves the previous outputs untouched;
 * a stale staging folder from a killed run is cleared. Each test works in
 * its own fresh folder under $TMPDIR. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "publish/publish.h"

#define LOCK ".vbestat.lock"
#define STAGING ".vbestat-staging"

enum { PATH_BYTES = 1024, LIST_BYTES = 1024, NAMES_MAX = 32 };

static char root[512]; /* this test's folder */
static char out[PATH_BYTES];

/* ---- helpers -------------------------------------------------------------- */

/* Removes dir and everything under it (two levels are all the tests make). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PATH_BYTES + 256];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(root, sizeof(root), "%s/vbs_publish_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(root)) {
		print_error("mkdtemp '%s': %s\n", root, strerror(errno));
		return -1;
	}
	snprintf(out, sizeof(out), "%s/out", root);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted names in dir joined by ",", or "(missing)". */
static const char *listing(const char *dir)
{
	static char buf[LIST_BYTES];
	char names[NAMES_MAX][256];
	const char *sorted[NAMES_MAX];
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	size_t used = 0;

	if (!d)
		return "(missing)";
	while ((e = readdir(d)) != NULL && n < NAMES_MAX) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(names[n], sizeof(names[n]), "%s", e->d_name);
		sorted[n] = names[n];
		n++;
	}
	closedir(d);
	qsort(sorted, (size_t)n, sizeof(sorted[0]), cmp_str);
	buf[0] = '\0';
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s", i ? "," : "",
		                         sorted[i]);
	return buf;
}

static void check_listing(const char *what, const char *dir, const char *want)
{
	const char *got = listing(dir);

	if (strcmp(got, want) != 0)
		fail_msg("%s: '%s' holds [%s], want [%s]", what, dir, got, want);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f || fputs(text, f) == EOF || fclose(f) != 0)
		fail_msg("cannot write '%s': %s", path, strerror(errno));
}

static void check_text(const char *what, const char *path, const char *want)
{
	char buf[256];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("%s: '%s' is missing", what, path);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (strcmp(buf, want) != 0)
		fail_msg("%s: '%s' holds \"%s\", want \"%s\"", what, path, buf, want);
}

static void write_workbook(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Data") : NULL;

	if (!ws)
		fail_msg("libxlsxwriter could not start '%s'", path);
	worksheet_write_number(ws, 0, 0, 42, NULL);
	if (workbook_close(wb) != LXW_NO_ERROR)
		fail_msg("libxlsxwriter could not write '%s'", path);
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void in_out(char *path, const char *name)
{
	snprintf(path, PATH_BYTES + 64, "%s/%s", out, name);
}

/* A previous night's outputs, plus a file no run wrote. */
static void previous_outputs(void)
{
	char path[PATH_BYTES + 64];

	if (mkdir(out, 0777) != 0 && errno != EEXIST)
		fail_msg("mkdir '%s': %s", out, strerror(errno));
	in_out(path, "statistics.csv");
	write_text(path, "old statistics\n");
	in_out(path, "lagesbild-VBE-2025-10-31.xlsx");
	write_text(path, "an older dated output\n");
}

static vbs_publish *begin_ok(const char *what)
{
	vbs_error err;
	vbs_publish *p;

	error_init(&err);
	p = publish_begin(out, &err);
	if (!p)
		fail_msg("%s: publish_begin failed (%d): %s", what, err.code, err.message);
	return p;
}

static void stage_ok(vbs_publish *p, const char *name, publish_kind kind, char *path)
{
	vbs_error err;

	error_init(&err);
	if (publish_stage(p, name, kind, path, PATH_BYTES, &err) != 0)
		fail_msg("publish_stage(%s) failed: %s", name, err.message);
}

/* ---- begin ---------------------------------------------------------------- */

static void test_begin_creates_folder(void **state)
{
	char staging[PATH_BYTES + 64], lock[PATH_BYTES + 64];
	vbs_publish *p;
	struct stat st;

	(void)state;
	if (is_dir(out))
		fail_msg("'%s' exists before the test", out);
	p = begin_ok("missing output folder");
	if (!is_dir(out))
		fail_msg("publish_begin did not create the output folder '%s'", out);
	in_out(staging, STAGING);
	in_out(lock, LOCK);
	if (strcmp(publish_staging_dir(p), staging) != 0)
		fail_msg("staging folder '%s', want '%s'", publish_staging_dir(p), staging);
	if (!is_dir(staging))
		fail_msg("no staging folder after publish_begin");
	check_listing("fresh staging", staging, "");
	if (stat(lock, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 0)
		fail_msg("'%s' is not an empty lock file", lock);
	publish_free(p);
	check_listing("after publish_free without outputs", out, LOCK);
}

static void test_begin_parent_missing(void **state)
{
	char dir[PATH_BYTES];
	vbs_error err;
	vbs_publish *p;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/no-parent/out", root);
	error_init(&err);
	p = publish_begin(dir, &err);
	if (p) {
		publish_free(p);
		fail_msg("publish_begin created '%s' although its parent is missing", dir);
	}
	if (err.code != VBS_E_CANTCREAT)
		fail_msg("missing parent: code %d, want VBS_E_CANTCREAT (%d)", err.code,
		         VBS_E_CANTCREAT);
	if (strcmp(err.file, dir) != 0 || !err.message[0])
		fail_msg("missing parent: the error names '%s' and says '%s'", err.file, err.message);
	check_listing("after the refused begin", root, "");
}

/* flock locks belong to the open file description, so a second open in the
 * same process conflicts like a second run would. The second attempt must
 * not touch the first run's staging folder. */
static void test_lock(void **state)
{
	char staged[PATH_BYTES];
	vbs_publish *first, *second;
	vbs_error err;

	(void)state;
	first = begin_ok("first run");
	stage_ok(first, "statistics.csv", PUBLISH_PLAIN, staged);
	write_text(staged, "first run\n");
	error_init(&err);
	second = publish_begin(out, &err);
	if (second) {
		publish_free(second);
		fail_msg("a second publish_begin succeeded while the first holds the lock");
	}
	if (err.code != VBS_E_TEMPFAIL)
		fail_msg("second run: code %d, want VBS_E_TEMPFAIL (%d): %s", err.code,
		         VBS_E_TEMPFAIL, err.message);
	check_text("the first run's staged file after the second was locked out", staged,
	           "first run\n");
	publish_free(first);
	second = begin_ok("a run after the first released the lock");
	publish_free(second);
	check_listing("after both runs", out, LOCK);
}

/* A folder left by a killed run, with files in it, is emptied. */
static void test_stale_staging(void **state)
{
	char staging[PATH_BYTES + 64], path[PATH_BYTES + 128];
	vbs_publish *p;

	(void)state;
	previous_outputs();
	in_out(staging, STAGING);
	if (mkdir(staging, 0777) != 0)
		fail_msg("mkdir '%s': %s", staging, strerror(errno));
	snprintf(path, sizeof(path), "%s/statistics.csv", staging);
	write_text(path, "half written\n");
	snprintf(path, sizeof(path), "%s/VB-bilaga-VBE-2025.xlsx", staging);
	write_text(path, "half written\n");
	p = begin_ok("stale staging folder");
	check_listing("staging after begin", staging, "");
	publish_free(p);
	check_listing("output folder", out,
	              LOCK ",lagesbild-VBE-2025-10-31.xlsx,statistics.csv");
	in_out(path, "statistics.csv");
	check_text("previous statistics.csv", path, "old statistics\n");
}

/* ---- commit --------------------------------------------------------------- */

static void test_commit(void **state)
{
	char csv[PATH_BYTES], xlsx[PATH_BYTES], path[PATH_BYTES + 64];
	vbs_publish *p;
	vbs_error err;

	(void)state;
	previous_outputs();
	p = begin_ok("commit");
	stage_ok(p, "statistics.csv", PUBLISH_PLAIN, csv);
	stage_ok(p, "VB-bilaga-VBE-2025.xlsx", PUBLISH_XLSX, xlsx);
	snprintf(path, sizeof(path), "%s/statistics.csv", publish_staging_dir(p));
	if (strcmp(csv, path) != 0)
		fail_msg("statistics.csv is staged at '%s', want '%s'", csv, path);
	write_text(csv, "new statistics\n");
	write_workbook(xlsx);
	/* Before commit nothing new is visible. */
	in_out(path, "statistics.csv");
	check_text("statistics.csv before commit", path, "old statistics\n");
	error_init(&err);
	if (publish_commit(p, &err) != 0)
		fail_msg("publish_commit failed (%d): %s", err.code, err.message);
	check_listing("after commit", out,
	              LOCK ",VB-bilaga-VBE-2025.xlsx,lagesbild-VBE-2025-10-31.xlsx,statistics.csv");
	check_text("statistics.csv after commit", path, "new statistics\n");
	in_out(path, "lagesbild-VBE-2025-10-31.xlsx");
	check_text("an output this run did not write", path, "an older dated output\n");
	publish_free(p);
	check_listing("after publish_free", out,
	              LOCK ",VB-bilaga-VBE-2025.xlsx,lagesbild-VBE-2025-10-31.xlsx,statistics.csv");
}

static void test_free_without_commit(void **state)
{
	char csv[PATH_BYTES], xlsx[PATH_BYTES], path[PATH_BYTES + 64];
	vbs_publish *p;

	(void)state;
	previous_outputs();
	p = begin_ok("no commit");
	stage_ok(p, "statistics.csv", PUBLISH_PLAIN, csv);
	stage_ok(p, "VB-bilaga-VBE-2025.xlsx", PUBLISH_XLSX, xlsx);
	write_text(csv, "new statistics\n");
	write_workbook(xlsx);
	publish_free(p);
	check_listing("after publish_free without commit", out,
	              LOCK ",lagesbild-VBE-2025-10-31.xlsx,statistics.csv");
	in_out(path, "statistics.csv");
	check_text("statistics.csv after a run that did not commit", path, "old statistics\n");
	publish_free(NULL); /* allowed, does nothing */
}

/* A commit that fails publishes nothing, not even the outputs that passed
 * their check before the bad one. */
enum stage_how { WRITTEN, NOT_WRITTEN, TEXT_AS_XLSX, TRUNCATED_XLSX };

static const struct fail_case {
	const char *name;
	enum stage_how how;
	vbs_status code;
} fail_cases[] = {
	/* A writer that registered an output and did not write it is a bug of
	 * the program: an internal error. */
	{ "a registered output was not written", NOT_WRITTEN, VBS_E_SOFTWARE },
	{ "a staged .xlsx is a text file", TEXT_AS_XLSX, VBS_E_IO },
	{ "a staged .xlsx is cut short", TRUNCATED_XLSX, VBS_E_IO },
};

static void truncate_file(const char *path)
{
	static char buf[1 << 20];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("cannot read '%s'", path);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, n / 2, f) != n / 2 || fclose(f) != 0)
		fail_msg("cannot rewrite '%s'", path);
}

static void test_commit_failures(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(fail_cases) / sizeof(fail_cases[0]); i++) {
		const struct fail_case *c = &fail_cases[i];
		char csv[PATH_BYTES], xlsx[PATH_BYTES], path[PATH_BYTES + 64];
		char what[256];
		vbs_publish *p;
		vbs_error err;

		remove_tree(out);
		previous_outputs();
		p = begin_ok(c->name);
		stage_ok(p, "statistics.csv", PUBLISH_PLAIN, csv);
		stage_ok(p, "VB-bilaga-VBE-2025.xlsx", PUBLISH_XLSX, xlsx);
		write_text(csv, "new statistics\n");
		if (c->how == TEXT_AS_XLSX)
			write_text(xlsx, "not a workbook\n");
		if (c->how == TRUNCATED_XLSX) {
			write_workbook(xlsx);
			truncate_file(xlsx);
		}
		error_init(&err);
		if (publish_commit(p, &err) != -1)
			fail_msg("case '%s': publish_commit succeeded", c->name);
		if (err.code != c->code)
			fail_msg("case '%s': code %d, want %d (%s)", c->name, err.code, c->code,
			         err.message);
		if (strstr(err.file, "VB-bilaga-VBE-2025.xlsx") == NULL)
			fail_msg("case '%s': the error names '%s', not the bad output", c->name,
			         err.file);
		snprintf(what, sizeof(what), "case '%s': after the failed commit", c->name);
		check_listing(what, out,
		              STAGING "," LOCK ",lagesbild-VBE-2025-10-31.xlsx,statistics.csv");
		in_out(path, "statistics.csv");
		check_text(what, path, "old statistics\n");
		publish_free(p);
		snprintf(what, sizeof(what), "case '%s': after publish_free", c->name);
		check_listing(what, out, LOCK ",lagesbild-VBE-2025-10-31.xlsx,statistics.csv");
		check_text(what, path, "old statistics\n");
	}
}

static void test_stage_names(void **state)
{
	static const struct {
		const char *name;
		int ok;
	} names[] = {
		{ "statistics.csv", 1 },
		{ "lagesbild-VBE-2026-10-31.xlsx", 1 },
		{ "../statistics.csv", 0 },
		{ "sub/statistics.csv", 0 },
	};
	char path[PATH_BYTES];
	vbs_publish *p;

	(void)state;
	p = begin_ok("stage names");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		vbs_error err;
		int rc;

		error_init(&err);
		rc = publish_stage(p, names[i].name, PUBLISH_PLAIN, path, sizeof(path), &err);
		if ((rc == 0) != names[i].ok)
			fail_msg("name '%s' was %s", names[i].name, rc == 0 ? "accepted" : "refused");
	}
	publish_free(p);
}

/* Each test starts with no output folder. */
static int fresh(void **state)
{
	(void)state;
	remove_tree(out);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_begin_creates_folder, fresh),
		cmocka_unit_test_setup(test_begin_parent_missing, fresh),
		cmocka_unit_test_setup(test_lock, fresh),
		cmocka_unit_test_setup(test_stale_staging, fresh),
		cmocka_unit_test_setup(test_commit, fresh),
		cmocka_unit_test_setup(test_free_without_commit, fresh),
		cmocka_unit_test_setup(test_commit_failures, fresh),
		cmocka_unit_test_setup(test_stage_names, fresh),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
