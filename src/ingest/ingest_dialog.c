/* ingest_dialog: dialogue rows -> vbs_dialog (see ingest_dialog.h). */
#include "ingest/ingest_dialog.h"

#include <stdint.h>

#include "base/messages.h"
#include "ingest/source_reader.h"

enum { DIALOGS_EXPECTED = 1024, REASON_MAX = 512 };

_Static_assert(CODESET_CODES_MAX < DIALOG_CODE_NONE,
               "every code index, and an extra fallback, must fit below DIALOG_CODE_NONE");
_Static_assert(CODESET_CODES_MAX <= 64, "the tema set must fit in a 64-bit mask");

struct dialog_cols {
	int id, datum, omrade, malgrupp, form, deltagare, tema, trygghet, vbe;
};

struct dialog_ctx {
	struct dialog_cols col;
	const vbs_mapping *mapping;
	vbs_input_files *files;
	vbs_rejects *rejects;
	vbs_dialogs *out;
};

static uint8_t code_of(const vbs_value *v)
{
	return v->code < 0 ? DIALOG_CODE_NONE : (uint8_t)v->code;
}

/* Antal deltagare, or DIALOG_PARTICIPANTS_NONE when missing, bad or too
 * large for the record (then reported here: the reader's check is >= min
 * only). */
static int participants_of(const struct dialog_ctx *c, const vbs_row *row,
                           int32_t *out, vbs_error *err)
{
	const vbs_value *v = &row->values[c->col.deltagare];
	char reason[REASON_MAX];

	*out = DIALOG_PARTICIPANTS_NONE;
	if (v->status != VALUE_OK)
		return 0;
	if (v->integer <= INT32_MAX) {
		*out = (int32_t)v->integer;
		return 0;
	}
	messages_reason(reason, sizeof(reason), MSG_TOO_LONG, EFFECT_VALUE_MISSING, NULL);
	return rejects_add(c->rejects, c->mapping->source, c->files->files[row->file].path,
	                   row->line, c->mapping->columns[c->col.deltagare].header,
	                   v->raw ? v->raw : "", reason, err);
}

static int on_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct dialog_ctx *c = ctx;
	const vbs_value *v = row->values;
	const vbs_value *tema = &v[c->col.tema];
	vbs_dialog rec = {
		.origin = {.line = (uint32_t)row->line, .file = (uint16_t)row->file},
		.day = v[c->col.datum].day,
		/* A bad Teman may have named some themes before the bad one: the
		 * whole value is treated as missing. */
		.themes = tema->status == VALUE_OK ? tema->codes : 0,
		.omrade = code_of(&v[c->col.omrade]),
		.malgrupp = code_of(&v[c->col.malgrupp]),
		.form = code_of(&v[c->col.form]),
		.trygghet = code_of(&v[c->col.trygghet]),
		.vbe = code_of(&v[c->col.vbe]),
		.area_unknown = (uint8_t)v[c->col.omrade].fallback_silent,
	};
	int loser = -1;

	/* The record's file index is 16 bits wide. */
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	if (participants_of(c, row, &rec.participants, err) != 0)
		return -1;
	switch (dialogs_put(c->out, v[c->col.id].text, &rec, &loser)) {
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

static int find_columns(const vbs_mapping *m, struct dialog_cols *col, vbs_error *err)
{
	if ((col->id = mapping_require(m, "dialog_id", FIELD_ID, err)) < 0 ||
	    (col->datum = mapping_require(m, "datum", FIELD_DATE, err)) < 0 ||
	    (col->omrade = mapping_require(m, "omrade", FIELD_CODE, err)) < 0 ||
	    (col->malgrupp = mapping_require(m, "malgrupp", FIELD_CODE, err)) < 0 ||
	    (col->form = mapping_require(m, "form", FIELD_CODE, err)) < 0 ||
	    (col->deltagare = mapping_require(m, "antal_deltagare", FIELD_INTEGER, err)) < 0 ||
	    (col->tema = mapping_require(m, "tema", FIELD_CODES, err)) < 0 ||
	    (col->trygghet = mapping_require(m, "trygghet_tas_upp", FIELD_CODE, err)) < 0 ||
	    (col->vbe = mapping_require(m, "vbe_tas_upp", FIELD_CODE, err)) < 0)
		return -1;
	if (!m->columns[col->id].required || !m->columns[col->datum].required)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "dialog_id and datum must be required = yes");
	/* -1 marks a missing count: a valid one is never negative. */
	if (m->columns[col->deltagare].min < 0)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "[column antal_deltagare] needs min = 0 or more; a count is never negative");
	return 0;
}

int ingest_dialog(const vbs_ingest *in, const vbs_mapping *m, int required,
                  vbs_dialogs *out, vbs_error *err)
{
	struct dialog_ctx c = {.mapping = m, .files = in->files, .rejects = in->rejects,
	                       .out = out};
	vbs_source_read req = ingest_request(in, m, required, on_row, &c);
	int rc = -1;

	if (dialogs_init(out, DIALOGS_EXPECTED) != 0) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	if (find_columns(m, &c.col, err) != 0 || source_reader_read(&req, err) != 0)
		goto done;
	/* Counted on the versions kept, in the file each came from. */
	for (size_t i = 0; i < dialogs_count(out); i++) {
		const vbs_dialog *d = dialogs_get(out, i);

		ingest_count_kept(in, d->origin.file, d->day > in->as_of, d->area_unknown);
	}
	rc = 0;
done:
	return rc;
}
