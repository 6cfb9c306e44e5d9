/* csv_writer: checked CSV output (see csv_writer.h). */
#include "report/csv_writer.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* Keeps the first failure and its errno for the report at close. */
static void mark_failed(vbs_csv_writer *w)
{
	if (!w->failed) {
		w->failed = 1;
		w->error_no = errno;
	}
}

int csv_writer_open(vbs_csv_writer *w, const char *path, char delimiter,
                    int bom, vbs_error *err)
{
	memset(w, 0, sizeof(*w));
	w->path = path;
	w->delimiter = delimiter;
	w->at_line_start = 1;
	w->crlf = bom;
	w->f = fopen(path, "wb");
	if (!w->f)
		return error_set(err, VBS_E_CANTCREAT, path, 0, NULL,
		                 "unable to create '%s': %s", path, strerror(errno));
	if (bom && fputs("\xEF\xBB\xBF", w->f) == EOF)
		mark_failed(w);
	return 0;
}

static void separator(vbs_csv_writer *w)
{
	if (!w->at_line_start && putc(w->delimiter, w->f) == EOF)
		mark_failed(w);
	w->at_line_start = 0;
}

void csv_writer_text(vbs_csv_writer *w, const char *s)
{
	int quote = strpbrk(s, "\"\r\n") != NULL || strchr(s, w->delimiter) != NULL;

	separator(w);
	if (!quote) {
		if (fputs(s, w->f) == EOF)
			mark_failed(w);
		return;
	}
	if (putc('"', w->f) == EOF)
		mark_failed(w);
	for (; *s; s++) {
		if (*s == '"' && putc('"', w->f) == EOF)
			mark_failed(w);
		if (putc(*s, w->f) == EOF)
			mark_failed(w);
	}
	if (putc('"', w->f) == EOF)
		mark_failed(w);
}

void csv_writer_long(vbs_csv_writer *w, long v)
{
	separator(w);
	if (fprintf(w->f, "%ld", v) < 0)
		mark_failed(w);
}

void csv_writer_format_number(double v, char *buf, size_t size)
{
	/* The program never calls setlocale, so printf uses '.'. */
	if (v == 0)
		v = 0; /* turns -0 into 0 */
	snprintf(buf, size, "%.10g", v);
}

void csv_writer_number(vbs_csv_writer *w, double v)
{
	char buf[32];

	csv_writer_format_number(v, buf, sizeof(buf));
	separator(w);
	if (fputs(buf, w->f) == EOF)
		mark_failed(w);
}

void csv_writer_empty(vbs_csv_writer *w)
{
	separator(w);
}

void csv_writer_end_row(vbs_csv_writer *w)
{
	if (fputs(w->crlf ? "\r\n" : "\n", w->f) == EOF)
		mark_failed(w);
	w->at_line_start = 1;
}

int csv_writer_close(vbs_csv_writer *w, vbs_error *err)
{
	if (!w->f)
		return 0;
	if (fflush(w->f) != 0 || fsync(fileno(w->f)) != 0)
		mark_failed(w);
	if (fclose(w->f) != 0)
		mark_failed(w);
	w->f = NULL;
	if (w->failed)
		return error_set(err, VBS_E_IO, w->path, 0, NULL,
		                 "unable to write '%s': %s; check free space on the output disk",
		                 w->path, strerror(w->error_no));
	return 0;
}
