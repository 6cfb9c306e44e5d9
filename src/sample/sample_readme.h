/* sample_readme: writes OUTDIR/README.md from the generator's ground truth (files, planted trends, planted bad values). */
#ifndef SMP_README_H
#define SMP_README_H

#include "sample/sample_ctx.h"

/* Writes README.md; call after every source. Returns 0 or -1 with the
 * error in ctx. */
int smp_readme_write(smp_ctx *ctx);

#endif
