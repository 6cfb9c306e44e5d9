/* test_sheet_dialogues: the Medborgardialoger sheet from hand-built
 * figures, read back: the seven tables by name, headers, ranges and source
 * notes, the number of dialogues and participants as counts (zero a
 * number, a suppressed cell ".."), the shares of dialogues as per cent, the
 * lägesbild's figures left out of the vb book, one line chart of the
 * totals with its alt text; without dialogue figures, the "no data" line
 * instead of empty tables. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_dialogues.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_dialogues");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2024–2025. Uppgifter till och med 2026-10-31."
#define NOTE "Källa: förvaltningens register över medborgardialoger (möten, " \
	"trygghetsvandringar, workshoppar, digitala dialoger). En dialog räknas en gång; under " \
	"teman räknas den en gång för varje tema den tar upp. – = 0."
#define SHARE_TRYGGHET "Andel dialoger där trygghet togs upp"
#define SHARE_VBE "Andel dialoger där våldsbejakande extremism togs upp"

#define VB(ind, per, dim, cat, v) {.report = "vb", .indicator = (ind), .period = (per), \
                                   .dimension = (dim), .category = (cat), .value = (v)}

static const xr_fig rows[] = {
	VB("dialogues", "2024", "total", "alla", 12),
	VB("dialogues", "2025", "total", "alla", 15),
	VB("dialogues", "2024", "form", "Möte", 8),
	VB("dialogues", "2025", "form", "Möte", 15),
	VB("dialogues", "2024", "form", "Trygghetsvandring", 4),
	VB("dialogues", "2025", "form", "Trygghetsvandring", 0),
	VB("dialogues", "2024", "tema", "Trygghet", 9),
	VB("dialogues", "2025", "tema", "Trygghet", 11),
	VB("dialogue_participants", "2024", "total", "alla", 140),
	VB("dialogue_participants", "2025", "total", "alla", 212),
	VB("dialogue_participants", "2024", "form", "Möte", 100),
	VB("dialogue_participants", "2025", "form", "Möte", 212),
	{.report = "vb", .indicator = "dialogue_participants", .period = "2024",
	 .dimension = "form", .category = "Trygghetsvandring", .value = 40, .suppressed = 1},
	VB("dialogue_participants", "2025", "form", "Trygghetsvandring", 0),
	VB("andel_dialoger_trygghet", "2024", "total", "alla", 0.75),
	VB("andel_dialoger_trygghet", "2025", "total", "alla", 0.6),
	VB("andel_dialoger_vbe", "2024", "total", "alla", 0.25),
	VB("andel_dialoger_vbe", "2025", "total", "alla", 0),
	{.report = "lagesbild", .indicator = "dialogues", .period = "2026-01-01..2026-10-31",
	 .dimension = "total", .category = "alla", .value = 3},
};

static int write_dialogues(vbs_xlsx *wb, const void *ctx)
{
	return sheet_dialogues_write(wb, ctx, SUBTITLE);
}

/* Each table: its caption, header row, categories, the total row and the
 * note, then a blank line: Tabell 1 A4-A9, 2 A11-A14 (total only), 3
 * A16-A19 (total only), 4 A21-A25, 5 A27-A32, 6 A34-A37, 7 A39-A42. */
