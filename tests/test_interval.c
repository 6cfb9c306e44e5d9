/* test_interval: Garwood, Wilson, Kish and weighted share against the
 * reference values of statistics.md §1 and §3. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "stats/interval.h"
#include "stats/stats_status.h"

/* statistics.md: relative 1e-6; values below 1e-8 (p-values): absolute 1e-12. */
#define REL_TOL 1e-6
#define ABS_TOL_SMALL 1e-12
#define SMALL 1e-8

/* Fails the running test naming the case and the quantity when got is not
 * within the project tolerance of want. */
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

/* statistics.md §1, table of Garwood limits. */
static const struct garwood_case {
	const char *name;
	double k, lo, hi;
} garwood_cases[] = {
	{ .name = "k=0 (lower is 0)", .k = 0, .lo = 0, .hi = 3.688879454 },
	{ .name = "k=5", .k = 5, .lo = 1.623486390, .hi = 11.66833208 },
	{ .name = "k=52", .k = 52, .lo = 38.83608720, .hi = 68.19108174 },
};

static void test_garwood_reference(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof garwood_cases / sizeof garwood_cases[0]; i++) {
		const struct garwood_case *c = &garwood_cases[i];
		double lo = -1, hi = -1;

		check_status(c->name, "interval_garwood", interval_garwood(c->k, &lo, &hi),
		             VBS_STATS_OK);
		check_close(c->name, "Garwood lower", lo, c->lo);
		check_close(c->name, "Garwood upper", hi, c->hi);
	}
}

/* The Garwood limits are defined by two Poisson tail equations:
 * P(X >= k | mu = lo) = 0.025 and P(X <= k | mu = hi) = 0.025. Checking them
 * with GSL's Poisson CDF (summed series, not the chi-square inverse the
 * code uses) is an independent check for every k up to 400. */
static void test_garwood_tail_equations(void **state)
{
	unsigned k;

	(void)state;
	for (k = 0; k <= 400; k++) {
		double lo, hi;
		char name[32];

		snprintf(name, sizeof name, "k=%u", k);
		check_status(name, "interval_garwood", interval_garwood(k, &lo, &hi),
		             VBS_STATS_OK);
		if (!(lo <= k && k < hi))
			fail_msg("case '%s': interval [%g, %g] does not bracket k", name, lo, hi);
		check_close(name, "P(X <= k | hi)", gsl_cdf_poisson_P(k, hi), 0.025);
		if (k == 0) {
			if (lo != 0.0)
				fail_msg("case '%s': lower limit %g, want exactly 0", name, lo);
		} else {
			check_close(name, "P(X >= k | lo)", gsl_cdf_poisson_Q(k - 1, lo), 0.025);
		}
	}
}

/* Large counts, where GSL 2.7's own chi-square inverse gives up (above
 * about k = 1.5e5) and the module falls back to bisection. Reference: the
 * Wilson–Hilferty approximation chisq_p(v) ≈ v·(1 − c + z_p·sqrt c)³,
 * c = 2/(9v), whose relative error shrinks like v^(−3/2) and is below 2e-8
 * from k = 1e4 on — far inside the 1e-6 tolerance. */
static double wilson_hilferty(double z, double v)
{
	double c = 2.0 / (9.0 * v);

	return v * pow(1.0 - c + z * sqrt(c), 3.0);
}

static void test_garwood_large_counts(void **state)
{
	static const double ks[] = { 1e4, 1e5, 2e5, 1e6, 1e7, 1e9 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ks / sizeof ks[0]; i++) {
		double lo, hi;
		char name[32];

		snprintf(name, sizeof name, "k=%g", ks[i]);
		check_status(name, "interval_garwood", interval_garwood(ks[i], &lo, &hi),
		             VBS_STATS_OK);
		check_close(name, "Garwood lower vs Wilson-Hilferty", lo,
		            0.5 * wilson_hilferty(-VBS_Z975, 2.0 * ks[i]));
		check_close(name, "Garwood upper vs Wilson-Hilferty", hi,
		            0.5 * wilson_hilferty(VBS_Z975, 2.0 * ks[i] + 2.0));
	}
}

