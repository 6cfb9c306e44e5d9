/* ingest_ia: IA rows -> vbs_incident (see ingest_ia.h). */
#include "ingest/ingest_ia.h"

#include "base/date.h"
#include "ingest/source_reader.h"

struct ia_cols {
	int id, event, modified, vbe, miljo, kategori, handelsetyp, verksamhet, omrade;
};

struct ia_ctx {
	struct ia_cols col;
	int vbe_ja;  /* the code index of Ja in Koppling VBE */
	vbs_incidents *out;
	vbs_input_files *files;
};

static uint8_t code_of(const vbs_value *v)
{
	return v->code < 0 ? INCIDENT_CODE_NONE : (uint8_t)v->code;
}

static int on_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct ia_ctx *c = ctx;
	const vbs_value *v = row->values;
	const vbs_value *mod = &v[c->col.modified];
	vbs_incident rec = {
		.event_day = v[c->col.event].day,
		.modified = incident_stamp(mod->status == VALUE_OK ? mod->stamp : STAMP_NONE),
		.line = (uint32_t)row->line,
		.file = (uint16_t)row->file,
		.vbe = code_of(&v[c->col.vbe]),
		.miljo = code_of(&v[c->col.miljo]),
		.kategori = code_of(&v[c->col.kategori]),
		.handelsetyp = code_of(&v[c->col.handelsetyp]),
		.verksamhet = code_of(&v[c->col.verksamhet]),
		.omrade = code_of(&v[c->col.omrade]),
		/* Any area not usable counts: blank, unknown, or reported (an
		 * identity number), so the count is the Okänt område category. */
		.area_unknown = v[c->col.omrade].status != VALUE_OK,
		/* Blank (or no such column): no raw text; a bad value has one. */
		.miljo_blank = v[c->col.miljo].status != VALUE_OK && !v[c->col.miljo].raw,
	};
	int loser = -1;

	/* The record's file index is 16 bits wide. */
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	switch (incidents_put(c->out, v[c->col.id].text, &rec, &loser)) {
	case INCIDENT_NEW:
		return ROW_ACCEPTED;
	case INCIDENT_REPLACED:
		input_files_replace(c->files, loser);
		return ROW_ACCEPTED;
	case INCIDENT_KEPT:
		return ROW_DUPLICATE;
	case INCIDENT_ERROR:
		break;
	}
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
}

int ingest_ia(const vbs_ingest *in, const vbs_mapping *m, int required,
              vbs_incidents *out, vbs_error *err)
{
	struct ia_ctx c = {.out = out, .files = in->files};
	vbs_source_read req = ingest_request(in, m, required, on_row, &c);

	/* Sized up front from the exports' line count, an upper bound of the
	 * distinct cases, so that no table doubles while reading. */
	if (incidents_init(out, source_reader_count_lines(m, in->inputs_dir)) != 0)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
	if ((c.col.id = mapping_require(m, "arendenummer", FIELD_ID, err)) < 0 ||
	    (c.col.event = mapping_require(m, "handelsedatum", FIELD_DATE, err)) < 0 ||
	    (c.col.modified = mapping_require(m, "senast_andrad", FIELD_DATE, err)) < 0 ||
	    (c.col.vbe = mapping_require(m, "koppling_vbe", FIELD_CODE, err)) < 0 ||
	    (c.col.miljo = mapping_require(m, "miljo", FIELD_CODE, err)) < 0 ||
	    (c.col.kategori = mapping_require(m, "kategori", FIELD_CODE, err)) < 0 ||
	    (c.col.handelsetyp = mapping_require(m, "handelsetyp", FIELD_CODE, err)) < 0 ||
	    (c.col.verksamhet = mapping_require(m, "verksamhetsomrade", FIELD_CODE, err)) < 0 ||
	    (c.col.omrade = mapping_require(m, "omrade", FIELD_CODE, err)) < 0)
		return -1;
	if (!m->columns[c.col.id].required || !m->columns[c.col.event].required ||
	    !m->columns[c.col.vbe].required)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "arendenummer, handelsedatum and koppling_vbe must be required = yes");
	c.vbe_ja = codeset_lookup(&in->codesets->sets[m->columns[c.col.vbe].codeset], "Ja");
	if (source_reader_read(&req, err) != 0)
		return -1;
	/* Counted on the versions kept, in the file each came from. */
	for (size_t i = 0; i < out->n; i++) {
		const vbs_incident *x = &out->items[i];

		ingest_count_kept(in, x->file, x->event_day > in->as_of, x->area_unknown);
		if (x->miljo_blank && x->vbe == c.vbe_ja)
			in->files->files[x->file].vbe_blank_miljo++;
	}
	return 0;
}
