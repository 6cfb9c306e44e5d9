/* test_sheet_summary: the Sammanfattning sheet from hand-built figures,
 * tests and a follow-up, read back: the key-figures table (one row per
 * indicator of pipeline/indicators.ini that has tests and figures, in its
 * order, with its Swedish label; the latest and the previous period and
 * value in the indicator's number format, ".." when suppressed; the change
 * and the trend in words, "Ej prövad" without a test; the other report's
 * tests ignored), its source note, and the sentences to lift into the text,
 * written out in full; without figures, no table and no sentence. Nothing
 * on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_summary.h"
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
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_summary");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2014–2025. Uppgifter till och med 2026-10-31."
#define NOTE "Källa: statistics.csv och trend_tests.csv. Förändring och trend avgörs på " \
             "5-procentsnivån; se Trendanalys. .. = redovisas inte."

#define VB(ind, per, v) {.report = "vb", .indicator = (ind), .period = (per), \
                         .dimension = "total", .category = "alla", .value = (v)}

/* IA cases 16 then 22, unclear 7 then 0, a rate for 2025 only; the
 * unsafe share of 2025 suppressed; dialogues 12 then 15 with 212
 * participants in 2025; a sum without tests (klotter_antal); a lägesbild
 * figure. */
static const xr_fig rows[] = {
	VB("incidents_vbe", "2024", 16),
	VB("incidents_vbe", "2025", 22),
	VB("incidents_oklart", "2024", 7),
	VB("incidents_oklart", "2025", 0),
	VB("incident_rate_per_10000", "2025", 2.966158824),
	VB("andel_otrygga_kvall", "2023", 0.312),
	{.report = "vb", .indicator = "andel_otrygga_kvall", .period = "2025",
	 .dimension = "total", .category = "alla", .value = 0.3, .suppressed = 1},
	VB("dialogues", "2024", 12),
	VB("dialogues", "2025", 15),
	VB("dialogue_participants", "2025", 212),
	VB("klotter_antal", "2025", 50),
	{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
	 .dimension = "total", .category = "alla", .value = 3},
};

static vbs_trend test(const char *report, const char *indicator, const char *method,
                      const char *first, const char *last, double p, const char *direction)
{
	vbs_trend t = {.report = report, .source = "test", .indicator = indicator,
	               .dimension = "total", .category = "alla", .method = method,
	               .p_value = p, .has = TREND_HAS_P, .direction = direction};

	snprintf(t.first_period, sizeof(t.first_period), "%s", first);
	snprintf(t.last_period, sizeof(t.last_period), "%s", last);
	return t;
}

static int write_summary(vbs_xlsx *wb, const void *ctx)
{
	return sheet_summary_write(wb, ctx, SUBTITLE);
}

/* The caption A4, the key figures A5:G11, the note A12, a blank line, the
 * heading A14 and the six sentences A15-A20. */
