/* ia_figures: IA cases through the counter engine (see ia_figures.h). */
#include "figures/ia_figures.h"

#include <stddef.h>
#include <string.h>

#include "figures/counter.h"

/* The code columns an IA case keeps, as field handles. */
enum { F_VBE, F_MILJO, F_KATEGORI, F_HANDELSETYP, F_VERKSAMHET, F_OMRADE, F_COUNT };

static const vbs_counter_field fields[F_COUNT] = {
	{"koppling_vbe", F_VBE},
	{"miljo", F_MILJO},
	{"kategori", F_KATEGORI},
	{"handelsetyp", F_HANDELSETYP},
	{"verksamhetsomrade", F_VERKSAMHET},
	{"omrade", F_OMRADE},
};

static const size_t field_offsets[F_COUNT] = {
	offsetof(vbs_incident, vbe),
	offsetof(vbs_incident, miljo),
	offsetof(vbs_incident, kategori),
	offsetof(vbs_incident, handelsetyp),
	offsetof(vbs_incident, verksamhet),
	offsetof(vbs_incident, omrade),
};

struct ia_ctx {
	const vbs_incidents *cases;
	const vbs_population *population;
	uint64_t person_kategori;
};

static int32_t case_day(const void *ctx, size_t i)
{
	return ((const struct ia_ctx *)ctx)->cases->items[i].event_day;
}

static uint64_t case_categories(const void *ctx, size_t i, int field)
{
	const vbs_incident *c = &((const struct ia_ctx *)ctx)->cases->items[i];
	uint8_t code = ((const uint8_t *)c)[field_offsets[field]];

	return code < COUNTER_CATEGORIES_MAX ? UINT64_C(1) << code : 0;
}

static int case_person(const void *ctx, size_t i)
{
	const struct ia_ctx *c = ctx;
	uint8_t kategori = c->cases->items[i].kategori;

	return kategori < 64 && (c->person_kategori >> kategori & 1);
}

/* The district's inhabitants (total) or an area's (omrade) in year. */
static int population_of(const void *ctx, int year, int field, int category, double *value)
{
	const struct ia_ctx *c = ctx;
	int64_t v;

	if (!c->population)
		return -1;
	if (field == COUNTER_FIELD_TOTAL) {
		if (population_total(c->population, year, &v) != 0)
			return -1;
	} else if (field == F_OMRADE) {
		if (population_get(c->population, year, category, &v) != 0)
			return -1;
	} else {
		return -1;
	}
	*value = (double)v;
	return 0;
}

static vbs_counter_records records_of(const struct ia_ctx *ctx)
{
	return (vbs_counter_records){
		.n = ctx->cases->n,
		.ctx = ctx,
		.day = case_day,
		.categories = case_categories,
		.person = case_person,
	};
}

int ia_figures_first_year(const vbs_incidents *cases, int32_t as_of)
{
	struct ia_ctx ctx = {.cases = cases};
	vbs_counter_records r = records_of(&ctx);

	return counter_first_year(&r, as_of);
}

/* The request of one indicator: kind, filter and breakdowns; periods are
 * set by the caller. */
static int plan(const vbs_ia_figures *req, const struct ia_ctx *ctx,
                const vbs_indicator *ind, vbs_counter_spec *s, vbs_counter_dim *dims,
                vbs_error *err)
{
	const char *path = req->indicators->path;
	const vbs_indicator *count = ind;
	int ndims;

	*s = (vbs_counter_spec){.source = ind->source, .indicator = ind->id,
	                        .exposure = population_of, .exposure_ctx = ctx};
	switch (ind->kind) {
	case KIND_COUNT:
		s->measure = COUNTER_COUNT;
		s->interval = 1;
		break;
	case KIND_RATE:
		count = indicators_find(req->indicators, ind->of);
		if (!count || count->kind != KIND_COUNT || strcmp(count->source, ind->source) != 0)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "[indicator %s]: of = '%s' must name a count indicator of source %s",
			                 ind->id, ind->of, ind->source);
		s->measure = COUNTER_RATE;
		s->rate_of = count->id;
		break;
	default:
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "[indicator %s]: source %s has only the kinds count and rate",
		                 ind->id, ind->source);
	}
	s->persons_all = count->persons;
	if (count->where_column[0] &&
	    counter_filter(count, path, req->mapping, req->codesets, fields, F_COUNT,
	                   count->where_column, &count->where_code, 1, &s->filters[s->nfilters++],
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

/* What the plan callback needs: the request and the records' context. */
struct ia_plan {
	const vbs_ia_figures *req;
	const struct ia_ctx *ctx;
};

/* counter_plan_fn: the spec of one IA indicator. */
static int plan_one(const void *arg, const vbs_indicator *ind, int report,
                    const vbs_periods *periods, vbs_counter_records *r, vbs_counter_spec *s,
                    vbs_counter_dim *dims, vbs_error *err)
{
	const struct ia_plan *pl = arg;

	(void)report;
	(void)periods;
	(void)r;
	return plan(pl->req, pl->ctx, ind, s, dims, err);
}

int ia_figures_build(const vbs_ia_figures *req, vbs_figures *out, vbs_error *err)
{
	struct ia_ctx ctx = {.cases = req->cases, .population = req->population,
	                     .person_kategori = req->person_kategori};
	struct ia_plan pl = {.req = req, .ctx = &ctx};
	vbs_counter_records r = records_of(&ctx);

	return counter_build_source(&r, req->indicators, req->mapping->source, req->as_of,
	                            plan_one, &pl, out, err);
}
