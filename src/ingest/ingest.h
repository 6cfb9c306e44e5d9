/* ingest: what every source's ingest module gets from the run: where the
 * exports are, the code sets, the as-of date, the input-file ledger to
 * count in and the rejects list to report to. Each source has a module
 * ingest_<source> with one entry point of the same shape:
 *
 *   int ingest_<source>(const vbs_ingest *in, const vbs_mapping *m,
 *                       int required, <records> *out, vbs_error *err);
 *
 * which reads the source's files through source_reader, stages typed
 * records (de-duplicated), counts rows dated after the as-of date and
 * unknown areas on the versions kept, and leaves every string of the CSV
 * behind. */
#ifndef VBS_INGEST_H
#define VBS_INGEST_H

#include <stdint.h>

#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"

typedef struct vbs_ingest {
	const char *inputs_dir;
	const vbs_codesets *codesets;
	int32_t as_of;          /* day number of the as-of date */
	vbs_input_files *files;
	vbs_rejects *rejects;
} vbs_ingest;

#endif
