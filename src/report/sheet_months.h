/* sheet_months: the Månader sheet of the lägesbild: the current year's
 * VBE-linked and unclear IA cases month by month up to the as-of month,
 * with a column chart. */
#ifndef VBS_SHEET_MONTHS_H
#define VBS_SHEET_MONTHS_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_months_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

#endif
