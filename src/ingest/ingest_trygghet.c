/* ingest_trygghet: survey rows -> vbs_respondent (see ingest_trygghet.h). */
#include "ingest/ingest_trygghet.h"

#include "base/date.h"
#include "base/messages.h"
#include "ingest/source_reader.h"

enum { REASON_MAX = 512, EXPECTED_RESPONDENTS = 1 << 12 };

/* The mapping's column ids of the answers, F1..F4. */
static const char *const answer_ids[RESPONDENT_QUESTIONS] = {"f1", "f2", "f3", "f4"};

struct trygghet_cols {
	int lopnummer, ar, vikt, omrade, kon, aldersgrupp;
	int answer[RESPONDENT_QUESTIONS];
};

struct trygghet_ctx {
	struct trygghet_cols col;
	const vbs_ingest *in;
	const vbs_mapping *m;
	vbs_respondents *out;
};

static uint8_t code_of(const vbs_value *v)
{
	return v->code < 0 ? RESPONDENT_CODE_NONE : (uint8_t)v->code;
}

/* Reports an År the records cannot hold (the mapping has a least value
 * only) and drops the row. */
static int reject_year(const struct trygghet_ctx *c, const vbs_row *row,
                       vbs_error *err)
{
	const vbs_column *col = &c->m->columns[c->col.ar];
	const vbs_value *v = &row->values[c->col.ar];
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
	struct trygghet_ctx *c = ctx;
	const vbs_value *v = row->values;
	vbs_respondent rec = {
		.origin = {.line = (uint32_t)row->line, .file = (uint16_t)row->file},
		.weight = v[c->col.vikt].decimal,
		.omrade = code_of(&v[c->col.omrade]),
		.kon = code_of(&v[c->col.kon]),
		.aldersgrupp = code_of(&v[c->col.aldersgrupp]),
		/* Blank, unknown, bad or an absent column: all Okänt område. */
		.area_unknown = v[c->col.omrade].status != VALUE_OK,
	};
	int loser = -1;

	/* The record's file index is 16 bits wide. */
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	if (v[c->col.ar].integer > RESPONDENT_YEAR_MAX)
		return reject_year(c, row, err);
	rec.year = (int16_t)v[c->col.ar].integer;
	for (int q = 0; q < RESPONDENT_QUESTIONS; q++)
		rec.answer[q] = code_of(&v[c->col.answer[q]]);
	switch (respondents_put(c->out, v[c->col.lopnummer].integer, &rec, &loser)) {
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
static int find_columns(const vbs_mapping *m, struct trygghet_cols *col,
                        vbs_error *err)
{
	if ((col->lopnummer = mapping_require(m, "lopnummer", FIELD_INTEGER, err)) < 0 ||
	    (col->ar = mapping_require(m, "ar", FIELD_INTEGER, err)) < 0 ||
	    (col->vikt = mapping_require(m, "vikt", FIELD_DECIMAL, err)) < 0 ||
	    (col->omrade = mapping_require(m, "omrade", FIELD_CODE, err)) < 0 ||
	    (col->kon = mapping_require(m, "kon", FIELD_CODE, err)) < 0 ||
	    (col->aldersgrupp = mapping_require(m, "aldersgrupp", FIELD_CODE, err)) < 0)
		return -1;
	for (int q = 0; q < RESPONDENT_QUESTIONS; q++)
		if ((col->answer[q] = mapping_require(m, answer_ids[q], FIELD_CODE, err)) < 0)
			return -1;
	/* A respondent without its key or weight cannot be staged, and a weight
	 * that may be 0 would divide by zero downstream. */
	if (!m->columns[col->lopnummer].required || !m->columns[col->ar].required ||
	    !m->columns[col->vikt].required || !m->columns[col->vikt].positive)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "lopnummer, ar and vikt must be required = yes, "
		                 "and vikt positive = yes");
	return 0;
}

int ingest_trygghet(const vbs_ingest *in, const vbs_mapping *m, int required,
                    vbs_respondents *out, vbs_error *err)
{
	struct trygghet_ctx c = {.in = in, .m = m, .out = out};
	vbs_source_read req = ingest_request(in, m, required, on_row, &c);
	int as_of_year, month, day;
	int rc = -1;

	if (respondents_init(out, EXPECTED_RESPONDENTS) != 0) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	if (find_columns(m, &c.col, err) != 0 || source_reader_read(&req, err) != 0)
		goto done;
	/* Counted on the versions kept, in the file each came from. */
	date_to_ymd(in->as_of, &as_of_year, &month, &day);
	for (size_t i = 0; i < respondents_count(out); i++) {
		const vbs_respondent *r = respondents_get(out, i);

		ingest_count_kept(in, r->origin.file, r->year > as_of_year, r->area_unknown);
	}
	rc = 0;
done:
	return rc;
}
