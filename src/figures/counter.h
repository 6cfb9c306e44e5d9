/* counter: the one counting engine behind every count-like source (IA
 * cases, dialogues, finds, concern forms). It tallies records by period and
 * by the categories of each breakdown through a record accessor, and
 * appends the figure rows of one indicator for one report: the district
 * total ("total"/"alla"), every category of every breakdown in every period
 * (zeros included; an extra fallback category such as Okänt område only
 * when some counted record has it), and optionally the months of the
 * current window ("manad", "01".."MM").
 *
 * The engine knows no source, no column and no code: a source module maps
 * the column ids of its mapping to small integer field handles, and the
 * accessor answers "which categories does record i have in field f" as a bit
 * mask (several bits for a multi-code column such as Teman: the record
 * counts once in each). Filters (`where = column:code` of indicators.ini, a
 * record share's valid answers, a module's own state such as "removed by
 * the as-of date") are masks over the same fields.
 *
 * Measures (statistics.md §1, §6; outputs.md for `n`):
 *   COUNTER_COUNT     records; Garwood interval when `interval`; no n
 *   COUNTER_SUM       Σ amount over the records with a known amount; n =
 *                     those records; no interval; no value (n = 0) when
 *                     the cell has records but none with an amount (the
 *                     sum is unknown), 0 when it has no record
 *   COUNTER_SHARE     records passing `yes` / records passing the filters;
 *                     Wilson interval on the records; n = the denominator;
 *                     no value (n = 0) when the denominator is 0
 *   COUNTER_RATE      records per 10 000 of the exposure; Garwood interval
 *                     scaled alike; n = the records; a row only where the
 *                     exposure is known and > 0 (never carried over)
 *   COUNTER_QUANTILE  the type-7 quantile of the amounts (Hyndman–Fan, R's
 *                     default, gsl_stats_quantile_from_sorted_data); n = the
 *                     records with an amount; no value (n = 0) when none
 *
 * Every row carries persons (records about a person: all of them when
 * persons_all, else those the person accessor names; 0 without either),
 * the calendar year of its period and, when an exposure callback is given,
 * the exposure of a count (0 where unknown). No row ever holds NaN or Inf.
 *
 * Key strings are not copied (figures.h): report, source, indicator, the
 * dimension ids and the code sets must outlive the figures table. */
#ifndef VBS_COUNTER_H
#define VBS_COUNTER_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "figures/periods.h"
#include "ingest/mapping.h"

enum {
	COUNTER_CATEGORIES_MAX = 64, /* categories of one breakdown: one mask */
	COUNTER_FILTERS_MAX = 4,
	COUNTER_FIELD_TOTAL = -1     /* the field handle of the total */
};

/* How the engine reads the records of one source. Functions receive ctx. */
typedef struct vbs_counter_records {
	size_t n;          /* records 0..n-1 */
	const void *ctx;
	/* Day number of record i (the date that decides its period). */
	int32_t (*day)(const void *ctx, size_t i);
	/* The categories of record i in field (a module's handle) as bits:
	 * bit c = category c of the field's code set (the extra fallback
	 * category is bit ncodes). 0: no category (a value without one). */
	uint64_t (*categories)(const void *ctx, size_t i, int field);
	/* The amount of record i (sums, quantiles): returns 1 and sets *value,
	 * or 0 when the record has none. May be NULL for counts and shares. */
	int (*amount)(const void *ctx, size_t i, double *value);
	/* 1 when record i concerns a person (statistics.md §5). May be NULL. */
	int (*person)(const void *ctx, size_t i);
} vbs_counter_records;

/* A record passes when categories(field) & codes != 0. */
typedef struct vbs_counter_filter {
	int field;
	uint64_t codes;
} vbs_counter_filter;

/* One breakdown: the dimension id published and the code set of its
 * categories, read through field. */
typedef struct vbs_counter_dim {
	const char *id;
	int field;
	const vbs_codeset *set;
} vbs_counter_dim;

typedef enum counter_measure {
	COUNTER_COUNT, COUNTER_SUM, COUNTER_SHARE, COUNTER_RATE, COUNTER_QUANTILE
} counter_measure;

