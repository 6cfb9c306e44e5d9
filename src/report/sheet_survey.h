/* sheet_survey: the Trygghet sheet of both workbooks: for each survey
 * indicator the weighted share per survey year with its 95 % interval and
 * the number of answers, a line chart of the share, and the shares by
 * område, kön and åldersgrupp. */
#ifndef VBS_SHEET_SURVEY_H
#define VBS_SHEET_SURVEY_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_survey_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

#endif
