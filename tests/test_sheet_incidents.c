/* test_sheet_incidents: the Incidenter sheet from hand-built IA, rate and
 * sticker-log figures, read back: the breakdown tables by name, range,
 * headers and source note (a breakdown without categories shows its total
 * row, an indicator without figures no table), counts, rates with one
 * decimal, a zero as a number and suppressed cells as "..", the totals with
 * their intervals and rates (none where the rate is suppressed), the
 * frozen header row, the line chart of the totals and the bars of the
 * latest period, each with its alt text; the lägesbild's windows as
 * columns and "Period" on the chart's axis. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_incidents.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_incidents");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2024–2025. Uppgifter till och med 2026-10-31."
#define SOURCE_IA "Källa: stadens system för incidentrapportering (IA), ärenden markerade med " \
	"koppling till våldsbejakande extremism. Ett ärende räknas en gång (senaste versionen). " \
	"– = 0. .. = uppgiften redovisas inte (för få personer, se Metod och källor)."
#define SOURCE_RATE "Källa: IA och befolkningen den 31 december (befolkning). Antal ärenden " \
	"med koppling till våldsbejakande extremism per 10 000 invånare. .. = uppgiften " \
	"redovisas inte."
#define SOURCE_KLOTTER "Källa: park- och gatuenhetens logg över klistermärken, affischer och " \
	"klotter. Ett fynd räknas en gång. Sanering räknas bara när den skett senast på " \
	"uppgiftsdatumet. – = 0."
#define SOURCE_TOTALS "Källa: IA och befolkning. Intervallen är exakta 95-procentiga " \
	"Poissonintervall (Garwood); per 10 000 invånare redovisas bara för år med " \
	"befolkningsuppgift."

#define VB(ind, per, dim, cat, v) {.report = "vb", .indicator = (ind), .period = (per), \
                                   .dimension = (dim), .category = (cat), .value = (v)}
#define VB_CI(ind, per, v, lo, hi, sup) {.report = "vb", .indicator = (ind), .period = (per), \
	.dimension = "total", .category = "alla", .value = (v), .has = FIG_VALUE | FIG_CI, \
	.ci_low = (lo), .ci_high = (hi), .suppressed = (sup)}

/* VBE cases by miljö and område (no kategori, verksamhetsområde or
 * händelsetyp categories, no unclear cases), the rate with 2025
 * suppressed, finds by typ; a lägesbild figure the vb sheet leaves out. */
static const xr_fig rows[] = {
	VB_CI("incidents_vbe", "2024", 9, 4.1, 17.1, 0),
	VB_CI("incidents_vbe", "2025", 12, 6.2, 21.0, 0),
	VB("incidents_vbe", "2024", "miljo", "Vit makt-miljön", 5),
	VB("incidents_vbe", "2025", "miljo", "Vit makt-miljön", 0),
	{.report = "vb", .indicator = "incidents_vbe", .period = "2024", .dimension = "miljo",
	 .category = "Islamistisk miljö", .value = 2, .suppressed = 1},
	VB("incidents_vbe", "2025", "miljo", "Islamistisk miljö", 12),
	VB("incidents_vbe", "2024", "omrade", "Gärdet", 3),
	VB("incidents_vbe", "2025", "omrade", "Gärdet", 1),
	VB_CI("incident_rate_per_10000", "2024", 1.25, 0.57, 2.37, 0),
	VB_CI("incident_rate_per_10000", "2025", 0.8, 0.3, 1.5, 1),
	VB("incident_rate_per_10000", "2024", "omrade", "Gärdet", 2.5),
	VB("klotter_fynd", "2024", "total", "alla", 6),
	VB("klotter_fynd", "2025", "total", "alla", 0),
	VB("klotter_fynd", "2024", "typ", "Klistermärke", 6),
	VB("klotter_fynd", "2025", "typ", "Klistermärke", 0),
	{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
	 .dimension = "total", .category = "alla", .value = 4},
};

static int write_incidents(vbs_xlsx *wb, const void *ctx)
{
	return sheet_incidents_write(wb, ctx, SUBTITLE);
}

