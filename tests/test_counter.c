/* test_counter: the counting engine on records built by hand, through a
 * test accessor: counts by period and category with a zero row for every
 * category and the extra fallback category only when used, multi-code
 * records counted once in each category, months of the current window
 * only, filters, first_period, persons, sums with unknown amounts, record
 * shares with Wilson intervals, rates only where the exposure is known and
 * positive, type-7 quantiles, statistics.md's reference values (Garwood
 * k = 0, 5, 52; Wilson 81/200; days 0,0,1,1,2,3,4,7,12,30 -> median 2.5,
 * p90 13.8), a 64-code set, and the configuration checks of
 * counter_dimensions and counter_filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures/counter.h"

#define REL_TOL 1e-6

enum { F_A, F_B, F_NFIELDS };

/* Set A: three codes and an extra fallback; set B: four themes, no
 * fallback (several per record); set W: 64 codes. */
static vbs_codesets cs;
static const vbs_codeset *set_a, *set_b, *set_w;

enum { A_X = 1, A_Y = 2, A_Z = 4, A_EXTRA = 8 };
enum { T1 = 1, T2 = 2, T3 = 4, T4 = 8 };

struct rec {
	int y, m, d;
	uint64_t a, b;
	int has_amount;
	double amount;
	int person;
};

struct recs {
	const struct rec *items;
	size_t n;
};

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static int32_t civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static int32_t rec_day(const void *ctx, size_t i)
{
	const struct rec *r = &((const struct recs *)ctx)->items[i];

	return civil(r->y, r->m, r->d);
}

static uint64_t rec_categories(const void *ctx, size_t i, int field)
{
	const struct rec *r = &((const struct recs *)ctx)->items[i];

	return field == F_A ? r->a : field == F_B ? r->b : 0;
}

static int rec_amount(const void *ctx, size_t i, double *value)
{
	const struct rec *r = &((const struct recs *)ctx)->items[i];

	if (!r->has_amount)
		return 0;
	*value = r->amount;
	return 1;
}

static int rec_person(const void *ctx, size_t i)
{
	return ((const struct recs *)ctx)->items[i].person;
}

static vbs_counter_records records(const struct recs *r)
{
	return (vbs_counter_records){.n = r->n, .ctx = r, .day = rec_day,
	                             .categories = rec_categories, .amount = rec_amount,
	                             .person = rec_person};
}

static void make_set(vbs_codeset *s, const char *name, int ncodes, const char *const *codes,
                     const char *extra)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof(s->name), "%s", name);
	for (int i = 0; i < ncodes; i++) {
		if (codes)
			snprintf(s->codes[i], sizeof(s->codes[i]), "%s", codes[i]);
		else
			snprintf(s->codes[i], sizeof(s->codes[i]), "w%02d", i);
	}
	s->ncodes = ncodes;
	s->fallback = extra ? ncodes : -1;
	if (extra)
		snprintf(s->fallback_name, sizeof(s->fallback_name), "%s", extra);
}

static int setup(void **state)
{
	static const char *const a[] = {"x", "y", "z"};
	static const char *const b[] = {"t1", "t2", "t3", "t4"};

	(void)state;
	memset(&cs, 0, sizeof(cs));
	snprintf(cs.path, sizeof(cs.path), "test/codesets.ini");
	make_set(&cs.sets[0], "set_a", 3, a, "Okänt");
	make_set(&cs.sets[1], "set_b", 4, b, NULL);
	make_set(&cs.sets[2], "set_w", 64, NULL, NULL);
	cs.nsets = 3;
	set_a = &cs.sets[0];
	set_b = &cs.sets[1];
	set_w = &cs.sets[2];
	return 0;
}

static int close_to(double got, double want)
{
	return fabs(got - want) <= REL_TOL * fmax(fabs(want), 1e-300);
}

/* ---- the main data set ---------------------------------------------------
 * As of 2025-10-31, first year 2023: vb 2023, 2024; windows 2023, 2024,
 * 2025 (1 January to 31 October). */
