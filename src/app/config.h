/* config: the run configuration, pipeline/vbestat.conf (INI), read by
 * bin/vbestat and by the nightly wrapper. Every key is known here; an
 * unknown key or a bad value is a configuration error (exit 78, file:line).
 * The source mappings and code sets live beside it, in its folder. */
#ifndef VBS_CONFIG_H
#define VBS_CONFIG_H

#include "base/error.h"

enum { CONFIG_PATH_MAX = 1024, CONFIG_TEXT_MAX = 160, CONFIG_SOURCES_MAX = 16 };

typedef struct vbs_config {
	char path[CONFIG_PATH_MAX];     /* the file read */
	char dir[CONFIG_PATH_MAX];      /* its folder: mappings are found here */
	char district[CONFIG_TEXT_MAX]; /* author/company of the workbooks */
	char sources[CONFIG_SOURCES_MAX][32]; /* sources read, in order */
	int nsources;
	char required[CONFIG_SOURCES_MAX][32]; /* sources that must have a file */
	int nrequired;
	int disclosure_threshold;       /* primary suppression: 1 <= k < this */
	/* IA Kategori codes whose cases concern a person (statistics.md §5). */
	char person_kategori[CONFIG_SOURCES_MAX][64];
	int nperson_kategori;
	int person_kategori_from_file; /* the file's list replaces the default */
	int survey_min_valid;           /* fewer valid answers: share suppressed */
	int trend_min_points;           /* fewer yearly points: no trend test */
	/* The nightly wrapper's keys (pipeline/nightly reads them too). */
	char nightly_inputs[CONFIG_PATH_MAX];
	char nightly_outputs[CONFIG_PATH_MAX];
	int nightly_keep_logs;          /* days of logs kept */
} vbs_config;

/* Sets the defaults of statistics.md and outputs.md. */
void config_init(vbs_config *cfg);

/* Reads path over the defaults. */
int config_load(vbs_config *cfg, const char *path, vbs_error *err);

/* 1 when source is in the required list. */
int config_source_required(const vbs_config *cfg, const char *source);

#endif
