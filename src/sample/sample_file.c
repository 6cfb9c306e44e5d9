/* sample_file: an output file with a sticky write error, so that every write is checked and the first failure reported. */
#include "sample/sample_file.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static int make_one(smp_ctx *ctx, const char *path)
{
	struct stat st;

	if (mkdir(path, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return smp_ctx_fail(ctx, SMP_E_IO, "unable to create folder '%s': %s",
	                    path, strerror(errno));
}

int smp_file_mkdir(smp_ctx *ctx, const char *rel)
{
	char path[SMP_PATH_MAX];

	if (make_one(ctx, ctx->outdir) < 0)
		return -1;
	if (smp_ctx_path(ctx, rel, path, sizeof path) < 0)
		return -1;
	return make_one(ctx, path);
}

int smp_file_open(smp_ctx *ctx, smp_file *f, const char *rel)
{
	size_t n = strlen(rel);

	memset(f, 0, sizeof *f);
	if (n >= sizeof f->rel)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "file name too long: '%s'", rel);
	memcpy(f->rel, rel, n + 1);
	if (smp_ctx_path(ctx, rel, f->path, sizeof f->path) < 0)
		return -1;
	f->fp = fopen(f->path, "wb");
	if (!f->fp)
		return smp_ctx_fail(ctx, SMP_E_IO, "unable to open '%s' for writing: %s",
		                    f->path, strerror(errno));
	return 0;
}

static void fail(smp_file *f)
{
	if (!f->failed) {
		f->failed = 1;
		f->err_no = errno ? errno : EIO;
	}
}

void smp_file_write(smp_file *f, const char *bytes, size_t n)
{
	if (f->failed || !f->fp || n == 0)
		return;
	errno = 0;
	if (fwrite(bytes, 1, n, f->fp) != n)
		fail(f);
}

void smp_file_puts(smp_file *f, const char *s)
{
	smp_file_write(f, s, strlen(s));
}

void smp_file_printf(smp_file *f, const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (f->failed || !f->fp)
		return;
	errno = 0;
	va_start(ap, fmt);
	rc = vfprintf(f->fp, fmt, ap);
	va_end(ap);
	if (rc < 0)
		fail(f);
}

int smp_file_close(smp_ctx *ctx, smp_file *f)
{
	int rc = 0;

	if (!f->fp)
		return 0;
	errno = 0;
	if (fclose(f->fp) != 0)
		fail(f);
	f->fp = NULL;
	if (f->failed)
		rc = smp_ctx_fail(ctx, SMP_E_IO, "unable to write '%s': %s",
		                  f->path, strerror(f->err_no));
	return rc;
}
