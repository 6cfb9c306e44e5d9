/* indicators: reading pipeline/indicators.ini (see indicators.h). */
#include "figures/indicators.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ini_file.h"

static const struct {
	const char *name;
	indicator_kind kind;
} kinds[] = {
	{"count", KIND_COUNT}, {"rate", KIND_RATE}, {"share", KIND_SHARE},
	{"record_share", KIND_RECORD_SHARE}, {"sum", KIND_SUM},
	{"removal_quantile", KIND_REMOVAL_QUANTILE}, {"not_removed", KIND_NOT_REMOVED},
	{"occurrences", KIND_OCCURRENCES}, {"attainment", KIND_ATTAINMENT},
};

static const struct {
	const char *name;
	unsigned bit;
} methods[] = {
	{"mann_kendall", TREND_MANN_KENDALL}, {"sen_slope", TREND_SEN_SLOPE},
	{"poisson_trend", TREND_POISSON}, {"logistic_trend", TREND_LOGISTIC},
	{"change_vs_previous", TREND_CHANGE},
};

static int copy(char *dst, size_t size, const char *value, char *why, size_t why_size)
{
	if (!*value || strlen(value) >= size) {
		snprintf(why, why_size, "the value must be 1 to %zu bytes long", size - 1);
		return -1;
	}
	memcpy(dst, value, strlen(value) + 1);
	return 0;
}

static int yes_no(const char *value, int *out, char *why, size_t why_size)
{
	if (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0) {
		*out = value[0] == 'y';
		return 0;
	}
	snprintf(why, why_size, "write yes or no, not '%s'", value);
	return -1;
}

