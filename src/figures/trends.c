/* trends: the trend and change tests of the district totals (see trends.h). */
#include "figures/trends.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/change.h"
#include "stats/glm.h"
#include "stats/stats_status.h"
#include "stats/trend.h"

/* The 5 % level of statistics.md ("The 5 % level decides direction"). */
#define TRENDS_ALPHA 0.05
/* A rate row publishes its difference per 10 000 inhabitants. */
#define TRENDS_RATE_SCALE 10000.0
/* Largest count change_test_counts accepts (2^31 − 1). */
#define TRENDS_COUNT_MAX 2147483647.0
/* Own minimum number of points of each method (the fits need 3). */
#define TRENDS_MK_MIN 2
#define TRENDS_FIT_MIN 3

#define TRENDS_OF_SERIES (TREND_MANN_KENDALL | TREND_SEN_SLOPE | TREND_POISSON | TREND_LOGISTIC)

static const char *const reports[] = {"vb", "lagesbild"};

static const char DIR_UP[] = "okande";
static const char DIR_DOWN[] = "minskande";
static const char DIR_NONE[] = "ingen_sakerstalld";

/* What a test needs of each point it uses. */
enum need {
	NEED_VALUE = 1,    /* has FIG_VALUE, finite */
	NEED_COUNT = 2,    /* the value is a whole number >= 0 */
	NEED_SHARE = 4,    /* the value lies in [0, 1] */
	NEED_N = 8,        /* has FIG_N, a whole number >= 0 (k of a rate) */
	NEED_EXPOSURE = 16, /* exposure > 0 */
	NEED_NEFF = 32     /* neff > 0 */
};

/* Why a point cannot be used. */
enum problem {
	PROBLEM_NONE,
	PROBLEM_SUPPRESSED,
	PROBLEM_VALUE,
	PROBLEM_N,
	PROBLEM_EXPOSURE,
	PROBLEM_NEFF
};

/* The total series of one indicator in one report. */
typedef struct series {
	const vbs_figures *figs;
	const vbs_indicator *ind;
	const char *report;
	const vbs_figure **pts;
	size_t n;
	double *t;   /* year */
	double *x;   /* value */
	double *aux; /* scratch: log exposures or weights */
} series;

void trends_init(vbs_trends *t)
{
	memset(t, 0, sizeof(*t));
}

void trends_release(vbs_trends *t)
{
	free(t->rows);
	free(t->skips);
	trends_init(t);
}

const char *trends_method_name(unsigned method_bit)
{
	switch (method_bit) {
	case TREND_MANN_KENDALL:
		return "mann_kendall";
	case TREND_SEN_SLOPE:
		return "sen_slope";
	case TREND_POISSON:
		return "poisson_trend";
	case TREND_LOGISTIC:
		return "logistic_trend";
	case TREND_CHANGE:
		return "change_vs_previous";
	default:
		return NULL;
	}
}

/* The tests each kind has a method for (statistics.md §4). */
static unsigned kind_methods(indicator_kind kind)
{
	switch (kind) {
	case KIND_COUNT:
		return TREND_MANN_KENDALL | TREND_SEN_SLOPE | TREND_POISSON | TREND_CHANGE;
	case KIND_RATE:
		return TREND_MANN_KENDALL | TREND_SEN_SLOPE | TREND_CHANGE;
	case KIND_SHARE:
		return TREND_MANN_KENDALL | TREND_SEN_SLOPE | TREND_LOGISTIC | TREND_CHANGE;
	case KIND_SUM:
	case KIND_RECORD_SHARE:
		return TREND_MANN_KENDALL | TREND_SEN_SLOPE;
	default:
		return 0;
	}
}

/* What the trend methods need of every point. */
static unsigned needs_of_series(const vbs_indicator *ind)
{
	switch (ind->kind) {
	case KIND_COUNT:
		return NEED_VALUE | NEED_COUNT;
	case KIND_SHARE:
		return NEED_VALUE | NEED_SHARE | (ind->trends & TREND_LOGISTIC ? NEED_NEFF : 0u);
	default:
		return NEED_VALUE;
	}
}

