/* incidents: the staged IA cases, one compact record per distinct
 * Ärendenummer after de-duplication. Nothing after ingest sees a CSV string:
 * dates are day numbers, codes are indices into the mapping's code sets.
 * Each record keeps the file and line it came from, for traceability. */
#ifndef VBS_INCIDENTS_H
#define VBS_INCIDENTS_H

#include <stddef.h>
#include <stdint.h>

#include "records/id_index.h"

/* Code index meaning "no value" in a code field without fallback. */
#define INCIDENT_CODE_NONE UINT8_MAX

typedef struct vbs_incident {
	uint32_t modified;   /* Senast ändrad: incident_stamp(), 0 = missing */
	int32_t event_day;   /* Händelsedatum, day number */
	uint32_t line;       /* physical line in its file */
	uint16_t file;       /* index in the input-file ledger */
	uint8_t vbe;         /* koppling_vbe code index */
	uint8_t miljo;       /* code indices; the set's fallback when missing */
	uint8_t kategori;
	uint8_t handelsetyp;
	uint8_t verksamhet;
	uint8_t omrade;
	uint8_t area_unknown; /* Område was blank or not a known area */
	uint8_t miljo_blank;  /* Miljö was blank (counted as Okänd) */
} vbs_incident;

/* City scale: 10^7 cases in well under half a gigabyte (24 bytes here, 8
 * for the packed id and about 8 for the index's slots). */
_Static_assert(sizeof(vbs_incident) <= 24, "an IA case must stay within 24 bytes");

/* A Senast ändrad stamp (seconds since 1970, or STAMP_NONE) as stored:
 * 0 for a missing one, else the seconds plus one, held within 1970-2106
 * (the IA system has no earlier or later times). Order is kept, so a
 * missing stamp loses to any valid one. */
uint32_t incident_stamp(int64_t seconds);

typedef struct vbs_incidents {
	vbs_id_index ids;    /* Ärendenummer -> record index */
	vbs_incident *items; /* indexed by the interned id */
	size_t n, cap;
} vbs_incidents;

/* expected: about how many cases, to size the index up front. */
int incidents_init(vbs_incidents *s, size_t expected);
void incidents_release(vbs_incidents *s);

typedef enum incident_put {
	INCIDENT_NEW,      /* first version of this case */
	INCIDENT_REPLACED, /* replaced an earlier version (that one lost) */
	INCIDENT_KEPT,     /* an earlier version is newer: this one lost */
	INCIDENT_ERROR = -1
} incident_put;

/* Offers a version of case `id`. Versions are offered in read order (files
 * in name order, rows in file order). The one with the latest `modified`
 * wins; a missing `modified` loses to any valid one; on a tie the later
 * offered wins. On INCIDENT_REPLACED, *loser_file is the file of the version
 * that lost. */
incident_put incidents_put(vbs_incidents *s, const char *id,
                           const vbs_incident *rec, int *loser_file);

#endif
