/* test_sheet_trends: the Trendanalys sheet from hand-built trend rows and
 * skips, read back: the tests of the book's report only, with the
 * indicators' Swedish labels (pipeline/indicators.ini), the tests' Swedish
 * names, the statistic, p-value and estimate in their number formats,
 * empty cells where a row has no value, the direction in the exact words
 * "Ökande", "Minskande", "Ingen säkerställd förändring", the note; the
 * series not tested with the tests named and the reason; the source notes;
 * without tests, the "no data" line. Also the words of
 * sheet_trends_direction and sheet_trends_method. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_trends.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];
static vbs_indicators indicators;

static int setup(void **state)
{
	vbs_error err;

	(void)state;
	error_init(&err);
	if (indicators_load(&indicators, "pipeline", &err) != 0) {
		print_error("indicators_load(pipeline): %s\n", err.message);
		return -1;
	}
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_trends");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2015–2025. Uppgifter till och med 2026-10-31."
#define SOURCE_TRENDS "Källa: trend_tests.csv. Riktningen avgörs på 5-procentsnivån: ökande " \
	"eller minskande när p-värdet är under 0,05, annars ingen säkerställd förändring. " \
	"Skattningen är Kendalls tau (Mann–Kendall), förändring per år (Sen), kvoten per år " \
	"(Poisson), oddskvoten per år (logistisk) eller skillnaden mot föregående period."
#define SKIP_NOTE "Serien har bara 3 år; trendtest kräver minst 5."
#define FLAT_NOTE "Serien är konstant; lutningen kan inte skattas."

static vbs_trend trend(const char *report, const char *indicator, const char *method,
                       const char *first, const char *last, int n_points, unsigned has,
                       double statistic, double p, double estimate, double lo, double hi,
                       const char *direction, const char *note)
{
	vbs_trend t = {
		.report = report, .source = "test", .indicator = indicator, .dimension = "total",
		.category = "alla", .method = method, .n_points = n_points, .statistic = statistic,
		.p_value = p, .estimate = estimate, .ci_low = lo, .ci_high = hi, .has = has,
		.direction = direction,
	};

	snprintf(t.first_period, sizeof(t.first_period), "%s", first);
	snprintf(t.last_period, sizeof(t.last_period), "%s", last);
	snprintf(t.note, sizeof(t.note), "%s", note);
	return t;
}

enum { ALL = TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI };

static int write_trends(vbs_xlsx *wb, const void *ctx)
{
	return sheet_trends_write(wb, ctx, SUBTITLE);
}

/* Tabell 1: caption A4, header A5, the four vb tests on A6-A9, note A10,
 * a blank line; Tabell 2: caption A12, header A13, the vb skip on A14,
 * note A15. */
