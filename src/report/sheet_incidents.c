/* sheet_incidents: the Incidenter sheet (see sheet_incidents.h). */
#include "report/sheet_incidents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/figure_table.h"

enum { TEXT_MAX = 512 };

static const char SOURCE_IA[] =
	"Källa: stadens system för incidentrapportering (IA), ärenden markerade med koppling till våldsbejakande extremism. "
	"Ett ärende räknas en gång (senaste versionen). – = 0. .. = uppgiften redovisas inte (för få personer, se Metod och källor).";
static const char SOURCE_KLOTTER[] =
	"Källa: park- och gatuenhetens logg över klistermärken, affischer och klotter. Ett fynd räknas en gång. "
	"Sanering räknas bara när den skett senast på uppgiftsdatumet. – = 0.";
static const char SOURCE_ORO[] =
	"Källa: blanketter med avidentifierad information som personalen skickat till samordnaren (inte orosanmälningar). "
	"– = 0. .. = uppgiften redovisas inte (för få personer); totalen redovisas alltid.";
static const char SOURCE_RATE[] =
	"Källa: IA och befolkningen den 31 december (befolkning). Antal ärenden med koppling till våldsbejakande extremism per 10 000 invånare. "
	".. = uppgiften redovisas inte.";

/* 1 when the book has any figure of this indicator. */
static int has_indicator(const vbs_report_ctx *ctx, const char *indicator)
{
	for (size_t i = 0; i < ctx->figures->n; i++)
		if (strcmp(ctx->figures->rows[i].report, ctx->periods->report) == 0 &&
		    strcmp(ctx->figures->rows[i].indicator, indicator) == 0)
			return 1;
	return 0;
}

/* Totals with their intervals: one row per period. */
static int totals_table(vbs_xlsx *wb, lxw_worksheet *ws, int row,
                        const vbs_report_ctx *ctx, const char *caption)
{
	static const char *const headers[] = {
		"Period", "Antal", "Nedre gräns (95 %)", "Övre gräns (95 %)",
		"Per 10 000 invånare", "Nedre gräns per 10 000", "Övre gräns per 10 000",
	};
	enum { NCOLS = sizeof(headers) / sizeof(headers[0]) };
	const vbs_periods *p = ctx->periods;
	vbs_cell *cells = calloc((size_t)p->n * NCOLS, sizeof(*cells));
	int next = -1;

	if (!cells)
		return -1;
	for (int r = 0; r < p->n; r++) {
		const char *per = p->items[r].label;
		const vbs_figure *k = figures_find(ctx->figures, p->report, "incidents_vbe", per,
		                                   "total", "alla");
		const vbs_figure *rate = figures_find(ctx->figures, p->report,
		                                      "incident_rate_per_10000", per, "total", "alla");
		vbs_cell *c = &cells[r * NCOLS];

		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = per};
		c[1] = (vbs_cell){.kind = CELL_FIGURE, .figure = k};
		if (k && (k->has & FIG_CI) && !k->suppressed) {
			c[2] = (vbs_cell){.kind = CELL_NUMBER, .number = k->ci_low, .fmt = FMT_DECIMAL};
			c[3] = (vbs_cell){.kind = CELL_NUMBER, .number = k->ci_high, .fmt = FMT_DECIMAL};
		}
		if (rate) {
			c[4] = (vbs_cell){.kind = CELL_FIGURE, .figure = rate, .fmt = FMT_DECIMAL};
			if ((rate->has & FIG_CI) && !rate->suppressed) {
				c[5] = (vbs_cell){.kind = CELL_NUMBER, .number = rate->ci_low, .fmt = FMT_DECIMAL};
				c[6] = (vbs_cell){.kind = CELL_NUMBER, .number = rate->ci_high, .fmt = FMT_DECIMAL};
			}
		}
	}
	if (xlsx_text(wb, ws, row, caption) != 0)
		goto done;
	next = xlsx_grid(wb, ws, row + 1, &(vbs_grid){
		.name = "VBE_totalt_intervall", .headers = headers, .ncols = NCOLS,
		.nrows = p->n, .cells = cells,
		.source_note = "Källa: IA och befolkning. Intervallen är exakta 95-procentiga Poissonintervall (Garwood); "
		               "per 10 000 invånare redovisas bara för år med befolkningsuppgift.",
	});
	if (next >= 0)
		next++;
