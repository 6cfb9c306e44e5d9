/* source_reader: mapping-driven validation of a source's exports (see
 * source_reader.h). */
#include "ingest/source_reader.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/date.h"
#include "base/messages.h"
#include "base/personnummer.h"
#include "base/text.h"
#include "ingest/csv_reader.h"

enum { REASON_MAX = 512, VALUE_COPY_MAX = 256, CODES_LIST_MAX = 400 };

struct file_ctx {
	const vbs_source_read *req;
	int file;                       /* ledger index */
	const char *rel;                /* path relative to the inputs folder */
	int header_fields;
	int col_index[MAPPING_COLUMNS_MAX]; /* field index per column, -1 absent */
	vbs_value values[MAPPING_COLUMNS_MAX];
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_csv_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && text_equal_fold(name + n - 4, ".csv");
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* 1 when the lower-cased name matches the mapping's glob. */
static int is_mapped_file(const char *name, const char *glob)
{
	char lower[256];
	size_t n = strlen(name);

	if (n >= sizeof(lower))
		return 0;
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)tolower((unsigned char)name[i]);
	return fnmatch(glob, lower, FNM_PERIOD) == 0;
}

/* The .csv files of dir that match glob, in byte order of their names. */
static int list_csv(const char *dir, const char *glob, char ***out, size_t *nout,
                    vbs_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*nout = 0;
	if (!d)
		return error_set(err, VBS_E_NOINPUT, dir, 0, NULL,
		                 "unable to open folder '%s': %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !has_csv_suffix(e->d_name) ||
		    !is_mapped_file(e->d_name, glob))
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? 2 * cap : 16) * sizeof(*p));

			if (!p)
				goto oom;
			names = p;
		}
		if (!(names[n] = strdup(e->d_name)))
			goto oom;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	*out = names;
	*nout = n;
	return 0;
oom:
	closedir(d);
	free_names(names, n);
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
}

static int reject(struct file_ctx *c, long line, const char *column,
                  const char *value, const char *reason, vbs_error *err)
{
	char copy[VALUE_COPY_MAX];

	/* Keep rejects.csv readable: a long value is cut on a UTF-8 boundary. */
	snprintf(copy, sizeof(copy), "%s", value ? value : "");
	if (value && strlen(value) >= sizeof(copy)) {
		size_t len = sizeof(copy) - 1;

		/* value[len] is the first byte left out: while it continues a
		 * character, that character is cut, so leave it all out. */
		while (len > 0 && ((unsigned char)value[len] & 0xC0) == 0x80)
			len--;
		copy[len] = '\0';
	}
	return rejects_add(c->req->rejects, c->req->mapping->source, c->rel, line,
	                   column, copy, reason, err);
}

static void codes_list(const vbs_codeset *set, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < set->ncodes && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		                        set->codes[i]);
}

static int parse_decimal(const char *s, double *out)
{
	char buf[64];
	char *end;
	size_t n = strlen(s);

	if (n == 0 || n >= sizeof(buf))
		return -1;
	for (size_t i = 0; i <= n; i++)
		buf[i] = s[i] == ',' ? '.' : s[i];
	if (strchr(buf, '.') != strrchr(buf, '.'))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!((buf[i] >= '0' && buf[i] <= '9') || buf[i] == '.' ||
		      (i == 0 && (buf[i] == '-' || buf[i] == '+'))))
			return -1;
	errno = 0;
	*out = strtod(buf, &end);
	return errno || *end || !isfinite(*out) ? -1 : 0;
}

static int parse_integer(const char *s, long long *out)
{
	char *end;

	if (!*s)
		return -1;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (p == s && (*p == '-' || *p == '+'))))
			return -1;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno || *end ? -1 : 0;
}

/* Parses one code of a code column; fills v. Returns 0 when the value is
 * usable (possibly as the silent fallback), 1 when it must be reported. */
