/* glm: weighted least squares and the IRLS Poisson and logistic trends. */
#include "stats/glm.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_vector.h>

#include "stats/interval.h"
#include "stats/stats_status.h"

/* Columns of the trend design: intercept and centred time. */
#define TREND_P 2

/* R's glm convergence rule adds this to |D| so that D = 0 is reachable. */
#define DEV_GUARD 0.1

enum family { FAMILY_POISSON, FAMILY_BINOMIAL };

/* GSL objects of one weighted fit, allocated together. */
struct wls_work {
	gsl_matrix *x;
	gsl_vector *y;
	gsl_vector *w;
	gsl_vector *c;
	gsl_matrix *cov;
	gsl_multifit_linear_workspace *ws;
};

static void wls_work_release(struct wls_work *k)
{
	if (k->ws)
		gsl_multifit_linear_free(k->ws);
	if (k->cov)
		gsl_matrix_free(k->cov);
	if (k->c)
		gsl_vector_free(k->c);
	if (k->w)
		gsl_vector_free(k->w);
	if (k->y)
		gsl_vector_free(k->y);
	if (k->x)
		gsl_matrix_free(k->x);
	k->x = NULL;
	k->y = k->w = k->c = NULL;
	k->cov = NULL;
	k->ws = NULL;
}

/* Allocates everything for an n×p fit; -1 (all released) when out of memory. */
static int wls_work_init(struct wls_work *k, size_t n, size_t p)
{
	k->x = gsl_matrix_alloc(n, p);
	k->y = gsl_vector_alloc(n);
	k->w = gsl_vector_alloc(n);
	k->c = gsl_vector_alloc(p);
	k->cov = gsl_matrix_alloc(p, p);
	k->ws = gsl_multifit_linear_alloc(n, p);
	if (!k->x || !k->y || !k->w || !k->c || !k->cov || !k->ws) {
		wls_work_release(k);
		return -1;
	}
	return 0;
}

/* Runs the fit on what k holds; VBS_STATS_OK or VBS_STATS_E_NUMERIC. */
static int wls_work_solve(struct wls_work *k, double *chisq)
{
	double c2 = 0.0;
	size_t i, j, p = k->c->size;

	if (gsl_multifit_wlinear(k->x, k->w, k->y, k->c, k->cov, &c2, k->ws) != GSL_SUCCESS)
		return VBS_STATS_E_NUMERIC;
	if (!isfinite(c2))
		return VBS_STATS_E_NUMERIC;
	for (i = 0; i < p; i++) {
		if (!isfinite(gsl_vector_get(k->c, i)))
			return VBS_STATS_E_NUMERIC;
		for (j = 0; j < p; j++)
			if (!isfinite(gsl_matrix_get(k->cov, i, j)))
				return VBS_STATS_E_NUMERIC;
	}
	*chisq = c2;
	return VBS_STATS_OK;
}

int glm_fit_wls(size_t n, size_t p, const double *x, const double *y,
                const double *w, double *beta, double *cov, double *chisq)
{
	struct wls_work k = { 0 };
	double c2;
	size_t i, j;
	int rc;

	if (!x || !y || !w || !beta || p == 0 || n < p || n > SIZE_MAX / p)
		return VBS_STATS_E_INVALID;
	for (i = 0; i < n; i++) {
		if (!isfinite(y[i]) || !isfinite(w[i]) || w[i] < 0.0)
			return VBS_STATS_E_INVALID;
		for (j = 0; j < p; j++)
			if (!isfinite(x[i * p + j]))
				return VBS_STATS_E_INVALID;
	}
	if (wls_work_init(&k, n, p) < 0)
		return VBS_STATS_E_NOMEM;
	for (i = 0; i < n; i++) {
		gsl_vector_set(k.y, i, y[i]);
		gsl_vector_set(k.w, i, w[i]);
		for (j = 0; j < p; j++)
			gsl_matrix_set(k.x, i, j, x[i * p + j]);
	}
	rc = wls_work_solve(&k, &c2);
	if (rc != VBS_STATS_OK)
		goto fail;
	for (j = 0; j < p; j++)
		beta[j] = gsl_vector_get(k.c, j);
	if (cov)
		for (i = 0; i < p; i++)
			for (j = 0; j < p; j++)
				cov[i * p + j] = gsl_matrix_get(k.cov, i, j);
	if (chisq)
		*chisq = c2;
fail:
	wls_work_release(&k);
	return rc;
}

/* 0 when t holds n finite, strictly increasing values. */
static int check_times(const double *t, size_t n)
{
	size_t i;

	if (!t)
		return -1;
	for (i = 0; i < n; i++)
		if (!isfinite(t[i]) || (i > 0 && !(t[i] > t[i - 1])))
			return -1;
	return 0;
}

/* Mean of y given the linear predictor. */
static double inverse_link(enum family f, double eta)
{
	if (f == FAMILY_POISSON)
		return exp(eta);
	return 1.0 / (1.0 + exp(-eta));
}

/* Variance function V(μ) (per unit prior weight). */
static double variance(enum family f, double mu)
{
	return f == FAMILY_POISSON ? mu : mu * (1.0 - mu);
}

