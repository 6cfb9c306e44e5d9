/* sheet_summary: the Sammanfattning sheet of both workbooks: the key
 * figures of the latest period against the previous one with the change
 * and the trend over the years in words, and the generated sentences the
 * analyst can lift into the annual report or the situation picture. */
#ifndef VBS_SHEET_SUMMARY_H
#define VBS_SHEET_SUMMARY_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_summary_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

#endif
