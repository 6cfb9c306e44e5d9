/* interval: Garwood, Wilson, Kish effective n and the weighted share. */
#include "stats/interval.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include "stats/stats_status.h"

/* Bisection steps of the fallback quantile: each halves the bracket, so
 * this is far more than the 53 bits of a double need. */
#define GAMMA_BISECT_MAX 200

/* The p-quantile of Gamma(a, 1) by bisection on the regularised incomplete
 * gamma function. Used only when gsl_cdf_gamma_Pinv gives up, which GSL 2.7
 * does for shapes above about 1.5e5 (counts no district reaches, but the
 * answer should still be right). Returns 0 or -1. */
static int gamma_quantile_bisect(double p, double a, double *x)
{
	gsl_sf_result r;
	double lo, hi, mid, width = 10.0 * sqrt(a) + 10.0;
	int i;

	/* Grow the bracket around the mean a until it holds the quantile. */
	for (lo = a - width; lo > 0.0; lo -= width) {
		if (gsl_sf_gamma_inc_P_e(a, lo, &r) != GSL_SUCCESS)
			return -1;
		if (r.val < p)
			break;
	}
	if (lo < 0.0)
		lo = 0.0;
	for (hi = a + width;; hi += width) {
		if (gsl_sf_gamma_inc_P_e(a, hi, &r) != GSL_SUCCESS || !isfinite(hi))
			return -1;
		if (r.val > p)
			break;
	}
	for (i = 0; i < GAMMA_BISECT_MAX && hi - lo > 4.0 * DBL_EPSILON * hi; i++) {
		mid = 0.5 * (lo + hi);
		if (gsl_sf_gamma_inc_P_e(a, mid, &r) != GSL_SUCCESS)
			return -1;
		if (r.val < p)
			lo = mid;
		else
			hi = mid;
	}
	*x = 0.5 * (lo + hi);
	return 0;
}

/* The p-quantile of Gamma(a, 1), which is half the p-quantile of a
 * chi-square with 2a degrees of freedom. Returns 0 or -1. */
static int gamma_quantile(double p, double a, double *x)
{
	double q = gsl_cdf_gamma_Pinv(p, a, 1.0);

	if (isfinite(q) && q >= 0.0) {
		*x = q;
		return 0;
	}
	return gamma_quantile_bisect(p, a, x);
}

int interval_garwood(double k, double *lo, double *hi)
{
	double l = 0.0, u;

	if (!lo || !hi || !isfinite(k) || k < 0.0)
		return VBS_STATS_E_INVALID;
	/* ½·chisq(0.025; 2k) = Gamma(k, 1) quantile. A chi-square with 0
	 * degrees of freedom is the point mass at 0, which GSL does not
	 * accept: the lower limit is 0 by definition there. */
	if (k > 0.0 && gamma_quantile(0.025, k, &l) < 0)
		return VBS_STATS_E_NUMERIC;
	if (gamma_quantile(0.975, k + 1.0, &u) < 0)
		return VBS_STATS_E_NUMERIC;
	if (!isfinite(l) || !isfinite(u) || l < 0.0 || u < l)
		return VBS_STATS_E_NUMERIC;
	*lo = l;
	*hi = u;
	return VBS_STATS_OK;
}

int interval_wilson(double p, double n, double *lo, double *hi)
{
	const double z = VBS_Z975;
	double z2n, centre, half, denom, l, u;

	if (!lo || !hi || !isfinite(p) || !isfinite(n) || p < 0.0 || p > 1.0 ||
	    n <= 0.0)
		return VBS_STATS_E_INVALID;
	z2n = z * z / n;
	denom = 1.0 + z2n;
	centre = (p + 0.5 * z2n) / denom;
	half = z * sqrt(p * (1.0 - p) / n + 0.25 * z2n / n) / denom;
	l = centre - half;
	u = centre + half;
	/* At p = 0 or 1 one limit is 0 or 1 exactly in exact arithmetic. */
	if (l < 0.0 || p == 0.0)
		l = 0.0;
	if (u > 1.0 || p == 1.0)
		u = 1.0;
	if (!isfinite(l) || !isfinite(u))
		return VBS_STATS_E_NUMERIC;
	*lo = l;
	*hi = u;
	return VBS_STATS_OK;
}

/* Sums Σw and Σw² after checking every weight; -1 on a bad weight or Σw = 0. */
static int weight_sums(const double *w, size_t len, double *sw, double *sw2)
{
	double s = 0.0, s2 = 0.0;
	size_t i;

	if (!w || len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (!isfinite(w[i]) || w[i] < 0.0)
			return -1;
		s += w[i];
		s2 += w[i] * w[i];
	}
	if (!(s > 0.0) || !isfinite(s) || !isfinite(s2) || !(s2 > 0.0))
		return -1;
	*sw = s;
	*sw2 = s2;
	return 0;
}

int interval_effective_n(const double *w, size_t len, double *n_eff)
{
	double sw, sw2, ne;

	if (!n_eff || weight_sums(w, len, &sw, &sw2) < 0)
		return VBS_STATS_E_INVALID;
	ne = sw * sw / sw2;
	if (!isfinite(ne))
		return VBS_STATS_E_NUMERIC;
	*n_eff = ne;
	return VBS_STATS_OK;
}

int interval_weighted_share(const double *y, const double *w, size_t len,
                            double *p, double *n_eff)
{
	double sw, sw2, swy = 0.0, share, ne;
	size_t i;

	if (!y || !p || weight_sums(w, len, &sw, &sw2) < 0)
		return VBS_STATS_E_INVALID;
	for (i = 0; i < len; i++) {
		if (!isfinite(y[i]) || y[i] < 0.0 || y[i] > 1.0)
			return VBS_STATS_E_INVALID;
		swy += w[i] * y[i];
	}
	share = swy / sw;
	if (share > 1.0) /* rounding when every y is 1 */
		share = 1.0;
	ne = sw * sw / sw2;
	if (!isfinite(share) || !isfinite(ne))
		return VBS_STATS_E_NUMERIC;
	*p = share;
	if (n_eff)
		*n_eff = ne;
	return VBS_STATS_OK;
}
