/* test_ia_figures: IA cases built by hand (incidents_put, code indices from
 * the real pipeline/codesets.ini and pipeline/sources/ia.ini) counted for
 * the VB years and the year-to-date windows. Checks every count against a
 * table worked out by hand, a zero row for every code in every period, the
 * extra category (Okänt område, Uppgift saknas) only where a counted case
 * has it, the Garwood interval of every count, the person counts from the
 * person Kategori codes of statistics.md §5, and the configuration errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "figures/ia_figures.h"
#include "ingest/mapping.h"

#define PIPELINE "pipeline"
#define REL_TOL 1e-6

/* Large structs: static, loaded once. */
static vbs_codesets cs;
static vbs_mapping map;
static vbs_periods pvb, pytd;

/* Days since 1970-01-01 (H. Hinnant's days_from_civil), independent of
 * base/date. */
static int32_t civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static const vbs_codeset *set_of(const char *column)
{
	int c = mapping_column(&map, column);

	if (c < 0 || map.columns[c].codeset < 0)
		fail_msg("pipeline/sources/ia.ini has no code column '%s'", column);
	return &cs.sets[map.columns[c].codeset];
}

/* The index of a code or of the set's fallback category, by name. */
static uint8_t code_of(const char *column, const char *name)
{
	const vbs_codeset *set = set_of(column);
	int i = codeset_lookup(set, name);

	if (i < 0 && set->fallback >= 0 && strcmp(set->fallback_name, name) == 0)
		i = set->fallback;
	if (i < 0)
		fail_msg("'%s' is neither a code nor the fallback of the set of '%s'", name,
		         column);
	return (uint8_t)i;
}

/* ---- the cases -------------------------------------------------------------
 * As of 2026-10-31: VB years 2024, 2025 (report year 2025); windows
 * 2024-01-01..2024-10-31, 2025-01-01..2025-10-31, 2026-01-01..2026-10-31.
 * Person categories: Hot, Våld, Trakasserier (used below). */
struct ia_case {
	const char *id;
	int y, m, d;
	const char *vbe, *kat, *miljo, *ht, *vo, *om;
	int64_t modified;
};

static const struct ia_case cases[] = {
	{ "A1", 2024, 3, 10, "Ja", "Hot", "Vit makt-miljön", "Tillbud", "Skola", "Gärdet", 10 },
	{ "A2", 2024, 5, 1, "Ja", "Klotter", "Autonoma miljön", "Riskobservation", "Fritid",
	  "Okänt område", 10 },
	/* A3 first as Klotter, then a newer version as Våld: the newer counts. */
	{ "A3", 2025, 12, 31, "Ja", "Klotter", "Autonoma miljön", "Tillbud", "Fritid", "Gärdet", 100 },
	{ "A3", 2025, 12, 31, "Ja", "Våld", "Vit makt-miljön", "Olycksfall", "Skola",
	  "Djurgården", 200 },
	{ "A4", 2025, 1, 1, "Oklart", "Övrigt", "Okänd", "Uppgift saknas", "Park och gata",
	  "Hjorthagen", 10 },
	{ "A5", 2026, 6, 1, "Ja", "Hot", "Vit makt-miljön", "Tillbud", "Skola", "Gärdet", 10 },
	{ "A6", 2026, 11, 1, "Ja", "Hot", "Vit makt-miljön", "Tillbud", "Skola", "Gärdet", 10 },
	{ "A7", 2025, 11, 15, "Ja", "Trakasserier", "Annan/ensamagerande", "Tillbud",
	  "Socialtjänst", "Djurgården", 10 },
	{ "A8", 2025, 3, 3, "Nej", "Hot", "Vit makt-miljön", "Tillbud", "Skola", "Gärdet", 10 },
	{ "A9", 2025, 2, 1, "Ja", "Skadegörelse", "Okänd", "Riskobservation", "Park och gata",
	  "Djurgården", 10 },
	{ "A10", 2025, 4, 1, "Ja", "Skadegörelse", "Okänd", "Riskobservation", "Park och gata",
	  "Djurgården", 10 },
	{ "A11", 2025, 10, 31, "Ja", "Skadegörelse", "Okänd", "Riskobservation", "Park och gata",
	  "Djurgården", 10 },
	/* A12 (Oklart) is replaced by a newer version of itself marked Nej. */
	{ "A12", 2024, 6, 1, "Oklart", "Hot", "Okänd", "Tillbud", "Skola", "Lärkstaden", 10 },
	{ "A12", 2024, 6, 1, "Nej", "Hot", "Okänd", "Tillbud", "Skola", "Lärkstaden", 20 },
};

