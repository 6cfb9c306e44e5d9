/* sheet_survey: the Trygghet sheet (see sheet_survey.h). */
#include "report/sheet_survey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/figure_table.h"

enum { TEXT_MAX = 512, YEARS_MAX = 100 };

static const char SOURCE_SURVEY[] =
	"Källa: stadens trygghetsmätning, svar per person vägda med kalibreringsvikter. "
	"Andelen räknas bland dem som svarat på frågan (vet ej räknas inte). .. = färre än 30 svar.";

/* The survey years of (report, indicator) total in table order. */
static int years_of(const vbs_report_ctx *ctx, const char *indicator,
                    const vbs_figure **out)
{
	int n = 0;

	for (size_t i = 0; i < ctx->figures->n && n < YEARS_MAX; i++) {
		const vbs_figure *f = &ctx->figures->rows[i];

		if (strcmp(f->report, ctx->periods->report) == 0 &&
		    strcmp(f->indicator, indicator) == 0 && strcmp(f->dimension, "total") == 0)
			out[n++] = f;
	}
	return n;
}

/* One indicator: the total per year with interval and n, a chart, and the
 * breakdowns. Returns the next row, or -1. */
static int indicator_block(vbs_xlsx *wb, lxw_worksheet *ws, int row, int *table_no,
                           const vbs_report_ctx *ctx, const vbs_indicator *ind)
{
	static const char *const headers[] = {
		"Mätår", "Andel", "Nedre gräns (95 %)", "Övre gräns (95 %)", "Antal svar",
	};
	static const struct {
		const char *dimension, *label, *word, *suffix;
	} dims[] = {
		{"omrade", "Område", "område", "omrade"}, {"kon", "Kön", "kön", "kon"},
		{"aldersgrupp", "Åldersgrupp", "åldersgrupp", "alder"},
	};
	const vbs_figure *years[YEARS_MAX];
	int n = years_of(ctx, ind->id, years);
	vbs_cell *cells = calloc((size_t)(n ? n : 1) * 5, sizeof(*cells));
	char caption[TEXT_MAX], name[64], alt[TEXT_MAX];
	int first_data = row + 2, next = -1;

	if (!cells)
		return -1;
	if (n == 0) {
		next = row;
		goto done;
	}
	for (int r = 0; r < n; r++) {
		const vbs_figure *f = years[r];
		vbs_cell *c = &cells[r * 5];

		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = f->period};
		c[1] = (vbs_cell){.kind = CELL_FIGURE, .figure = f, .fmt = FMT_PERCENT};
		if ((f->has & FIG_CI) && !f->suppressed) {
			c[2] = (vbs_cell){.kind = CELL_NUMBER, .number = f->ci_low, .fmt = FMT_PERCENT};
			c[3] = (vbs_cell){.kind = CELL_NUMBER, .number = f->ci_high, .fmt = FMT_PERCENT};
		}
		if (f->has & FIG_N)
			c[4] = (vbs_cell){.kind = CELL_NUMBER, .number = f->n};
	}
	snprintf(caption, sizeof(caption), "Tabell %d. %s, hela stadsdelsområdet", (*table_no)++,
	         ind->label);
	snprintf(name, sizeof(name), "%s_total", ind->id);
	if (xlsx_text(wb, ws, row, caption) != 0 ||
	    (next = xlsx_grid(wb, ws, row + 1, &(vbs_grid){
		    .name = name, .headers = headers, .ncols = 5, .nrows = n, .cells = cells,
		    .source_note = SOURCE_SURVEY,
	    })) < 0)
		goto fail;
	snprintf(alt, sizeof(alt), "Linjediagram över %s per mätår, %s till %s, enligt tabell %d.",
	         ind->label, years[0]->period, years[n - 1]->period, *table_no - 1);
	if (xlsx_column_chart(wb, ws, &(vbs_chart){
		    .sheet = "Trygghet",
		    .categories = {first_data, 0, first_data + n - 1, 0},
		    .values = {first_data, 1, first_data + n - 1, 1},
		    .title = ind->label, .x_title = "Mätår", .y_title = "Andel",
		    .alt_text = alt, .at_row = row, .at_col = 7, .line = 1, .y_format = "0 %",
	    }) != 0)
		goto fail;
	/* Leave room for the chart beside a short table. */
	if (next < row + 16)
		next = row + 16;
	for (size_t d = 0; d < sizeof(dims) / sizeof(dims[0]); d++) {
		char dcap[TEXT_MAX], dname[64];

		snprintf(dcap, sizeof(dcap), "Tabell %d. %s per %s", (*table_no)++, ind->label,
		         dims[d].word);
		snprintf(dname, sizeof(dname), "%s_%s", ind->id, dims[d].suffix);
		next = figure_table_write(wb, ws, next, ctx, &(vbs_figure_table){
			.indicator = ind->id, .dimension = dims[d].dimension,
			.label_header = dims[d].label, .total_label = "Hela stadsdelsområdet",
			.caption = dcap, .name = dname, .source_note = SOURCE_SURVEY,
			.fmt = FMT_PERCENT,
		}, NULL);
		if (next < 0)
			goto fail;
	}
	goto done;
fail:
	next = -1;
done:
	free(cells);
	return next;
}

int sheet_survey_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	lxw_worksheet *ws = xlsx_sheet(wb, "Trygghet", "Trygghetsmätningen", subtitle);
	int row = 3, table_no = 1, any = 0;

	if (!ws)
		return -1;
	for (int i = 0; ctx->indicators && i < ctx->indicators->n; i++) {
		const vbs_indicator *ind = &ctx->indicators->items[i];
		int next;

		if (ind->kind != KIND_SHARE)
			continue;
		if ((next = indicator_block(wb, ws, row, &table_no, ctx, ind)) < 0)
			return -1;
		any |= next != row;
		row = next;
	}
	if (!any)
		return xlsx_text(wb, ws, row,
		                 "Trygghetsmätningen har inga mätår i perioden, eller så finns inga svar.");
	return 0;
}
