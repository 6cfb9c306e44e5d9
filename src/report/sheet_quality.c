/* sheet_quality: the Datakvalitet sheet (see sheet_quality.h). */
#include "report/sheet_quality.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rules of inputs.md "Required fields, bad values and what is kept",
 * as the analyst reads them. */
static const char *const rules[] = {
	"Så hanteras avvikande värden",
	"• Saknas ett obligatoriskt värde eller är det felaktigt (till exempel ärendenummer, händelsedatum eller koppling till VBE) räknas inte raden. Den redovisas i rejects.csv med fil, rad, kolumn och vad som ska rättas.",
	"• Ett felaktigt värde i en annan kolumn redovisas i rejects.csv och behandlas som saknat, men raden räknas: en okänd kategori räknas som Uppgift saknas och en okänd miljö som Okänd.",
	"• Ett tomt eller okänt område räknas som Okänt område. Det redovisas här men inte i rejects.csv, eftersom områden ofta skrivs för hand.",
	"• Ett VBE-kopplat ärende utan miljö räknas som miljö Okänd; antalet per fil står i kolumnen VBE-ärenden utan miljö.",
	"• Samma ärende i flera exporter räknas en gång: den version som ändrades senast (Senast ändrad) gäller, och vid lika tid den fil som lästs sist. För övriga källor gäller den fil som lästs sist. Filerna läses i namnordning.",
	"• Ett värde som ser ut att vara ett personnummer redovisas maskerat och behandlas som saknat. Fritext (Beskrivning, Kommentar, Plats) och enheters namn läses aldrig in och publiceras aldrig.",
	"• Rader daterade efter uppgiftsdatumet godkänns men ingår inte i statistiken.",
	"• För varje fil gäller: lästa rader = godkända + avvisade + dubbletter.",
};

enum { REASONS_MAX = 512 };

struct reason_count {
	const char *source, *column, *reason;
	long n;
};

/* Rejects grouped by source, column and reason, in order of first sight. */
static int count_reasons(const vbs_rejects *r, struct reason_count *out)
{
	int n = 0;

	for (size_t i = 0; i < r->n; i++) {
		const vbs_reject *j = &r->items[i];
		int k;

		for (k = 0; k < n; k++)
			if (strcmp(out[k].source, j->source) == 0 &&
			    strcmp(out[k].column, j->column) == 0 &&
			    strcmp(out[k].reason, j->reason) == 0)
				break;
		if (k < n) {
			out[k].n++;
		} else if (n < REASONS_MAX) {
			out[n++] = (struct reason_count){j->source, j->column, j->reason, 1};
		}
	}
	return n;
}

static int files_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_input_files *files)
{
	static const char *const headers[] = {
		"Källa", "Fil", "Teckenkodning", "Avgränsare", "Lästa rader", "Godkända",
		"Avvisade", "Dubbletter", "Efter uppgiftsdatum", "Okänt område",
		"VBE-ärenden utan miljö",
	};
	enum { NCOLS = sizeof(headers) / sizeof(headers[0]) };
	int nrows = files->n ? (int)files->n : 1;
	vbs_cell *cells = calloc((size_t)nrows * NCOLS, sizeof(*cells));
	char (*delims)[2] = calloc((size_t)nrows, sizeof(*delims));
	int next = -1;

	if (!cells || !delims)
		goto done;
	for (size_t i = 0; i < files->n; i++) {
		const vbs_input_file *f = &files->files[i];
		vbs_cell *c = &cells[i * NCOLS];

		delims[i][0] = f->delimiter;
		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = f->source};
		c[1] = (vbs_cell){.kind = CELL_TEXT, .text = f->path};
		c[2] = (vbs_cell){.kind = CELL_TEXT, .text = f->encoding ? f->encoding : ""};
		c[3] = (vbs_cell){.kind = CELL_TEXT, .text = delims[i]};
		c[4] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->rows_read};
		c[5] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->accepted};
		c[6] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->rejected};
		c[7] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->duplicates};
		c[8] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->after_as_of};
		c[9] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->unknown_area};
		c[10] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->vbe_blank_miljo};
	}
	if (!files->n)
		cells[0] = (vbs_cell){.kind = CELL_TEXT, .text = "Inga filer lästes."};
	next = xlsx_grid(wb, ws, row, &(vbs_grid){
		.name = "Datakvalitet_filer", .headers = headers, .ncols = NCOLS,
		.nrows = nrows, .cells = cells,
		.source_note = "Källa: exportfilerna i indatamappen. Kontrollsummor (SHA-256) finns i manifest.json.",
	});
