/* test_figure_table: one breakdown of one indicator written as an Excel
 * table from hand-built figures and read back: the caption above, the
 * categories as rows in the figures' order and the total last, the book's
 * periods as columns, counts, rates and shares in their number formats, a
 * suppressed cell as "..", zero as the number 0, a missing cell left empty,
 * the source note under the table, the frozen header row, the position a
 * chart needs and the row returned; figures of the other report are left
 * out, and an indicator without figures writes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "report/figure_table.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "figure_table");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define VB(ind, per, dim, cat, v) {.report = "vb", .indicator = (ind), .period = (per), \
                                   .dimension = (dim), .category = (cat), .value = (v)}
#define VB_SUPPRESSED(ind, per, dim, cat, v) {.report = "vb", .indicator = (ind), \
	.period = (per), .dimension = (dim), .category = (cat), .value = (v), .suppressed = 1}

/* Every case draws on these figures. Vit makt-miljön has a zero in 2025,
 * Okänd is suppressed in 2024 and has no figure for 2025. */
static const xr_fig rows[] = {
	VB("incidents_vbe", "2024", "total", "alla", 7),
	VB("incidents_vbe", "2025", "total", "alla", 12),
	VB("incidents_vbe", "2024", "miljo", "Vit makt-miljön", 3),
	VB("incidents_vbe", "2025", "miljo", "Vit makt-miljön", 0),
	VB_SUPPRESSED("incidents_vbe", "2024", "miljo", "Okänd", 4),
	VB("incident_rate_per_10000", "2024", "total", "alla", 1.25),
	VB("incident_rate_per_10000", "2025", "total", "alla", 2.5),
	VB("andel_otrygga_kvall", "2023", "total", "alla", 0.312),
	VB("andel_otrygga_kvall", "2025", "total", "alla", 0.285),
	{.report = "lagesbild", .indicator = "incidents_vbe", .period = "2026-01-01..2026-10-31",
	 .dimension = "total", .category = "alla", .value = 5},
};

enum { WANT_MAX = 12, HEADERS_MAX = 4 };

static const struct ft_case {
	const char *name;
	const char *report;       /* the book's report */
	vbs_figure_table table;
	int next;                 /* the row returned */
	const char *ref;          /* the Excel table's range; NULL: no table */
	const char *headers[HEADERS_MAX];
	int ncols;
	vbs_table_pos pos;        /* where the table is, for a chart */
	xr_want want[WANT_MAX];
} cases[] = {
	{
		/* Caption on row index 3 (A4), header A5, two categories and the
		 * total on A6-A8, the note on A9; the next table starts on row
		 * index 10, after a blank line. */
		.name = "a breakdown of counts, the total's label left to the default",
		.report = "vb",
		.table = {"incidents_vbe", "miljo", "Miljö", NULL, "Tabell 1. Ärenden per miljö",
		          "VBE_miljo", "Källa: IA.", FMT_COUNT},
		.next = 10, .ref = "A5:C8", .headers = {"Miljö", "2024", "2025"}, .ncols = 3,
		.pos = {4, 7, 1, 2},
		.want = {
			XR_TEXT_AT("A4", "Tabell 1. Ärenden per miljö", "the caption"),
			XR_TEXT_AT("A6", "Vit makt-miljön", "the first category"),
			XR_NUMBER_AT("B6", 3, XR_FMT_COUNT, "Vit makt-miljön 2024"),
			XR_NUMBER_AT("C6", 0, XR_FMT_COUNT, "Vit makt-miljön 2025 (zero)"),
			XR_TEXT_AT("A7", "Okänd", "the second category"),
			XR_TEXT_AT("B7", "..", "Okänd 2024 (suppressed)"),
			XR_EMPTY_AT("C7", "Okänd 2025 (no figure)"),
			XR_TEXT_AT("A8", "Totalt", "the total row's default label"),
			XR_NUMBER_AT("B8", 7, XR_FMT_COUNT, "the total 2024"),
			XR_NUMBER_AT("C8", 12, XR_FMT_COUNT, "the total 2025"),
			XR_EMPTY_AT("A10", "the blank line after the note"),
		},
	},
	{
		.name = "the total alone, as a rate with one decimal",
		.report = "vb",
		.table = {"incident_rate_per_10000", "total", "Mått", "Per 10 000 invånare",
		          "Tabell 8. Per 10 000 invånare", "VBE_per_10000", "Källa: IA och befolkning.",
		          FMT_DECIMAL},
		.next = 8, .ref = "A5:C6", .headers = {"Mått", "2024", "2025"}, .ncols = 3,
		.pos = {4, 5, 1, 2},
		.want = {
			XR_TEXT_AT("A4", "Tabell 8. Per 10 000 invånare", "the caption"),
			XR_TEXT_AT("A6", "Per 10 000 invånare", "the total row's label"),
			XR_NUMBER_AT("B6", 1.25, XR_FMT_DECIMAL, "the rate 2024"),
			XR_NUMBER_AT("C6", 2.5, XR_FMT_DECIMAL, "the rate 2025"),
		},
	},
	{
		.name = "shares per survey year, as per cent",
		.report = "vb",
		.table = {"andel_otrygga_kvall", "total", "Mått", "Hela stadsdelsområdet",
		          "Tabell 1. Andel otrygga", "Andel_otrygga", "Källa: trygghetsmätningen.",
		          FMT_PERCENT},
		.next = 8, .ref = "A5:C6", .headers = {"Mått", "2023", "2025"}, .ncols = 3,
		.pos = {4, 5, 1, 2},
		.want = {
			XR_TEXT_AT("A6", "Hela stadsdelsområdet", "the total row's label"),
			XR_NUMBER_AT("B6", 0.312, XR_FMT_PERCENT, "the share 2023"),
			XR_NUMBER_AT("C6", 0.285, XR_FMT_PERCENT, "the share 2025"),
		},
	},
	{
		.name = "the lägesbild: its window only, the vb years left out",
		.report = "lagesbild",
		.table = {"incidents_vbe", "total", "Mått", "Totalt", "Tabell 1. Hittills i år",
		          "VBE_ytd", "Källa: IA.", FMT_COUNT},
		.next = 8, .ref = "A5:B6", .headers = {"Mått", "2026-01-01..2026-10-31"}, .ncols = 2,
		.pos = {4, 5, 1, 1},
		.want = {
			XR_NUMBER_AT("B6", 5, XR_FMT_COUNT, "the window 2026"),
			XR_EMPTY_AT("C5", "a vb year as a column"),
		},
	},
	{
		.name = "an indicator without figures writes nothing",
		.report = "vb",
		.table = {"klotter_fynd", "typ", "Typ", "Totalt", "Tabell 9. Fynd per typ",
		          "Klotter_typ", "Källa: klotterloggen.", FMT_COUNT},
		.next = 3, .ref = NULL,
		.want = {
			XR_EMPTY_AT("A4", "the caption"),
			XR_EMPTY_AT("A5", "the header"),
		},
	},
};

