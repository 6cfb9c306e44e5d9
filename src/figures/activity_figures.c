/* activity_figures: the follow-up of the action plan (see activity_figures.h). */
#include "figures/activity_figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "figures/periods.h"

/* The two terms of a year; a log row counts in the half of its date, and a
 * year's count is the sum of its halves. */
enum { HALF_SPRING = 0, HALF_AUTUMN = 1, HALVES = 2, HALF_WHOLE_YEAR = -1 };

/* The plan's Period codes the follow-up knows, spelled as in the code set. */
static const struct {
	const char *code;
	activity_cycle cycle;
} cycle_codes[] = {
	{"år", ACTIVITY_CYCLE_AR},
	{"termin", ACTIVITY_CYCLE_TERMIN},
	{"löpande", ACTIVITY_CYCLE_LOPANDE},
};

static const char *const status_words[] = {
	[ACTIVITY_UPPFYLLT] = "Uppfyllt",
	[ACTIVITY_DELVIS] = "Delvis",
	[ACTIVITY_EJ_UPPFYLLT] = "Ej uppfyllt",
	[ACTIVITY_PAGAR] = "Pågår",
	[ACTIVITY_LOPANDE] = "Löpande",
	[ACTIVITY_MAL_SAKNAS] = "Mål saknas",
};

/* The plan mapping's code sets, resolved once per build. */
struct plan_view {
	const vbs_codeset *period_set, *area_set;
	int cycle_of_code[CODESET_CODES_MAX]; /* an activity_cycle, or -1 */
};

/* Occurrences on or before the as-of date, per activity, year and half:
 * n[(activity * nyears + year - base_year) * HALVES + half]. */
struct tally {
	long *n;
	int base_year, nyears;
};

activity_status_code activity_status(activity_cycle cycle, int32_t mal, long occurrences,
                                     int complete, long *remaining)
{
	activity_status_code s;
	long left = 0;

	if (cycle == ACTIVITY_CYCLE_LOPANDE)
		s = ACTIVITY_LOPANDE;
	else if (mal < 0)
		s = ACTIVITY_MAL_SAKNAS;
	else if (occurrences >= mal)
		s = ACTIVITY_UPPFYLLT;
	else if (complete)
		s = occurrences == 0 ? ACTIVITY_EJ_UPPFYLLT : ACTIVITY_DELVIS;
	else {
		s = ACTIVITY_PAGAR;
		left = (long)mal - occurrences;
	}
	if (remaining)
		*remaining = left;
	return s;
}

const char *activity_status_word(activity_status_code status)
{
	if ((size_t)status >= sizeof(status_words) / sizeof(status_words[0]))
		return "";
	return status_words[status];
}

static int year_of(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y;
}

int activity_figures_first_year(const vbs_activities *a, int32_t as_of)
{
	size_t n = activities_occurrences(a);
	int32_t first = INT32_MAX;

	for (size_t i = 0; i < n; i++) {
		int32_t day = activities_occurrence(a, i)->day;

		if (day <= as_of && day < first)
			first = day;
	}
	return first == INT32_MAX ? -1 : year_of(first);
}

void activity_followup_init(vbs_followup *f)
{
	memset(f, 0, sizeof(*f));
}

void activity_followup_release(vbs_followup *f)
{
	free(f->rows);
	activity_followup_init(f);
}

/* The code set of the plan's code column id, or NULL with err filled. */
static const vbs_codeset *plan_codeset(const vbs_activity_figures *req, const char *id,
                                       vbs_error *err)
{
	int c = mapping_require(req->plan, id, FIELD_CODE, err);

	if (c < 0)
		return NULL;
	if (req->plan->columns[c].codeset < 0 ||
	    req->plan->columns[c].codeset >= req->codesets->nsets) {
		error_set(err, VBS_E_CONFIG, req->plan->path, 0, NULL,
		          "[column %s] has no code set; vbestat needs one", id);
		return NULL;
	}
	return &req->codesets->sets[req->plan->columns[c].codeset];
}

static int plan_view_load(struct plan_view *v, const vbs_activity_figures *req,
                          vbs_error *err)
{
	if (!(v->period_set = plan_codeset(req, "period", err)) ||
	    !(v->area_set = plan_codeset(req, "arbetsomrade", err)))
		return -1;
	for (int i = 0; i < CODESET_CODES_MAX; i++)
		v->cycle_of_code[i] = -1;
	for (size_t i = 0; i < sizeof(cycle_codes) / sizeof(cycle_codes[0]); i++) {
		int code = codeset_lookup(v->period_set, cycle_codes[i].code);

		if (code < 0 || code >= CODESET_CODES_MAX)
			return error_set(err, VBS_E_CONFIG, req->codesets->path, 0, NULL,
			                 "code set '%s' lacks the period code '%s'; the "
			                 "follow-up needs år, termin and löpande",
			                 v->period_set->name, cycle_codes[i].code);
		v->cycle_of_code[code] = (int)cycle_codes[i].cycle;
	}
	return 0;
}

