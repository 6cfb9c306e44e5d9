/* ia_figures: counting IA cases by period and dimension (see ia_figures.h). */
#include "figures/ia_figures.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "stats/interval.h"

/* The record field behind each dimension column id. */
static const struct {
	const char *id;
	size_t offset;
} dimension_fields[] = {
	{"miljo", offsetof(vbs_incident, miljo)},
	{"kategori", offsetof(vbs_incident, kategori)},
	{"handelsetyp", offsetof(vbs_incident, handelsetyp)},
	{"verksamhetsomrade", offsetof(vbs_incident, verksamhet)},
	{"omrade", offsetof(vbs_incident, omrade)},
};

/* The published indicators: id and the Koppling VBE code they count. */
static const struct {
	const char *id;
	const char *vbe_code;
} indicators[] = {
	{"incidents_vbe", "Ja"},
	{"incidents_oklart", "Oklart"},
};

int ia_figures_first_year(const vbs_incidents *cases, int32_t as_of)
{
	int32_t first = INT32_MAX;
	int y, m, d;

	for (size_t i = 0; i < cases->n; i++)
		if (cases->items[i].event_day <= as_of && cases->items[i].event_day < first)
			first = cases->items[i].event_day;
	if (first == INT32_MAX)
		return -1;
	date_to_ymd(first, &y, &m, &d);
	return y;
}

static int add_count(vbs_figures *out, const vbs_periods *p, int pi,
                     const char *indicator, const char *dimension,
                     const char *category, long k, long persons, vbs_error *err)
{
	vbs_figure f = {
		.report = p->report,
		.source = "ia",
		.indicator = indicator,
		.dimension = dimension,
		.category = category,
		.value = (double)k,
		.has = FIG_VALUE,
		.persons = persons,
		.year = p->items[pi].year,
	};

	memcpy(f.period, p->items[pi].label, sizeof(f.period));
	if (interval_garwood((double)k, &f.ci_low, &f.ci_high) == 0)
		f.has |= FIG_CI;
	else
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL,
		                 "Garwood interval failed for k = %ld", k);
	return figures_add(out, &f, err);
}

/* Counts and person counts, [period][category], for one indicator and one
 * dimension (field == NULL: the total). */
static int build_dimension(const vbs_ia_figures *req, int vbe, const char *indicator,
                           const vbs_column *col, size_t field, vbs_figures *out,
                           vbs_error *err)
{
	const vbs_periods *p = req->periods;
	const vbs_codeset *set = col ? &req->codesets->sets[col->codeset] : NULL;
	int ncat = set ? codeset_categories(set) : 1;
	long *k = calloc((size_t)p->n * (size_t)ncat, sizeof(*k));
	long *persons = calloc((size_t)p->n * (size_t)ncat, sizeof(*persons));
	int extra_used = 0;
	int rc = -1;

	if (!k || !persons) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < req->cases->n; i++) {
		const vbs_incident *c = &req->cases->items[i];
		int pi, cat = 0;

		if (c->vbe != vbe || (pi = periods_find(p, c->event_day)) < 0)
			continue;
		if (set) {
			cat = ((const uint8_t *)c)[field];
			if (cat == INCIDENT_CODE_NONE || cat >= ncat)
				continue; /* cannot happen: every code column has a fallback */
			if (cat == set->ncodes)
				extra_used = 1;
		}
		k[pi * ncat + cat]++;
		if (c->kategori < 64 && (req->person_kategori >> c->kategori & 1))
			persons[pi * ncat + cat]++;
	}
	for (int cat = 0; cat < ncat; cat++) {
		if (set && cat == set->ncodes && !extra_used)
			continue;
		for (int pi = 0; pi < p->n; pi++)
			if (add_count(out, p, pi, indicator, col ? col->id : "total",
			              set ? codeset_category(set, cat) : "alla",
			              k[pi * ncat + cat], persons[pi * ncat + cat], err) != 0)
				goto done;
	}
	rc = 0;
done:
	free(k);
	free(persons);
	return rc;
}

static int field_of(const char *id, size_t *offset)
{
	for (size_t i = 0; i < sizeof(dimension_fields) / sizeof(dimension_fields[0]); i++) {
		if (strcmp(dimension_fields[i].id, id) == 0) {
			*offset = dimension_fields[i].offset;
			return 0;
		}
	}
	return -1;
}

int ia_figures_build(const vbs_ia_figures *req, vbs_figures *out, vbs_error *err)
{
	const vbs_mapping *m = req->mapping;
	int vbe_col = mapping_column(m, "koppling_vbe");
	const vbs_codeset *vbe_set;

	if (vbe_col < 0 || m->columns[vbe_col].codeset < 0)
		return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
		                 "no [column koppling_vbe] with a codeset");
	vbe_set = &req->codesets->sets[m->columns[vbe_col].codeset];
	for (size_t ii = 0; ii < sizeof(indicators) / sizeof(indicators[0]); ii++) {
		int vbe = codeset_lookup(vbe_set, indicators[ii].vbe_code);

		if (vbe < 0)
			return error_set(err, VBS_E_CONFIG, req->codesets->path, 0, NULL,
			                 "code set '%s' lacks the code '%s'", vbe_set->name,
			                 indicators[ii].vbe_code);
		if (build_dimension(req, vbe, indicators[ii].id, NULL, 0, out, err) != 0)
			return -1;
		for (int ci = 0; ci < m->ncolumns; ci++) {
			const vbs_column *col = &m->columns[ci];
			size_t field;

			if (!col->dimension)
				continue;
			if (col->type != FIELD_CODE || field_of(col->id, &field) != 0)
				return error_set(err, VBS_E_CONFIG, m->path, 0, NULL,
				                 "[column %s] cannot be a dimension of IA cases",
				                 col->id);
			if (build_dimension(req, vbe, indicators[ii].id, col, field, out, err) != 0)
				return -1;
		}
	}
	return 0;
}
