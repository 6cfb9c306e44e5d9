/* ingest_aktiviteter: plan and log rows -> staged activities (see
 * ingest_aktiviteter.h). */
#include "ingest/ingest_aktiviteter.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/messages.h"
#include "ingest/source_reader.h"

enum {
	REASON_MAX = 512,
	VALUE_MAX = 256,   /* a reported value is cut to this, as source_reader does */
	EXPECTED_ACTIVITIES = 64
};

/* The code of `löpande` in the period set: the one period without a
 * countable target (inputs.md section 5). */
#define PERIOD_LOPANDE "löpande"

/* Reasons of this module, in the style of messages.c: the problem, what to
 * fix, then the effect. */
#define MSG_NO_TARGET "Mål saknas, men perioden %s kräver ett mål. Skriv hur många " \
	"gånger aktiviteten ska genomföras per period, eller ange perioden %s."
#define MSG_TOO_LARGE "Talet är för stort. Skriv ett heltal som är högst %" PRId32 "."
#define EFFECT_NO_TARGET " Raden har räknats; aktiviteten följs upp utan mål, bara " \
	"med antalet tillfällen."
#define EFFECT_MISSING " Raden har räknats; värdet har behandlats som saknat."

struct plan_cols {
	int id, name, arbetsomrade, ansvarig, mal, period;
};

struct logg_cols {
	int id, datum, deltagare;
};

struct akt_ctx {
	const vbs_ingest *in;
	const vbs_mapping *plan, *logg;
	struct plan_cols pc;
	struct logg_cols lc;
	int lopande;     /* code index of `löpande` in the period set */
	int have_plan;   /* 0 while reading a log that has no plan */
	vbs_activities *out;
};

static const char *file_path(const struct akt_ctx *c, int file)
{
	return c->in->files->files[file].path;
}

/* The record's origin; its file index is 16 bits and its line 32 bits. */
static int origin_of(const vbs_row *row, vbs_origin *o, vbs_error *err)
{
	if (row->file > UINT16_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "more than %d input files; merge the exports", UINT16_MAX);
	if (row->line < 0 || row->line > (long)INT32_MAX)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "a file of more than %" PRId32 " lines; split the export",
		                 INT32_MAX);
	o->file = (uint16_t)row->file;
	o->line = (uint32_t)row->line;
	return 0;
}

/* Copies value into buf; a value too long for buf is cut on a UTF-8
 * character boundary. */
