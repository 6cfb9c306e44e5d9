/* xlsx: a checked layer over libxlsxwriter that every workbook of the
 * project is written through. It owns the lxw_workbook and its formats,
 * checks Excel's limits before calling libxlsxwriter (which would print
 * warnings on stderr instead of failing), keeps the first error, and writes
 * the project's table and chart conventions: real Excel tables with
 * explicit headers, numbers as numbers, zero shown as "–" by the number
 * format, suppressed cells as "..", computed column widths, A4 print setup,
 * a colour-blind-safe palette and alt text on every chart. */
#ifndef VBS_XLSX_H
#define VBS_XLSX_H

#include <stdint.h>
#include <xlsxwriter.h>

#include "base/error.h"
#include "figures/figures.h"

/* Excel's limits. */
enum {
	XL_SHEET_NAME_MAX = 31,      /* characters */
	XL_HEADER_FOOTER_MAX = 255,  /* characters */
	XL_CELL_TEXT_MAX = 32767,    /* characters */
	XL_ROWS_MAX = 1048576,
	XL_COLS_MAX = 16384
};

typedef struct vbs_xlsx vbs_xlsx;

typedef struct vbs_xlsx_props {
	const char *title;
	const char *subject;
	const char *author;    /* the district */
	const char *company;
	const char *keywords;
	int32_t created_day;   /* the as-of date: the file's created time */
	const char *tmpdir;    /* libxlsxwriter's temporary files */
} vbs_xlsx_props;

/* Starts a workbook at path. Returns NULL with err filled on failure. */
vbs_xlsx *xlsx_open(const char *path, const vbs_xlsx_props *props,
                            vbs_error *err);

/* Adds a sheet with the title in A1 and `subtitle` (period, as-of date) in
 * A2, A4 print setup and the title in the page header. NULL on error (the
 * error is kept and reported by xlsx_close). */
lxw_worksheet *xlsx_sheet(vbs_xlsx *wb, const char *name,
                              const char *title, const char *subtitle);

/* Number formats; zero is shown as "–" by each of them. */
typedef enum cell_format {
	FMT_COUNT,    /* 1 234 */
	FMT_DECIMAL,  /* 12,3: rates, days, ratios */
	FMT_PERCENT,  /* 31,2 %: shares between 0 and 1 */
	FMT_PRECISE,  /* 0,857: test statistics and estimates */
	FMT_PVALUE,   /* 0,0017: p-values */
	FMT_COUNT_OF  /* the number of formats */
} cell_format;

/* A table of figures: one row per label, one column per header after the
 * first. cells[r * (ncols - 1) + c] is the figure of row r, column c + 1,
 * or NULL for a cell without a figure (left empty). */
typedef struct vbs_table {
	const char *name;             /* Excel table name: letters, digits, _ */
	const char *const *headers;   /* ncols column headers */
	int ncols;
	const char *const *labels;    /* nrows row labels (the first column) */
	int nrows;
	const vbs_figure *const *cells;
	const char *source_note;      /* "Källa: ..." written under the table */
	cell_format fmt;              /* of every figure cell */
} vbs_table;

/* Writes the table with its header on first_row; returns the row after the
 * source note, or -1 on error. The first table of a sheet freezes its
 * header row and repeats it on printed pages; column widths fit the widest
 * cell of every table on the sheet. */
int xlsx_table(vbs_xlsx *wb, lxw_worksheet *ws, int first_row,
                   const vbs_table *t);

/* A cell of a grid: text, a plain number, or a figure (".." when
 * suppressed), with a number format. */
typedef enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_NUMBER, CELL_FIGURE } cell_kind;

typedef struct vbs_cell {
	cell_kind kind;
	const char *text;
	double number;
	const vbs_figure *figure;
	cell_format fmt;
} vbs_cell;

/* A table of any cells: cells[r * ncols + c], the first column included. */
typedef struct vbs_grid {
	const char *name;
	const char *const *headers;
	int ncols;
	int nrows;
	const vbs_cell *cells;
	const char *source_note;
} vbs_grid;

/* Like xlsx_table, for a grid. */
int xlsx_grid(vbs_xlsx *wb, lxw_worksheet *ws, int first_row, const vbs_grid *g);

/* A cell range of a sheet, first and last cell inclusive. */
typedef struct vbs_range {
	int first_row, first_col, last_row, last_col;
} vbs_range;

/* A chart of one series, categories and values given as ranges (a table
 * row against its header row, or a column against the period column),
 * placed at (at_row, at_col): columns, or a line with markers for a series
 * over years. */
typedef struct vbs_chart {
	const char *sheet;   /* the sheet that holds the data */
	vbs_range categories, values;
	const char *title, *x_title, *y_title;
	const char *alt_text;
	int at_row, at_col;
	int line;            /* 1: a line chart (a series over years) */
	int bar;             /* 1: horizontal bars (a breakdown); else columns */
	const char *y_format;/* the value axis' number format; NULL: "#,##0" */
} vbs_chart;

int xlsx_column_chart(vbs_xlsx *wb, lxw_worksheet *ws, const vbs_chart *c);

/* Writes a line of plain text at (row, 0). */
int xlsx_text(vbs_xlsx *wb, lxw_worksheet *ws, int row, const char *text);

/* The width of column A, in characters, that paragraphs wrap to. */
enum { XLSX_PARAGRAPH_WIDTH = 90 };

/* Writes a paragraph at (row, 0), wrapped within column A (widened to
 * XLSX_PARAGRAPH_WIDTH) with the row made tall enough for its lines, so
 * that it reads and prints whole in Excel and LibreOffice alike. */
int xlsx_paragraph(vbs_xlsx *wb, lxw_worksheet *ws, int row, const char *text);

/* Writes the file and frees everything. Returns 0, or -1 with the first
 * error (VBS_E_IO for a failed write). Always frees. */
int xlsx_close(vbs_xlsx *wb, vbs_error *err);

#endif
