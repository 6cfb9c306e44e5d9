/* test_statistics_csv: statistics.csv (outputs.md) byte for byte: the exact
 * header, ',' and LF without a BOM, numbers with up to 10 significant
 * digits, empty interval and n where a figure has none, a suppressed row
 * as `..` with value, ci_low, ci_high and n empty, quoting of a category
 * that holds the delimiter; a write failure reported as VBS_E_IO. */
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

#include "report/statistics_csv.h"

enum { ROWS_MAX = 8, FILE_MAX = 4096 };

#define HEADER "report,source,indicator,period,dimension,category,value,ci_low,ci_high,n,flag\n"

static char tmpdir[512];
static char path[600];

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_stcsv_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		print_error("mkdtemp '%s': %s\n", tmpdir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/statistics.csv", tmpdir);
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
	for (size_t i = 0; i < n; i++)
		print_error(s[i] == '\n' ? "\\n" : s[i] == '\r' ? "\\r" : "%c", s[i]);
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
	print_error("case '%s': statistics.csv differs\n", name);
	show("got ", got, n);
	show("want", want, strlen(want));
	fail();
}

static vbs_figure fig(const char *report, const char *indicator, const char *period,
                      const char *dimension, const char *category, double value,
                      double lo, double hi, double n, unsigned has, int suppressed)
{
	vbs_figure f = {
		.report = report, .source = "ia", .indicator = indicator,
		.dimension = dimension, .category = category, .value = value,
		.ci_low = lo, .ci_high = hi, .n = n, .has = has, .suppressed = suppressed,
	};

	snprintf(f.period, sizeof(f.period), "%s", period);
	return f;
}

#define VCI (FIG_VALUE | FIG_CI)
#define ALL (FIG_VALUE | FIG_CI | FIG_N)

static const struct stat_case {
	const char *name;
	int nrows;
	struct { const char *report, *indicator, *period, *dimension, *category;
	         double value, lo, hi, n; unsigned has; int suppressed; } rows[ROWS_MAX];
	const char *want;
} cases[] = {
	{ "no figures: the header only", 0, { { 0 } }, HEADER },
	{ "a count with its Garwood interval, n empty", 1,
	  { { "vb", "incidents_vbe", "2025", "total", "alla", 5, 1.623486390, 11.66833208, 0,
	      VCI, 0 } },
	  HEADER "vb,ia,incidents_vbe,2025,total,alla,5,1.62348639,11.66833208,,\n" },
	{ "zero count", 1,
	  { { "vb", "incidents_vbe", "2025", "omrade", "Gärdet", 0, 0, 3.688879454, 0, VCI, 0 } },
	  HEADER "vb,ia,incidents_vbe,2025,omrade,Gärdet,0,0,3.688879454,,\n" },
	{ "a suppressed count: `..`, value, interval and n empty", 1,
	  { { "vb", "incidents_vbe", "2025", "omrade", "Gärdet", 3, 0.6186714945, 8.767273469,
	      3, ALL, 1 } },
	  HEADER "vb,ia,incidents_vbe,2025,omrade,Gärdet,,,,,..\n" },
	{ "a rate with n, a window period", 1,
	  { { "lagesbild", "incident_rate_per_10000", "2025-01-01..2025-10-31", "total", "alla",
	      1.0 / 3.0, 0.1, 0.9, 52, ALL, 0 } },
	  HEADER "lagesbild,ia,incident_rate_per_10000,2025-01-01..2025-10-31,total,alla,"
	         "0.3333333333,0.1,0.9,52,\n" },
	{ "value only: interval and n empty", 1,
	  { { "vb", "dialogue_participants", "2024", "total", "alla", 123456789012.0, 0, 0, 0,
	      FIG_VALUE, 0 } },
	  HEADER "vb,ia,dialogue_participants,2024,total,alla,1.23456789e+11,,,,\n" },
	{ "a category with a comma is quoted", 1,
	  { { "vb", "incidents_vbe", "2025", "omrade", "Annan, okänd", 2, 0.2422093381,
	      7.224687107, 0, VCI, 0 } },
	  HEADER "vb,ia,incidents_vbe,2025,omrade,\"Annan, okänd\",2,0.2422093381,7.224687107,,\n" },
	{ "rows keep the table's order", 3,
	  { { "vb", "incidents_vbe", "2025", "total", "alla", 7, -0.0, 0.1 + 0.2, 0, VCI, 0 },
	    { "vb", "incidents_vbe", "2025", "kategori", "Hot", 1, 0, 0, 0, VCI, 1 },
	    { "vb", "incidents_oklart", "2024", "total", "alla", 0, 0, 3.688879454, 0, VCI, 0 } },
	  HEADER "vb,ia,incidents_vbe,2025,total,alla,7,0,0.3,,\n"
	         "vb,ia,incidents_vbe,2025,kategori,Hot,,,,,..\n"
	         "vb,ia,incidents_oklart,2024,total,alla,0,0,3.688879454,,\n" },
};

static void test_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct stat_case *c = &cases[i];
		vbs_figures t;
		vbs_error err;

		figures_init(&t);
		error_init(&err);
		for (int r = 0; r < c->nrows; r++) {
			vbs_figure f = fig(c->rows[r].report, c->rows[r].indicator, c->rows[r].period,
			                   c->rows[r].dimension, c->rows[r].category, c->rows[r].value,
			                   c->rows[r].lo, c->rows[r].hi, c->rows[r].n, c->rows[r].has,
			                   c->rows[r].suppressed);

			if (figures_add(&t, &f, &err) != 0)
				fail_msg("case '%s': figures_add failed", c->name);
		}
		if (statistics_csv_write(&t, path, &err) != 0)
			fail_msg("case '%s': statistics_csv_write failed: %s", c->name, err.message);
		check_file(c->name, c->want);
		figures_release(&t);
	}
}

static void test_write_failure(void **state)
{
	vbs_figures t;
	vbs_error err;
	vbs_figure f = fig("vb", "incidents_vbe", "2025", "total", "alla", 5, 1, 2, 0, VCI, 0);

	(void)state;
	figures_init(&t);
	error_init(&err);
	if (figures_add(&t, &f, &err) != 0)
		fail_msg("figures_add failed");
	if (statistics_csv_write(&t, "/dev/full", &err) != -1)
		fail_msg("writing statistics.csv to /dev/full succeeded");
	if (err.code != VBS_E_IO)
		fail_msg("write failure has code %d, want VBS_E_IO (%d)", err.code, VBS_E_IO);
	error_init(&err);
	if (statistics_csv_write(&t, "/nonexistent-vbs-dir/statistics.csv", &err) != -1 ||
	    err.code != VBS_E_CANTCREAT)
		fail_msg("a file in a missing folder: code %d, want VBS_E_CANTCREAT (%d)",
		         err.code, VBS_E_CANTCREAT);
	figures_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_write_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
