/* change: tests of change between two periods, for counts and survey shares. */
#ifndef VBS_STATS_CHANGE_H
#define VBS_STATS_CHANGE_H

/* Result of change_test_counts(). */
typedef struct vbs_count_change {
	double statistic;       /* k2, the latest period's count */
	double difference;      /* k2 − k1: the estimate on a count row */
	double rate_difference; /* k2/e2 − k1/e1 per unit of exposure; a rate
	                         * row per 10 000 inhabitants publishes this
	                         * times 10 000 */
	double p_value;         /* two-sided, as R's binom.test */
} vbs_count_change;

/* Result of change_test_shares(). */
typedef struct vbs_share_change {
	double statistic; /* z */
	double estimate;  /* p2 − p1 */
	double p_value;   /* two-sided normal */
	double ci_low;    /* Newcombe hybrid score 95 % interval of p2 − p1 */
	double ci_high;
} vbs_share_change;

/* Conditional test of a change between the previous period (count k1,
 * exposure e1) and the latest (k2, e2), statistics.md §2: given
 * n = k1 + k2, k2 ~ Bin(n, e2 / (e1 + e2)) under no change. The two-sided
 * p-value is R's binom.test's: the probability of every outcome no more
 * likely than k2, with relative slack 1e-7. Exposures are populations, or
 * 1 and 1 when there are none. n = 0 (both counts zero) gives p = 1.
 * k1 and k2 must be whole numbers in [0, 2^31), e1 and e2 finite and > 0.
 * Returns 0 and fills *out; VBS_STATS_E_INVALID on bad input or NULL out;
 * VBS_STATS_E_NUMERIC when a GSL value is not finite. *out is untouched on
 * error. */
int change_test_counts(double k1, double k2, double e1, double e2,
                       vbs_count_change *out);

/* Two-sample z-test of survey shares p1 (previous) and p2 (latest) on
 * effective sample sizes n1 and n2, statistics.md §3:
 * z = (p2 − p1) / sqrt(p1(1−p1)/n1 + p2(1−p2)/n2), two-sided normal p,
 * interval [d − sqrt((p2−l2)² + (u1−p1)²), d + sqrt((u2−p2)² + (p1−l1)²)]
 * with (l, u) the Wilson limits of each share and d = p2 − p1.
 * Shares must lie in [0, 1], n1 and n2 be finite and > 0.
 * Returns 0 and fills *out; VBS_STATS_E_INVALID on bad input or NULL out;
 * VBS_STATS_E_DEGENERATE when the standard error is 0 (each share 0 or 1),
 * where z does not exist; VBS_STATS_E_NUMERIC on a non-finite result.
 * *out is untouched on error. */
int change_test_shares(double p1, double n1, double p2, double n2,
                       vbs_share_change *out);

#endif
