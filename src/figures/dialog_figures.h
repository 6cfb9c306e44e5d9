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
 *   amount a dialogue keeps) by total and dimension; no interval. A blank or
 *   bad Antal deltagare is unknown, not 0: the dialogue is left out of the
 *   sum and of n, so n = the dialogues whose participants are summed (n
 *   below `dialogues` shows how many lack the number); a cell whose
 *   dialogues all lack it has no value (n = 0), one without dialogues 0.
 * kind record_share (andel_dialoger_trygghet, andel_dialoger_vbe): the
 *   share of dialogues whose code column `column` has one of the `yes`
 *   codes, among the dialogues with a valid answer in it (any code of its
 *   set but a fallback); Wilson interval on that number; n = that number.
 *   A blank or bad answer is unknown, not Nej: it is left out of both. A
 *   period without an answer has a row with n = 0 and no value.
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