static const struct rec main_recs[] = {
	{2023, 3, 1, A_X, T1 | T2, 1, 10, 1},     /* R1 */
	{2023, 11, 15, A_Y, T2, 1, 5, 0},         /* R2: vb 2023, not the window */
	{2024, 2, 29, A_EXTRA, 0, 0, 0, 0},       /* R3: no theme, no amount */
	{2024, 7, 1, A_X, T1 | T3 | T4, 1, 7, 1}, /* R4 */
	{2025, 5, 5, A_Z, T4, 1, 2, 0},           /* R5 */
	{2025, 10, 31, A_X, T1, 1, 1, 1},         /* R6: the as-of day counts */
	{2025, 11, 1, A_X, T1, 1, 100, 1},        /* R7: after the as-of date */
	{2022, 12, 31, A_X, T1, 1, 100, 1},       /* R8: before the first year */
};
static const struct recs main_set = {main_recs, sizeof(main_recs) / sizeof(main_recs[0])};

#define W23 "2023-01-01..2023-10-31"
#define W24 "2024-01-01..2024-10-31"
#define W25 "2025-01-01..2025-10-31"

static vbs_periods pvb, pytd;

static void make_periods(void)
{
	if (periods_build(&pvb, "vb", 2023, civil(2025, 10, 31)) != 0 ||
	    periods_build(&pytd, "lagesbild", 2023, civil(2025, 10, 31)) != 0 || pvb.n != 2 ||
	    pytd.n != 3)
		fail_msg("periods_build failed");
}

static const vbs_counter_dim dims_ab[] = {
	{"dim_a", F_A, NULL}, {"dim_b", F_B, NULL},
};

/* A spec with both breakdowns; sets are filled in here (not constant). */
static vbs_counter_spec spec_of(const vbs_periods *p, counter_measure m, vbs_counter_dim *dims)
{
	dims[0] = dims_ab[0];
	dims[0].set = set_a;
	dims[1] = dims_ab[1];
	dims[1].set = set_b;
	return (vbs_counter_spec){.source = "src", .indicator = "ind", .periods = p,
	                          .measure = m, .interval = m == COUNTER_COUNT, .dims = dims,
	                          .ndims = 2};
}

static vbs_figures build(const struct recs *set, const vbs_counter_spec *s)
{
	vbs_counter_records r = records(set);
	vbs_figures out;
	vbs_error err;

	figures_init(&out);
	error_init(&err);
	if (counter_build(&r, s, &out, &err) != 0)
		fail_msg("counter_build(%s, %s) failed: %s", s->indicator, s->periods->report,
		         err.message);
	return out;
}

static const vbs_figure *row(const vbs_figures *t, const char *report, const char *period,
                             const char *dim, const char *cat)
{
	const vbs_figure *f = figures_find(t, report, "ind", period, dim, cat);

	if (!f)
		fail_msg("no row %s %s %s/%s", report, period, dim, cat);
	return f;
}

/* Expected counts (k) and persons of one cell. */
struct want_count {
	const char *report, *period, *dim, *cat;
	double k;
	long persons;
};