/* Every non-zero count, worked out by hand from the cases above; every
 * other row must be 0 with no persons. */
struct want_cell {
	const char *report, *indicator, *period, *dimension, *category;
	long k, persons;
};

#define Y24 "2024-01-01..2024-10-31"
#define Y25 "2025-01-01..2025-10-31"
#define Y26 "2026-01-01..2026-10-31"

static const struct want_cell want[] = {
	/* vb, incidents_vbe: 2024 A1 A2; 2025 A3 A7 A9 A10 A11 */
	{ "vb", "incidents_vbe", "2024", "total", "alla", 2, 1 },
	{ "vb", "incidents_vbe", "2025", "total", "alla", 5, 2 },
	{ "vb", "incidents_vbe", "2024", "kategori", "Hot", 1, 1 },
	{ "vb", "incidents_vbe", "2024", "kategori", "Klotter", 1, 0 },
	{ "vb", "incidents_vbe", "2025", "kategori", "Våld", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "kategori", "Trakasserier", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "kategori", "Skadegörelse", 3, 0 },
	{ "vb", "incidents_vbe", "2024", "miljo", "Vit makt-miljön", 1, 1 },
	{ "vb", "incidents_vbe", "2024", "miljo", "Autonoma miljön", 1, 0 },
	{ "vb", "incidents_vbe", "2025", "miljo", "Vit makt-miljön", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "miljo", "Annan/ensamagerande", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "miljo", "Okänd", 3, 0 },
	{ "vb", "incidents_vbe", "2024", "handelsetyp", "Tillbud", 1, 1 },
	{ "vb", "incidents_vbe", "2024", "handelsetyp", "Riskobservation", 1, 0 },
	{ "vb", "incidents_vbe", "2025", "handelsetyp", "Olycksfall", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "handelsetyp", "Tillbud", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "handelsetyp", "Riskobservation", 3, 0 },
	{ "vb", "incidents_vbe", "2024", "verksamhetsomrade", "Skola", 1, 1 },
	{ "vb", "incidents_vbe", "2024", "verksamhetsomrade", "Fritid", 1, 0 },
	{ "vb", "incidents_vbe", "2025", "verksamhetsomrade", "Skola", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "verksamhetsomrade", "Socialtjänst", 1, 1 },
	{ "vb", "incidents_vbe", "2025", "verksamhetsomrade", "Park och gata", 3, 0 },
	{ "vb", "incidents_vbe", "2024", "omrade", "Gärdet", 1, 1 },
	{ "vb", "incidents_vbe", "2024", "omrade", "Okänt område", 1, 0 },
	{ "vb", "incidents_vbe", "2025", "omrade", "Djurgården", 5, 2 },
	/* vb, incidents_oklart: 2025 A4 (A12 became Nej) */
	{ "vb", "incidents_oklart", "2025", "total", "alla", 1, 0 },
	{ "vb", "incidents_oklart", "2025", "kategori", "Övrigt", 1, 0 },
	{ "vb", "incidents_oklart", "2025", "miljo", "Okänd", 1, 0 },
	{ "vb", "incidents_oklart", "2025", "handelsetyp", "Uppgift saknas", 1, 0 },
	{ "vb", "incidents_oklart", "2025", "verksamhetsomrade", "Park och gata", 1, 0 },
	{ "vb", "incidents_oklart", "2025", "omrade", "Hjorthagen", 1, 0 },
	/* lagesbild, incidents_vbe: Y24 A1 A2; Y25 A9 A10 A11; Y26 A5 */
	{ "lagesbild", "incidents_vbe", Y24, "total", "alla", 2, 1 },
	{ "lagesbild", "incidents_vbe", Y25, "total", "alla", 3, 0 },
	{ "lagesbild", "incidents_vbe", Y26, "total", "alla", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "kategori", "Hot", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "kategori", "Klotter", 1, 0 },
	{ "lagesbild", "incidents_vbe", Y25, "kategori", "Skadegörelse", 3, 0 },
	{ "lagesbild", "incidents_vbe", Y26, "kategori", "Hot", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "miljo", "Vit makt-miljön", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "miljo", "Autonoma miljön", 1, 0 },
	{ "lagesbild", "incidents_vbe", Y25, "miljo", "Okänd", 3, 0 },
	{ "lagesbild", "incidents_vbe", Y26, "miljo", "Vit makt-miljön", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "handelsetyp", "Tillbud", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "handelsetyp", "Riskobservation", 1, 0 },
	{ "lagesbild", "incidents_vbe", Y25, "handelsetyp", "Riskobservation", 3, 0 },
	{ "lagesbild", "incidents_vbe", Y26, "handelsetyp", "Tillbud", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "verksamhetsomrade", "Skola", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "verksamhetsomrade", "Fritid", 1, 0 },
	{ "lagesbild", "incidents_vbe", Y25, "verksamhetsomrade", "Park och gata", 3, 0 },
	{ "lagesbild", "incidents_vbe", Y26, "verksamhetsomrade", "Skola", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "omrade", "Gärdet", 1, 1 },
	{ "lagesbild", "incidents_vbe", Y24, "omrade", "Okänt område", 1, 0 },
	{ "lagesbild", "incidents_vbe", Y25, "omrade", "Djurgården", 3, 0 },
	{ "lagesbild", "incidents_vbe", Y26, "omrade", "Gärdet", 1, 1 },
	/* lagesbild, incidents_oklart: Y25 A4 */
	{ "lagesbild", "incidents_oklart", Y25, "total", "alla", 1, 0 },
	{ "lagesbild", "incidents_oklart", Y25, "kategori", "Övrigt", 1, 0 },
	{ "lagesbild", "incidents_oklart", Y25, "miljo", "Okänd", 1, 0 },
	{ "lagesbild", "incidents_oklart", Y25, "handelsetyp", "Uppgift saknas", 1, 0 },
	{ "lagesbild", "incidents_oklart", Y25, "verksamhetsomrade", "Park och gata", 1, 0 },
	{ "lagesbild", "incidents_oklart", Y25, "omrade", "Hjorthagen", 1, 0 },
};

