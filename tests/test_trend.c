/* test_trend: Mann–Kendall, tau_b and Sen's slope against statistics.md §4,
 * hand-derived edge cases, independent exact references and properties. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>
#include <gsl/gsl_errno.h>

#include "stats/stats_status.h"
#include "stats/trend.h"

/* statistics.md: relative 1e-6; values below 1e-8 (p-values): absolute 1e-12. */
#define REL_TOL 1e-6
#define ABS_TOL_SMALL 1e-12
#define SMALL 1e-8
#define MAX_N 64

static void check_close(const char *name, const char *what, double got, double want)
{
	int ok;

	if (!isfinite(got))
		fail_msg("case '%s': %s is not finite (%g), want %.12g", name, what, got, want);
	if (fabs(want) < SMALL)
		ok = fabs(got - want) <= ABS_TOL_SMALL;
	else
		ok = fabs(got - want) <= REL_TOL * fabs(want);
	if (!ok)
		fail_msg("case '%s': %s = %.12g, want %.12g (rel. error %.3g)", name, what,
		         got, want, fabs(got - want) / fmax(fabs(want), 1e-300));
}

static void check_status(const char *name, const char *what, int got, int want)
{
	if (got != want)
		fail_msg("case '%s': %s returned %d (%s), want %d (%s)", name, what, got,
		         stats_status_text(got), want, stats_status_text(want));
}

/* t = 0, 1, ..., n−1. */
static void fill_index(double *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		t[i] = (double)i;
}

/* Two-sided normal p with continuity correction, from libm's erfc (not
 * GSL), for hand-derived normal-path cases. */
static double normal_p(double s, double var_s)
{
	double z = (s - (double)((s > 0) - (s < 0))) / sqrt(var_s);

	return erfc(fabs(z) / sqrt(2.0));
}

/* One row of the reference table: everything statistics.md §4 gives, or
 * that is derived by hand in the comment of the row. */
struct mk_case {
	const char *name;
	size_t n;
	double x[MAX_N];
	int mk_status;
	double s, var_s, p, tau_b;
	int exact;
	double sen, sen_lo, sen_hi;
};

