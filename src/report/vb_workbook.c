/* vb_workbook: sheets of the VB appendix (see vb_workbook.h). */
#include "report/vb_workbook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "report/sheet_quality.h"
#include "report/xlsx.h"

enum { CATEGORIES_MAX = 80, TEXT_MAX = 512 };

static const char SOURCE_IA[] =
	"Källa: stadens system för incidentrapportering (IA), ärenden markerade med koppling till våldsbejakande extremism. "
	"Ett ärende räknas en gång (senaste versionen). – = 0. .. = uppgiften redovisas inte (för få personer, se Metod och källor).";

/* One dimension of one indicator: categories as rows, periods as columns,
 * the district total as the last row. */
typedef struct dim_table {
	const char *indicator, *dimension;
	const char *label_header;  /* first column's header */
	const char *caption;       /* "Tabell N. ..." above the table */
	const char *name;          /* Excel table name */
} dim_table;

/* The categories of (report, indicator, dimension) in the table's order. */
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

static int write_dim_table(vbs_xlsx *wb, lxw_worksheet *ws, int row,
                           const vbs_report_ctx *ctx, const dim_table *d,
                           int *header_row)
{
	const vbs_periods *p = ctx->periods;
	const char *cats[CATEGORIES_MAX];
	int ncat = strcmp(d->dimension, "total") == 0 ? 0
	         : categories(ctx->figures, p->report, d->indicator, d->dimension, cats);
	int nrows = ncat + 1, ncols = p->n + 1;
	const char **headers = calloc((size_t)ncols, sizeof(*headers));
	const char **labels = calloc((size_t)nrows, sizeof(*labels));
	const vbs_figure **cells = calloc((size_t)nrows * (size_t)p->n, sizeof(*cells));
	int next = -1;

	if (!headers || !labels || !cells)
		goto done;
	headers[0] = d->label_header;
	for (int c = 0; c < p->n; c++)
		headers[c + 1] = p->items[c].label;
	for (int r = 0; r < nrows; r++) {
		const char *dim = r < ncat ? d->dimension : "total";
		const char *cat = r < ncat ? cats[r] : "alla";

		labels[r] = r < ncat ? cats[r] : "Totalt";
		for (int c = 0; c < p->n; c++)
			cells[r * p->n + c] = figures_find(ctx->figures, p->report, d->indicator,
			                                   p->items[c].label, dim, cat);
	}
	if (xlsx_text(wb, ws, row, d->caption) != 0)
		goto done;
	*header_row = row + 1;
	next = xlsx_table(wb, ws, row + 1, &(vbs_table){
		.name = d->name, .headers = headers, .ncols = ncols,
		.labels = labels, .nrows = nrows, .cells = cells,
		.source_note = SOURCE_IA,
	});
	if (next >= 0)
		next++;
done:
	free(headers);
	free(labels);
	free(cells);
	return next;
}

static int sheet_incidents(vbs_xlsx *wb, const vbs_report_ctx *ctx)
{
	static const dim_table tables[] = {
		{"incidents_vbe", "miljo", "Miljö",
		 "Tabell 1. Ärenden med koppling till våldsbejakande extremism per år och miljö", "VBE_miljo"},
		{"incidents_vbe", "kategori", "Kategori",
		 "Tabell 2. Ärenden med koppling till våldsbejakande extremism per år och kategori", "VBE_kategori"},
		{"incidents_vbe", "verksamhetsomrade", "Verksamhetsområde",
		 "Tabell 3. Ärenden med koppling till våldsbejakande extremism per år och verksamhetsområde", "VBE_verksamhet"},
		{"incidents_vbe", "omrade", "Område",
		 "Tabell 4. Ärenden med koppling till våldsbejakande extremism per år och område", "VBE_omrade"},
		{"incidents_oklart", "miljo", "Miljö",
		 "Tabell 5. Ärenden där kopplingen till våldsbejakande extremism är oklar, per år och miljö", "Oklart_miljo"},
	};
	const vbs_periods *p = ctx->periods;
	char subtitle[TEXT_MAX], asof[11], alt[TEXT_MAX];
	lxw_worksheet *ws;
	int row = 3, header_row = 0, first_header = 0, first_total = 0;

	date_format(ctx->as_of, asof);
	snprintf(subtitle, sizeof(subtitle),
	         "Verksamhetsberättelse %d. Period: %d–%d. Uppgifter till och med %s.",
	         ctx->report_year, p->items[0].year, p->items[p->n - 1].year, asof);
	ws = xlsx_sheet(wb, "Incidenter",
	                "Incidenter med koppling till våldsbejakande extremism", subtitle);
	if (!ws)
		return -1;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		int next = write_dim_table(wb, ws, row, ctx, &tables[i], &header_row);

		if (next < 0)
			return -1;
		if (i == 0) {
			first_header = header_row;
			first_total = next - 3; /* the total row: above the note and gap */
		}
		row = next;
	}
	snprintf(alt, sizeof(alt),
	         "Stapeldiagram över antalet ärenden med koppling till våldsbejakande extremism per år, %d–%d, enligt totalraden i tabell 1.",
	         p->items[0].year, p->items[p->n - 1].year);
	return xlsx_column_chart(wb, ws, &(vbs_chart){
		.sheet = "Incidenter",
		.header_row = first_header, .data_row = first_total,
		.first_col = 1, .last_col = p->n,
		.title = "Ärenden med koppling till våldsbejakande extremism",
		.x_title = "År", .y_title = "Antal ärenden",
		.alt_text = alt,
		.at_row = 3, .at_col = p->n + 2,
	});
}

int vb_workbook_write(const vbs_report_ctx *ctx, const char *path, vbs_error *err)
{
	char title[TEXT_MAX], subject[TEXT_MAX];
	vbs_xlsx *wb;
	int rc;

	if (ctx->periods->n == 0)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "no year up to the report year %d has data", ctx->report_year);
	snprintf(title, sizeof(title),
	         "Bilaga till verksamhetsberättelse %d: våldsbejakande extremism",
	         ctx->report_year);
	snprintf(subject, sizeof(subject),
	         "Lägesbild och uppföljning av handlingsplanen mot våldsbejakande extremism %d",
	         ctx->report_year);
	wb = xlsx_open(path, &(vbs_xlsx_props){
		.title = title, .subject = subject,
		.author = ctx->district, .company = ctx->district,
		.keywords = "våldsbejakande extremism, VBE, lägesbild, verksamhetsberättelse, statistik",
		.created_day = ctx->as_of, .tmpdir = ctx->tmpdir,
	}, err);
	if (!wb)
		return -1;
	rc = sheet_incidents(wb, ctx);
	if (rc == 0) {
		char subtitle[TEXT_MAX], asof[11];

		date_format(ctx->as_of, asof);
		snprintf(subtitle, sizeof(subtitle),
		         "Alla lästa exportfiler. Uppgifter till och med %s.", asof);
		rc = sheet_quality_write(wb, &(vbs_quality){
			.files = ctx->files, .rejects = ctx->rejects,
			.notes = ctx->notes, .nnotes = ctx->nnotes, .subtitle = subtitle,
		});
	}
	/* A libxlsxwriter failure is kept in wb and reported by xlsx_close. */
	if (xlsx_close(wb, err) != 0)
		return -1;
	if (rc != 0)
		return error_set(err, VBS_E_SOFTWARE, path, 0, NULL, "out of memory");
	return 0;
}
