/* sample_survey: safety survey microdata (trygghet/trygghet_YYYY.csv) with planted trends in F1 and F3. */
#ifndef SMP_SURVEY_H
#define SMP_SURVEY_H

#include "sample/sample_ctx.h"

/* Draws five survey years (2016-2024, even years), writes one file each
 * and records the model's probabilities and the realised weighted shares
 * in ctx. Returns 0 or -1 with the error in ctx. */
int smp_survey_write(smp_ctx *ctx);

#endif
