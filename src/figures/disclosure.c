/* disclosure: primary suppression of small person-related counts (see
 * disclosure.h). */
#include "figures/disclosure.h"

#include <string.h>

static void suppress(vbs_figure *f)
{
	f->suppressed = 1;
}

long disclosure_apply_primary(vbs_figures *t, int threshold)
{
	long suppressed = 0;

	for (size_t i = 0; i < t->n; i++) {
		vbs_figure *f = &t->rows[i];
		const vbs_figure *total;

		/* Survey shares have their own rule (fewer than min_valid answers),
		 * applied where they are computed; rates follow their count, below. */
		if (strcmp(f->dimension, "total") == 0 || f->suppressed || f->share || f->rate_of)
			continue;
		total = figures_find(t, f->report, f->indicator, f->period, "total", "alla");
		if (total && total->value < threshold && total->persons > 0) {
			suppress(f);
			suppressed++;
		} else if (f->value >= 1 && f->value < threshold && f->persons > 0) {
			suppress(f);
			suppressed++;
		}
	}
	/* A rate is suppressed with the count it divides: with the public
	 * population its value gives the count away. */
	for (size_t i = 0; i < t->n; i++) {
		vbs_figure *f = &t->rows[i];
		const vbs_figure *count;

		if (!f->rate_of || f->suppressed)
			continue;
		count = figures_find(t, f->report, f->rate_of, f->period, f->dimension, f->category);
		if (count && count->suppressed) {
			suppress(f);
			suppressed++;
		}
	}
	return suppressed;
}
