/* error: the one error record that travels from where a failure happens up
 * to main, which prints it as one line and exits with its code.
 *
 * Modules never print and never exit. A function that can fail takes a
 * `vbs_error *err` as its last argument, fills it with error_set() and
 * returns -1 (or NULL); the caller passes it up unchanged. The codes are the
 * exit statuses of outputs.md (sysexits.h). */
#ifndef VBS_ERROR_H
#define VBS_ERROR_H

#include <stddef.h>

typedef enum vbs_status {
	VBS_OK = 0,
	VBS_E_USAGE = 64,      /* bad command line */
	VBS_E_DATA = 65,       /* an input file is unusable */
	VBS_E_NOINPUT = 66,    /* input folder missing, required source empty */
	VBS_E_SOFTWARE = 70,   /* internal error (a bug, or out of memory) */
	VBS_E_CANTCREAT = 73,  /* output folder cannot be created or written */
	VBS_E_IO = 74,         /* I/O error while writing, disk full, bad re-check */
	VBS_E_TEMPFAIL = 75,   /* another run holds the lock */
	VBS_E_CONFIG = 78      /* bad configuration file */
} vbs_status;

enum { VBS_ERROR_PATH_MAX = 512, VBS_ERROR_COLUMN_MAX = 64, VBS_ERROR_MSG_MAX = 512 };

typedef struct vbs_error {
	vbs_status code;
	char file[VBS_ERROR_PATH_MAX];     /* file the error is about, or "" */
	long line;                          /* 1-based physical line, or 0 */
	char column[VBS_ERROR_COLUMN_MAX]; /* column name, or "" */
	char message[VBS_ERROR_MSG_MAX];   /* what failed and what to do */
} vbs_error;

/* Clears err to "no error". */
void error_init(vbs_error *err);

/* Fills err (when err is not NULL) and returns -1, so that a failing
 * function can `return error_set(...)`. file and column may be NULL. */
int error_set(vbs_error *err, vbs_status code, const char *file, long line,
              const char *column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Writes the one-line report "file:line: column 'c': message" into buf. */
void error_format(const vbs_error *err, char *buf, size_t size);

#endif
