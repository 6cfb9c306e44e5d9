/* test_ia_figures: IA cases built by hand (incidents_put, code indices from
 * the real pipeline/codesets.ini, pipeline/sources/ia.ini and
 * pipeline/indicators.ini) counted for the VB years and the year-to-date
 * windows. Checks every count against a table worked out by hand, a zero
 * row for every code in every period, the extra category (Okänt område,
 * Uppgift saknas) only where a counted case has it, the months of the
 * current window only, the Garwood interval of every count, the person
 * counts from the person Kategori codes of statistics.md §5, the rates per
 * 10 000 and the exposures with and without population (never carried
 * over), and the configuration errors. */
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
#include "figures/indicators.h"
#include "figures/periods.h"
#include "ingest/mapping.h"
#include "records/population.h"

#include "figures_support.h"

#define REL_TOL 1e-6

/* Large structs: static, loaded once. */
static vbs_codesets cs;
static vbs_mapping map;
static vbs_indicators inds;
static vbs_periods pvb, pytd;

static const vbs_codeset *set_of(const char *column)
{
	return fs_set_of(&cs, &map, column);
}

/* The index of a code or of the set's fallback category, by name. */
static uint8_t code_of(const char *column, const char *name)
{
	return fs_code_of(&cs, &map, column, name);
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
	/* the months of the current window only: A5 in June; A6 is after the
	 * as-of date */
	{ "lagesbild", "incidents_vbe", Y26, "manad", "06", 1, 1 },
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
	(void)state;
	return fs_load_pipeline(&cs, &map, &inds, "ia");
}

static void load_cases(vbs_incidents *s)
{
	if (incidents_init(s, 8) != 0)
		fail_msg("incidents_init failed");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ia_case *c = &cases[i];
		vbs_incident rec = {
			.event_day = fs_day(c->y, c->m, c->d),
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
	return fs_close_to(got, want, REL_TOL);
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

static vbs_ia_figures request(const vbs_incidents *s, const vbs_population *pop,
                              uint64_t persons)
{
	return (vbs_ia_figures){
		.cases = s, .mapping = &map, .codesets = &cs, .indicators = &inds,
		.population = pop, .as_of = fs_day(2026, 10, 31), .person_kategori = persons,
	};
}

/* Both reports, without population unless pop; the test's own copy of the
 * periods in pvb and pytd. */
static void build_with(vbs_incidents *s, const vbs_population *pop, vbs_figures *out)
{
	int32_t as_of = fs_day(2026, 10, 31);
	int first = ia_figures_first_year(s, as_of);
	vbs_ia_figures req = request(s, pop, person_mask());
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
	if (ia_figures_build(&req, out, &err) != 0)
		fail_msg("ia_figures_build failed: %s", err.message);
}

static void build_all(vbs_incidents *s, vbs_figures *out)
{
	build_with(s, NULL, out);
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
			/* Months: report lagesbild, the current window, 01..10. */
			for (int pi = 0; pi < p->n; pi++) {
				const char *per = p->items[pi].label;
				int current = r == 1 && pi == p->n - 1;
				double sum = 0;

				for (int month = 1; month <= 12; month++) {
					char name[3];
					const vbs_figure *f;

					snprintf(name, sizeof(name), "%02d", month);
					f = figures_find(&out, p->report, ind, per, "manad", name);
					if (!!f != (current && month <= 10))
						fail_msg("%s %s %s: month %s is %s, want %s", p->report, ind, per,
						         name, f ? "published" : "missing",
						         current && month <= 10 ? "published" : "absent");
					sum += f ? f->value : 0;
				}
				if (current) {
					expected_rows += 10;
					if (sum != figures_find(&out, p->report, ind, per, "total", "alla")->value)
						fail_msg("%s %s %s: the months add up to %g, not the total",
						         p->report, ind, per, sum);
				}
			}
		}
	}
	if (out.n != expected_rows)
		fail_msg("%zu rows, want %zu (every code by every period, extras where used, "
		         "the months of the current window)", out.n, expected_rows);
	figures_release(&out);
	incidents_release(&s);
}

