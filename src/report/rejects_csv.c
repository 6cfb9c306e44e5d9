/* rejects_csv: the rejects.csv writer (see rejects_csv.h). */
#include "report/rejects_csv.h"

#include "report/csv_writer.h"

int rejects_csv_write(const vbs_rejects *r, const char *path, vbs_error *err)
{
	vbs_csv_writer w;

	if (csv_writer_open(&w, path, ';', 1, err) != 0)
		return -1;
	csv_writer_text(&w, "source");
	csv_writer_text(&w, "file");
	csv_writer_text(&w, "line");
	csv_writer_text(&w, "column");
	csv_writer_text(&w, "value");
	csv_writer_text(&w, "reason");
	csv_writer_end_row(&w);
	for (size_t i = 0; i < r->n; i++) {
		const vbs_reject *j = &r->items[i];

		csv_writer_text(&w, j->source);
		csv_writer_text(&w, j->file);
		csv_writer_long(&w, j->line);
		csv_writer_text(&w, j->column);
		csv_writer_text(&w, j->value);
		csv_writer_text(&w, j->reason);
		csv_writer_end_row(&w);
	}
	return csv_writer_close(&w, err);
}