static const struct want_count counts[] = {
	{"vb", "2023", "total", "alla", 2, 1},
	{"vb", "2023", "dim_a", "x", 1, 1},
	{"vb", "2023", "dim_a", "y", 1, 0},
	{"vb", "2023", "dim_a", "z", 0, 0},
	{"vb", "2023", "dim_a", "Okänt", 0, 0},
	{"vb", "2023", "dim_b", "t1", 1, 1},
	{"vb", "2023", "dim_b", "t2", 2, 1},
	{"vb", "2023", "dim_b", "t3", 0, 0},
	{"vb", "2023", "dim_b", "t4", 0, 0},
	{"vb", "2024", "total", "alla", 2, 1},
	{"vb", "2024", "dim_a", "x", 1, 1},
	{"vb", "2024", "dim_a", "y", 0, 0},
	{"vb", "2024", "dim_a", "Okänt", 1, 0},
	{"vb", "2024", "dim_b", "t1", 1, 1},
	{"vb", "2024", "dim_b", "t2", 0, 0},
	{"vb", "2024", "dim_b", "t3", 1, 1},
	{"vb", "2024", "dim_b", "t4", 1, 1},
	{"lagesbild", W23, "total", "alla", 1, 1},
	{"lagesbild", W23, "dim_a", "y", 0, 0},
	{"lagesbild", W23, "dim_b", "t2", 1, 1},
	{"lagesbild", W24, "total", "alla", 2, 1},
	{"lagesbild", W24, "dim_a", "Okänt", 1, 0},
	{"lagesbild", W25, "total", "alla", 2, 1},
	{"lagesbild", W25, "dim_a", "x", 1, 1},
	{"lagesbild", W25, "dim_a", "z", 1, 0},
	{"lagesbild", W25, "dim_a", "Okänt", 0, 0},
	{"lagesbild", W25, "dim_b", "t1", 1, 1},
	{"lagesbild", W25, "dim_b", "t4", 1, 0},
	{"lagesbild", W25, "manad", "05", 1, 0},
	{"lagesbild", W25, "manad", "10", 1, 1},
	{"lagesbild", W25, "manad", "01", 0, 0},
};

static void test_counts(void **state)
{
	vbs_counter_dim dims[2];
	vbs_counter_spec s;
	vbs_figures vb, ytd;

	(void)state;
	make_periods();
	s = spec_of(&pvb, COUNTER_COUNT, dims);
	vb = build(&main_set, &s);
	s = spec_of(&pytd, COUNTER_COUNT, dims);
	s.months = 10;
	ytd = build(&main_set, &s);
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		const struct want_count *w = &counts[i];
		const vbs_figure *f = row(strcmp(w->report, "vb") ? &ytd : &vb, w->report, w->period,
		                          w->dim, w->cat);

		if (f->value != w->k || f->persons != w->persons || f->has != (FIG_VALUE | FIG_CI))
			fail_msg("%s %s %s/%s: k %g persons %ld has %u, want %g, %ld, value+interval",
			         w->report, w->period, w->dim, w->cat, f->value, f->persons, f->has,
			         w->k, w->persons);
		if (strcmp(f->source, "src") || f->exposure != 0 || f->suppressed)
			fail_msg("%s %s %s/%s: wrong source, exposure or suppressed", w->report,
			         w->period, w->dim, w->cat);
	}
	/* Rows: vb: 2 periods × (1 + 4 + 4); lagesbild: 3 × (1 + 4 + 4) + 10
	 * months (the extra Okänt is used in both reports). */
	if (vb.n != 2 * 9 || ytd.n != 3 * 9 + 10)
		fail_msg("%zu and %zu rows, want 18 and 37", vb.n, ytd.n);
	if (figures_find(&vb, "vb", "ind", "2023", "manad", "03") ||
	    figures_find(&ytd, "lagesbild", "ind", W24, "manad", "03") ||
	    figures_find(&ytd, "lagesbild", "ind", W25, "manad", "11"))
		fail_msg("months outside the current window or after the as-of month");
	if (vb.rows[0].year != 2023 || strcmp(vb.rows[0].dimension, "total") ||
	    strcmp(vb.rows[1].period, "2024"))
		fail_msg("the total comes first, period by period");
	figures_release(&vb);
	figures_release(&ytd);
}

/* The extra category only when a counted record has it: here a filter
 * leaves R3 out. */
