/* figures_support: test support shared by the test_*_figures.c files, header
 * only: load the real pipeline/ code sets, a source's mapping and
 * indicators.ini, turn dates and category names into what the records
 * hold, and compare built figure rows against a table worked out by hand.
 *
 * Every function is static inline, so a test that uses few of them compiles
 * without "unused" warnings. A failed check calls cmocka's fail_msg with a
 * sentence naming the case or row and what was expected. Include it after
 * <cmocka.h>. */
#ifndef VBS_TESTS_FIGURES_SUPPORT_H
#define VBS_TESTS_FIGURES_SUPPORT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"

/* The committed configuration folder the figures tests read. */
#define PIPELINE "pipeline"

/* ---- loading the committed configuration ---------------------------------- */

/* Loads pipeline/codesets.ini into cs, pipeline/sources/<source>.ini into
 * map and pipeline/indicators.ini into inds; returns 0, or prints the
 * loader's message and returns -1 (for a cmocka group set-up). */
static inline int fs_load_pipeline(vbs_codesets *cs, vbs_mapping *map, vbs_indicators *inds,
                                   const char *source)
{
	vbs_error err;

	error_init(&err);
	if (codesets_load(cs, PIPELINE, &err) != 0 ||
	    mapping_load(map, PIPELINE, source, cs, &err) != 0 ||
	    indicators_load(inds, PIPELINE, &err) != 0) {
		print_error("loading " PIPELINE " (%s): %s\n", source, err.message);
		return -1;
	}
	return 0;
}

/* ---- building records by hand --------------------------------------------- */

/* Days since 1970-01-01 of y-m-d (H. Hinnant's days_from_civil),
 * independent of base/date. */
static inline int32_t fs_day(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

/* The code set of code column `column` of map; fails the test when map has
 * no such code column. */
static inline const vbs_codeset *fs_set_of(const vbs_codesets *cs, const vbs_mapping *map,
                                           const char *column)
{
	int c = mapping_column(map, column);

	if (c < 0 || map->columns[c].codeset < 0)
		fail_msg("%s has no code column '%s'", map->path, column);
	return &cs->sets[map->columns[c].codeset];
}

/* The index of code `name` in the set of `column`, or of the set's extra
 * fallback category when name is its name; fails the test when it is
 * neither. */
static inline uint8_t fs_code_of(const vbs_codesets *cs, const vbs_mapping *map,
                                 const char *column, const char *name)
{
	const vbs_codeset *set = fs_set_of(cs, map, column);
	int i = codeset_lookup(set, name);

	if (i < 0 && set->fallback >= 0 && strcmp(set->fallback_name, name) == 0)
		i = set->fallback;
	if (i < 0)
		fail_msg("'%s' is neither a code nor the fallback of the set of '%s'", name, column);
	return (uint8_t)i;
}

/* ---- comparing rows with the hand table ----------------------------------- */

/* 1 when got is want within the relative tolerance rel_tol. */
static inline int fs_close_to(double got, double want, double rel_tol)
{
	return fabs(got - want) <= rel_tol * fmax(fabs(want), 1e-300);
}

/* 1 when row f is the row report/indicator/period/dimension/category of a
 * hand table (indicator NULL: any indicator). */
static inline int fs_row_is(const vbs_figure *f, const char *report, const char *indicator,
                            const char *period, const char *dimension, const char *category)
{
	return !strcmp(report, f->report) && (!indicator || !strcmp(indicator, f->indicator)) &&
	       !strcmp(period, f->period) && !strcmp(dimension, f->dimension) &&
	       !strcmp(category, f->category);
}

/* Fails unless all nwant rows of the hand table were found among the built
 * rows (found of them were). */
static inline void fs_check_found(size_t found, size_t nwant)
{
	if (found != nwant)
		fail_msg("%zu of the %zu expected rows were produced", found, nwant);
}

/* Fails unless a build with a broken indicators.ini (case `name`) returned
 * -1 with VBS_E_CONFIG and an error naming indicators.ini, and built no
 * rows. */
static inline void fs_check_refused(const char *name, int rc, const vbs_error *err,
                                    const vbs_figures *out)
{
	if (rc != -1 || err->code != VBS_E_CONFIG || !strstr(err->file, "indicators.ini") ||
	    out->n != 0)
		fail_msg("case '%s': code %d file '%s' rows %zu; want VBS_E_CONFIG naming "
		         "indicators.ini and no rows", name, err->code, err->file, out->n);
}

#endif