static void test_dialogues(void **state)
{
	static const struct {
		const char *name, *ref, *first;  /* the first column's header */
	} tables[] = {
		{"Dialoger_form", "A5:C8", "Form"},
		{"Dialoger_malgrupp", "A12:C13", "Målgrupp"},
		{"Dialoger_omrade", "A17:C18", "Område"},
		{"Dialoger_tema", "A22:C24", "Tema"},
		{"Deltagare_form", "A28:C31", "Form"},
		{"Andel_trygghet", "A35:C36", "Mått"},
		{"Andel_vbe", "A40:C41", "Mått"},
	};
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. Medborgardialoger per form", "caption 1"),
		XR_TEXT_AT("A6", "Möte", "the first form"),
		XR_NUMBER_AT("B6", 8, XR_FMT_COUNT, "Möte 2024"),
		XR_NUMBER_AT("C6", 15, XR_FMT_COUNT, "Möte 2025"),
		XR_TEXT_AT("A7", "Trygghetsvandring", "the second form"),
		XR_NUMBER_AT("C7", 0, XR_FMT_COUNT, "Trygghetsvandring 2025 (zero)"),
		XR_TEXT_AT("A8", "Totalt", "table 1's total label"),
		XR_NUMBER_AT("B8", 12, XR_FMT_COUNT, "dialogues 2024"),
		XR_NUMBER_AT("C8", 15, XR_FMT_COUNT, "dialogues 2025"),
		XR_TEXT_AT("A11", "Tabell 2. Medborgardialoger per målgrupp", "caption 2"),
		XR_NUMBER_AT("C13", 15, XR_FMT_COUNT, "table 2's total 2025"),
		XR_TEXT_AT("A16", "Tabell 3. Medborgardialoger per område", "caption 3"),
		XR_TEXT_AT("A21", "Tabell 4. Medborgardialoger per tema som togs upp", "caption 4"),
		XR_TEXT_AT("A23", "Trygghet", "a theme"),
		XR_NUMBER_AT("C23", 11, XR_FMT_COUNT, "Trygghet 2025"),
		XR_TEXT_AT("A24", "Antal dialoger", "table 4's total label"),
		XR_TEXT_AT("A27", "Tabell 5. Deltagare i medborgardialoger per form", "caption 5"),
		XR_NUMBER_AT("C29", 212, XR_FMT_COUNT, "participants Möte 2025"),
		XR_TEXT_AT("B30", "..", "participants Trygghetsvandring 2024 (suppressed)"),
		XR_NUMBER_AT("C30", 0, XR_FMT_COUNT, "participants Trygghetsvandring 2025 (zero)"),
		XR_NUMBER_AT("B31", 140, XR_FMT_COUNT, "participants 2024"),
		XR_TEXT_AT("A34", "Tabell 6. " SHARE_TRYGGHET, "caption 6"),
		XR_TEXT_AT("A36", SHARE_TRYGGHET, "table 6's row label"),
		XR_NUMBER_AT("B36", 0.75, XR_FMT_PERCENT, "the safety share 2024"),
		XR_NUMBER_AT("C36", 0.6, XR_FMT_PERCENT, "the safety share 2025"),
		XR_TEXT_AT("A39", "Tabell 7. " SHARE_VBE, "caption 7"),
		XR_TEXT_AT("A41", SHARE_VBE, "table 7's row label"),
		XR_NUMBER_AT("B41", 0.25, XR_FMT_PERCENT, "the VBE share 2024"),
		XR_NUMBER_AT("C41", 0, XR_FMT_PERCENT, "the VBE share 2025 (zero)"),
		XR_EMPTY_AT("D5", "a lägesbild window as a column"),
		XR_EMPTY_AT("A44", "a row after the last table"),
	};
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
	char path[XR_PATH_BYTES], alt[XR_TEXT_BYTES], names[10][XR_NAME_BYTES];
	char *chart;
	int ncharts, nalts;
	xr_sheet s;

	(void)state;
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	xr_in_dir(path, tmpdir, "dialogues.xlsx");
	xr_write_book(tmpdir, path, write_dialogues, &ctx, "the dialogues");
	xr_sheet_open(&s, path, "Medborgardialoger");
	xr_check_text(&s, "the title", "A1", "Medborgardialoger");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the dialogues", want, sizeof(want) / sizeof(want[0]));
	if (xr_table_names(&s, names, 10) != 7)
		fail_msg("%d tables, want 7", xr_table_names(&s, names, 10));
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const char *headers[] = {tables[i].first, "2024", "2025"};

		if (strcmp(names[i], tables[i].name) != 0)
			fail_msg("table %zu is %s, want %s", i + 1, names[i], tables[i].name);
		xr_check_table(&s, tables[i].name, tables[i].name, tables[i].ref, headers, 3, NOTE);
	}
	if (xr_frozen_rows(&s) != 5)
		fail_msg("frozen below row %ld, want table 1's header row 5", xr_frozen_rows(&s));
	ncharts = xr_charts(&s, &nalts);
	if (ncharts != 1 || nalts != 1)
		fail_msg("%d charts with %d alt texts, want 1 with 1", ncharts, nalts);
	xr_chart_alt(&s, 0, alt, sizeof(alt));
	if (strcmp(alt, "Linjediagram över antalet medborgardialoger per period enligt "
	                "totalraden i tabell 1.") != 0)
		fail_msg("the chart's alt text is \"%s\"", alt);
	chart = xr_chart_xml(&s, 0);
	xr_contains("the chart: a line", chart, "<c:lineChart>");
	xr_contains("the chart's categories: the periods", chart,
	            "<c:f>Medborgardialoger!$B$5:$C$5</c:f>");
	xr_contains("the chart's values: the total row", chart,
	            "<c:f>Medborgardialoger!$B$8:$C$8</c:f>");
	free(chart);
	xr_sheet_close(&s);
	figures_release(&figs);
}

/* Only the lägesbild has dialogues: the vb book's sheet says there are
 * none, with no table and no chart. */
static void test_no_dialogues(void **state)
{
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
	char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
	xr_sheet s;

	(void)state;
	xr_figures(&figs, &rows[sizeof(rows) / sizeof(rows[0]) - 1], 1);
	xr_in_dir(path, tmpdir, "no_dialogues.xlsx");
	xr_write_book(tmpdir, path, write_dialogues, &ctx, "no dialogues");
	xr_sheet_open(&s, path, "Medborgardialoger");
	xr_check_text(&s, "no dialogues", "A4", "Inga medborgardialoger finns registrerade i perioden.");
	xr_check_empty(&s, "no dialogues", "A5");
	if (xr_table_names(&s, names, 4) != 0)
		fail_msg("no dialogues: a table was written (%s)", names[0]);
	if (xr_charts(&s, NULL) != 0)
		fail_msg("no dialogues: a chart was drawn");
	xr_sheet_close(&s);
	figures_release(&figs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dialogues),
		cmocka_unit_test(test_no_dialogues),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
