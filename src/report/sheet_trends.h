/* sheet_trends: the Trendanalys sheet of both workbooks: every test of
 * trend_tests.csv for the book's report in readable Swedish columns, the
 * direction written out in words (not only shown by colour), and the
 * series that were not tested with the reason. */
#ifndef VBS_SHEET_TRENDS_H
#define VBS_SHEET_TRENDS_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_trends_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

/* The Swedish words for a direction of trend_tests.csv. */
const char *sheet_trends_direction(const char *direction);

/* The Swedish name of a test of trend_tests.csv. */
const char *sheet_trends_method(const char *method);

#endif
