/* figures: the table of published figures (see figures.h). */
#include "figures/figures.h"

#include <stdlib.h>
#include <string.h>

void figures_init(vbs_figures *t)
{
	memset(t, 0, sizeof(*t));
}

void figures_release(vbs_figures *t)
{
	free(t->rows);
	figures_init(t);
}

int figures_add(vbs_figures *t, const vbs_figure *f, vbs_error *err)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 256;
		vbs_figure *p = realloc(t->rows, cap * sizeof(*p));

		if (!p)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		t->rows = p;
		t->cap = cap;
	}
	t->rows[t->n++] = *f;
	return 0;
}

const vbs_figure *figures_find(const vbs_figures *t, const char *report,
                               const char *indicator, const char *period,
                               const char *dimension, const char *category)
{
	for (size_t i = 0; i < t->n; i++) {
		const vbs_figure *f = &t->rows[i];

		if (strcmp(f->report, report) == 0 &&
		    strcmp(f->indicator, indicator) == 0 &&
		    strcmp(f->period, period) == 0 &&
		    strcmp(f->dimension, dimension) == 0 &&
		    strcmp(f->category, category) == 0)
			return f;
	}
	return NULL;
}