static void test_trends(void **state)
{
	static const char *const test_headers[] = {
		"Indikator", "Test", "Första period", "Sista period", "Antal punkter",
		"Teststorhet", "p-värde", "Skattning", "Nedre gräns (95 %)", "Övre gräns (95 %)",
		"Riktning", "Kommentar",
	};
	static const char *const skip_headers[] = {
		"Indikator", "Test som inte gjorts", "Antal punkter", "Orsak",
	};
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. Trend- och förändringstest", "the caption of table 1"),
		XR_TEXT_AT("A6", "Ärenden med koppling till våldsbejakande extremism",
		           "the label of incidents_vbe"),
		XR_TEXT_AT("B6", "Mann–Kendall (trend)", "the Mann–Kendall test's name"),
		XR_TEXT_AT("C6", "2015", "the first period"),
		XR_TEXT_AT("D6", "2025", "the last period"),
		XR_NUMBER_AT("E6", 11, XR_FMT_COUNT, "the points tested"),
		XR_NUMBER_AT("F6", 31, XR_FMT_PRECISE, "S"),
		XR_NUMBER_AT("G6", 0.0123, XR_FMT_PVALUE, "the p-value"),
		XR_NUMBER_AT("H6", 0.564, XR_FMT_PRECISE, "tau"),
		XR_EMPTY_AT("I6", "no interval (lower)"),
		XR_EMPTY_AT("J6", "no interval (upper)"),
		XR_TEXT_AT("K6", "Ökande", "a rising trend in words"),
		XR_EMPTY_AT("L6", "no note"),
		XR_TEXT_AT("B7", "Förändring mot föregående period", "the change test's name"),
		XR_TEXT_AT("C7", "2024", "the change's first period"),
		XR_NUMBER_AT("E7", 2, XR_FMT_COUNT, "two points"),
		XR_EMPTY_AT("F7", "no statistic"),
		XR_NUMBER_AT("G7", 0.2, XR_FMT_PVALUE, "the change's p-value"),
		XR_NUMBER_AT("H7", 5, XR_FMT_PRECISE, "the difference"),
		XR_NUMBER_AT("I7", -2.5, XR_FMT_PRECISE, "the difference's lower limit"),
		XR_NUMBER_AT("J7", 12.25, XR_FMT_PRECISE, "the difference's upper limit"),
		XR_TEXT_AT("K7", "Ingen säkerställd förändring", "no significant change in words"),
		XR_TEXT_AT("A8", "Andel otrygga ute sent en kväll", "the label of a survey share"),
		XR_TEXT_AT("B8", "Logistisk regression (oddskvot per år)", "the logistic test's name"),
		XR_NUMBER_AT("F8", -3.2, XR_FMT_PRECISE, "z"),
		XR_NUMBER_AT("G8", 0.0004, XR_FMT_PVALUE, "a small p-value"),
		XR_NUMBER_AT("H8", 0.8, XR_FMT_PRECISE, "the odds ratio"),
		XR_TEXT_AT("K8", "Minskande", "a falling trend in words"),
		XR_TEXT_AT("A9", "Medborgardialoger", "the label of dialogues"),
		XR_TEXT_AT("B9", "Sens lutning (förändring per år)", "Sen's slope's name"),
		XR_EMPTY_AT("G9", "no p-value"),
		XR_EMPTY_AT("H9", "no estimate"),
		XR_TEXT_AT("K9", "Ingen säkerställd förändring", "a degenerate series in words"),
		XR_TEXT_AT("L9", FLAT_NOTE, "the note of a degenerate series"),
		XR_TEXT_AT("A12", "Tabell 2. Serier som inte kunde testas", "the caption of table 2"),
		XR_TEXT_AT("A14", "Fynd av klistermärken, affischer och klotter",
		           "the label of the series not tested"),
		XR_TEXT_AT("B14", "Mann–Kendall (trend), Sens lutning (förändring per år), "
		           "Poissonregression (kvot per år)", "the tests not run"),
		XR_NUMBER_AT("C14", 3, XR_FMT_COUNT, "the points of the series"),
		XR_TEXT_AT("D14", SKIP_NOTE, "the reason"),
		XR_EMPTY_AT("A16", "a row after table 2"),
	};
	vbs_trend rows[] = {
		trend("vb", "incidents_vbe", "mann_kendall", "2015", "2025", 11,
		      TREND_HAS_STATISTIC | TREND_HAS_P | TREND_HAS_ESTIMATE, 31, 0.0123, 0.564, 0, 0,
		      "okande", ""),
		trend("lagesbild", "incidents_vbe", "mann_kendall", "2015-01-01..2015-10-31",
		      "2026-01-01..2026-10-31", 12, ALL, 1, 0.5, 0.1, 0, 0.2, "ingen_sakerstalld", ""),
		trend("vb", "incidents_vbe", "change_vs_previous", "2024", "2025", 2,
		      TREND_HAS_P | TREND_HAS_ESTIMATE | TREND_HAS_CI, 0, 0.2, 5, -2.5, 12.25,
		      "ingen_sakerstalld", ""),
		trend("vb", "andel_otrygga_kvall", "logistic_trend", "2019", "2025", 4, ALL, -3.2,
		      0.0004, 0.8, 0.7, 0.95, "minskande", ""),
		trend("vb", "dialogues", "sen_slope", "2020", "2025", 6, 0, 0, 0, 0, 0, 0,
		      "ingen_sakerstalld", FLAT_NOTE),
	};
	vbs_trend_skip skips[] = {
		{.report = "vb", .source = "test", .indicator = "klotter_fynd", .dimension = "total",
		 .category = "alla", .n_points = 3,
		 .methods = TREND_MANN_KENDALL | TREND_SEN_SLOPE | TREND_POISSON, .note = SKIP_NOTE},
		{.report = "lagesbild", .source = "test", .indicator = "klotter_fynd",
		 .dimension = "total", .category = "alla", .n_points = 3,
		 .methods = TREND_CHANGE, .note = "Lägesbildens serie."},
	};
	vbs_trends t = {.rows = rows, .n = sizeof(rows) / sizeof(rows[0]), .skips = skips,
	                .nskips = sizeof(skips) / sizeof(skips[0])};
	vbs_figures figs = {0};
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .trends = &t,
	                      .indicators = &indicators};
	char path[XR_PATH_BYTES];
	xr_sheet s;

	(void)state;
	xr_in_dir(path, tmpdir, "trends.xlsx");
	xr_write_book(tmpdir, path, write_trends, &ctx, "the trends");
	xr_sheet_open(&s, path, "Trendanalys");
	xr_check_text(&s, "the title", "A1", "Trendanalys");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the trends", want, sizeof(want) / sizeof(want[0]));
	xr_check_table(&s, "the tests", "Trendtest", "A5:L9", test_headers, 12, SOURCE_TRENDS);
	xr_check_table(&s, "the series not tested", "Ej_testade", "A13:D14", skip_headers, 4,
	               "Källa: vbestat. Se Metod och källor.");
	if (xr_frozen_rows(&s) != 5)
		fail_msg("frozen below row %ld, want the tests' header row 5", xr_frozen_rows(&s));
	xr_sheet_close(&s);
}

