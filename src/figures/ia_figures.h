/* ia_figures: staged IA cases -> count figures. For each indicator (cases
 * with Koppling VBE = Ja: incidents_vbe; = Oklart: incidents_oklart), each
 * report's periods, the district total and every dimension column of the
 * mapping by every category of its code set (zeros included; an extra
 * fallback category such as Okänt område only when some counted case has
 * it). Counts carry their Garwood interval and the number of cases about a
 * person, which disclosure control reads. */
#ifndef VBS_IA_FIGURES_H
#define VBS_IA_FIGURES_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/periods.h"
#include "ingest/mapping.h"
#include "records/incidents.h"

typedef struct vbs_ia_figures {
	const vbs_incidents *cases;
	const vbs_mapping *mapping;
	const vbs_codesets *codesets;
	const vbs_periods *periods;
	uint64_t person_kategori; /* bit i: Kategori code i concerns a person */
} vbs_ia_figures;

/* The first calendar year with a case dated on or before as_of, or -1
 * when there is none. */
int ia_figures_first_year(const vbs_incidents *cases, int32_t as_of);

/* Appends the figures of one report to out. */
int ia_figures_build(const vbs_ia_figures *req, vbs_figures *out,
                     vbs_error *err);

#endif