done:
	free(cells);
	return next;
}

int sheet_incidents_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	static const vbs_figure_table tables[] = {
		{"incidents_vbe", "miljo", "Miljö", "Totalt",
		 "Tabell 1. Ärenden med koppling till våldsbejakande extremism per miljö", "VBE_miljo", SOURCE_IA, FMT_COUNT},
		{"incidents_vbe", "kategori", "Kategori", "Totalt",
		 "Tabell 2. Ärenden med koppling till våldsbejakande extremism per kategori", "VBE_kategori", SOURCE_IA, FMT_COUNT},
		{"incidents_vbe", "verksamhetsomrade", "Verksamhetsområde", "Totalt",
		 "Tabell 3. Ärenden med koppling till våldsbejakande extremism per verksamhetsområde", "VBE_verksamhet", SOURCE_IA, FMT_COUNT},
		{"incidents_vbe", "omrade", "Område", "Totalt",
		 "Tabell 4. Ärenden med koppling till våldsbejakande extremism per område", "VBE_omrade", SOURCE_IA, FMT_COUNT},
		{"incidents_vbe", "handelsetyp", "Händelsetyp", "Totalt",
		 "Tabell 5. Ärenden med koppling till våldsbejakande extremism per händelsetyp", "VBE_handelsetyp", SOURCE_IA, FMT_COUNT},
		{"incidents_oklart", "miljo", "Miljö", "Totalt",
		 "Tabell 6. Ärenden där kopplingen till våldsbejakande extremism är oklar, per miljö", "Oklart_miljo", SOURCE_IA, FMT_COUNT},
	};
	static const vbs_figure_table rate_table = {
		"incident_rate_per_10000", "omrade", "Område", "Hela stadsdelsområdet",
		"Tabell 8. Ärenden med koppling till våldsbejakande extremism per 10 000 invånare", "VBE_per_10000", SOURCE_RATE,
		FMT_DECIMAL,
	};
	/* The sticker log and the concern forms: parts of the same picture. */
	static const vbs_figure_table more[] = {
		{"klotter_fynd", "typ", "Typ", "Totalt",
		 "Tabell 9. Fynd av klistermärken, affischer och klotter med extremistiskt budskap per typ", "Klotter_typ",
		 SOURCE_KLOTTER, FMT_COUNT},
		{"klotter_fynd", "miljo", "Miljö", "Totalt",
		 "Tabell 10. Fynd av klistermärken, affischer och klotter per miljö", "Klotter_miljo", SOURCE_KLOTTER,
		 FMT_COUNT},
		{"klotter_fynd", "omrade", "Område", "Totalt",
		 "Tabell 11. Fynd av klistermärken, affischer och klotter per område", "Klotter_omrade", SOURCE_KLOTTER,
		 FMT_COUNT},
		{"klotter_antal", "total", "Mått", "Antal klistermärken, affischer och klotter",
		 "Tabell 12. Antal klistermärken, affischer och klotter som hittats", "Klotter_antal", SOURCE_KLOTTER,
		 FMT_COUNT},
		{"klotter_dagar_till_sanering_median", "total", "Mått", "Dagar till sanering, median",
		 "Tabell 13. Dagar från fynd till sanering, median", "Sanering_median", SOURCE_KLOTTER, FMT_DECIMAL},
		{"klotter_dagar_till_sanering_p90", "total", "Mått", "Dagar till sanering, 90:e percentilen",
		 "Tabell 14. Dagar från fynd till sanering, 90:e percentilen", "Sanering_p90", SOURCE_KLOTTER,
		 FMT_DECIMAL},
		{"klotter_ej_sanerade", "total", "Mått", "Fynd som inte sanerats",
		 "Tabell 15. Fynd som inte sanerats vid uppgiftsdatumet", "Ej_sanerade", SOURCE_KLOTTER, FMT_COUNT},
		{"oroblanketter", "typ_av_oro", "Typ av oro", "Totalt",
		 "Tabell 16. Blanketter med avidentifierad information per typ av oro", "Oro_typ", SOURCE_ORO, FMT_COUNT},
		{"oroblanketter", "verksamhet", "Verksamhet", "Totalt",
		 "Tabell 17. Blanketter med avidentifierad information per verksamhet", "Oro_verksamhet", SOURCE_ORO,
		 FMT_COUNT},
		{"oroblanketter", "miljo", "Miljö", "Totalt",
		 "Tabell 18. Blanketter med avidentifierad information per miljö", "Oro_miljo", SOURCE_ORO, FMT_COUNT},
		{"oroblanketter", "aldersgrupp", "Åldersgrupp", "Totalt",
		 "Tabell 19. Blanketter med avidentifierad information per åldersgrupp", "Oro_alder", SOURCE_ORO,
		 FMT_COUNT},
	};
	const vbs_periods *p = ctx->periods;
	char alt[TEXT_MAX];
	vbs_table_pos first = {0};
	lxw_worksheet *ws;
	int row = 3;

	ws = xlsx_sheet(wb, "Incidenter", "Incidenter med koppling till våldsbejakande extremism",
	                subtitle);
	if (!ws)
		return -1;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		vbs_table_pos pos;

		if (!has_indicator(ctx, tables[i].indicator))
			continue;
		if ((row = figure_table_write(wb, ws, row, ctx, &tables[i], &pos)) < 0)
			return -1;
		if (i == 0)
			first = pos;
	}
	if ((row = totals_table(wb, ws, row, ctx,
	                        "Tabell 7. Ärenden med koppling till våldsbejakande extremism, totalt med konfidensintervall")) < 0)
		return -1;
	if (has_indicator(ctx, "incident_rate_per_10000") &&
	    (row = figure_table_write(wb, ws, row, ctx, &rate_table, NULL)) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		if ((row = figure_table_write(wb, ws, row, ctx, &more[i], NULL)) < 0)
			return -1;
	if (!first.header_row)
		return 0;
	snprintf(alt, sizeof(alt),
	         "Linjediagram över antalet ärenden med koppling till våldsbejakande extremism per period, %s till %s, enligt totalraden i tabell 1.",
	         p->items[0].label, p->items[p->n - 1].label);
	if (xlsx_column_chart(wb, ws, &(vbs_chart){
		    .sheet = "Incidenter",
		    .categories = {first.header_row, first.first_col, first.header_row, first.last_col},
		    .values = {first.total_row, first.first_col, first.total_row, first.last_col},
		    .title = "Ärenden med koppling till våldsbejakande extremism",
		    .x_title = strcmp(p->report, "vb") == 0 ? "År" : "Period",
		    .y_title = "Antal ärenden",
		    .alt_text = alt,
		    .at_row = 3, .at_col = first.last_col + 2, .line = 1,
	    }) != 0)
		return -1;
	/* The latest period by miljö: a breakdown, as bars. Suppressed cells
	 * are text (..) and show as gaps, never as a number. Only when the
	 * table has categories above its total row. */
	if (first.total_row - 1 < first.header_row + 1)
		return 0;
	snprintf(alt, sizeof(alt),
	         "Liggande stapeldiagram över ärenden med koppling till våldsbejakande extremism per miljö under %s, enligt sista kolumnen i tabell 1; celler som inte redovisas (..) saknar stapel.",
	         p->items[p->n - 1].label);
	return xlsx_column_chart(wb, ws, &(vbs_chart){
		.sheet = "Incidenter",
		.categories = {first.header_row + 1, 0, first.total_row - 1, 0},
		.values = {first.header_row + 1, first.last_col, first.total_row - 1, first.last_col},
		.title = "Ärenden per miljö, senaste perioden",
		.x_title = "Miljö", .y_title = "Antal ärenden",
		.alt_text = alt,
		.at_row = 22, .at_col = first.last_col + 2, .bar = 1,
	});
}
