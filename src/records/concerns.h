/* concerns: the staged anonymised concern forms (inputs.md section 7), one
 * compact record per distinct Blankett-ID after de-duplication: the version
 * offered last (the later file, or the later row of a file) wins. The date
 * is a day number, codes are indices into the mapping's code sets. */
#ifndef VBS_CONCERNS_H
#define VBS_CONCERNS_H

#include <stddef.h>
#include <stdint.h>

#include "records/keyed.h"

/* Code index meaning "no value" (a code set without fallback). */
#define CONCERN_CODE_NONE UINT8_MAX

typedef struct vbs_concern {
	vbs_origin origin;   /* first: the keyed table reads it */
	int32_t day;         /* Datum, day number */
	uint8_t verksamhet;  /* code indices; the set's fallback when missing */
	uint8_t typ_av_oro;  /* required */
	uint8_t miljo;
	uint8_t aldersgrupp;
} vbs_concern;

_Static_assert(sizeof(vbs_concern) <= 16, "a concern form must fit in 16 bytes");

typedef struct vbs_concerns {
	vbs_keyed table; /* Blankett-ID -> vbs_concern */
} vbs_concerns;

/* Sizes the table for about `expected` forms. Returns 0, or -1 when out of
 * memory (concerns_release is still safe). */
int concerns_init(vbs_concerns *s, size_t expected);

/* Frees everything; the table is empty afterwards. */
void concerns_release(vbs_concerns *s);

/* Offers a version of form `id`; it replaces any earlier version. On
 * KEYED_REPLACED, *loser_file is the ledger index of the version that
 * lost. KEYED_ERROR: out of memory, nothing changed. */
keyed_put concerns_put(vbs_concerns *s, const char *id, const vbs_concern *rec,
                       int *loser_file);

/* Number of distinct forms. */
size_t concerns_count(const vbs_concerns *s);

/* Form i (0 <= i < concerns_count), in first-seen order of the ids. */
const vbs_concern *concerns_get(const vbs_concerns *s, size_t i);

/* The Blankett-ID of form i (0 <= i < concerns_count). */
const char *concerns_id(const vbs_concerns *s, size_t i);

#endif
