/* main: bin/vbestat. Parses the command line, runs the pipeline and maps
 * the first error to an exit status (sysexits.h, outputs.md). The only
 * place that prints an error or exits. */
#include <gsl/gsl_errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/run.h"
#include "base/date.h"
#include "base/error.h"

enum { LINE_MAX_BYTES = 2048 };

/* Today in the machine's local time zone, the default as-of date. */
static int32_t today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return date_from_ymd(1970, 1, 1);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* pipeline/vbestat.conf in the working directory (the repository, as cron
 * and make run it), else beside the bin/ folder of this program, so that
 * the command also works from elsewhere. */
static void default_config(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	snprintf(buf, size, "%s", "pipeline/vbestat.conf");
	if (access(buf, F_OK) == 0)
		return;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return;
	*slash = '\0'; /* .../bin */
	if (!(slash = strrchr(exe, '/')))
		return;
	*slash = '\0'; /* the repository */
	snprintf(buf, size, "%s/pipeline/vbestat.conf", exe);
}

int main(int argc, char **argv)
{
	vbs_options opt;
	vbs_error err;
	char config[PATH_MAX + 32];
	char line[LINE_MAX_BYTES];

	/* GSL must return statuses, never abort: every status is read. */
	gsl_set_error_handler_off();
	error_init(&err);
	if (cli_parse(argc, argv, today(), &opt, &err) != 0)
		goto fail;
	if (opt.action == CLI_HELP) {
		fputs(cli_usage(), stdout);
		return 0;
	}
	if (opt.action == CLI_VERSION) {
		printf("vbestat %s\n", VBS_VERSION);
		return 0;
	}
	if (opt.config)
		snprintf(config, sizeof(config), "%s", opt.config);
	else
		default_config(config, sizeof(config));
	if (run_pipeline(&opt, config, stdout, &err) != 0)
		goto fail;
	if (fflush(stdout) != 0)
		return VBS_E_IO;
	return 0;
fail:
	fflush(stdout);
	error_format(&err, line, sizeof(line));
	fprintf(stderr, "vbestat: %s\n", line);
	return err.code != VBS_OK ? (int)err.code : VBS_E_SOFTWARE;
}
