/* sources: the sources of one run, as the configuration lists them: each
 * source's mapping(s), its ingest module and its staged records. The run
 * loads the mappings, ingests the sources in the configured order into one
 * input-file ledger and one rejects list, and releases everything here. */
#ifndef VBS_SOURCES_H
#define VBS_SOURCES_H

#include <stddef.h>

#include "app/config.h"
#include "base/error.h"
#include "ingest/ingest.h"
#include "ingest/mapping.h"
#include "records/activities.h"
#include "records/concerns.h"
#include "records/dialogs.h"
#include "records/finds.h"
#include "records/incidents.h"
#include "records/population.h"
#include "records/respondents.h"

/* The sources vbestat knows, by folder name. */
typedef enum source_id {
	SOURCE_IA, SOURCE_TRYGGHET, SOURCE_DIALOG, SOURCE_BEFOLKNING,
	SOURCE_AKTIVITETER, SOURCE_KLOTTER, SOURCE_ORO, SOURCE_COUNT
} source_id;

typedef struct vbs_sources {
	int read[SOURCE_COUNT];       /* listed in [sources] read */
	int present[SOURCE_COUNT];    /* at least one file was read */
	vbs_mapping ia_map, trygghet_map, dialog_map, befolkning_map,
	            plan_map, logg_map, klotter_map, oro_map;
	vbs_incidents incidents;
	vbs_respondents respondents;
	vbs_population population;
	vbs_dialogs dialogs;
	vbs_activities activities;
	vbs_finds finds;
	vbs_concerns concerns;
} vbs_sources;

/* The source with this folder name, or -1. */
int sources_find(const char *name);

/* The folder name of source id. */
const char *sources_name(source_id id);

/* Loads the mappings of every source the configuration reads, appending
 * each mapping file's path to paths (for the manifest; *npaths grows). More
 * than max paths is an error (VBS_E_SOFTWARE): the manifest must list every
 * configuration file. */
int sources_load(vbs_sources *s, const vbs_config *cfg, const vbs_codesets *cs,
                 const char **paths, size_t *npaths, size_t max, vbs_error *err);

/* Ingests every source read, in the configured order. */
int sources_ingest(vbs_sources *s, const vbs_config *cfg, const vbs_ingest *in,
                   vbs_error *err);

void sources_release(vbs_sources *s);

#endif
