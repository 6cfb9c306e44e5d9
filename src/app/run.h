/* run: one nightly run, stage by stage: configuration, ingest, figures,
 * disclosure, writers, publish. The stages are called in the order of the
 * data flow; the first error stops the run and travels back to main. */
#ifndef VBS_RUN_H
#define VBS_RUN_H

#include <stdio.h>

#include "app/cli.h"
#include "base/error.h"

/* Runs the pipeline for opt (action CLI_RUN) with the configuration file
 * config_path. Writes the operator's log to log. */
int run_pipeline(const vbs_options *opt, const char *config_path, FILE *log,
                 vbs_error *err);

#endif
