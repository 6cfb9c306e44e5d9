/* ini_file: reading one INI file with libinih, with the checks libinih
 * lacks: lines too long for its fixed buffer, invalid UTF-8, and a reason
 * for every rejected key reported as file:line.
 *
 * libinih (Debian 12: version 55) cuts lines at 200 bytes and treats " ;"
 * as the start of an inline comment; keep values short and free of " ;". */
#ifndef VBS_INI_FILE_H
#define VBS_INI_FILE_H

#include <stddef.h>

#include "base/error.h"

/* The longest line we let libinih see, line end excluded (its buffer is
 * INI_MAX_LINE = 200 bytes including the line end and the NUL). */
#define INI_FILE_LINE_MAX 196

/* Called for each key. Returns 0 to accept, or -1 after writing a reason
 * (English, says what to change) into why. */
typedef int (*ini_file_fn)(void *user, const char *section, const char *name,
                           const char *value, char *why, size_t why_size);

/* Parses path. On a bad line or key fills err with VBS_E_CONFIG, the file,
 * the line and the reason, and returns -1. A missing file is VBS_E_CONFIG
 * too ("unable to open"). */
int ini_file_parse(const char *path, ini_file_fn fn, void *user, vbs_error *err);

#endif