static const struct mk_case mk_cases[] = {
	/* statistics.md §4, table row 1. Var S = 8·7·21/18 = 196/3 (the table
	 * prints 65.3333). */
	{ .name = "spec row 1 (exact)", .n = 8,
	  .x = { 12, 15, 14, 18, 21, 19, 25, 27 },
	  .s = 24, .var_s = 196.0 / 3.0, .p = 0.001736111111, .tau_b = 0.8571428571,
	  .exact = 1, .sen = 2, .sen_lo = 1.4, .sen_hi = 3 },
	/* statistics.md §4, table row 2 (ties 31, 31 and 28, 28: normal path). */
	{ .name = "spec row 2 (normal, ties)", .n = 10,
	  .x = { 34, 31, 36, 31, 29, 28, 28, 25, 27, 22 },
	  .s = -37, .var_s = 123, .p = 0.001170344469, .tau_b = -0.8411263520,
	  .exact = 0, .sen = -1.25, .sen_lo = -1.5, .sen_hi = -0.6666666667 },
	/* statistics.md §4, table row 3. Var S = 6·5·17/18 = 85/3. */
	{ .name = "spec row 3 (exact)", .n = 6, .x = { 5, 7, 6, 9, 11, 10 },
	  .s = 11, .var_s = 85.0 / 3.0, .p = 0.05555555556, .tau_b = 0.7333333333,
	  .exact = 1, .sen = 1.333333333, .sen_lo = -1, .sen_hi = 2.5 },
	/* n = 5 increasing: S = N = 10, only the identity permutation has no
	 * inversion, p = 2/5! = 1/60; tau_b = 1; every slope is 1. */
	{ .name = "n=5 increasing", .n = 5, .x = { 1, 2, 3, 4, 5 },
	  .s = 10, .var_s = 5 * 4 * 15 / 18.0, .p = 1.0 / 60.0, .tau_b = 1,
	  .exact = 1, .sen = 1, .sen_lo = 1, .sen_hi = 1 },
	/* n = 5 with one adjacent swap: S = 8, P(I <= 1) = (1 + 4)/120, so
	 * p = 10/120 = 1/12; tau_b = 0.8. Slopes sorted:
	 * -1, 0.5, 0.5, 0.6667, 1, 1, 1, 1.5, 2, 2; median (1 + 1)/2 = 1;
	 * C = 1.959964·sqrt(50/3) = 8.0015, ranks rint(0.9993) = 1 and
	 * rint(10.0007) = 10: [-1, 2]. */
	{ .name = "n=5 one swap", .n = 5, .x = { 1, 2, 4, 3, 5 },
	  .s = 8, .var_s = 50.0 / 3.0, .p = 1.0 / 12.0, .tau_b = 0.8,
	  .exact = 1, .sen = 1, .sen_lo = -1, .sen_hi = 2 },
	/* All zeros: every value tied, Var S = 0: S = 0, p = 1, no tau
	 * (statistics.md §4); every slope is 0. */
	{ .name = "all zeros", .n = 6, .x = { 0, 0, 0, 0, 0, 0 },
	  .mk_status = VBS_STATS_E_DEGENERATE, .s = 0, .var_s = 0, .p = 1, .tau_b = 0,
	  .exact = 0, .sen = 0, .sen_lo = 0, .sen_hi = 0 },
	{ .name = "all ties at 4", .n = 7, .x = { 4, 4, 4, 4, 4, 4, 4 },
	  .mk_status = VBS_STATS_E_DEGENERATE, .s = 0, .var_s = 0, .p = 1, .tau_b = 0,
	  .exact = 0, .sen = 0, .sen_lo = 0, .sen_hi = 0 },
	/* A single non-zero year in the middle: 0,0,0,7,0,0. S = 3 − 2 = 1,
	 * five tied zeros: Var S = (510 − 5·4·15)/18 = 35/3; z = 0 → p = 1;
	 * tau_b = 1/sqrt((15 − 10)·15). Slopes: ten 0, 7/3, 7/2, 7, −7, −3.5;
	 * median 0; C = 6.694, ranks 4 and 12 are both 0. */
	{ .name = "single non-zero year (middle)", .n = 6, .x = { 0, 0, 0, 7, 0, 0 },
	  .s = 1, .var_s = 35.0 / 3.0, .p = 1, .tau_b = 0.1154700538,
	  .exact = 0, .sen = 0, .sen_lo = 0, .sen_hi = 0 },
	/* A single non-zero last year: 0,0,0,0,0,9. S = 5, Var S = 35/3,
	 * p from z = 4/sqrt(35/3) (normal_p, below); tau_b = 5/sqrt(75).
	 * Slopes: ten 0 and 9/5, 9/4, 3, 4.5, 9; median 0; C = 6.6946, ranks
	 * rint(4.153) = 4 and rint(11.847) = 12: 0 and 9/4. */
	{ .name = "single non-zero year (last)", .n = 6, .x = { 0, 0, 0, 0, 0, 9 },
	  .s = 5, .var_s = 35.0 / 3.0, .p = -1 /* normal_p */, .tau_b = 0.5773502692,
	  .exact = 0, .sen = 0, .sen_lo = 0, .sen_hi = 2.25 },
	/* n = 2: S = 1, P(S >= 1) = 1/2, p = min(1, 2·1/2) = 1. */
	{ .name = "n=2", .n = 2, .x = { 3, 8 }, .s = 1, .var_s = 2 * 1 * 9 / 18.0,
	  .p = 1, .tau_b = 1, .exact = 1, .sen = 5, .sen_lo = 5, .sen_hi = 5 },
};

static void test_mann_kendall_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof mk_cases / sizeof mk_cases[0]; i++) {
		const struct mk_case *c = &mk_cases[i];
		double t[MAX_N];
		vbs_mk_result r;
		double want_p = c->p < 0 ? normal_p(c->s, c->var_s) : c->p;

		fill_index(t, c->n);
		check_status(c->name, "trend_mann_kendall", trend_mann_kendall(t, c->x, c->n, &r),
		             c->mk_status);
		check_close(c->name, "S", r.s, c->s);
		check_close(c->name, "Var S", r.var_s, c->var_s);
		check_close(c->name, "p", r.p_value, want_p);
		check_close(c->name, "tau_b", r.tau_b, c->tau_b);
		if (r.exact != c->exact)
			fail_msg("case '%s': exact flag %d, want %d", c->name, r.exact, c->exact);
	}
}

