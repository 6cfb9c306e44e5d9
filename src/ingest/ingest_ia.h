/* ingest_ia: IA incident exports -> staged incident records. Knows which
 * mapped columns an IA case needs; the generic checks are source_reader's. */
#ifndef VBS_INGEST_IA_H
#define VBS_INGEST_IA_H

#include <stdint.h>

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "records/incidents.h"

/* Reads the .csv files of the IA folder into out (initialised here; release with
 * incidents_release even on failure). */
int ingest_ia(const vbs_ingest *in, const vbs_mapping *m, int required,
              vbs_incidents *out, vbs_error *err);

#endif
