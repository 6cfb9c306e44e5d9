/* error: filling and formatting the error record (see error.h). */
#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void error_init(vbs_error *err)
{
	memset(err, 0, sizeof(*err));
}

int error_set(vbs_error *err, vbs_status code, const char *file, long line,
              const char *column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	snprintf(err->column, sizeof(err->column), "%s", column ? column : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

void error_format(const vbs_error *err, char *buf, size_t size)
{
	char where[VBS_ERROR_PATH_MAX + 32] = "";
	char col[VBS_ERROR_COLUMN_MAX + 16] = "";

	if (err->file[0] && err->line > 0)
		snprintf(where, sizeof(where), "%s:%ld: ", err->file, err->line);
	else if (err->file[0])
		snprintf(where, sizeof(where), "%s: ", err->file);
	if (err->column[0])
		snprintf(col, sizeof(col), "column '%s': ", err->column);
	snprintf(buf, size, "%s%s%s", where, col, err->message);
}