/* Where an extra fallback category (not one of the codes) is published:
 * exactly where a counted case has it, in every period of that report. */
static const struct want_extra {
	const char *report, *indicator, *dimension, *category;
	int present;
} extras[] = {
	{ "vb", "incidents_vbe", "omrade", "Okänt område", 1 },
	{ "vb", "incidents_vbe", "handelsetyp", "Uppgift saknas", 0 },
	{ "vb", "incidents_vbe", "kategori", "Uppgift saknas", 0 },
	{ "vb", "incidents_vbe", "verksamhetsomrade", "Uppgift saknas", 0 },
	{ "vb", "incidents_oklart", "omrade", "Okänt område", 0 },
	{ "vb", "incidents_oklart", "handelsetyp", "Uppgift saknas", 1 },
	{ "vb", "incidents_oklart", "kategori", "Uppgift saknas", 0 },
	{ "vb", "incidents_oklart", "verksamhetsomrade", "Uppgift saknas", 0 },
	{ "lagesbild", "incidents_vbe", "omrade", "Okänt område", 1 },
	{ "lagesbild", "incidents_vbe", "handelsetyp", "Uppgift saknas", 0 },
	{ "lagesbild", "incidents_vbe", "kategori", "Uppgift saknas", 0 },
	{ "lagesbild", "incidents_vbe", "verksamhetsomrade", "Uppgift saknas", 0 },
	{ "lagesbild", "incidents_oklart", "omrade", "Okänt område", 0 },
	{ "lagesbild", "incidents_oklart", "handelsetyp", "Uppgift saknas", 1 },
	{ "lagesbild", "incidents_oklart", "kategori", "Uppgift saknas", 0 },
	{ "lagesbild", "incidents_oklart", "verksamhetsomrade", "Uppgift saknas", 0 },
};

