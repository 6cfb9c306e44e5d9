/* trend: Mann–Kendall (exact and normal), Kendall's tau_b, Sen's slope. */
#include "stats/trend.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "stats/stats_status.h"

/* Largest number of inversions of a permutation the exact path sees:
 * n(n−1)/2 for n = VBS_MK_EXACT_MAX_N − 1. */
#define MK_EXACT_MAX_INV \
	((VBS_MK_EXACT_MAX_N - 1) * (VBS_MK_EXACT_MAX_N - 2) / 2)

/* 0 when t and x hold n finite values with t strictly increasing. */
static int check_series(const double *t, const double *x, size_t n)
{
	size_t i;

	if (!t || !x)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isfinite(t[i]) || !isfinite(x[i]))
			return -1;
		if (i > 0 && !(t[i] > t[i - 1]))
			return -1;
	}
	return 0;
}

/* Tie statistics of x: sets *pairs = Σ g(g−1)/2 and *vterm =
 * Σ g(g−1)(2g+5) over the groups of g equal values. O(n²), which matches
 * the cost of S itself and needs no memory. */
static void tie_groups(const double *x, size_t n, double *pairs, double *vterm)
{
	double p = 0.0, v = 0.0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		double g = 1.0;
		int first = 1;

		for (j = 0; j < i && first; j++)
			if (x[j] == x[i])
				first = 0;
		if (!first)
			continue;
		for (j = i + 1; j < n; j++)
			if (x[j] == x[i])
				g += 1.0;
		p += g * (g - 1.0) / 2.0;
		v += g * (g - 1.0) * (2.0 * g + 5.0);
	}
	*pairs = p;
	*vterm = v;
}

/* Tie-corrected variance of S from n and Σ g(g−1)(2g+5). */
static double mk_variance(size_t n, double vterm)
{
	double nn = (double)n;

	return (nn * (nn - 1.0) * (2.0 * nn + 5.0) - vterm) / 18.0;
}

/* P(I <= k) for I the number of inversions of a uniformly random
 * permutation of n elements (n < VBS_MK_EXACT_MAX_N), by the recurrence
 * P_m(i) = (1/m) Σ_{j=0}^{min(i, m−1)} P_{m−1}(i − j): inserting the m-th
 * element adds 0..m−1 inversions with equal chance. Only P(0..k) is needed,
 * and every term is a positive sum, so small tails keep full precision. */
static double inversions_cdf(size_t n, size_t k)
{
	double a[MK_EXACT_MAX_INV + 1], b[MK_EXACT_MAX_INV + 1];
	double *prev = a, *cur = b, *swap, sum = 0.0;
	size_t m, i, j;

	if (k > MK_EXACT_MAX_INV)
		k = MK_EXACT_MAX_INV;
	for (i = 0; i <= k; i++)
		prev[i] = 0.0;
	prev[0] = 1.0; /* one element: no inversion */
	for (m = 2; m <= n; m++) {
		for (i = 0; i <= k; i++) {
			double s = 0.0;
			size_t jmax = i < m - 1 ? i : m - 1;

			for (j = 0; j <= jmax; j++)
				s += prev[i - j];
			cur[i] = s / (double)m;
		}
		swap = prev;
		prev = cur;
		cur = swap;
	}
	for (i = 0; i <= k; i++)
		sum += prev[i];
	return sum;
}

