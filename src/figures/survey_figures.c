/* survey_figures: weighted survey shares by survey year and dimension (see
 * survey_figures.h). */
#include "figures/survey_figures.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "figures/periods.h"
#include "stats/interval.h"
#include "stats/stats_status.h"

#define SURVEY_SOURCE "trygghet"

/* The district total plus the indicator's breakdowns. */
enum { SURVEY_DIMS_MAX = INDICATOR_DIMS_MAX + 1 };

/* Bits of a code mask: code indices 0..63 of a question's code set. */
enum { SURVEY_MASK_BITS = 64 };

/* The mapping's column ids of the answers, F1..F4, in the order of
 * vbs_respondent.answer (as ingest_trygghet stages them). */
static const char *const answer_ids[RESPONDENT_QUESTIONS] = {"f1", "f2", "f3", "f4"};

/* The respondent field behind each dimension column id. */
static const struct {
	const char *id;
	size_t offset;
} dimension_fields[] = {
	{"omrade", offsetof(vbs_respondent, omrade)},
	{"kon", offsetof(vbs_respondent, kon)},
	{"aldersgrupp", offsetof(vbs_respondent, aldersgrupp)},
};

/* One breakdown of an indicator; set == NULL is the district total. */
struct survey_dim {
	const char *id;
	const vbs_codeset *set;
	size_t field;
};

/* A share indicator resolved against the mapping and its code sets. */
struct survey_plan {
	const vbs_indicator *ind;
	int question;         /* index into vbs_respondent.answer */
	uint64_t yes, valid;  /* bit i: code i of the question's code set */
	struct survey_dim dims[SURVEY_DIMS_MAX];
	int ndims;
};

/* The survey years and the scratch one breakdown is computed in. */
struct survey_work {
	int *years;        /* distinct survey years up to the as-of year, ascending */
	int nyears;
	int *year_index;   /* per respondent: index into years, or -1 (ignored) */
	long *cell;        /* per respondent: its cell in the breakdown, or -1 */
	double *y, *w;     /* the breakdown's valid answers, grouped by cell */
	size_t *start;     /* cell c holds [start[c], start[c + 1]) */
	size_t *fill;
	size_t nresp, max_cells;
};

static int has_code(uint64_t mask, int code)
{
	return code >= 0 && code < SURVEY_MASK_BITS && (mask >> code & 1);
}

static int field_of(const char *id, size_t *offset)
{
	for (size_t i = 0; i < sizeof(dimension_fields) / sizeof(dimension_fields[0]); i++) {
		if (strcmp(dimension_fields[i].id, id) == 0) {
			*offset = dimension_fields[i].offset;
			return 0;
		}
	}
	return -1;
}

/* Fills *mask with the indices of the n codes in set; a code the set lacks
 * is a configuration error of indicators.ini. */
static int code_mask(const vbs_survey_figures *req, const vbs_indicator *ind,
                     const vbs_codeset *set, const char codes[][INDICATOR_CODE_MAX],
                     int n, const char *key, uint64_t *mask, vbs_error *err)
{
	*mask = 0;
	for (int i = 0; i < n; i++) {
		int c = codeset_lookup(set, codes[i]);

		if (c < 0 || c >= SURVEY_MASK_BITS)
			return error_set(err, VBS_E_CONFIG, req->indicators->path, 0, NULL,
			                 "indicator '%s': %s code '%s' is not a code of question "
			                 "%s (code set '%s' in %s); use one of its codes",
			                 ind->id, key, codes[i], ind->question, set->name,
			                 req->codesets->path);
		*mask |= UINT64_C(1) << c;
	}
	return 0;
}

/* Resolves one share indicator's question, codes and dimensions. */
static int plan_resolve(const vbs_survey_figures *req, const vbs_indicator *ind,
                        struct survey_plan *plan, vbs_error *err)
{
	const vbs_mapping *m = req->mapping;
	const char *path = req->indicators->path;
	const vbs_codeset *set;
	int col = mapping_column(m, ind->question);

