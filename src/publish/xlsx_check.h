/* xlsx_check: re-opens a written workbook and checks it before it is
 * published: a readable zip (minizip) whose every part inflates with a
 * matching CRC, holding the parts Excel needs ([Content_Types].xml,
 * _rels/.rels, xl/workbook.xml, docProps/core.xml, a worksheet). */
#ifndef VBS_XLSX_CHECK_H
#define VBS_XLSX_CHECK_H

#include "base/error.h"

/* Returns 0, or -1 with VBS_E_IO naming the file and the first problem. */
int xlsx_check(const char *path, vbs_error *err);

#endif