static void test_extra_and_filters(void **state)
{
	vbs_counter_dim dims[2];
	vbs_counter_spec s;
	vbs_figures out;

	(void)state;
	make_periods();
	s = spec_of(&pvb, COUNTER_COUNT, dims);
	s.filters[s.nfilters++] = (vbs_counter_filter){F_A, A_X | A_Y | A_Z};
	out = build(&main_set, &s);
	if (figures_find(&out, "vb", "ind", "2024", "dim_a", "Okänt") ||
	    figures_find(&out, "vb", "ind", "2023", "dim_a", "Okänt"))
		fail_msg("the extra category is published though no counted record has it");
	if (out.n != 2 * 8 || row(&out, "vb", "2024", "total", "alla")->value != 1)
		fail_msg("%zu rows, want 16; the filter must drop R3", out.n);
	figures_release(&out);

	/* Two filters: A in {x} and B has t1: R1 (2023), R4 (2024). */
	s = spec_of(&pvb, COUNTER_COUNT, dims);
	s.filters[s.nfilters++] = (vbs_counter_filter){F_A, A_X};
	s.filters[s.nfilters++] = (vbs_counter_filter){F_B, T1};
	s.persons_all = 1;
	out = build(&main_set, &s);
	if (row(&out, "vb", "2023", "total", "alla")->value != 1 ||
	    row(&out, "vb", "2024", "total", "alla")->value != 1 ||
	    row(&out, "vb", "2024", "dim_b", "t3")->persons != 1)
		fail_msg("two filters must both pass; persons_all counts every record");
	figures_release(&out);

	/* first_period: the current window only. */
	s = spec_of(&pytd, COUNTER_COUNT, dims);
	s.first_period = pytd.n - 1;
	out = build(&main_set, &s);
	for (size_t i = 0; i < out.n; i++)
		if (strcmp(out.rows[i].period, W25) != 0)
			fail_msg("first_period: a row for %s", out.rows[i].period);
	if (out.n != 8)
		fail_msg("first_period: %zu rows, want 8 (Okänt unused in 2025)", out.n);
	figures_release(&out);
}

/* Sums: Σ of the known amounts, n = every record of the cell (R3 has no
 * amount but counts in n); a cell with records but no amount has no
 * value; one without records 0. */
static void test_sums(void **state)
{
	static const struct {
		const char *period, *dim, *cat;
		int has_value;
		double value, n;
	} want[] = {
		{"2023", "total", "alla", 1, 15, 2},
		{"2023", "dim_b", "t2", 1, 15, 2},
		{"2023", "dim_b", "t1", 1, 10, 1},
		{"2024", "total", "alla", 1, 7, 2},
		{"2024", "dim_a", "Okänt", 0, 0, 1},
		{"2024", "dim_a", "y", 1, 0, 0},
		{"2024", "dim_b", "t4", 1, 7, 1},
	};
	vbs_counter_dim dims[2];
	vbs_counter_spec s;
	vbs_figures out;

	(void)state;
	make_periods();
	s = spec_of(&pvb, COUNTER_SUM, dims);
	out = build(&main_set, &s);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const vbs_figure *f = row(&out, "vb", want[i].period, want[i].dim, want[i].cat);
		unsigned has = FIG_N | (want[i].has_value ? FIG_VALUE : 0);

		if (f->has != has || f->n != want[i].n || (want[i].has_value && f->value != want[i].value))
			fail_msg("sum %s %s/%s: has %u value %g n %g, want has %u value %g n %g",
			         want[i].period, want[i].dim, want[i].cat, f->has, f->value, f->n, has,
			         want[i].value, want[i].n);
	}
	figures_release(&out);
}

