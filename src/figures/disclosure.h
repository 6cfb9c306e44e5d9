/* disclosure: marks figures that could point at a person as suppressed,
 * before any writer sees them (statistics.md §5). This is the primary rule;
 * secondary suppression and the attacker check come later.
 *
 * Primary: a breakdown cell (dimension other than total) of a count with
 * 1 <= k < threshold is suppressed when at least one of its records is
 * about a person. When a period's district total is below the threshold
 * and some of its records are about a person, every breakdown cell of that
 * period (zeros too) is suppressed; the total itself is always shown. A
 * rate (rate_of set) is suppressed exactly when the count it divides is;
 * survey shares have their own rule. A suppressed count or rate loses its
 * value, interval and n. */
#ifndef VBS_DISCLOSURE_H
#define VBS_DISCLOSURE_H

#include "figures/figures.h"

/* Applies the primary rule to every count figure in t. Returns the number
 * of cells suppressed. */
long disclosure_apply_primary(vbs_figures *t, int threshold);

#endif
