/* sheet_months: the Månader sheet (see sheet_months.h). */
#include "report/sheet_months.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MONTHS = 12, NCOLS = 3, TEXT_MAX = 512 };

static const char *const month_names[MONTHS] = {
	"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december",
};

/* The figure of (indicator, manad, month) in the lägesbild, or NULL. */
static const vbs_figure *month_figure(const vbs_report_ctx *ctx, const char *indicator,
                                      const char *month)
{
	for (size_t i = 0; i < ctx->figures->n; i++) {
		const vbs_figure *f = &ctx->figures->rows[i];

		if (strcmp(f->report, "lagesbild") == 0 && strcmp(f->indicator, indicator) == 0 &&
		    strcmp(f->dimension, "manad") == 0 && strcmp(f->category, month) == 0)
			return f;
	}
	return NULL;
}

int sheet_months_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	static const char *const headers[NCOLS] = {
		"Månad", "Ärenden med koppling till VBE", "Ärenden med oklar koppling",
	};
	lxw_worksheet *ws = xlsx_sheet(wb, "Månader", "Ärenden per månad i år", subtitle);
	vbs_cell cells[MONTHS * NCOLS];
	char codes[MONTHS][3], alt[TEXT_MAX];
	int n = 0, last = 0, next;

	if (!ws)
		return -1;
	memset(cells, 0, sizeof(cells));
	for (int m = 0; m < MONTHS; m++) {
		const vbs_figure *vbe, *oklart;

		snprintf(codes[m], sizeof(codes[m]), "%02d", m + 1);
		vbe = month_figure(ctx, "incidents_vbe", codes[m]);
		oklart = month_figure(ctx, "incidents_oklart", codes[m]);
		if (!vbe && !oklart)
			continue;
		cells[n * NCOLS] = (vbs_cell){.kind = CELL_TEXT, .text = month_names[m]};
		cells[n * NCOLS + 1] = (vbs_cell){.kind = CELL_FIGURE, .figure = vbe};
		cells[n * NCOLS + 2] = (vbs_cell){.kind = CELL_FIGURE, .figure = oklart};
		n++;
		last = m; /* a month without figures has no row: name the table's last month */
	}
	if (n == 0)
		return xlsx_text(wb, ws, 3, "Inga månadsuppgifter finns för i år.");
	if (xlsx_text(wb, ws, 3, "Tabell 1. Ärenden per månad hittills i år") != 0 ||
	    (next = xlsx_grid(wb, ws, 4, &(vbs_grid){
		    .name = "Manader", .headers = headers, .ncols = NCOLS, .nrows = n, .cells = cells,
		    .source_note = "Källa: stadens system för incidentrapportering (IA). Månad efter händelsedatum. "
		                   "– = 0. .. = uppgiften redovisas inte (för få personer).",
	    })) < 0)
		return -1;
	snprintf(alt, sizeof(alt),
	         "Stapeldiagram över antalet ärenden med koppling till våldsbejakande extremism per månad i år, januari till %s, enligt tabell 1.",
	         month_names[last]);
	return xlsx_column_chart(wb, ws, &(vbs_chart){
		.sheet = "Månader",
		.categories = {5, 0, 4 + n, 0}, .values = {5, 1, 4 + n, 1},
		.title = "Ärenden med koppling till våldsbejakande extremism per månad",
		.x_title = "Månad", .y_title = "Antal ärenden", .alt_text = alt,
		.at_row = 3, .at_col = NCOLS + 1,
	});
}