static const char *const indicators[] = { "incidents_vbe", "incidents_oklart" };
static const char *const dimensions[] = { "kategori", "miljo", "handelsetyp",
                                          "verksamhetsomrade", "omrade" };
static const char *const person_codes[] = { "Hot", "Våld", "Trakasserier",
                                            "Oro för individ", "Värvning" };

/* ---- helpers -------------------------------------------------------------- */

static int setup(void **state)
{
	vbs_error err;

	(void)state;
	error_init(&err);
	if (codesets_load(&cs, PIPELINE, &err) != 0) {
		print_error("codesets_load(" PIPELINE "): %s\n", err.message);
		return -1;
	}
	if (mapping_load(&map, PIPELINE, "ia", &cs, &err) != 0) {
		print_error("mapping_load(" PIPELINE ", ia): %s\n", err.message);
		return -1;
	}
	return 0;
}

static void load_cases(vbs_incidents *s)
{
	if (incidents_init(s, 8) != 0)
		fail_msg("incidents_init failed");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ia_case *c = &cases[i];
		vbs_incident rec = {
			.event_day = civil(c->y, c->m, c->d),
			.modified = incident_stamp(c->modified),
			.line = (uint32_t)i + 2,
			.file = 0,
			.vbe = code_of("koppling_vbe", c->vbe),
			.kategori = code_of("kategori", c->kat),
			.miljo = code_of("miljo", c->miljo),
			.handelsetyp = code_of("handelsetyp", c->ht),
			.verksamhet = code_of("verksamhetsomrade", c->vo),
			.omrade = code_of("omrade", c->om),
		};
		int loser;

		if (incidents_put(s, c->id, &rec, &loser) == INCIDENT_ERROR)
			fail_msg("incidents_put(%s) failed", c->id);
	}
}

static uint64_t person_mask(void)
{
	uint64_t mask = 0;

	for (size_t i = 0; i < sizeof(person_codes) / sizeof(person_codes[0]); i++)
		mask |= UINT64_C(1) << code_of("kategori", person_codes[i]);
	return mask;
}

/* P(X <= k) for X ~ Poisson(mu), summed term by term. */
static double poisson_cdf(long k, double mu)
{
	double term = exp(-mu), sum = term;

	for (long i = 1; i <= k; i++) {
		term *= mu / (double)i;
		sum += term;
	}
	return sum;
}

static int close_to(double got, double want)
{
	return fabs(got - want) <= REL_TOL * fmax(fabs(want), 1e-300);
}

/* The Garwood interval of k: statistics.md §1's reference values for 0 and
 * 5; other k by the defining tail equations P(X >= k | lo) = 0.025 and
 * P(X <= k | hi) = 0.025. */
static void check_garwood(const vbs_figure *f)
{
	long k = lround(f->value);

	if (!(f->has & FIG_CI))
		fail_msg("%s %s %s %s/%s: a count without its interval", f->report,
		         f->indicator, f->period, f->dimension, f->category);
	if (k == 0 && (f->ci_low != 0 || !close_to(f->ci_high, 3.688879454)))
		fail_msg("%s %s %s %s/%s: k = 0 has [%.10g, %.10g], want [0, 3.688879454]",
		         f->report, f->indicator, f->period, f->dimension, f->category,
		         f->ci_low, f->ci_high);
	if (k == 5 && (!close_to(f->ci_low, 1.623486390) || !close_to(f->ci_high, 11.66833208)))
		fail_msg("%s %s %s %s/%s: k = 5 has [%.10g, %.10g], want [1.623486390, 11.66833208]",
		         f->report, f->indicator, f->period, f->dimension, f->category,
		         f->ci_low, f->ci_high);
	if (k > 0 && (!close_to(1 - poisson_cdf(k - 1, f->ci_low), 0.025) ||
	              !close_to(poisson_cdf(k, f->ci_high), 0.025)))
		fail_msg("%s %s %s %s/%s: [%.10g, %.10g] is not the Garwood interval of %ld",
		         f->report, f->indicator, f->period, f->dimension, f->category,
		         f->ci_low, f->ci_high, k);
}

