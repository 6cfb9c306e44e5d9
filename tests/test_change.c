/* test_change: the conditional binomial change test for counts and the
 * survey change z-test against statistics.md §2 and §3 and exact
 * independent references. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>
#include <gsl/gsl_errno.h>

#include "stats/change.h"
#include "stats/interval.h"
#include "stats/stats_status.h"

/* statistics.md: relative 1e-6; values below 1e-8 (p-values): absolute 1e-12. */
#define REL_TOL 1e-6
#define ABS_TOL_SMALL 1e-12
#define SMALL 1e-8

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

/* The first two rows are statistics.md §2. The others are R's binom.test
 * definition evaluated exactly with Python fractions by
 * tests/data/stats/mk_reference.py (which also reproduces the two
 * statistics.md rows), or by hand where noted. */
static const struct count_case {
	const char *name;
	double k1, k2, e1, e2, p;
} count_cases[] = {
	{ .name = "spec 23 -> 37", .k1 = 23, .k2 = 37, .e1 = 1, .e2 = 1, .p = 0.09246098107 },
	{ .name = "spec 52 -> 88 with populations", .k1 = 52, .k2 = 88, .e1 = 10400,
	  .e2 = 11560, .p = 0.01753370849 },
	/* By hand: Bin(5, 1/2), P(0) = P(5) = 1/32, p = 2/32. */
	{ .name = "0 -> 5", .k1 = 0, .k2 = 5, .e1 = 1, .e2 = 1, .p = 0.0625 },
	{ .name = "10 -> 3 (decrease)", .k1 = 10, .k2 = 3, .e1 = 1, .e2 = 1,
	  .p = 0.09228515625 },
	{ .name = "3 -> 11 with populations", .k1 = 3, .k2 = 11, .e1 = 20000, .e2 = 21000,
	  .p = 0.05839131529127974 },
	{ .name = "40 -> 18 with populations", .k1 = 40, .k2 = 18, .e1 = 9800, .e2 = 10150,
	  .p = 0.003485108590566777 },
	/* By hand: Bin(1, 3/4): P(1) = 3/4 is the likeliest outcome, so every
	 * outcome is no more likely: p = 1. */
	{ .name = "0 -> 1, unequal exposure", .k1 = 0, .k2 = 1, .e1 = 1, .e2 = 3, .p = 1 },
	/* By hand: k2 equals its expectation n·1/2: p = 1. */
	{ .name = "equal counts", .k1 = 17, .k2 = 17, .e1 = 1, .e2 = 1, .p = 1 },
	/* No events at all: the only outcome was observed, p = 1. */
	{ .name = "both zero", .k1 = 0, .k2 = 0, .e1 = 1, .e2 = 1, .p = 1 },
};

static void test_counts_reference(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof count_cases / sizeof count_cases[0]; i++) {
		const struct count_case *c = &count_cases[i];
		vbs_count_change r;

		check_status(c->name, "change_test_counts",
		             change_test_counts(c->k1, c->k2, c->e1, c->e2, &r), VBS_STATS_OK);
		check_close(c->name, "p", r.p_value, c->p);
		check_close(c->name, "statistic (k2)", r.statistic, c->k2);
		check_close(c->name, "difference", r.difference, c->k2 - c->k1);
		check_close(c->name, "rate difference", r.rate_difference,
		            c->k2 / c->e2 - c->k1 / c->e1);
	}
}

/* statistics.md §2 rate row: (88/11560 − 52/10400)·10 000
 * = 6040/2312000·10 000 = 26.12456747 (by hand). */
static void test_counts_rate_estimate(void **state)
{
	vbs_count_change r;

	(void)state;
	check_status("rate row", "change_test_counts",
	             change_test_counts(52, 88, 10400, 11560, &r), VBS_STATS_OK);
	check_close("rate row", "rate difference per 10 000", r.rate_difference * 10000.0,
	            26.12456747404844);
	check_close("rate row", "count difference", r.difference, 36);
}

