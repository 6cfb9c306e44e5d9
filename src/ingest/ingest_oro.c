/* ingest_oro: concern form rows -> vbs_concern (see ingest_oro.h). */
#include "ingest/ingest_oro.h"

#include <stdint.h>

#include "ingest/source_reader.h"

enum { CONCERNS_EXPECTED = 256 };

_Static_assert(CODESET_CODES_MAX < CONCERN_CODE_NONE,
               "every code index, and an extra fallback, must fit below CONCERN_CODE_NONE");

struct oro_cols {
	int id, datum, verksamhet, typ_av_oro, miljo, aldersgrupp;
};

struct oro_ctx {
	struct oro_cols col;
	vbs_input_files *files;
	vbs_concerns *out;
};

static uint8_t code_of(const vbs_value *v)
{
	return v->code < 0 ? CONCERN_CODE_NONE : (uint8_t)v->code;
}

static int on_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct oro_ctx *c = ctx;
	const vbs_value *v = row->values;
	vbs_concern rec = {
		.origin = {.line = (uint32_t)row->line, .file = (uint16_t)row->file},
		.day = v[c->col.datum].day,
		.verksamhet = code_of(&v[c->col.verksamhet]),
		.typ_av_oro = code_of(&v[c->col.typ_av_oro]),
		.miljo = code_of(&v[c->col.miljo]),
		.aldersgrupp = code_of(&v[c->col.aldersgrupp]),
	};
	int loser = -1;

	/* The record's file index is 16 bits wide. */
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	switch (concerns_put(c->out, v[c->col.id].text, &rec, &loser)) {
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

static int find_columns(const vbs_mapping *m, struct oro_cols *col, vbs_error *err)
{
	if ((col->id = mapping_require(m, "blankett_id", FIELD_ID, err)) < 0 ||
	    (col->datum = mapping_require(m, "datum", FIELD_DATE, err)) < 0 ||
	    (col->verksamhet = mapping_require(m, "verksamhet", FIELD_CODE, err)) < 0 ||
	    (col->typ_av_oro = mapping_require(m, "typ_av_oro", FIELD_CODE, err)) < 0 ||
	    (col->miljo = mapping_require(m, "miljo", FIELD_CODE, err)) < 0 ||
	    (col->aldersgrupp = mapping_require(m, "aldersgrupp", FIELD_CODE, err)) < 0)
		return -1;
	if (!m->columns[col->id].required || !m->columns[col->datum].required ||
	    !m->columns[col->typ_av_oro].required)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "blankett_id, datum and typ_av_oro must be required = yes");
	return 0;
}

int ingest_oro(const vbs_ingest *in, const vbs_mapping *m, int required,
               vbs_concerns *out, vbs_error *err)
{
	struct oro_ctx c = {.files = in->files, .out = out};
	vbs_source_read req = ingest_request(in, m, required, on_row, &c);
	int rc = -1;

	if (concerns_init(out, CONCERNS_EXPECTED) != 0) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	if (find_columns(m, &c.col, err) != 0 || source_reader_read(&req, err) != 0)
		goto done;
	/* Counted on the versions kept, in the file each came from. */
	for (size_t i = 0; i < concerns_count(out); i++) {
		const vbs_concern *f = concerns_get(out, i);

		ingest_count_kept(in, f->origin.file, f->day > in->as_of, 0);
	}
	rc = 0;
done:
	return rc;
}
