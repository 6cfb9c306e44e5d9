/* change: conditional binomial test for counts, z-test for survey shares. */
#include "stats/change.h"

#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "stats/interval.h"
#include "stats/stats_status.h"

/* R's binom.test treats outcomes within this relative factor of the
 * observed outcome's probability as "no more likely". */
#define BINOM_REL_SLACK (1.0 + 1e-7)
/* GSL's binomial routines take unsigned int counts. */
#define COUNT_MAX 2147483647.0

static int is_count(double k)
{
	return isfinite(k) && k >= 0.0 && k <= COUNT_MAX && floor(k) == k;
}

/* Two-sided p-value of x successes in n trials with success probability p,
 * following R's binom.test: the observed tail plus the opposite tail of
 * outcomes whose probability is at most d·(1 + 1e-7). Returns a value that
 * may be non-finite if GSL fails; the caller checks. */
static double binom_two_sided(unsigned x, unsigned n, double p)
{
	double d = gsl_ran_binomial_pdf(x, p, n);
	double m = n * p;
	double lim = d * BINOM_REL_SLACK;
	double pv;
	unsigned i, y = 0;

	if ((double)x == m)
		return 1.0;
	if ((double)x < m) {
		/* Count outcomes i >= ceil(m) no more likely than x; they are the
		 * top y outcomes n-y+1..n because the pmf falls beyond the mode. */
		for (i = (unsigned)ceil(m); i <= n; i++)
			if (gsl_ran_binomial_pdf(i, p, n) <= lim)
				y++;
		pv = gsl_cdf_binomial_P(x, p, n);
		if (y > 0)
			pv += gsl_cdf_binomial_Q(n - y, p, n);
	} else {
		/* Outcomes 0..floor(m) no more likely than x: the bottom y. */
		for (i = 0; i <= (unsigned)floor(m); i++)
			if (gsl_ran_binomial_pdf(i, p, n) <= lim)
				y++;
		pv = gsl_cdf_binomial_Q(x - 1, p, n);
		if (y > 0)
			pv += gsl_cdf_binomial_P(y - 1, p, n);
	}
	return pv < 1.0 ? pv : 1.0;
}

int change_test_counts(double k1, double k2, double e1, double e2,
                       vbs_count_change *out)
{
	vbs_count_change r;
	unsigned n;

	if (!out || !is_count(k1) || !is_count(k2) || !isfinite(e1) || !isfinite(e2) ||
	    e1 <= 0.0 || e2 <= 0.0 || k1 + k2 > COUNT_MAX)
		return VBS_STATS_E_INVALID;
	n = (unsigned)(k1 + k2);
	r.statistic = k2;
	r.difference = k2 - k1;
	r.rate_difference = k2 / e2 - k1 / e1;
	/* No events: the only possible outcome was observed, so every outcome
	 * is "no more likely" and p = 1 (binom.test itself rejects n = 0). */
	r.p_value = n == 0 ? 1.0 : binom_two_sided((unsigned)k2, n, e2 / (e1 + e2));
	if (!isfinite(r.p_value) || r.p_value < 0.0 || !isfinite(r.rate_difference))
		return VBS_STATS_E_NUMERIC;
	*out = r;
	return VBS_STATS_OK;
}

static int valid_share(double p, double n)
{
	return isfinite(p) && isfinite(n) && p >= 0.0 && p <= 1.0 && n > 0.0;
}

int change_test_shares(double p1, double n1, double p2, double n2,
                       vbs_share_change *out)
{
	vbs_share_change r;
	double l1, u1, l2, u2, se, d;
	int rc;

	if (!out || !valid_share(p1, n1) || !valid_share(p2, n2))
		return VBS_STATS_E_INVALID;
	se = sqrt(p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2);
	if (!(se > 0.0))
		return VBS_STATS_E_DEGENERATE;
	rc = interval_wilson(p1, n1, &l1, &u1);
	if (rc == VBS_STATS_OK)
		rc = interval_wilson(p2, n2, &l2, &u2);
	if (rc != VBS_STATS_OK)
		return rc;
	d = p2 - p1;
	r.estimate = d;
	r.statistic = d / se;
	r.p_value = 2.0 * gsl_cdf_ugaussian_Q(fabs(r.statistic));
	if (r.p_value > 1.0)
		r.p_value = 1.0;
	r.ci_low = d - sqrt((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1));
	r.ci_high = d + sqrt((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1));
	if (!isfinite(r.statistic) || !isfinite(r.p_value) || !isfinite(r.ci_low) ||
	    !isfinite(r.ci_high))
		return VBS_STATS_E_NUMERIC;
	*out = r;
	return VBS_STATS_OK;
}
