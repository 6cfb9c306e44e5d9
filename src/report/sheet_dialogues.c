/* sheet_dialogues: the Medborgardialoger sheet (see sheet_dialogues.h). */
#include "report/sheet_dialogues.h"

#include <stdio.h>

#include "report/figure_table.h"

enum { TEXT_MAX = 512 };

static const char SOURCE_DIALOG[] =
	"Källa: förvaltningens register över medborgardialoger (möten, trygghetsvandringar, workshoppar, digitala dialoger). "
	"En dialog räknas en gång; under teman räknas den en gång för varje tema den tar upp. – = 0.";

int sheet_dialogues_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	static const vbs_figure_table tables[] = {
		{"dialogues", "form", "Form", "Totalt",
		 "Tabell 1. Medborgardialoger per form", "Dialoger_form", SOURCE_DIALOG, FMT_COUNT},
		{"dialogues", "malgrupp", "Målgrupp", "Totalt",
		 "Tabell 2. Medborgardialoger per målgrupp", "Dialoger_malgrupp", SOURCE_DIALOG, FMT_COUNT},
		{"dialogues", "omrade", "Område", "Totalt",
		 "Tabell 3. Medborgardialoger per område", "Dialoger_omrade", SOURCE_DIALOG, FMT_COUNT},
		{"dialogues", "tema", "Tema", "Antal dialoger",
		 "Tabell 4. Medborgardialoger per tema som togs upp", "Dialoger_tema", SOURCE_DIALOG, FMT_COUNT},
		{"dialogue_participants", "form", "Form", "Totalt",
		 "Tabell 5. Deltagare i medborgardialoger per form", "Deltagare_form", SOURCE_DIALOG, FMT_COUNT},
		{"andel_dialoger_trygghet", "total", "", "Andel dialoger där trygghet togs upp",
		 "Tabell 6. Andel dialoger där trygghet togs upp", "Andel_trygghet", SOURCE_DIALOG, FMT_PERCENT},
		{"andel_dialoger_vbe", "total", "", "Andel dialoger där våldsbejakande extremism togs upp",
		 "Tabell 7. Andel dialoger där våldsbejakande extremism togs upp", "Andel_vbe", SOURCE_DIALOG,
		 FMT_PERCENT},
	};
	lxw_worksheet *ws = xlsx_sheet(wb, "Medborgardialoger", "Medborgardialoger", subtitle);
	vbs_table_pos first = {0};
	char alt[TEXT_MAX];
	int row = 3;

	if (!ws)
		return -1;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		vbs_figure_table t = tables[i];
		vbs_table_pos pos = {0};

		if (!t.label_header[0])
			t.label_header = "Mått";
		if ((row = figure_table_write(wb, ws, row, ctx, &t, &pos)) < 0)
			return -1;
		if (i == 0)
			first = pos;
	}
	if (!first.header_row)
		return xlsx_text(wb, ws, row, "Inga medborgardialoger finns registrerade i perioden.");
	snprintf(alt, sizeof(alt),
	         "Linjediagram över antalet medborgardialoger per period enligt totalraden i tabell 1.");
	return xlsx_column_chart(wb, ws, &(vbs_chart){
		.sheet = "Medborgardialoger",
		.categories = {first.header_row, first.first_col, first.header_row, first.last_col},
		.values = {first.total_row, first.first_col, first.total_row, first.last_col},
		.title = "Medborgardialoger", .x_title = "Period", .y_title = "Antal dialoger",
		.alt_text = alt, .at_row = 3, .at_col = first.last_col + 2, .line = 1,
	});
}
