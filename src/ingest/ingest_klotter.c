/* ingest_klotter: klotter log rows -> vbs_find (see ingest_klotter.h). */
#include "ingest/ingest_klotter.h"

#include <stdint.h>

#include "base/date.h"
#include "base/messages.h"
#include "ingest/source_reader.h"

enum { FINDS_EXPECTED = 1024, REASON_MAX = 512 };

_Static_assert(CODESET_CODES_MAX < FIND_CODE_NONE,
               "every code index, and an extra fallback, must fit below FIND_CODE_NONE");

struct klotter_cols {
	int id, datum, omrade, typ, miljo, antal, sanerat;
};

struct klotter_ctx {
	struct klotter_cols col;
	const vbs_mapping *mapping;
	vbs_input_files *files;
	vbs_rejects *rejects;
	vbs_finds *out;
};

static uint8_t code_of(const vbs_value *v)
{
	return v->code < 0 ? FIND_CODE_NONE : (uint8_t)v->code;
}

/* Reports a bad value of column ci that the reader could not see. */
static int report(const struct klotter_ctx *c, const vbs_row *row, int ci,
                  msg_id id, msg_effect effect, vbs_error *err)
{
	const char *raw = row->values[ci].raw;
	char reason[REASON_MAX];

	messages_reason(reason, sizeof(reason), id, effect, NULL);
	return rejects_add(c->rejects, c->mapping->source, c->files->files[row->file].path,
	                   row->line, c->mapping->columns[ci].header, raw ? raw : "", reason,
	                   err);
}

static int on_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct klotter_ctx *c = ctx;
	const vbs_value *v = row->values;
	const vbs_value *sanerat = &v[c->col.sanerat];
	long long antal = v[c->col.antal].integer;
	/* Antal is required, so the reader hands on only valid ones (>= min);
	 * a count too large for the record drops the row like any bad
	 * required value. */
	int drop = antal > INT32_MAX;
	vbs_find rec = {
		.origin = {.line = (uint32_t)row->line, .file = (uint16_t)row->file},
		.day = v[c->col.datum].day,
		.removed = DATE_NONE,
		.antal = drop ? 0 : (int32_t)antal,
		.typ = code_of(&v[c->col.typ]),
		.miljo = code_of(&v[c->col.miljo]),
		.omrade = code_of(&v[c->col.omrade]),
		.area_unknown = (uint8_t)v[c->col.omrade].fallback_silent,
	};
	int loser = -1;

	/* The record's file index is 16 bits wide. */
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	if (drop && report(c, row, c->col.antal, MSG_TOO_LONG, EFFECT_ROW_DROPPED, err) != 0)
		return -1;
	/* Calendar dates: removed the same day, even at an earlier hour, is 0
	 * days and valid. */
	if (sanerat->status == VALUE_OK && sanerat->day < rec.day) {
		if (report(c, row, c->col.sanerat, MSG_CLEARED_BEFORE,
		           drop ? EFFECT_ROW_DROPPED : EFFECT_VALUE_MISSING, err) != 0)
			return -1;
	} else if (sanerat->status == VALUE_OK) {
		rec.removed = sanerat->day;
	}
	if (drop)
		return ROW_REJECTED;
	switch (finds_put(c->out, v[c->col.id].text, &rec, &loser)) {
	case KEYED_NEW:
		return ROW_ACCEPTED;
	case KEYED_REPLACED:
		input_files_replace(c->files, loser);
		return ROW_ACCEPTED;
	case KEYED_ERROR:
		break;
	}
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
}

static int find_columns(const vbs_mapping *m, struct klotter_cols *col, vbs_error *err)
{
	if ((col->id = mapping_require(m, "arende_id", FIELD_ID, err)) < 0 ||
	    (col->datum = mapping_require(m, "datum", FIELD_DATE, err)) < 0 ||
	    (col->omrade = mapping_require(m, "omrade", FIELD_CODE, err)) < 0 ||
	    (col->typ = mapping_require(m, "typ", FIELD_CODE, err)) < 0 ||
	    (col->miljo = mapping_require(m, "miljo", FIELD_CODE, err)) < 0 ||
	    (col->antal = mapping_require(m, "antal", FIELD_INTEGER, err)) < 0 ||
	    (col->sanerat = mapping_require(m, "sanerat_datum", FIELD_DATE, err)) < 0)
		return -1;
	if (!m->columns[col->id].required || !m->columns[col->datum].required ||
	    !m->columns[col->typ].required || !m->columns[col->antal].required)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "arende_id, datum, typ and antal must be required = yes");
	if (m->columns[col->antal].min < 1)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "[column antal] needs min = 1 or more; a find is at least one item");
	return 0;
}

int ingest_klotter(const vbs_ingest *in, const vbs_mapping *m, int required,
                   vbs_finds *out, vbs_error *err)
{
	struct klotter_ctx c = {.mapping = m, .files = in->files, .rejects = in->rejects,
	                        .out = out};
	vbs_source_read req = ingest_request(in, m, required, on_row, &c);
	int rc = -1;

	if (finds_init(out, FINDS_EXPECTED) != 0) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	if (find_columns(m, &c.col, err) != 0 || source_reader_read(&req, err) != 0)
		goto done;
	/* Counted on the versions kept, in the file each came from. */
	for (size_t i = 0; i < finds_count(out); i++) {
		const vbs_find *f = finds_get(out, i);

		ingest_count_kept(in, f->origin.file, f->day > in->as_of, f->area_unknown);
	}
	rc = 0;
done:
	return rc;
}