	memset(plan, 0, sizeof(*plan));
	plan->ind = ind;
	plan->question = -1;
	for (int q = 0; q < RESPONDENT_QUESTIONS; q++)
		if (strcmp(answer_ids[q], ind->question) == 0)
			plan->question = q;
	if (plan->question < 0 || col < 0 || m->columns[col].type != FIELD_CODE ||
	    m->columns[col].codeset < 0)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "indicator '%s': question '%s' is not an answer column of %s; "
		                 "use f1, f2, f3 or f4", ind->id, ind->question, m->path);
	set = &req->codesets->sets[m->columns[col].codeset];
	if (code_mask(req, ind, set, ind->valid, ind->nvalid, "valid", &plan->valid, err) != 0 ||
	    code_mask(req, ind, set, ind->yes, ind->nyes, "yes", &plan->yes, err) != 0)
		return -1;
	if ((plan->yes & ~plan->valid) != 0)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "indicator '%s': every yes code must also be a valid code "
		                 "(the share is of yes among valid answers)", ind->id);
	plan->dims[plan->ndims++] = (struct survey_dim){.id = "total"};
	for (int d = 0; d < ind->ndimensions; d++) {
		const char *id = ind->dimensions[d];
		int c = mapping_column(m, id);
		struct survey_dim *dim = &plan->dims[plan->ndims];

		if (c < 0 || !m->columns[c].dimension)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "indicator '%s': '%s' is not a dimension column of %s; "
			                 "use one of its columns with dimension = yes",
			                 ind->id, id, m->path);
		if (m->columns[c].type != FIELD_CODE || m->columns[c].codeset < 0 ||
		    field_of(id, &dim->field) != 0)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "indicator '%s': the survey respondents carry no breakdown "
			                 "by '%s'; use omrade, kon or aldersgrupp", ind->id, id);
		dim->id = m->columns[c].id;
		dim->set = &req->codesets->sets[m->columns[c].codeset];
		plan->ndims++;
	}
	return 0;
}

