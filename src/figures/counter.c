/* counter: tallying records by period and category (see counter.h). */
#include "figures/counter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "base/date.h"
#include "stats/interval.h"

enum { MONTHS = 12, PER_10000 = 10000 };

static const char *const month_names[MONTHS] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
};

/* What one cell (period, breakdown, category) has seen. */
struct cell {
	long seen;    /* records passing the filters, with or without amount */
	long k;       /* records counted (sums, quantiles: with an amount) */
	long persons; /* of which about a person */
	long yes;     /* share: of which in the numerator */
	double sum;   /* sum: of their amounts */
	size_t at;    /* quantile: first of its amounts in the value array */
};

/* One breakdown as the engine sees it: the total and the months are
 * breakdowns too. */
struct dim {
	const char *id;
	int field;          /* COUNTER_FIELD_TOTAL, a handle, or unused (months) */
	int months;         /* the months of the last period */
	const vbs_codeset *set;
	int ncat;           /* categories published at most */
	int extra;          /* index of the extra fallback category, or -1 */
	int extra_used;
	size_t offset;      /* of its first category within a period's cells */
};

struct tally {
	const vbs_counter_records *r;
	const vbs_counter_spec *s;
	struct dim *dims;
	int ndims;
	size_t width;       /* cells per period */
	struct cell *cells; /* [period][width] */
	double *values;     /* quantile: the amounts, cell by cell */
	size_t nvalues;
};

/* The index of the lowest set bit of a non-zero mask (de Bruijn). */
static int lowest_bit(uint64_t mask)
{
	static const int table[64] = {
		0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
		62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
		63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
		46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
	};

	return table[((mask & (~mask + 1)) * UINT64_C(0x03f79d71b4cb0a89)) >> 58];
}

static uint64_t low_bits(int n)
{
	return n >= 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1;
}

static int passes(const vbs_counter_records *r, size_t i, const vbs_counter_filter *f)
{
	return (r->categories(r->ctx, i, f->field) & f->codes) != 0;
}

static int needs_amount(counter_measure m)
{
	return m == COUNTER_SUM || m == COUNTER_QUANTILE;
}

/* The categories of record i in breakdown d, within its published ones. */
static uint64_t mask_of(const struct tally *t, const struct dim *d, size_t i, int pi,
                        int32_t day)
{
	int y, m, dd;

	if (d->months) {
		if (pi != t->s->periods->n - 1)
			return 0;
		date_to_ymd(day, &y, &m, &dd);
		return m <= d->ncat ? UINT64_C(1) << (m - 1) : 0;
	}
	if (d->field == COUNTER_FIELD_TOTAL)
		return 1;
	return t->r->categories(t->r->ctx, i, d->field) & low_bits(d->ncat);
}

/* One pass over the records. fill = 0 counts; fill = 1 (quantiles) stores
 * each amount at its cell's place, counting k again as the cursor. */
static void tally_pass(struct tally *t, int fill)
{
	const vbs_counter_records *r = t->r;
	const vbs_counter_spec *s = t->s;
	int want_amount = needs_amount(s->measure);

	for (size_t i = 0; i < r->n; i++) {
		double amount = 0;
		int32_t day;
		int pi, person, yes, f, has_amount = 1;

		for (f = 0; f < s->nfilters && passes(r, i, &s->filters[f]); f++)
			;
		if (f < s->nfilters)
			continue;
		day = r->day(r->ctx, i);
		pi = periods_find(s->periods, day);
		if (pi < s->first_period)
			continue;
		if (want_amount)
			has_amount = r->amount(r->ctx, i, &amount);
		/* A sum shows that records without an amount exist (seen). */
		if (!has_amount && (fill || s->measure != COUNTER_SUM))
			continue;
		person = s->persons_all || (r->person && r->person(r->ctx, i));
		yes = s->measure == COUNTER_SHARE && passes(r, i, &s->yes);
		for (int di = 0; di < t->ndims; di++) {
			struct dim *d = &t->dims[di];
			uint64_t mask = mask_of(t, d, i, pi, day);

			while (mask) {
				int c = lowest_bit(mask);
				struct cell *cell = &t->cells[(size_t)pi * t->width + d->offset + (size_t)c];

				mask &= mask - 1;
				if (fill) {
					t->values[cell->at + (size_t)cell->k++] = amount;
					continue;
				}
				cell->seen++;
				if (c == d->extra)
					d->extra_used = 1;
				if (!has_amount)
					continue;
				cell->k++;
				cell->persons += person;
				cell->yes += yes;
				cell->sum += amount;
			}
		}
	}
}

