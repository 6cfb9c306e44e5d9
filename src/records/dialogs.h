/* dialogs: the staged citizen dialogues (inputs.md section 3), one compact
 * record per distinct Dialog-ID after de-duplication: the version offered
 * last (the later file, or the later row of a file) wins. Nothing after
 * ingest sees a CSV string: the date is a day number, codes are indices
 * into the mapping's code sets, the themes a bit mask over the tema set. */
#ifndef VBS_DIALOGS_H
#define VBS_DIALOGS_H

#include <stddef.h>
#include <stdint.h>

#include "records/keyed.h"

/* Code index meaning "no value" in a code field without fallback (the
 * ja_nej questions), or when a site's mapping drops a fallback. */
#define DIALOG_CODE_NONE UINT8_MAX
/* Antal deltagare when blank or bad. */
#define DIALOG_PARTICIPANTS_NONE (-1)

typedef struct vbs_dialog {
	vbs_origin origin;    /* first: the keyed table reads it */
	int32_t day;          /* Datum, day number */
	int32_t participants; /* Antal deltagare, or DIALOG_PARTICIPANTS_NONE */
	uint64_t themes;      /* Teman: bit i = code i of the tema set; 0 when
	                         blank or bad (no theme counted) */
	uint8_t omrade;       /* code indices; the set's fallback when missing */
	uint8_t malgrupp;
	uint8_t form;
	uint8_t trygghet;     /* Trygghet tas upp: ja_nej index or DIALOG_CODE_NONE */
	uint8_t vbe;          /* VBE tas upp: ja_nej index or DIALOG_CODE_NONE */
	uint8_t area_unknown; /* Område was blank or not a known area */
} vbs_dialog;

_Static_assert(sizeof(vbs_dialog) <= 32, "a dialogue must fit in 32 bytes");

typedef struct vbs_dialogs {
	vbs_keyed table; /* Dialog-ID -> vbs_dialog */
} vbs_dialogs;

/* Sizes the table for about `expected` dialogues. Returns 0, or -1 when out
 * of memory (dialogs_release is still safe). */
int dialogs_init(vbs_dialogs *s, size_t expected);

/* Frees everything; the table is empty afterwards. */
void dialogs_release(vbs_dialogs *s);

/* Offers a version of dialogue `id`; it replaces any earlier version. On
 * KEYED_REPLACED, *loser_file is the ledger index of the version that
 * lost. KEYED_ERROR: out of memory, nothing changed. */
keyed_put dialogs_put(vbs_dialogs *s, const char *id, const vbs_dialog *rec,
                      int *loser_file);

/* Number of distinct dialogues. */
size_t dialogs_count(const vbs_dialogs *s);

/* Dialogue i (0 <= i < dialogs_count), in first-seen order of the ids. */
const vbs_dialog *dialogs_get(const vbs_dialogs *s, size_t i);

/* The Dialog-ID of dialogue i (0 <= i < dialogs_count). */
const char *dialogs_id(const vbs_dialogs *s, size_t i);

#endif
