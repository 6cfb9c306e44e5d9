/* sample_oro: anonymised concern forms (oro/oro_*.csv), 2016..2026-10-31. */
#ifndef SMP_ORO_H
#define SMP_ORO_H

#include "sample/sample_ctx.h"

/* Draws 3-15 forms a year, writes two overlapping exports and records the
 * true yearly counts in ctx. Returns 0 or -1 with the error in ctx. */
int smp_oro_write(smp_ctx *ctx);

#endif
