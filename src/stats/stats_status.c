/* stats_status: sentences for the status codes of src/stats/. */
#include "stats/stats_status.h"

const char *stats_status_text(int status)
{
	switch (status) {
	case VBS_STATS_OK:
		return "ok";
	case VBS_STATS_E_INVALID:
		return "invalid input (negative, non-finite or out-of-range value)";
	case VBS_STATS_E_SHORT:
		return "series too short for the method";
	case VBS_STATS_E_DEGENERATE:
		return "estimate does not exist for this series (all tied, all zero or all at one end)";
	case VBS_STATS_E_NOCONV:
		return "iterative fit did not converge within the iteration limit";
	case VBS_STATS_E_NUMERIC:
		return "numerical failure (a GSL routine failed or a result was not finite)";
	case VBS_STATS_E_NOMEM:
		return "out of memory";
	default:
		return "unknown statistics status";
	}
}
