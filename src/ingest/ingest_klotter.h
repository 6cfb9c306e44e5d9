/* ingest_klotter: the sticker, poster and graffiti log (klotter/ folder) ->
 * staged finds. Adds the source's own check (a Sanerat datum before Datum
 * is a bad value) to the generic checks of source_reader. */
#ifndef VBS_INGEST_KLOTTER_H
#define VBS_INGEST_KLOTTER_H

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/finds.h"

/* Reads the .csv files of the klotter folder into out (initialised here;
 * release with finds_release even on failure), one record per Ärende-ID,
 * the later version winning (its loser counted as a duplicate in the
 * loser's file). A Sanerat datum on a calendar date before Datum is
 * reported (column = the mapping's header, value as written) and treated
 * as missing: the find counts as not removed, the row is kept. An Antal
 * above INT32_MAX is reported (too long) and drops the row. Then counts,
 * per file, the kept finds dated after in->as_of and those with an
 * unknown area. The mapping must have arende_id, datum, typ and antal
 * required, and antal with min >= 1 (VBS_E_CONFIG otherwise). Returns 0,
 * or -1 with err filled. */
int ingest_klotter(const vbs_ingest *in, const vbs_mapping *m, int required,
                   vbs_finds *out, vbs_error *err);

#endif
