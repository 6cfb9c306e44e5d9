/* figure_table: one breakdown of one indicator as an Excel table: the
 * categories as rows and the indicator's periods in the book as columns
 * (both in the figures' order: survey years for the survey, years or
 * windows otherwise), and the district total as the last row, with a
 * caption above and the source under it. Rendered from figures only. A
 * table with no figure writes nothing and returns row unchanged. */
#ifndef VBS_FIGURE_TABLE_H
#define VBS_FIGURE_TABLE_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

typedef struct vbs_figure_table {
	const char *indicator;
	const char *dimension;     /* "total" for the total row alone */
	const char *label_header;  /* the first column's header ("Miljö") */
	const char *total_label;   /* the last row's label ("Totalt") */
	const char *caption;       /* "Tabell 1. ..." */
	const char *name;          /* the Excel table name */
	const char *source_note;   /* "Källa: ..." */
	cell_format fmt;           /* FMT_COUNT, FMT_DECIMAL (rates), FMT_PERCENT (shares) */
} vbs_figure_table;

/* Where a written table is, for a chart of its total row. */
typedef struct vbs_table_pos {
	int header_row, total_row, first_col, last_col;
} vbs_table_pos;

/* Writes the table at row (the caption's row); returns the row after the
 * source note and a blank line, or -1 (the error is kept in wb). */
int figure_table_write(vbs_xlsx *wb, lxw_worksheet *ws, int row,
                       const vbs_report_ctx *ctx, const vbs_figure_table *t,
                       vbs_table_pos *pos);

#endif
