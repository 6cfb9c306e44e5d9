/* manifest: writes manifest.json (outputs.md), the lineage of a run: the
 * run id, the as-of date, the program version, every configuration file
 * read with its SHA-256, every input file with its SHA-256, the encoding and
 * delimiter detected and how its rows were counted, and every other output
 * with its SHA-256. Nothing in it depends on the clock, so the same run
 * gives the same bytes; wall-clock times belong in the log. */
#ifndef VBS_MANIFEST_H
#define VBS_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "ingest/input_files.h"

typedef struct vbs_manifest {
	int32_t as_of;
	const char *version;
	const char *const *config_paths;  /* as the run named them */
	size_t nconfig;
	const vbs_input_files *inputs;
	const char *const *output_names;  /* "statistics.csv", ... */
	const char *const *output_paths;  /* where each is staged, for its hash */
	size_t noutputs;
} vbs_manifest;

/* Hashes the configuration files and the outputs and writes the manifest
 * to path. The run id is the SHA-256 of the program version, the as-of
 * date, the configuration files' paths and hashes and the input files'
 * paths and hashes. */
int manifest_write(const vbs_manifest *m, const char *path, vbs_error *err);

#endif