static int compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Sorts v[0..n) and drops repeats; returns the number left. */
static int sort_unique(int *v, int n)
{
	int k = 0;

	qsort(v, (size_t)n, sizeof(*v), compare_int);
	for (int i = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

static void work_release(struct survey_work *wk)
{
	free(wk->years);
	free(wk->year_index);
	free(wk->cell);
	free(wk->y);
	free(wk->w);
	free(wk->start);
	free(wk->fill);
}

/* Finds the survey years up to as_of_year and sizes the scratch for
 * breakdowns of up to max_categories categories. work_release frees it,
 * also after a failure. */
static int work_init(struct survey_work *wk, const vbs_respondents *rs, int as_of_year,
                     int max_categories, vbs_error *err)
{
	size_t n = respondents_count(rs), nalloc = n ? n : 1;

	memset(wk, 0, sizeof(*wk));
	wk->nresp = n;
	wk->years = malloc(nalloc * sizeof(*wk->years));
	wk->year_index = malloc(nalloc * sizeof(*wk->year_index));
	wk->cell = malloc(nalloc * sizeof(*wk->cell));
	wk->y = malloc(nalloc * sizeof(*wk->y));
	wk->w = malloc(nalloc * sizeof(*wk->w));
	if (!wk->years || !wk->year_index || !wk->cell || !wk->y || !wk->w)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		int year = respondents_get(rs, i)->year;

		if (year <= as_of_year)
			wk->years[wk->nyears++] = year;
	}
	wk->nyears = sort_unique(wk->years, wk->nyears);
	for (size_t i = 0; i < n; i++) {
		int year = respondents_get(rs, i)->year;
		const int *at = bsearch(&year, wk->years, (size_t)wk->nyears,
		                        sizeof(*wk->years), compare_int);

		wk->year_index[i] = at ? (int)(at - wk->years) : -1;
	}
	wk->max_cells = (size_t)wk->nyears * (size_t)max_categories;
	wk->start = calloc(wk->max_cells + 1, sizeof(*wk->start));
	wk->fill = calloc(wk->max_cells + 1, sizeof(*wk->fill));
	if (!wk->start || !wk->fill)
		goto nomem;
	return 0;
nomem:
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
}

/* Adds the row of one cell: the valid answers y[0..len) with weights
 * w[0..len). */
static int add_share(const struct survey_plan *plan, const char *report,
                     const struct survey_dim *dim, const char *category, int year,
                     double *y, double *w, size_t len, int min_valid,
                     vbs_figures *out, vbs_error *err)
{
	vbs_figure f = {
		.report = report,
		.source = SURVEY_SOURCE,
		.indicator = plan->ind->id,
		.dimension = dim->id,
		.category = category,
		.n = (double)len,
		.has = FIG_N,
		.suppressed = len < (size_t)min_valid,
		.year = year,
		.share = 1,
	};
	double max_w = 0, p, neff;
	int st;

	snprintf(f.period, sizeof(f.period), "%d", year);
	if (len > 0) {
		/* p and n_eff do not change when every weight is scaled by the same
		 * factor; scaling to a largest weight of 1 keeps Σw² from
		 * underflowing or overflowing whatever positive weights came in. */
		for (size_t i = 0; i < len; i++)
			if (w[i] > max_w)
				max_w = w[i];
		if (max_w > 0)
			for (size_t i = 0; i < len; i++)
				w[i] /= max_w;
		st = interval_weighted_share(y, w, len, &p, &neff);
		if (st == VBS_STATS_OK)
			st = interval_wilson(p, neff, &f.ci_low, &f.ci_high);
		if (st != VBS_STATS_OK)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
			                 "survey share %s %s %s/%s %d on %zu answers: %s",
			                 report, plan->ind->id, dim->id, category, year, len,
			                 stats_status_text(st));
		f.value = p;
		f.neff = neff;
		f.has |= FIG_VALUE | FIG_CI;
	}
	return figures_add(out, &f, err);
}

/* The rows of one indicator, report and breakdown: the report's survey
 * years are years[0..nyears). */
static int build_dimension(const vbs_survey_figures *req, const struct survey_plan *plan,
                           const char *report, int nyears, const struct survey_dim *dim,
                           int min_valid, struct survey_work *wk, vbs_figures *out,
                           vbs_error *err)
{
	const vbs_respondents *rs = req->respondents;
	int ncat = dim->set ? codeset_categories(dim->set) : 1;
	size_t ncells = (size_t)nyears * (size_t)ncat;
	int extra_used = 0;

	memset(wk->start, 0, (ncells + 1) * sizeof(*wk->start));
	for (size_t i = 0; i < wk->nresp; i++) {
		const vbs_respondent *r = respondents_get(rs, i);
		int yi = wk->year_index[i], cat = 0;

		wk->cell[i] = -1;
		if (yi < 0 || yi >= nyears)
			continue;
		if (dim->set) {
			cat = ((const uint8_t *)r)[dim->field];
			/* A code set without a fallback leaves a missing value out of
			 * the breakdown (it still counts in the total). */
			if (cat == RESPONDENT_CODE_NONE)
				continue;
			if (cat >= ncat)
				return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
				                 "respondent %s has code index %d in '%s', which has "
				                 "%d categories", respondents_key(rs, i), cat,
				                 dim->id, ncat);
			if (cat == dim->set->ncodes)
				extra_used = 1;
		}
		if (!has_code(plan->valid, r->answer[plan->question]))
			continue;
		wk->cell[i] = (long)yi * ncat + cat;
		wk->start[wk->cell[i] + 1]++;
	}
	for (size_t c = 0; c < ncells; c++)
		wk->start[c + 1] += wk->start[c];
	memcpy(wk->fill, wk->start, (ncells + 1) * sizeof(*wk->fill));
	for (size_t i = 0; i < wk->nresp; i++) {
		const vbs_respondent *r = respondents_get(rs, i);
		size_t at;

		if (wk->cell[i] < 0)
			continue;
		at = wk->fill[wk->cell[i]]++;
		wk->y[at] = has_code(plan->yes, r->answer[plan->question]) ? 1.0 : 0.0;
		wk->w[at] = r->weight;
	}
	for (int cat = 0; cat < ncat; cat++) {
		if (dim->set && cat == dim->set->ncodes && !extra_used)
			continue;
		for (int yi = 0; yi < nyears; yi++) {
			size_t c = (size_t)yi * (size_t)ncat + (size_t)cat, s = wk->start[c];

			if (add_share(plan, report, dim,
			              dim->set ? codeset_category(dim->set, cat) : "alla",
			              wk->years[yi], wk->y + s, wk->w + s, wk->start[c + 1] - s,
			              min_valid, out, err) != 0)
				return -1;
		}
	}
	return 0;
}