/* Shares: yes = A is x among the valid A (x, y, z); Wilson on the valid. */
static void test_shares(void **state)
{
	static struct rec many[200];
	struct recs many_set = {many, 200};
	vbs_counter_dim dims[2];
	vbs_counter_spec s;
	vbs_figures out;
	const vbs_figure *f;

	(void)state;
	make_periods();
	s = spec_of(&pvb, COUNTER_SHARE, dims);
	s.ndims = 0;
	s.filters[s.nfilters++] = (vbs_counter_filter){F_A, A_X | A_Y | A_Z};
	s.yes = (vbs_counter_filter){F_A, A_X};
	out = build(&main_set, &s);
	f = row(&out, "vb", "2023", "total", "alla");
	if (f->has != (FIG_VALUE | FIG_CI | FIG_N) || f->value != 0.5 || f->n != 2 ||
	    !close_to(f->ci_low, 0.09453120573) || !close_to(f->ci_high, 0.9054687943))
		fail_msg("share 1/2: %g [%.10g, %.10g] n %g", f->value, f->ci_low, f->ci_high, f->n);
	f = row(&out, "vb", "2024", "total", "alla");
	if (f->value != 1 || f->n != 1 || !close_to(f->ci_low, 0.2065493144) || f->ci_high != 1)
		fail_msg("share 1/1 (the unknown A of R3 left out): %g [%.10g, %.10g] n %g",
		         f->value, f->ci_low, f->ci_high, f->n);
	figures_release(&out);

	/* statistics.md §3: Wilson 81/200 -> [0.3393777128, 0.4742028992]. */
	for (int i = 0; i < 200; i++)
		many[i] = (struct rec){2024, 1 + i % 12, 1 + i % 28, i < 81 ? A_X : A_Y, 0, 0, 0, 0};
	out = build(&many_set, &s);
	f = row(&out, "vb", "2024", "total", "alla");
	if (!close_to(f->value, 0.405) || f->n != 200 || !close_to(f->ci_low, 0.3393777128) ||
	    !close_to(f->ci_high, 0.4742028992))
		fail_msg("Wilson 81/200: %.10g [%.10g, %.10g] n %g", f->value, f->ci_low, f->ci_high,
		         f->n);
	f = row(&out, "vb", "2023", "total", "alla");
	if (f->has != FIG_N || f->n != 0)
		fail_msg("a share of no record: has %u n %g, want n = 0 and no value", f->has, f->n);
	figures_release(&out);
}

/* Garwood references k = 0, 5, 52 (statistics.md §1). */
static void test_garwood_references(void **state)
{
	static struct rec many[52];
	struct recs set = {many, 52};
	vbs_counter_dim dims[2];
	vbs_counter_spec s;
	vbs_figures out;
	static const struct {
		const char *dim, *cat;
		double k, lo, hi;
	} want[] = {
		{"total", "alla", 52, 38.83608720, 68.19108174},
		{"dim_a", "x", 5, 1.623486390, 11.66833208},
		{"dim_a", "y", 47, 0, 0},
		{"dim_a", "z", 0, 0, 3.688879454},
	};

	(void)state;
	make_periods();
	for (int i = 0; i < 52; i++)
		many[i] = (struct rec){2023, 6, 1 + i % 28, i < 5 ? A_X : A_Y, 0, 0, 0, 0};
	s = spec_of(&pvb, COUNTER_COUNT, dims);
	out = build(&set, &s);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const vbs_figure *f = row(&out, "vb", "2023", want[i].dim, want[i].cat);

		if (f->value != want[i].k)
			fail_msg("%s/%s: k %g, want %g", want[i].dim, want[i].cat, f->value, want[i].k);
		if (want[i].hi > 0 && (!close_to(f->ci_low, want[i].lo) ||
		                       !close_to(f->ci_high, want[i].hi)))
			fail_msg("k = %g: [%.10g, %.10g], want [%.10g, %.10g]", want[i].k, f->ci_low,
			         f->ci_high, want[i].lo, want[i].hi);
	}
	figures_release(&out);
	/* Without `interval`: a count with no interval (klotter_ej_sanerade). */
	s.interval = 0;
	out = build(&set, &s);
	if (row(&out, "vb", "2023", "total", "alla")->has != FIG_VALUE)
		fail_msg("a count without interval still has one");
	figures_release(&out);
}

/* Rates: exposure 2023 total 1 000, A x 500, A y 0 (no row: never Inf),
 * everything else unknown (no row); rows in both reports. */
static int exposure_of(const void *ctx, int year, int field, int category, double *value)
{
	(void)ctx;
	if (year != 2023)
		return -1;
	if (field == COUNTER_FIELD_TOTAL && category == 0)
		*value = 1000;
	else if (field == F_A && category == 0)
		*value = 500;
	else if (field == F_A && category == 1)
		*value = 0;
	else
		return -1;
	return 0;
}