static int parse_code(const vbs_codeset *set, const vbs_column *col,
                      const char *s, vbs_value *v)
{
	int i = codeset_lookup(set, s);

	if (i >= 0) {
		v->code = i;
		return 0;
	}
	v->code = set->fallback;
	if (!col->report_unknown && set->fallback >= 0) {
		v->fallback_silent = 1;
		return 0;
	}
	return 1;
}

static int parse_codes(const vbs_codeset *set, char *s, vbs_value *v)
{
	char *save = NULL;

	v->codes = 0;
	for (char *t = strtok_r(s, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
		int i;

		t = text_trim(t);
		if (!*t)
			continue;
		i = codeset_lookup(set, t);
		if (i < 0 || i >= 64)
			return 1;
		v->codes |= UINT64_C(1) << i;
	}
	return 0;
}

/* Validates field `raw` of column ci into c->values[ci]. Sets *drop when the
 * row must be dropped; when *drop is already set, a bad optional value's
 * reason says the row was not counted. Returns -1 only on a hard error. */
static int check_value(struct file_ctx *c, int ci, char *raw, long line,
                       int *drop, vbs_error *err)
{
	const vbs_column *col = &c->req->mapping->columns[ci];
	const vbs_codeset *set = col->codeset >= 0 ? &c->req->codesets->sets[col->codeset] : NULL;
	vbs_value *v = &c->values[ci];
	char reason[REASON_MAX];
	char codes[CODES_LIST_MAX];
	char *s = text_trim(raw);
	msg_effect effect = col->required || *drop ? EFFECT_ROW_DROPPED
	                                           : EFFECT_VALUE_MISSING;
	int bad = 0;

	memset(v, 0, sizeof(*v));
	v->status = VALUE_MISSING;
	v->code = set ? set->fallback : -1;
	if (!*s) {
		if (set && !col->report_unknown)
			v->fallback_silent = 1;
		if (!col->required)
			return 0;
		*drop = 1;
		messages_reason(reason, sizeof(reason), MSG_MISSING, EFFECT_ROW_DROPPED,
		                NULL, col->header);
		v->reported = 1;
		return reject(c, line, col->header, "", reason, err);
	}
	if (col->type != FIELD_TEXT && personnummer_find(s)) {
		char masked[VALUE_COPY_MAX];

		/* Never kept, never printed: reported masked, treated as missing.
		 * A label (Enhet) is never published at all, not even around the
		 * mask: only the mask is reported. */
		if (col->type == FIELD_LABEL)
			snprintf(masked, sizeof(masked), "%s", PERSONNUMMER_MASK);
		else
			personnummer_mask(s, masked, sizeof(masked));
		if (col->required)
			*drop = 1;
		messages_reason(reason, sizeof(reason), MSG_PERSONNUMMER, effect, NULL);
		v->reported = 1;
		return reject(c, line, col->header, masked, reason, err);
	}
	if (col->type != FIELD_TEXT && col->type != FIELD_LABEL)
		v->raw = s;
	switch (col->type) {
	case FIELD_ID:
	case FIELD_NAME:
		v->text = s;
		break;
	case FIELD_DATE:
		if (date_parse(s, &v->day, &v->stamp) != 0) {
			bad = 1;
			messages_reason(reason, sizeof(reason), MSG_BAD_DATE, effect, NULL);
		}
		break;
	case FIELD_INTEGER:
		if (parse_integer(s, &v->integer) != 0 || v->integer < col->min ||
		    v->integer > col->max) {
			bad = 1;
			if (col->max == LONG_MAX)
				messages_reason(reason, sizeof(reason), MSG_BAD_INTEGER, effect,
				                NULL, col->min);
			else
				messages_reason(reason, sizeof(reason), MSG_BAD_RANGE, effect,
				                NULL, col->min, col->max);
		}
		break;
	case FIELD_DECIMAL:
		if (parse_decimal(s, &v->decimal) != 0) {
			bad = 1;
			messages_reason(reason, sizeof(reason), MSG_BAD_DECIMAL, effect, NULL);
		} else if (col->positive && !(v->decimal > 0)) {
			bad = 1;
			messages_reason(reason, sizeof(reason), MSG_BAD_POSITIVE, effect, NULL);
		}
		break;
	case FIELD_CODE:
		if (parse_code(set, col, s, v)) {
			bad = 1;
			codes_list(set, codes, sizeof(codes));
			if (!col->required && !*drop && set->fallback >= 0)
				effect = EFFECT_FALLBACK;
			messages_reason(reason, sizeof(reason), MSG_BAD_CODE, effect,
			                set->fallback >= 0 ? codeset_category(set, set->fallback) : NULL,
			                codes);
		} else if (v->fallback_silent) {
			return 0; /* an unknown area: counted, not reported */
		}
		break;
	case FIELD_CODES: {
		/* parse_codes cuts its input; s is still needed for the reject. */
		char *copy = strdup(s);
		int bad_codes;

		if (!copy)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		bad_codes = parse_codes(set, copy, v);
		free(copy);
		if (bad_codes) {
			v->codes = 0; /* a bad list counts as missing, not in part */
			bad = 1;
			codes_list(set, codes, sizeof(codes));
			messages_reason(reason, sizeof(reason), MSG_BAD_CODE, effect, NULL,
			                codes);
		}
		break;
	}
	case FIELD_LABEL:
	case FIELD_TEXT:
		return 0;
	}
	if (bad) {
		if (col->required)
			*drop = 1;
		if (col->type == FIELD_CODE && !col->required)
			v->code = set->fallback;
		v->reported = 1;
		return reject(c, line, col->header, s, reason, err);
	}
	v->status = VALUE_OK;
	return 0;
}

static int map_header(struct file_ctx *c, const csv_row *row, vbs_error *err)
{
	const vbs_mapping *m = c->req->mapping;

	c->header_fields = (int)row->nfields;
	for (int ci = 0; ci < m->ncolumns; ci++) {
		c->col_index[ci] = -1;
		for (size_t f = 0; f < row->nfields; f++) {
			if (text_equal_fold(row->fields[f], m->columns[ci].header)) {
				c->col_index[ci] = (int)f;
				break;
			}
		}
		if (c->col_index[ci] < 0 && m->columns[ci].required)
			return error_set(err, VBS_E_DATA, c->rel, row->line, m->columns[ci].header,
			                 "required column missing from the header row; export the file again with it, or set its name in %s",
			                 m->path);
	}
	return 0;
}

static int on_csv_row(const csv_row *row, void *ctx, vbs_error *err)
{
	struct file_ctx *c = ctx;
	const vbs_mapping *m = c->req->mapping;
	vbs_input_file *file = &c->req->files->files[c->file];
	char reason[REASON_MAX];
	int drop = 0;
	int rc;

	if (row->index == 0)
		return map_header(c, row, err);
	file->rows_read++;
	if ((int)row->nfields != c->header_fields) {
		messages_reason(reason, sizeof(reason), MSG_FIELD_COUNT,
		                EFFECT_ROW_DROPPED, NULL, (int)row->nfields,
		                c->header_fields);
		file->rejected++;
		return reject(c, row->line, "", "", reason, err);
	}
	/* Required columns first: a bad optional value in a row that is dropped
	 * anyway must not be reported as counted. */
	for (int k = 0; k < 2 * m->ncolumns; k++) {
		int ci = k % m->ncolumns;

		if (m->columns[ci].required != (k < m->ncolumns))
			continue;
		if (c->col_index[ci] < 0) {
			memset(&c->values[ci], 0, sizeof(c->values[ci]));
			c->values[ci].status = VALUE_ABSENT;
			c->values[ci].code = m->columns[ci].codeset >= 0
				? c->req->codesets->sets[m->columns[ci].codeset].fallback : -1;
			continue;
		}
		if (check_value(c, ci, row->fields[c->col_index[ci]], row->line,
		                &drop, err) != 0)
			return -1;
	}
	if (drop) {
		file->rejected++;
		return 0;
	}
	rc = c->req->on_row(&(vbs_row){.values = c->values, .file = c->file,
	                               .line = row->line},
	                    c->req->ctx, err);
	if (rc < 0)
		return -1;
	if (rc == ROW_ACCEPTED)
		file->accepted++;
	else if (rc == ROW_DUPLICATE)
		file->duplicates++;
	else
		file->rejected++;
	return 0;
}

static int read_file(const vbs_source_read *req, const char *dir,
                     const char *name, vbs_error *err)
{
	struct file_ctx c = {.req = req};
	char path[1024], rel[512];
	csv_info info;
	int idx;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path) ||
	    (size_t)snprintf(rel, sizeof(rel), "%s/%s", req->mapping->folder, name) >= sizeof(rel))
		return error_set(err, VBS_E_DATA, name, 0, NULL,
		                 "the file's path is too long; rename it or move the input folder");
	if ((idx = input_files_add(req->files, req->mapping->source, rel, err)) < 0)
		return -1;
	c.file = idx;
	c.rel = req->files->files[idx].path;
	c.header_fields = -1;
	if (csv_reader_read(path, c.rel, on_csv_row, &c, &info, err) != 0)
		return -1;
	if (c.header_fields < 0)
		return error_set(err, VBS_E_DATA, c.rel, 0, NULL,
		                 "the file has no header row; export it again with column names");
	req->files->files[idx].encoding = csv_encoding_name(info.encoding);
	req->files->files[idx].delimiter = info.delimiter;
	memcpy(req->files->files[idx].sha256, info.sha256, sizeof(info.sha256));
	return 0;
}

