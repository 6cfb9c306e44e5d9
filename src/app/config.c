/* config: reading pipeline/vbestat.conf (see config.h). */
#include "app/config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ini_file.h"

void config_init(vbs_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->district, sizeof(cfg->district), "%s", "Stadsdelsförvaltningen");
	{
		static const char *const all[] = {"ia", "trygghet", "dialog", "befolkning",
		                                   "aktiviteter", "klotter", "oro"};

		/* Every source is read; all but befolkning must be there. */
		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
			snprintf(cfg->sources[cfg->nsources++], sizeof(cfg->sources[0]), "%s", all[i]);
			if (strcmp(all[i], "befolkning") != 0)
				snprintf(cfg->required[cfg->nrequired++], sizeof(cfg->required[0]),
				         "%s", all[i]);
		}
	}
	cfg->disclosure_threshold = 5;
	{
		static const char *const person[] = {"Hot", "Våld", "Trakasserier",
		                                     "Oro för individ", "Värvning"};

		for (size_t i = 0; i < sizeof(person) / sizeof(person[0]); i++)
			snprintf(cfg->person_kategori[i], sizeof(cfg->person_kategori[i]),
			         "%s", person[i]);
		cfg->nperson_kategori = (int)(sizeof(person) / sizeof(person[0]));
	}
	cfg->survey_min_valid = 30;
	cfg->trend_min_points = 5;
	snprintf(cfg->nightly_inputs, sizeof(cfg->nightly_inputs), "%s", "inputs");
	snprintf(cfg->nightly_outputs, sizeof(cfg->nightly_outputs), "%s", "outputs");
	cfg->nightly_keep_logs = 90;
}

static int parse_int(const char *value, int lo, int hi, int *out, char *why,
                     size_t why_size)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno || end == value || *end != '\0' || v < lo || v > hi) {
		snprintf(why, why_size, "'%s' is not a whole number from %d to %d",
		         value, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int parse_text(const char *value, char *out, size_t size, char *why,
                      size_t why_size)
{
	if (!*value || strlen(value) >= size) {
		snprintf(why, why_size, "the value must be 1 to %zu bytes long",
		         size - 1);
		return -1;
	}
	memcpy(out, value, strlen(value) + 1);
	return 0;
}

/* A space-separated list of source folder names. */
static int parse_list(const char *value, char list[][32], int *n, char *why,
                      size_t why_size)
{
	char buf[512];
	char *save = NULL;

	if (strlen(value) >= sizeof(buf)) {
		snprintf(why, why_size, "the list is too long");
		return -1;
	}
	memcpy(buf, value, strlen(value) + 1);
	*n = 0;
	for (char *t = strtok_r(buf, " \t,", &save); t; t = strtok_r(NULL, " \t,", &save)) {
		if (*n >= CONFIG_SOURCES_MAX || strlen(t) >= 32) {
			snprintf(why, why_size, "at most %d names of at most 31 bytes",
			         CONFIG_SOURCES_MAX);
			return -1;
		}
		memcpy(list[(*n)++], t, strlen(t) + 1);
	}
	return 0;
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value, char *why, size_t why_size)
{
	vbs_config *c = user;

#define KEY(s, k) (strcmp(section, s) == 0 && strcmp(name, k) == 0)
	if (KEY("report", "district"))
		return parse_text(value, c->district, sizeof(c->district), why, why_size);
	if (KEY("sources", "read"))
		return parse_list(value, c->sources, &c->nsources, why, why_size);
	if (KEY("sources", "required"))
		return parse_list(value, c->required, &c->nrequired, why, why_size);
	if (KEY("disclosure", "threshold"))
		return parse_int(value, 1, 1000, &c->disclosure_threshold, why, why_size);
	if (KEY("disclosure", "person_kategori")) {
		if (!c->person_kategori_from_file) {
			c->person_kategori_from_file = 1;
			c->nperson_kategori = 0;
		}
		if (c->nperson_kategori >= CONFIG_SOURCES_MAX ||
		    strlen(value) >= sizeof(c->person_kategori[0])) {
			snprintf(why, why_size, "at most %d categories of at most 63 bytes",
			         CONFIG_SOURCES_MAX);
			return -1;
		}
		memcpy(c->person_kategori[c->nperson_kategori++], value, strlen(value) + 1);
		return 0;
	}
	if (KEY("survey", "min_valid"))
		return parse_int(value, 1, 100000, &c->survey_min_valid, why, why_size);
	if (KEY("trend", "min_points"))
		return parse_int(value, 3, 1000, &c->trend_min_points, why, why_size);
	if (KEY("nightly", "inputs"))
		return parse_text(value, c->nightly_inputs, sizeof(c->nightly_inputs), why, why_size);
	if (KEY("nightly", "outputs"))
		return parse_text(value, c->nightly_outputs, sizeof(c->nightly_outputs), why, why_size);
	if (KEY("nightly", "keep_logs_days"))
		return parse_int(value, 1, 3650, &c->nightly_keep_logs, why, why_size);
#undef KEY
	snprintf(why, why_size, "unknown key '%s' in section [%s]; see the comments in pipeline/vbestat.conf",
	         name, section);
	return -1;
}

int config_load(vbs_config *cfg, const char *path, vbs_error *err)
{
	const char *slash;
	size_t len = strlen(path);

	if (len >= sizeof(cfg->path))
		return error_set(err, VBS_E_CONFIG, NULL, 0, NULL,
		                 "configuration path too long");
	memcpy(cfg->path, path, len + 1);
	slash = strrchr(path, '/');
	if (slash)
		snprintf(cfg->dir, sizeof(cfg->dir), "%.*s", (int)(slash - path), path);
	else
		snprintf(cfg->dir, sizeof(cfg->dir), "%s", ".");
	if (ini_file_parse(path, on_key, cfg, err) != 0)
		return -1;
	for (int i = 0; i < cfg->nrequired; i++) {
		int found = 0;

		for (int j = 0; j < cfg->nsources; j++)
			found |= strcmp(cfg->required[i], cfg->sources[j]) == 0;
		if (!found)
			return error_set(err, VBS_E_CONFIG, path, 0, NULL,
			                 "source '%s' is required but not in [sources] read",
			                 cfg->required[i]);
	}
	return 0;
}

int config_source_required(const vbs_config *cfg, const char *source)
{
	for (int i = 0; i < cfg->nrequired; i++)
		if (strcmp(cfg->required[i], source) == 0)
			return 1;
	return 0;
}