typedef struct vbs_counter_spec {
	const char *source, *indicator;
	const vbs_periods *periods;  /* its report names the rows' report */
	int first_period;            /* rows for periods first_period.. only */
	counter_measure measure;
	int interval;                /* COUNTER_COUNT: with its Garwood interval */
	vbs_counter_filter filters[COUNTER_FILTERS_MAX]; /* all must pass */
	int nfilters;
	vbs_counter_filter yes;      /* COUNTER_SHARE: the numerator */
	double quantile;             /* COUNTER_QUANTILE: 0..1 */
	int persons_all;             /* every record concerns a person */
	const vbs_counter_dim *dims; /* breakdowns besides the total */
	int ndims;
	/* > 0: a `manad` breakdown of the last period (the current window),
	 * months "01".."months" (1..12). */
	int months;
	/* Inhabitants behind (year, field, category); field is
	 * COUNTER_FIELD_TOTAL for the total. Returns 0 and sets *value, or -1
	 * when unknown. NULL: no exposure (then COUNTER_RATE has no rows). */
	int (*exposure)(const void *ctx, int year, int field, int category, double *value);
	const void *exposure_ctx;
	/* COUNTER_RATE: the id of the count it divides; its rows carry it, so
	 * that disclosure control suppresses a rate with its count. */
	const char *rate_of;
} vbs_counter_spec;

/* Appends the rows of spec (total, then each breakdown category by
 * category, period by period, then the months) to out. Errors:
 * VBS_E_SOFTWARE when out of memory or a computation fails (never a row
 * with NaN or Inf). */
int counter_build(const vbs_counter_records *r, const vbs_counter_spec *spec,
                  vbs_figures *out, vbs_error *err);

/* The first calendar year of a record dated on or before as_of, or -1. */
int counter_first_year(const vbs_counter_records *r, int32_t as_of);

/* How a source turns one of its indicators into a spec for one report
 * (0: vb, 1: lagesbild; -1: only check the indicator, before anything is
 * counted). It may also set r's amount for the indicator and the spec's
 * first_period; the periods and months are set by the caller. */
typedef int (*counter_plan_fn)(const void *ctx, const vbs_indicator *ind, int report,
                               const vbs_periods *periods, vbs_counter_records *r,
                               vbs_counter_spec *s, vbs_counter_dim *dims, vbs_error *err);

/* Builds every indicator of `source` in indicators.ini order for report vb
 * then lagesbild: every indicator is planned (checked) first; then from the
 * first year with a record dated on or before as_of, with the months of
 * the current window for an indicator with months = yes. No record: no
 * rows. */
int counter_build_source(vbs_counter_records *r, const vbs_indicators *inds,
                         const char *source, int32_t as_of, counter_plan_fn plan,
                         const void *ctx, vbs_figures *out, vbs_error *err);

/* The column ids of a source's records a module can read, with their
 * field handles. */
typedef struct vbs_counter_field {
	const char *id;
	int field;
} vbs_counter_field;

/* Resolves the breakdowns of ind (indicators.ini, path ind_path) against
 * mapping m and code sets cs into dims[INDICATOR_DIMS_MAX]: each must be a
 * code column of m with a code set, that fields (nfields) can read, with
 * at most COUNTER_CATEGORIES_MAX categories. Returns the number of dims,
 * or -1 with VBS_E_CONFIG naming ind_path. */
int counter_dimensions(const vbs_indicator *ind, const char *ind_path,
                       const vbs_mapping *m, const vbs_codesets *cs,
                       const vbs_counter_field *fields, int nfields,
                       vbs_counter_dim *dims, vbs_error *err);

/* A filter on column `column` of m passing the ncodes codes given (every
 * code of the set but its fallback when ncodes is 0: the valid answers).
 * Returns 0, or -1 with VBS_E_CONFIG naming ind_path when the column is
 * not a readable code column or a code is not in its set. */
int counter_filter(const vbs_indicator *ind, const char *ind_path,
                   const vbs_mapping *m, const vbs_codesets *cs,
                   const vbs_counter_field *fields, int nfields, const char *column,
                   const char codes[][INDICATOR_CODE_MAX], int ncodes,
                   vbs_counter_filter *out, vbs_error *err);


#endif