static void test_sen_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof mk_cases / sizeof mk_cases[0]; i++) {
		const struct mk_case *c = &mk_cases[i];
		double t[MAX_N];
		vbs_sen_result r;

		fill_index(t, c->n);
		check_status(c->name, "trend_sen", trend_sen(t, c->x, c->n, &r), VBS_STATS_OK);
		check_close(c->name, "Sen slope", r.slope, c->sen);
		check_close(c->name, "Sen lower limit", r.ci_low, c->sen_lo);
		check_close(c->name, "Sen upper limit", r.ci_high, c->sen_hi);
	}
}

/* Mann–Kendall only uses the order of t; Sen divides by the time gaps:
 * survey years two apart halve the per-step slope. Series of spec row 3 at
 * t = 2014, 2016, ..., 2024: slopes and limits are those of the row / 2. */
static void test_sen_uneven_years(void **state)
{
	static const double t[] = { 2014, 2016, 2018, 2020, 2022, 2024 };
	static const double x[] = { 5, 7, 6, 9, 11, 10 };
	vbs_sen_result r;
	vbs_mk_result m;

	(void)state;
	check_status("two-year steps", "trend_sen", trend_sen(t, x, 6, &r), VBS_STATS_OK);
	check_close("two-year steps", "Sen slope", r.slope, 1.333333333 / 2);
	check_close("two-year steps", "Sen lower limit", r.ci_low, -0.5);
	check_close("two-year steps", "Sen upper limit", r.ci_high, 1.25);
	check_status("two-year steps", "trend_mann_kendall", trend_mann_kendall(t, x, 6, &m),
	             VBS_STATS_OK);
	check_close("two-year steps", "p", m.p_value, 0.05555555556);
}

/* The independent references below come from tests/data/stats/mk_reference.py
 * (exact Mahonian numbers with Python big integers, and math.erfc for the
 * normal path); see that file. The n=49 series is random.Random(49),
 * 0.8·i + U(0, 100) rounded to 0.1, no ties. */
static const double x49[49] = {
	6.7, 42.1, 12.7, 77.6, 54.3, 9.0, 9.3, 79.2, 21.8, 80.6, 71.0, 59.2, 95.2,
	70.7, 68.5, 52.0, 37.7, 27.4, 56.7, 52.8, 93.2, 43.6, 57.5, 113.0, 81.2,
	86.1, 89.6, 112.6, 43.0, 100.2, 30.6, 50.3, 85.2, 58.2, 76.0, 50.2, 72.5,
	90.8, 99.7, 69.1, 128.6, 110.5, 88.4, 88.6, 50.1, 55.9, 45.3, 131.8, 121.3
};

/* n = 49, no ties: the last length with the exact distribution.
 * Reference: S = 376, exact p = 0.0010394006185132643 (exact fraction).
 * Reversing the series negates S and, the distribution of S being
 * symmetric, keeps p. */
static void test_mk_n49_exact(void **state)
{
	double t[49], rev[49];
	vbs_mk_result r;
	size_t i;

	(void)state;
	fill_index(t, 49);
	check_status("n=49", "trend_mann_kendall", trend_mann_kendall(t, x49, 49, &r),
	             VBS_STATS_OK);
	if (!r.exact)
		fail_msg("case 'n=49': the normal path was used, want the exact distribution");
	check_close("n=49", "S", r.s, 376);
	check_close("n=49", "exact p", r.p_value, 0.0010394006185132643);
	check_close("n=49", "Var S", r.var_s, 49.0 * 48 * 103 / 18);
	check_close("n=49", "tau_b", r.tau_b, 376.0 / (49 * 48 / 2));
	/* The normal approximation for the same S is 0.0012273862128079575
	 * (mk_reference.py): the exact value must not be it. */
	if (fabs(r.p_value - 0.0012273862128079575) < 1e-5)
		fail_msg("case 'n=49': p %.12g equals the normal approximation", r.p_value);
	for (i = 0; i < 49; i++)
		rev[i] = x49[48 - i];
	check_status("n=49 reversed", "trend_mann_kendall", trend_mann_kendall(t, rev, 49, &r),
	             VBS_STATS_OK);
	check_close("n=49 reversed", "S", r.s, -376);
	check_close("n=49 reversed", "exact p", r.p_value, 0.0010394006185132643);
}

