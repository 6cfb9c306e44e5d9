/* ingest: what every source's ingest module gets from the run: where the
 * exports are, the code sets, the as-of date, the input-file ledger to
 * count in and the rejects list to report to. Each source has a module
 * ingest_<source> with one entry point of the same shape:
 *
 *   int ingest_<source>(const vbs_ingest *in, const vbs_mapping *m,
 *                       int required, <records> *out, vbs_error *err);
 *
 * which reads the source's files through source_reader (ingest_request),
 * stages typed records (de-duplicated), counts rows dated after the as-of
 * date and unknown areas on the versions kept (ingest_count_kept), and
 * leaves every string of the CSV behind. */
#ifndef VBS_INGEST_H
#define VBS_INGEST_H

#include <stdint.h>

#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest/source_reader.h"

typedef struct vbs_ingest {
	const char *inputs_dir;
	const vbs_codesets *codesets;
	int32_t as_of;          /* day number of the as-of date */
	vbs_input_files *files;
	vbs_rejects *rejects;
} vbs_ingest;

/* The source_reader request of an ingest module: in's folder, code sets,
 * ledger and rejects, the module's mapping and its row callback. */
vbs_source_read ingest_request(const vbs_ingest *in, const vbs_mapping *m, int required,
                               source_row_fn on_row, void *ctx);

/* Counts one kept record (after de-duplication) in the ledger of the file
 * it came from: dated after the as-of date, and with an unknown area. */
void ingest_count_kept(const vbs_ingest *in, unsigned file, int after_as_of,
                       int area_unknown);

#endif
