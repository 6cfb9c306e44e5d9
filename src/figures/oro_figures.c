/* oro_figures: concern forms through the counter engine (see
 * oro_figures.h). */
#include "figures/oro_figures.h"

#include <string.h>

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

/* counter_plan_fn: the spec of one concern-form indicator. */
static int plan_one(const void *ctx, const vbs_indicator *ind, int report,
                    const vbs_periods *periods, vbs_counter_records *r, vbs_counter_spec *s,
                    vbs_counter_dim *dims, vbs_error *err)
{
	(void)report;
	(void)periods;
	(void)r;
	return plan(ctx, ind, s, dims, err);
}

int oro_figures_build(const vbs_oro_figures *req, vbs_figures *out, vbs_error *err)
{
	vbs_counter_records r = {
		.n = concerns_count(req->concerns),
		.ctx = req->concerns,
		.day = form_day,
		.categories = form_categories,
	};

	return counter_build_source(&r, req->indicators, req->mapping->source, req->as_of,
	                            plan_one, req, out, err);
}