/* The cycle of plan activity i, or -1 with err filled. */
static int cycle_of(const struct plan_view *v, const vbs_activity_figures *req, size_t i,
                    vbs_error *err)
{
	int code = activities_get(req->activities, i)->period;

	if (code >= v->period_set->ncodes || v->cycle_of_code[code] < 0)
		return error_set(err, VBS_E_CONFIG, req->codesets->path, 0, NULL,
		                 "activity %s has the period '%s'; the follow-up knows only "
		                 "år, termin and löpande: remove the code from the set '%s'",
		                 activities_id(req->activities, i),
		                 code < v->period_set->ncodes ? v->period_set->codes[code] : "?",
		                 v->period_set->name);
	return v->cycle_of_code[code];
}

/* Counts the log rows dated base_year..the as-of date (earlier rows are in
 * no period of the report). */
static int tally_count(struct tally *t, const vbs_activity_figures *req, int base_year,
                       vbs_error *err)
{
	const vbs_activities *a = req->activities;
	size_t nact = activities_count(a), nocc = activities_occurrences(a);

	t->base_year = base_year;
	t->nyears = year_of(req->as_of) - base_year + 1;
	t->n = calloc(nact * (size_t)t->nyears * HALVES, sizeof(*t->n));
	if (!t->n)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
	for (size_t i = 0; i < nocc; i++) {
		const vbs_occurrence *o = activities_occurrence(a, i);
		int y, m, d;

		if (o->day > req->as_of)
			continue;
		if (o->activity >= nact)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
			                 "log row %zu names activity %u of a plan of %zu", i,
			                 (unsigned)o->activity, nact);
		date_to_ymd(o->day, &y, &m, &d);
		if (y < base_year)
			continue;
		t->n[((size_t)o->activity * (size_t)t->nyears + (size_t)(y - base_year)) * HALVES +
		     (m <= 6 ? HALF_SPRING : HALF_AUTUMN)]++;
	}
	return 0;
}

/* Occurrences of activity i in a year's half, or in the whole year. */
static long tally_get(const struct tally *t, size_t i, int year, int half)
{
	const long *p = &t->n[(i * (size_t)t->nyears + (size_t)(year - t->base_year)) * HALVES];

	return half == HALF_WHOLE_YEAR ? p[HALF_SPRING] + p[HALF_AUTUMN] : p[half];
}

/* Appends the row of activity i in one target period of year: half is
 * HALF_SPRING, HALF_AUTUMN or HALF_WHOLE_YEAR; window: report lagesbild,
 * counted up to the as-of date and labelled with its days. */
static void followup_add(vbs_followup *f, const vbs_activity_figures *req,
                         const struct plan_view *v, const struct tally *t, size_t i,
                         activity_cycle cycle, int year, int half, int window)
{
	const vbs_activities *a = req->activities;
	const vbs_activity *act = activities_get(a, i);
	vbs_followup_row *r = &f->rows[f->n++];
	int32_t target_last;
	char from[11], to[11];

	memset(r, 0, sizeof(*r));
	r->activity = i;
	r->id = activities_id(a, i);
	r->name = activities_text(a, act->name);
	r->ansvarig = activities_text(a, act->ansvarig);
	r->arbetsomrade = act->arbetsomrade < codeset_categories(v->area_set)
	                      ? codeset_category(v->area_set, act->arbetsomrade) : "";
	r->cycle = cycle;
	r->year = year;
	r->first = date_from_ymd(year, half == HALF_AUTUMN ? 7 : 1, 1);
	target_last = half == HALF_SPRING ? date_from_ymd(year, 6, 30) : date_from_ymd(year, 12, 31);
	r->last = window && req->as_of < target_last ? req->as_of : target_last;
	r->complete = target_last <= req->as_of;
	if (!window && half == HALF_WHOLE_YEAR) {
		snprintf(r->period, sizeof(r->period), "%d", year);
	} else {
		date_format(r->first, from);
		date_format(r->last, to);
		snprintf(r->period, sizeof(r->period), "%s..%s", from, to);
	}
	r->mal = cycle == ACTIVITY_CYCLE_LOPANDE || act->mal < 0 ? ACTIVITY_NONE : act->mal;
	r->occurrences = tally_get(t, i, year, half);
	r->has_attainment = r->mal >= 1;
	r->attainment = r->has_attainment ? (double)r->occurrences / (double)r->mal : 0.0;
	r->status = activity_status(cycle, r->mal, r->occurrences, r->complete, &r->remaining);
	r->status_word = activity_status_word(r->status);
}

/* Appends activity i's rows for one year: the year, or its terms (in
 * report lagesbild only the terms that have begun). */
static void followup_add_year(vbs_followup *f, const vbs_activity_figures *req,
                              const struct plan_view *v, const struct tally *t, size_t i,
                              activity_cycle cycle, int year, int window)
{
	if (cycle != ACTIVITY_CYCLE_TERMIN) {
		followup_add(f, req, v, t, i, cycle, year, HALF_WHOLE_YEAR, window);
		return;
	}
	followup_add(f, req, v, t, i, cycle, year, HALF_SPRING, window);
	if (!window || req->as_of >= date_from_ymd(year, 7, 1))
		followup_add(f, req, v, t, i, cycle, year, HALF_AUTUMN, window);
}

