/* sheet_followup: the Uppföljning sheet of both workbooks: the action
 * plan's activities against their targets (Mål per year or term) and what
 * was done, with the status in words (Uppfyllt, Delvis, Ej uppfyllt,
 * Pågår, Löpande): the latest year first, then the earlier periods. */
#ifndef VBS_SHEET_FOLLOWUP_H
#define VBS_SHEET_FOLLOWUP_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_followup_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

/* Counts of the latest year's activities with a target by status: met,
 * partly met, not met, running. Returns the number with a target. */
int sheet_followup_counts(const vbs_followup *f, int *met, int *partly, int *not_met,
                          int *running, int *latest_year);

#endif