/* Equal exposures: the test is symmetric in the two periods. Large n with
 * a tiny p exercises the absolute tolerance: 0 -> 60 is 2/2^60. */
static void test_counts_symmetry_and_tail(void **state)
{
	vbs_count_change a, b;
	unsigned k;

	(void)state;
	for (k = 0; k <= 40; k++) {
		char name[32];

		snprintf(name, sizeof name, "%u vs 40-%u", k, k);
		check_status(name, "change_test_counts", change_test_counts(k, 40 - k, 1, 1, &a),
		             VBS_STATS_OK);
		check_status(name, "change_test_counts (swapped)",
		             change_test_counts(40 - k, k, 1, 1, &b), VBS_STATS_OK);
		check_close(name, "p symmetric", a.p_value, b.p_value);
		if (!(a.p_value > 0.0 && a.p_value <= 1.0))
			fail_msg("case '%s': p %g outside (0, 1]", name, a.p_value);
	}
	check_status("0 -> 60", "change_test_counts", change_test_counts(0, 60, 1, 1, &a),
	             VBS_STATS_OK);
	check_close("0 -> 60", "p", a.p_value, ldexp(2.0, -60));
}

static void test_counts_invalid(void **state)
{
	static const struct {
		const char *name;
		double k1, k2, e1, e2;
	} bad[] = {
		{ .name = "negative count", .k1 = -1, .k2 = 3, .e1 = 1, .e2 = 1 },
		{ .name = "fractional count", .k1 = 2.5, .k2 = 3, .e1 = 1, .e2 = 1 },
		{ .name = "NaN count", .k1 = 2, .k2 = NAN, .e1 = 1, .e2 = 1 },
		{ .name = "zero exposure", .k1 = 2, .k2 = 3, .e1 = 0, .e2 = 1 },
		{ .name = "negative exposure", .k1 = 2, .k2 = 3, .e1 = 1, .e2 = -5 },
		{ .name = "Inf exposure", .k1 = 2, .k2 = 3, .e1 = INFINITY, .e2 = 1 },
		{ .name = "huge count", .k1 = 3e9, .k2 = 3, .e1 = 1, .e2 = 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		vbs_count_change r = { .p_value = 99 };

		check_status(bad[i].name, "change_test_counts",
		             change_test_counts(bad[i].k1, bad[i].k2, bad[i].e1, bad[i].e2, &r),
		             VBS_STATS_E_INVALID);
		if (r.p_value != 99)
			fail_msg("case '%s': result written on error", bad[i].name);
	}
	check_status("NULL out", "change_test_counts", change_test_counts(1, 2, 1, 1, NULL),
	             VBS_STATS_E_INVALID);
}

/* statistics.md §3: p1 = 0.305, n1 = 598.8, p2 = 0.231, n2 = 655.1 →
 * z = −2.959614453, p = 0.003080242614, [−0.1228383933, −0.02496510123]. */
static void test_shares_reference(void **state)
{
	vbs_share_change r;

	(void)state;
	check_status("spec survey change", "change_test_shares",
	             change_test_shares(0.305, 598.8, 0.231, 655.1, &r), VBS_STATS_OK);
	check_close("spec survey change", "z", r.statistic, -2.959614453);
	check_close("spec survey change", "p", r.p_value, 0.003080242614);
	check_close("spec survey change", "estimate", r.estimate, 0.231 - 0.305);
	check_close("spec survey change", "interval lower", r.ci_low, -0.1228383933);
	check_close("spec survey change", "interval upper", r.ci_high, -0.02496510123);
}

/* Swapping the two years negates z, the estimate and the interval. */
static void test_shares_swap(void **state)
{
	vbs_share_change a, b;

	(void)state;
	check_status("swapped", "change_test_shares",
	             change_test_shares(0.231, 655.1, 0.305, 598.8, &a), VBS_STATS_OK);
	check_close("swapped", "z", a.statistic, 2.959614453);
	check_close("swapped", "p", a.p_value, 0.003080242614);
	check_close("swapped", "interval lower", a.ci_low, 0.02496510123);
	check_close("swapped", "interval upper", a.ci_high, 0.1228383933);
	/* Equal shares: z = 0, p = 1, interval symmetric around 0. */
	check_status("equal shares", "change_test_shares",
	             change_test_shares(0.4, 300, 0.4, 300, &b), VBS_STATS_OK);
	check_close("equal shares", "z", b.statistic, 0);
	check_close("equal shares", "p", b.p_value, 1);
	check_close("equal shares", "interval symmetric", b.ci_high, -b.ci_low);
}

/* One share 0: z exists (the other share has variance). The interval
 * follows from the Wilson limits, computed here from interval_wilson
 * (checked against statistics.md in test_interval). */
static void test_shares_boundary(void **state)
{
	vbs_share_change r;
	double l1, u1, l2, u2, d = 0.1;

	(void)state;
	check_status("p1 = 0", "interval_wilson(0, 50)", interval_wilson(0.0, 50, &l1, &u1),
	             VBS_STATS_OK);
	check_status("p1 = 0", "interval_wilson(0.1, 60)", interval_wilson(0.1, 60, &l2, &u2),
	             VBS_STATS_OK);
	check_status("p1 = 0", "change_test_shares", change_test_shares(0.0, 50, 0.1, 60, &r),
	             VBS_STATS_OK);
	check_close("p1 = 0", "z", r.statistic, 0.1 / sqrt(0.1 * 0.9 / 60));
	check_close("p1 = 0", "interval lower", r.ci_low,
	            d - sqrt((0.1 - l2) * (0.1 - l2) + u1 * u1));
	check_close("p1 = 0", "interval upper", r.ci_high, d + (u2 - 0.1));
}

static void test_shares_invalid(void **state)
{
	static const struct {
		const char *name;
		double p1, n1, p2, n2;
		int want;
	} bad[] = {
		{ .name = "p1 < 0", .p1 = -0.1, .n1 = 100, .p2 = 0.2, .n2 = 100,
		  .want = VBS_STATS_E_INVALID },
		{ .name = "p2 > 1", .p1 = 0.1, .n1 = 100, .p2 = 1.2, .n2 = 100,
		  .want = VBS_STATS_E_INVALID },
		{ .name = "n1 = 0", .p1 = 0.1, .n1 = 0, .p2 = 0.2, .n2 = 100,
		  .want = VBS_STATS_E_INVALID },
		{ .name = "NaN", .p1 = NAN, .n1 = 100, .p2 = 0.2, .n2 = 100,
		  .want = VBS_STATS_E_INVALID },
		{ .name = "both 0", .p1 = 0, .n1 = 100, .p2 = 0, .n2 = 100,
		  .want = VBS_STATS_E_DEGENERATE },
		{ .name = "0 and 1", .p1 = 0, .n1 = 100, .p2 = 1, .n2 = 100,
		  .want = VBS_STATS_E_DEGENERATE },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		vbs_share_change r = { .p_value = 99 };

		check_status(bad[i].name, "change_test_shares",
		             change_test_shares(bad[i].p1, bad[i].n1, bad[i].p2, bad[i].n2, &r),
		             bad[i].want);
		if (r.p_value != 99)
			fail_msg("case '%s': result written on error", bad[i].name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_reference),
		cmocka_unit_test(test_counts_rate_estimate),
		cmocka_unit_test(test_counts_symmetry_and_tail),
		cmocka_unit_test(test_counts_invalid),
		cmocka_unit_test(test_shares_reference),
		cmocka_unit_test(test_shares_swap),
		cmocka_unit_test(test_shares_boundary),
		cmocka_unit_test(test_shares_invalid),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
