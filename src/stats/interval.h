/* interval: 95 % intervals for counts and shares, weighted shares, Kish n. */
#ifndef VBS_STATS_INTERVAL_H
#define VBS_STATS_INTERVAL_H

#include <stddef.h>

/* The two-sided 95 % standard normal quantile, qnorm(0.975). */
#define VBS_Z975 1.959963984540054

/* Exact (Garwood) 95 % Poisson interval for an observed count k:
 * lower = chisq_inv(0.025; 2k) / 2 (exactly 0 when k = 0),
 * upper = chisq_inv(0.975; 2k + 2) / 2 (statistics.md §1).
 * k is normally a whole count; a non-integer k >= 0 is accepted and gives
 * the same formula with non-integer degrees of freedom.
 * Writes *lo and *hi and returns 0; returns VBS_STATS_E_INVALID (-1), leaving
 * *lo and *hi untouched, when k < 0, k is not finite or lo/hi is NULL, and
 * VBS_STATS_E_NUMERIC when no finite limit can be computed. Counts beyond
 * the reach of GSL's inverse (about 1.5e5) are solved by bisection. */
int interval_garwood(double k, double *lo, double *hi);

/* Wilson score 95 % interval for a share p observed on n (possibly
 * effective, non-integer) answers (statistics.md §3):
 * (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = VBS_Z975,
 * clamped to [0, 1] against rounding.
 * Returns 0, or VBS_STATS_E_INVALID when p is outside [0, 1], n <= 0, either
 * is not finite, or lo/hi is NULL (then *lo and *hi are untouched). */
int interval_wilson(double p, double n, double *lo, double *hi);

/* Kish effective sample size (Σw)² / Σw² of len weights w.
 * Every weight must be finite and >= 0 and at least one > 0.
 * Returns 0, or VBS_STATS_E_INVALID (then *n_eff is untouched). */
int interval_effective_n(const double *w, size_t len, double *n_eff);

/* Weighted share Σ w·y / Σ w of len answers y (each in [0, 1], normally
 * 0 or 1) with weights w (finite, >= 0, Σw > 0). When n_eff is not NULL it
 * also receives the Kish effective n of the same weights.
 * Returns 0, or VBS_STATS_E_INVALID (then the outputs are untouched). */
int interval_weighted_share(const double *y, const double *w, size_t len,
                            double *p, double *n_eff);

#endif