static void test_rates(void **state)
{
	static const struct {
		const char *report, *period, *dim, *cat;
		double k, exposure, value, lo, hi;
	} want[] = {
		/* Garwood k = 2: [0.2422092785, 7.224687668]; k = 1:
		 * [0.02531780798, 5.571643391] */
		{"vb", "2023", "total", "alla", 2, 1000, 20, 2.422092785, 72.24687668},
		{"vb", "2023", "dim_a", "x", 1, 500, 20, 0.5063561596, 111.4328678},
		{"lagesbild", W23, "total", "alla", 1, 1000, 10, 0.2531780798, 55.71643391},
		{"lagesbild", W23, "dim_a", "x", 1, 500, 20, 0.5063561596, 111.4328678},
	};
	vbs_counter_dim dims[2];
	vbs_counter_spec s;
	vbs_figures out[2];
	size_t n = 0;

	(void)state;
	make_periods();
	for (int r = 0; r < 2; r++) {
		s = spec_of(r ? &pytd : &pvb, COUNTER_RATE, dims);
		s.exposure = exposure_of;
		out[r] = build(&main_set, &s);
		n += out[r].n;
	}
	if (n != sizeof(want) / sizeof(want[0]))
		fail_msg("%zu rate rows, want %zu: only where the exposure is known and > 0", n,
		         sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const vbs_figure *f = row(&out[strcmp(want[i].report, "vb") != 0], want[i].report,
		                          want[i].period, want[i].dim, want[i].cat);

		if (f->has != (FIG_VALUE | FIG_CI | FIG_N) || f->n != want[i].k ||
		    f->exposure != want[i].exposure || !close_to(f->value, want[i].value) ||
		    !close_to(f->ci_low, want[i].lo) || !close_to(f->ci_high, want[i].hi))
			fail_msg("rate %s %s %s/%s: %.10g [%.10g, %.10g] n %g exposure %g", want[i].report,
			         want[i].period, want[i].dim, want[i].cat, f->value, f->ci_low,
			         f->ci_high, f->n, f->exposure);
	}
	figures_release(&out[0]);
	figures_release(&out[1]);

	/* A count with the same callback carries the exposure, 0 where none. */
	s = spec_of(&pvb, COUNTER_COUNT, dims);
	s.exposure = exposure_of;
	out[0] = build(&main_set, &s);
	if (row(&out[0], "vb", "2023", "total", "alla")->exposure != 1000 ||
	    row(&out[0], "vb", "2023", "dim_a", "x")->exposure != 500 ||
	    row(&out[0], "vb", "2023", "dim_a", "y")->exposure != 0 ||
	    row(&out[0], "vb", "2024", "total", "alla")->exposure != 0)
		fail_msg("count exposures: the known positive one, else 0");
	figures_release(&out[0]);
}

/* Quantiles: statistics.md §6's days in shuffled order, in 2024; split by
 * A: x 30,0,7,1,12 (median 7, p90 22.8), y 0,4,2,1,3 (median 2, p90 3.6),
 * z none (no value, n = 0); 2023 a single 5. Records without an amount
 * are left out. */
static const struct rec days_recs[] = {
	{2024, 1, 2, A_X, 0, 1, 30, 0}, {2024, 2, 3, A_X, 0, 1, 0, 0},
	{2024, 3, 4, A_X, 0, 1, 7, 0},  {2024, 4, 5, A_X, 0, 1, 1, 0},
	{2024, 5, 6, A_X, 0, 1, 12, 0}, {2024, 6, 7, A_Y, 0, 1, 0, 0},
	{2024, 7, 8, A_Y, 0, 1, 4, 0},  {2024, 8, 9, A_Y, 0, 1, 2, 0},
	{2024, 9, 10, A_Y, 0, 1, 1, 0}, {2024, 10, 11, A_Y, 0, 1, 3, 0},
	{2024, 11, 12, A_Z, 0, 0, 99, 0}, {2023, 5, 5, A_X, 0, 1, 5, 0},
};