done:
	free(cells);
	free(delims);
	return next;
}

static int reasons_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_rejects *r)
{
	static const char *const headers[] = {"Källa", "Kolumn", "Orsak och åtgärd", "Antal"};
	struct reason_count *reasons = calloc(REASONS_MAX, sizeof(*reasons));
	vbs_cell *cells = NULL;
	int n, nrows, next = -1;

	if (!reasons)
		return -1;
	n = count_reasons(r, reasons);
	nrows = n ? n : 1;
	if (!(cells = calloc((size_t)nrows * 4, sizeof(*cells))))
		goto done;
	for (int i = 0; i < n; i++) {
		vbs_cell *c = &cells[i * 4];

		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = reasons[i].source};
		c[1] = (vbs_cell){.kind = CELL_TEXT,
		                  .text = reasons[i].column[0] ? reasons[i].column : "(hela raden)"};
		c[2] = (vbs_cell){.kind = CELL_TEXT, .text = reasons[i].reason};
		c[3] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)reasons[i].n};
	}
	if (!n)
		cells[0] = (vbs_cell){.kind = CELL_TEXT, .text = "Inga värden avvisades."};
	next = xlsx_grid(wb, ws, row, &(vbs_grid){
		.name = "Datakvalitet_orsaker", .headers = headers, .ncols = 4,
		.nrows = nrows, .cells = cells,
		.source_note = "Källa: rejects.csv, som anger fil, rad och värde för varje avvisat värde.",
	});
done:
	free(cells);
	free(reasons);
	return next;
}

int sheet_quality_write(vbs_xlsx *wb, const vbs_quality *q)
{
	static const vbs_input_files no_files;
	static const vbs_rejects no_rejects;
	const vbs_input_files *files = q->files ? q->files : &no_files;
	const vbs_rejects *rejects = q->rejects ? q->rejects : &no_rejects;
	lxw_worksheet *ws = xlsx_sheet(wb, "Datakvalitet", "Datakvalitet", q->subtitle);
	int row = 3;

	if (!ws)
		return -1;
	if (xlsx_text(wb, ws, row, "Tabell 1. Lästa, godkända och avvisade rader per fil") != 0 ||
	    (row = files_table(wb, ws, row + 1, files)) < 0)
		return -1;
	row++;
	if (xlsx_text(wb, ws, row, "Tabell 2. Avvisade värden och rader per orsak") != 0 ||
	    (row = reasons_table(wb, ws, row + 1, rejects)) < 0)
		return -1;
	row++;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if ((i == 0 ? xlsx_text(wb, ws, row++, rules[i])
		            : xlsx_paragraph(wb, ws, row++, rules[i])) != 0)
			return -1;
	for (int i = 0; i < q->nnotes; i++)
		if (xlsx_paragraph(wb, ws, ++row, q->notes[i]) != 0)
			return -1;
	if (q->trends && q->report) {
		long skipped = 0, empty = 0;
		char line[512];

		for (size_t i = 0; i < q->trends->nskips; i++)
			skipped += strcmp(q->trends->skips[i].report, q->report) == 0;
		for (size_t i = 0; i < q->trends->n; i++)
			empty += strcmp(q->trends->rows[i].report, q->report) == 0 &&
			         !(q->trends->rows[i].has & TREND_HAS_ESTIMATE) &&
			         q->trends->rows[i].note[0];
		if (skipped || empty) {
			snprintf(line, sizeof(line),
			         "• %ld %s kunde inte trendtestas och %ld test gav inget värde (till exempel för få år eller en skattning som inte finns). "
			         "Orsaken står för varje serie på bladet Trendanalys: tabell 2 och kolumnen Kommentar i tabell 1.",
			         skipped, skipped == 1 ? "serie" : "serier", empty);
			if (xlsx_paragraph(wb, ws, ++row, line) != 0)
				return -1;
		}
	}
	return 0;
}
