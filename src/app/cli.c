/* cli: command-line parsing (see cli.h). */
#include "app/cli.h"

#include <string.h>

#include "base/date.h"

const char *cli_usage(void)
{
	return
	"usage: vbestat run --inputs DIR --outputs DIR [--as-of YYYY-MM-DD] [--config FILE]\n"
	"       vbestat --help | --version\n"
	"\n"
	"Reads the exports in DIR/<source>/*.csv, computes the statistics of the\n"
	"action plan against violent extremism and publishes the VB appendix\n"
	"workbook, statistics.csv and rejects.csv in the output folder.\n"
	"\n"
	"  --inputs DIR     the folder with one sub-folder per source (ia, ...)\n"
	"  --outputs DIR    where the outputs are published (created if missing)\n"
	"  --as-of DATE     the data cut-off date (default: today)\n"
	"  --config FILE    the run configuration (default: pipeline/vbestat.conf\n"
	"                   in the working folder, else beside the bin/ folder)\n"
	"\n"
	"Exit status: 0 published; 64 usage; 65 unusable input file; 66 input\n"
	"folder or required source missing; 70 internal error; 73 output folder\n"
	"not writable; 74 I/O error; 75 another run holds the lock; 78 bad\n"
	"configuration.\n";
}

/* Takes the value of option argv[*i] (either "--opt=value" or "--opt value"). */
static int option_value(int argc, char **argv, int *i, const char *name,
                        const char **value, vbs_error *err)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];

	if (arg[n] == '=') {
		*value = arg + n + 1;
	} else if (*i + 1 < argc) {
		*value = argv[++*i];
	} else {
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "option %s needs a value; see vbestat --help", name);
	}
	if (!**value)
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "option %s needs a non-empty value", name);
	/* "--inputs --outputs x": the value is missing, not "--outputs". */
	if (arg[n] != '=' && strncmp(*value, "--", 2) == 0)
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "option %s needs a value, not the option '%s'", name, *value);
	return 0;
}

static int is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);

	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

int cli_parse(int argc, char **argv, int32_t today, vbs_options *opt,
              vbs_error *err)
{
	const char *as_of = NULL;

	memset(opt, 0, sizeof(*opt));
	opt->as_of = today;
	if (argc < 2)
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "missing command; usage: vbestat run --inputs DIR --outputs DIR [--as-of YYYY-MM-DD]");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		opt->action = CLI_HELP;
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		opt->action = CLI_VERSION;
		return 0;
	}
	if (strcmp(argv[1], "run") != 0)
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "unknown command '%s'; the command is `run` (see vbestat --help)",
		                 argv[1]);
	opt->action = CLI_RUN;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		int rc = 0;

		if (strcmp(a, "--help") == 0) {
			opt->action = CLI_HELP;
			return 0;
		} else if (is_option(a, "--inputs")) {
			rc = option_value(argc, argv, &i, "--inputs", &opt->inputs, err);
		} else if (is_option(a, "--outputs")) {
			rc = option_value(argc, argv, &i, "--outputs", &opt->outputs, err);
		} else if (is_option(a, "--as-of")) {
			rc = option_value(argc, argv, &i, "--as-of", &as_of, err);
		} else if (is_option(a, "--config")) {
			rc = option_value(argc, argv, &i, "--config", &opt->config, err);
		} else {
			return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
			                 "unknown option '%s'; see vbestat --help", a);
		}
		if (rc != 0)
			return -1;
	}
	if (!opt->inputs)
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "missing --inputs DIR (the folder with the exports)");
	if (!opt->outputs)
		return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
		                 "missing --outputs DIR (where the outputs are published)");
	if (as_of) {
		/* A date only: a time here would be a mistake, not a cut-off. */
		if (strlen(as_of) != 10 || date_parse(as_of, &opt->as_of, NULL) != 0)
			return error_set(err, VBS_E_USAGE, NULL, 0, NULL,
			                 "--as-of '%s' is not a valid date; write YYYY-MM-DD, e.g. 2026-10-31",
			                 as_of);
	}
	return 0;
}
