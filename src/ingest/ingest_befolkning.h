/* ingest_befolkning: population exports (inputs.md section 4, optional) ->
 * staged inhabitants per (År, Område). Knows which mapped columns a row
 * needs; the generic checks are source_reader's. */
#ifndef VBS_INGEST_BEFOLKNING_H
#define VBS_INGEST_BEFOLKNING_H

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/population.h"

/* Reads the .csv files of the population folder into out (initialised here;
 * release with population_release even on failure). Rows whose required
 * value is missing or bad are dropped and reported by the reader; an År
 * after POPULATION_YEAR_MAX or a Befolkning above POPULATION_ROW_MAX is
 * reported here and the row dropped. A row for an (År, Område) seen before
 * replaces the earlier version, which counts as a duplicate of its own
 * file; an unknown area is kept as Okänt område (see population.h). Then,
 * on the versions kept and in the file each came from, counts after_as_of
 * (År after the as-of year) and unknown_area.
 *
 * The mapping must have the columns ar, befolkning (integers, required) and
 * omrade (a code); otherwise VBS_E_CONFIG naming the mapping file. Read
 * errors are source_reader_read's; without the folder and not required,
 * out stays empty. */
int ingest_befolkning(const vbs_ingest *in, const vbs_mapping *m, int required,
                      vbs_population *out, vbs_error *err);

#endif
