/* dialog_figures: dialogues through the counter engine (see
 * dialog_figures.h). */
#include "figures/dialog_figures.h"

#include <string.h>

#include "figures/counter.h"

/* The code columns a dialogue keeps, as field handles. */
enum { F_OMRADE, F_MALGRUPP, F_FORM, F_TEMA, F_TRYGGHET, F_VBE, F_COUNT };

static const vbs_counter_field fields[F_COUNT] = {
	{"omrade", F_OMRADE},
	{"malgrupp", F_MALGRUPP},
	{"form", F_FORM},
	{"tema", F_TEMA},
	{"trygghet_tas_upp", F_TRYGGHET},
	{"vbe_tas_upp", F_VBE},
};

/* The one amount a dialogue keeps. */
static const char PARTICIPANTS[] = "antal_deltagare";

static int32_t dialog_day(const void *ctx, size_t i)
{
	return dialogs_get(ctx, i)->day;
}

static uint64_t bit(uint8_t code)
{
	return code < COUNTER_CATEGORIES_MAX ? UINT64_C(1) << code : 0;
}

static uint64_t dialog_categories(const void *ctx, size_t i, int field)
{
	const vbs_dialog *d = dialogs_get(ctx, i);

	switch (field) {
	case F_OMRADE:
		return bit(d->omrade);
	case F_MALGRUPP:
		return bit(d->malgrupp);
	case F_FORM:
		return bit(d->form);
	case F_TEMA:
		return d->themes;
	case F_TRYGGHET:
		return bit(d->trygghet);
	case F_VBE:
		return bit(d->vbe);
	default:
		return 0;
	}
}

static int dialog_participants(const void *ctx, size_t i, double *value)
{
	const vbs_dialog *d = dialogs_get(ctx, i);

	if (d->participants < 0)
		return 0;
	*value = (double)d->participants;
	return 1;
}

static int plan(const vbs_dialog_figures *req, const vbs_indicator *ind, vbs_counter_spec *s,
                vbs_counter_dim *dims, vbs_error *err)
{
	const char *path = req->indicators->path;
	const vbs_mapping *m = req->mapping;
	int ndims;

	*s = (vbs_counter_spec){.source = ind->source, .indicator = ind->id,
	                        .persons_all = ind->persons};
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
		if (strcmp(ind->column, PARTICIPANTS) != 0 || mapping_column(m, PARTICIPANTS) < 0)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "[indicator %s]: column '%s' cannot be summed; source %s sums %s (a column of %s)",
			                 ind->id, ind->column, ind->source, PARTICIPANTS, m->path);
		s->measure = COUNTER_SUM;
		break;
	case KIND_RECORD_SHARE:
		if (ind->nyes == 0)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "[indicator %s]: a record_share needs yes = CODE ...", ind->id);
		s->measure = COUNTER_SHARE;
		/* statistics.md §1: the proportion of dialogues with Ja, on the
		 * number of dialogues: every dialogue is in the denominator (a
		 * blank or bad answer is not a Ja); the numerator: a yes. */
		if (counter_filter(ind, path, m, req->codesets, fields, F_COUNT, ind->column,
		                   ind->yes, ind->nyes, &s->yes, err) != 0)
			return -1;
		break;
	default:
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "[indicator %s]: source %s has only the kinds count, sum and record_share",
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

/* counter_plan_fn: the spec of one dialogue indicator. */
static int plan_one(const void *ctx, const vbs_indicator *ind, int report,
                    const vbs_periods *periods, vbs_counter_records *r, vbs_counter_spec *s,
                    vbs_counter_dim *dims, vbs_error *err)
{
	(void)report;
	(void)periods;
	(void)r;
	return plan(ctx, ind, s, dims, err);
}

int dialog_figures_build(const vbs_dialog_figures *req, vbs_figures *out, vbs_error *err)
{
	vbs_counter_records r = {
		.n = dialogs_count(req->dialogs),
		.ctx = req->dialogs,
		.day = dialog_day,
		.categories = dialog_categories,
		.amount = dialog_participants,
	};

	return counter_build_source(&r, req->indicators, req->mapping->source, req->as_of,
	                            plan_one, req, out, err);
}
