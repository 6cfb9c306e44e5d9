/* dialog_figures: staged citizen dialogues -> the figures of the
 * indicators of source `dialog` in pipeline/indicators.ini, in file order,
 * for report `vb` (every year from the first dialogue dated on or before
 * the as-of date to the report year) and then report `lagesbild` (the
 * year-to-date windows of those years up to the as-of year), counted by the
 * counter engine. Dialogues are not about persons: nothing is suppressed.
 *
 * kind count (dialogues): the dialogues passing `where` (if any), by total
 *   and every listed dimension, Garwood interval, no n. A multi-code column
 *   (tema, from Teman) counts a dialogue once in each theme it names, so
 *   the themes add up to more than the total; a dialogue with a blank or
 *   bad Teman is in the total and in no theme.
 * kind sum (dialogue_participants): Σ `column` (antal_deltagare, the only
 *   amount a dialogue keeps) by total and dimension; no interval; n = the
 *   number of dialogues (statistics.md §1). A blank or bad Antal deltagare
 *   adds nothing to the sum; a cell whose dialogues all lack it has no value
 *   (n still counts them), one without dialogues 0.
 * kind record_share (andel_dialoger_trygghet, andel_dialoger_vbe): the
 *   proportion of dialogues whose code column `column` has one of the `yes`
 *   codes, among all dialogues of the cell (a blank or bad answer is not a
 *   Ja); Wilson interval on the number of dialogues; n = that number. A
 *   cell without dialogues has n = 0 and no value.
 * Other kinds, and offset = population (dialogues have no population), are
 * configuration errors for this source. */
#ifndef VBS_DIALOG_FIGURES_H
#define VBS_DIALOG_FIGURES_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"
#include "records/dialogs.h"

typedef struct vbs_dialog_figures {
	const vbs_dialogs *dialogs;
	const vbs_mapping *mapping;        /* pipeline/sources/dialog.ini */
	const vbs_codesets *codesets;
	const vbs_indicators *indicators;  /* must outlive the figures */
	int32_t as_of;
} vbs_dialog_figures;

/* Appends the figures of both reports to out (nothing when no dialogue is
 * dated on or before as_of). Errors: VBS_E_CONFIG naming indicators.ini
 * when an indicator names a column, dimension or code the mapping lacks or
 * a kind this source has not; VBS_E_DATA when the data span more than
 * PERIODS_MAX years; VBS_E_SOFTWARE when out of memory. */
int dialog_figures_build(const vbs_dialog_figures *req, vbs_figures *out, vbs_error *err);

#endif
