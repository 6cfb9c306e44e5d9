/* survey_figures: staged safety-survey respondents -> weighted survey shares
 * (statistics.md §3, §5). For every indicator of kind `share` with source
 * trygghet, in the order of indicators.ini: report "vb" (the survey years
 * up to the report year), then report "lagesbild" (the survey years up to
 * the as-of year); within a report the district total ("total"/"alla")
 * and then every dimension the indicator names, each by every category of
 * its code set in code-set order, and each category by every survey year in
 * ascending order, with the year ("2024") as period.
 *
 * A survey year is a year that has at least one respondent; respondents of
 * a year after the as-of year are ignored. Every code of a dimension gets a
 * row for every survey year of the report (n = 0 where nobody answered);
 * the extra fallback category of a code set (Okänt område, Uppgift saknas:
 * not one of its codes) only when some respondent of the report's survey
 * years has it.
 *
 * A cell's valid answers are those of its respondents whose answer to the
 * indicator's question is one of the `valid` codes; y = 1 when the answer
 * is one of the `yes` codes. Codes are matched by name in the question's
 * code set. Each row has:
 *   value   = Σw·y / Σw over the valid answers      (FIG_VALUE, when n > 0)
 *   ci      = Wilson 95 % interval on n = neff      (FIG_CI, when n > 0)
 *   n       = the unweighted number of valid answers (FIG_N, always)
 *   neff    = Kish (Σw)² / Σw² (0 when n = 0), share = 1, year = the year
 *   suppressed = 1 when n < min_valid (so always when n = 0); the writers
 *   then leave out value and interval and keep n. The row still holds the
 *   value and interval (flags set) for stages that may use them internally.
 *   persons = 0 and exposure = 0: shares are not person counts.
 * Key strings point into the indicators table, the mapping and the code
 * sets, which must outlive out. */
#ifndef VBS_SURVEY_FIGURES_H
#define VBS_SURVEY_FIGURES_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"
#include "records/respondents.h"

/* statistics.md §3: shares on fewer valid answers are suppressed. */
enum { SURVEY_MIN_VALID_DEFAULT = 30 };

typedef struct vbs_survey_figures {
	const vbs_respondents *respondents;
	const vbs_mapping *mapping;       /* pipeline/sources/trygghet.ini */
	const vbs_codesets *codesets;     /* the sets the mapping refers to */
	const vbs_indicators *indicators; /* pipeline/indicators.ini */
	int32_t as_of;                    /* day number of the as-of date */
	int min_valid;                    /* [survey] min_valid; <= 0: the default */
} vbs_survey_figures;

/* Appends the survey-share figures of both reports to out. Returns 0, or
 * -1 with err filled; out is then as it was before the call.
 *
 * Errors, all found before any row is added:
 * - VBS_E_CONFIG naming indicators.ini when a share indicator's question is
 *   not an answer column (f1..f4, a code column) of the mapping, one of its
 *   `yes` or `valid` codes is not in the question's code set, a `yes` code
 *   is not among the `valid` ones, or one of its dimensions is not a
 *   dimension column of the mapping that the respondents carry (omrade,
 *   kon, aldersgrupp);
 * - VBS_E_SOFTWARE when out of memory, when a staged code index lies
 *   outside its code set, or when a statistics function fails (which the
 *   respondents' positive finite weights rule out). */
int survey_figures_build(const vbs_survey_figures *req, vbs_figures *out,
                         vbs_error *err);

#endif
