/* test_sheet_survey: the Trygghet sheet from hand-built survey shares,
 * read back: per share indicator of pipeline/indicators.ini with figures,
 * in its order, the share per survey year with its interval as per cent
 * and the number of answers as a count (a suppressed year ".." with no
 * interval but its n), a line chart with alt text, and the shares by
 * område, kön and åldersgrupp (zero a number, a suppressed cell ".."), with
 * the tables numbered across indicators; the lägesbild's shares left out;
 * without shares, the "no data" line. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_survey.h"
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
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_survey");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2021–2025. Uppgifter till och med 2026-10-31."
#define NOTE "Källa: stadens trygghetsmätning, svar per person vägda med kalibreringsvikter. " \
	"Andelen räknas bland dem som svarat på frågan (vet ej räknas inte). .. = färre än 30 svar."
#define OTRYGGA "Andel otrygga ute sent en kväll"
#define BUDSKAP "Andel som sett extremistiska budskap"

enum { SHARE = FIG_VALUE | FIG_CI | FIG_N };

#define TOTAL(ind, year, v, lo, hi, answers) {.report = "vb", .indicator = (ind), .period = (year), \
	.dimension = "total", .category = "alla", .value = (v), .has = SHARE, .ci_low = (lo), \
	.ci_high = (hi), .n = (answers)}
#define BY(dim, cat, year, v, answers) {.report = "vb", .indicator = "andel_otrygga_kvall", \
	.period = (year), .dimension = (dim), .category = (cat), .value = (v), .has = SHARE, \
	.ci_low = (v) / 2, .ci_high = (v) * 2, .n = (answers)}

/* Otrygga: 2021 suppressed (28 answers), 2023 and 2025; Gärdet suppressed
 * in 2025, Hjorthagen zero in 2023; one kön, no åldersgrupp. Budskap:
 * 2025 only. */
static const xr_fig rows[] = {
	{.report = "vb", .indicator = "andel_otrygga_kvall", .period = "2021",
	 .dimension = "total", .category = "alla", .value = 0.4, .has = SHARE, .ci_low = 0.2,
	 .ci_high = 0.6, .n = 28, .suppressed = 1},
	TOTAL("andel_otrygga_kvall", "2023", 0.312, 0.27, 0.357, 412),
	TOTAL("andel_otrygga_kvall", "2025", 0.285, 0.25, 0.323, 398),
	BY("omrade", "Gärdet", "2023", 0.301, 200),
	{.report = "vb", .indicator = "andel_otrygga_kvall", .period = "2025",
	 .dimension = "omrade", .category = "Gärdet", .value = 0.4, .has = SHARE, .ci_low = 0.2,
	 .ci_high = 0.6, .n = 25, .suppressed = 1},
	BY("omrade", "Hjorthagen", "2023", 0, 35),
	BY("omrade", "Hjorthagen", "2025", 0.25, 60),
	BY("kon", "Kvinna", "2023", 0.35, 210),
	BY("kon", "Kvinna", "2025", 0.31, 205),
	TOTAL("andel_sett_extremistiska_budskap", "2025", 0.1, 0.07, 0.14, 400),
	{.report = "lagesbild", .indicator = "andel_otrygga_kvall", .period = "2026",
	 .dimension = "total", .category = "alla", .value = 0.5, .has = SHARE, .n = 300},
};

static int write_survey(vbs_xlsx *wb, const void *ctx)
{
	return sheet_survey_write(wb, ctx, SUBTITLE);
}

/* Otrygga: Tabell 1 caption A4, A5:E8, note A9; the chart beside it and
 * room for it down to row index 19; Tabell 2 (område) caption A20,
 * A21:D24, note A25; Tabell 3 (kön) A27, A28:D30; Tabell 4 (åldersgrupp,
 * the total only) A33, A34:D35. Budskap from row index 37: Tabell 5
 * caption A38, A39:E40; Tabell 6 caption A54, A55:B56. */