/* What the change test needs of its two points. */
static unsigned needs_of_change(const vbs_indicator *ind)
{
	switch (ind->kind) {
	case KIND_COUNT:
		return NEED_VALUE | NEED_COUNT;
	case KIND_RATE:
		return NEED_N | NEED_EXPOSURE;
	default:
		return NEED_VALUE | NEED_SHARE | NEED_NEFF;
	}
}

static int whole_count(double v)
{
	return isfinite(v) && v >= 0 && v <= TRENDS_COUNT_MAX && floor(v) == v;
}

static enum problem point_problem(const vbs_figure *f, unsigned needs)
{
	if (f->suppressed)
		return PROBLEM_SUPPRESSED;
	if ((needs & NEED_VALUE) && (!(f->has & FIG_VALUE) || !isfinite(f->value)))
		return PROBLEM_VALUE;
	if ((needs & NEED_COUNT) && !whole_count(f->value))
		return PROBLEM_VALUE;
	if ((needs & NEED_SHARE) && !(f->value >= 0 && f->value <= 1))
		return PROBLEM_VALUE;
	if ((needs & NEED_N) && (!(f->has & FIG_N) || !whole_count(f->n)))
		return PROBLEM_N;
	if ((needs & NEED_EXPOSURE) && !(isfinite(f->exposure) && f->exposure > 0))
		return PROBLEM_EXPOSURE;
	if ((needs & NEED_NEFF) && !(isfinite(f->neff) && f->neff > 0))
		return PROBLEM_NEFF;
	return PROBLEM_NONE;
}

/* The first unusable point of s in [from, to), as its index in *at. */
static enum problem first_problem(const series *s, size_t from, size_t to, unsigned needs,
                                  size_t *at)
{
	for (size_t i = from; i < to; i++) {
		enum problem p = point_problem(s->pts[i], needs);

		if (p != PROBLEM_NONE) {
			*at = i;
			return p;
		}
	}
	return PROBLEM_NONE;
}

/* The Swedish clause for a problem at period. */
static void problem_text(enum problem p, const char *period, char *buf, size_t size)
{
	switch (p) {
	case PROBLEM_SUPPRESSED:
		snprintf(buf, size, "värdet för %s är skyddat (..)", period);
		break;
	case PROBLEM_N:
		snprintf(buf, size, "antalet bakom takten för %s saknas", period);
		break;
	case PROBLEM_EXPOSURE:
		snprintf(buf, size, "befolkningen för %s saknas", period);
		break;
	case PROBLEM_NEFF:
		snprintf(buf, size, "det effektiva urvalet för %s saknas", period);
		break;
	default:
		snprintf(buf, size, "värdet för %s saknas", period);
		break;
	}
}

/* A Swedish sentence for a failed statistics call. */
static const char *status_text_sv(int status)
{
	switch (status) {
	case VBS_STATS_E_INVALID:
		return "ogiltiga indata";
	case VBS_STATS_E_SHORT:
		return "för få punkter";
	case VBS_STATS_E_DEGENERATE:
		return "skattningen finns inte";
	case VBS_STATS_E_NOCONV:
		return "anpassningen konvergerade inte";
	case VBS_STATS_E_NUMERIC:
		return "numeriskt fel";
	default:
		return "okänt fel";
	}
}

/* v with `digits` significant digits and a decimal comma, for notes. */
static void number_sv(double v, int digits, char *buf, size_t size)
{
	snprintf(buf, size, "%.*g", digits, v);
	for (char *c = buf; *c; c++)
		if (*c == '.')
			*c = ',';
}

