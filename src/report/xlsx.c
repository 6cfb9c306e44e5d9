/* xlsx: checked libxlsxwriter output (see xlsx.h). */
#include "report/xlsx.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"

/* Okabe–Ito, safe for the common forms of colour blindness. */
static const lxw_color_t palette[] = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00,
                                      0xCC79A7, 0x56B4E9, 0xF0E442};

enum { WIDTH_MIN = 8, WIDTH_MAX = 60, LABEL_WIDTH_MIN = 14, NUMBER_WIDTH = 10,
       XLSX_WIDTH_COLS = 64 };

struct vbs_xlsx {
	lxw_workbook *wb;
	char *path;
	lxw_format *title, *subtitle, *header, *text, *note, *dots, *wrap;
	lxw_format *number[FMT_COUNT_OF];  /* by cell_format */
	vbs_error err;  /* the first error, VBS_OK while none */
	/* The sheet being written: its widest cell per column, and whether a
	 * table has already frozen its header row (only the first does). */
	lxw_worksheet *sheet;
	double widths[XLSX_WIDTH_COLS];
	int frozen;
};

static int fail(vbs_xlsx *wb, vbs_status code, const char *fmt, const char *what)
{
	if (wb->err.code == VBS_OK)
		error_set(&wb->err, code, wb->path, 0, NULL, fmt, what);
	return -1;
}

static int check_lxw(vbs_xlsx *wb, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR)
		return 0;
	if (wb->err.code == VBS_OK)
		error_set(&wb->err, VBS_E_SOFTWARE, wb->path, 0, NULL,
		          "libxlsxwriter failed on %s: %s", what, lxw_strerror(e));
	return -1;
}

/* Characters in a UTF-8 string (what Excel's limits count). */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int check_text(vbs_xlsx *wb, const char *s)
{
	if (!text_is_utf8(s, strlen(s)))
		return fail(wb, VBS_E_SOFTWARE, "invalid UTF-8 in text for %s", "a cell");
	if (chars(s) > XL_CELL_TEXT_MAX)
		return fail(wb, VBS_E_SOFTWARE, "text longer than Excel's cell limit in %s", "a cell");
	return 0;
}

static int put_string(vbs_xlsx *wb, lxw_worksheet *ws, int row, int col,
                      const char *s, lxw_format *fmt)
{
	if (row >= XL_ROWS_MAX || col >= XL_COLS_MAX)
		return fail(wb, VBS_E_SOFTWARE, "%s beyond Excel's sheet size", "a cell");
	if (check_text(wb, s) != 0)
		return -1;
	return check_lxw(wb, worksheet_write_string(ws, (lxw_row_t)row,
	                                            (lxw_col_t)col, s, fmt),
	                 "a text cell");
}

vbs_xlsx *xlsx_open(const char *path, const vbs_xlsx_props *p,
                            vbs_error *err)
{
	vbs_xlsx *wb = calloc(1, sizeof(*wb));
	lxw_workbook_options opt = {.tmpdir = (char *)p->tmpdir};
	lxw_doc_properties props = {
		.title = (char *)p->title,
		.subject = (char *)p->subject,
		.author = (char *)p->author,
		.company = (char *)p->company,
		.keywords = (char *)p->keywords,
		/* libxlsxwriter reads this as UTC: the as-of date at 00:00 UTC, so
		 * the same as-of date gives the same bytes. */
		.created = (time_t)p->created_day * 86400,
	};

	if (!wb || !(wb->path = strdup(path))) {
		free(wb);
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		return NULL;
	}
	wb->wb = workbook_new_opt(path, &opt);
	if (!wb->wb) {
		error_set(err, VBS_E_CANTCREAT, path, 0, NULL,
		          "unable to create the workbook '%s'; check the output folder and $TMPDIR",
		          path);
		free(wb->path);
		free(wb);
		return NULL;
	}
	if (workbook_set_properties(wb->wb, &props) != LXW_NO_ERROR)
		fail(wb, VBS_E_SOFTWARE, "unable to set the properties of %s", path);
	wb->title = workbook_add_format(wb->wb);
	format_set_bold(wb->title);
	format_set_font_size(wb->title, 14);
	wb->subtitle = workbook_add_format(wb->wb);
	format_set_italic(wb->subtitle);
	wb->header = workbook_add_format(wb->wb);
	format_set_bold(wb->header);
	format_set_text_wrap(wb->header);
	wb->number[FMT_COUNT] = workbook_add_format(wb->wb);
	format_set_num_format(wb->number[FMT_COUNT], "#,##0;-#,##0;\"–\"");
	wb->number[FMT_DECIMAL] = workbook_add_format(wb->wb);
	format_set_num_format(wb->number[FMT_DECIMAL], "#,##0.0;-#,##0.0;\"–\"");
	wb->number[FMT_PERCENT] = workbook_add_format(wb->wb);
	format_set_num_format(wb->number[FMT_PERCENT], "0.0 %;-0.0 %;\"–\"");
	wb->number[FMT_PRECISE] = workbook_add_format(wb->wb);
	format_set_num_format(wb->number[FMT_PRECISE], "0.000;-0.000;\"–\"");
	wb->number[FMT_PVALUE] = workbook_add_format(wb->wb);
	format_set_num_format(wb->number[FMT_PVALUE], "0.0000");
	wb->dots = workbook_add_format(wb->wb);
	format_set_align(wb->dots, LXW_ALIGN_RIGHT);
	wb->text = workbook_add_format(wb->wb);
	wb->note = workbook_add_format(wb->wb);
	format_set_font_size(wb->note, 9);
	wb->wrap = workbook_add_format(wb->wb);
	format_set_text_wrap(wb->wrap);
	format_set_align(wb->wrap, LXW_ALIGN_VERTICAL_TOP);
	return wb;
}