/* No person category: every persons count is 0, the counts unchanged. */
static void test_no_person_codes(void **state)
{
	vbs_incidents s;
	vbs_figures out;
	vbs_error err;
	vbs_ia_figures req;

	(void)state;
	load_cases(&s);
	req = request(&s, NULL, 0);
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
			vbs_incident rec = { .event_day = fs_day(c->y[k], c->m[k], c->d[k]),
			                     .modified = incident_stamp(STAMP_NONE) };

			if (incidents_put(&s, c->ids[k], &rec, &loser) != INCIDENT_NEW)
				fail_msg("case '%s': incidents_put failed", c->name);
		}
		got = ia_figures_first_year(&s, fs_day(2026, 10, 31));
		if (got != c->want)
			fail_msg("case '%s': first year %d, want %d", c->name, got, c->want);
		incidents_release(&s);
	}
}

/* An indicator the C code cannot count with is a configuration error
 * naming indicators.ini, and nothing is appended. */
static const struct config_case {
	const char *name;
	int what; /* which edit below */
} config_cases[] = {
	{ "the where column koppling_vbe is not in ia.ini", 0 },
	{ "a date column as a dimension", 1 },
	{ "the Koppling VBE set lacks Oklart", 2 },
	{ "a dimension ia.ini lacks", 3 },
	{ "a kind source ia has not", 4 },
	{ "a rate of a rate", 5 },
};

static void test_config_errors(void **state)
{
	static vbs_mapping bad;
	static vbs_codesets bad_cs;
	static vbs_indicators bad_inds;
	vbs_incidents s;
	vbs_figures out;
	vbs_error err;
	int vbe = mapping_column(&map, "koppling_vbe");
	const char *suffix = "indicators.ini";

	(void)state;
	load_cases(&s);
	if (vbe < 0)
		fail_msg("ia.ini lacks koppling_vbe");
	for (size_t k = 0; k < sizeof(config_cases) / sizeof(config_cases[0]); k++) {
		const struct config_case *c = &config_cases[k];
		vbs_ia_figures req = request(&s, NULL, person_mask());
		vbs_indicator *vbe_ind, *oklart_ind, *rate_ind;
		size_t len;

		bad = map;
		bad_cs = cs;
		bad_inds = inds;
		vbe_ind = (vbs_indicator *)indicators_find(&bad_inds, "incidents_vbe");
		oklart_ind = (vbs_indicator *)indicators_find(&bad_inds, "incidents_oklart");
		rate_ind = (vbs_indicator *)indicators_find(&bad_inds, "incident_rate_per_10000");
		if (!vbe_ind || !oklart_ind || !rate_ind)
			fail_msg("indicators.ini lacks an IA indicator");
		req.mapping = &bad;
		req.codesets = &bad_cs;
		req.indicators = &bad_inds;
		switch (c->what) {
		case 0:
			snprintf(bad.columns[vbe].id, sizeof(bad.columns[vbe].id), "koppling");
			break;
		case 1:
			snprintf(vbe_ind->dimensions[vbe_ind->ndimensions++], sizeof(vbe_ind->dimensions[0]),
			         "registrerad");
			break;
		case 2: {
			int oklart = codeset_lookup(&cs.sets[map.columns[vbe].codeset], "Oklart");

			snprintf(bad_cs.sets[map.columns[vbe].codeset].codes[oklart], CODESET_CODE_MAX,
			         "Kanske");
			break;
		}
		case 3:
			snprintf(oklart_ind->dimensions[0], sizeof(oklart_ind->dimensions[0]), "stadsdel");
			break;
		case 4:
			oklart_ind->kind = KIND_SUM;
			break;
		case 5:
			snprintf(rate_ind->of, sizeof(rate_ind->of), "incident_rate_per_10000");
			break;
		}
		figures_init(&out);
		error_init(&err);
		if (ia_figures_build(&req, &out, &err) != -1 || err.code != VBS_E_CONFIG)
			fail_msg("case '%s': code %d, want VBS_E_CONFIG (%d)", c->name, err.code,
			         VBS_E_CONFIG);
		len = strlen(err.file);
		if (!err.message[0] || len < strlen(suffix) ||
		    strcmp(err.file + len - strlen(suffix), suffix) != 0)
			fail_msg("case '%s': the error names '%s', not indicators.ini, or says nothing",
			         c->name, err.file);
		if (out.n != 0)
			fail_msg("case '%s': %zu rows appended before the error", c->name, out.n);
		figures_release(&out);
	}
	incidents_release(&s);
}