/* No test of the book's report (none at all, or only the other report's):
 * one line instead of the tests table, and no table of skips. */
static void test_no_tests(void **state)
{
	vbs_trend other[] = {
		trend("lagesbild", "incidents_vbe", "mann_kendall", "2015-01-01..2015-10-31",
		      "2026-01-01..2026-10-31", 12, ALL, 1, 0.5, 0.1, 0, 0.2, "ingen_sakerstalld", ""),
	};
	vbs_trends only_other = {.rows = other, .n = 1};
	static const struct {
		const char *name;
		int none;  /* 1: ctx->trends is NULL */
	} cases[] = {
		{"no trends at all", 1},
		{"only the lägesbild's tests in the vb book", 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vbs_figures figs = {0};
		vbs_periods periods = {.report = "vb"};
		vbs_report_ctx ctx = {.figures = &figs, .periods = &periods,
		                      .trends = cases[i].none ? NULL : &only_other,
		                      .indicators = &indicators};
		char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
		xr_sheet s;

		xr_in_dir(path, tmpdir, "no_trends.xlsx");
		xr_write_book(tmpdir, path, write_trends, &ctx, cases[i].name);
		xr_sheet_open(&s, path, "Trendanalys");
		xr_check_text(&s, cases[i].name, "A4", "Inga trendtest kunde göras för perioden.");
		xr_check_empty(&s, cases[i].name, "A5");
		if (xr_table_names(&s, names, 4) != 0)
			fail_msg("case '%s': a table was written (%s)", cases[i].name, names[0]);
		xr_sheet_close(&s);
	}
}

static void test_words(void **state)
{
	static const struct {
		const char *name, *id, *want;
	} directions[] = {
		{"rising", "okande", "Ökande"},
		{"falling", "minskande", "Minskande"},
		{"not significant", "ingen_sakerstalld", "Ingen säkerställd förändring"},
	}, methods[] = {
		{"Mann–Kendall", "mann_kendall", "Mann–Kendall (trend)"},
		{"Sen", "sen_slope", "Sens lutning (förändring per år)"},
		{"Poisson", "poisson_trend", "Poissonregression (kvot per år)"},
		{"logistic", "logistic_trend", "Logistisk regression (oddskvot per år)"},
		{"change", "change_vs_previous", "Förändring mot föregående period"},
		{"an unknown test keeps its id", "kruskal_wallis", "kruskal_wallis"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(directions) / sizeof(directions[0]); i++) {
		const char *got = sheet_trends_direction(directions[i].id);

		if (strcmp(got, directions[i].want) != 0)
			fail_msg("direction '%s' (%s) is \"%s\", want \"%s\"", directions[i].id,
			         directions[i].name, got, directions[i].want);
	}
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		const char *got = sheet_trends_method(methods[i].id);

		if (strcmp(got, methods[i].want) != 0)
			fail_msg("method '%s' (%s) is \"%s\", want \"%s\"", methods[i].id,
			         methods[i].name, got, methods[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trends),
		cmocka_unit_test(test_no_tests),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