static const struct want_cell *wanted(const vbs_figure *f)
{
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!strcmp(want[i].report, f->report) && !strcmp(want[i].indicator, f->indicator) &&
		    !strcmp(want[i].period, f->period) && !strcmp(want[i].dimension, f->dimension) &&
		    !strcmp(want[i].category, f->category))
			return &want[i];
	return NULL;
}

static int extra_present(const char *report, const char *indicator, const char *dimension,
                         const char *category)
{
	for (size_t i = 0; i < sizeof(extras) / sizeof(extras[0]); i++)
		if (!strcmp(extras[i].report, report) && !strcmp(extras[i].indicator, indicator) &&
		    !strcmp(extras[i].dimension, dimension) && !strcmp(extras[i].category, category))
			return extras[i].present;
	fail_msg("test table: no expectation for the extra category %s/%s of %s %s",
	         dimension, category, report, indicator);
	return 0;
}

/* ---- tests ---------------------------------------------------------------- */

static void build_all(vbs_incidents *s, vbs_figures *out)
{
	int32_t as_of = civil(2026, 10, 31);
	int first = ia_figures_first_year(s, as_of);
	vbs_error err;

	if (first != 2024)
		fail_msg("first year %d, want 2024 (A1, 2024-03-10)", first);
	if (periods_build(&pvb, "vb", first, as_of) != 0 ||
	    periods_build(&pytd, "lagesbild", first, as_of) != 0)
		fail_msg("periods_build failed");
	if (pvb.n != 2 || pytd.n != 3)
		fail_msg("%d VB years and %d windows, want 2 and 3", pvb.n, pytd.n);
	error_init(&err);
	figures_init(out);
	for (int r = 0; r < 2; r++) {
		vbs_ia_figures req = {
			.cases = s, .mapping = &map, .codesets = &cs,
			.periods = r ? &pytd : &pvb, .person_kategori = person_mask(),
		};

		if (ia_figures_build(&req, out, &err) != 0)
			fail_msg("ia_figures_build(%s) failed: %s", r ? "lagesbild" : "vb",
			         err.message);
	}
}

/* Every row: its count and persons as worked out, the interval, the flags. */
static void test_counts(void **state)
{
	vbs_incidents s;
	vbs_figures out;
	size_t nonzero = 0;

	(void)state;
	load_cases(&s);
	build_all(&s, &out);
	for (size_t i = 0; i < out.n; i++) {
		const vbs_figure *f = &out.rows[i];
		const struct want_cell *w = wanted(f);
		long k = w ? w->k : 0, persons = w ? w->persons : 0;
		const vbs_periods *p = strcmp(f->report, "vb") == 0 ? &pvb : &pytd;
		int pi;

		if (strcmp(f->source, "ia") != 0)
			fail_msg("row %zu: source \"%s\", want \"ia\"", i, f->source);
		if (f->value != (double)k)
			fail_msg("%s %s %s %s/%s: count %g, want %ld", f->report, f->indicator,
			         f->period, f->dimension, f->category, f->value, k);
		if (f->persons != persons)
			fail_msg("%s %s %s %s/%s: %ld cases about a person, want %ld", f->report,
			         f->indicator, f->period, f->dimension, f->category, f->persons,
			         persons);
		if (f->has != (FIG_VALUE | FIG_CI))
			fail_msg("%s %s %s %s/%s: has = %u, want value and interval, no n",
			         f->report, f->indicator, f->period, f->dimension, f->category,
			         f->has);
		if (f->suppressed)
			fail_msg("%s %s %s %s/%s: suppressed before disclosure control",
			         f->report, f->indicator, f->period, f->dimension, f->category);
		for (pi = 0; pi < p->n && strcmp(p->items[pi].label, f->period); pi++)
			;
		if (pi == p->n || f->year != p->items[pi].year)
			fail_msg("%s %s: period \"%s\" is not one of the report's, or year %d is wrong",
			         f->report, f->indicator, f->period, f->year);
		check_garwood(f);
		nonzero += w != NULL;
	}
	if (nonzero != sizeof(want) / sizeof(want[0]))
		fail_msg("%zu of the %zu expected non-zero cells were produced", nonzero,
		         sizeof(want) / sizeof(want[0]));
	figures_release(&out);
	incidents_release(&s);
}

