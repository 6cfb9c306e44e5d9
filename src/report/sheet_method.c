/* sheet_method: the Metod och källor sheet (see sheet_method.h). */
#include "report/sheet_method.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/digest.h"

static const char *const methods[] = {
	"Metoder",
	"• Antal: antalet olika ärenden, dialoger, fynd eller blanketter under perioden, efter att dubbletter i överlappande exporter tagits bort. Intervallet är ett exakt 95-procentigt konfidensintervall för ett Poissonfördelat antal (Garwood).",
	"• Per 10 000 invånare: antalet delat med befolkningen den 31 december samma år, gånger 10 000. Ett år utan befolkningsuppgift får ingen sådan siffra; den förs aldrig över från ett annat år.",
	"• Förändring mot föregående period: ett villkorligt binomialtest av de två periodernas antal (med befolkningen som exponering när den finns), tvåsidigt som R:s binom.test.",
	"• Andelar i trygghetsmätningen: vägda andelar med kalibreringsvikterna. Osäkerheten räknas med Kish effektiva urvalsstorlek och Wilsons intervall. Förändring mellan två mätår prövas med ett z-test; intervallet för skillnaden är Newcombes.",
	"• Trend över år: Mann–Kendalls test (exakt fördelning för korta serier utan lika värden), Sens lutning med intervall, Poissonregression för antal (med befolkningen som offset när den finns för alla år) och logistisk regression för andelar, med överspridning beaktad. En trend kräver minst fem år.",
	"• Riktning: ökande eller minskande när p-värdet är under 0,05, annars ingen säkerställd förändring. p-värdet redovisas alltid.",
	"• Hittills i år: den 1 januari till uppgiftsdatumets dag och månad, samma fönster varje år (29 februari räknas som 28 februari andra år).",
	"• Sanering av klotter: dagar från fynd till sanering; median och 90:e percentil enligt Hyndman–Fan typ 7 (R:s standard).",
};

static const char *const disclosure[] = {
	"Röjandekontroll och symboler",
	"• .. betyder att uppgiften inte redovisas. Ett antal mellan 1 och 4 i en uppdelning (till exempel per område) redovisas inte när någon av uppgifterna rör en person, eftersom det kan peka ut personen. Totalen för hela stadsdelsområdet redovisas alltid.",
	"• Är totalen för en period under 5 och rör någon uppgift en person redovisas bara totalen för den perioden.",
	"• En andel i trygghetsmätningen som bygger på färre än 30 svar redovisas inte; antalet svar (n) står kvar.",
	"• – betyder noll.",
	"• Fritext, enheters namn och personnummer läses aldrig in i statistiken och publiceras aldrig.",
};

static int files_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_input_files *files)
{
	static const char *const headers[] = {"Källa", "Fil", "Godkända rader", "SHA-256"};
	int nrows = files && files->n ? (int)files->n : 1;
	vbs_cell *cells = calloc((size_t)nrows * 4, sizeof(*cells));
	char (*hex)[DIGEST_HEX_SIZE] = calloc((size_t)nrows, sizeof(*hex));
	int next = -1;

	if (!cells || !hex)
		goto done;
	if (!files || !files->n)
		cells[0] = (vbs_cell){.kind = CELL_TEXT, .text = "Inga filer lästes."};
	for (int i = 0; files && i < (int)files->n; i++) {
		const vbs_input_file *f = &files->files[i];

		digest_hex(f->sha256, hex[i]);
		cells[i * 4] = (vbs_cell){.kind = CELL_TEXT, .text = f->source};
		cells[i * 4 + 1] = (vbs_cell){.kind = CELL_TEXT, .text = f->path};
		cells[i * 4 + 2] = (vbs_cell){.kind = CELL_NUMBER, .number = (double)f->accepted};
		cells[i * 4 + 3] = (vbs_cell){.kind = CELL_TEXT, .text = hex[i]};
	}
	next = xlsx_grid(wb, ws, row, &(vbs_grid){
		.name = "Metod_kallfiler", .headers = headers, .ncols = 4, .nrows = nrows,
		.cells = cells,
		.source_note = "Källa: manifest.json, som också anger konfigurationsfilernas kontrollsummor och körningens id.",
	});
done:
	free(cells);
	free(hex);
	return next;
}

int sheet_method_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	lxw_worksheet *ws = xlsx_sheet(wb, "Metod och källor", "Metod och källor", subtitle);
	char line[512], day[11];
	int row = 3;

	if (!ws)
		return -1;
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if ((i == 0 ? xlsx_text(wb, ws, row++, methods[i])
		            : xlsx_paragraph(wb, ws, row++, methods[i])) != 0)
			return -1;
	row++;
	for (size_t i = 0; i < sizeof(disclosure) / sizeof(disclosure[0]); i++)
		if ((i == 0 ? xlsx_text(wb, ws, row++, disclosure[i])
		            : xlsx_paragraph(wb, ws, row++, disclosure[i])) != 0)
			return -1;
	row++;
	date_format(ctx->as_of, day);
	snprintf(line, sizeof(line),
	         "Källor: incidentrapporter (IA), trygghetsmätningen, medborgardialoger, befolkningen, handlingsplanens aktivitetslogg, klotterloggen och blanketter med avidentifierad information, med uppgifter till och med %s. Programversion: vbestat %s.",
	         day, ctx->version ? ctx->version : "");
	if (xlsx_paragraph(wb, ws, row++, line) != 0 ||
	    xlsx_text(wb, ws, ++row, "Tabell 1. Lästa filer och deras kontrollsummor") != 0 ||
	    files_table(wb, ws, row + 1, ctx->files) < 0)
		return -1;
	return 0;
}
