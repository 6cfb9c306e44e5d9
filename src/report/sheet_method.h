/* sheet_method: the Metod och källor sheet of both workbooks: the methods
 * of statistics.md in plain Swedish, the disclosure rule and its symbols,
 * the sources with the as-of date, the program version and every input
 * file's SHA-256 (as in manifest.json), so an auditor can trace a figure. */
#ifndef VBS_SHEET_METHOD_H
#define VBS_SHEET_METHOD_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_method_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

#endif