/* Every code of every dimension has a row in every period (zeros too); the
 * extra category only where used; nothing else; each dimension adds up to
 * the total. */
static void test_rows_complete(void **state)
{
	vbs_incidents s;
	vbs_figures out;
	size_t expected_rows = 0;

	(void)state;
	load_cases(&s);
	build_all(&s, &out);
	for (int r = 0; r < 2; r++) {
		const vbs_periods *p = r ? &pytd : &pvb;

		for (size_t ii = 0; ii < 2; ii++) {
			const char *ind = indicators[ii];

			for (int pi = 0; pi < p->n; pi++) {
				const vbs_figure *total = figures_find(&out, p->report, ind,
				                                       p->items[pi].label, "total", "alla");

				if (!total)
					fail_msg("%s %s %s: no total row", p->report, ind, p->items[pi].label);
			}
			expected_rows += (size_t)p->n;
			for (size_t di = 0; di < sizeof(dimensions) / sizeof(dimensions[0]); di++) {
				const char *dim = dimensions[di];
				const vbs_codeset *set = set_of(dim);
				int extra = set->fallback == set->ncodes;
				int show_extra = extra && extra_present(p->report, ind, dim,
				                                        set->fallback_name);

				expected_rows += (size_t)p->n * (size_t)(set->ncodes + show_extra);
				for (int pi = 0; pi < p->n; pi++) {
					const char *per = p->items[pi].label;
					double sum = 0;

					for (int c = 0; c < set->ncodes; c++) {
						const vbs_figure *f = figures_find(&out, p->report, ind, per,
						                                   dim, set->codes[c]);

						if (!f)
							fail_msg("%s %s %s: no row for %s/%s", p->report, ind,
							         per, dim, set->codes[c]);
						sum += f->value;
					}
					if (extra) {
						const vbs_figure *f = figures_find(&out, p->report, ind, per, dim,
						                                   set->fallback_name);

						if (!!f != show_extra)
							fail_msg("%s %s %s: the extra category %s/%s is %s, want %s",
							         p->report, ind, per, dim, set->fallback_name,
							         f ? "published" : "missing",
							         show_extra ? "published" : "absent");
						if (f)
							sum += f->value;
					}
					if (sum != figures_find(&out, p->report, ind, per, "total", "alla")->value)
						fail_msg("%s %s %s: the categories of %s add up to %g, not the total",
						         p->report, ind, per, dim, sum);
				}
			}
		}
	}
	if (out.n != expected_rows)
		fail_msg("%zu rows, want %zu (every code by every period, extras where used)",
		         out.n, expected_rows);
	figures_release(&out);
	incidents_release(&s);
}

/* No person category: every persons count is 0, the counts unchanged. */
static void test_no_person_codes(void **state)
{
	vbs_incidents s;
	vbs_figures out;
	vbs_error err;
	vbs_ia_figures req = { .mapping = &map, .codesets = &cs, .periods = &pvb };

	(void)state;
	load_cases(&s);
	req.cases = &s;
	if (periods_build(&pvb, "vb", 2024, civil(2026, 10, 31)) != 0)
		fail_msg("periods_build failed");
	figures_init(&out);
	error_init(&err);
	if (ia_figures_build(&req, &out, &err) != 0)
		fail_msg("ia_figures_build failed: %s", err.message);
	for (size_t i = 0; i < out.n; i++)
		if (out.rows[i].persons != 0)
			fail_msg("%s %s/%s: %ld persons with an empty person mask",
			         out.rows[i].period, out.rows[i].dimension, out.rows[i].category,
			         out.rows[i].persons);
	if (figures_find(&out, "vb", "incidents_vbe", "2025", "total", "alla")->value != 5)
		fail_msg("the 2025 total changed with the person mask");
	figures_release(&out);
	incidents_release(&s);
}

