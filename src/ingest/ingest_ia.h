/* ingest_ia: IA incident exports -> staged incident records. Knows which
 * mapped columns an IA case needs; the generic checks are source_reader's. */
#ifndef VBS_INGEST_IA_H
#define VBS_INGEST_IA_H

#include <stdint.h>

#include "base/error.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "records/incidents.h"

typedef struct vbs_ingest {
	const char *inputs_dir;
	const vbs_codesets *codesets;
	int32_t as_of;          /* day number of the as-of date */
	vbs_input_files *files;
	vbs_rejects *rejects;
} vbs_ingest;

/* Reads the .csv files of the IA folder into out (initialised here; release with
 * incidents_release even on failure). */
int ingest_ia(const vbs_ingest *in, const vbs_mapping *m, int required,
              vbs_incidents *out, vbs_error *err);

#endif