/* y·log(y/μ), 0 at y = 0. */
static double ylogy(double y, double mu)
{
	return y > 0.0 ? y * log(y / mu) : 0.0;
}

/* Unit deviance contribution of one point with prior weight m. */
static double unit_deviance(enum family f, double y, double mu, double m)
{
	if (f == FAMILY_POISSON)
		return 2.0 * (ylogy(y, mu) - (y - mu));
	return 2.0 * m * (ylogy(y, mu) + ylogy(1.0 - y, 1.0 - mu));
}

/* The data of one fit. */
struct glm_data {
	enum family family;
	const double *t;
	const double *y;
	const double *m;      /* prior weights (binomial), or NULL */
	const double *offset; /* or NULL */
	size_t n;
	int constant;         /* 1 when b1 = 0 is the exact estimate */
};

/* Fills the result's inference from b1, cov11 and the Pearson X². */
static int finish(const struct glm_data *d, double b1, double cov11, double pearson,
                  double deviance, int iterations, vbs_glm_result *out)
{
	vbs_glm_result r;
	double df = (double)(d->n - TREND_P), q;

	if (d->constant)
		b1 = 0.0;
	r.b1 = b1;
	r.phi = pearson / df > 1.0 ? pearson / df : 1.0;
	if (d->constant)
		r.phi = 1.0; /* the fit is exact: X² = 0 up to rounding */
	r.se = sqrt(r.phi * cov11);
	if (!(r.se > 0.0) || !isfinite(r.se))
		return VBS_STATS_E_NUMERIC;
	r.statistic = b1 / r.se;
	if (r.phi > 1.0) {
		r.df = df;
		r.p_value = 2.0 * gsl_cdf_tdist_Q(fabs(r.statistic), df);
		q = gsl_cdf_tdist_Pinv(0.975, df);
	} else {
		r.df = 0.0;
		r.p_value = 2.0 * gsl_cdf_ugaussian_Q(fabs(r.statistic));
		q = VBS_Z975;
	}
	if (r.p_value > 1.0)
		r.p_value = 1.0;
	r.ratio = exp(b1);
	r.ratio_low = exp(b1 - q * r.se);
	r.ratio_high = exp(b1 + q * r.se);
	r.deviance = deviance;
	r.iterations = iterations;
	if (!isfinite(r.statistic) || !isfinite(r.p_value) || !isfinite(q) ||
	    !isfinite(r.ratio) || !isfinite(r.ratio_low) || !isfinite(r.ratio_high) ||
	    !(r.ratio_low > 0.0) || !isfinite(r.phi) || !isfinite(r.deviance))
		return VBS_STATS_E_NUMERIC;
	*out = r;
	return VBS_STATS_OK;
}

/* IRLS for the canonical link of d->family (log or logit), starting from
 * R's glm starting values. */
static int irls(const struct glm_data *d, const vbs_glm_options *opt, vbs_glm_result *out)
{
	struct wls_work k = { 0 };
	double tmean = 0.0, dev = 0.0, dev_old, chisq, pearson = 0.0;
	double eta, mu;
	size_t i, n = d->n;
	int iter = 0, rc = VBS_STATS_OK, converged = 0;
	double *mus = NULL; /* current fitted means */

	if (n > SIZE_MAX / sizeof *mus || !(mus = malloc(n * sizeof *mus)) ||
	    wls_work_init(&k, n, TREND_P) < 0) {
		rc = VBS_STATS_E_NOMEM;
		goto fail;
	}
	for (i = 0; i < n; i++)
		tmean += d->t[i] / (double)n;
	for (i = 0; i < n; i++) {
		gsl_matrix_set(k.x, i, 0, 1.0);
		gsl_matrix_set(k.x, i, 1, d->t[i] - tmean);
		if (d->family == FAMILY_POISSON)
			mus[i] = d->y[i] + 0.1;
		else
			mus[i] = (d->m[i] * d->y[i] + 0.5) / (d->m[i] + 1.0);
		dev += unit_deviance(d->family, d->y[i], mus[i], d->m ? d->m[i] : 1.0);
	}
	while (!converged) {
		if (iter >= opt->max_iter) {
			rc = VBS_STATS_E_NOCONV;
			goto fail;
		}
		iter++;
		for (i = 0; i < n; i++) {
			double v = variance(d->family, mus[i]);
			double m = d->m ? d->m[i] : 1.0;
			double off = d->offset ? d->offset[i] : 0.0;

			eta = d->family == FAMILY_POISSON ? log(mus[i]) : log(mus[i] / (1.0 - mus[i]));
			/* Working response and weight of the canonical link:
			 * dη/dμ = 1/V(μ). */
			gsl_vector_set(k.y, i, eta - off + (d->y[i] - mus[i]) / v);
			gsl_vector_set(k.w, i, m * v);
		}
		rc = wls_work_solve(&k, &chisq);
		if (rc != VBS_STATS_OK)
			goto fail;
		dev_old = dev;
		dev = 0.0;
		for (i = 0; i < n; i++) {
			eta = gsl_vector_get(k.c, 0) + gsl_vector_get(k.c, 1) * (d->t[i] - tmean) +
			      (d->offset ? d->offset[i] : 0.0);
			mu = inverse_link(d->family, eta);
			/* μ at 0 (or 1 for shares) means the fit ran off to a
			 * boundary the degeneracy checks should have caught. */
			if (!isfinite(mu) || !(mu > 0.0) || (d->family == FAMILY_BINOMIAL && !(mu < 1.0))) {
				rc = VBS_STATS_E_NUMERIC;
				goto fail;
			}
			mus[i] = mu;
			dev += unit_deviance(d->family, d->y[i], mu, d->m ? d->m[i] : 1.0);
		}
		if (!isfinite(dev)) {
			rc = VBS_STATS_E_NUMERIC;
			goto fail;
		}
		converged = fabs(dev - dev_old) / (fabs(dev) + DEV_GUARD) < opt->tol;
	}
	for (i = 0; i < n; i++) {
		double m = d->m ? d->m[i] : 1.0;
		double r = d->y[i] - mus[i];

		pearson += m * r * r / variance(d->family, mus[i]);
	}
	rc = finish(d, gsl_vector_get(k.c, 1), gsl_matrix_get(k.cov, 1, 1), pearson, dev,
	            iter, out);
fail:
	wls_work_release(&k);
	free(mus);
	return rc;
}

