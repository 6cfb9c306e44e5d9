/* trend_tests_csv: writes trend_tests.csv (outputs.md) from the trend-test
 * table: one row per test, in the table's order. */
#ifndef VBS_TREND_TESTS_CSV_H
#define VBS_TREND_TESTS_CSV_H

#include "base/error.h"
#include "figures/trends.h"

/* Writes path with the header of outputs.md, ',' and LF line ends, no BOM;
 * numbers with up to 10 significant digits and '.' as decimal point. A
 * numeric field is empty when its has-bit is unset or (never expected) its
 * value is not finite, so no NaN or Inf reaches the file. The skips and
 * notes of t are for the workbook and are not written.
 * Returns 0; -1 with VBS_E_CANTCREAT when path cannot be created, VBS_E_IO
 * when a write fails. */
int trend_tests_csv_write(const vbs_trends *t, const char *path, vbs_error *err);

#endif
