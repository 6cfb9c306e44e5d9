/* sample_main: `vbestat-sample OUTDIR` writes the deterministic sample data set (CSV files per source and README.md) into OUTDIR. */
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "sample/sample_ctx.h"
#include "sample/sample_activity.h"
#include "sample/sample_dialog.h"
#include "sample/sample_ia.h"
#include "sample/sample_klotter.h"
#include "sample/sample_oro.h"
#include "sample/sample_population.h"
#include "sample/sample_readme.h"
#include "sample/sample_survey.h"

typedef int (*smp_step)(smp_ctx *ctx);

int main(int argc, char **argv)
{
	/* Population first: the other sources draw areas from it. */
	static const smp_step steps[] = {
		smp_population_write,
		smp_ia_write,
		smp_survey_write,
		smp_dialog_write,
		smp_activity_write,
		smp_klotter_write,
		smp_oro_write,
		smp_readme_write,	/* last: it reports what the others wrote */
	};
	smp_ctx ctx;
	size_t i;
	int status;

	if (argc != 2 || argv[1][0] == '\0' || argv[1][0] == '-') {
		fprintf(stderr, "usage: vbestat-sample OUTDIR (writes the sample data set into OUTDIR)\n");
		return SMP_E_USAGE;
	}
	gsl_set_error_handler_off();
	if (smp_ctx_init(&ctx, argv[1]) == 0)
		for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
			if (steps[i](&ctx) < 0)
				break;
	status = (int)ctx.status;
	if (status != SMP_OK)
		fprintf(stderr, "vbestat-sample: %s\n", ctx.message);
	smp_ctx_release(&ctx);
	return status;
}
