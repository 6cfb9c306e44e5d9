/* test_trend_tests_csv: trend_tests.csv (outputs.md) byte for byte: the exact
 * header, ',' and LF without a BOM, numbers with up to 10 significant digits
 * and '.', empty fields where a row has no value (Sen's statistic, a
 * degenerate fit), never NaN or Inf, the skips and notes left out; then the
 * statistics.md §4 Poisson series through trends_build and the writer, read
 * back and compared with the published values; a write failure reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "report/trend_tests_csv.h"

enum { ROWS_MAX = 4, FILE_MAX = 8192, FIELDS = 15 };

#define HEADER "report,source,indicator,dimension,category,method,first_period,last_period," \
	"n_points,statistic,p_value,estimate,ci_low,ci_high,direction\n"

#define ALL (TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI)

static char tmpdir[512];
static char path[600];

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_ttcsv_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		print_error("mkdtemp '%s': %s\n", tmpdir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/trend_tests.csv", tmpdir);
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

/* The file's bytes into buf (NUL-terminated); returns the length. */
static size_t read_back(const char *name, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail_msg("case '%s': cannot read back '%s': %s", name, path, strerror(errno));
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return n;
}

static void check_file(const char *name, const char *want)
{
	static char got[FILE_MAX];
	size_t n = read_back(name, got, sizeof(got));

	if (n == strlen(want) && memcmp(got, want, n) == 0)
		return;
	print_error("case '%s': trend_tests.csv differs\n", name);
	show("got ", got, n);
	show("want", want, strlen(want));
	fail();
}

struct row_in {
	const char *report, *indicator, *method, *first, *last;
	int n_points;
	unsigned has;
	double statistic, p, estimate, lo, hi;
	const char *direction;
};

static vbs_trend row_of(const struct row_in *in)
{
	vbs_trend r = {
		.report = in->report, .source = "ia", .indicator = in->indicator,
		.dimension = "total", .category = "alla", .method = in->method,
		.n_points = in->n_points, .has = in->has, .statistic = in->statistic,
		.p_value = in->p, .estimate = in->estimate, .ci_low = in->lo, .ci_high = in->hi,
		.direction = in->direction,
	};

	snprintf(r.first_period, sizeof(r.first_period), "%s", in->first);
	snprintf(r.last_period, sizeof(r.last_period), "%s", in->last);
	snprintf(r.note, sizeof(r.note), "En anteckning, med komma; som inte skrivs.");
	return r;
}

static const struct csv_case {
	const char *name;
	int nrows;
	struct row_in rows[ROWS_MAX];
	const char *want;
} cases[] = {
	{ "no tests: the header only", 0, { { 0 } }, HEADER },
	{ "a Mann–Kendall row: S, p, tau_b, no interval", 1,
	  { { "vb", "incidents_vbe", "mann_kendall", "2016", "2025", 10,
	      TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE, 37, 0.0003576940035273369,
	      37.0 / 45.0, 0, 0, "okande" } },
	  HEADER "vb,ia,incidents_vbe,total,alla,mann_kendall,2016,2025,10,37,0.0003576940035,"
	         "0.8222222222,,,okande\n" },
	{ "a Sen row: statistic empty; negative numbers", 1,
	  { { "vb", "incidents_vbe", "sen_slope", "2016", "2025", 10,
	      TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI, 99, 0.001170344469, -1.25, -1.5,
	      -2.0 / 3.0, "minskande" } },
	  HEADER "vb,ia,incidents_vbe,total,alla,sen_slope,2016,2025,10,,0.001170344469,-1.25,"
	         "-1.5,-0.6666666667,minskande\n" },
	{ "a Poisson row: tiny p in exponent form; year-to-date windows", 1,
	  { { "lagesbild", "incidents_vbe", "poisson_trend", "2016-01-01..2016-10-31",
	      "2025-01-01..2025-10-31", 10, ALL, 4.628653771, 3.680505182e-06,
	      1.065050780, 1.037004374, 1.093855717, "okande" } },
	  HEADER "lagesbild,ia,incidents_vbe,total,alla,poisson_trend,2016-01-01..2016-10-31,"
	         "2025-01-01..2025-10-31,10,4.628653771,3.680505182e-06,1.06505078,1.037004374,"
	         "1.093855717,okande\n" },
	{ "a degenerate fit: every numeric field empty", 1,
	  { { "vb", "dialogues", "poisson_trend", "2021", "2025", 5, 0, 1, 2, 3, 4, 5,
	      "ingen_sakerstalld" } },
	  HEADER "vb,ia,dialogues,total,alla,poisson_trend,2021,2025,5,,,,,,ingen_sakerstalld\n" },
	{ "a change row: -0 written 0, p = 1", 1,
	  { { "vb", "dialogues", "change_vs_previous", "2024", "2025", 2,
	      TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE, 5, 1, -0.0, 0, 0,
	      "ingen_sakerstalld" } },
	  HEADER "vb,ia,dialogues,total,alla,change_vs_previous,2024,2025,2,5,1,0,,,"
	         "ingen_sakerstalld\n" },
	{ "never NaN or Inf: such fields are written empty, an interval only whole", 2,
	  { { "vb", "dialogues", "poisson_trend", "2021", "2025", 5, ALL, NAN, INFINITY, -INFINITY,
	      0.5, NAN, "ingen_sakerstalld" },
	    { "vb", "dialogues", "logistic_trend", "2021", "2025", 5, ALL, 1, 0.5, 2, NAN, 3,
	      "ingen_sakerstalld" } },
	  HEADER "vb,ia,dialogues,total,alla,poisson_trend,2021,2025,5,,,,,,ingen_sakerstalld\n"
	         "vb,ia,dialogues,total,alla,logistic_trend,2021,2025,5,1,0.5,2,,,"
	         "ingen_sakerstalld\n" },
	{ "rows keep the table's order", 3,
	  { { "vb", "incidents_vbe", "mann_kendall", "2021", "2025", 5,
	      TREND_HAS_STATISTIC | TREND_HAS_P, 0, 1, 0, 0, 0, "ingen_sakerstalld" },
	    { "vb", "incidents_vbe", "sen_slope", "2021", "2025", 5, TREND_HAS_P, 0, 1, 0, 0, 0,
	      "ingen_sakerstalld" },
	    { "lagesbild", "incidents_vbe", "change_vs_previous", "2024-01-01..2024-10-31",
	      "2025-01-01..2025-10-31", 2, TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE,
	      123456789012.0, 0.1 + 0.2, 1.0 / 3.0, 0, 0, "ingen_sakerstalld" } },
	  HEADER "vb,ia,incidents_vbe,total,alla,mann_kendall,2021,2025,5,0,1,,,,"
	         "ingen_sakerstalld\n"
	         "vb,ia,incidents_vbe,total,alla,sen_slope,2021,2025,5,,1,,,,ingen_sakerstalld\n"
	         "lagesbild,ia,incidents_vbe,total,alla,change_vs_previous,2024-01-01..2024-10-31,"
	         "2025-01-01..2025-10-31,2,1.23456789e+11,0.3,0.3333333333,,,ingen_sakerstalld\n" },
};