lxw_worksheet *xlsx_sheet(vbs_xlsx *wb, const char *name,
                              const char *title, const char *subtitle)
{
	lxw_worksheet *ws;
	char header[XL_HEADER_FOOTER_MAX + 1];

	/* Excel refuses an empty name too (libxlsxwriter 1.1.4 writes it).
	 * libxlsxwriter's own check adds an apostrophe at either end and a
	 * name already used; it prints nothing, while workbook_add_worksheet
	 * would print a warning on stderr. */
	if (!*name || chars(name) > XL_SHEET_NAME_MAX || strpbrk(name, "[]:*?/\\") ||
	    workbook_validate_sheet_name(wb->wb, name) != LXW_NO_ERROR) {
		fail(wb, VBS_E_SOFTWARE, "invalid sheet name '%s'", name);
		return NULL;
	}
	ws = workbook_add_worksheet(wb->wb, name);
	if (!ws) {
		fail(wb, VBS_E_SOFTWARE, "unable to add the sheet '%s'", name);
		return NULL;
	}
	wb->sheet = ws;
	wb->frozen = 0;
	memset(wb->widths, 0, sizeof(wb->widths));
	if (put_string(wb, ws, 0, 0, title, wb->title) != 0 ||
	    put_string(wb, ws, 1, 0, subtitle, wb->subtitle) != 0)
		return NULL;
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	/* "&C" centres; "&&" is a literal "&" in Excel's header codes. */
	snprintf(header, sizeof(header), "&C%s", title);
	if (chars(header) <= XL_HEADER_FOOTER_MAX && !strchr(title, '&'))
		check_lxw(wb, worksheet_set_header(ws, header), "the page header");
	return ws;
}

/* Excel's rules for a table name, checked here because libxlsxwriter
 * would only warn on stderr: a letter or '_' first, then letters, digits,
 * '_' and '.', at most 255 characters, not "C" or "R", and not a cell
 * reference such as "A1" or "XFD1048576". ASCII only, to be safe. */
static int valid_table_name(const char *s)
{
	size_t n = strlen(s), letters = 0;

	if (n == 0 || n > 255 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.'))
			return 0;
	if (n == 1 && strchr("CcRr", s[0]))
		return 0;
	while (letters < n && isalpha((unsigned char)s[letters]))
		letters++;
	if (letters <= 3 && letters < n) {
		size_t i = letters;

		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i == n)
			return 0; /* looks like a cell reference */
	}
	return 1;
}

/* Widens column c of the current sheet to fit width characters; widths
 * only grow, so a later, narrower table never shrinks an earlier one. */
static void widen_to(vbs_xlsx *wb, lxw_worksheet *ws, int c, size_t width, size_t max)
{
	double w = (double)(width > max ? max : width);

	if (ws != wb->sheet || c >= XLSX_WIDTH_COLS || w <= wb->widths[c])
		return;
	wb->widths[c] = w;
	worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
}

static void widen(vbs_xlsx *wb, lxw_worksheet *ws, int c, size_t width)
{
	widen_to(wb, ws, c, width, WIDTH_MAX);
}