/* ---- rates and exposures -------------------------------------------------
 * Population (31 December): 2024 Gärdet 10 000, Djurgården 2 500,
 * Lärkstaden 0; 2025 Gärdet 10 400, Djurgården 2 600 and 100 under an area
 * the code set does not know (part of the district total, no area rate).
 * Totals: 2024 12 500, 2025 13 100; none for 2026. */
struct pop_row {
	int year;
	const char *area; /* NULL: an unknown area */
	int64_t inhabitants;
};

static const struct pop_row pop_rows[] = {
	{ 2024, "Gärdet", 10000 }, { 2024, "Djurgården", 2500 }, { 2024, "Lärkstaden", 0 },
	{ 2025, "Gärdet", 10400 }, { 2025, "Djurgården", 2600 }, { 2025, NULL, 100 },
};

static void load_population(vbs_population *pop)
{
	if (population_init(pop, 8) != 0)
		fail_msg("population_init failed");
	for (size_t i = 0; i < sizeof(pop_rows) / sizeof(pop_rows[0]); i++) {
		vbs_population_row row = {
			.origin = { .line = (uint32_t)i + 2 },
			.inhabitants = pop_rows[i].inhabitants,
			.year = (int16_t)pop_rows[i].year,
			.omrade = pop_rows[i].area ? code_of("omrade", pop_rows[i].area)
			                           : code_of("omrade", "Okänt område"),
			.area_unknown = pop_rows[i].area == NULL,
		};
		int loser;

		if (population_put(pop, &row, pop_rows[i].area ? NULL : "Söder", &loser) ==
		    KEYED_ERROR)
			fail_msg("population_put failed");
	}
}

/* Every rate row, worked out by hand: k / population × 10 000 and the
 * Garwood limits of k scaled alike (k = 0: [0, 3.688879454]; k = 1:
 * [0.02531780798, 5.571643391]; k = 2: [0.2422092785, 7.224687668]; k = 3:
 * [0.6186721229, 8.76727307]; k = 5: [1.62348639, 11.66833208]; computed
 * apart from the code by bisection on the Poisson tails). */
static const struct want_rate {
	const char *report, *period, *dimension, *category;
	long k, persons;
	double population, value, lo, hi;
} rates[] = {
	{ "vb", "2024", "total", "alla", 2, 1, 12500, 1.6, 0.1937674228, 5.779750134 },
	{ "vb", "2025", "total", "alla", 5, 2, 13100, 3.816793893, 1.239302588, 8.907123725 },
	{ "vb", "2024", "omrade", "Gärdet", 1, 1, 10000, 1.0, 0.02531780798, 5.571643391 },
	{ "vb", "2024", "omrade", "Djurgården", 0, 0, 2500, 0.0, 0.0, 14.75551782 },
	{ "vb", "2025", "omrade", "Gärdet", 0, 0, 10400, 0.0, 0.0, 3.546999475 },
	{ "vb", "2025", "omrade", "Djurgården", 5, 2, 2600, 19.23076923, 6.244178424,
	  44.87820031 },
	{ "lagesbild", Y24, "total", "alla", 2, 1, 12500, 1.6, 0.1937674228, 5.779750134 },
	{ "lagesbild", Y25, "total", "alla", 3, 0, 13100, 2.290076336, 0.4722687961,
	  6.692574862 },
	{ "lagesbild", Y24, "omrade", "Gärdet", 1, 1, 10000, 1.0, 0.02531780798, 5.571643391 },
	{ "lagesbild", Y24, "omrade", "Djurgården", 0, 0, 2500, 0.0, 0.0, 14.75551782 },
	{ "lagesbild", Y25, "omrade", "Gärdet", 0, 0, 10400, 0.0, 0.0, 3.546999475 },
	{ "lagesbild", Y25, "omrade", "Djurgården", 3, 0, 2600, 11.53846154, 2.379508165,
	  33.72028104 },
};