/* Quantiles: place every cell's amounts side by side, then sort each. */
static int collect_values(struct tally *t, vbs_error *err)
{
	size_t ncells = (size_t)t->s->periods->n * t->width, at = 0;

	for (size_t c = 0; c < ncells; c++) {
		t->cells[c].at = at;
		at += (size_t)t->cells[c].k;
	}
	t->nvalues = at;
	t->values = malloc((at ? at : 1) * sizeof(*t->values));
	if (!t->values)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
	for (size_t c = 0; c < ncells; c++)
		t->cells[c].k = 0;
	tally_pass(t, 1);
	for (size_t c = 0; c < ncells; c++)
		if (t->cells[c].k > 1)
			gsl_sort(t->values + t->cells[c].at, 1, (size_t)t->cells[c].k);
	return 0;
}

static int finite_row(const vbs_figure *f)
{
	return (!(f->has & FIG_VALUE) || isfinite(f->value)) &&
	       (!(f->has & FIG_CI) || (isfinite(f->ci_low) && isfinite(f->ci_high))) &&
	       (!(f->has & FIG_N) || isfinite(f->n)) && isfinite(f->exposure);
}

/* The row of one cell; *skip = 1 when the measure has none there. */
static int fill_row(const struct tally *t, const struct dim *d, int cat, int pi,
                    const struct cell *c, vbs_figure *f, int *skip, vbs_error *err)
{
	const vbs_counter_spec *s = t->s;
	const vbs_period *p = &s->periods->items[pi];
	double k = (double)c->k, exposure = 0, lo, hi;
	int known = 0;

	*skip = 0;
	if (s->exposure && !d->months) {
		int field = d->field, category = d->field == COUNTER_FIELD_TOTAL ? 0 : cat;

		known = s->exposure(s->exposure_ctx, p->year, field, category, &exposure) == 0 &&
		        exposure > 0 && isfinite(exposure);
		if (!known)
			exposure = 0;
	}
	*f = (vbs_figure){
		.report = s->periods->report,
		.source = s->source,
		.indicator = s->indicator,
		.dimension = d->id,
		.category = d->months ? month_names[cat]
		          : d->set ? codeset_category(d->set, cat) : "alla",
		.persons = c->persons,
		.year = p->year,
	};
	memcpy(f->period, p->label, sizeof(f->period));
	switch (s->measure) {
	case COUNTER_COUNT:
		f->value = k;
		f->has = FIG_VALUE;
		f->exposure = exposure;
		if (s->interval) {
			if (interval_garwood(k, &f->ci_low, &f->ci_high) != 0)
				return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
				                 "%s: the Garwood interval of %ld failed", s->indicator, c->k);
			f->has |= FIG_CI;
		}
		break;
	case COUNTER_SUM:
		/* n is every record of the cell (statistics.md: "the number of
		 * dialogues"); records but none with an amount: the sum is
		 * unknown, not 0. */
		f->n = (double)c->seen;
		f->has = FIG_N;
		if (c->k > 0 || c->seen == 0) {
			f->value = c->sum;
			f->has |= FIG_VALUE;
		}
		break;
	case COUNTER_SHARE:
		f->n = k;
		f->has = FIG_N;
		if (c->k > 0) {
			f->value = (double)c->yes / k;
			if (interval_wilson(f->value, k, &f->ci_low, &f->ci_high) != 0)
				return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
				                 "%s: the Wilson interval of %ld of %ld failed",
				                 s->indicator, c->yes, c->k);
			f->has |= FIG_VALUE | FIG_CI;
		}
		break;
	case COUNTER_RATE:
		if (!known) {
			*skip = 1;
			return 0;
		}
		if (interval_garwood(k, &lo, &hi) != 0)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
			                 "%s: the Garwood interval of %ld failed", s->indicator, c->k);
		f->value = k / exposure * PER_10000;
		f->ci_low = lo / exposure * PER_10000;
		f->ci_high = hi / exposure * PER_10000;
		f->n = k;
		f->exposure = exposure;
		f->rate_of = s->rate_of;
		f->has = FIG_VALUE | FIG_CI | FIG_N;
		break;
	case COUNTER_QUANTILE:
		f->n = k;
		f->has = FIG_N;
		if (c->k > 0) {
			f->value = gsl_stats_quantile_from_sorted_data(t->values + c->at, 1,
			                                               (size_t)c->k, s->quantile);
			f->has |= FIG_VALUE;
		}
		break;
	}
	if (!finite_row(f))
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
		                 "%s %s %s/%s: a figure is not a finite number", s->indicator,
		                 f->period, f->dimension, f->category);
	return 0;
}

