/* sheet_incidents: the Incidenter sheet of both workbooks: VBE-linked and
 * unclear IA cases per period by miljö, kategori, verksamhetsområde, område
 * and händelsetyp, rates per 10 000 inhabitants where population exists,
 * the totals with their 95 % intervals, and a column chart of the totals. */
#ifndef VBS_SHEET_INCIDENTS_H
#define VBS_SHEET_INCIDENTS_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

/* Adds the sheet; subtitle names the period and the as-of date. */
int sheet_incidents_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

#endif
