/* sample_dialog: citizen dialogues (dialog/dialog_*.csv) in three overlapping exports. */
#ifndef SMP_DIALOG_H
#define SMP_DIALOG_H

#include "sample/sample_ctx.h"

/* Draws 15-30 dialogues a year 2014..2026-10-31, writes three overlapping
 * exports and records the true yearly counts in ctx. Returns 0 or -1 with
 * the error in ctx. */
int smp_dialog_write(smp_ctx *ctx);

#endif
