/* ingest_trygghet: safety-survey exports (inputs.md section 2) -> staged
 * respondents. Knows which mapped columns a respondent needs; the generic
 * checks are source_reader's. */
#ifndef VBS_INGEST_TRYGGHET_H
#define VBS_INGEST_TRYGGHET_H

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/respondents.h"

/* Reads the .csv files of the survey folder into out (initialised here;
 * release with respondents_release even on failure). Rows whose required
 * value is missing or bad are dropped and reported by the reader; an År
 * after RESPONDENT_YEAR_MAX is reported here and the row dropped. A
 * respondent repeated in a later file (or later in the same file) replaces
 * the earlier version, which counts as a duplicate of its own file. Then,
 * on the versions kept and in the file each came from, counts after_as_of
 * (År after the as-of year) and unknown_area (Okänt område).
 *
 * The mapping must have the columns lopnummer, ar (integers, required),
 * vikt (decimal, required), omrade, kon, aldersgrupp and f1..f4 (codes);
 * otherwise VBS_E_CONFIG naming the mapping file. Read errors are
 * source_reader_read's. */
int ingest_trygghet(const vbs_ingest *in, const vbs_mapping *m, int required,
                    vbs_respondents *out, vbs_error *err);

#endif