static void test_summary(void **state)
{
	static const char *const headers[] = {
		"Indikator", "Senaste period", "Värde", "Föregående period", "Föregående värde",
		"Förändring", "Trend över åren",
	};
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. Nyckeltal: senaste perioden jämfört med föregående",
		           "the caption"),
		XR_TEXT_AT("A6", "Ärenden med koppling till våldsbejakande extremism", "row 1's label"),
		XR_TEXT_AT("B6", "2025", "IA's latest period"),
		XR_NUMBER_AT("C6", 22, XR_FMT_COUNT, "IA's latest count"),
		XR_TEXT_AT("D6", "2024", "IA's previous period"),
		XR_NUMBER_AT("E6", 16, XR_FMT_COUNT, "IA's previous count"),
		XR_TEXT_AT("F6", "Ingen säkerställd förändring", "IA's change"),
		XR_TEXT_AT("G6", "Ökande", "IA's trend (the vb test, not the lägesbild's)"),
		XR_TEXT_AT("A7", "Ärenden där kopplingen till våldsbejakande extremism är oklar",
		           "row 2's label"),
		XR_NUMBER_AT("C7", 0, XR_FMT_COUNT, "the unclear cases' latest count (zero)"),
		XR_NUMBER_AT("E7", 7, XR_FMT_COUNT, "the unclear cases' previous count"),
		XR_TEXT_AT("F7", "Minskande", "the unclear cases' change"),
		XR_TEXT_AT("G7", "Ej prövad", "the unclear cases' trend (no test)"),
		XR_TEXT_AT("A8", "Ärenden med koppling till våldsbejakande extremism per 10 000 "
		           "invånare", "row 3's label"),
		XR_NUMBER_AT("C8", 2.966158824, XR_FMT_DECIMAL, "the rate"),
		XR_EMPTY_AT("D8", "the rate's previous period (none)"),
		XR_EMPTY_AT("E8", "the rate's previous value (none)"),
		XR_TEXT_AT("F8", "Ej prövad", "the rate's change (no test)"),
		XR_TEXT_AT("A9", "Andel otrygga ute sent en kväll", "row 4's label"),
		XR_TEXT_AT("C9", "..", "the share 2025 (suppressed)"),
		XR_TEXT_AT("D9", "2023", "the share's previous survey year"),
		XR_NUMBER_AT("E9", 0.312, XR_FMT_PERCENT, "the share 2023"),
		XR_TEXT_AT("A10", "Medborgardialoger", "row 5's label"),
		XR_NUMBER_AT("C10", 15, XR_FMT_COUNT, "dialogues 2025"),
		XR_TEXT_AT("F10", "Ingen säkerställd förändring", "the dialogues' change"),
		XR_TEXT_AT("A11", "Deltagare i medborgardialoger", "row 6's label"),
		XR_NUMBER_AT("C11", 212, XR_FMT_COUNT, "participants 2025"),
		XR_TEXT_AT("A14", "Att lyfta in i texten", "the sentences' heading"),
		XR_TEXT_AT("A15", "Under 2025 registrerades 22 ärenden med koppling till "
		           "våldsbejakande extremism i incidentrapporteringen (IA), jämfört med 16 "
		           "under 2024. Förändringen är inte statistiskt säkerställd (p = 0,418). "
		           "Över åren 2014–2025 visar antalet ärenden en statistiskt säkerställd "
		           "ökande trend (Mann–Kendall, p < 0,001).", "sentence 1"),
		XR_TEXT_AT("A16", "Därutöver fanns 0 ärenden där kopplingen till våldsbejakande "
		           "extremism var oklar (7 under 2024).", "sentence 2"),
		XR_TEXT_AT("A17", "Det motsvarar 3,0 ärenden per 10 000 invånare under 2025.",
		           "sentence 3"),
		XR_TEXT_AT("A18", "Andel otrygga ute sent en kväll i trygghetsmätningen 2025 "
		           "redovisas inte: för få svar.", "sentence 4"),
		XR_TEXT_AT("A19", "Under 2025 hölls 15 medborgardialoger med sammanlagt 212 "
		           "deltagare.", "sentence 5"),
		XR_TEXT_AT("A20", "Av handlingsplanens 2 aktiviteter med mål för 2025 uppfylldes 1, "
		           "0 delvis och 1 inte alls.", "sentence 6"),
		XR_EMPTY_AT("A21", "a seventh sentence"),
	};
	vbs_trend tests[] = {
		test("lagesbild", "incidents_vbe", "mann_kendall", "2014-01-01..2014-10-31",
		     "2026-01-01..2026-10-31", 0.01, "minskande"),
		test("vb", "incidents_vbe", "mann_kendall", "2014", "2025", 0.0008492268308, "okande"),
		test("vb", "incidents_vbe", "change_vs_previous", "2024", "2025", 0.4181504122,
		     "ingen_sakerstalld"),
		test("vb", "incidents_oklart", "change_vs_previous", "2024", "2025", 0.03,
		     "minskande"),
		test("vb", "dialogues", "change_vs_previous", "2024", "2025", 0.55,
		     "ingen_sakerstalld"),
	};
	vbs_followup_row plan[] = {
		{.id = "A1", .year = 2025, .mal = 2, .occurrences = 2, .status = ACTIVITY_UPPFYLLT,
		 .complete = 1},
		{.id = "A2", .year = 2025, .mal = 1, .occurrences = 0,
		 .status = ACTIVITY_EJ_UPPFYLLT, .complete = 1},
	};
	vbs_followup followup = {.report = "vb", .rows = plan, .n = 2};
	vbs_trends trends = {.rows = tests, .n = sizeof(tests) / sizeof(tests[0])};
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .indicators = &indicators,
	                      .trends = &trends, .followup = &followup};
	char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
	xr_sheet s;

	(void)state;
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	xr_in_dir(path, tmpdir, "summary.xlsx");
	xr_write_book(tmpdir, path, write_summary, &ctx, "the summary");
	xr_sheet_open(&s, path, "Sammanfattning");
	xr_check_text(&s, "the title", "A1", "Sammanfattning");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the summary", want, sizeof(want) / sizeof(want[0]));
	if (xr_table_names(&s, names, 4) != 1)
		fail_msg("the summary has %d tables, want the key figures only",
		         xr_table_names(&s, names, 4));
	xr_check_table(&s, "the key figures", "Nyckeltal", "A5:G11", headers, 7, NOTE);
	if (xr_frozen_rows(&s) != 5)
		fail_msg("frozen below row %ld, want the key figures' header row 5",
		         xr_frozen_rows(&s));
	xr_sheet_close(&s);
	figures_release(&figs);
}

/* No figure of the book's report: no key figures and no sentence, only
 * the heading. */
static void test_no_figures(void **state)
{
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .indicators = &indicators};
	char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
	xr_sheet s;

	(void)state;
	xr_figures(&figs, &rows[sizeof(rows) / sizeof(rows[0]) - 1], 1);
	xr_in_dir(path, tmpdir, "no_summary.xlsx");
	xr_write_book(tmpdir, path, write_summary, &ctx, "no figures");
	xr_sheet_open(&s, path, "Sammanfattning");
	xr_check_text(&s, "no figures", "A4", "Att lyfta in i texten");
	xr_check_empty(&s, "no figures", "A5");
	if (xr_table_names(&s, names, 4) != 0)
		fail_msg("no figures: a table was written (%s)", names[0]);
	xr_sheet_close(&s);
	figures_release(&figs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_no_figures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
