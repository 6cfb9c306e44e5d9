/* klotter_figures: finds through the counter engine (see
 * klotter_figures.h). */
#include "figures/klotter_figures.h"

#include <string.h>

#include "base/date.h"
#include "figures/counter.h"

/* The code columns a find keeps, as field handles, and the find's state
 * at the as-of date, a field of this module only (no column names it). */
enum { F_TYP, F_MILJO, F_OMRADE, F_COUNT, F_STATE = F_COUNT };
enum { STATE_REMOVED = 1, STATE_NOT_REMOVED = 2 };

static const vbs_counter_field fields[F_COUNT] = {
	{"typ", F_TYP},
	{"miljo", F_MILJO},
	{"omrade", F_OMRADE},
};

/* The one amount a find keeps. */
static const char ANTAL[] = "antal";

struct klotter_ctx {
	const vbs_finds *finds;
	int32_t as_of;
};

static int removed(const struct klotter_ctx *c, const vbs_find *f)
{
	return f->removed != DATE_NONE && f->removed <= c->as_of && f->removed >= f->day;
}

static int32_t find_day(const void *ctx, size_t i)
{
	return finds_get(((const struct klotter_ctx *)ctx)->finds, i)->day;
}

static uint64_t bit(uint8_t code)
{
	return code < COUNTER_CATEGORIES_MAX ? UINT64_C(1) << code : 0;
}

static uint64_t find_categories(const void *ctx, size_t i, int field)
{
	const struct klotter_ctx *c = ctx;
	const vbs_find *f = finds_get(c->finds, i);

	switch (field) {
	case F_TYP:
		return bit(f->typ);
	case F_MILJO:
		return bit(f->miljo);
	case F_OMRADE:
		return bit(f->omrade);
	case F_STATE:
		return removed(c, f) ? STATE_REMOVED : STATE_NOT_REMOVED;
	default:
		return 0;
	}
}

static int find_antal(const void *ctx, size_t i, double *value)
{
	*value = (double)finds_get(((const struct klotter_ctx *)ctx)->finds, i)->antal;
	return 1;
}

static int find_days(const void *ctx, size_t i, double *value)
{
	const struct klotter_ctx *c = ctx;
	const vbs_find *f = finds_get(c->finds, i);

	if (!removed(c, f))
		return 0;
	*value = (double)(f->removed - f->day);
	return 1;
}

/* The request of one indicator; *removal = 1 for the removal measures. */
static int plan(const vbs_klotter_figures *req, const vbs_indicator *ind,
                vbs_counter_spec *s, vbs_counter_dim *dims, int *removal, vbs_error *err)
{
	const char *path = req->indicators->path;
	const vbs_mapping *m = req->mapping;
	int ndims;

	*s = (vbs_counter_spec){.source = ind->source, .indicator = ind->id,
	                        .persons_all = ind->persons};
	*removal = 0;
	if (ind->offset_population)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "[indicator %s]: source %s has no population; remove offset",
		                 ind->id, ind->source);
	switch (ind->kind) {
	case KIND_COUNT:
		s->measure = COUNTER_COUNT;
		s->interval = 1;
		break;
	case KIND_SUM:
		if (strcmp(ind->column, ANTAL) != 0 || mapping_column(m, ANTAL) < 0)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "[indicator %s]: column '%s' cannot be summed; source %s sums %s (a column of %s)",
			                 ind->id, ind->column, ind->source, ANTAL, m->path);
		s->measure = COUNTER_SUM;
		break;
	case KIND_REMOVAL_QUANTILE:
		s->measure = COUNTER_QUANTILE;
		s->quantile = ind->quantile;
		*removal = 1;
		break;
	case KIND_NOT_REMOVED:
		s->measure = COUNTER_COUNT;
		s->filters[s->nfilters++] = (vbs_counter_filter){F_STATE, STATE_NOT_REMOVED};
		*removal = 1;
		break;
	default:
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "[indicator %s]: source %s has only the kinds count, sum, removal_quantile and not_removed",
		                 ind->id, ind->source);
	}
	if (ind->where_column[0] &&
	    counter_filter(ind, path, m, req->codesets, fields, F_COUNT, ind->where_column,
	                   &ind->where_code, 1, &s->filters[s->nfilters++], err) != 0)
		return -1;
	ndims = counter_dimensions(ind, path, m, req->codesets, fields, F_COUNT, dims, err);
	if (ndims < 0)
		return -1;
	s->dims = dims;
	s->ndims = ndims;
	return 0;
}

/* counter_plan_fn: the spec of one sticker-log indicator; the amount is
 * the days to removal for the quantiles, else Antal; in the lägesbild the
 * removal measures cover the current window only. */
static int plan_one(const void *ctx, const vbs_indicator *ind, int report,
                    const vbs_periods *periods, vbs_counter_records *r, vbs_counter_spec *s,
                    vbs_counter_dim *dims, vbs_error *err)
{
	int removal;

	if (plan(ctx, ind, s, dims, &removal, err) != 0)
		return -1;
	r->amount = ind->kind == KIND_REMOVAL_QUANTILE ? find_days : find_antal;
	s->first_period = report == 1 && removal && periods->n > 0 ? periods->n - 1 : 0;
	return 0;
}

int klotter_figures_build(const vbs_klotter_figures *req, vbs_figures *out, vbs_error *err)
{
	struct klotter_ctx ctx = {.finds = req->finds, .as_of = req->as_of};
	vbs_counter_records r = {
		.n = finds_count(req->finds),
		.ctx = &ctx,
		.day = find_day,
		.categories = find_categories,
	};

	return counter_build_source(&r, req->indicators, req->mapping->source, req->as_of,
	                            plan_one, req, out, err);
}
