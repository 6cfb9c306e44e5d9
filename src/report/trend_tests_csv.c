/* trend_tests_csv: the trend_tests.csv writer (see trend_tests_csv.h). */
#include "report/trend_tests_csv.h"

#include <math.h>

#include "report/csv_writer.h"

/* The number when its bit is set and it is finite, else an empty field. */
static void number_or_empty(vbs_csv_writer *w, unsigned has, unsigned bit, double v)
{
	if ((has & bit) && isfinite(v))
		csv_writer_number(w, v);
	else
		csv_writer_empty(w);
}

int trend_tests_csv_write(const vbs_trends *t, const char *path, vbs_error *err)
{
	static const char *const header[] = {
		"report", "source", "indicator", "dimension", "category", "method",
		"first_period", "last_period", "n_points", "statistic", "p_value",
		"estimate", "ci_low", "ci_high", "direction",
	};
	vbs_csv_writer w;

	if (csv_writer_open(&w, path, ',', 0, err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
		csv_writer_text(&w, header[i]);
	csv_writer_end_row(&w);
	for (size_t i = 0; i < t->n; i++) {
		const vbs_trend *r = &t->rows[i];
		/* Both limits or neither. */
		int ci = (r->has & TREND_HAS_CI) && isfinite(r->ci_low) && isfinite(r->ci_high);

		csv_writer_text(&w, r->report);
		csv_writer_text(&w, r->source);
		csv_writer_text(&w, r->indicator);
		csv_writer_text(&w, r->dimension);
		csv_writer_text(&w, r->category);
		csv_writer_text(&w, r->method);
		csv_writer_text(&w, r->first_period);
		csv_writer_text(&w, r->last_period);
		csv_writer_long(&w, r->n_points);
		number_or_empty(&w, r->has, TREND_HAS_STATISTIC, r->statistic);
		number_or_empty(&w, r->has, TREND_HAS_P, r->p_value);
		number_or_empty(&w, r->has, TREND_HAS_ESTIMATE, r->estimate);
		number_or_empty(&w, ci ? TREND_HAS_CI : 0u, TREND_HAS_CI, r->ci_low);
		number_or_empty(&w, ci ? TREND_HAS_CI : 0u, TREND_HAS_CI, r->ci_high);
		csv_writer_text(&w, r->direction);
		csv_writer_end_row(&w);
	}
	return csv_writer_close(&w, err);
}
