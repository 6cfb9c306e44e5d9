/* sample_klotter: the park and street unit's sticker, poster and graffiti log (klotter/klotter_*.csv). */
#ifndef SMP_KLOTTER_H
#define SMP_KLOTTER_H

#include "sample/sample_ctx.h"

/* Draws the finds 2014..2026-10-31, writes four overlapping exports and
 * records the true yearly counts in ctx. Returns 0 or -1 with the error
 * in ctx. */
int smp_klotter_write(smp_ctx *ctx);

#endif
