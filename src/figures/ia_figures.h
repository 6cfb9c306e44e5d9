/* ia_figures: staged IA cases -> the figures of the indicators of source
 * `ia` in pipeline/indicators.ini, in file order, for report `vb` (every
 * year from the first year with a case dated on or before the as-of date
 * to the report year) and then report `lagesbild` (the year-to-date window
 * of each of those years up to the as-of year), counted by the counter
 * engine.
 *
 * kind count (incidents_vbe, incidents_oklart): the cases passing `where`
 *   (e.g. koppling_vbe:Ja), by total and every listed dimension, Garwood
 *   interval, no n; with `months = yes` also `manad` rows ("01" up to the
 *   as-of month) in report lagesbild for the current window only. Every
 *   count carries the cases about a person (Kategori among person_kategori)
 *   and its exposure: the district's population of the period's year on the
 *   total, the area's on an `omrade` row, 0 where there is none (other
 *   breakdowns, months, Okänt område, years without population).
 * kind rate (incident_rate_per_10000): the cases of its `of` count per
 *   10 000 inhabitants of the period's year, by total and its dimensions;
 *   rows only where that year (and area) has a population, never carried
 *   over from another year; none without a population file. Interval: the
 *   count's Garwood interval scaled alike; n = the count; exposure = the
 *   population; persons = the count's (disclosure must let a rate follow
 *   its count, statistics.md §5).
 * Other kinds are a configuration error for this source. */
#ifndef VBS_IA_FIGURES_H
#define VBS_IA_FIGURES_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"
#include "records/incidents.h"
#include "records/population.h"

typedef struct vbs_ia_figures {
	const vbs_incidents *cases;
	const vbs_mapping *mapping;        /* pipeline/sources/ia.ini */
	const vbs_codesets *codesets;
	const vbs_indicators *indicators;  /* must outlive the figures */
	const vbs_population *population;  /* NULL: no population file, no rates */
	int32_t as_of;
	uint64_t person_kategori; /* bit i: Kategori code i concerns a person */
} vbs_ia_figures;

/* The first calendar year with a case dated on or before as_of, or -1
 * when there is none. */
int ia_figures_first_year(const vbs_incidents *cases, int32_t as_of);

/* Appends the figures of both reports to out (nothing when no case is
 * dated on or before as_of). Errors: VBS_E_CONFIG naming indicators.ini
 * when an indicator names a column, dimension or code the mapping lacks or
 * a kind this source has not; VBS_E_DATA when the data span more than
 * PERIODS_MAX years; VBS_E_SOFTWARE when out of memory. */
int ia_figures_build(const vbs_ia_figures *req, vbs_figures *out, vbs_error *err);

#endif