/* Validated options with defaults; -1 when opt holds nonsense. */
static int resolve_options(const vbs_glm_options *opt, vbs_glm_options *use)
{
	use->max_iter = VBS_GLM_MAX_ITER_DEFAULT;
	use->tol = VBS_GLM_TOL_DEFAULT;
	if (!opt)
		return 0;
	if (opt->max_iter <= 0 || !isfinite(opt->tol) || !(opt->tol > 0.0))
		return -1;
	*use = *opt;
	return 0;
}

int glm_fit_poisson(const double *t, const double *y, const double *offset,
                    size_t n, const vbs_glm_options *opt, vbs_glm_result *out)
{
	struct glm_data d = { .family = FAMILY_POISSON, .t = t, .y = y, .offset = offset,
		              .n = n };
	vbs_glm_options use;
	size_t i, first_pos = n, last_pos = 0;
	int const_y = 1, const_off = 1;

	if (!out || !y || check_times(t, n) < 0 || resolve_options(opt, &use) < 0)
		return VBS_STATS_E_INVALID;
	for (i = 0; i < n; i++) {
		if (!isfinite(y[i]) || y[i] < 0.0 || (offset && !isfinite(offset[i])))
			return VBS_STATS_E_INVALID;
	}
	if (n < TREND_P + 1)
		return VBS_STATS_E_SHORT;
	for (i = 0; i < n; i++) {
		if (y[i] > 0.0) {
			if (first_pos == n)
				first_pos = i;
			last_pos = i;
		}
		if (y[i] != y[0])
			const_y = 0;
		if (offset && offset[i] != offset[0])
			const_off = 0;
	}
	/* The MLE exists iff the count-weighted mean time lies strictly inside
	 * (t_1, t_n): some count is off the first year and some off the last. */
	if (first_pos == n || first_pos == n - 1 || last_pos == 0)
		return VBS_STATS_E_DEGENERATE;
	d.constant = const_y && const_off;
	return irls(&d, &use, out);
}

int glm_fit_logistic(const double *t, const double *share, const double *weight,
                     size_t n, const vbs_glm_options *opt, vbs_glm_result *out)
{
	struct glm_data d = { .family = FAMILY_BINOMIAL, .t = t, .y = share, .m = weight,
		              .n = n };
	vbs_glm_options use;
	double succ_min = INFINITY, succ_max = -INFINITY;
	double fail_min = INFINITY, fail_max = -INFINITY;
	size_t i;
	int const_y = 1;

	if (!out || !share || !weight || check_times(t, n) < 0 ||
	    resolve_options(opt, &use) < 0)
		return VBS_STATS_E_INVALID;
	for (i = 0; i < n; i++) {
		if (!isfinite(share[i]) || share[i] < 0.0 || share[i] > 1.0 ||
		    !isfinite(weight[i]) || !(weight[i] > 0.0))
			return VBS_STATS_E_INVALID;
	}
	if (n < TREND_P + 1)
		return VBS_STATS_E_SHORT;
	for (i = 0; i < n; i++) {
		if (share[i] > 0.0) {
			succ_min = fmin(succ_min, t[i]);
			succ_max = fmax(succ_max, t[i]);
		}
		if (share[i] < 1.0) {
			fail_min = fmin(fail_min, t[i]);
			fail_max = fmax(fail_max, t[i]);
		}
		if (share[i] != share[0])
			const_y = 0;
	}
	/* No successes, no failures, or (quasi-)complete separation in time:
	 * the likelihood keeps rising as |b1| or |b0| grows, no MLE. */
	if (succ_min > succ_max || fail_min > fail_max || fail_max <= succ_min ||
	    succ_max <= fail_min)
		return VBS_STATS_E_DEGENERATE;
	d.constant = const_y;
	return irls(&d, &use, out);
}
