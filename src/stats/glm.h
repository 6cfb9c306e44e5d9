/* glm: Poisson and logistic trends by IRLS, on a weighted least-squares layer. */
#ifndef VBS_STATS_GLM_H
#define VBS_STATS_GLM_H

#include <stddef.h>

/* Defaults of vbs_glm_options. */
#define VBS_GLM_MAX_ITER_DEFAULT 100
#define VBS_GLM_TOL_DEFAULT 1e-10

/* Knobs of the IRLS loop; pass NULL for the defaults. */
typedef struct vbs_glm_options {
	int max_iter; /* iteration cap (> 0): reaching it is VBS_STATS_E_NOCONV */
	double tol;   /* converged when |D − D_old| / (|D| + 0.1) < tol, D the
	               * deviance (R's glm rule; the 0.1 guards D = 0) */
} vbs_glm_options;

/* A fitted trend b0 + b1·t on the link scale. */
typedef struct vbs_glm_result {
	double b1;         /* slope per unit of t (per year) */
	double se;         /* sqrt(phi · cov11), cov the unscaled (X'WX)^-1 */
	double phi;        /* dispersion max(1, Pearson X² / (n − 2)) */
	double statistic;  /* b1 / se */
	double p_value;    /* two-sided; Student t with n − 2 df when phi > 1,
	                    * else standard normal */
	double ratio;      /* exp(b1): rate ratio (Poisson) or odds ratio
	                    * (logistic) per year */
	double ratio_low;  /* exp(b1 − q·se), q the 0.975 quantile used */
	double ratio_high; /* exp(b1 + q·se) */
	double df;         /* n − 2 when the t distribution was used, else 0 */
	double deviance;   /* residual deviance at the fit */
	int iterations;    /* IRLS iterations run */
} vbs_glm_result;

/* Weighted least squares: minimises Σ w_i (y_i − x_i·β)² over β for the
 * n×p design x (row-major, x[i*p + j]), by gsl_multifit_wlinear (SVD).
 * Writes beta (p values), cov (p×p row-major, the unscaled (X'WX)^-1; may
 * be NULL) and *chisq (the weighted residual sum of squares; may be NULL).
 * With every w = 1, the usual OLS standard errors are
 * sqrt(chisq/(n − p) · cov_jj).
 * Requires n >= p >= 1, finite x and y, finite w >= 0.
 * Returns 0; VBS_STATS_E_INVALID on bad arguments; VBS_STATS_E_NOMEM;
 * VBS_STATS_E_NUMERIC when GSL reports failure or a result is not finite.
 * Outputs are untouched on error. */
int glm_fit_wls(size_t n, size_t p, const double *x, const double *y,
                const double *w, double *beta, double *cov, double *chisq);

/* Poisson log-linear trend log μ_i = b0 + b1·t_i + offset_i of the counts
 * y at times t (n points, t strictly increasing, y finite and >= 0).
 * offset (log exposure, e.g. log population) may be NULL for none.
 * t is centred internally, which leaves b1 and its SE unchanged.
 * Returns 0 and fills *out; VBS_STATS_E_SHORT when n < 3;
 * VBS_STATS_E_INVALID on bad input; VBS_STATS_E_DEGENERATE when the
 * estimate does not exist: every count zero, or every non-zero count in the
 * first year, or every one in the last year; VBS_STATS_E_NOCONV at the
 * iteration cap; VBS_STATS_E_NOMEM; VBS_STATS_E_NUMERIC when GSL fails or
 * a value is not finite. A constant positive series without offset (or with
 * a constant one) gives b1 = 0 exactly and p = 1. *out is untouched on
 * error. */
int glm_fit_poisson(const double *t, const double *y, const double *offset,
                    size_t n, const vbs_glm_options *opt, vbs_glm_result *out);

/* Binomial logit trend logit p_i = b0 + b1·t_i of the shares share[i] in
 * [0, 1] with prior weights weight[i] > 0 (the effective sample sizes), at
 * times t (n points, strictly increasing).
 * Returns as glm_fit_poisson; VBS_STATS_E_DEGENERATE when the estimate does
 * not exist: every share 0, every share 1, or the years separate (every
 * year with a share above 0 comes no earlier than every year with a share
 * below 1, or no later), which includes the two former cases. Constant
 * shares strictly between 0 and 1 give b1 = 0 exactly and p = 1. */
int glm_fit_logistic(const double *t, const double *share, const double *weight,
                     size_t n, const vbs_glm_options *opt, vbs_glm_result *out);

#endif