static void value_copy(char *buf, size_t size, const char *value)
{
	size_t n = value ? strlen(value) : 0;

	if (n >= size) {
		/* value[n] starts a character, or continues one that is dropped. */
		n = size - 1;
		while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(buf, value, n);
	buf[n] = '\0';
}

static int reject(const struct akt_ctx *c, const vbs_mapping *m, const vbs_row *row,
                  int col, const char *value, const char *reason, vbs_error *err)
{
	char copy[VALUE_MAX];

	value_copy(copy, sizeof(copy), value);
	return rejects_add(c->in->rejects, m->source, file_path(c, row->file), row->line,
	                   m->columns[col].header, copy, reason, err);
}

/* 1 when source_reader already reported column col of this row: its
 * rejects for the row are the last ones in the list. */
static int reported(const struct akt_ctx *c, const vbs_mapping *m, const vbs_row *row,
                    int col)
{
	const vbs_rejects *rj = c->in->rejects;
	const char *path = file_path(c, row->file);

	for (size_t i = rj->n; i-- > 0;) {
		const vbs_reject *j = &rj->items[i];

		if (j->line != row->line || strcmp(j->file, path) != 0)
			break;
		if (strcmp(j->column, m->columns[col].header) == 0)
			return 1;
	}
	return 0;
}

/* A valid count that does not fit the record's int32 is reported (with
 * effect) and treated as missing. Sets *out (ACTIVITY_NONE when missing). */
static int count_of(const struct akt_ctx *c, const vbs_mapping *m, const vbs_row *row,
                    int col, const char *effect, int32_t *out, vbs_error *err)
{
	const vbs_value *v = &row->values[col];
	char reason[REASON_MAX];
	size_t len;

	*out = ACTIVITY_NONE;
	if (v->status != VALUE_OK)
		return 0;
	if (v->integer >= 0 && v->integer <= INT32_MAX) {
		*out = (int32_t)v->integer;
		return 0;
	}
	snprintf(reason, sizeof(reason), MSG_TOO_LARGE, INT32_MAX);
	len = strlen(reason);
	snprintf(reason + len, sizeof(reason) - len, "%s", effect);
	return reject(c, m, row, col, v->raw, reason, err);
}

static int on_plan_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct akt_ctx *c = ctx;
	const vbs_value *v = row->values;
	const vbs_value *name = &v[c->pc.name], *ansvarig = &v[c->pc.ansvarig];
	vbs_activity rec = {
		.arbetsomrade = (uint8_t)v[c->pc.arbetsomrade].code,
		.period = (uint8_t)v[c->pc.period].code,
	};
	int countable = v[c->pc.period].code != c->lopande;
	int loser = -1;

	if (origin_of(row, &rec.origin, err) != 0 ||
	    count_of(c, c->plan, row, c->pc.mal, countable ? EFFECT_NO_TARGET : EFFECT_MISSING,
	             &rec.mal, err) != 0)
		return -1;
	/* år and termin state a countable target; without Mål the activity is
	 * still followed up, by its occurrences only. */
	if (countable && rec.mal == ACTIVITY_NONE && !reported(c, c->plan, row, c->pc.mal)) {
		const vbs_codeset *set = &c->in->codesets->sets[c->plan->columns[c->pc.period].codeset];
		char reason[REASON_MAX];
		size_t len;

		snprintf(reason, sizeof(reason), MSG_NO_TARGET,
		         codeset_category(set, rec.period), codeset_category(set, c->lopande));
		len = strlen(reason);
		snprintf(reason + len, sizeof(reason) - len, "%s", EFFECT_NO_TARGET);
		if (reject(c, c->plan, row, c->pc.mal, "", reason, err) != 0)
			return -1;
	}
	switch (activities_put_plan(c->out, v[c->pc.id].text, &rec,
	                            name->status == VALUE_OK ? name->text : NULL,
	                            ansvarig->status == VALUE_OK ? ansvarig->text : NULL,
	                            &loser)) {
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

static int no_plan(const struct akt_ctx *c, const char *log_path, vbs_error *err)
{
	return error_set(err, VBS_E_NOINPUT, log_path, 0, NULL,
	                 "the activity log cannot be checked without the action plan: no "
	                 "file '%s' in '%s/%s'; put the plan there with the log",
	                 c->plan->files, c->in->inputs_dir, c->plan->folder);
}

static int on_logg_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct akt_ctx *c = ctx;
	const vbs_value *v = row->values;
	const char *id = v[c->lc.id].text;
	vbs_occurrence rec = {
		.stamp = v[c->lc.datum].stamp,
		.day = v[c->lc.datum].day,
	};
	int64_t k;
	int loser = -1;

	if (!c->have_plan)
		return no_plan(c, file_path(c, row->file), err);
	if ((k = activities_find(c->out, id)) < 0) {
		char value[VALUE_MAX];
		char reason[REASON_MAX];

		value_copy(value, sizeof(value), id);
		messages_reason(reason, sizeof(reason), MSG_UNKNOWN_ACTIVITY, EFFECT_ROW_DROPPED,
		                NULL, value);
		if (reject(c, c->logg, row, c->lc.id, value, reason, err) != 0)
			return -1;
		return ROW_REJECTED;
	}
	rec.activity = (uint32_t)k;
	if (origin_of(row, &rec.origin, err) != 0 ||
	    count_of(c, c->logg, row, c->lc.deltagare, EFFECT_MISSING, &rec.deltagare, err) != 0)
		return -1;
	switch (activities_put_log(c->out, &rec, &loser)) {
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

static int require_columns(struct akt_ctx *c, vbs_error *err)
{
	const vbs_mapping *p = c->plan, *l = c->logg;
	int period_set;

	if ((c->pc.id = mapping_require(p, "aktivitet_id", FIELD_ID, err)) < 0 ||
	    (c->pc.name = mapping_require(p, "aktivitet", FIELD_NAME, err)) < 0 ||
	    (c->pc.arbetsomrade = mapping_require(p, "arbetsomrade", FIELD_CODE, err)) < 0 ||
	    (c->pc.ansvarig = mapping_require(p, "ansvarig", FIELD_NAME, err)) < 0 ||
	    (c->pc.mal = mapping_require(p, "mal", FIELD_INTEGER, err)) < 0 ||
	    (c->pc.period = mapping_require(p, "period", FIELD_CODE, err)) < 0 ||
	    (c->lc.id = mapping_require(l, "aktivitet_id", FIELD_ID, err)) < 0 ||
	    (c->lc.datum = mapping_require(l, "datum", FIELD_DATE, err)) < 0 ||
	    (c->lc.deltagare = mapping_require(l, "antal_deltagare", FIELD_INTEGER, err)) < 0)
		return -1;
	/* A dropped row never reaches the callbacks, so these are always set. */
	if (!p->columns[c->pc.id].required || !p->columns[c->pc.arbetsomrade].required ||
	    !p->columns[c->pc.period].required)
		return error_set(err, VBS_E_CONFIG, p->path, 0, NULL,
		                 "aktivitet_id, arbetsomrade and period must be required = yes");
	if (!l->columns[c->lc.id].required || !l->columns[c->lc.datum].required)
		return error_set(err, VBS_E_CONFIG, l->path, 0, NULL,
		                 "aktivitet_id and datum must be required = yes");
	period_set = p->columns[c->pc.period].codeset;
	c->lopande = codeset_lookup(&c->in->codesets->sets[period_set], PERIOD_LOPANDE);
	if (c->lopande < 0)
		return error_set(err, VBS_E_CONFIG, c->in->codesets->path, 0, NULL,
		                 "[codeset %s] has no code '%s'; vbestat needs it",
		                 c->in->codesets->sets[period_set].name, PERIOD_LOPANDE);
	return 0;
}

static int read_part(struct akt_ctx *c, const vbs_mapping *m, source_row_fn on_row,
                     vbs_error *err)
{
	/* required = 0: the pair's rules are checked by the caller. */
	vbs_source_read req = ingest_request(c->in, m, 0, on_row, c);

	return source_reader_read(&req, err);
}

int ingest_aktiviteter(const vbs_ingest *in, const vbs_mapping *plan,
                       const vbs_mapping *logg, int required,
                       vbs_activities *out, vbs_error *err)
{
	struct akt_ctx c = {.in = in, .plan = plan, .logg = logg, .out = out};
	size_t first_plan, first_log;

	if (activities_init(out, EXPECTED_ACTIVITIES) != 0)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
	if (require_columns(&c, err) != 0)
		return -1;
	first_plan = in->files->n;
	if (read_part(&c, plan, on_plan_row, err) != 0)
		return -1;
	first_log = in->files->n;
	c.have_plan = first_log > first_plan;
	if (read_part(&c, logg, on_logg_row, err) != 0)
		return -1;
	if (!c.have_plan && in->files->n > first_log)
		return no_plan(&c, in->files->files[first_log].path, err);
	if (c.have_plan && in->files->n == first_log)
		return error_set(err, VBS_E_NOINPUT, in->files->files[first_plan].path, 0, NULL,
		                 "the action plan has no activity log: no file '%s' in '%s/%s'; "
		                 "put the log there (a header row alone when nothing has "
		                 "taken place yet)", logg->files, in->inputs_dir, logg->folder);
	if (!c.have_plan && required)
		return error_set(err, VBS_E_NOINPUT, NULL, 0, NULL,
		                 "no action plan ('%s') and no activity log ('%s') in '%s/%s' "
		                 "for the required source '%s'; put both exports there",
		                 plan->files, logg->files, in->inputs_dir, plan->folder,
		                 plan->source);
	/* Counted on the versions kept, in the file each came from. */
	for (size_t i = 0; i < activities_occurrences(out); i++) {
		const vbs_occurrence *o = activities_occurrence(out, i);

		ingest_count_kept(in, o->origin.file, o->day > in->as_of, 0);
	}
	return 0;
}