int activity_followup_build(vbs_followup *f, const vbs_activity_figures *req,
                            const char *report, vbs_error *err)
{
	struct plan_view v;
	struct tally t = {0};
	int window, first, last;
	size_t nact = activities_count(req->activities), nyears;
	int *cycles = NULL;
	int rc = -1;

	activity_followup_release(f);
	if (strcmp(report, "vb") == 0) {
		f->report = "vb";
		window = 0;
	} else if (strcmp(report, "lagesbild") == 0) {
		f->report = "lagesbild";
		window = 1;
	} else {
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
		                 "no report '%s'; want vb or lagesbild", report);
	}
	if (nact == 0)
		return 0; /* no plan (the source is absent): nothing to follow up */
	if (plan_view_load(&v, req, err) != 0)
		goto done;
	if (window) {
		first = last = year_of(req->as_of);
	} else {
		first = activity_figures_first_year(req->activities, req->as_of);
		last = periods_report_year(req->as_of);
		if (first < 0)
			first = last + 1; /* no log row: no vb periods */
		if (last - first + 1 > PERIODS_MAX) {
			error_set(err, VBS_E_DATA, NULL, 0, NULL,
			          "the activity log spans more than %d years (from %d); check its "
			          "dates", PERIODS_MAX, first);
			goto done;
		}
	}
	nyears = last >= first ? (size_t)(last - first + 1) : 0;
	if (nyears == 0) {
		rc = 0; /* no vb year yet */
		goto done;
	}
	cycles = malloc(nact * sizeof(*cycles));
	f->rows = malloc(nact * nyears * HALVES * sizeof(*f->rows));
	if (!cycles || !f->rows) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nact; i++)
		if ((cycles[i] = cycle_of(&v, req, i, err)) < 0)
			goto done;
	if (tally_count(&t, req, first, err) != 0)
		goto done;
	for (size_t i = 0; i < nact; i++)
		for (int year = first; year <= last; year++)
			followup_add_year(f, req, &v, &t, i, (activity_cycle)cycles[i], year, window);
	rc = 0;
done:
	free(t.n);
	free(cycles);
	if (rc != 0 || f->n == 0) {
		const char *kept = f->report;

		activity_followup_release(f);
		f->report = kept;
	}
	return rc;
}

/* Appends the figures of one indicator for one report's rows. */
static int add_indicator(vbs_figures *out, const vbs_indicator *ind,
                                const vbs_followup *f, vbs_error *err)
{
	for (size_t i = 0; i < f->n; i++) {
		const vbs_followup_row *r = &f->rows[i];
		vbs_figure fig = {
			.report = f->report,
			.source = "aktiviteter",
			.indicator = ind->id,
			.dimension = "aktivitet",
			.category = r->id,
			.has = FIG_VALUE,
			.year = r->year,
		};

		if (ind->kind == KIND_OCCURRENCES) {
			fig.value = (double)r->occurrences;
		} else {
			if (!r->has_attainment)
				continue;
			fig.value = r->attainment;
			fig.n = (double)r->occurrences;
			fig.has |= FIG_N;
		}
		memcpy(fig.period, r->period, sizeof(fig.period));
		if (figures_add(out, &fig, err) != 0)
			return -1;
	}
	return 0;
}

int activity_figures_build(const vbs_activity_figures *req, vbs_figures *out,
                           vbs_error *err)
{
	const vbs_indicators *inds = req->indicators;
	vbs_followup reports[2];
	int rc = -1;

	activity_followup_init(&reports[0]);
	activity_followup_init(&reports[1]);
	for (int k = 0; k < inds->n; k++) {
		const vbs_indicator *ind = &inds->items[k];

		if (strcmp(ind->source, "aktiviteter") == 0 && ind->kind != KIND_OCCURRENCES &&
		    ind->kind != KIND_ATTAINMENT)
			return error_set(err, VBS_E_CONFIG, inds->path, 0, NULL,
			                 "[indicator %s]: source aktiviteter has only the kinds "
			                 "occurrences and attainment", ind->id);
	}
	if (activity_followup_build(&reports[0], req, "vb", err) != 0 ||
	    activity_followup_build(&reports[1], req, "lagesbild", err) != 0)
		goto done;
	for (int k = 0; k < inds->n; k++) {
		const vbs_indicator *ind = &inds->items[k];

		if (strcmp(ind->source, "aktiviteter") != 0)
			continue;
		if (add_indicator(out, ind, &reports[0], err) != 0 ||
		    add_indicator(out, ind, &reports[1], err) != 0)
			goto done;
	}
	rc = 0;
done:
	activity_followup_release(&reports[1]);
	activity_followup_release(&reports[0]);
	return rc;
}