/* Space-separated words into a fixed list. */
static int words(const char *value, char (*list)[INDICATOR_CODE_MAX], int max,
                 size_t width, int *n, char *why, size_t why_size)
{
	char buf[512];
	char *save = NULL;

	if (strlen(value) >= sizeof(buf)) {
		snprintf(why, why_size, "the list is too long");
		return -1;
	}
	memcpy(buf, value, strlen(value) + 1);
	*n = 0;
	for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		if (*n >= max || strlen(t) >= width) {
			snprintf(why, why_size, "at most %d entries of at most %zu bytes", max, width - 1);
			return -1;
		}
		memcpy(list[(*n)++], t, strlen(t) + 1);
	}
	return 0;
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value, char *why, size_t why_size)
{
	vbs_indicators *t = user;
	vbs_indicator *ind;
	const char *id;

	if (strncmp(section, "indicator ", 10) != 0 || !section[10]) {
		snprintf(why, why_size, "sections are [indicator ID], not [%s]", section);
		return -1;
	}
	id = section + 10;
	if (t->n == 0 || strcmp(t->items[t->n - 1].id, id) != 0) {
		if (indicators_find(t, id)) {
			snprintf(why, why_size, "indicator '%s' is defined twice", id);
			return -1;
		}
		if (t->n >= INDICATORS_MAX) {
			snprintf(why, why_size, "more than %d indicators", INDICATORS_MAX);
			return -1;
		}
		ind = &t->items[t->n++];
		memset(ind, 0, sizeof(*ind));
		ind->kind = (indicator_kind)-1;
		if (copy(ind->id, sizeof(ind->id), id, why, why_size))
			return -1;
	}
	ind = &t->items[t->n - 1];
	if (strcmp(name, "source") == 0)
		return copy(ind->source, sizeof(ind->source), value, why, why_size);
	if (strcmp(name, "label") == 0)
		return copy(ind->label, sizeof(ind->label), value, why, why_size);
	if (strcmp(name, "kind") == 0) {
		for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
			if (strcmp(value, kinds[i].name) == 0) {
				ind->kind = kinds[i].kind;
				return 0;
			}
		}
		snprintf(why, why_size, "unknown kind '%s'; see the list at the top of the file", value);
		return -1;
	}
	if (strcmp(name, "where") == 0) {
		const char *colon = strchr(value, ':');

		if (!colon || colon == value || !colon[1] ||
		    (size_t)(colon - value) >= sizeof(ind->where_column)) {
			snprintf(why, why_size, "write where = COLUMN:CODE, e.g. koppling_vbe:Ja");
			return -1;
		}
		memcpy(ind->where_column, value, (size_t)(colon - value));
		ind->where_column[colon - value] = '\0';
		return copy(ind->where_code, sizeof(ind->where_code), colon + 1, why, why_size);
	}
	if (strcmp(name, "of") == 0)
		return copy(ind->of, sizeof(ind->of), value, why, why_size);
	if (strcmp(name, "column") == 0)
		return copy(ind->column, sizeof(ind->column), value, why, why_size);
	if (strcmp(name, "question") == 0)
		return copy(ind->question, sizeof(ind->question), value, why, why_size);
	if (strcmp(name, "yes") == 0)
		return words(value, ind->yes, INDICATOR_CODES_MAX, INDICATOR_CODE_MAX, &ind->nyes,
		             why, why_size);
	if (strcmp(name, "valid") == 0)
		return words(value, ind->valid, INDICATOR_CODES_MAX, INDICATOR_CODE_MAX,
		             &ind->nvalid, why, why_size);
	if (strcmp(name, "dimensions") == 0) {
		char list[INDICATOR_DIMS_MAX][INDICATOR_CODE_MAX];

		if (words(value, list, INDICATOR_DIMS_MAX, sizeof(ind->dimensions[0]),
		          &ind->ndimensions, why, why_size))
			return -1;
		for (int i = 0; i < ind->ndimensions; i++)
			memcpy(ind->dimensions[i], list[i], strlen(list[i]) + 1);
		return 0;
	}
	if (strcmp(name, "months") == 0)
		return yes_no(value, &ind->months, why, why_size);
	if (strcmp(name, "persons") == 0)
		return yes_no(value, &ind->persons, why, why_size);
	if (strcmp(name, "offset") == 0) {
		if (strcmp(value, "population") == 0 || strcmp(value, "none") == 0) {
			ind->offset_population = value[0] == 'p';
			return 0;
		}
		snprintf(why, why_size, "write offset = population or none");
		return -1;
	}
	if (strcmp(name, "quantile") == 0) {
		char *end;

		errno = 0;
		ind->quantile = strtod(value, &end);
		if (errno || *end || end == value || !(ind->quantile >= 0 && ind->quantile <= 1)) {
			snprintf(why, why_size, "a quantile is a number from 0 to 1, such as 0.5");
			return -1;
		}
		return 0;
	}
	if (strcmp(name, "trend") == 0) {
		char list[8][INDICATOR_CODE_MAX];
		int n;

		if (words(value, list, 8, INDICATOR_CODE_MAX, &n, why, why_size))
			return -1;
		ind->trends = 0;
		for (int i = 0; i < n; i++) {
			size_t k;

			for (k = 0; k < sizeof(methods) / sizeof(methods[0]); k++)
				if (strcmp(list[i], methods[k].name) == 0)
					break;
			if (k == sizeof(methods) / sizeof(methods[0])) {
				snprintf(why, why_size, "unknown test '%s'", list[i]);
				return -1;
			}
			ind->trends |= methods[k].bit;
		}
		return 0;
	}
	snprintf(why, why_size, "unknown key '%s' for an indicator", name);
	return -1;
}

int indicators_load(vbs_indicators *t, const char *dir, vbs_error *err)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->path, sizeof(t->path), "%s/indicators.ini", dir);
	if (ini_file_parse(t->path, on_key, t, err) != 0)
		return -1;
	for (int i = 0; i < t->n; i++) {
		const vbs_indicator *ind = &t->items[i];

		if (!ind->source[0] || (int)ind->kind < 0 || !ind->label[0])
			return error_set(err, VBS_E_CONFIG, t->path, 0, NULL,
			                 "indicator '%s' needs a label, a source and a kind", ind->id);
		if (ind->kind == KIND_RATE && !indicators_find(t, ind->of))
			return error_set(err, VBS_E_CONFIG, t->path, 0, NULL,
			                 "indicator '%s': of = '%s' is not an indicator", ind->id, ind->of);
		if (ind->kind == KIND_SHARE && (!ind->question[0] || !ind->nyes || !ind->nvalid))
			return error_set(err, VBS_E_CONFIG, t->path, 0, NULL,
			                 "indicator '%s' needs question, yes and valid", ind->id);
		if ((ind->kind == KIND_SUM || ind->kind == KIND_RECORD_SHARE) && !ind->column[0])
			return error_set(err, VBS_E_CONFIG, t->path, 0, NULL,
			                 "indicator '%s' needs a column", ind->id);
	}
	return 0;
}

const vbs_indicator *indicators_find(const vbs_indicators *t, const char *id)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->items[i].id, id) == 0)
			return &t->items[i];
	return NULL;
}
