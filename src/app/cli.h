/* cli: the command line of bin/vbestat (outputs.md):
 *   vbestat run --inputs DIR --outputs DIR [--as-of YYYY-MM-DD] [--config FILE]
 *   vbestat --help | --version
 * Parsing only: no file is opened here. */
#ifndef VBS_CLI_H
#define VBS_CLI_H

#include <stdint.h>

#include "base/error.h"

typedef enum cli_action { CLI_RUN, CLI_HELP, CLI_VERSION } cli_action;

typedef struct vbs_options {
	cli_action action;
	const char *inputs;   /* points into argv */
	const char *outputs;
	const char *config;   /* NULL: the default beside the program */
	int32_t as_of;        /* day number */
} vbs_options;

/* Parses argv. today is the as-of date when --as-of is not given. Errors
 * are VBS_E_USAGE with a one-line message. */
int cli_parse(int argc, char **argv, int32_t today, vbs_options *opt,
              vbs_error *err);

/* The --help text. */
const char *cli_usage(void);

#endif