int trend_mann_kendall(const double *t, const double *x, size_t n,
                       vbs_mk_result *out)
{
	vbs_mk_result r;
	double pairs_total, tie_pairs, vterm, denom;
	long s = 0;
	size_t i, j;

	if (!out || check_series(t, x, n) < 0)
		return VBS_STATS_E_INVALID;
	if (n < 2)
		return VBS_STATS_E_SHORT;
	for (i = 0; i + 1 < n; i++)
		for (j = i + 1; j < n; j++)
			s += (x[j] > x[i]) - (x[j] < x[i]);
	tie_groups(x, n, &tie_pairs, &vterm);
	pairs_total = (double)n * (double)(n - 1) / 2.0;
	r.s = (double)s;
	r.var_s = mk_variance(n, vterm);
	r.exact = 0;
	if (!(r.var_s > 0.0)) {
		/* Every value tied: S = 0 and no test, statistics.md §4. */
		r.s = 0.0;
		r.var_s = 0.0;
		r.p_value = 1.0;
		r.tau_b = 0.0;
		*out = r;
		return VBS_STATS_E_DEGENERATE;
	}
	if (tie_pairs == 0.0 && n < VBS_MK_EXACT_MAX_N) {
		/* No ties: S = N − 2I with I the inversion count, so
		 * P(S >= |s|) = P(I <= (N − |s|)/2), an integer bound. */
		size_t npairs = n * (n - 1) / 2;
		size_t k = (npairs - (size_t)labs(s)) / 2;

		r.p_value = 2.0 * inversions_cdf(n, k);
		r.exact = 1;
	} else {
		double z = ((double)s - (double)((s > 0) - (s < 0))) / sqrt(r.var_s);

		r.p_value = 2.0 * gsl_cdf_ugaussian_Q(fabs(z));
	}
	if (r.p_value > 1.0)
		r.p_value = 1.0;
	denom = sqrt((pairs_total - tie_pairs) * pairs_total);
	r.tau_b = r.s / denom;
	if (!isfinite(r.p_value) || r.p_value < 0.0 || !isfinite(r.tau_b) ||
	    !isfinite(r.var_s))
		return VBS_STATS_E_NUMERIC;
	*out = r;
	return VBS_STATS_OK;
}

/* Clamps a 1-based rank held in a double to [1, npairs]. */
static size_t clamp_rank(double rank, size_t npairs)
{
	if (!(rank >= 1.0))
		return 1;
	if (rank >= (double)npairs)
		return npairs;
	return (size_t)rank;
}

int trend_sen(const double *t, const double *x, size_t n, vbs_sen_result *out)
{
	vbs_sen_result r;
	double *slopes = NULL, c, tie_pairs, vterm;
	size_t npairs, i, j, k = 0;
	int rc = VBS_STATS_OK;

	if (!out || check_series(t, x, n) < 0)
		return VBS_STATS_E_INVALID;
	if (n < 2)
		return VBS_STATS_E_SHORT;
	if (n - 1 > SIZE_MAX / n / 2 / sizeof(double))
		return VBS_STATS_E_NOMEM;
	npairs = n * (n - 1) / 2;
	slopes = malloc(npairs * sizeof *slopes);
	if (!slopes)
		return VBS_STATS_E_NOMEM;
	for (i = 0; i + 1 < n; i++)
		for (j = i + 1; j < n; j++)
			slopes[k++] = (x[j] - x[i]) / (t[j] - t[i]);
	for (k = 0; k < npairs; k++) {
		if (!isfinite(slopes[k])) {
			rc = VBS_STATS_E_NUMERIC;
			goto fail;
		}
	}
	gsl_sort(slopes, 1, npairs);
	r.slope = gsl_stats_median_from_sorted_data(slopes, 1, npairs);
	tie_groups(x, n, &tie_pairs, &vterm);
	c = VBS_SEN_Z * sqrt(mk_variance(n, vterm));
	r.ci_low = slopes[clamp_rank(rint(((double)npairs - c) / 2.0), npairs) - 1];
	r.ci_high = slopes[clamp_rank(rint(((double)npairs + c) / 2.0 + 1.0), npairs) - 1];
	if (!isfinite(r.slope) || !isfinite(r.ci_low) || !isfinite(r.ci_high)) {
		rc = VBS_STATS_E_NUMERIC;
		goto fail;
	}
	*out = r;
fail:
	free(slopes);
	return rc;
}
