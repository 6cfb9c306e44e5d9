/* statistics_csv: the statistics.csv writer (see statistics_csv.h). */
#include "report/statistics_csv.h"

#include "report/csv_writer.h"

int statistics_csv_write(const vbs_figures *t, const char *path, vbs_error *err)
{
	static const char *const header[] = {
		"report", "source", "indicator", "period", "dimension", "category",
		"value", "ci_low", "ci_high", "n", "flag",
	};
	vbs_csv_writer w;

	if (csv_writer_open(&w, path, ',', 0, err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
		csv_writer_text(&w, header[i]);
	csv_writer_end_row(&w);
	for (size_t i = 0; i < t->n; i++) {
		const vbs_figure *f = &t->rows[i];
		int shown = !f->suppressed;

		csv_writer_text(&w, f->report);
		csv_writer_text(&w, f->source);
		csv_writer_text(&w, f->indicator);
		csv_writer_text(&w, f->period);
		csv_writer_text(&w, f->dimension);
		csv_writer_text(&w, f->category);
		if (shown && (f->has & FIG_VALUE))
			csv_writer_number(&w, f->value);
		else
			csv_writer_empty(&w);
		if (shown && (f->has & FIG_CI)) {
			csv_writer_number(&w, f->ci_low);
			csv_writer_number(&w, f->ci_high);
		} else {
			csv_writer_empty(&w);
			csv_writer_empty(&w);
		}
		/* A suppressed count or rate loses its n too; a suppressed survey
		 * share keeps it (statistics.md §5). */
		if ((shown || f->share) && (f->has & FIG_N))
			csv_writer_number(&w, f->n);
		else
			csv_writer_empty(&w);
		csv_writer_text(&w, f->suppressed ? ".." : "");
		csv_writer_end_row(&w);
	}
	return csv_writer_close(&w, err);
}
