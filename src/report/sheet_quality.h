/* sheet_quality: the workbooks' data-quality sheet (Datakvalitet): per
 * source and file the rows read, accepted, rejected, duplicates, rows after
 * the as-of date and unknown areas; the reasons for rejects by count; and
 * the rules that decide what is kept, in plain Swedish. */
#ifndef VBS_SHEET_QUALITY_H
#define VBS_SHEET_QUALITY_H

#include "ingest/input_files.h"
#include "figures/trends.h"
#include "ingest/rejects.h"
#include "report/xlsx.h"

typedef struct vbs_quality {
	const vbs_input_files *files;  /* NULL: no file read */
	const vbs_rejects *rejects;    /* NULL: nothing rejected */
	const char *const *notes;  /* extra Swedish lines (an absent optional source) */
	int nnotes;
	const char *subtitle;      /* period and as-of date */
	const vbs_trends *trends;  /* tests left empty or not run are counted; NULL: none */
	const char *report;        /* the book's report, for the tests */
} vbs_quality;

/* Adds the sheet. Returns 0, or -1 (the error is kept in wb). */
int sheet_quality_write(vbs_xlsx *wb, const vbs_quality *q);

#endif