/* n = 49 with one tie (last value replaced by the first, 6.7): ties send
 * it to the normal path. Reference: S = 285, Var S = 13457.666...
 * (= (49·48·103 − 2·1·9)/18), p = 0.0143602123725255. */
static void test_mk_n49_tie_normal(void **state)
{
	double t[49], x[49];
	vbs_mk_result r;
	size_t i;

	(void)state;
	fill_index(t, 49);
	for (i = 0; i < 49; i++)
		x[i] = x49[i];
	x[48] = x49[0];
	check_status("n=49 one tie", "trend_mann_kendall", trend_mann_kendall(t, x, 49, &r),
	             VBS_STATS_OK);
	if (r.exact)
		fail_msg("case 'n=49 one tie': exact path used on a tied series");
	check_close("n=49 one tie", "S", r.s, 285);
	check_close("n=49 one tie", "Var S", r.var_s, (49.0 * 48 * 103 - 18) / 18);
	check_close("n=49 one tie", "p", r.p_value, 0.0143602123725255);
}

/* n = 50, no ties: the first length with the normal approximation. The
 * series is the n=49 one plus 55.5. Reference: S = 363, Var S = 50·49·105/18
 * = 14291.666..., normal p = 0.0024611413612515023; the exact p
 * (0.0021864469195117457) is what the method must NOT give here. */
static void test_mk_n50_normal(void **state)
{
	double t[50], x[50];
	vbs_mk_result r;
	size_t i;

	(void)state;
	fill_index(t, 50);
	for (i = 0; i < 49; i++)
		x[i] = x49[i];
	x[49] = 55.5;
	check_status("n=50", "trend_mann_kendall", trend_mann_kendall(t, x, 50, &r),
	             VBS_STATS_OK);
	if (r.exact)
		fail_msg("case 'n=50': exact path used, want the normal approximation");
	check_close("n=50", "S", r.s, 363);
	check_close("n=50", "Var S", r.var_s, 50.0 * 49 * 105 / 18);
	check_close("n=50", "normal p", r.p_value, 0.0024611413612515023);
	check_close("n=50", "tau_b", r.tau_b, 363.0 / (50 * 49 / 2));
}

/* n = 49 and n = 50 monotone: S = N. Exact p at 49 is 2/49! (about
 * 3e-62, compared with absolute 1e-12); at 50 the normal p is
 * erfc(((N − 1)/sqrt(Var S))/sqrt 2). */
static void test_mk_monotone_49_50(void **state)
{
	double t[50], x[50];
	vbs_mk_result r;

	(void)state;
	fill_index(t, 50);
	fill_index(x, 50);
	check_status("n=49 increasing", "trend_mann_kendall", trend_mann_kendall(t, x, 49, &r),
	             VBS_STATS_OK);
	check_close("n=49 increasing", "S", r.s, 1176);
	check_close("n=49 increasing", "p", r.p_value, 0.0);
	if (!(r.p_value > 0.0))
		fail_msg("case 'n=49 increasing': exact p %g must be positive", r.p_value);
	check_status("n=50 increasing", "trend_mann_kendall", trend_mann_kendall(t, x, 50, &r),
	             VBS_STATS_OK);
	check_close("n=50 increasing", "S", r.s, 1225);
	check_close("n=50 increasing", "p", r.p_value, normal_p(1225, 50.0 * 49 * 105 / 18));
}