static const struct fy_case {
	const char *name;
	const char *ids[4];
	int y[4], m[4], d[4];
	int n;
	int want;
} fy_cases[] = {
	{ "no cases", { 0 }, { 0 }, { 0 }, { 0 }, 0, -1 },
	{ "only cases after the as-of date", { "X1", "X2" }, { 2026, 2027 }, { 11, 1 },
	  { 1, 1 }, 2, -1 },
	{ "the earliest on or before the as-of date", { "X1", "X2", "X3" },
	  { 2019, 2017, 2026 }, { 5, 12, 10 }, { 5, 31, 31 }, 3, 2017 },
	{ "the as-of date itself counts", { "X1" }, { 2026 }, { 10 }, { 31 }, 1, 2026 },
};

static void test_first_year(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(fy_cases) / sizeof(fy_cases[0]); i++) {
		const struct fy_case *c = &fy_cases[i];
		vbs_incidents s;
		int got, loser;

		if (incidents_init(&s, 4) != 0)
			fail_msg("incidents_init failed");
		for (int k = 0; k < c->n; k++) {
			vbs_incident rec = { .event_day = civil(c->y[k], c->m[k], c->d[k]),
			                     .modified = incident_stamp(STAMP_NONE) };

			if (incidents_put(&s, c->ids[k], &rec, &loser) != INCIDENT_NEW)
				fail_msg("case '%s': incidents_put failed", c->name);
		}
		got = ia_figures_first_year(&s, civil(2026, 10, 31));
		if (got != c->want)
			fail_msg("case '%s': first year %d, want %d", c->name, got, c->want);
		incidents_release(&s);
	}
}

/* A mapping the C code cannot count with is a configuration error. */
static void test_config_errors(void **state)
{
	static vbs_mapping bad;
	static vbs_codesets bad_cs;
	vbs_incidents s;
	vbs_figures out;
	vbs_error err;
	int vbe = mapping_column(&map, "koppling_vbe");
	int reg = mapping_column(&map, "registrerad");
	int oklart;

	(void)state;
	load_cases(&s);
	if (periods_build(&pvb, "vb", 2024, civil(2026, 10, 31)) != 0)
		fail_msg("periods_build failed");
	if (vbe < 0 || reg < 0)
		fail_msg("ia.ini lacks koppling_vbe or registrerad");

	for (int k = 0; k < 3; k++) {
		static const char *const names[] = {
			"no koppling_vbe column", "a date column as a dimension",
			"the Koppling VBE set lacks Oklart",
		};
		vbs_ia_figures req = { .cases = &s, .mapping = &bad, .codesets = &cs,
		                       .periods = &pvb };

		bad = map;
		bad_cs = cs;
		if (k == 0)
			snprintf(bad.columns[vbe].id, sizeof(bad.columns[vbe].id), "koppling");
		if (k == 1)
			bad.columns[reg].dimension = 1;
		if (k == 2) {
			oklart = codeset_lookup(&cs.sets[map.columns[vbe].codeset], "Oklart");
			snprintf(bad_cs.sets[map.columns[vbe].codeset].codes[oklart],
			         CODESET_CODE_MAX, "Kanske");
			req.codesets = &bad_cs;
		}
		figures_init(&out);
		error_init(&err);
		if (ia_figures_build(&req, &out, &err) != -1 || err.code != VBS_E_CONFIG)
			fail_msg("case '%s': code %d, want VBS_E_CONFIG (%d)", names[k], err.code,
			         VBS_E_CONFIG);
		if (!err.message[0] || !err.file[0])
			fail_msg("case '%s': the error names no file or says nothing", names[k]);
		figures_release(&out);
	}
	incidents_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_rows_complete),
		cmocka_unit_test(test_no_person_codes),
		cmocka_unit_test(test_first_year),
		cmocka_unit_test(test_config_errors),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
