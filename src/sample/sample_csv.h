/* sample_csv: writes one CSV export in a chosen dialect (encoding, delimiter, line ends) and counts physical lines. */
#ifndef SMP_CSV_H
#define SMP_CSV_H

#include "sample/sample_ctx.h"
#include "sample/sample_file.h"

typedef enum smp_encoding {
	SMP_ENC_UTF8,
	SMP_ENC_UTF8_BOM,
	SMP_ENC_CP1252               /* Excel "Spara som CSV" on Swedish Windows */
} smp_encoding;

typedef struct smp_csv_format {
	smp_encoding encoding;
	char delimiter;              /* ';' or ',' */
	int crlf;                    /* 1: CRLF line ends, 0: LF */
	int final_eol;               /* 0: no line end after the last line */
} smp_csv_format;

/* The common dialect: UTF-8 with BOM, ';', CRLF, final line end. */
extern const smp_csv_format smp_csv_excel;

typedef struct smp_csv {
	smp_ctx *ctx;
	smp_file file;
	smp_csv_format fmt;
	long line;                   /* physical line the next row starts on */
	long rows;                   /* rows ended, header included */
	long blank_lines;
	int in_row;
	int pending_eol;
	int bad_text;                /* a field could not be encoded */
	char bad_field[SMP_VALUE_MAX];
} smp_csv;

/* Opens rel under the output folder and writes the BOM if any. Returns 0
 * or -1 with the error in ctx. */
int smp_csv_open(smp_ctx *ctx, smp_csv *csv, const char *rel,
                 const smp_csv_format *fmt);

/* Appends one field (UTF-8) to the current row, quoting it when it holds
 * the delimiter, a quote or a line break. A "\n" inside a field is written
 * as the file's line end. */
void smp_csv_field(smp_csv *csv, const char *utf8);

/* Ends the current row. */
void smp_csv_end_row(smp_csv *csv);

/* Writes a line of only delimiters (ndelims of them; 0 = an empty line). */
void smp_csv_blank_line(smp_csv *csv, int ndelims);

/* The physical line (1-based) on which the next row starts. */
long smp_csv_next_line(const smp_csv *csv);

/* Finishes the file, registers it for the README with note, and closes
 * it. Returns 0 or -1 with the error in ctx. */
int smp_csv_close(smp_csv *csv, const char *note);

#endif
