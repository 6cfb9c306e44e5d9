/* statistics_csv: writes statistics.csv (outputs.md) from the figures
 * table: one row per figure, in the table's order. */
#ifndef VBS_STATISTICS_CSV_H
#define VBS_STATISTICS_CSV_H

#include "base/error.h"
#include "figures/figures.h"

int statistics_csv_write(const vbs_figures *t, const char *path, vbs_error *err);

#endif