static int emit(const struct tally *t, vbs_figures *out, vbs_error *err)
{
	const vbs_periods *p = t->s->periods;

	for (int di = 0; di < t->ndims; di++) {
		const struct dim *d = &t->dims[di];

		for (int cat = 0; cat < d->ncat; cat++) {
			if (cat == d->extra && !d->extra_used)
				continue;
			for (int pi = t->s->first_period; pi < p->n; pi++) {
				const struct cell *c = &t->cells[(size_t)pi * t->width + d->offset +
				                                 (size_t)cat];
				vbs_figure f;
				int skip;

				if (d->months && pi != p->n - 1)
					continue;
				if (fill_row(t, d, cat, pi, c, &f, &skip, err) != 0)
					return -1;
				if (!skip && figures_add(out, &f, err) != 0)
					return -1;
			}
		}
	}
	return 0;
}

static int check_spec(const vbs_counter_records *r, const vbs_counter_spec *s,
                      vbs_error *err)
{
	if (!r->day || !r->categories || (needs_amount(s->measure) && !r->amount) ||
	    s->nfilters < 0 || s->nfilters > COUNTER_FILTERS_MAX || s->ndims < 0 ||
	    s->months < 0 || s->months > MONTHS || s->first_period < 0 ||
	    (s->measure == COUNTER_QUANTILE && !(s->quantile >= 0 && s->quantile <= 1)))
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
		                 "%s: an incomplete counting request", s->indicator);
	for (int i = 0; i < s->ndims; i++)
		if (!s->dims[i].set || codeset_categories(s->dims[i].set) > COUNTER_CATEGORIES_MAX)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
			                 "%s: breakdown %s has no code set or too many categories",
			                 s->indicator, s->dims[i].id);
	return 0;
}

int counter_build(const vbs_counter_records *r, const vbs_counter_spec *s,
                  vbs_figures *out, vbs_error *err)
{
	struct tally t = {.r = r, .s = s};
	int rc = -1;

	if (check_spec(r, s, err) != 0)
		return -1;
	if (s->periods->n <= s->first_period)
		return 0;
	t.dims = calloc((size_t)s->ndims + 2, sizeof(*t.dims));
	if (!t.dims) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	t.dims[t.ndims++] = (struct dim){.id = "total", .field = COUNTER_FIELD_TOTAL,
	                                 .ncat = 1, .extra = -1};
	for (int i = 0; i < s->ndims; i++) {
		const vbs_codeset *set = s->dims[i].set;

		t.dims[t.ndims++] = (struct dim){
			.id = s->dims[i].id, .field = s->dims[i].field, .set = set,
			.ncat = codeset_categories(set),
			.extra = set->fallback >= 0 && set->fallback == set->ncodes ? set->ncodes : -1,
		};
	}
	if (s->months > 0)
		t.dims[t.ndims++] = (struct dim){.id = "manad", .months = 1, .ncat = s->months,
		                                 .extra = -1};
	for (int i = 0; i < t.ndims; i++) {
		t.dims[i].offset = t.width;
		t.width += (size_t)t.dims[i].ncat;
	}
	t.cells = calloc((size_t)s->periods->n * t.width, sizeof(*t.cells));
	if (!t.cells) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	tally_pass(&t, 0);
	if (s->measure == COUNTER_QUANTILE && collect_values(&t, err) != 0)
		goto done;
	rc = emit(&t, out, err);
done:
	free(t.values);
	free(t.cells);
	free(t.dims);
	return rc;
}

int counter_first_year(const vbs_counter_records *r, int32_t as_of)
{
	int32_t first = INT32_MAX;
	int y, m, d;

	for (size_t i = 0; i < r->n; i++) {
		int32_t day = r->day(r->ctx, i);

		if (day <= as_of && day < first)
			first = day;
	}
	if (first == INT32_MAX)
		return -1;
	date_to_ymd(first, &y, &m, &d);
	return y;
}

/* The field handle of column id, or -1. */
static int field_of(const vbs_counter_field *fields, int nfields, const char *id)
{
	for (int i = 0; i < nfields; i++)
		if (strcmp(fields[i].id, id) == 0)
			return fields[i].field;
	return -1;
}

/* The code column `column` of m that the module reads: its index, or -1
 * with the configuration error. */
static int code_column(const vbs_indicator *ind, const char *ind_path, const vbs_mapping *m,
                       const vbs_counter_field *fields, int nfields, const char *column,
                       const char *what, int *field, vbs_error *err)
{
	int ci = mapping_column(m, column);

	if (ci < 0)
		return error_set(err, VBS_E_CONFIG, ind_path, 0, NULL,
		                 "[indicator %s]: %s '%s' is not a column of %s; use a column id of that file",
		                 ind->id, what, column, m->path);
	if ((m->columns[ci].type != FIELD_CODE && m->columns[ci].type != FIELD_CODES) ||
	    m->columns[ci].codeset < 0 || (*field = field_of(fields, nfields, column)) < 0)
		return error_set(err, VBS_E_CONFIG, ind_path, 0, NULL,
		                 "[indicator %s]: %s '%s' is not a code column the %s records keep; use another column of %s",
		                 ind->id, what, column, m->source, m->path);
	return ci;
}

