/* rejects: every input row or value that was not used, and why: the rows of
 * rejects.csv. The value is never the content of a free-text column and is
 * masked where it looks like a personal identity number (the caller passes
 * it already masked). */
#ifndef VBS_REJECTS_H
#define VBS_REJECTS_H

#include <stddef.h>

#include "base/error.h"

typedef struct vbs_reject {
	char *source;
	char *file;   /* relative to the input folder */
	long line;    /* physical line where the record starts */
	char *column; /* "" for a wrong field count */
	char *value;  /* "" for a missing value or a wrong field count */
	char *reason; /* Swedish: what to fix */
} vbs_reject;

typedef struct vbs_rejects {
	vbs_reject *items;
	size_t n, cap;
} vbs_rejects;

void rejects_init(vbs_rejects *r);
void rejects_release(vbs_rejects *r);

/* Appends a copy of the fields. Returns 0, or -1 when out of memory. */
int rejects_add(vbs_rejects *r, const char *source, const char *file,
                long line, const char *column, const char *value,
                const char *reason, vbs_error *err);

#endif