/* Writes one cell of a table. */
static int put_cell(vbs_xlsx *wb, lxw_worksheet *ws, int row, int col,
                    const vbs_cell *cell)
{
	const vbs_figure *f = cell->figure;

	switch (cell->kind) {
	case CELL_EMPTY:
		return 0;
	case CELL_TEXT:
		widen(wb, ws, col, chars(cell->text) + 2);
		return put_string(wb, ws, row, col, cell->text, wb->text);
	case CELL_NUMBER:
		widen(wb, ws, col, NUMBER_WIDTH);
		if (!isfinite(cell->number))
			return fail(wb, VBS_E_SOFTWARE, "a number that is not finite in %s", "a table");
		return check_lxw(wb, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
		                                            cell->number, wb->number[cell->fmt]),
		                 "a number cell");
	case CELL_FIGURE:
		if (!f)
			return 0;
		widen(wb, ws, col, NUMBER_WIDTH);
		if (f->suppressed)
			return put_string(wb, ws, row, col, "..", wb->dots);
		if (!(f->has & FIG_VALUE))
			return 0;
		if (!isfinite(f->value))
			return fail(wb, VBS_E_SOFTWARE, "a figure that is not finite in %s", "a table");
		return check_lxw(wb, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
		                                            f->value, wb->number[cell->fmt]),
		                 "a number cell");
	}
	return 0;
}

/* The cell at row r (0-based, below the header) and column c. */
typedef vbs_cell (*cell_at_fn)(const void *table, int r, int c);

static int write_table(vbs_xlsx *wb, lxw_worksheet *ws, int first_row,
                       const char *name, const char *const *headers, int ncols,
                       int nrows, cell_at_fn cell_at, const void *table,
                       const char *note)
{
	lxw_table_column *cols = calloc((size_t)ncols, sizeof(*cols));
	lxw_table_column **colp = calloc((size_t)ncols + 1, sizeof(*colp));
	lxw_table_options opt = {.name = (char *)name, .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
	                         .style_type_number = 9};
	int last_row = first_row + nrows;
	int rc = -1;

	if (!cols || !colp) {
		fail(wb, VBS_E_SOFTWARE, "out of memory in %s", "a table");
		goto done;
	}
	if (ncols < 2 || nrows < 1 || last_row + 2 >= XL_ROWS_MAX || ncols > XL_COLS_MAX) {
		fail(wb, VBS_E_SOFTWARE, "table %s has an impossible size", name);
		goto done;
	}
	if (!valid_table_name(name)) {
		fail(wb, VBS_E_SOFTWARE, "invalid Excel table name '%s'", name);
		goto done;
	}
	for (int c = 0; c < ncols; c++) {
		if (check_text(wb, headers[c]) != 0)
			goto done;
		/* Excel repairs a table whose headers repeat, ignoring case. */
		for (int k = 0; k < c; k++) {
			if (text_equal_fold(headers[k], headers[c])) {
				fail(wb, VBS_E_SOFTWARE, "repeated table header '%s'", headers[c]);
				goto done;
			}
		}
		cols[c].header = (char *)headers[c];
		cols[c].header_format = wb->header;
		colp[c] = &cols[c];
		widen(wb, ws, c, c == 0 ? LABEL_WIDTH_MIN : WIDTH_MIN);
		widen(wb, ws, c, chars(headers[c]) + 3);
	}
	opt.columns = colp;
	if (check_lxw(wb, worksheet_add_table(ws, (lxw_row_t)first_row, 0,
	                                      (lxw_row_t)last_row,
	                                      (lxw_col_t)(ncols - 1), &opt),
	              "a table") != 0)
		goto done;
	for (int r = 0; r < nrows; r++) {
		for (int c = 0; c < ncols; c++) {
			vbs_cell cell = cell_at(table, r, c);

			if (put_cell(wb, ws, first_row + 1 + r, c, &cell) != 0)
				goto done;
		}
	}
	if (note && put_string(wb, ws, last_row + 1, 0, note, wb->note) != 0)
		goto done;
	/* The first table of a sheet: its header stays in view and is
	 * repeated on every printed page. */
	if (ws == wb->sheet && !wb->frozen) {
		worksheet_freeze_panes(ws, (lxw_row_t)(first_row + 1), 1);
		worksheet_repeat_rows(ws, (lxw_row_t)first_row, (lxw_row_t)first_row);
		wb->frozen = 1;
	}
	rc = last_row + 2;
done:
	free(cols);
	free(colp);
	return rc;
}

static vbs_cell figure_table_cell(const void *table, int r, int c)
{
	const vbs_table *t = table;

	if (c == 0)
		return (vbs_cell){.kind = CELL_TEXT, .text = t->labels[r]};
	return (vbs_cell){.kind = CELL_FIGURE, .figure = t->cells[r * (t->ncols - 1) + (c - 1)],
	                  .fmt = t->fmt};
}