/* Tables 1-5 from row index 3 (each: caption, header, rows, note, a blank
 * line), table 6 left out, table 7 (totals) caption A32 and A33:G35,
 * table 8 (rate) A38 and A39:C41, tables 9-11 (finds) A44, A50, A55. */
static void test_incidents(void **state)
{
	static const char *const totals_headers[] = {
		"Period", "Antal", "Nedre gräns (95 %)", "Övre gräns (95 %)", "Per 10 000 invånare",
		"Nedre gräns per 10 000", "Övre gräns per 10 000",
	};
	static const struct {
		const char *name, *ref, *first, *note;
	} tables[] = {
		{"VBE_miljo", "A5:C8", "Miljö", SOURCE_IA},
		{"VBE_kategori", "A12:C13", "Kategori", SOURCE_IA},
		{"VBE_verksamhet", "A17:C18", "Verksamhetsområde", SOURCE_IA},
		{"VBE_omrade", "A22:C24", "Område", SOURCE_IA},
		{"VBE_handelsetyp", "A28:C29", "Händelsetyp", SOURCE_IA},
		{"VBE_totalt_intervall", "A33:G35", NULL, SOURCE_TOTALS},
		{"VBE_per_10000", "A39:C41", "Område", SOURCE_RATE},
		{"Klotter_typ", "A45:C47", "Typ", SOURCE_KLOTTER},
		{"Klotter_miljo", "A51:C52", "Miljö", SOURCE_KLOTTER},
		{"Klotter_omrade", "A56:C57", "Område", SOURCE_KLOTTER},
	};
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. Ärenden med koppling till våldsbejakande extremism per "
		           "miljö", "caption 1"),
		XR_TEXT_AT("A6", "Vit makt-miljön", "the first miljö"),
		XR_NUMBER_AT("B6", 5, XR_FMT_COUNT, "Vit makt-miljön 2024"),
		XR_NUMBER_AT("C6", 0, XR_FMT_COUNT, "Vit makt-miljön 2025 (zero)"),
		XR_TEXT_AT("A7", "Islamistisk miljö", "the second miljö"),
		XR_TEXT_AT("B7", "..", "Islamistisk miljö 2024 (suppressed)"),
		XR_NUMBER_AT("C7", 12, XR_FMT_COUNT, "Islamistisk miljö 2025"),
		XR_TEXT_AT("A8", "Totalt", "table 1's total label"),
		XR_NUMBER_AT("B8", 9, XR_FMT_COUNT, "the total 2024"),
		XR_NUMBER_AT("C8", 12, XR_FMT_COUNT, "the total 2025"),
		XR_TEXT_AT("A11", "Tabell 2. Ärenden med koppling till våldsbejakande extremism per "
		           "kategori", "caption 2"),
		XR_TEXT_AT("A13", "Totalt", "table 2's only row"),
		XR_NUMBER_AT("C13", 12, XR_FMT_COUNT, "table 2's total 2025"),
		XR_TEXT_AT("A23", "Gärdet", "an område"),
		XR_NUMBER_AT("B23", 3, XR_FMT_COUNT, "Gärdet 2024"),
		XR_TEXT_AT("A27", "Tabell 5. Ärenden med koppling till våldsbejakande extremism per "
		           "händelsetyp", "caption 5"),
		XR_TEXT_AT("A32", "Tabell 7. Ärenden med koppling till våldsbejakande extremism, "
		           "totalt med konfidensintervall", "caption 7, right after table 5"),
		XR_TEXT_AT("A34", "2024", "the totals' first period"),
		XR_NUMBER_AT("B34", 9, XR_FMT_COUNT, "the count 2024"),
		XR_NUMBER_AT("C34", 4.1, XR_FMT_DECIMAL, "the count's lower limit 2024"),
		XR_NUMBER_AT("D34", 17.1, XR_FMT_DECIMAL, "the count's upper limit 2024"),
		XR_NUMBER_AT("E34", 1.25, XR_FMT_DECIMAL, "the rate 2024"),
		XR_NUMBER_AT("F34", 0.57, XR_FMT_DECIMAL, "the rate's lower limit 2024"),
		XR_NUMBER_AT("G34", 2.37, XR_FMT_DECIMAL, "the rate's upper limit 2024"),
		XR_TEXT_AT("A35", "2025", "the totals' second period"),
		XR_NUMBER_AT("B35", 12, XR_FMT_COUNT, "the count 2025"),
		XR_NUMBER_AT("D35", 21.0, XR_FMT_DECIMAL, "the count's upper limit 2025"),
		XR_TEXT_AT("E35", "..", "the rate 2025 (suppressed)"),
		XR_EMPTY_AT("F35", "the suppressed rate's lower limit"),
		XR_EMPTY_AT("G35", "the suppressed rate's upper limit"),
		XR_TEXT_AT("A38", "Tabell 8. Ärenden med koppling till våldsbejakande extremism per "
		           "10 000 invånare", "caption 8"),
		XR_TEXT_AT("A40", "Gärdet", "the rate's område"),
		XR_NUMBER_AT("B40", 2.5, XR_FMT_DECIMAL, "Gärdet's rate 2024"),
		XR_EMPTY_AT("C40", "Gärdet's rate 2025 (no population)"),
		XR_TEXT_AT("A41", "Hela stadsdelsområdet", "the rate's total label"),
		XR_NUMBER_AT("B41", 1.25, XR_FMT_DECIMAL, "the rate 2024 in table 8"),
		XR_TEXT_AT("C41", "..", "the rate 2025 in table 8 (suppressed)"),
		XR_TEXT_AT("A44", "Tabell 9. Fynd av klistermärken, affischer och klotter med "
		           "extremistiskt budskap per typ", "caption 9"),
		XR_TEXT_AT("A46", "Klistermärke", "a typ"),
		XR_NUMBER_AT("B46", 6, XR_FMT_COUNT, "Klistermärke 2024"),
		XR_NUMBER_AT("C47", 0, XR_FMT_COUNT, "finds 2025 (zero)"),
		XR_EMPTY_AT("A60", "a table after the finds'"),
		XR_EMPTY_AT("D5", "a lägesbild window as a column"),
	};
	static const char *const alts[] = {
		"Linjediagram över antalet ärenden med koppling till våldsbejakande extremism per "
		"period, 2024 till 2025, enligt totalraden i tabell 1.",
		"Liggande stapeldiagram över ärenden med koppling till våldsbejakande extremism per "
		"miljö under 2025, enligt sista kolumnen i tabell 1; celler som inte redovisas (..) "
		"saknar stapel.",
	};
	static vbs_periods periods;
	vbs_figures figs;
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
	char path[XR_PATH_BYTES], alt[XR_TEXT_BYTES], names[16][XR_NAME_BYTES];
	char *chart;
	int ncharts, nalts, ntables;
	xr_sheet s;

	(void)state;
	if (periods_build(&periods, "vb", 2024, xr_day(2026, 10, 31)) != 0 || periods.n != 2)
		fail_msg("periods_build: %d vb years, want 2024 and 2025", periods.n);
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	xr_in_dir(path, tmpdir, "incidents.xlsx");
	xr_write_book(tmpdir, path, write_incidents, &ctx, "the incidents");
	xr_sheet_open(&s, path, "Incidenter");
	xr_check_text(&s, "the title", "A1", "Incidenter med koppling till våldsbejakande extremism");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the incidents", want, sizeof(want) / sizeof(want[0]));
	ntables = xr_table_names(&s, names, 16);
	if (ntables != (int)(sizeof(tables) / sizeof(tables[0])))
		fail_msg("%d tables, want %zu", ntables, sizeof(tables) / sizeof(tables[0]));
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const char *headers[] = {tables[i].first, "2024", "2025"};

		if (strcmp(names[i], tables[i].name) != 0)
			fail_msg("table %zu is %s, want %s", i + 1, names[i], tables[i].name);
		xr_check_table(&s, tables[i].name, tables[i].name, tables[i].ref,
		               tables[i].first ? headers : totals_headers, tables[i].first ? 3 : 7,
		               tables[i].note);
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
	xr_contains("chart 1's categories: table 1's periods", chart,
	            "<c:f>Incidenter!$B$5:$C$5</c:f>");
	xr_contains("chart 1's values: table 1's total row", chart,
	            "<c:f>Incidenter!$B$8:$C$8</c:f>");
	xr_contains("chart 1's axis: years", chart, "<a:t>År</a:t>");
	free(chart);
	chart = xr_chart_xml(&s, 1);
	xr_contains("chart 2: bars", chart, "<c:barDir val=\"bar\"/>");
	xr_contains("chart 2's categories: table 1's miljöer", chart,
	            "<c:f>Incidenter!$A$6:$A$7</c:f>");
	xr_contains("chart 2's values: table 1's last column", chart,
	            "<c:f>Incidenter!$C$6:$C$7</c:f>");
	free(chart);
	xr_sheet_close(&s);
	figures_release(&figs);
}

