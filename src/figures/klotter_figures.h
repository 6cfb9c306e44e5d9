/* klotter_figures: the staged finds of the sticker, poster and graffiti log
 * -> the figures of the indicators of source `klotter` in
 * pipeline/indicators.ini, in file order, for report `vb` (every year from
 * the first find dated on or before the as-of date to the report year) and
 * then report `lagesbild` (year-to-date windows of those years up to the
 * as-of year), counted by the counter engine (statistics.md §6). Finds are
 * not about persons: nothing is suppressed.
 *
 * A find is removed when its Sanerat datum is on or before the as-of date;
 * its days to removal = Sanerat datum − Datum (calendar days, 0 = the same
 * day). A later Sanerat datum, a blank or a bad one: not removed.
 *
 * kind count (klotter_fynd): finds dated in the period passing `where`, by
 *   total and dimension, Garwood interval, no n.
 * kind sum (klotter_antal): Σ Antal (the one amount a find keeps) of those
 *   finds; n = the finds; no interval.
 * kind removal_quantile (klotter_dagar_till_sanering_median, _p90): the
 *   `quantile` (type 7) of the days to removal of the period's removed
 *   finds; n = the removed finds; a row with n = 0 and no value when none
 *   was removed.
 * kind not_removed (klotter_ej_sanerade): the period's finds not removed at
 *   the as-of date; no interval (a backlog on one day, not a rate of
 *   events), no n.
 * In report lagesbild the removal measures (removal_quantile, not_removed)
 * cover the current window only; the others every window. Other kinds,
 * and offset = population, are configuration errors for this source. */
#ifndef VBS_KLOTTER_FIGURES_H
#define VBS_KLOTTER_FIGURES_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"
#include "records/finds.h"

typedef struct vbs_klotter_figures {
	const vbs_finds *finds;
	const vbs_mapping *mapping;        /* pipeline/sources/klotter.ini */
	const vbs_codesets *codesets;
	const vbs_indicators *indicators;  /* must outlive the figures */
	int32_t as_of;
} vbs_klotter_figures;

/* Appends the figures of both reports to out (nothing when no find is
 * dated on or before as_of). Errors: VBS_E_CONFIG naming indicators.ini
 * when an indicator names a column, dimension or code the mapping lacks or
 * a kind this source has not; VBS_E_DATA when the data span more than
 * PERIODS_MAX years; VBS_E_SOFTWARE when out of memory. */
int klotter_figures_build(const vbs_klotter_figures *req, vbs_figures *out, vbs_error *err);

#endif
