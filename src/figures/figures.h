/* figures: THE table of everything published, one row per figure, keyed
 * like statistics.csv. Every writer (statistics.csv, the workbooks, the
 * sentences) renders from it, so they cannot disagree, and disclosure
 * control marks suppressed rows here before any writer sees them.
 *
 * Key strings are not copied: they point at storage that outlives the
 * table (string literals, the mapping and code sets). */
#ifndef VBS_FIGURES_H
#define VBS_FIGURES_H

#include <stddef.h>

#include "base/error.h"

enum { FIGURE_PERIOD_MAX = 24 };

enum figure_has { FIG_VALUE = 1, FIG_CI = 2, FIG_N = 4 };

typedef struct vbs_figure {
	const char *report;    /* "vb" or "lagesbild" */
	const char *source;    /* "ia", ... */
	const char *indicator; /* "incidents_vbe", ... */
	char period[FIGURE_PERIOD_MAX]; /* "2019" or "2025-01-01..2025-06-30" */
	const char *dimension; /* "total", "miljo", ... */
	const char *category;  /* "alla", "Gärdet", ... */
	double value, ci_low, ci_high, n;
	unsigned has;          /* enum figure_has */
	int suppressed;        /* published as ".." */
	/* Never published: what disclosure control needs. */
	long persons;          /* records behind the figure about a person */
	int year;              /* calendar year of the period */
	/* Never published: what the trend and change tests need. */
	double exposure;       /* inhabitants of the period (and area), 0 = none */
	double neff;           /* survey share: Kish effective n */
	int share;             /* a survey share: n stays when suppressed */
	const char *rate_of;   /* a rate: the count indicator it divides */
} vbs_figure;

typedef struct vbs_figures {
	vbs_figure *rows;
	size_t n, cap;
} vbs_figures;

void figures_init(vbs_figures *t);
void figures_release(vbs_figures *t);

/* Appends a copy of f. Returns 0, or -1 when out of memory. */
int figures_add(vbs_figures *t, const vbs_figure *f, vbs_error *err);

/* The first row with this key, or NULL. */
const vbs_figure *figures_find(const vbs_figures *t, const char *report,
                               const char *indicator, const char *period,
                               const char *dimension, const char *category);

#endif