/* The lägesbild: the windows are the columns of table 1 (A5:C7: Okänd,
 * Totalt) and the periods of table 7 (tables 2-5 hold their total row
 * each, so table 7's caption is on A30 and its periods on A32-A33), and
 * the line chart's axis says "Period". */
static void test_lagesbild(void **state)
{
	static const xr_fig ytd[] = {
		{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2025-01-01..2025-10-31",
		 .dimension = "total", .category = "alla", .value = 6},
		{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
		 .dimension = "total", .category = "alla", .value = 4},
		{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2025-01-01..2025-10-31",
		 .dimension = "miljo", .category = "Okänd", .value = 6},
		{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
		 .dimension = "miljo", .category = "Okänd", .value = 4},
		VB("incidents_vbe", "2025", "total", "alla", 99),
	};
	static const char *const headers[] = {"Miljö", "2025-01-01..2025-10-31",
	                                      "2026-01-01..2026-10-31"};
	static const xr_want want[] = {
		XR_TEXT_AT("A6", "Okänd", "the miljö"),
		XR_NUMBER_AT("B7", 6, XR_FMT_COUNT, "the total 2025"),
		XR_NUMBER_AT("C7", 4, XR_FMT_COUNT, "the total 2026"),
		XR_EMPTY_AT("D5", "the vb year as a column"),
		XR_TEXT_AT("A30", "Tabell 7. Ärenden med koppling till våldsbejakande extremism, "
		           "totalt med konfidensintervall", "caption 7"),
		XR_TEXT_AT("A32", "2025-01-01..2025-10-31", "table 7's first window"),
		XR_NUMBER_AT("B32", 6, XR_FMT_COUNT, "table 7's count 2025"),
		XR_TEXT_AT("A33", "2026-01-01..2026-10-31", "table 7's second window"),
		XR_NUMBER_AT("B33", 4, XR_FMT_COUNT, "table 7's count 2026"),
	};
	static vbs_periods periods;
	vbs_figures figs;
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
	char path[XR_PATH_BYTES];
	char *chart;
	xr_sheet s;

	(void)state;
	if (periods_build(&periods, "lagesbild", 2025, xr_day(2026, 10, 31)) != 0 ||
	    periods.n != 2)
		fail_msg("periods_build: %d lägesbild windows, want 2", periods.n);
	xr_figures(&figs, ytd, sizeof(ytd) / sizeof(ytd[0]));
	xr_in_dir(path, tmpdir, "incidents_ytd.xlsx");
	xr_write_book(tmpdir, path, write_incidents, &ctx, "the lägesbild's incidents");
	xr_sheet_open(&s, path, "Incidenter");
	xr_check_cells(&s, "the lägesbild", want, sizeof(want) / sizeof(want[0]));
	xr_check_table(&s, "the lägesbild", "VBE_miljo", "A5:C7", headers, 3, SOURCE_IA);
	chart = xr_chart_xml(&s, 0);
	xr_contains("the lägesbild's line chart's axis", chart, "<a:t>Period</a:t>");
	free(chart);
	xr_sheet_close(&s);
	figures_release(&figs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_incidents),
		cmocka_unit_test(test_lagesbild),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
