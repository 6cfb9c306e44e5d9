/* sample_activity: the action plan's activities and their follow-up log (aktiviteter/plan.csv, logg.csv). */
#ifndef SMP_ACTIVITY_H
#define SMP_ACTIVITY_H

#include "sample/sample_ctx.h"

/* Writes the plan (activities of the district's 2019 action plan) and a
 * log 2019-01-01..2026-10-31 with planted shortfalls; records the true
 * occurrences per activity and period in ctx. Returns 0 or -1 with the
 * error in ctx. */
int smp_activity_write(smp_ctx *ctx);

#endif
