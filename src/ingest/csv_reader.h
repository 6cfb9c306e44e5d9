/* csv_reader: the bytes of one export file as rows of UTF-8 fields, each with
 * the physical line where its record starts. */
#ifndef VBS_CSV_READER_H
#define VBS_CSV_READER_H

#include <stddef.h>

#include "base/error.h"

/* Limits past which a file is refused (VBS_E_DATA naming the line). Field
 * and record sizes count UTF-8 bytes, after any conversion. */
enum {
	CSV_MAX_FIELD_BYTES = 1 << 20,  /* one field */
	CSV_MAX_FIELDS = 1024,          /* fields in one record */
	CSV_MAX_RECORD_BYTES = 64 << 20 /* all fields of one record */
};

typedef enum csv_encoding {
	CSV_ENC_UTF8,
	CSV_ENC_UTF8_BOM,
	CSV_ENC_WINDOWS_1252
} csv_encoding;

/* "utf-8", "utf-8-bom" or "windows-1252" ("unknown" for anything else). */
const char *csv_encoding_name(csv_encoding e);

typedef struct csv_row {
	size_t nfields;
	char **fields;    /* NUL-terminated UTF-8, valid only during the callback */
	size_t *lengths;  /* bytes of each field, without the NUL */
	long line;        /* physical line (1-based) where the record starts */
	long index;       /* 0 for the header row, then 1, 2, ... for data rows */
} csv_row;

/* Called once per delivered row. Return 0 to go on, -1 to stop: the callback
 * has then filled err itself, and csv_reader_read returns -1 leaving err as
 * the callback filled it. */
typedef int (*csv_row_fn)(const csv_row *row, void *ctx, vbs_error *err);

typedef struct csv_info {
	csv_encoding encoding;
	char delimiter;           /* ';' or ',' */
	long lines;               /* physical lines in the file */
	long header_line;         /* physical line where the header row starts */
	long rows;                /* data rows delivered (header excluded) */
	unsigned char sha256[32]; /* SHA-256 of the file's bytes */
} csv_info;

/* Reads the export file at path and calls on_row (when not NULL) for the
 * header row and then for each data row, in file order. display_name (e.g.
 * "ia/ia_2024.csv") is the file that errors name.
 *
 * The file is read twice and never held in memory whole. The first pass
 * hashes it, refuses a file with a NUL byte, decides the encoding (UTF-8
 * with a byte-order mark; else UTF-8 when every sequence is valid; else
 * Windows-1252) and the delimiter (the more frequent of ';' and ',' outside
 * quotes in the header line; ';' on a tie). The second pass parses RFC 4180
 * CSV strictly: a quoted field may hold the delimiter, doubled quotes and
 * line breaks; CRLF and LF both end a record, and so does a bare CR outside
 * quotes (a "physical line" ends at LF only). Fields come out as they stand
 * in the file, not trimmed, except that the byte-order mark is dropped.
 * Empty lines, and records whose fields are all empty or only spaces and
 * tabs, are skipped silently; the header is the first record that has
 * anything else. The number of fields per row is not checked.
 *
 * Rows are delivered while the file is parsed: when the call fails, rows
 * already delivered come from an unusable file and must be thrown away.
 *
 * Returns 0, with *info (when not NULL) filled. On failure returns -1 with
 * err filled: VBS_E_DATA for an unreadable, binary, header-less, badly
 * encoded or malformed file, a file cut inside a quoted field, a field or
 * record over the limits above, or a file that changed between the passes;
 * VBS_E_SOFTWARE when out of memory. *info is then unspecified. */
int csv_reader_read(const char *path, const char *display_name,
                    csv_row_fn on_row, void *ctx, csv_info *info,
                    vbs_error *err);

#endif
