/* sample_file: an output file with a sticky write error, so that every write is checked and the first failure reported. */
#ifndef SMP_FILE_H
#define SMP_FILE_H

#include <stdio.h>

#include "sample/sample_ctx.h"

typedef struct smp_file {
	FILE *fp;
	char rel[SMP_PATH_MAX];      /* path relative to the output folder */
	char path[SMP_PATH_MAX];     /* full path */
	int err_no;                  /* errno of the first failed write, or 0 */
	int failed;
} smp_file;

/* Creates the folder rel under the output folder (and the output folder
 * itself) when missing. Returns 0 or -1 with the error in ctx. */
int smp_file_mkdir(smp_ctx *ctx, const char *rel);

/* Opens rel under the output folder for writing (truncating it). Returns 0
 * or -1 with the error in ctx. */
int smp_file_open(smp_ctx *ctx, smp_file *f, const char *rel);

/* Write n bytes / formatted text. A failure is remembered and reported by
 * smp_file_close(); later writes are skipped. */
void smp_file_write(smp_file *f, const char *bytes, size_t n);
void smp_file_puts(smp_file *f, const char *s);
void smp_file_printf(smp_file *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Closes f. Returns 0, or -1 with the error in ctx when any write or the
 * close failed. Safe on a file that was never opened. */
int smp_file_close(smp_ctx *ctx, smp_file *f);

#endif
