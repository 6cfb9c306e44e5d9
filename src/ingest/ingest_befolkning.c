/* ingest_befolkning: population rows -> vbs_population_row (see
 * ingest_befolkning.h). */
#include "ingest/ingest_befolkning.h"

#include "base/date.h"
#include "base/messages.h"
#include "ingest/source_reader.h"

enum { REASON_MAX = 512, EXPECTED_ROWS = 256 };

struct befolkning_cols {
	int ar, omrade, befolkning;
};

struct befolkning_ctx {
	struct befolkning_cols col;
	const vbs_ingest *in;
	const vbs_mapping *m;
	vbs_population *out;
};

/* Reports a whole number the records cannot hold (the mapping has a least
 * value only) and drops the row. */
static int reject_too_large(const struct befolkning_ctx *c, const vbs_row *row,
                            int ci, vbs_error *err)
{
	const vbs_column *col = &c->m->columns[ci];
	const vbs_value *v = &row->values[ci];
	char reason[REASON_MAX];

	messages_reason(reason, sizeof(reason), MSG_BAD_INTEGER, EFFECT_ROW_DROPPED,
	                NULL, col->min);
	if (rejects_add(c->in->rejects, c->m->source, c->in->files->files[row->file].path,
	                row->line, col->header, v->raw ? v->raw : "", reason, err) != 0)
		return -1;
	return ROW_REJECTED;
}

static int on_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct befolkning_ctx *c = ctx;
	const vbs_value *v = row->values;
	const vbs_value *area = &v[c->col.omrade];
	vbs_population_row rec = {
		.origin = {.line = (uint32_t)row->line, .file = (uint16_t)row->file},
		.omrade = area->code < 0 ? UINT8_MAX : (uint8_t)area->code,
		/* Blank, unknown, bad or an absent column: all Okänt område. */
		.area_unknown = area->status != VALUE_OK,
	};
	int loser = -1;

	/* The record's file index is 16 bits wide. */
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	if (v[c->col.ar].integer > POPULATION_YEAR_MAX)
		return reject_too_large(c, row, c->col.ar, err);
	if (v[c->col.befolkning].integer > POPULATION_ROW_MAX)
		return reject_too_large(c, row, c->col.befolkning, err);
	rec.year = (int16_t)v[c->col.ar].integer;
	rec.inhabitants = (int64_t)v[c->col.befolkning].integer;
	switch (population_put(c->out, &rec, area->raw, &loser)) {
	case KEYED_NEW:
		return ROW_ACCEPTED;
	case KEYED_REPLACED:
		input_files_replace(c->in->files, loser);
		return ROW_ACCEPTED;
	case KEYED_ERROR:
		break;
	}
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
}

/* Finds the columns the C code needs; fills err (VBS_E_CONFIG) when one is
 * missing, has the wrong type, or must be required and is not. */
static int find_columns(const vbs_mapping *m, struct befolkning_cols *col,
                        vbs_error *err)
{
	if ((col->ar = mapping_require(m, "ar", FIELD_INTEGER, err)) < 0 ||
	    (col->omrade = mapping_require(m, "omrade", FIELD_CODE, err)) < 0 ||
	    (col->befolkning = mapping_require(m, "befolkning", FIELD_INTEGER, err)) < 0)
		return -1;
	/* A row without its year or count says nothing; the counts must not be
	 * negative for the sums to mean inhabitants. */
	if (!m->columns[col->ar].required || !m->columns[col->befolkning].required ||
	    m->columns[col->befolkning].min < 0)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "ar and befolkning must be required = yes, "
		                 "and befolkning min >= 0");
	return 0;
}

int ingest_befolkning(const vbs_ingest *in, const vbs_mapping *m, int required,
                      vbs_population *out, vbs_error *err)
{
	struct befolkning_ctx c = {.in = in, .m = m, .out = out};
	vbs_source_read req = ingest_request(in, m, required, on_row, &c);
	int as_of_year, month, day;
	int rc = -1;

	if (population_init(out, EXPECTED_ROWS) != 0) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	if (find_columns(m, &c.col, err) != 0 || source_reader_read(&req, err) != 0)
		goto done;
	/* Counted on the versions kept, in the file each came from. */
	date_to_ymd(in->as_of, &as_of_year, &month, &day);
	for (size_t i = 0; i < population_count(out); i++) {
		const vbs_population_row *r = population_row(out, i);

		ingest_count_kept(in, r->origin.file, r->year > as_of_year, r->area_unknown);
	}
	rc = 0;
done:
	return rc;
}