static void fill_table(const struct csv_case *c, vbs_trends *t)
{
	trends_init(t);
	if (c->nrows == 0)
		return;
	t->rows = calloc((size_t)c->nrows, sizeof(*t->rows));
	if (!t->rows)
		fail_msg("case '%s': out of memory", c->name);
	t->n = t->cap = (size_t)c->nrows;
	for (int i = 0; i < c->nrows; i++)
		t->rows[i] = row_of(&c->rows[i]);
	/* A skip is for the workbook only: it must not reach the file. */
	t->skips = calloc(1, sizeof(*t->skips));
	if (!t->skips)
		fail_msg("case '%s': out of memory", c->name);
	t->nskips = t->skips_cap = 1;
	t->skips[0] = (vbs_trend_skip){ .report = "vb", .source = "ia",
	                                .indicator = "incidents_oklart", .dimension = "total",
	                                .category = "alla", .methods = TREND_MANN_KENDALL,
	                                .n_points = 3, .note = "Serien har bara 3 år." };
}

static void test_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct csv_case *c = &cases[i];
		vbs_trends t;
		vbs_error err;

		error_init(&err);
		fill_table(c, &t);
		if (trend_tests_csv_write(&t, path, &err) != 0)
			fail_msg("case '%s': trend_tests_csv_write failed: %s", c->name, err.message);
		check_file(c->name, c->want);
		trends_release(&t);
	}
}

/* Splits one CSV line (no quoting in this file) into at most FIELDS fields. */
static int split(char *line, char *fields[FIELDS + 1])
{
	int n = 0;

	for (char *p = line;; p++) {
		if (n > FIELDS)
			return n;
		fields[n++] = p;
		p = strchr(p, ',');
		if (!p)
			return n;
		*p = '\0';
	}
}

static void check_number(const char *what, const char *field, double want)
{
	char *end;
	double got;

	errno = 0;
	got = strtod(field, &end);
	if (!*field || *end || errno)
		fail_msg("%s: \"%s\" is not a number, want %.10g", what, field, want);
	if (!(fabs(got - want) <= 1e-6 * fabs(want)))
		fail_msg("%s = %s, want %.10g", what, field, want);
}