/* Appends a sentence to note, separated by a space; cut at the buffer. */
static void note_add(char *note, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note_add(char *note, const char *fmt, ...)
{
	size_t len = strlen(note);
	va_list ap;

	if (len + 2 >= TRENDS_NOTE_MAX)
		return;
	if (len > 0) {
		note[len++] = ' ';
		note[len] = '\0';
	}
	va_start(ap, fmt);
	vsnprintf(note + len, TRENDS_NOTE_MAX - len, fmt, ap);
	va_end(ap);
}

/* Appends a row for method over the points first..last of s, with every
 * numeric field empty and no direction yet. NULL when out of memory. */
static vbs_trend *row_new(vbs_trends *out, const series *s, unsigned method, size_t first,
                          size_t last, vbs_error *err)
{
	vbs_trend *r;

	if (out->n == out->cap) {
		size_t cap = out->cap ? 2 * out->cap : 64;
		vbs_trend *p = realloc(out->rows, cap * sizeof(*p));

		if (!p) {
			error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory for trend tests");
			return NULL;
		}
		out->rows = p;
		out->cap = cap;
	}
	r = &out->rows[out->n++];
	memset(r, 0, sizeof(*r));
	r->report = s->report;
	r->source = s->pts[first]->source;
	r->indicator = s->pts[first]->indicator;
	r->dimension = "total";
	r->category = "alla";
	r->method = trends_method_name(method);
	r->method_bit = method;
	memcpy(r->first_period, s->pts[first]->period, sizeof(r->first_period));
	memcpy(r->last_period, s->pts[last]->period, sizeof(r->last_period));
	r->first_period[sizeof(r->first_period) - 1] = '\0';
	r->last_period[sizeof(r->last_period) - 1] = '\0';
	r->n_points = (int)(last - first + 1);
	r->direction = DIR_NONE;
	return r;
}

/* Sets a numeric field and its has-bit, only when v is finite. */
static void row_set(vbs_trend *r, unsigned bit, double v)
{
	if (!isfinite(v))
		return;
	switch (bit) {
	case TREND_HAS_STATISTIC:
		r->statistic = v;
		break;
	case TREND_HAS_P:
		r->p_value = v;
		break;
	case TREND_HAS_ESTIMATE:
		r->estimate = v;
		break;
	default:
		return;
	}
	r->has |= bit;
}

static void row_set_ci(vbs_trend *r, double lo, double hi)
{
	if (!isfinite(lo) || !isfinite(hi))
		return;
	r->ci_low = lo;
	r->ci_high = hi;
	r->has |= TREND_HAS_CI;
}

/* okande / minskande at p < 0.05 by the sign given, else ingen_sakerstalld. */
static void row_direction(vbs_trend *r, double sign)
{
	r->direction = DIR_NONE;
	if (!(r->has & TREND_HAS_P) || !(r->p_value < TRENDS_ALPHA))
		return;
	if (sign > 0)
		r->direction = DIR_UP;
	else if (sign < 0)
		r->direction = DIR_DOWN;
}

/* Appends a skip of methods on s with a note. -1 when out of memory. */
static int skip_add(vbs_trends *out, const series *s, unsigned methods, vbs_error *err,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static int skip_add(vbs_trends *out, const series *s, unsigned methods, vbs_error *err,
                    const char *fmt, ...)
{
	vbs_trend_skip *k;
	va_list ap;

	if (out->nskips == out->skips_cap) {
		size_t cap = out->skips_cap ? 2 * out->skips_cap : 16;
		vbs_trend_skip *p = realloc(out->skips, cap * sizeof(*p));

		if (!p)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
			                 "out of memory for trend tests");
		out->skips = p;
		out->skips_cap = cap;
	}
	k = &out->skips[out->nskips++];
	memset(k, 0, sizeof(*k));
	k->report = s->report;
	k->source = s->pts[0]->source;
	k->indicator = s->pts[0]->indicator;
	k->dimension = "total";
	k->category = "alla";
	k->methods = methods;
	k->n_points = (int)s->n;
	va_start(ap, fmt);
	vsnprintf(k->note, sizeof(k->note), fmt, ap);
	va_end(ap);
	return 0;
}

static int nomem(vbs_error *err)
{
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory for trend tests");
}

/* Mann–Kendall and Sen's slope, as far as bits ask for them. */
static int run_mk_sen(vbs_trends *out, const series *s, unsigned bits, vbs_error *err)
{
	vbs_mk_result mk;
	vbs_sen_result sen;
	int mst = trend_mann_kendall(s->t, s->x, s->n, &mk);
	int have_mk = mst == VBS_STATS_OK || mst == VBS_STATS_E_DEGENERATE;
	vbs_trend *r;

	if (mst == VBS_STATS_E_NOMEM)
		return nomem(err);
	if (bits & TREND_MANN_KENDALL) {
		if (!(r = row_new(out, s, TREND_MANN_KENDALL, 0, s->n - 1, err)))
			return -1;
		if (have_mk) {
			row_set(r, TREND_HAS_STATISTIC, mk.s);
			row_set(r, TREND_HAS_P, mk.p_value);
			if (mst == VBS_STATS_OK)
				row_set(r, TREND_HAS_ESTIMATE, mk.tau_b);
			row_direction(r, mk.s);
		}
		if (mst == VBS_STATS_E_DEGENERATE)
			note_add(r->note, "Alla värden är lika: S = 0 och p = 1; τ_b finns inte.");
		else if (mst == VBS_STATS_OK && mk.exact)
			note_add(r->note, "Exakt p-värde.");
		else if (mst == VBS_STATS_OK)
			note_add(r->note, "p-värde med normalapproximation (korrigerad för lika värden).");
		else
			note_add(r->note, "Testet kunde inte beräknas (%s).", status_text_sv(mst));
	}
	if (bits & TREND_SEN_SLOPE) {
		int sst = trend_sen(s->t, s->x, s->n, &sen);

		if (sst == VBS_STATS_E_NOMEM)
			return nomem(err);
		if (!(r = row_new(out, s, TREND_SEN_SLOPE, 0, s->n - 1, err)))
			return -1;
		if (sst == VBS_STATS_OK) {
			row_set(r, TREND_HAS_ESTIMATE, sen.slope);
			row_set_ci(r, sen.ci_low, sen.ci_high);
		} else {
			note_add(r->note, "Lutningen kunde inte beräknas (%s).", status_text_sv(sst));
		}
		if (have_mk) {
			/* Sen's p-value and direction are the Mann–Kendall test's. */
			row_set(r, TREND_HAS_P, mk.p_value);
			row_direction(r, mk.s);
		} else {
			note_add(r->note, "Mann–Kendall-testet kunde inte beräknas (%s).",
			         status_text_sv(mst));
		}
		if (mst == VBS_STATS_E_DEGENERATE)
			note_add(r->note, "Alla värden är lika: lutningen är 0.");
	}
	return 0;
}

/* The fields and note of a fitted Poisson or logistic trend. */
static void fill_fit(vbs_trend *r, int st, const vbs_glm_result *g, const char *degenerate)
{
	char phi[32];

	if (st == VBS_STATS_E_DEGENERATE) {
		note_add(r->note, "%s", degenerate);
		return;
	}
	if (st != VBS_STATS_OK) {
		note_add(r->note, "Anpassningen misslyckades (%s); fälten lämnas tomma.",
		         status_text_sv(st));
		return;
	}
	row_set(r, TREND_HAS_STATISTIC, g->statistic);
	row_set(r, TREND_HAS_P, g->p_value);
	row_set(r, TREND_HAS_ESTIMATE, g->ratio);
	row_set_ci(r, g->ratio_low, g->ratio_high);
	row_direction(r, g->b1);
	if (g->df > 0) {
		number_sv(g->phi, 3, phi, sizeof(phi));
		note_add(r->note, "Överspridning (φ = %s): p-värde och intervall med "
		         "t-fördelning, %.0f frihetsgrader.", phi, g->df);
	}
}

static int run_poisson(vbs_trends *out, const series *s, vbs_error *err)
{
	const double *offset = NULL;
	size_t missing = s->n;
	vbs_glm_result g;
	vbs_trend *r;
	int st;

	if (s->ind->offset_population) {
		for (size_t i = 0; i < s->n && missing == s->n; i++)
			if (!(isfinite(s->pts[i]->exposure) && s->pts[i]->exposure > 0))
				missing = i;
		if (missing == s->n) {
			for (size_t i = 0; i < s->n; i++)
				s->aux[i] = log(s->pts[i]->exposure);
			offset = s->aux;
		}
	}
	st = glm_fit_poisson(s->t, s->x, offset, s->n, NULL, &g);
	if (st == VBS_STATS_E_NOMEM)
		return nomem(err);
	if (st == VBS_STATS_E_SHORT)
		return skip_add(out, s, TREND_POISSON, err,
		                "Serien har bara %zu år; Poissontrenden kräver minst %d.", s->n,
		                TRENDS_FIT_MIN);
	if (!(r = row_new(out, s, TREND_POISSON, 0, s->n - 1, err)))
		return -1;
	if (offset)
		note_add(r->note, "Befolkningen är offset: trenden avser antal per invånare.");
	else if (s->ind->offset_population)
		note_add(r->note, "Utan befolkning som offset: befolkningen för %s saknas.",
		         s->pts[missing]->period);
	fill_fit(r, st, &g, "Trenden kan inte skattas: alla antal är noll, eller alla "
	         "finns i första eller i sista året.");
	return 0;
}

static int run_logistic(vbs_trends *out, const series *s, vbs_error *err)
{
	vbs_glm_result g;
	vbs_trend *r;
	int st;

	for (size_t i = 0; i < s->n; i++)
		s->aux[i] = s->pts[i]->neff;
	st = glm_fit_logistic(s->t, s->x, s->aux, s->n, NULL, &g);
	if (st == VBS_STATS_E_NOMEM)
		return nomem(err);
	if (st == VBS_STATS_E_SHORT)
		return skip_add(out, s, TREND_LOGISTIC, err,
		                "Serien har bara %zu år; den logistiska trenden kräver minst %d.",
		                s->n, TRENDS_FIT_MIN);
	if (!(r = row_new(out, s, TREND_LOGISTIC, 0, s->n - 1, err)))
		return -1;
	fill_fit(r, st, &g, "Trenden kan inte skattas: alla andelar är 0 eller 1, eller "
	         "åren skiljer helt andelar över 0 från andelar under 1.");
	return 0;
}

static double sign_of(double v)
{
	return (double)((v > 0) - (v < 0));
}

/* Change of a count or a rate between the last two points (§2). */
static int run_change_counts(vbs_trends *out, const series *s, vbs_error *err)
{
	const vbs_figure *a = s->pts[s->n - 2], *b = s->pts[s->n - 1];
	int rate = s->ind->kind == KIND_RATE;
	double k1 = rate ? a->n : a->value, k2 = rate ? b->n : b->value;
	double e1 = 1, e2 = 1;
	int exposed = rate || (s->ind->offset_population && a->exposure > 0 &&
	                       b->exposure > 0 && isfinite(a->exposure) &&
	                       isfinite(b->exposure));
	vbs_count_change c;
	vbs_trend *r;
	int st;

	if (exposed) {
		e1 = a->exposure;
		e2 = b->exposure;
	}
	st = change_test_counts(k1, k2, e1, e2, &c);
	if (st == VBS_STATS_E_NOMEM)
		return nomem(err);
	if (!(r = row_new(out, s, TREND_CHANGE, s->n - 2, s->n - 1, err)))
		return -1;
	if (st != VBS_STATS_OK) {
		note_add(r->note, "Jämförelsen kunde inte beräknas (%s).", status_text_sv(st));
		return 0;
	}
	row_set(r, TREND_HAS_STATISTIC, c.statistic);
	row_set(r, TREND_HAS_P, c.p_value);
	if (rate) {
		row_set(r, TREND_HAS_ESTIMATE, c.rate_difference * TRENDS_RATE_SCALE);
		row_direction(r, c.rate_difference);
		return 0;
	}
	row_set(r, TREND_HAS_ESTIMATE, c.difference);
	/* With populations the test is about the count per inhabitant, so the
	 * direction follows that difference, which the count's may not. */
	row_direction(r, exposed ? c.rate_difference : c.difference);
	if (exposed) {
		note_add(r->note, "Befolkningen används som exponering.");
		if (r->direction != DIR_NONE && sign_of(c.rate_difference) != sign_of(c.difference))
			note_add(r->note, "Riktningen avser antal per invånare, som ändrats åt "
			         "andra hållet än antalet.");
	}
	return 0;
}

/* Change of a survey share between the last two survey years (§3). */
static int run_change_shares(vbs_trends *out, const series *s, vbs_error *err)
{
	const vbs_figure *a = s->pts[s->n - 2], *b = s->pts[s->n - 1];
	vbs_share_change c;
	vbs_trend *r;
	int st = change_test_shares(a->value, a->neff, b->value, b->neff, &c);

	if (st == VBS_STATS_E_NOMEM)
		return nomem(err);
	if (!(r = row_new(out, s, TREND_CHANGE, s->n - 2, s->n - 1, err)))
		return -1;
	if (st == VBS_STATS_E_DEGENERATE) {
		note_add(r->note, "Testet finns inte: båda andelarna är 0 eller 1.");
		return 0;
	}
	if (st != VBS_STATS_OK) {
		note_add(r->note, "Jämförelsen kunde inte beräknas (%s).", status_text_sv(st));
		return 0;
	}
	row_set(r, TREND_HAS_STATISTIC, c.statistic);
	row_set(r, TREND_HAS_P, c.p_value);
	row_set(r, TREND_HAS_ESTIMATE, c.estimate);
	row_set_ci(r, c.ci_low, c.ci_high);
	row_direction(r, c.estimate);
	return 0;
}

/* The trend methods over the whole series. */
static int run_series_tests(vbs_trends *out, const series *s, int min_points, vbs_error *err)
{
	unsigned bits = s->ind->trends & TRENDS_OF_SERIES;
	const char *unit = s->ind->kind == KIND_SHARE ? "enkätår" : "år";
	char why[128];
	size_t at;
	enum problem p;

	if (!bits)
		return 0;
	p = first_problem(s, 0, s->n, needs_of_series(s->ind), &at);
	if (p != PROBLEM_NONE) {
		problem_text(p, s->pts[at]->period, why, sizeof(why));
		return skip_add(out, s, bits, err, "Trendtest görs inte: %s.", why);
	}
	if (s->n < (size_t)min_points)
		return skip_add(out, s, bits, err, "Serien har bara %zu %s; trendtest kräver minst %d.",
		                s->n, unit, min_points);
	if ((bits & (TREND_MANN_KENDALL | TREND_SEN_SLOPE)) && run_mk_sen(out, s, bits, err) != 0)
		return -1;
	if ((bits & TREND_POISSON) && run_poisson(out, s, err) != 0)
		return -1;
	if ((bits & TREND_LOGISTIC) && run_logistic(out, s, err) != 0)
		return -1;
	return 0;
}

static int is_total_of(const vbs_figure *f, const char *indicator, const char *report)
{
	return f->indicator && f->report && f->dimension && f->category &&
	       strcmp(f->indicator, indicator) == 0 && strcmp(f->report, report) == 0 &&
	       strcmp(f->dimension, "total") == 0 && strcmp(f->category, "alla") == 0;
}

/* A rate exists only for years with a population, so its last two rows
 * need not be the latest period and the one before. They must be the last
 * two periods of the count it divides (`of`), which has every period; the
 * first of those without a rate is returned in *missing (NULL when the
 * rows are the right ones, or the count is not in the table). */
static void rate_gap(const series *s, const char **missing)
{
	const vbs_figure *last = NULL, *prev = NULL;

	*missing = NULL;
	if (!s->ind->of[0])
		return;
	for (size_t i = 0; i < s->figs->n; i++) {
		if (is_total_of(&s->figs->rows[i], s->ind->of, s->report)) {
			prev = last;
			last = &s->figs->rows[i];
		}
	}
	if (last && last->year != s->pts[s->n - 1]->year)
		*missing = last->period;
	else if (prev && prev->year != s->pts[s->n - 2]->year)
		*missing = prev->period;
}

/* The change between the last two points. */
static int run_change(vbs_trends *out, const series *s, vbs_error *err)
{
	const char *unit = s->ind->kind == KIND_SHARE ? "enkätår" : "år";
	char why[128];
	size_t at;
	enum problem p;

	if (!(s->ind->trends & TREND_CHANGE))
		return 0;
	if (s->n < 2)
		return skip_add(out, s, TREND_CHANGE, err,
		                "Serien har bara %zu %s; jämförelsen med föregående kräver 2.",
		                s->n, unit);
	p = first_problem(s, s->n - 2, s->n, needs_of_change(s->ind), &at);
	if (p != PROBLEM_NONE) {
		problem_text(p, s->pts[at]->period, why, sizeof(why));
		return skip_add(out, s, TREND_CHANGE, err, "Jämförelsen med föregående görs inte: %s.",
		                why);
	}
	if (s->ind->kind == KIND_RATE) {
		const char *missing;

		rate_gap(s, &missing);
		if (missing) {
			problem_text(PROBLEM_EXPOSURE, missing, why, sizeof(why));
			return skip_add(out, s, TREND_CHANGE, err,
			                "Jämförelsen med föregående görs inte: %s.", why);
		}
	}
	if (s->ind->kind == KIND_SHARE)
		return run_change_shares(out, s, err);
	return run_change_counts(out, s, err);
}

static void series_free(series *s)
{
	free(s->pts);
	free(s->t);
	s->pts = NULL;
	s->t = s->x = s->aux = NULL;
	s->n = 0;
}

/* Collects the total series of ind in report; s->n = 0 when there is none. */
static int series_collect(const vbs_figures *figs, const vbs_indicator *ind,
                          const char *report, series *s, vbs_error *err)
{
	size_t n = 0, k = 0;

	memset(s, 0, sizeof(*s));
	s->figs = figs;
	s->ind = ind;
	s->report = report;
	for (size_t i = 0; i < figs->n; i++)
		n += (size_t)is_total_of(&figs->rows[i], ind->id, report);
	if (n == 0)
		return 0;
	s->pts = malloc(n * sizeof(*s->pts));
	s->t = malloc(3 * n * sizeof(*s->t));
	if (!s->pts || !s->t) {
		series_free(s);
		return nomem(err);
	}
	s->x = s->t + n;
	s->aux = s->t + 2 * n;
	for (size_t i = 0; i < figs->n && k < n; i++) {
		const vbs_figure *f = &figs->rows[i];

		if (!is_total_of(f, ind->id, report))
			continue;
		s->pts[k] = f;
		s->t[k] = (double)f->year;
		s->x[k] = f->value;
		s->aux[k] = 0;
		if (k > 0 && !(f->year > s->pts[k - 1]->year)) {
			error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
			          "internal error: the %s series of '%s' has period '%s' (year %d) "
			          "after '%s' (year %d); the figures must be one per year in time order",
			          report, ind->id, f->period, f->year, s->pts[k - 1]->period,
			          s->pts[k - 1]->year);
			series_free(s);
			return -1;
		}
		k++;
	}
	s->n = k;
	return 0;
}

