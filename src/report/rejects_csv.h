/* rejects_csv: writes rejects.csv (outputs.md) for the analyst, who opens
 * it in Excel: UTF-8 with a byte-order mark, ';' as delimiter, CRLF. */
#ifndef VBS_REJECTS_CSV_H
#define VBS_REJECTS_CSV_H

#include "base/error.h"
#include "ingest/rejects.h"

int rejects_csv_write(const vbs_rejects *r, const char *path, vbs_error *err);

#endif
