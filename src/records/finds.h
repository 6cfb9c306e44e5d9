/* finds: the staged sticker, poster and graffiti finds of the park and
 * street unit's log (inputs.md section 6), one compact record per distinct
 * Ärende-ID after de-duplication: the version offered last (the later
 * file, or the later row of a file) wins. Dates are day numbers, codes are
 * indices into the mapping's code sets. */
#ifndef VBS_FINDS_H
#define VBS_FINDS_H

#include <stddef.h>
#include <stdint.h>

#include "records/keyed.h"

/* Code index meaning "no value" (a code set without fallback). */
#define FIND_CODE_NONE UINT8_MAX

typedef struct vbs_find {
	vbs_origin origin;    /* first: the keyed table reads it */
	int32_t day;          /* Datum, day number */
	int32_t removed;      /* Sanerat datum, day number; DATE_NONE when not
	                         removed (blank), or bad (before Datum, not a
	                         date): then it counts as not removed */
	int32_t antal;        /* Antal, >= 1 */
	uint8_t typ;          /* klotter_typ index (required) */
	uint8_t miljo;        /* code indices; the set's fallback when missing */
	uint8_t omrade;
	uint8_t area_unknown; /* Område was blank or not a known area */
} vbs_find;

_Static_assert(sizeof(vbs_find) <= 24, "a find must fit in 24 bytes");

typedef struct vbs_finds {
	vbs_keyed table; /* Ärende-ID -> vbs_find */
} vbs_finds;

/* Sizes the table for about `expected` finds. Returns 0, or -1 when out of
 * memory (finds_release is still safe). */
int finds_init(vbs_finds *s, size_t expected);

/* Frees everything; the table is empty afterwards. */
void finds_release(vbs_finds *s);

/* Offers a version of find `id`; it replaces any earlier version. On
 * KEYED_REPLACED, *loser_file is the ledger index of the version that
 * lost. KEYED_ERROR: out of memory, nothing changed. */
keyed_put finds_put(vbs_finds *s, const char *id, const vbs_find *rec,
                    int *loser_file);

/* Number of distinct finds. */
size_t finds_count(const vbs_finds *s);

/* Find i (0 <= i < finds_count), in first-seen order of the ids. */
const vbs_find *finds_get(const vbs_finds *s, size_t i);

/* The Ärende-ID of find i (0 <= i < finds_count). */
const char *finds_id(const vbs_finds *s, size_t i);

#endif
