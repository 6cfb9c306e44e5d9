/* population: the staged inhabitants per area and year (31 December), one
 * record per (År, Område) after de-duplication, the later file winning; and
 * the lookups the rates per 10 000 inhabitants need.
 *
 * Okänt område: a row whose Område is not one of the district's areas is
 * kept, with area_unknown set, and keyed on (År, the area as written), so
 * that two different unknown names of one year stay two rows and a repeat of
 * the same name in a later file replaces the earlier one. Such rows have no
 * area code of their own, so population_get never returns them (Okänt
 * område has no population: its rate is left out), but they are part of the
 * district total: they are the district's inhabitants under a name the code
 * set does not know (the ingest counts them on the data-quality sheet). */
#ifndef VBS_POPULATION_H
#define VBS_POPULATION_H

#include <stddef.h>
#include <stdint.h>

#include "records/keyed.h"

/* The most inhabitants one row may hold: more than any city district, and
 * small enough that no sum over rows can overflow 64 bits. */
#define POPULATION_ROW_MAX INT64_C(1000000000)
/* The last year a row may have: the last year of the pipeline's dates. */
#define POPULATION_YEAR_MAX 2999

typedef struct vbs_population_row {
	vbs_origin origin;    /* file and line of the version kept */
	int64_t inhabitants;  /* Befolkning, >= 0 */
	int16_t year;         /* År */
	uint8_t omrade;       /* code index; when unknown the set's fallback
	                         (UINT8_MAX in a set without one) */
	uint8_t area_unknown; /* Område is not one of the district's areas */
} vbs_population_row;

typedef struct vbs_population {
	/* key "<År>:<code index>" for an area of the code set,
	 * "<År>:?<area as written>" for an unknown one */
	vbs_keyed table;
} vbs_population;

/* Makes an empty table sized for about `expected` rows. Returns 0, or -1
 * when out of memory (population_release is still safe). */
int population_init(vbs_population *p, size_t expected);

/* Frees everything the table holds and leaves it empty. */
void population_release(vbs_population *p);

/* Offers the version of row (rec->year, rec->omrade) read last, with
 * rec->inhabitants <= POPULATION_ROW_MAX and rec->year <= POPULATION_YEAR_MAX.
 * When rec->area_unknown, the row is keyed on area_name (the trimmed Område
 * as written; NULL is taken as "") instead of its code. A first version is
 * KEYED_NEW; otherwise it replaces the one kept (KEYED_REPLACED) and
 * *loser_file is the file of the replaced version. KEYED_ERROR when out of
 * memory. */
keyed_put population_put(vbs_population *p, const vbs_population_row *rec,
                         const char *area_name, int *loser_file);

/* Number of rows kept. */
size_t population_count(const vbs_population *p);

/* Row i (0 <= i < population_count), in first-seen order. */
const vbs_population_row *population_row(const vbs_population *p, size_t i);

/* The inhabitants of area area_code (an index into the omrade code set) in
 * year: returns 0 and sets *value, or -1 when there is no such row (value
 * untouched). Okänt område, the set's fallback, never has a row. */
int population_get(const vbs_population *p, int year, int area_code,
                   int64_t *value);

/* The district's inhabitants in year: the sum of every row of that year,
 * unknown areas included (see the top of this file). Returns 0 and sets
 * *value, or -1 when the year has no row (value untouched). A year with
 * rows for some areas only sums those: it is not completed or guessed. The
 * sum cannot overflow (see POPULATION_ROW_MAX). */
int population_total(const vbs_population *p, int year, int64_t *value);

#endif
