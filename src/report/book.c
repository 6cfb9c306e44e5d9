/* book: the VB appendix and the lägesbild workbooks (see book.h). */
#include "report/book.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "report/sheet_dialogues.h"
#include "report/sheet_followup.h"
#include "report/sheet_incidents.h"
#include "report/sheet_method.h"
#include "report/sheet_months.h"
#include "report/sheet_quality.h"
#include "report/sheet_summary.h"
#include "report/sheet_survey.h"
#include "report/sheet_trends.h"
#include "report/xlsx.h"

enum { TEXT_MAX = 512 };

int book_write(const vbs_report_ctx *ctx, const char *path, vbs_error *err)
{
	const vbs_periods *p = ctx->periods;
	int vb = strcmp(p->report, "vb") == 0;
	char title[TEXT_MAX], subject[TEXT_MAX], subtitle[TEXT_MAX], quality[TEXT_MAX];
	char asof[11];
	vbs_xlsx *wb;
	int rc;

	if (p->n == 0)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "no period up to the as-of date has data for report %s", p->report);
	date_format(ctx->as_of, asof);
	if (vb) {
		snprintf(title, sizeof(title),
		         "Bilaga till verksamhetsberättelse %d: våldsbejakande extremism", ctx->report_year);
		snprintf(subject, sizeof(subject),
		         "Uppföljning av handlingsplanen mot våldsbejakande extremism och lokal lägesbild %d",
		         ctx->report_year);
		snprintf(subtitle, sizeof(subtitle),
		         "Verksamhetsberättelse %d. Period: %s–%s. Uppgifter till och med %s.",
		         ctx->report_year, p->items[0].label, p->items[p->n - 1].label, asof);
	} else {
		snprintf(title, sizeof(title),
		         "Lägesbild våldsbejakande extremism %s", asof);
		snprintf(subject, sizeof(subject),
		         "Lokal lägesbild: 1 januari till %s jämfört med samma period tidigare år", asof);
		static const char *const months[] = {"januari", "februari", "mars", "april", "maj",
		                                     "juni", "juli", "augusti", "september",
		                                     "oktober", "november", "december"};
		int y, m, d;

		date_to_ymd(ctx->as_of, &y, &m, &d);
		snprintf(subtitle, sizeof(subtitle),
		         "Lägesbild. Perioden 1 januari–%d %s varje år, %d–%d. Uppgifter till och med %s.",
		         d, months[m - 1], p->items[0].year, p->items[p->n - 1].year, asof);
	}
	snprintf(quality, sizeof(quality), "Alla lästa exportfiler. Uppgifter till och med %s.", asof);
	wb = xlsx_open(path, &(vbs_xlsx_props){
		.title = title, .subject = subject,
		.author = ctx->district, .company = ctx->district,
		.keywords = "våldsbejakande extremism, VBE, lägesbild, verksamhetsberättelse, statistik",
		.created_day = ctx->as_of, .tmpdir = ctx->tmpdir,
	}, err);
	if (!wb)
		return -1;
	/* The sheets in the order of the issue: Sammanfattning, Incidenter,
	 * (Månader), Trygghet, Medborgardialoger, Uppföljning, Trendanalys,
	 * Datakvalitet, Metod och källor. */
	rc = sheet_summary_write(wb, ctx, subtitle);
	if (rc == 0)
		rc = sheet_incidents_write(wb, ctx, subtitle);
	if (rc == 0 && !vb)
		rc = sheet_months_write(wb, ctx, subtitle);
	if (rc == 0)
		rc = sheet_survey_write(wb, ctx, subtitle);
	if (rc == 0)
		rc = sheet_dialogues_write(wb, ctx, subtitle);
	if (rc == 0)
		rc = sheet_followup_write(wb, ctx, subtitle);
	if (rc == 0)
		rc = sheet_trends_write(wb, ctx, subtitle);
	if (rc == 0)
		rc = sheet_quality_write(wb, &(vbs_quality){
			.files = ctx->files, .rejects = ctx->rejects,
			.notes = ctx->notes, .nnotes = ctx->nnotes, .subtitle = quality,
			.trends = ctx->trends, .report = p->report,
		});
	if (rc == 0)
		rc = sheet_method_write(wb, ctx, subtitle);
	/* A libxlsxwriter failure is kept in wb and reported by xlsx_close. */
	if (xlsx_close(wb, err) != 0)
		return -1;
	if (rc != 0)
		return error_set(err, VBS_E_SOFTWARE, path, 0, NULL, "out of memory");
	return 0;
}