static void test_garwood_invalid(void **state)
{
	static const struct {
		const char *name;
		double k;
	} bad[] = {
		{ .name = "negative", .k = -1.0 },
		{ .name = "tiny negative", .k = -1e-300 },
		{ .name = "NaN", .k = NAN },
		{ .name = "+Inf", .k = INFINITY },
		{ .name = "-Inf", .k = -INFINITY },
	};
	size_t i;
	double lo = 7, hi = 8;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		check_status(bad[i].name, "interval_garwood", interval_garwood(bad[i].k, &lo, &hi),
		             VBS_STATS_E_INVALID);
		if (lo != 7 || hi != 8)
			fail_msg("case '%s': outputs were written on error", bad[i].name);
	}
	check_status("NULL lo", "interval_garwood", interval_garwood(3, NULL, &hi),
	             VBS_STATS_E_INVALID);
	check_status("NULL hi", "interval_garwood", interval_garwood(3, &lo, NULL),
	             VBS_STATS_E_INVALID);
	if (VBS_STATS_E_INVALID != -1)
		fail_msg("VBS_STATS_E_INVALID is %d, the Garwood contract promises -1",
		         VBS_STATS_E_INVALID);
}

/* statistics.md §3: Wilson 81/200 → [0.3393777128, 0.4742028992]; the
 * weighted example's share 0.6 on n_eff = 8.672131148 →
 * [0.2961382106, 0.8424651985]. The p = 0 and p = 1 rows are the closed
 * forms [0, z²/(n+z²)] and [n/(n+z²), 1]. */
static const struct wilson_case {
	const char *name;
	double p, n, lo, hi;
} wilson_cases[] = {
	{ .name = "81/200", .p = 81.0 / 200.0, .n = 200, .lo = 0.3393777128,
	  .hi = 0.4742028992 },
	{ .name = "weighted example", .p = 0.6, .n = 132.25 / 15.25, .lo = 0.2961382106,
	  .hi = 0.8424651985 },
	{ .name = "p=0, n=50", .p = 0, .n = 50, .lo = 0,
	  .hi = VBS_Z975 * VBS_Z975 / (50 + VBS_Z975 * VBS_Z975) },
	{ .name = "p=1, n=50", .p = 1, .n = 50,
	  .lo = 50 / (50 + VBS_Z975 * VBS_Z975), .hi = 1 },
};

static void test_wilson_reference(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof wilson_cases / sizeof wilson_cases[0]; i++) {
		const struct wilson_case *c = &wilson_cases[i];
		double lo, hi;

		check_status(c->name, "interval_wilson", interval_wilson(c->p, c->n, &lo, &hi),
		             VBS_STATS_OK);
		check_close(c->name, "Wilson lower", lo, c->lo);
		check_close(c->name, "Wilson upper", hi, c->hi);
	}
}

static void test_wilson_invalid(void **state)
{
	static const struct {
		const char *name;
		double p, n;
	} bad[] = {
		{ .name = "p<0", .p = -0.1, .n = 10 },
		{ .name = "p>1", .p = 1.1, .n = 10 },
		{ .name = "n=0", .p = 0.5, .n = 0 },
		{ .name = "n<0", .p = 0.5, .n = -3 },
		{ .name = "p NaN", .p = NAN, .n = 10 },
		{ .name = "n Inf", .p = 0.5, .n = INFINITY },
	};
	size_t i;
	double lo, hi;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		check_status(bad[i].name, "interval_wilson",
		             interval_wilson(bad[i].p, bad[i].n, &lo, &hi), VBS_STATS_E_INVALID);
}

/* statistics.md §3 weighted example: p = 0.6 (6.9 / 11.5),
 * n_eff = 11.5² / 15.25 = 8.672131148. */