int trends_build(const vbs_figures *figs, const vbs_indicators *defs, int min_points,
                 vbs_trends *out, vbs_error *err)
{
	size_t rows0 = out->n, skips0 = out->nskips;
	int trend_min = min_points < TRENDS_MK_MIN ? TRENDS_MK_MIN : min_points;
	series s = {0};

	for (int i = 0; i < defs->n; i++) {
		const vbs_indicator *ind = &defs->items[i];
		unsigned extra = ind->trends & ~kind_methods(ind->kind);

		if (!ind->trends)
			continue;
		if (extra) {
			unsigned bit = extra & -extra;

			error_set(err, VBS_E_CONFIG, defs->path, 0, NULL,
			          "indicator '%s': trend test '%s' does not apply to its kind; "
			          "remove it from the trend line",
			          ind->id, trends_method_name(bit) ? trends_method_name(bit) : "?");
			goto fail;
		}
		for (size_t r = 0; r < sizeof(reports) / sizeof(reports[0]); r++) {
			if (series_collect(figs, ind, reports[r], &s, err) != 0)
				goto fail;
			if (s.n == 0)
				continue;
			if (run_series_tests(out, &s, trend_min, err) != 0 ||
			    run_change(out, &s, err) != 0)
				goto fail;
			series_free(&s);
		}
	}
	return 0;
fail:
	series_free(&s);
	out->n = rows0;
	out->nskips = skips0;
	return -1;
}
