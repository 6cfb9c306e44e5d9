/* source_reader: the one reader for every source. Driven by the source's
 * mapping, it lists the .csv files of <inputs>/<folder> in byte order of their names,
 * reads each with csv_reader, finds the mapped columns by header, checks
 * the field count and every mapped value against its type, writes a reject
 * for each bad value (the whole row is dropped when a required value is
 * missing or bad), and hands every kept row to the source's callback as
 * typed values. Free-text columns are never read; unknown extra columns are
 * never looked at. */
#ifndef VBS_SOURCE_READER_H
#define VBS_SOURCE_READER_H

#include <stdint.h>

#include "base/error.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"

typedef enum value_status {
	VALUE_OK,
	VALUE_MISSING, /* blank, or bad and reported (then treated as missing) */
	VALUE_ABSENT   /* the column is not in this file */
} value_status;

typedef struct vbs_value {
	value_status status;
	int32_t day;        /* FIELD_DATE: day number */
	int64_t stamp;      /* FIELD_DATE: seconds (00:00:00 without a time) */
	long long integer;  /* FIELD_INTEGER */
	double decimal;     /* FIELD_DECIMAL */
	int code;           /* FIELD_CODE(S): the code, or the fallback when the
	                       value was missing or bad (-1 without fallback) */
	uint64_t codes;     /* FIELD_CODES: bit i = code i named */
	int fallback_silent;/* the fallback came from an unreported value */
	const char *text;   /* FIELD_ID, FIELD_NAME: trimmed; valid during the callback */
	int reported;       /* a reject was written for this value */
	const char *raw;    /* the trimmed field as written, for a source's own
	                       rejects; NULL for free-text and label columns and
	                       for a value that held a personal identity number */
} vbs_value;

typedef struct vbs_row {
	const vbs_value *values; /* indexed like the mapping's columns */
	int file;                /* index into the input-file ledger */
	long line;               /* physical line where the record starts */
} vbs_row;

typedef enum row_result { ROW_ACCEPTED, ROW_DUPLICATE, ROW_REJECTED } row_result;

/* Called for each row that passed validation. Returns a row_result, or -1
 * after filling err. */
typedef int (*source_row_fn)(const vbs_row *row, void *ctx, vbs_error *err);

typedef struct vbs_source_read {
	const vbs_mapping *mapping;
	const vbs_codesets *codesets;
	const char *inputs_dir;
	int required;            /* a missing folder or no file is an error */
	vbs_input_files *files;  /* every file read is appended here */
	vbs_rejects *rejects;
	source_row_fn on_row;
	void *ctx;
} vbs_source_read;

/* The number of physical lines in the source's files, an upper bound of
 * their rows, to size staged tables up front (0 when the folder cannot be
 * read: the read itself reports that). */
size_t source_reader_count_lines(const vbs_mapping *m, const char *inputs_dir);

/* Reads every file of the source. Whole-file problems (unreadable, binary,
 * no header, a required column missing, broken quoting) stop with
 * VBS_E_DATA; a required source without files stops with VBS_E_NOINPUT. */
int source_reader_read(const vbs_source_read *req, vbs_error *err);

#endif
