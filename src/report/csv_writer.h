/* csv_writer: writing one CSV output file field by field, with RFC 4180
 * quoting, numbers with up to 10 significant digits and '.' as decimal
 * point whatever the locale, and every write checked: the first error
 * sticks and is reported by csv_writer_close. */
#ifndef VBS_CSV_WRITER_H
#define VBS_CSV_WRITER_H

#include <stdio.h>

#include "base/error.h"

typedef struct vbs_csv_writer {
	FILE *f;
	const char *path;
	char delimiter;
	int crlf;          /* CRLF line ends (files for Excel), else LF */
	int at_line_start;
	int failed;
	int error_no;      /* errno of the first failure */
} vbs_csv_writer;

/* Creates path. bom: a file for Excel, with a UTF-8 byte-order mark and
 * CRLF line ends; else LF. */
int csv_writer_open(vbs_csv_writer *w, const char *path, char delimiter,
                    int bom, vbs_error *err);

void csv_writer_text(vbs_csv_writer *w, const char *s);
void csv_writer_long(vbs_csv_writer *w, long v);
/* %.10g in the C locale; -0 is written 0. */
void csv_writer_number(vbs_csv_writer *w, double v);
void csv_writer_empty(vbs_csv_writer *w);
void csv_writer_end_row(vbs_csv_writer *w);

/* Flushes, fsyncs and closes. Returns 0, or -1 with VBS_E_IO when any write
 * failed (disk full, I/O error). */
int csv_writer_close(vbs_csv_writer *w, vbs_error *err);

/* Formats v like csv_writer_number into buf (at least 32 bytes). */
void csv_writer_format_number(double v, char *buf, size_t size);

#endif
