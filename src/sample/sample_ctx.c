/* sample_ctx: set-up, error recording and ground-truth bookkeeping for the sample generator. */
#include "sample/sample_ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One fixed seed per source (the argument of smp_ctx_seed). Each source
 * draws from its own stream, so a change in one source's code leaves the
 * others' files as they were. Building with -DSMP_SEED_EXPLORE=n seeds
 * source s with n + 7919 s instead, to compare candidate seeds. The IA and
 * survey seeds are the candidates among n = 1..300 whose draws lie closest
 * to the planted model (chi-square of the yearly Ja/Oklart counts against
 * their Poisson means; of the 20 survey shares against the model
 * probabilities), so that the sample shows the planted trends plainly. */
static const unsigned long source_seeds[] = {
	20191112UL,                  /* 0: unused */
	20191112UL + 7919UL * 1,     /* 1: population */
	46UL + 7919UL * 2,           /* 2: IA */
	190UL + 7919UL * 3,          /* 3: survey */
	20191112UL + 7919UL * 4,     /* 4: dialogues */
	20191112UL + 7919UL * 5,     /* 5: klotter */
	20191112UL + 7919UL * 6,     /* 6: concern forms */
	20191112UL + 7919UL * 7,     /* 7: activities */
};

int smp_ctx_init(smp_ctx *ctx, const char *outdir)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->outdir = outdir;
	ctx->truth = calloc(1, sizeof *ctx->truth);
	if (!ctx->truth)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	ctx->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!ctx->rng)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	smp_ctx_seed(ctx, 0);
	return 0;
}

void smp_ctx_release(smp_ctx *ctx)
{
	if (ctx->rng)
		gsl_rng_free(ctx->rng);
	ctx->rng = NULL;
	free(ctx->truth);
	ctx->truth = NULL;
}

void smp_ctx_seed(smp_ctx *ctx, unsigned long source)
{
#ifdef SMP_SEED_EXPLORE
	gsl_rng_set(ctx->rng, (unsigned long)SMP_SEED_EXPLORE + 7919UL * source);
#else
	size_t n = sizeof source_seeds / sizeof source_seeds[0];

	gsl_rng_set(ctx->rng, source_seeds[source < n ? source : 0]);
#endif
}

int smp_ctx_fail(smp_ctx *ctx, smp_status code, const char *fmt, ...)
{
	va_list ap;

	if (ctx->status != SMP_OK)
		return -1;
	ctx->status = code;
	va_start(ap, fmt);
	if (vsnprintf(ctx->message, sizeof ctx->message, fmt, ap) < 0)
		ctx->message[0] = '\0';
	va_end(ap);
	return -1;
}

static void copy_text(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

int smp_ctx_issue(smp_ctx *ctx, const char *file, long line,
                  const char *column, const char *value, const char *note)
{
	smp_issue *is;

	if (ctx->truth->nissues >= SMP_MAX_ISSUES)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE,
		                    "too many planted issues (limit %d)",
		                    SMP_MAX_ISSUES);
	is = &ctx->truth->issues[ctx->truth->nissues++];
	copy_text(is->file, sizeof is->file, file);
	is->line = line;
	copy_text(is->column, sizeof is->column, column);
	copy_text(is->value, sizeof is->value, value);
	copy_text(is->note, sizeof is->note, note);
	return 0;
}

int smp_ctx_file(smp_ctx *ctx, const smp_fileinfo *info)
{
	if (ctx->truth->nfiles >= SMP_MAX_FILES)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE,
		                    "too many output files (limit %d)",
		                    SMP_MAX_FILES);
	ctx->truth->files[ctx->truth->nfiles++] = *info;
	return 0;
}

int smp_ctx_path(smp_ctx *ctx, const char *rel, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s", ctx->outdir, rel);

	if (n < 0 || (size_t)n >= size)
		return smp_ctx_fail(ctx, SMP_E_USAGE,
		                    "output path too long: '%s/%s'",
		                    ctx->outdir, rel);
	return 0;
}