static void test_rates(void **state)
{
	static const char rate_id[] = "incident_rate_per_10000";
	vbs_incidents s;
	vbs_population pop;
	vbs_figures out;
	size_t nrates = 0;

	(void)state;
	load_cases(&s);
	load_population(&pop);
	build_with(&s, &pop, &out);
	for (size_t i = 0; i < out.n; i++) {
		const vbs_figure *f = &out.rows[i];
		const struct want_rate *w = NULL;

		if (strcmp(f->indicator, rate_id) != 0)
			continue;
		nrates++;
		for (size_t j = 0; j < sizeof(rates) / sizeof(rates[0]) && !w; j++)
			if (!strcmp(rates[j].report, f->report) && !strcmp(rates[j].period, f->period) &&
			    !strcmp(rates[j].dimension, f->dimension) &&
			    !strcmp(rates[j].category, f->category))
				w = &rates[j];
		if (!w)
			fail_msg("%s %s %s/%s: a rate row where there is no population (or a zero one)",
			         f->report, f->period, f->dimension, f->category);
		if (f->has != (FIG_VALUE | FIG_CI | FIG_N) || f->n != (double)w->k ||
		    f->persons != w->persons || f->exposure != w->population)
			fail_msg("%s %s %s/%s: has %u, n %g, persons %ld, exposure %g; want all fields, "
			         "n %ld, persons %ld, exposure %g", f->report, f->period, f->dimension,
			         f->category, f->has, f->n, f->persons, f->exposure, w->k, w->persons,
			         w->population);
		if (!close_to(f->value, w->value) || !close_to(f->ci_low, w->lo) ||
		    !close_to(f->ci_high, w->hi))
			fail_msg("%s %s %s/%s: rate %.10g [%.10g, %.10g], want %.10g [%.10g, %.10g]",
			         f->report, f->period, f->dimension, f->category, f->value, f->ci_low,
			         f->ci_high, w->value, w->lo, w->hi);
	}
	if (nrates != sizeof(rates) / sizeof(rates[0]))
		fail_msg("%zu rate rows, want %zu", nrates, sizeof(rates) / sizeof(rates[0]));

	/* The counts carry the population as their exposure: the district's on
	 * the total, the area's on omrade, none elsewhere or without one. */
	{
		static const struct {
			const char *report, *indicator, *period, *dimension, *category;
			double exposure;
		} exp_cases[] = {
			{ "vb", "incidents_vbe", "2024", "total", "alla", 12500 },
			{ "vb", "incidents_oklart", "2025", "total", "alla", 13100 },
			{ "vb", "incidents_vbe", "2025", "omrade", "Djurgården", 2600 },
			{ "vb", "incidents_vbe", "2024", "omrade", "Lärkstaden", 0 },
			{ "vb", "incidents_vbe", "2024", "omrade", "Okänt område", 0 },
			{ "vb", "incidents_vbe", "2024", "omrade", "Hjorthagen", 0 },
			{ "vb", "incidents_vbe", "2025", "miljo", "Okänd", 0 },
			{ "lagesbild", "incidents_vbe", Y25, "total", "alla", 13100 },
			{ "lagesbild", "incidents_vbe", Y26, "total", "alla", 0 },
			{ "lagesbild", "incidents_vbe", Y26, "manad", "06", 0 },
		};

		for (size_t i = 0; i < sizeof(exp_cases) / sizeof(exp_cases[0]); i++) {
			const vbs_figure *f = figures_find(&out, exp_cases[i].report,
			                                   exp_cases[i].indicator, exp_cases[i].period,
			                                   exp_cases[i].dimension, exp_cases[i].category);

			if (!f || f->exposure != exp_cases[i].exposure)
				fail_msg("%s %s %s %s/%s: exposure %g, want %g", exp_cases[i].report,
				         exp_cases[i].indicator, exp_cases[i].period,
				         exp_cases[i].dimension, exp_cases[i].category,
				         f ? f->exposure : -1, exp_cases[i].exposure);
		}
	}
	figures_release(&out);

	/* No population file: no rate row at all, every exposure 0, and the
	 * counts unchanged. */
	build_with(&s, NULL, &out);
	for (size_t i = 0; i < out.n; i++) {
		if (strcmp(out.rows[i].indicator, rate_id) == 0)
			fail_msg("%s %s: a rate row without population", out.rows[i].report,
			         out.rows[i].period);
		if (out.rows[i].exposure != 0)
			fail_msg("%s %s: exposure %g without population", out.rows[i].report,
			         out.rows[i].period, out.rows[i].exposure);
	}
	if (figures_find(&out, "vb", "incidents_vbe", "2025", "total", "alla")->value != 5)
		fail_msg("the 2025 total changed without population");
	figures_release(&out);
	population_release(&pop);
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
		cmocka_unit_test(test_rates),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
