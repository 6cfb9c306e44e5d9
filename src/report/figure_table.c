/* figure_table: breakdown tables rendered from figures (see figure_table.h). */
#include "report/figure_table.h"

#include <stdlib.h>
#include <string.h>

enum { CATEGORIES_MAX = 80 };

/* The categories of (report, indicator, dimension) in the figures' order. */
static int categories(const vbs_figures *t, const char *report,
                      const char *indicator, const char *dimension,
                      const char **out)
{
	int n = 0;

	for (size_t i = 0; i < t->n; i++) {
		const vbs_figure *f = &t->rows[i];
		int seen = 0;

		if (strcmp(f->report, report) || strcmp(f->indicator, indicator) ||
		    strcmp(f->dimension, dimension))
			continue;
		for (int k = 0; k < n && !seen; k++)
			seen = strcmp(out[k], f->category) == 0;
		if (!seen && n < CATEGORIES_MAX)
			out[n++] = f->category;
	}
	return n;
}

/* The periods of (report, indicator) in the figures' order, which the
 * figures modules keep in time order (survey years, years, windows). */
static int periods_of(const vbs_figures *t, const char *report, const char *indicator,
                      const char **out)
{
	int n = 0;

	for (size_t i = 0; i < t->n; i++) {
		const vbs_figure *f = &t->rows[i];
		int seen = 0;

		if (strcmp(f->report, report) || strcmp(f->indicator, indicator))
			continue;
		for (int k = 0; k < n && !seen; k++)
			seen = strcmp(out[k], f->period) == 0;
		if (!seen && n < PERIODS_MAX)
			out[n++] = f->period;
	}
	return n;
}

int figure_table_write(vbs_xlsx *wb, lxw_worksheet *ws, int row,
                       const vbs_report_ctx *ctx, const vbs_figure_table *t,
                       vbs_table_pos *pos)
{
	const char *report = ctx->periods->report;
	const char *cats[CATEGORIES_MAX];
	const char *periods[PERIODS_MAX];
	int np = periods_of(ctx->figures, report, t->indicator, periods);
	int ncat = strcmp(t->dimension, "total") == 0 ? 0
	         : categories(ctx->figures, report, t->indicator, t->dimension, cats);
	int nrows = ncat + 1, ncols = np + 1;
	const char **headers = calloc((size_t)ncols, sizeof(*headers));
	const char **labels = calloc((size_t)nrows, sizeof(*labels));
	const vbs_figure **cells = calloc((size_t)nrows * (size_t)(np ? np : 1), sizeof(*cells));
	int next = -1;

	if (np == 0) {
		next = row; /* nothing of this indicator in the book */
		goto done;
	}
	if (!headers || !labels || !cells)
		goto done;
	headers[0] = t->label_header;
	for (int c = 0; c < np; c++)
		headers[c + 1] = periods[c];
	for (int r = 0; r < nrows; r++) {
		const char *dim = r < ncat ? t->dimension : "total";
		const char *cat = r < ncat ? cats[r] : "alla";

		labels[r] = r < ncat ? cats[r] : (t->total_label ? t->total_label : "Totalt");
		for (int c = 0; c < np; c++)
			cells[r * np + c] = figures_find(ctx->figures, report, t->indicator,
			                                 periods[c], dim, cat);
	}
	if (xlsx_text(wb, ws, row, t->caption) != 0)
		goto done;
	next = xlsx_table(wb, ws, row + 1, &(vbs_table){
		.name = t->name, .headers = headers, .ncols = ncols,
		.labels = labels, .nrows = nrows, .cells = cells,
		.source_note = t->source_note, .fmt = t->fmt,
	});
	if (next < 0)
		goto done;
	if (pos) {
		pos->header_row = row + 1;
		pos->total_row = row + 1 + nrows;
		pos->first_col = 1;
		pos->last_col = np;
	}
	next++;
done:
	free(headers);
	free(labels);
	free(cells);
	return next;
}
