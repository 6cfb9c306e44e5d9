/* trend: Mann–Kendall test, Kendall's tau_b and Sen's slope of a yearly series. */
#ifndef VBS_STATS_TREND_H
#define VBS_STATS_TREND_H

#include <stddef.h>

/* Below this length a series without ties gets the exact distribution of
 * S; from it on (or with ties) the normal approximation. */
#define VBS_MK_EXACT_MAX_N 50

/* The normal quantile statistics.md fixes for Sen's interval. */
#define VBS_SEN_Z 1.959964

/* Result of trend_mann_kendall(). */
typedef struct vbs_mk_result {
	double s;       /* S = Σ_{i<j} sign(x_j − x_i) */
	double var_s;   /* tie-corrected Var S (also reported when exact) */
	double p_value; /* two-sided */
	double tau_b;   /* Kendall's tau_b of x against t */
	int exact;      /* 1 when p_value comes from the exact distribution */
} vbs_mk_result;

/* Result of trend_sen(). */
typedef struct vbs_sen_result {
	double slope;   /* median of the pairwise slopes */
	double ci_low;  /* slope of rank rint((N − C)/2) */
	double ci_high; /* slope of rank rint((N + C)/2 + 1) */
} vbs_sen_result;

/* Mann–Kendall test of the series x at times t (n points, t strictly
 * increasing, all finite). Without ties in x and n < VBS_MK_EXACT_MAX_N
 * the p-value is exact, min(1, 2·P(S >= |s|)) from the distribution of the
 * number of inversions of a random permutation; otherwise
 * z = (S − sign S)/sqrt(Var S), p = 2·(1 − Φ(|z|)), with
 * Var S = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over the tie groups of x.
 * Returns 0 and fills *out; VBS_STATS_E_SHORT when n < 2;
 * VBS_STATS_E_INVALID on NULL pointers, non-finite values or t not strictly
 * increasing (then *out is untouched). Returns VBS_STATS_E_DEGENERATE when
 * every x is tied (Var S = 0): *out is then filled with S = 0, Var S = 0,
 * p = 1 and tau_b = 0, of which S and p are publishable and tau_b is not
 * (it does not exist). */
int trend_mann_kendall(const double *t, const double *x, size_t n,
                       vbs_mk_result *out);

/* Sen's slope of x against t: the median of the N = n(n−1)/2 slopes
 * (x_j − x_i)/(t_j − t_i), i < j, and the interval of statistics.md §4:
 * C = VBS_SEN_Z·sqrt(Var S) with the tie-corrected Var S of
 * trend_mann_kendall, lower = sorted slope of rank rint((N − C)/2), upper =
 * of rank rint((N + C)/2 + 1), ranks 1-based and clamped to [1, N].
 * An all-tied series has slope 0 and interval [0, 0].
 * Returns 0 and fills *out; VBS_STATS_E_SHORT when n < 2;
 * VBS_STATS_E_INVALID as for trend_mann_kendall; VBS_STATS_E_NOMEM. *out is
 * untouched on error. */
int trend_sen(const double *t, const double *x, size_t n, vbs_sen_result *out);

#endif
