/* sheet_summary: the Sammanfattning sheet (see sheet_summary.h). */
#include "report/sheet_summary.h"

#include <stdlib.h>
#include <string.h>

#include "report/sentences.h"
#include "report/sheet_trends.h"

enum { KEY_ROWS_MAX = 32, NCOLS = 7 };

static const vbs_trend *test_of(const vbs_report_ctx *ctx, const char *indicator,
                                const char *method)
{
	for (size_t i = 0; ctx->trends && i < ctx->trends->n; i++) {
		const vbs_trend *t = &ctx->trends->rows[i];

		if (strcmp(t->report, ctx->periods->report) == 0 &&
		    strcmp(t->indicator, indicator) == 0 && strcmp(t->method, method) == 0)
			return t;
	}
	return NULL;
}

/* One row of key figures per indicator with a change or trend test. */
static int key_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_report_ctx *ctx)
{
	static const char *const headers[NCOLS] = {
		"Indikator", "Senaste period", "Värde", "Föregående period", "Föregående värde",
		"Förändring", "Trend över åren",
	};
	vbs_cell *cells = calloc(KEY_ROWS_MAX * NCOLS, sizeof(*cells));
	int n = 0, next = -1;

	if (!cells)
		return -1;
	for (int i = 0; ctx->indicators && i < ctx->indicators->n && n < KEY_ROWS_MAX; i++) {
		const vbs_indicator *ind = &ctx->indicators->items[i];
		const vbs_figure *prev = NULL, *last = NULL;
		const vbs_trend *change = test_of(ctx, ind->id, "change_vs_previous");
		const vbs_trend *trend = test_of(ctx, ind->id, "mann_kendall");
		cell_format fmt = ind->kind == KIND_SHARE || ind->kind == KIND_RECORD_SHARE ? FMT_PERCENT
		                : ind->kind == KIND_RATE ? FMT_DECIMAL : FMT_COUNT;
		vbs_cell *c;

		if (!ind->trends)
			continue;
		for (size_t k = 0; k < ctx->figures->n; k++) {
			const vbs_figure *f = &ctx->figures->rows[k];

			if (strcmp(f->report, ctx->periods->report) == 0 &&
			    strcmp(f->indicator, ind->id) == 0 && strcmp(f->dimension, "total") == 0) {
				prev = last;
				last = f;
			}
		}
		if (!last)
			continue;
		c = &cells[n++ * NCOLS];
		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = ind->label};
		c[1] = (vbs_cell){.kind = CELL_TEXT, .text = last->period};
		c[2] = (vbs_cell){.kind = CELL_FIGURE, .figure = last, .fmt = fmt};
		if (prev) {
			c[3] = (vbs_cell){.kind = CELL_TEXT, .text = prev->period};
			c[4] = (vbs_cell){.kind = CELL_FIGURE, .figure = prev, .fmt = fmt};
		}
		c[5] = (vbs_cell){.kind = CELL_TEXT,
		                  .text = change ? sheet_trends_direction(change->direction) : "Ej prövad"};
		c[6] = (vbs_cell){.kind = CELL_TEXT,
		                  .text = trend ? sheet_trends_direction(trend->direction) : "Ej prövad"};
	}
	if (n == 0) {
		next = row;
		goto done;
	}
	if (xlsx_text(wb, ws, row, "Tabell 1. Nyckeltal: senaste perioden jämfört med föregående") == 0)
		next = xlsx_grid(wb, ws, row + 1, &(vbs_grid){
			.name = "Nyckeltal", .headers = headers, .ncols = NCOLS, .nrows = n,
			.cells = cells,
			.source_note = "Källa: statistics.csv och trend_tests.csv. Förändring och trend avgörs på 5-procentsnivån; se Trendanalys. .. = redovisas inte.",
		});
	if (next >= 0)
		next++;
done:
	free(cells);
	return next;
}

int sheet_summary_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	lxw_worksheet *ws = xlsx_sheet(wb, "Sammanfattning", "Sammanfattning", subtitle);
	vbs_sentences *s = malloc(sizeof(*s));
	int row = 3, rc = -1;

	if (!ws || !s)
		goto done;
	if ((row = key_table(wb, ws, row, ctx)) < 0)
		goto done;
	if (xlsx_text(wb, ws, row++, "Att lyfta in i texten") != 0)
		goto done;
	sentences_build(ctx, s);
	for (int i = 0; i < s->n; i++)
		if (xlsx_paragraph(wb, ws, row++, s->text[i]) != 0)
			goto done;
	rc = 0;
done:
	free(s);
	return rc;
}