static void test_quantiles(void **state)
{
	static const struct {
		double q;
		const char *period, *cat;
		int has_value;
		double value, n;
	} want[] = {
		{0.5, "2024", "alla", 1, 2.5, 10}, {0.9, "2024", "alla", 1, 13.8, 10},
		{0.5, "2024", "x", 1, 7, 5},       {0.9, "2024", "x", 1, 22.8, 5},
		{0.5, "2024", "y", 1, 2, 5},       {0.9, "2024", "y", 1, 3.6, 5},
		{0.5, "2024", "z", 0, 0, 0},       {0.9, "2023", "alla", 1, 5, 1},
		{0.0, "2024", "alla", 1, 0, 10},   {1.0, "2024", "alla", 1, 30, 10},
	};
	struct recs set = {days_recs, sizeof(days_recs) / sizeof(days_recs[0])};
	vbs_counter_dim dims[2];
	vbs_counter_spec s;

	(void)state;
	make_periods();
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		vbs_figures out;
		const vbs_figure *f;
		unsigned has = FIG_N | (want[i].has_value ? FIG_VALUE : 0);

		s = spec_of(&pvb, COUNTER_QUANTILE, dims);
		s.ndims = 1;
		s.quantile = want[i].q;
		out = build(&set, &s);
		f = row(&out, "vb", want[i].period, strcmp(want[i].cat, "alla") ? "dim_a" : "total",
		        want[i].cat);
		if (f->has != has || f->n != want[i].n ||
		    (want[i].has_value && !close_to(f->value, want[i].value)))
			fail_msg("quantile %g %s %s: has %u value %.10g n %g, want has %u value %g n %g",
			         want[i].q, want[i].period, want[i].cat, f->has, f->value, f->n, has,
			         want[i].value, want[i].n);
		figures_release(&out);
	}
}

/* A 64-code set: bits 0, 31 and 63 of one record each counted once. */
static void test_wide_set(void **state)
{
	static const struct rec wide[] = {
		{2023, 1, 1, (UINT64_C(1) << 63) | (UINT64_C(1) << 31) | 1, 0, 0, 0, 0},
		{2023, 1, 2, UINT64_C(1) << 63, 0, 0, 0, 0},
	};
	struct recs set = {wide, 2};
	vbs_counter_dim dims[1] = {{"wide", F_A, NULL}};
	vbs_counter_spec s = {.source = "src", .indicator = "ind", .measure = COUNTER_COUNT,
	                      .dims = dims, .ndims = 1};
	vbs_figures out;

	(void)state;
	make_periods();
	dims[0].set = set_w;
	s.periods = &pvb;
	out = build(&set, &s);
	if (row(&out, "vb", "2023", "wide", "w63")->value != 2 ||
	    row(&out, "vb", "2023", "wide", "w31")->value != 1 ||
	    row(&out, "vb", "2023", "wide", "w00")->value != 1 ||
	    row(&out, "vb", "2023", "wide", "w01")->value != 0 ||
	    row(&out, "vb", "2023", "total", "alla")->value != 2 || out.n != 2 * 65)
		fail_msg("a 64-code set: wrong counts or rows (%zu)", out.n);
	figures_release(&out);
}

static void test_first_year(void **state)
{
	vbs_counter_records r = records(&main_set);
	struct recs none = {main_recs, 0};
	vbs_counter_records rn = records(&none);

	(void)state;
	if (counter_first_year(&r, civil(2025, 10, 31)) != 2022 ||
	    counter_first_year(&r, civil(2022, 12, 30)) != -1 ||
	    counter_first_year(&r, civil(2022, 12, 31)) != 2022 ||
	    counter_first_year(&rn, civil(2025, 10, 31)) != -1)
		fail_msg("counter_first_year: wrong year");
}

