/* respondents: the staged safety-survey respondents, one compact record per
 * distinct (År, Löpnummer) after de-duplication: (År, Löpnummer) identifies
 * a respondent across overlapping files and the later version wins (files
 * in name order, rows in file order). Nothing after ingest sees a CSV
 * string: codes are indices into the mapping's code sets. */
#ifndef VBS_RESPONDENTS_H
#define VBS_RESPONDENTS_H

#include <stddef.h>
#include <stdint.h>

#include "records/keyed.h"

/* Code index meaning "no value" in a code field whose set has no fallback. */
#define RESPONDENT_CODE_NONE UINT8_MAX

/* The last survey year a record may have: the last year of the pipeline's
 * dates (and well inside int16_t). */
#define RESPONDENT_YEAR_MAX 2999

/* The survey questions F1..F4, in the order of inputs.md section 2. */
enum { RESPONDENT_QUESTIONS = 4 };

typedef struct vbs_respondent {
	vbs_origin origin;    /* file and line of the version kept */
	double weight;        /* Vikt, > 0 */
	int16_t year;         /* År */
	uint8_t omrade;       /* code indices; the set's fallback when missing */
	uint8_t kon;
	uint8_t aldersgrupp;
	uint8_t answer[RESPONDENT_QUESTIONS]; /* F1..F4; a blank answer is 9 */
	uint8_t area_unknown; /* Område was blank, unknown or bad (Okänt område) */
} vbs_respondent;

_Static_assert(sizeof(vbs_respondent) <= 32, "a respondent must fit in 32 bytes");

typedef struct vbs_respondents {
	vbs_keyed table; /* key "<År>:<Löpnummer>", e.g. "2019:1043" */
} vbs_respondents;

/* Makes an empty table sized for about `expected` respondents. Returns 0,
 * or -1 when out of memory (respondents_release is still safe). */
int respondents_init(vbs_respondents *r, size_t expected);

/* Frees everything the table holds and leaves it empty. */
void respondents_release(vbs_respondents *r);

/* Offers the version of respondent (rec->year, lopnummer) read last, with
 * rec->year <= RESPONDENT_YEAR_MAX. A first version is KEYED_NEW; otherwise
 * it replaces the one kept (KEYED_REPLACED) and *loser_file is the file of
 * the replaced version. KEYED_ERROR when out of memory. */
keyed_put respondents_put(vbs_respondents *r, long long lopnummer,
                          const vbs_respondent *rec, int *loser_file);

/* Number of distinct respondents. */
size_t respondents_count(const vbs_respondents *r);

/* Respondent i (0 <= i < respondents_count), in first-seen order. */
const vbs_respondent *respondents_get(const vbs_respondents *r, size_t i);

/* The kept version of respondent (year, lopnummer), or NULL. */
const vbs_respondent *respondents_find(const vbs_respondents *r, int year,
                                       long long lopnummer);

/* The key of respondent i, "<År>:<Löpnummer>": for tracing a figure back to
 * its rows. Valid until the table changes. */
const char *respondents_key(const vbs_respondents *r, size_t i);

#endif
