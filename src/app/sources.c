/* sources: mappings, ingest and records of every source (see sources.h). */
#include "app/sources.h"

#include <string.h>

#include "ingest/ingest_aktiviteter.h"
#include "ingest/ingest_befolkning.h"
#include "ingest/ingest_dialog.h"
#include "ingest/ingest_ia.h"
#include "ingest/ingest_klotter.h"
#include "ingest/ingest_oro.h"
#include "ingest/ingest_trygghet.h"

static const char *const names[SOURCE_COUNT] = {
	[SOURCE_IA] = "ia", [SOURCE_TRYGGHET] = "trygghet", [SOURCE_DIALOG] = "dialog",
	[SOURCE_BEFOLKNING] = "befolkning", [SOURCE_AKTIVITETER] = "aktiviteter",
	[SOURCE_KLOTTER] = "klotter", [SOURCE_ORO] = "oro",
};

int sources_find(const char *name)
{
	for (int i = 0; i < SOURCE_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

const char *sources_name(source_id id)
{
	return names[id];
}

static int load_one(vbs_mapping *m, const vbs_config *cfg, const char *name,
                    const vbs_codesets *cs, const char **paths, size_t *npaths,
                    size_t max, vbs_error *err)
{
	if (mapping_load(m, cfg->dir, name, cs, err) != 0)
		return -1;
	/* The manifest must list every configuration file read. */
	if (*npaths >= max)
		return error_set(err, VBS_E_SOFTWARE, cfg->path, 0, NULL,
		                 "more than %zu configuration files to list in the manifest", max);
	paths[(*npaths)++] = m->path;
	return 0;
}

int sources_load(vbs_sources *s, const vbs_config *cfg, const vbs_codesets *cs,
                 const char **paths, size_t *npaths, size_t max, vbs_error *err)
{
	for (int i = 0; i < cfg->nsources; i++) {
		int id = sources_find(cfg->sources[i]);
		int rc = 0;

		if (id < 0)
			return error_set(err, VBS_E_CONFIG, cfg->path, 0, NULL,
			                 "[sources] read names '%s', which is not a source; use ia, trygghet, dialog, befolkning, aktiviteter, klotter, oro",
			                 cfg->sources[i]);
		if (s->read[id])
			continue;
		s->read[id] = 1;
		switch ((source_id)id) {
		case SOURCE_IA:
			rc = load_one(&s->ia_map, cfg, "ia", cs, paths, npaths, max, err);
			break;
		case SOURCE_TRYGGHET:
			rc = load_one(&s->trygghet_map, cfg, "trygghet", cs, paths, npaths, max, err);
			break;
		case SOURCE_DIALOG:
			rc = load_one(&s->dialog_map, cfg, "dialog", cs, paths, npaths, max, err);
			break;
		case SOURCE_BEFOLKNING:
			rc = load_one(&s->befolkning_map, cfg, "befolkning", cs, paths, npaths, max, err);
			break;
		case SOURCE_AKTIVITETER:
			rc = load_one(&s->plan_map, cfg, "aktiviteter_plan", cs, paths, npaths, max, err);
			if (rc == 0)
				rc = load_one(&s->logg_map, cfg, "aktiviteter_logg", cs, paths, npaths,
				              max, err);
			break;
		case SOURCE_KLOTTER:
			rc = load_one(&s->klotter_map, cfg, "klotter", cs, paths, npaths, max, err);
			break;
		case SOURCE_ORO:
			rc = load_one(&s->oro_map, cfg, "oro", cs, paths, npaths, max, err);
			break;
		case SOURCE_COUNT:
			break;
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}

int sources_ingest(vbs_sources *s, const vbs_config *cfg, const vbs_ingest *in,
                   vbs_error *err)
{
	int done[SOURCE_COUNT] = {0};

	for (int i = 0; i < cfg->nsources; i++) {
		int id = sources_find(cfg->sources[i]);
		int required = config_source_required(cfg, cfg->sources[i]);
		size_t before = in->files->n;
		int rc = 0;

		if (id < 0 || done[id])
			continue;
		done[id] = 1;
		switch ((source_id)id) {
		case SOURCE_IA:
			rc = ingest_ia(in, &s->ia_map, required, &s->incidents, err);
			break;
		case SOURCE_TRYGGHET:
			rc = ingest_trygghet(in, &s->trygghet_map, required, &s->respondents, err);
			break;
		case SOURCE_DIALOG:
			rc = ingest_dialog(in, &s->dialog_map, required, &s->dialogs, err);
			break;
		case SOURCE_BEFOLKNING:
			rc = ingest_befolkning(in, &s->befolkning_map, required, &s->population, err);
			break;
		case SOURCE_AKTIVITETER:
			rc = ingest_aktiviteter(in, &s->plan_map, &s->logg_map, required,
			                        &s->activities, err);
			break;
		case SOURCE_KLOTTER:
			rc = ingest_klotter(in, &s->klotter_map, required, &s->finds, err);
			break;
		case SOURCE_ORO:
			rc = ingest_oro(in, &s->oro_map, required, &s->concerns, err);
			break;
		case SOURCE_COUNT:
			break;
		}
		if (rc != 0)
			return -1;
		s->present[id] = in->files->n > before;
	}
	return 0;
}

void sources_release(vbs_sources *s)
{
	incidents_release(&s->incidents);
	respondents_release(&s->respondents);
	population_release(&s->population);
	dialogs_release(&s->dialogs);
	activities_release(&s->activities);
	finds_release(&s->finds);
	concerns_release(&s->concerns);
}