struct write_arg {
	const vbs_report_ctx *ctx;
	const vbs_figure_table *table;
	int next;
	vbs_table_pos pos;
};

static int write_table(vbs_xlsx *wb, const void *arg)
{
	struct write_arg *a = (struct write_arg *)arg;
	lxw_worksheet *ws = xlsx_sheet(wb, "Blad", "Titel", "Undertitel");

	if (!ws)
		return -1;
	a->next = figure_table_write(wb, ws, 3, a->ctx, a->table, &a->pos);
	return a->next < 0 ? -1 : 0;
}

static void test_cases(void **state)
{
	vbs_figures figs;

	(void)state;
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ft_case *c = &cases[i];
		vbs_periods periods = {.report = c->report};
		vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
		struct write_arg arg = {.ctx = &ctx, .table = &c->table, .pos = {-1, -1, -1, -1}};
		char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
		size_t nwant = 0;
		xr_sheet s;

		xr_in_dir(path, tmpdir, "figure_table.xlsx");
		xr_write_book(tmpdir, path, write_table, &arg, c->name);
		if (arg.next != c->next)
			fail_msg("case '%s': figure_table_write returned row %d, want %d", c->name,
			         arg.next, c->next);
		xr_sheet_open(&s, path, "Blad");
		while (nwant < WANT_MAX && c->want[nwant].ref)
			nwant++;
		xr_check_cells(&s, c->name, c->want, nwant);
		if (!c->ref) {
			if (xr_table_names(&s, names, 4) != 0)
				fail_msg("case '%s': a table was written (%s)", c->name, names[0]);
			if (xr_frozen_rows(&s) != 0)
				fail_msg("case '%s': panes frozen without a table", c->name);
		} else {
			xr_check_table(&s, c->name, c->table.name, c->ref, c->headers, c->ncols,
			               c->table.source_note);
			if (xr_frozen_rows(&s) != 5)
				fail_msg("case '%s': frozen below row %ld, want the header row 5", c->name,
				         xr_frozen_rows(&s));
			if (memcmp(&arg.pos, &c->pos, sizeof(arg.pos)) != 0)
				fail_msg("case '%s': position header %d total %d columns %d-%d, want "
				         "%d, %d, %d-%d", c->name, arg.pos.header_row, arg.pos.total_row,
				         arg.pos.first_col, arg.pos.last_col, c->pos.header_row,
				         c->pos.total_row, c->pos.first_col, c->pos.last_col);
		}
		xr_sheet_close(&s);
	}
	figures_release(&figs);
}

/* The header row is repeated on printed pages (a print title). */
static void test_print_titles(void **state)
{
	vbs_figures figs;
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods};
	struct write_arg arg = {.ctx = &ctx, .table = &cases[0].table};
	char path[XR_PATH_BYTES];
	char *wbx;

	(void)state;
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	xr_in_dir(path, tmpdir, "print_titles.xlsx");
	xr_write_book(tmpdir, path, write_table, &arg, "print titles");
	wbx = xr_need_part(path, "xl/workbook.xml");
	xr_contains("workbook.xml: the header row as the print title", wbx,
	            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">Blad!$5:$5"
	            "</definedName>");
	free(wbx);
	figures_release(&figs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_print_titles),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
