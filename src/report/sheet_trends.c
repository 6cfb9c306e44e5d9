/* sheet_trends: the Trendanalys sheet (see sheet_trends.h). */
#include "report/sheet_trends.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SOURCE_TRENDS[] =
	"Källa: trend_tests.csv. Riktningen avgörs på 5-procentsnivån: ökande eller minskande när p-värdet är under 0,05, "
	"annars ingen säkerställd förändring. Skattningen är Kendalls tau (Mann–Kendall), förändring per år (Sen), "
	"kvoten per år (Poisson), oddskvoten per år (logistisk) eller skillnaden mot föregående period.";

const char *sheet_trends_direction(const char *direction)
{
	if (strcmp(direction, "okande") == 0)
		return "Ökande";
	if (strcmp(direction, "minskande") == 0)
		return "Minskande";
	return "Ingen säkerställd förändring";
}

const char *sheet_trends_method(const char *method)
{
	static const struct {
		const char *id, *name;
	} names[] = {
		{"mann_kendall", "Mann–Kendall (trend)"},
		{"sen_slope", "Sens lutning (förändring per år)"},
		{"poisson_trend", "Poissonregression (kvot per år)"},
		{"logistic_trend", "Logistisk regression (oddskvot per år)"},
		{"change_vs_previous", "Förändring mot föregående period"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].id, method) == 0)
			return names[i].name;
	return method;
}

static const char *label_of(const vbs_report_ctx *ctx, const char *indicator)
{
	const vbs_indicator *ind = ctx->indicators ? indicators_find(ctx->indicators, indicator) : NULL;

	return ind ? ind->label : indicator;
}

static int tests_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_report_ctx *ctx)
{
	static const char *const headers[] = {
		"Indikator", "Test", "Första period", "Sista period", "Antal punkter",
		"Teststorhet", "p-värde", "Skattning", "Nedre gräns (95 %)", "Övre gräns (95 %)",
		"Riktning", "Kommentar",
	};
	enum { NCOLS = sizeof(headers) / sizeof(headers[0]) };
	const vbs_trends *t = ctx->trends;
	size_t n = 0, r = 0;
	vbs_cell *cells;
	int next = -1;

	for (size_t i = 0; t && i < t->n; i++)
		n += strcmp(t->rows[i].report, ctx->periods->report) == 0;
	if (n == 0)
		return xlsx_text(wb, ws, row, "Inga trendtest kunde göras för perioden.") == 0 ? row + 2 : -1;
	if (!(cells = calloc(n * NCOLS, sizeof(*cells))))
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		const vbs_trend *x = &t->rows[i];
		vbs_cell *c;

		if (strcmp(x->report, ctx->periods->report) != 0)
			continue;
		c = &cells[r++ * NCOLS];
		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = label_of(ctx, x->indicator)};
		c[1] = (vbs_cell){.kind = CELL_TEXT, .text = sheet_trends_method(x->method)};
		c[2] = (vbs_cell){.kind = CELL_TEXT, .text = x->first_period};
		c[3] = (vbs_cell){.kind = CELL_TEXT, .text = x->last_period};
		c[4] = (vbs_cell){.kind = CELL_NUMBER, .number = x->n_points};
		if (x->has & TREND_HAS_STATISTIC)
			c[5] = (vbs_cell){.kind = CELL_NUMBER, .number = x->statistic, .fmt = FMT_PRECISE};
		if (x->has & TREND_HAS_P)
			c[6] = (vbs_cell){.kind = CELL_NUMBER, .number = x->p_value, .fmt = FMT_PVALUE};
		if (x->has & TREND_HAS_ESTIMATE)
			c[7] = (vbs_cell){.kind = CELL_NUMBER, .number = x->estimate, .fmt = FMT_PRECISE};
		if (x->has & TREND_HAS_CI) {
			c[8] = (vbs_cell){.kind = CELL_NUMBER, .number = x->ci_low, .fmt = FMT_PRECISE};
			c[9] = (vbs_cell){.kind = CELL_NUMBER, .number = x->ci_high, .fmt = FMT_PRECISE};
		}
		c[10] = (vbs_cell){.kind = CELL_TEXT, .text = sheet_trends_direction(x->direction)};
		c[11] = (vbs_cell){.kind = CELL_TEXT, .text = x->note};
	}
	if (xlsx_text(wb, ws, row, "Tabell 1. Trend- och förändringstest") == 0)
		next = xlsx_grid(wb, ws, row + 1, &(vbs_grid){
			.name = "Trendtest", .headers = headers, .ncols = NCOLS, .nrows = (int)n,
			.cells = cells, .source_note = SOURCE_TRENDS,
		});
	free(cells);
	return next < 0 ? -1 : next + 1;
}

static int skips_table(vbs_xlsx *wb, lxw_worksheet *ws, int row, const vbs_report_ctx *ctx)
{
	static const char *const headers[] = {"Indikator", "Test som inte gjorts", "Antal punkter", "Orsak"};
	const vbs_trends *t = ctx->trends;
	size_t n = 0, r = 0;
	vbs_cell *cells;
	char (*methods)[256];
	int next = -1;

	for (size_t i = 0; t && i < t->nskips; i++)
		n += strcmp(t->skips[i].report, ctx->periods->report) == 0;
	if (n == 0)
		return row;
	cells = calloc(n * 4, sizeof(*cells));
	methods = calloc(n, sizeof(*methods));
	if (!cells || !methods)
		goto done;
	for (size_t i = 0; i < t->nskips; i++) {
		const vbs_trend_skip *x = &t->skips[i];
		vbs_cell *c;
		size_t len = 0;

		if (strcmp(x->report, ctx->periods->report) != 0)
			continue;
		for (unsigned bit = 1; bit <= TREND_CHANGE; bit <<= 1)
			if ((x->methods & bit) && trends_method_name(bit))
				len += (size_t)snprintf(methods[r] + len, len < 256 ? 256 - len : 0, "%s%s",
				                        len ? ", " : "",
				                        sheet_trends_method(trends_method_name(bit)));
		c = &cells[r * 4];
		c[0] = (vbs_cell){.kind = CELL_TEXT, .text = label_of(ctx, x->indicator)};
		c[1] = (vbs_cell){.kind = CELL_TEXT, .text = methods[r]};
		c[2] = (vbs_cell){.kind = CELL_NUMBER, .number = x->n_points};
		c[3] = (vbs_cell){.kind = CELL_TEXT, .text = x->note};
		r++;
	}
	if (xlsx_text(wb, ws, row, "Tabell 2. Serier som inte kunde testas") == 0)
		next = xlsx_grid(wb, ws, row + 1, &(vbs_grid){
			.name = "Ej_testade", .headers = headers, .ncols = 4, .nrows = (int)n,
			.cells = cells, .source_note = "Källa: vbestat. Se Metod och källor.",
		});
done:
	free(cells);
	free(methods);
	return next;
}

int sheet_trends_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle)
{
	lxw_worksheet *ws = xlsx_sheet(wb, "Trendanalys", "Trendanalys", subtitle);
	int row = 3;

	if (!ws || (row = tests_table(wb, ws, row, ctx)) < 0 ||
	    skips_table(wb, ws, row, ctx) < 0)
		return -1;
	return 0;
}
