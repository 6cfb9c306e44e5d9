/* test_sheet_months: the lägesbild's Månader sheet from hand-built monthly
 * figures, read back: the title and subtitle, the month names in Swedish
 * with the VBE-linked and unclear cases as counts (zero a number, a
 * suppressed month ".."), months without any figure left out, figures of
 * the vb report ignored, the source note, the frozen header row, one
 * column chart with its alt text naming the months; without monthly
 * figures, the "no data" line instead of a table. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/sheet_months.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_months");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Lägesbild. Perioden 1 januari–31 oktober varje år, 2025–2026."
#define NOTE "Källa: stadens system för incidentrapportering (IA). Månad efter händelsedatum. " \
             "– = 0. .. = uppgiften redovisas inte (för få personer)."

#define MONTH(ind, month, v) {.report = "lagesbild", .indicator = (ind), \
	.period = "2026-01-01..2026-10-31", .dimension = "manad", .category = (month), .value = (v)}

/* January to March and May; April has no figure at all (the vb figure of
 * April is another report's). March is suppressed, February is zero. */
static const xr_fig months_rows[] = {
	MONTH("incidents_vbe", "01", 2),
	MONTH("incidents_vbe", "02", 0),
	{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
	 .dimension = "manad", .category = "03", .value = 1, .suppressed = 1},
	MONTH("incidents_vbe", "05", 4),
	MONTH("incidents_oklart", "01", 1),
	MONTH("incidents_oklart", "02", 0),
	{.report = "vb", .indicator = "incidents_vbe", .period = "2026", .dimension = "manad",
	 .category = "04", .value = 9},
	{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
	 .dimension = "total", .category = "alla", .value = 7},
};

/* Only totals: nothing by month. */
static const xr_fig no_month_rows[] = {
	{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
	 .dimension = "total", .category = "alla", .value = 7},
};

enum { WANT_MAX = 16 };

static const struct months_case {
	const char *name;
	const xr_fig *rows;
	size_t nrows;
	const char *table_ref;   /* NULL: no table */
	const char *alt;         /* the chart's alt text; NULL: no chart */
	const char *categories, *values;  /* the chart's ranges */
	xr_want want[WANT_MAX];
} cases[] = {
	{
		.name = "four months, April without figures",
		.rows = months_rows, .nrows = sizeof(months_rows) / sizeof(months_rows[0]),
		.table_ref = "A5:C9",
		.alt = "Stapeldiagram över antalet ärenden med koppling till våldsbejakande extremism "
		       "per månad i år, januari till maj, enligt tabell 1.",
		.categories = "<c:f>'Månader'!$A$6:$A$9</c:f>",
		.values = "<c:f>'Månader'!$B$6:$B$9</c:f>",
		.want = {
			XR_TEXT_AT("A4", "Tabell 1. Ärenden per månad hittills i år", "the caption"),
			XR_TEXT_AT("A6", "januari", "month 1"),
			XR_NUMBER_AT("B6", 2, XR_FMT_COUNT, "VBE januari"),
			XR_NUMBER_AT("C6", 1, XR_FMT_COUNT, "oklart januari"),
			XR_TEXT_AT("A7", "februari", "month 2"),
			XR_NUMBER_AT("B7", 0, XR_FMT_COUNT, "VBE februari (zero)"),
			XR_NUMBER_AT("C7", 0, XR_FMT_COUNT, "oklart februari (zero)"),
			XR_TEXT_AT("A8", "mars", "month 3"),
			XR_TEXT_AT("B8", "..", "VBE mars (suppressed)"),
			XR_EMPTY_AT("C8", "oklart mars (no figure)"),
			XR_TEXT_AT("A9", "maj", "month 5, right after mars"),
			XR_NUMBER_AT("B9", 4, XR_FMT_COUNT, "VBE maj"),
			XR_EMPTY_AT("C9", "oklart maj (no figure)"),
			XR_EMPTY_AT("A11", "a row after the note"),
		},
	},
	{
		.name = "no monthly figures",
		.rows = no_month_rows, .nrows = sizeof(no_month_rows) / sizeof(no_month_rows[0]),
		.want = {
			XR_TEXT_AT("A4", "Inga månadsuppgifter finns för i år.", "the no-data line"),
			XR_EMPTY_AT("A5", "a table header"),
		},
	},
};

static int write_months(vbs_xlsx *wb, const void *ctx)
{
	return sheet_months_write(wb, ctx, SUBTITLE);
}

static void test_months(void **state)
{
	static const char *const headers[] = {
		"Månad", "Ärenden med koppling till VBE", "Ärenden med oklar koppling",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct months_case *c = &cases[i];
		vbs_periods periods = {.report = "lagesbild"};
		vbs_figures figs;
		vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
		char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES], alt[XR_TEXT_BYTES];
		size_t nwant = 0;
		int ncharts, nalts;
		xr_sheet s;

		xr_figures(&figs, c->rows, c->nrows);
		xr_in_dir(path, tmpdir, "months.xlsx");
		xr_write_book(tmpdir, path, write_months, &ctx, c->name);
		xr_sheet_open(&s, path, "Månader");
		xr_check_text(&s, c->name, "A1", "Ärenden per månad i år");
		xr_check_text(&s, c->name, "A2", SUBTITLE);
		while (nwant < WANT_MAX && c->want[nwant].ref)
			nwant++;
		xr_check_cells(&s, c->name, c->want, nwant);
		ncharts = xr_charts(&s, &nalts);
		if (ncharts != nalts)
			fail_msg("case '%s': %d charts but %d alt texts", c->name, ncharts, nalts);
		if (c->table_ref) {
			char *chart;

			xr_check_table(&s, c->name, "Manader", c->table_ref, headers, 3, NOTE);
			if (xr_frozen_rows(&s) != 5)
				fail_msg("case '%s': frozen below row %ld, want 5", c->name, xr_frozen_rows(&s));
			if (ncharts != 1)
				fail_msg("case '%s': %d charts, want 1", c->name, ncharts);
			xr_chart_alt(&s, 0, alt, sizeof(alt));
			if (strcmp(alt, c->alt) != 0)
				fail_msg("case '%s': alt text\n   got \"%s\"\n  want \"%s\"", c->name, alt,
				         c->alt);
			chart = xr_chart_xml(&s, 0);
			xr_contains("the chart's categories: the month names", chart, c->categories);
			xr_contains("the chart's values: the VBE column", chart, c->values);
			free(chart);
		} else {
			if (xr_table_names(&s, names, 4) != 0)
				fail_msg("case '%s': a table was written (%s)", c->name, names[0]);
			if (ncharts != 0)
				fail_msg("case '%s': %d charts without data", c->name, ncharts);
		}
		xr_sheet_close(&s);
		figures_release(&figs);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_months),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
