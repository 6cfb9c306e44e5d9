/* ingest_oro: anonymised concern forms (oro/ folder) -> staged forms. Knows
 * which mapped columns a form needs; the generic checks are
 * source_reader's. */
#ifndef VBS_INGEST_ORO_H
#define VBS_INGEST_ORO_H

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/concerns.h"

/* Reads the .csv files of the oro folder into out (initialised here;
 * release with concerns_release even on failure), one record per
 * Blankett-ID, the later version winning (its loser counted as a duplicate
 * in the loser's file). Then counts, per file, the kept forms dated after
 * in->as_of (a form has no area: unknown_area stays 0). The mapping must
 * have blankett_id, datum and typ_av_oro required (VBS_E_CONFIG
 * otherwise). Returns 0, or -1 with err filled. */
int ingest_oro(const vbs_ingest *in, const vbs_mapping *m, int required,
               vbs_concerns *out, vbs_error *err);

#endif