/* statistics.md §4 Poisson row through trends_build and the writer. */
static void test_built_table(void **state)
{
	static const double y[] = { 52, 48, 61, 55, 67, 70, 64, 79, 83, 88 };
	static const char *const methods[] = { "mann_kendall", "sen_slope", "poisson_trend",
	                                       "change_vs_previous" };
	static char text[FILE_MAX];
	vbs_indicators *defs = calloc(1, sizeof(*defs));
	vbs_figures figs;
	vbs_trends t;
	vbs_error err;
	char *line, *next, *fields[FIELDS + 1];
	int nlines = 0;

	(void)state;
	if (!defs)
		fail_msg("out of memory");
	snprintf(defs->items[0].id, sizeof(defs->items[0].id), "dialogues");
	snprintf(defs->items[0].source, sizeof(defs->items[0].source), "dialog");
	defs->items[0].kind = KIND_COUNT;
	defs->items[0].trends = TREND_MANN_KENDALL | TREND_SEN_SLOPE | TREND_POISSON |
	                        TREND_CHANGE;
	defs->n = 1;
	figures_init(&figs);
	trends_init(&t);
	error_init(&err);
	for (int i = 0; i < 10; i++) {
		vbs_figure f = { .report = "vb", .source = "dialog", .indicator = "dialogues",
		                 .dimension = "total", .category = "alla", .value = y[i],
		                 .has = FIG_VALUE | FIG_CI, .year = 2016 + i };

		snprintf(f.period, sizeof(f.period), "%d", 2016 + i);
		if (figures_add(&figs, &f, &err) != 0)
			fail_msg("figures_add: %s", err.message);
	}
	if (trends_build(&figs, defs, TRENDS_MIN_POINTS_DEFAULT, &t, &err) != 0)
		fail_msg("trends_build: %s", err.message);
	if (trend_tests_csv_write(&t, path, &err) != 0)
		fail_msg("trend_tests_csv_write: %s", err.message);
	read_back("built table", text, sizeof(text));
	if (strncmp(text, HEADER, strlen(HEADER)) != 0)
		fail_msg("the file does not start with the header of outputs.md");
	for (line = text + strlen(HEADER); *line; line = next) {
		next = strchr(line, '\n');
		if (!next)
			fail_msg("line %d has no LF at its end", nlines + 2);
		*next++ = '\0';
		if (strchr(line, '\r'))
			fail_msg("line %d holds a CR: LF line ends only", nlines + 2);
		if (split(line, fields) != FIELDS)
			fail_msg("line %d does not have %d fields", nlines + 2, FIELDS);
		if (nlines >= 4 || strcmp(fields[5], methods[nlines]) != 0)
			fail_msg("line %d: method %s, want %s", nlines + 2, fields[5],
			         nlines < 4 ? methods[nlines] : "(no more lines)");
		if (strcmp(fields[0], "vb") || strcmp(fields[1], "dialog") ||
		    strcmp(fields[2], "dialogues") || strcmp(fields[3], "total") ||
		    strcmp(fields[4], "alla"))
			fail_msg("line %d: keys %s,%s,%s,%s,%s", nlines + 2, fields[0], fields[1],
			         fields[2], fields[3], fields[4]);
		nlines++;
		if (strcmp(fields[5], "poisson_trend") != 0)
			continue;
		check_number("poisson first_period", fields[6], 2016);
		check_number("poisson last_period", fields[7], 2025);
		check_number("poisson n_points", fields[8], 10);
		check_number("poisson statistic b1/SE", fields[9], 0.06302247832 / 0.01361572531);
		check_number("poisson p_value", fields[10], 3.680505182e-06);
		check_number("poisson estimate (IRR)", fields[11], 1.065050780);
		check_number("poisson ci_low", fields[12], 1.037004374);
		check_number("poisson ci_high", fields[13], 1.093855717);
		if (strcmp(fields[14], "okande") != 0)
			fail_msg("poisson direction %s, want okande", fields[14]);
	}
	if (nlines != 4)
		fail_msg("%d rows in the file, want 4", nlines);
	trends_release(&t);
	figures_release(&figs);
	free(defs);
}

static void test_write_failure(void **state)
{
	static const struct row_in in = { "vb", "incidents_vbe", "mann_kendall", "2021", "2025",
	                                  5, TREND_HAS_STATISTIC | TREND_HAS_P, 0, 1, 0, 0, 0,
	                                  "ingen_sakerstalld" };
	vbs_trend row = row_of(&in);
	vbs_trends t = { .rows = &row, .n = 1, .cap = 1 };
	vbs_error err;

	(void)state;
	error_init(&err);
	if (trend_tests_csv_write(&t, "/dev/full", &err) != -1)
		fail_msg("writing trend_tests.csv to /dev/full succeeded");
	if (err.code != VBS_E_IO)
		fail_msg("write failure has code %d, want VBS_E_IO (%d)", err.code, VBS_E_IO);
	error_init(&err);
	if (trend_tests_csv_write(&t, "/nonexistent-vbs-dir/trend_tests.csv", &err) != -1 ||
	    err.code != VBS_E_CANTCREAT)
		fail_msg("a file in a missing folder: code %d, want VBS_E_CANTCREAT (%d)",
		         err.code, VBS_E_CANTCREAT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_built_table),
		cmocka_unit_test(test_write_failure),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, setup, teardown);
}
