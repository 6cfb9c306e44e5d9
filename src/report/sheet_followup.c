/* sheet_followup: the Uppföljning sheet (see sheet_followup.h). */
#include "report/sheet_followup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NCOLS = 10 };

static const char SOURCE_PLAN[] =
	"Källa: handlingsplanen mot våldsbejakande extremism (plan.csv) och aktivitetsloggen (logg.csv). "
	"Mål = antal tillfällen per år eller termin enligt planen. Måluppfyllelse = genomförda delat med mål.";

static int latest_year(const vbs_followup *f)
{
	int y = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->rows[i].year > y)
			y = f->rows[i].year;
	return y;
}

int sheet_followup_counts(const vbs_followup *f, int *met, int *partly, int *not_met,
                          int *running, int *year)
{
	int n = 0;

	*met = *partly = *not_met = *running = 0;
	*year = f ? latest_year(f) : 0;
	for (size_t i = 0; f && i < f->n; i++) {
		const vbs_followup_row *r = &f->rows[i];

		if (r->year != *year || r->mal == ACTIVITY_NONE)
			continue;
		n++;
		switch (r->status) {
		case ACTIVITY_UPPFYLLT: (*met)++; break;
		case ACTIVITY_DELVIS: (*partly)++; break;
		case ACTIVITY_EJ_UPPFYLLT: (*not_met)++; break;
		case ACTIVITY_PAGAR: (*running)++; break;
		default: break;
		}
	}
	return n;
}

/* The rows of year (latest != 0) or of every other year (latest == 0). */
static int rows_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_followup *f,
                      int year, int latest, const char *caption, const char *name)
{
	static const char *const headers[NCOLS] = {
		"Aktivitet-ID", "Aktivitet", "Arbetsområde", "Ansvarig", "Period", "Mål",
		"Genomförda tillfällen", "Måluppfyllelse", "Status", "Återstår",
	};
	vbs_cell *cells = calloc(f->n ? f->n * NCOLS : NCOLS, sizeof(*cells));
	int n = 0, next = -1;

	if (!cells)
		return -1;
	for (size_t i = 0; i < f->n; i++) {
		const vbs_followup_row *r = &f->rows[i];
		vbs_cell *c;

		if (latest ? r->year != year : r->year == year)
			continue;
		c = &cells[n++ * NCOLS];
		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = r->id};
		c[1] = (vbs_cell){.kind = CELL_TEXT, .text = r->name};
		c[2] = (vbs_cell){.kind = CELL_TEXT, .text = r->arbetsomrade};
		c[3] = (vbs_cell){.kind = CELL_TEXT, .text = r->ansvarig};
		c[4] = (vbs_cell){.kind = CELL_TEXT, .text = r->period};
		if (r->mal != ACTIVITY_NONE)
			c[5] = (vbs_cell){.kind = CELL_NUMBER, .number = r->mal};
		c[6] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)r->occurrences};
		if (r->has_attainment)
			c[7] = (vbs_cell){.kind = CELL_NUMBER, .number = r->attainment, .fmt = FMT_PERCENT};
		c[8] = (vbs_cell){.kind = CELL_TEXT, .text = r->status_word};
		if (r->status == ACTIVITY_PAGAR)
			c[9] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)r->remaining};
	}
	if (n == 0) {
		next = row;
		goto done;
	}
	if (xlsx_text(wb, ws, row, caption) == 0)
		next = xlsx_grid(wb, ws, row + 1, &(vbs_grid){
			.name = name, .headers = headers, .ncols = NCOLS, .nrows = n, .cells = cells,
			.source_note = SOURCE_PLAN,
		});
	if (next >= 0)
		next++;
done:
	free(cells);
	return next;
}

int sheet_followup_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	lxw_worksheet *ws = xlsx_sheet(wb, "Uppföljning", "Uppföljning av handlingsplanen", subtitle);
	const vbs_followup *f = ctx->followup;
	char caption[256];
	int row = 3, year;

	if (!ws)
		return -1;
	if (!f || f->n == 0)
		return xlsx_text(wb, ws, row,
		                 "Handlingsplanen och aktivitetsloggen saknas för perioden, så uppföljningen kan inte redovisas.");
	year = latest_year(f);
	snprintf(caption, sizeof(caption), "Tabell 1. Handlingsplanens aktiviteter %d: mål och genomförande", year);
	if ((row = rows_table(wb, ws, row, f, year, 1, caption, "Uppfoljning_senaste")) < 0)
		return -1;
	if (rows_table(wb, ws, row, f, year, 0,
	               "Tabell 2. Tidigare år och terminer", "Uppfoljning_tidigare") < 0)
		return -1;
	return 0;
}
