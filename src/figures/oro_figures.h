/* oro_figures: the staged anonymised concern forms -> the figures of the
 * indicators of source `oro` in pipeline/indicators.ini, in file order,
 * for report `vb` (every year from the first form dated on or before the
 * as-of date to the report year) and then report `lagesbild` (year-to-date
 * windows of those years up to the as-of year), counted by the counter
 * engine (statistics.md §6).
 *
 * kind count (oroblanketter): distinct forms (Blankett-ID, de-duplicated
 *   at ingest) dated in the period and passing `where`, by total and every
 *   listed dimension, Garwood interval, no n.
 * Concern forms always concern persons (statistics.md §5), whatever
 * indicators.ini says: every row's persons = its count, so disclosure's
 * primary rule applies to every breakdown; the district total is always
 * shown (disclosure never suppresses a total). Other kinds, and offset =
 * population, are configuration errors for this source. */
#ifndef VBS_ORO_FIGURES_H
#define VBS_ORO_FIGURES_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"
#include "records/concerns.h"

typedef struct vbs_oro_figures {
	const vbs_concerns *concerns;
	const vbs_mapping *mapping;        /* pipeline/sources/oro.ini */
	const vbs_codesets *codesets;
	const vbs_indicators *indicators;  /* must outlive the figures */
	int32_t as_of;
} vbs_oro_figures;

/* Appends the figures of both reports to out (nothing when no form is
 * dated on or before as_of). Errors: VBS_E_CONFIG naming indicators.ini
 * when an indicator names a column, dimension or code the mapping lacks or
 * a kind this source has not; VBS_E_DATA when the data span more than
 * PERIODS_MAX years; VBS_E_SOFTWARE when out of memory. */
int oro_figures_build(const vbs_oro_figures *req, vbs_figures *out, vbs_error *err);

#endif