/* Line feeds in the file at path (plus one for a last line without one). */
static size_t count_lines(const char *path)
{
	enum { CHUNK = 1 << 16 };
	char *buf = malloc(CHUNK);
	FILE *f = fopen(path, "rb");
	size_t n, lines = 0;
	char last = '\n';

	if (buf && f) {
		while ((n = fread(buf, 1, CHUNK, f)) > 0) {
			for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + n - p))); p++)
				lines++;
			last = buf[n - 1];
		}
		lines += last != '\n';
	}
	if (f)
		fclose(f);
	free(buf);
	return lines;
}

size_t source_reader_count_lines(const vbs_mapping *m, const char *inputs_dir)
{
	char dir[1024], path[1536];
	char **names = NULL;
	size_t n = 0, total = 0;
	vbs_error ignored;

	if ((size_t)snprintf(dir, sizeof(dir), "%s/%s", inputs_dir, m->folder) >= sizeof(dir) ||
	    list_csv(dir, m->files, &names, &n, &ignored) != 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		total += count_lines(path);
	}
	free_names(names, n);
	return total;
}

int source_reader_read(const vbs_source_read *req, vbs_error *err)
{
	char dir[1024];
	char **names = NULL;
	size_t n = 0;
	struct stat st;
	int rc = -1;

	if ((size_t)snprintf(dir, sizeof(dir), "%s/%s", req->inputs_dir,
	                     req->mapping->folder) >= sizeof(dir))
		return error_set(err, VBS_E_NOINPUT, req->inputs_dir, 0, NULL,
		                 "the input folder's path is too long");
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		if (!req->required)
			return 0;
		return error_set(err, VBS_E_NOINPUT, dir, 0, NULL,
		                 "the folder for source '%s' is missing; put its exports there",
		                 req->mapping->source);
	}
	if (list_csv(dir, req->mapping->files, &names, &n, err) != 0)
		return -1;
	if (n == 0 && req->required) {
		error_set(err, VBS_E_NOINPUT, dir, 0, NULL,
		          "no .csv file for the required source '%s'; put its export there",
		          req->mapping->source);
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		if (read_file(req, dir, names[i], err) != 0)
			goto done;
	rc = 0;
done:
	free_names(names, n);
	return rc;
}
