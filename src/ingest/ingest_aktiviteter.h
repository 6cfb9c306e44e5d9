/* ingest_aktiviteter: the action plan and its activity log (inputs.md
 * section 5, aktiviteter/) -> staged activities and occurrences. Knows what
 * the follow-up needs from the two exports; the generic checks (dates,
 * codes, counts, required fields, field counts, personal identity numbers)
 * are source_reader's. */
#ifndef VBS_INGEST_AKTIVITETER_H
#define VBS_INGEST_AKTIVITETER_H

#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/activities.h"

/* Reads the plan files (plan's `files` glob in the aktiviteter folder),
 * then the log files (logg's glob), into out (initialised here; release
 * with activities_release even on failure).
 *
 * Plan: one activity per Aktivitet-ID, the later version wins (the loser
 * is counted as a duplicate in its file). A row whose Period is not
 * `löpande` (år, termin) but whose Mål is blank or absent is kept without a
 * countable target (mal = ACTIVITY_NONE) and reported as a bad value on Mål
 * with value "" (a bad Mål is already reported by source_reader and is not
 * reported twice). Mål is kept as written for `löpande`. A Mål or Antal
 * deltagare over INT32_MAX is reported and treated as missing.
 *
 * Log: one occurrence per Aktivitet-ID and Datum with its time, the later
 * version wins. A row whose Aktivitet-ID is not in the plan is dropped and
 * reported (column = logg's header of aktivitet_id, value = the id).
 *
 * The plan and the log come as a pair: when one of them has files and the
 * other none, nothing can be followed up (a log row cannot be checked
 * without a plan, and a plan without a log would show every target
 * missed), so ingest stops with VBS_E_NOINPUT naming the file that is
 * there. When neither has files the source is absent: an error
 * (VBS_E_NOINPUT) when required, else out stays empty.
 *
 * After reading, each file's after_as_of counts its kept log rows dated
 * after in->as_of. Returns 0, or -1 with err filled (VBS_E_CONFIG when a
 * mapping lacks a needed column or the period set lacks `löpande`). */
int ingest_aktiviteter(const vbs_ingest *in, const vbs_mapping *plan,
                       const vbs_mapping *logg, int required,
                       vbs_activities *out, vbs_error *err);

#endif