/* Resolves every share indicator of the survey; returns how many, or -1. */
static int plans_resolve(const vbs_survey_figures *req, struct survey_plan *plans,
                         int *max_categories, vbs_error *err)
{
	const vbs_indicators *t = req->indicators;
	int n = 0;

	*max_categories = 1;
	for (int i = 0; i < t->n; i++) {
		const vbs_indicator *ind = &t->items[i];

		if (strcmp(ind->source, SURVEY_SOURCE) != 0)
			continue;
		if (ind->kind != KIND_SHARE)
			return error_set(err, VBS_E_CONFIG, t->path, 0, NULL,
			                 "indicator '%s': source " SURVEY_SOURCE " has indicators "
			                 "of kind share only", ind->id);
		if (plan_resolve(req, ind, &plans[n], err) != 0)
			return -1;
		for (int d = 0; d < plans[n].ndims; d++)
			if (plans[n].dims[d].set &&
			    codeset_categories(plans[n].dims[d].set) > *max_categories)
				*max_categories = codeset_categories(plans[n].dims[d].set);
		n++;
	}
	return n;
}

int survey_figures_build(const vbs_survey_figures *req, vbs_figures *out,
                         vbs_error *err)
{
	static const char *const reports[] = {"vb", "lagesbild"};
	size_t rows_before = out->n;
	struct survey_plan *plans = calloc(INDICATORS_MAX, sizeof(*plans));
	struct survey_work wk = {0};
	int min_valid = req->min_valid > 0 ? req->min_valid : SURVEY_MIN_VALID_DEFAULT;
	int nplans, max_categories, as_of_year, month, day, last_year[2];
	int rc = -1;

	if (!plans) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	if ((nplans = plans_resolve(req, plans, &max_categories, err)) < 0)
		goto done;
	date_to_ymd(req->as_of, &as_of_year, &month, &day);
	last_year[0] = periods_report_year(req->as_of);
	last_year[1] = as_of_year;
	if (work_init(&wk, req->respondents, as_of_year, max_categories, err) != 0)
		goto done;
	for (int pi = 0; pi < nplans; pi++) {
		for (int r = 0; r < 2; r++) {
			int nyears = 0;

			while (nyears < wk.nyears && wk.years[nyears] <= last_year[r])
				nyears++;
			for (int d = 0; d < plans[pi].ndims; d++)
				if (build_dimension(req, &plans[pi], reports[r], nyears,
				                    &plans[pi].dims[d], min_valid, &wk, out, err) != 0)
					goto done;
		}
	}
	rc = 0;
done:
	if (rc != 0)
		out->n = rows_before; /* rows own no memory: dropping them is enough */
	work_release(&wk);
	free(plans);
	return rc;
}