/* counter_dimensions and counter_filter against a hand-built mapping. */
static void test_config(void **state)
{
	static vbs_mapping m;
	static const vbs_counter_field fields[] = {{"a", F_A}, {"b", F_B}};
	static const struct {
		const char *name, *dim;
		int ok;
	} dim_cases[] = {
		{"a code column", "a", 1},
		{"a multi-code column", "b", 1},
		{"a column the mapping lacks", "stadsdel", 0},
		{"a date column", "d", 0},
		{"a code column the records do not keep", "c", 0},
	};
	vbs_indicator ind = {.id = "ind", .source = "src"};
	vbs_counter_dim dims[INDICATOR_DIMS_MAX];
	vbs_counter_filter flt;
	vbs_error err;

	(void)state;
	memset(&m, 0, sizeof(m));
	snprintf(m.path, sizeof(m.path), "test/sources/src.ini");
	snprintf(m.source, sizeof(m.source), "src");
	m.columns[0] = (vbs_column){.id = "a", .type = FIELD_CODE, .codeset = 0};
	m.columns[1] = (vbs_column){.id = "b", .type = FIELD_CODES, .codeset = 1};
	m.columns[2] = (vbs_column){.id = "c", .type = FIELD_CODE, .codeset = 0};
	m.columns[3] = (vbs_column){.id = "d", .type = FIELD_DATE, .codeset = -1};
	m.ncolumns = 4;
	for (size_t i = 0; i < sizeof(dim_cases) / sizeof(dim_cases[0]); i++) {
		int n;

		ind.ndimensions = 1;
		snprintf(ind.dimensions[0], sizeof(ind.dimensions[0]), "%s", dim_cases[i].dim);
		error_init(&err);
		n = counter_dimensions(&ind, "test/indicators.ini", &m, &cs, fields, 2, dims, &err);
		if (dim_cases[i].ok && (n != 1 || dims[0].field != fields[i].field ||
		                        strcmp(dims[0].id, dim_cases[i].dim) != 0))
			fail_msg("case '%s': %d dims (%s)", dim_cases[i].name, n, err.message);
		if (!dim_cases[i].ok && (n != -1 || err.code != VBS_E_CONFIG ||
		                         strcmp(err.file, "test/indicators.ini") != 0))
			fail_msg("case '%s': %d, code %d, file '%s'; want VBS_E_CONFIG naming indicators.ini",
			         dim_cases[i].name, n, err.code, err.file);
	}
	ind.ndimensions = 2;
	snprintf(ind.dimensions[0], sizeof(ind.dimensions[0]), "a");
	snprintf(ind.dimensions[1], sizeof(ind.dimensions[1]), "a");
	error_init(&err);
	if (counter_dimensions(&ind, "test/indicators.ini", &m, &cs, fields, 2, dims, &err) != -1 ||
	    err.code != VBS_E_CONFIG)
		fail_msg("a dimension listed twice is not a configuration error");

	/* Filters: codes named, the valid codes (no fallback), an unknown code. */
	{
		static const char yes[][INDICATOR_CODE_MAX] = {"Y", "z"};
		static const char bad[][INDICATOR_CODE_MAX] = {"w"};

		error_init(&err);
		if (counter_filter(&ind, "test/indicators.ini", &m, &cs, fields, 2, "a", yes, 2, &flt,
		                   &err) != 0 || flt.field != F_A || flt.codes != (A_Y | A_Z))
			fail_msg("filter on y, z: %s", err.message);
		if (counter_filter(&ind, "test/indicators.ini", &m, &cs, fields, 2, "a", NULL, 0, &flt,
		                   &err) != 0 || flt.codes != (A_X | A_Y | A_Z))
			fail_msg("the valid codes of set A are x, y, z (not its fallback)");
		if (counter_filter(&ind, "test/indicators.ini", &m, &cs, fields, 2, "a", bad, 1, &flt,
		                   &err) != -1 || err.code != VBS_E_CONFIG ||
		    strcmp(err.file, "test/indicators.ini") != 0)
			fail_msg("an unknown code is not a configuration error naming indicators.ini");
		error_init(&err);
		if (counter_filter(&ind, "test/indicators.ini", &m, &cs, fields, 2, "d", bad, 1, &flt,
		                   &err) != -1 || err.code != VBS_E_CONFIG)
			fail_msg("a filter on a date column is not a configuration error");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_extra_and_filters),
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_shares),
		cmocka_unit_test(test_garwood_references),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_quantiles),
		cmocka_unit_test(test_wide_set),
		cmocka_unit_test(test_first_year),
		cmocka_unit_test(test_config),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