int counter_dimensions(const vbs_indicator *ind, const char *ind_path,
                       const vbs_mapping *m, const vbs_codesets *cs,
                       const vbs_counter_field *fields, int nfields,
                       vbs_counter_dim *dims, vbs_error *err)
{
	for (int i = 0; i < ind->ndimensions; i++) {
		int field, ci = code_column(ind, ind_path, m, fields, nfields, ind->dimensions[i],
		                            "dimension", &field, err);
		const vbs_codeset *set;

		if (ci < 0)
			return -1;
		set = &cs->sets[m->columns[ci].codeset];
		if (codeset_categories(set) > COUNTER_CATEGORIES_MAX)
			return error_set(err, VBS_E_CONFIG, ind_path, 0, NULL,
			                 "[indicator %s]: dimension '%s' has more than %d categories in %s",
			                 ind->id, ind->dimensions[i], COUNTER_CATEGORIES_MAX, cs->path);
		for (int j = 0; j < i; j++)
			if (strcmp(dims[j].id, m->columns[ci].id) == 0)
				return error_set(err, VBS_E_CONFIG, ind_path, 0, NULL,
				                 "[indicator %s]: dimension '%s' is listed twice",
				                 ind->id, ind->dimensions[i]);
		dims[i] = (vbs_counter_dim){.id = m->columns[ci].id, .field = field, .set = set};
	}
	return ind->ndimensions;
}

int counter_filter(const vbs_indicator *ind, const char *ind_path,
                   const vbs_mapping *m, const vbs_codesets *cs,
                   const vbs_counter_field *fields, int nfields, const char *column,
                   const char codes[][INDICATOR_CODE_MAX], int ncodes,
                   vbs_counter_filter *out, vbs_error *err)
{
	int field, ci = code_column(ind, ind_path, m, fields, nfields, column, "column", &field,
	                            err);
	const vbs_codeset *set;

	if (ci < 0)
		return -1;
	set = &cs->sets[m->columns[ci].codeset];
	*out = (vbs_counter_filter){.field = field};
	if (ncodes == 0) {
		for (int c = 0; c < set->ncodes && c < COUNTER_CATEGORIES_MAX; c++)
			if (c != set->fallback)
				out->codes |= UINT64_C(1) << c;
		return 0;
	}
	for (int i = 0; i < ncodes; i++) {
		int c = codeset_lookup(set, codes[i]);

		if (c < 0 || c >= COUNTER_CATEGORIES_MAX)
			return error_set(err, VBS_E_CONFIG, ind_path, 0, NULL,
			                 "[indicator %s]: '%s' is not a code of the set '%s' of column '%s' (%s)",
			                 ind->id, codes[i], set->name, column, cs->path);
		out->codes |= UINT64_C(1) << c;
	}
	return 0;
}

/* Builds the periods of both reports for a source whose first year is
 * first_year: p[0] report "vb", p[1] "lagesbild". Returns 0, or -1 with
 * VBS_E_DATA when the data span more than PERIODS_MAX years. */
static int counter_periods(int first_year, int32_t as_of, vbs_periods p[2], vbs_error *err)
{
	if (periods_build(&p[0], "vb", first_year, as_of) != 0 ||
	    periods_build(&p[1], "lagesbild", first_year, as_of) != 0)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "the data span more than %d years (the first from %d); check the dates",
		                 PERIODS_MAX, first_year);
	return 0;
}

int counter_build_source(vbs_counter_records *r, const vbs_indicators *inds,
                         const char *source, int32_t as_of, counter_plan_fn plan,
                         const void *ctx, vbs_figures *out, vbs_error *err)
{
	vbs_counter_dim dims[INDICATOR_DIMS_MAX];
	vbs_counter_spec s;
	vbs_periods p[2];
	int first, y, m, d;

	/* Every indicator is checked before anything is counted. */
	for (int i = 0; i < inds->n; i++)
		if (strcmp(inds->items[i].source, source) == 0 &&
		    plan(ctx, &inds->items[i], -1, NULL, r, &s, dims, err) != 0)
			return -1;
	first = counter_first_year(r, as_of);
	if (first < 0)
		return 0;
	if (counter_periods(first, as_of, p, err) != 0)
		return -1;
	date_to_ymd(as_of, &y, &m, &d);
	for (int rep = 0; rep < 2; rep++) {
		for (int i = 0; i < inds->n; i++) {
			const vbs_indicator *ind = &inds->items[i];

			if (strcmp(ind->source, source) != 0)
				continue;
			if (plan(ctx, ind, rep, &p[rep], r, &s, dims, err) != 0)
				return -1;
			s.periods = &p[rep];
			s.months = rep == 1 && ind->months ? m : 0;
			if (counter_build(r, &s, out, err) != 0)
				return -1;
		}
	}
	return 0;
}