/* Brute force: all 7! permutations of 0..6 give the exact distribution of
 * S by enumeration, independently of the recurrence. For each attainable S
 * one permutation with that S is run through trend_mann_kendall and its
 * p compared with min(1, 2·#{S' >= |S|}/7!). */
static void test_mk_exact_enumeration(void **state)
{
	enum { N = 7, FACT = 5040, SMAX = N * (N - 1) / 2 };
	long count[2 * SMAX + 1] = { 0 };
	double example[2 * SMAX + 1][N];
	int seen[2 * SMAX + 1] = { 0 };
	int perm[N], c[N] = { 0 }, i, j, s, idx = 0;
	double t[N];

	(void)state;
	fill_index(t, N);
	for (i = 0; i < N; i++)
		perm[i] = i;
	/* Heap's algorithm, iterative. */
	for (;;) {
		s = 0;
		for (i = 0; i < N; i++)
			for (j = i + 1; j < N; j++)
				s += (perm[j] > perm[i]) - (perm[j] < perm[i]);
		count[s + SMAX]++;
		if (!seen[s + SMAX]) {
			seen[s + SMAX] = 1;
			for (i = 0; i < N; i++)
				example[s + SMAX][i] = perm[i];
		}
		while (idx < N && c[idx] >= idx) {
			c[idx] = 0;
			idx++;
		}
		if (idx >= N)
			break;
		j = idx % 2 ? c[idx] : 0;
		i = perm[j];
		perm[j] = perm[idx];
		perm[idx] = i;
		c[idx]++;
		idx = 0;
	}
	{
		long total = 0;

		for (s = 0; s <= 2 * SMAX; s++)
			total += count[s];
		if (total != FACT)
			fail_msg("enumeration visited %ld permutations, want 7! = %d", total, FACT);
	}
	for (s = -SMAX; s <= SMAX; s++) {
		long tail = 0;
		vbs_mk_result r;
		char name[48];
		double want;

		if (!seen[s + SMAX])
			continue;
		for (j = abs(s); j <= SMAX; j++)
			tail += count[j + SMAX];
		want = fmin(1.0, 2.0 * (double)tail / FACT);
		snprintf(name, sizeof name, "n=7 enumeration S=%d", s);
		check_status(name, "trend_mann_kendall",
		             trend_mann_kendall(t, example[s + SMAX], N, &r), VBS_STATS_OK);
		check_close(name, "S", r.s, s);
		check_close(name, "exact p", r.p_value, want);
	}
}

/* xorshift64*, local state: a seeded, reproducible stream for properties. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 2685821657736338717ULL;
}

/* Property: for 2000 random series (n from 2 to 45, small integer values,
 * so with and without ties, t with random gaps) Sen's interval contains
 * the slope, the limits are pairwise slopes, and MK's p lies in (0, 1]. */
static void test_sen_interval_contains_slope(void **state)
{
	uint64_t seed = 20240607u;
	int rep;

	(void)state;
	for (rep = 0; rep < 2000; rep++) {
		double t[MAX_N], x[MAX_N];
		size_t n = 2 + next_random(&seed) % 44, i;
		unsigned range = 1 + (unsigned)(next_random(&seed) % 30);
		vbs_sen_result r;
		vbs_mk_result m;
		char name[48];
		int rc;

		snprintf(name, sizeof name, "random series %d (n=%zu)", rep, n);
		t[0] = 2000;
		for (i = 0; i < n; i++) {
			if (i > 0)
				t[i] = t[i - 1] + 1 + (double)(next_random(&seed) % 3);
			x[i] = (double)(next_random(&seed) % range) + 0.1 * (double)i * (rep % 3);
		}
		check_status(name, "trend_sen", trend_sen(t, x, n, &r), VBS_STATS_OK);
		if (!(r.ci_low <= r.slope && r.slope <= r.ci_high))
			fail_msg("case '%s': Sen interval [%g, %g] misses the slope %g", name,
			         r.ci_low, r.ci_high, r.slope);
		rc = trend_mann_kendall(t, x, n, &m);
		if (rc != VBS_STATS_OK && rc != VBS_STATS_E_DEGENERATE)
			fail_msg("case '%s': trend_mann_kendall failed: %s", name,
			         stats_status_text(rc));
		if (!(m.p_value > 0.0 && m.p_value <= 1.0))
			fail_msg("case '%s': p %g outside (0, 1]", name, m.p_value);
		if (fabs(m.tau_b) > 1.0 + 1e-12)
			fail_msg("case '%s': |tau_b| %g > 1", name, m.tau_b);
	}
}

