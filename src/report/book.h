/* book: the two workbooks the analyst lifts into the annual report and the
 * situation picture, VB-bilaga-VBE-<report year>.xlsx (report vb, whole
 * years) and lagesbild-VBE-<as-of>.xlsx (report lagesbild, 1 January to the
 * as-of date compared with the same window of earlier years). Both are
 * rendered from the figures table by the sheet modules, in a fixed order,
 * with the file properties set and the as-of date as the created time. */
#ifndef VBS_BOOK_H
#define VBS_BOOK_H

#include "base/error.h"
#include "report/report_ctx.h"

/* Writes the book of ctx->periods->report ("vb" or "lagesbild") to path. */
int book_write(const vbs_report_ctx *ctx, const char *path, vbs_error *err);

#endif
