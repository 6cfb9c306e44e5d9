/* activities: the staged action plan (one record per Aktivitet-ID) and its
 * activity log (one record per occurrence), de-duplicated as inputs.md
 * section 5 says. Codes are indices into the mapping's code sets, dates
 * are day numbers and stamps; the activity's name (Aktivitet) and its
 * responsible role (Ansvarig) are the only strings kept, in the table's own
 * string store, because the follow-up sheet publishes them. Kommentar is
 * never staged. */
#ifndef VBS_ACTIVITIES_H
#define VBS_ACTIVITIES_H

#include <stddef.h>
#include <stdint.h>

#include "records/intern.h"
#include "records/keyed.h"

/* A text (Aktivitet, Ansvarig) that was blank, absent or not kept. */
#define ACTIVITY_TEXT_NONE UINT32_MAX
/* Mål or Antal deltagare that was blank, absent or bad. */
#define ACTIVITY_NONE (-1)

/* One activity of the plan. The target is countable when mal >= 0 and the
 * period is not `löpande`; statistics use Mål only for `år` and `termin`.
 * An `år` or `termin` activity with mal == ACTIVITY_NONE had no valid Mål
 * (reported at ingest): it is followed up without a target, occurrences
 * only. */
typedef struct vbs_activity {
	vbs_origin origin;    /* first: keyed needs it */
	int32_t mal;          /* Mål, or ACTIVITY_NONE */
	uint32_t name;        /* Aktivitet in the string store, or ACTIVITY_TEXT_NONE */
	uint32_t ansvarig;    /* Ansvarig in the string store, or ACTIVITY_TEXT_NONE */
	uint8_t arbetsomrade; /* code index in the arbetsomrade set */
	uint8_t period;       /* code index in the period set */
} vbs_activity;

_Static_assert(sizeof(vbs_activity) <= 24, "a plan activity must fit in 24 bytes");

/* One accepted log row: an occurrence on the calendar date `day`. */
typedef struct vbs_occurrence {
	vbs_origin origin;    /* first: keyed needs it */
	int64_t stamp;        /* Datum with its time, seconds (00:00:00 without) */
	int32_t day;          /* calendar date of Datum, day number */
	int32_t deltagare;    /* Antal deltagare, or ACTIVITY_NONE */
	uint32_t activity;    /* index of the activity in the plan */
} vbs_occurrence;

_Static_assert(sizeof(vbs_occurrence) <= 32, "an occurrence must fit in 32 bytes");

typedef struct vbs_activities {
	vbs_keyed plan;   /* vbs_activity keyed by Aktivitet-ID */
	vbs_keyed log;    /* vbs_occurrence keyed by activity and stamp */
	vbs_intern texts; /* the string store of Aktivitet and Ansvarig */
} vbs_activities;

/* Empties a; expected sizes the plan. Returns 0, or -1 when out of memory
 * (a is then safe to release). */
int activities_init(vbs_activities *a, size_t expected);

/* Frees everything a holds and leaves it empty; a zeroed a is fine. */
void activities_release(vbs_activities *a);

/* Offers a version of plan activity `id` (rec->name and rec->ansvarig are
 * ignored: name and ansvarig are stored, NULL or "" meaning none). The
 * later offered version replaces an earlier one of the same id and keeps its
 * place in plan order; *loser_file is then the file of the one that lost.
 * Returns KEYED_NEW, KEYED_REPLACED or KEYED_ERROR (out of memory: a is
 * unchanged but its string store may have grown). */
keyed_put activities_put_plan(vbs_activities *a, const char *id,
                              const vbs_activity *rec, const char *name,
                              const char *ansvarig, int *loser_file);

/* Offers an occurrence; rec->activity must be an index of the plan. Two
 * occurrences with the same activity and the same stamp are one log row:
 * the later offered replaces the earlier (*loser_file is its file).
 * Returns KEYED_NEW, KEYED_REPLACED or KEYED_ERROR (out of memory). */
keyed_put activities_put_log(vbs_activities *a, const vbs_occurrence *rec,
                             int *loser_file);

/* Number of activities in the plan. */
size_t activities_count(const vbs_activities *a);

/* Activity i (0 <= i < activities_count), in plan order: the order in which
 * the ids were first read. */
const vbs_activity *activities_get(const vbs_activities *a, size_t i);

/* The Aktivitet-ID of activity i. Valid until the next put. */
const char *activities_id(const vbs_activities *a, size_t i);

/* The index of the activity with this Aktivitet-ID (exact match), or -1. */
int64_t activities_find(const vbs_activities *a, const char *id);

/* A text of the store (an activity's name or ansvarig), "" for
 * ACTIVITY_TEXT_NONE. Valid until the next put. */
const char *activities_text(const vbs_activities *a, uint32_t text);

/* Number of occurrences in the log. */
size_t activities_occurrences(const vbs_activities *a);

/* Occurrence i (0 <= i < activities_occurrences), in the order first read. */
const vbs_occurrence *activities_occurrence(const vbs_activities *a, size_t i);

#endif
