/* mapping: loading source mappings and code sets (see mapping.h). */
#include "ingest/mapping.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ini_file.h"
#include "base/text.h"

static int copy_value(char *dst, size_t size, const char *value, char *why,
                      size_t why_size)
{
	size_t len = strlen(value);

	if (len == 0 || len >= size) {
		snprintf(why, why_size, "the value must be 1 to %zu bytes long", size - 1);
		return -1;
	}
	memcpy(dst, value, len + 1);
	return 0;
}

static int parse_yes_no(const char *value, int *out, char *why, size_t why_size)
{
	if (strcmp(value, "yes") == 0)
		*out = 1;
	else if (strcmp(value, "no") == 0)
		*out = 0;
	else {
		snprintf(why, why_size, "write yes or no, not '%s'", value);
		return -1;
	}
	return 0;
}

/* "codeset NAME" or "column ID": the section's kind and name. */
static const char *section_name(const char *section, const char *kind)
{
	size_t n = strlen(kind);

	if (strncmp(section, kind, n) == 0 && section[n] == ' ' && section[n + 1])
		return section + n + 1;
	return NULL;
}

static int on_codeset_key(void *user, const char *section, const char *name,
                          const char *value, char *why, size_t why_size)
{
	vbs_codesets *cs = user;
	const char *set_name = section_name(section, "codeset");
	vbs_codeset *set;

	if (!set_name) {
		snprintf(why, why_size, "sections here are [codeset NAME], not [%s]", section);
		return -1;
	}
	if (cs->nsets == 0 || strcmp(cs->sets[cs->nsets - 1].name, set_name) != 0) {
		if (codesets_find(cs, set_name) >= 0) {
			snprintf(why, why_size, "code set '%s' is defined twice", set_name);
			return -1;
		}
		if (cs->nsets >= CODESETS_MAX) {
			snprintf(why, why_size, "more than %d code sets", CODESETS_MAX);
			return -1;
		}
		set = &cs->sets[cs->nsets++];
		memset(set, 0, sizeof(*set));
		set->fallback = -1;
		if (copy_value(set->name, sizeof(set->name), set_name, why, why_size))
			return -1;
	}
	set = &cs->sets[cs->nsets - 1];
	if (strcmp(name, "code") == 0) {
		if (set->ncodes >= CODESET_CODES_MAX) {
			snprintf(why, why_size, "more than %d codes in one set", CODESET_CODES_MAX);
			return -1;
		}
		if (codeset_lookup(set, value) >= 0) {
			snprintf(why, why_size, "code '%s' is listed twice", value);
			return -1;
		}
		return copy_value(set->codes[set->ncodes++], CODESET_CODE_MAX, value,
		                  why, why_size);
	}
	if (strcmp(name, "fallback") == 0)
		return copy_value(set->fallback_name, sizeof(set->fallback_name), value,
		                  why, why_size);
	snprintf(why, why_size, "unknown key '%s'; a code set has `code` and `fallback`", name);
	return -1;
}

int codesets_load(vbs_codesets *cs, const char *dir, vbs_error *err)
{
	memset(cs, 0, sizeof(*cs));
	snprintf(cs->path, sizeof(cs->path), "%s/codesets.ini", dir);
	if (ini_file_parse(cs->path, on_codeset_key, cs, err) != 0)
		return -1;
	for (int i = 0; i < cs->nsets; i++) {
		vbs_codeset *set = &cs->sets[i];

		if (set->ncodes == 0)
			return error_set(err, VBS_E_CONFIG, cs->path, 0, NULL,
			                 "code set '%s' has no codes", set->name);
		if (set->fallback_name[0]) {
			set->fallback = codeset_lookup(set, set->fallback_name);
			if (set->fallback < 0)
				set->fallback = set->ncodes; /* an extra category */
		}
	}
	return 0;
}

int codesets_find(const vbs_codesets *cs, const char *name)
{
	for (int i = 0; i < cs->nsets; i++)
		if (strcmp(cs->sets[i].name, name) == 0)
			return i;
	return -1;
}

int codeset_categories(const vbs_codeset *set)
{
	return set->ncodes + (set->fallback == set->ncodes);
}

const char *codeset_category(const vbs_codeset *set, int i)
{
	return i < set->ncodes ? set->codes[i] : set->fallback_name;
}

int codeset_lookup(const vbs_codeset *set, const char *value)
{
	for (int i = 0; i < set->ncodes; i++)
		if (text_equal_fold(set->codes[i], value))
			return i;
	return -1;
}

struct mapping_ctx {
	vbs_mapping *m;
	const vbs_codesets *cs;
};

static const struct {
	const char *name;
	field_type type;
} field_types[] = {
	{"id", FIELD_ID},           {"date", FIELD_DATE},
	{"integer", FIELD_INTEGER}, {"decimal", FIELD_DECIMAL},
	{"code", FIELD_CODE},       {"codes", FIELD_CODES},
	{"name", FIELD_NAME},       {"label", FIELD_LABEL},
	{"text", FIELD_TEXT},
};

