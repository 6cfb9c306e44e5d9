/* ingest_dialog: citizen dialogue exports (dialog/ folder) -> staged
 * dialogues. Knows which mapped columns a dialogue needs; the generic
 * checks are source_reader's. */
#ifndef VBS_INGEST_DIALOG_H
#define VBS_INGEST_DIALOG_H

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/dialogs.h"

/* Reads the .csv files of the dialogue folder into out (initialised here;
 * release with dialogs_release even on failure), one record per Dialog-ID,
 * the later version winning (its loser counted as a duplicate in the
 * loser's file). Then counts, per file, the kept dialogues dated after
 * in->as_of and those with an unknown area. The mapping must have
 * dialog_id and datum required, and antal_deltagare with min >= 0
 * (VBS_E_CONFIG otherwise). A count above INT32_MAX is reported (too
 * long) and treated as missing. Returns 0, or -1 with err filled. */
int ingest_dialog(const vbs_ingest *in, const vbs_mapping *m, int required,
                  vbs_dialogs *out, vbs_error *err);

#endif
