/* stats_status: the status codes every function in src/stats/ returns. */
#ifndef VBS_STATS_STATUS_H
#define VBS_STATS_STATUS_H

/* 0 is success; every failure is negative, so callers may test `< 0`.
 * VBS_STATS_E_INVALID is -1 so that "returns 0 or -1" contracts hold. */
typedef enum vbs_stats_status {
	VBS_STATS_OK = 0,
	VBS_STATS_E_INVALID = -1,    /* bad argument: negative count, NaN, n < 1 */
	VBS_STATS_E_SHORT = -2,      /* too few points for the method */
	VBS_STATS_E_DEGENERATE = -3, /* estimate does not exist (ties, zeros) */
	VBS_STATS_E_NOCONV = -4,     /* iteration did not converge */
	VBS_STATS_E_NUMERIC = -5,    /* a GSL call failed or a result was not finite */
	VBS_STATS_E_NOMEM = -6       /* out of memory */
} vbs_stats_status;

/* A short English sentence for status (any int); never NULL. */
const char *stats_status_text(int status);

#endif