/* A straight line has every pairwise slope equal to its slope. */
static void test_sen_straight_line(void **state)
{
	double t[12], x[12];
	vbs_sen_result r;
	size_t i;

	(void)state;
	for (i = 0; i < 12; i++) {
		t[i] = 2010 + (double)i;
		x[i] = 3.5 - 0.25 * (double)i;
	}
	check_status("straight line", "trend_sen", trend_sen(t, x, 12, &r), VBS_STATS_OK);
	check_close("straight line", "Sen slope", r.slope, -0.25);
	check_close("straight line", "Sen lower limit", r.ci_low, -0.25);
	check_close("straight line", "Sen upper limit", r.ci_high, -0.25);
}

static void test_trend_invalid(void **state)
{
	static const double t_ok[] = { 1, 2, 3, 4, 5 };
	static const double t_dup[] = { 1, 2, 2, 4, 5 };
	static const double t_down[] = { 5, 4, 3, 2, 1 };
	static const double x_ok[] = { 1, 3, 2, 5, 4 };
	static const double x_nan[] = { 1, NAN, 2, 5, 4 };
	static const double x_inf[] = { 1, 3, INFINITY, 5, 4 };
	static const struct {
		const char *name;
		const double *t, *x;
		size_t n;
		int want;
	} bad[] = {
		{ .name = "n=1", .t = t_ok, .x = x_ok, .n = 1, .want = VBS_STATS_E_SHORT },
		{ .name = "n=0", .t = t_ok, .x = x_ok, .n = 0, .want = VBS_STATS_E_SHORT },
		{ .name = "repeated year", .t = t_dup, .x = x_ok, .n = 5,
		  .want = VBS_STATS_E_INVALID },
		{ .name = "decreasing years", .t = t_down, .x = x_ok, .n = 5,
		  .want = VBS_STATS_E_INVALID },
		{ .name = "NaN value", .t = t_ok, .x = x_nan, .n = 5, .want = VBS_STATS_E_INVALID },
		{ .name = "Inf value", .t = t_ok, .x = x_inf, .n = 5, .want = VBS_STATS_E_INVALID },
		{ .name = "NULL x", .t = t_ok, .x = NULL, .n = 5, .want = VBS_STATS_E_INVALID },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		vbs_mk_result m = { .s = 99 };
		vbs_sen_result s = { .slope = 99 };

		check_status(bad[i].name, "trend_mann_kendall",
		             trend_mann_kendall(bad[i].t, bad[i].x, bad[i].n, &m), bad[i].want);
		check_status(bad[i].name, "trend_sen", trend_sen(bad[i].t, bad[i].x, bad[i].n, &s),
		             bad[i].want);
		if (m.s != 99 || s.slope != 99)
			fail_msg("case '%s': result written on error", bad[i].name);
	}
	check_status("NULL out", "trend_mann_kendall", trend_mann_kendall(t_ok, x_ok, 5, NULL),
	             VBS_STATS_E_INVALID);
	check_status("NULL out", "trend_sen", trend_sen(t_ok, x_ok, 5, NULL),
	             VBS_STATS_E_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mann_kendall_table),
		cmocka_unit_test(test_sen_table),
		cmocka_unit_test(test_sen_uneven_years),
		cmocka_unit_test(test_mk_n49_exact),
		cmocka_unit_test(test_mk_n49_tie_normal),
		cmocka_unit_test(test_mk_n50_normal),
		cmocka_unit_test(test_mk_monotone_49_50),
		cmocka_unit_test(test_mk_exact_enumeration),
		cmocka_unit_test(test_sen_interval_contains_slope),
		cmocka_unit_test(test_sen_straight_line),
		cmocka_unit_test(test_trend_invalid),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