int xlsx_table(vbs_xlsx *wb, lxw_worksheet *ws, int first_row, const vbs_table *t)
{
	return write_table(wb, ws, first_row, t->name, t->headers, t->ncols, t->nrows,
	                   figure_table_cell, t, t->source_note);
}

static vbs_cell grid_cell(const void *table, int r, int c)
{
	const vbs_grid *g = table;

	return g->cells[r * g->ncols + c];
}

int xlsx_grid(vbs_xlsx *wb, lxw_worksheet *ws, int first_row, const vbs_grid *g)
{
	return write_table(wb, ws, first_row, g->name, g->headers, g->ncols, g->nrows,
	                   grid_cell, g, g->source_note);
}

int xlsx_column_chart(vbs_xlsx *wb, lxw_worksheet *ws, const vbs_chart *c)
{
	lxw_chart *chart = workbook_add_chart(wb->wb, c->line ? LXW_CHART_LINE
	                                              : c->bar ? LXW_CHART_BAR : LXW_CHART_COLUMN);
	lxw_chart_series *series;
	lxw_chart_fill fill = {.color = palette[0]};
	lxw_chart_options opt = {.x_scale = 1.4, .y_scale = 1.2,
	                         .description = (char *)c->alt_text};

	if (!chart)
		return fail(wb, VBS_E_SOFTWARE, "unable to add %s", "a chart");
	if (!c->alt_text || !*c->alt_text)
		return fail(wb, VBS_E_SOFTWARE, "chart '%s' has no alt text", c->title);
	series = chart_add_series(chart, NULL, NULL);
	if (!series)
		return fail(wb, VBS_E_SOFTWARE, "unable to add %s", "a chart series");
	chart_series_set_categories(series, c->sheet, (lxw_row_t)c->categories.first_row,
	                            (lxw_col_t)c->categories.first_col,
	                            (lxw_row_t)c->categories.last_row,
	                            (lxw_col_t)c->categories.last_col);
	chart_series_set_values(series, c->sheet, (lxw_row_t)c->values.first_row,
	                        (lxw_col_t)c->values.first_col, (lxw_row_t)c->values.last_row,
	                        (lxw_col_t)c->values.last_col);
	chart_series_set_name(series, c->y_title);
	if (c->line) {
		lxw_chart_line line = {.color = palette[0], .width = 2.25};
		lxw_chart_fill marker_fill = {.color = palette[0]};

		chart_series_set_line(series, &line);
		chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
		chart_series_set_marker_fill(series, &marker_fill);
	} else {
		chart_series_set_fill(series, &fill);
	}
	chart_title_set_name(chart, c->title);
	chart_axis_set_name(chart->x_axis, c->x_title);
	chart_axis_set_name(chart->y_axis, c->y_title);
	chart_axis_set_num_format(chart->y_axis, c->y_format ? c->y_format : "#,##0");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	return check_lxw(wb, worksheet_insert_chart_opt(ws, (lxw_row_t)c->at_row,
	                                                (lxw_col_t)c->at_col, chart, &opt),
	                 "inserting a chart");
}

int xlsx_text(vbs_xlsx *wb, lxw_worksheet *ws, int row, const char *text)
{
	return put_string(wb, ws, row, 0, text, wb->note);
}

int xlsx_paragraph(vbs_xlsx *wb, lxw_worksheet *ws, int row, const char *text)
{
	/* Wrapped at word ends, a line holds about 0.85 characters per unit
	 * of column width (measured in LibreOffice with Calibri 11); a line is
	 * 15 points high. Rounded up, so a paragraph never hides. */
	size_t per_line = (size_t)(XLSX_PARAGRAPH_WIDTH * 0.85);
	size_t lines = chars(text) / per_line + 1;

	widen_to(wb, ws, 0, XLSX_PARAGRAPH_WIDTH, XLSX_PARAGRAPH_WIDTH);
	if (put_string(wb, ws, row, 0, text, wb->wrap) != 0)
		return -1;
	return check_lxw(wb, worksheet_set_row(ws, (lxw_row_t)row, 15.0 * (double)lines, NULL),
	                 "a row height");
}

int xlsx_close(vbs_xlsx *wb, vbs_error *err)
{
	lxw_error e;
	int rc = 0;

	if (!wb)
		return 0;
	e = workbook_close(wb->wb);  /* always frees the lxw_workbook */
	if (wb->err.code != VBS_OK) {
		*err = wb->err;
		rc = -1;
	} else if (e != LXW_NO_ERROR) {
		error_set(err, VBS_E_IO, wb->path, 0, NULL,
		          "unable to write the workbook: %s; check free space in the output folder and $TMPDIR",
		          lxw_strerror(e));
		rc = -1;
	}
	free(wb->path);
	free(wb);
	return rc;
}