static void test_weighted_share_reference(void **state)
{
	static const double y[] = { 1, 0, 1, 1, 0, 1, 0, 1, 1, 1 };
	static const double w[] = { 0.8, 1.6, 1.2, 0.5, 2.1, 1.0, 0.9, 1.4, 0.7, 1.3 };
	double p, ne, ne2, lo, hi;

	(void)state;
	check_status("weighted example", "interval_weighted_share",
	             interval_weighted_share(y, w, 10, &p, &ne), VBS_STATS_OK);
	check_close("weighted example", "share", p, 0.6);
	check_close("weighted example", "n_eff", ne, 8.672131148);
	check_status("weighted example", "interval_effective_n",
	             interval_effective_n(w, 10, &ne2), VBS_STATS_OK);
	check_close("weighted example", "interval_effective_n", ne2, 8.672131148);
	check_status("weighted example", "interval_wilson", interval_wilson(p, ne, &lo, &hi),
	             VBS_STATS_OK);
	check_close("weighted example", "Wilson lower", lo, 0.2961382106);
	check_close("weighted example", "Wilson upper", hi, 0.8424651985);
	/* n_eff is NULL-able. */
	check_status("weighted example", "interval_weighted_share without n_eff",
	             interval_weighted_share(y, w, 10, &p, NULL), VBS_STATS_OK);
}

/* Equal weights give n_eff = len and the unweighted share. */
static void test_weighted_share_equal_weights(void **state)
{
	static const double y[] = { 1, 1, 0, 0, 0 };
	static const double w[] = { 2.5, 2.5, 2.5, 2.5, 2.5 };
	double p, ne;

	(void)state;
	check_status("equal weights", "interval_weighted_share",
	             interval_weighted_share(y, w, 5, &p, &ne), VBS_STATS_OK);
	check_close("equal weights", "share", p, 0.4);
	check_close("equal weights", "n_eff", ne, 5.0);
}

static void test_weighted_share_invalid(void **state)
{
	static const double y_ok[] = { 1, 0 };
	static const double y_bad[] = { 1, 2 };
	static const double w_ok[] = { 1, 1 };
	static const double w_neg[] = { 1, -1 };
	static const double w_zero[] = { 0, 0 };
	static const double w_nan[] = { 1, NAN };
	double p = 5, ne = 5;

	(void)state;
	check_status("y outside [0,1]", "interval_weighted_share",
	             interval_weighted_share(y_bad, w_ok, 2, &p, &ne), VBS_STATS_E_INVALID);
	check_status("negative weight", "interval_weighted_share",
	             interval_weighted_share(y_ok, w_neg, 2, &p, &ne), VBS_STATS_E_INVALID);
	check_status("all weights zero", "interval_weighted_share",
	             interval_weighted_share(y_ok, w_zero, 2, &p, &ne), VBS_STATS_E_INVALID);
	check_status("NaN weight", "interval_effective_n",
	             interval_effective_n(w_nan, 2, &ne), VBS_STATS_E_INVALID);
	check_status("empty", "interval_effective_n", interval_effective_n(w_ok, 0, &ne),
	             VBS_STATS_E_INVALID);
	if (p != 5 || ne != 5)
		fail_msg("case 'invalid weighted share': outputs were written on error");
}

static void test_status_text(void **state)
{
	static const int codes[] = { VBS_STATS_OK, VBS_STATS_E_INVALID, VBS_STATS_E_SHORT,
		                     VBS_STATS_E_DEGENERATE, VBS_STATS_E_NOCONV,
		                     VBS_STATS_E_NUMERIC, VBS_STATS_E_NOMEM, 12345 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (!stats_status_text(codes[i]) || !*stats_status_text(codes[i]))
			fail_msg("stats_status_text(%d) gave no sentence", codes[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_garwood_reference),
		cmocka_unit_test(test_garwood_tail_equations),
		cmocka_unit_test(test_garwood_large_counts),
		cmocka_unit_test(test_garwood_invalid),
		cmocka_unit_test(test_wilson_reference),
		cmocka_unit_test(test_wilson_invalid),
		cmocka_unit_test(test_weighted_share_reference),
		cmocka_unit_test(test_weighted_share_equal_weights),
		cmocka_unit_test(test_weighted_share_invalid),
		cmocka_unit_test(test_status_text),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