static int on_column_key(vbs_column *col, const vbs_codesets *cs,
                         const char *name, const char *value, char *why,
                         size_t why_size)
{
	if (strcmp(name, "header") == 0)
		return copy_value(col->header, sizeof(col->header), value, why, why_size);
	if (strcmp(name, "type") == 0) {
		for (size_t i = 0; i < sizeof(field_types) / sizeof(field_types[0]); i++) {
			if (strcmp(value, field_types[i].name) == 0) {
				col->type = field_types[i].type;
				return 0;
			}
		}
		snprintf(why, why_size, "unknown type '%s'; use id, date, integer, decimal, code, codes, name, label or text", value);
		return -1;
	}
	if (strcmp(name, "required") == 0)
		return parse_yes_no(value, &col->required, why, why_size);
	if (strcmp(name, "report_unknown") == 0)
		return parse_yes_no(value, &col->report_unknown, why, why_size);
	if (strcmp(name, "dimension") == 0)
		return parse_yes_no(value, &col->dimension, why, why_size);
	if (strcmp(name, "positive") == 0)
		return parse_yes_no(value, &col->positive, why, why_size);
	if (strcmp(name, "min") == 0 || strcmp(name, "max") == 0) {
		char *end;
		long v;

		errno = 0;
		v = strtol(value, &end, 10);
		if (errno || *end || end == value) {
			snprintf(why, why_size, "'%s' is not a whole number", value);
			return -1;
		}
		*(name[1] == 'i' ? &col->min : &col->max) = v;
		return 0;
	}
	if (strcmp(name, "codeset") == 0) {
		col->codeset = codesets_find(cs, value);
		if (col->codeset < 0) {
			snprintf(why, why_size, "no code set '%s' in codesets.ini", value);
			return -1;
		}
		return 0;
	}
	snprintf(why, why_size, "unknown key '%s' for a column", name);
	return -1;
}

static int on_mapping_key(void *user, const char *section, const char *name,
                          const char *value, char *why, size_t why_size)
{
	struct mapping_ctx *c = user;
	vbs_mapping *m = c->m;
	const char *col_id;

	if (strcmp(section, "source") == 0) {
		if (strcmp(name, "id") == 0)
			return copy_value(m->source, sizeof(m->source), value, why, why_size);
		if (strcmp(name, "folder") == 0)
			return copy_value(m->folder, sizeof(m->folder), value, why, why_size);
		if (strcmp(name, "files") == 0)
			return copy_value(m->files, sizeof(m->files), value, why, why_size);
		snprintf(why, why_size, "unknown key '%s' in [source]; use id, folder and files", name);
		return -1;
	}
	col_id = section_name(section, "column");
	if (!col_id) {
		snprintf(why, why_size, "sections are [source] and [column ID], not [%s]", section);
		return -1;
	}
	if (m->ncolumns == 0 || strcmp(m->columns[m->ncolumns - 1].id, col_id) != 0) {
		vbs_column *col;

		if (mapping_column(m, col_id) >= 0) {
			snprintf(why, why_size, "column '%s' is defined twice", col_id);
			return -1;
		}
		if (m->ncolumns >= MAPPING_COLUMNS_MAX) {
			snprintf(why, why_size, "more than %d columns", MAPPING_COLUMNS_MAX);
			return -1;
		}
		col = &m->columns[m->ncolumns++];
		memset(col, 0, sizeof(*col));
		col->codeset = -1;
		col->report_unknown = 1;
		col->max = LONG_MAX;
		col->type = FIELD_TEXT;
		if (copy_value(col->id, sizeof(col->id), col_id, why, why_size))
			return -1;
	}
	if (on_column_key(&m->columns[m->ncolumns - 1], c->cs, name, value, why,
	                  why_size) != 0)
		return -1;
	/* Refused here, not after the file is read, so that the error has the
	 * line of the second header. */
	if (strcmp(name, "header") == 0) {
		for (int j = 0; j < m->ncolumns - 1; j++) {
			if (text_equal_fold(value, m->columns[j].header)) {
				snprintf(why, why_size, "columns '%s' and '%s' have the same header",
				         m->columns[j].id, col_id);
				return -1;
			}
		}
	}
	return 0;
}

int mapping_load(vbs_mapping *m, const char *dir, const char *name,
                 const vbs_codesets *cs, vbs_error *err)
{
	struct mapping_ctx c = {.m = m, .cs = cs};
	size_t id_len;

	memset(m, 0, sizeof(*m));
	snprintf(m->path, sizeof(m->path), "%s/sources/%s.ini", dir, name);
	if (ini_file_parse(m->path, on_mapping_key, &c, err) != 0)
		return -1;
	id_len = strlen(m->source);
	if (id_len == 0 || strncmp(m->source, name, id_len) != 0 ||
	    (name[id_len] != '\0' && name[id_len] != '_'))
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "[source] id must be '%s' (or the part before '_')", name);
	if (!m->folder[0])
		snprintf(m->folder, sizeof(m->folder), "%s", m->source);
	if (!m->files[0])
		snprintf(m->files, sizeof(m->files), "%s", "*.csv");
	for (int i = 0; i < m->ncolumns; i++) {
		const vbs_column *col = &m->columns[i];

		if (!col->header[0])
			return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
			                 "column '%s' has no header", col->id);
		if (col->min > col->max)
			return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
			                 "column '%s' has min above max", col->id);
		if ((col->type == FIELD_CODE || col->type == FIELD_CODES) &&
		    col->codeset < 0)
			return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
			                 "column '%s' is a code but names no codeset", col->id);
		for (int j = 0; j < i; j++)
			if (text_equal_fold(col->header, m->columns[j].header))
				return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
				                 "columns '%s' and '%s' have the same header",
				                 m->columns[j].id, col->id);
	}
	return 0;
}

int mapping_column(const vbs_mapping *m, const char *id)
{
	for (int i = 0; i < m->ncolumns; i++)
		if (strcmp(m->columns[i].id, id) == 0)
			return i;
	return -1;
}

int mapping_require(const vbs_mapping *m, const char *id, field_type type,
                    vbs_error *err)
{
	int i = mapping_column(m, id);

	if (i < 0)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "no [column %s]; vbestat needs it", id);
	if (m->columns[i].type != type)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "[column %s] has the wrong type", id);
	return i;
}