static void test_survey(void **state)
{
	static const char *const total_headers[] = {
		"Mätår", "Andel", "Nedre gräns (95 %)", "Övre gräns (95 %)", "Antal svar",
	};
	static const struct {
		const char *name, *ref, *first;
		int ncols;
	} tables[] = {
		{"andel_otrygga_kvall_total", "A5:E8", NULL, 5},
		{"andel_otrygga_kvall_omrade", "A21:D24", "Område", 4},
		{"andel_otrygga_kvall_kon", "A28:D30", "Kön", 4},
		{"andel_otrygga_kvall_alder", "A34:D35", "Åldersgrupp", 4},
		{"andel_sett_extremistiska_budskap_total", "A39:E40", NULL, 5},
		{"andel_sett_extremistiska_budskap_omrade", "A55:B56", "Område", 2},
		{"andel_sett_extremistiska_budskap_kon", "A60:B61", "Kön", 2},
		{"andel_sett_extremistiska_budskap_alder", "A65:B66", "Åldersgrupp", 2},
	};
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. " OTRYGGA ", hela stadsdelsområdet", "caption 1"),
		XR_TEXT_AT("A6", "2021", "the first survey year"),
		XR_TEXT_AT("B6", "..", "the share 2021 (suppressed)"),
		XR_EMPTY_AT("C6", "the lower limit 2021 (suppressed)"),
		XR_EMPTY_AT("D6", "the upper limit 2021 (suppressed)"),
		XR_NUMBER_AT("E6", 28, XR_FMT_COUNT, "the answers 2021 (kept)"),
		XR_TEXT_AT("A7", "2023", "the second survey year"),
		XR_NUMBER_AT("B7", 0.312, XR_FMT_PERCENT, "the share 2023"),
		XR_NUMBER_AT("C7", 0.27, XR_FMT_PERCENT, "the lower limit 2023"),
		XR_NUMBER_AT("D7", 0.357, XR_FMT_PERCENT, "the upper limit 2023"),
		XR_NUMBER_AT("E7", 412, XR_FMT_COUNT, "the answers 2023"),
		XR_NUMBER_AT("B8", 0.285, XR_FMT_PERCENT, "the share 2025"),
		XR_NUMBER_AT("E8", 398, XR_FMT_COUNT, "the answers 2025"),
		XR_EMPTY_AT("A10", "a row between table 1 and table 2"),
		XR_TEXT_AT("A20", "Tabell 2. " OTRYGGA " per område", "caption 2"),
		XR_TEXT_AT("A22", "Gärdet", "the first område"),
		XR_EMPTY_AT("B22", "Gärdet 2021 (no figure)"),
		XR_NUMBER_AT("C22", 0.301, XR_FMT_PERCENT, "Gärdet 2023"),
		XR_TEXT_AT("D22", "..", "Gärdet 2025 (suppressed)"),
		XR_TEXT_AT("A23", "Hjorthagen", "the second område"),
		XR_NUMBER_AT("C23", 0, XR_FMT_PERCENT, "Hjorthagen 2023 (zero)"),
		XR_NUMBER_AT("D23", 0.25, XR_FMT_PERCENT, "Hjorthagen 2025"),
		XR_TEXT_AT("A24", "Hela stadsdelsområdet", "the total row's label"),
		XR_TEXT_AT("B24", "..", "the total 2021 (suppressed)"),
		XR_NUMBER_AT("C24", 0.312, XR_FMT_PERCENT, "the total 2023"),
		XR_TEXT_AT("A27", "Tabell 3. " OTRYGGA " per kön", "caption 3"),
		XR_NUMBER_AT("D29", 0.31, XR_FMT_PERCENT, "Kvinna 2025"),
		XR_TEXT_AT("A33", "Tabell 4. " OTRYGGA " per åldersgrupp", "caption 4"),
		XR_TEXT_AT("A35", "Hela stadsdelsområdet", "table 4's only row"),
		XR_TEXT_AT("A38", "Tabell 5. " BUDSKAP ", hela stadsdelsområdet", "caption 5"),
		XR_TEXT_AT("A40", "2025", "Budskap's survey year"),
		XR_NUMBER_AT("B40", 0.1, XR_FMT_PERCENT, "Budskap 2025"),
		XR_NUMBER_AT("E40", 400, XR_FMT_COUNT, "Budskap's answers"),
		XR_TEXT_AT("A54", "Tabell 6. " BUDSKAP " per område", "caption 6"),
		XR_NUMBER_AT("B56", 0.1, XR_FMT_PERCENT, "table 6's total 2025"),
	};
	static const char *const alts[] = {
		"Linjediagram över " OTRYGGA " per mätår, 2021 till 2025, enligt tabell 1.",
		"Linjediagram över " BUDSKAP " per mätår, 2025 till 2025, enligt tabell 5.",
	};
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .indicators = &indicators};
	char path[XR_PATH_BYTES], alt[XR_TEXT_BYTES], names[12][XR_NAME_BYTES];
	char *chart;
	int ncharts, nalts, ntables;
	xr_sheet s;

	(void)state;
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	xr_in_dir(path, tmpdir, "survey.xlsx");
	xr_write_book(tmpdir, path, write_survey, &ctx, "the survey");
	xr_sheet_open(&s, path, "Trygghet");
	xr_check_text(&s, "the title", "A1", "Trygghetsmätningen");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the survey", want, sizeof(want) / sizeof(want[0]));
	ntables = xr_table_names(&s, names, 12);
	if (ntables != (int)(sizeof(tables) / sizeof(tables[0])))
		fail_msg("%d tables, want %zu", ntables, sizeof(tables) / sizeof(tables[0]));
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const char *years[] = {tables[i].first, "2021", "2023", "2025"};
		const char *budskap[] = {tables[i].first, "2025"};
		const char *const *headers = !tables[i].first ? total_headers
		                           : tables[i].ncols == 4 ? years : budskap;

		if (strcmp(names[i], tables[i].name) != 0)
			fail_msg("table %zu is %s, want %s", i + 1, names[i], tables[i].name);
		xr_check_table(&s, tables[i].name, tables[i].name, tables[i].ref, headers,
		               tables[i].ncols, NOTE);
	}
	if (xr_frozen_rows(&s) != 5)
		fail_msg("frozen below row %ld, want table 1's header row 5", xr_frozen_rows(&s));
	ncharts = xr_charts(&s, &nalts);
	if (ncharts != 2 || nalts != 2)
		fail_msg("%d charts with %d alt texts, want 2 with 2", ncharts, nalts);
	for (int k = 0; k < 2; k++) {
		xr_chart_alt(&s, k, alt, sizeof(alt));
		if (strcmp(alt, alts[k]) != 0)
			fail_msg("chart %d's alt text\n   got \"%s\"\n  want \"%s\"", k + 1, alt, alts[k]);
	}
	chart = xr_chart_xml(&s, 0);
	xr_contains("chart 1: a line", chart, "<c:lineChart>");
	xr_contains("chart 1's categories: the survey years", chart, "<c:f>Trygghet!$A$6:$A$8</c:f>");
	xr_contains("chart 1's values: the shares", chart, "<c:f>Trygghet!$B$6:$B$8</c:f>");
	free(chart);
	xr_sheet_close(&s);
	figures_release(&figs);
}

/* Only the lägesbild has a share: the vb book's sheet says there is none. */
static void test_no_survey(void **state)
{
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .indicators = &indicators};
	char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
	xr_sheet s;

	(void)state;
	xr_figures(&figs, &rows[sizeof(rows) / sizeof(rows[0]) - 1], 1);
	xr_in_dir(path, tmpdir, "no_survey.xlsx");
	xr_write_book(tmpdir, path, write_survey, &ctx, "no survey");
	xr_sheet_open(&s, path, "Trygghet");
	xr_check_text(&s, "no survey", "A4",
	              "Trygghetsmätningen har inga mätår i perioden, eller så finns inga svar.");
	xr_check_empty(&s, "no survey", "A5");
	if (xr_table_names(&s, names, 4) != 0)
		fail_msg("no survey: a table was written (%s)", names[0]);
	if (xr_charts(&s, NULL) != 0)
		fail_msg("no survey: a chart was drawn");
	xr_sheet_close(&s);
	figures_release(&figs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_survey),
		cmocka_unit_test(test_no_survey),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
