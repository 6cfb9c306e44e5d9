/* oro_figures: concern forms through the counter engine (see
 * oro_figures.h). */
#include "figures/oro_figures.h"

#include <string.h>

#include "base/date.h"
#include "figures/counter.h"

/* The code columns a form keeps, as field handles. */
enum { F_VERKSAMHET, F_TYP_AV_ORO, F_MILJO, F_ALDERSGRUPP, F_COUNT };

static const vbs_counter_field fields[F_COUNT] = {
	{"verksamhet", F_VERKSAMHET},
	{"typ_av_oro", F_TYP_AV_ORO},
	{"miljo", F_MILJO},
	{"aldersgrupp", F_ALDERSGRUPP},
};

static int32_t form_day(const void *ctx, size_t i)
{
	return concerns_get(ctx, i)->day;
}

static uint64_t bit(uint8_t code)
{
	return code < COUNTER_CATEGORIES_MAX ? UINT64_C(1) << code : 0;
}

static uint64_t form_categories(const void *ctx, size_t i, int field)
{
	const vbs_concern *f = concerns_get(ctx, i);

	switch (field) {
	case F_VERKSAMHET:
		return bit(f->verksamhet);
	case F_TYP_AV_ORO:
		return bit(f->typ_av_oro);
	case F_MILJO:
		return bit(f->miljo);
	case F_ALDERSGRUPP:
		return bit(f->aldersgrupp);
	default:
		return 0;
	}
}

static int plan(const vbs_oro_figures *req, const vbs_indicator *ind, vbs_counter_spec *s,
                vbs_counter_dim *dims, vbs_error *err)
{
	const char *path = req->indicators->path;
	int ndims;

	/* Every form is about a person, even if indicators.ini forgets it. */
	*s = (vbs_counter_spec){.source = ind->source, .indicator = ind->id,
	                        .measure = COUNTER_COUNT, .interval = 1, .persons_all = 1};
	if (ind->kind != KIND_COUNT)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "[indicator %s]: source %s has only the kind count", ind->id,
		                 ind->source);
	if (ind->offset_population)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "[indicator %s]: source %s has no population; remove offset",
		                 ind->id, ind->source);
	if (ind->where_column[0] &&
	    counter_filter(ind, path, req->mapping, req->codesets, fields, F_COUNT,
	                   ind->where_column, &ind->where_code, 1, &s->filters[s->nfilters++],
	                   err) != 0)
		return -1;
	ndims = counter_dimensions(ind, path, req->mapping, req->codesets, fields, F_COUNT, dims,
	                           err);
	if (ndims < 0)
		return -1;
	s->dims = dims;
	s->ndims = ndims;
	return 0;
}

int oro_figures_build(const vbs_oro_figures *req, vbs_figures *out, vbs_error *err)
{
	const vbs_indicators *inds = req->indicators;
	vbs_counter_records r = {
		.n = concerns_count(req->concerns),
		.ctx = req->concerns,
		.day = form_day,
		.categories = form_categories,
	};
	vbs_counter_dim dims[INDICATOR_DIMS_MAX];
	vbs_counter_spec s;
	vbs_periods p[2];
	int first, y, m, d;

	for (int i = 0; i < inds->n; i++)
		if (strcmp(inds->items[i].source, req->mapping->source) == 0 &&
		    plan(req, &inds->items[i], &s, dims, err) != 0)
			return -1;
	first = counter_first_year(&r, req->as_of);
	if (first < 0)
		return 0;
	if (counter_periods(first, req->as_of, p, err) != 0)
		return -1;
	date_to_ymd(req->as_of, &y, &m, &d);
	for (int rep = 0; rep < 2; rep++) {
		for (int i = 0; i < inds->n; i++) {
			if (strcmp(inds->items[i].source, req->mapping->source) != 0)
				continue;
			if (plan(req, &inds->items[i], &s, dims, err) != 0)
				return -1;
			s.periods = &p[rep];
			s.months = rep == 1 && inds->items[i].months ? m : 0;
			if (counter_build(&r, &s, out, err) != 0)
				return -1;
		}
	}
	return 0;
}
