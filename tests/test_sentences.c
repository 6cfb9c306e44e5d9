/* Tests of sentences: the Swedish summary sentences say exactly what the
 * figures and tests say (hand-built figures and tests; expected text
 * written out in full), and numbers are written the Swedish way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "report/sentences.h"

static void test_number(void **state)
{
	static const struct {
		double x;
		int decimals;
		const char *want;
	} cases[] = {
		{0, 0, "0"}, {22, 0, "22"}, {2510, 0, "2 510"}, {1234567, 0, "1 234 567"},
		{2.966158824, 1, "3,0"}, {22.57636568, 1, "22,6"}, {0.0008492, 3, "0,001"},
		{-1250.5, 1, "-1 250,5"}, {-0.00001, 2, "0,00"}, {999.96, 1, "1 000,0"},
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sentences_number(cases[i].x, cases[i].decimals, buf, sizeof(buf));
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%.8g with %d decimals gave '%s', want '%s'", cases[i].x,
			         cases[i].decimals, buf, cases[i].want);
	}
}

static vbs_figure fig(const char *report, const char *indicator, const char *period, int year,
                      double value)
{
	vbs_figure f = {.report = report, .source = "ia", .indicator = indicator,
	                .dimension = "total", .category = "alla", .value = value,
	                .has = FIG_VALUE, .year = year};

	snprintf(f.period, sizeof(f.period), "%s", period);
	return f;
}

static vbs_trend test(const char *report, const char *indicator, const char *method,
                      const char *first, const char *last, double p, const char *direction)
{
	vbs_trend t = {.report = report, .source = "ia", .indicator = indicator,
	               .dimension = "total", .category = "alla", .method = method,
	               .p_value = p, .has = TREND_HAS_P, .direction = direction};

	snprintf(t.first_period, sizeof(t.first_period), "%s", first);
	snprintf(t.last_period, sizeof(t.last_period), "%s", last);
	return t;
}

/* The VB report: 16 cases in 2024 and 22 in 2025, a change with p =
 * 0.4181504122 (not significant) and a Mann–Kendall p of 0.00085 (rising);
 * unclear cases 7 and 4; a rate of 2.966158824 per 10 000 in 2025. */
static void test_vb(void **state)
{
	vbs_figure rows[] = {
		fig("vb", "incidents_vbe", "2024", 2024, 16),
		fig("vb", "incidents_vbe", "2025", 2025, 22),
		fig("vb", "incidents_oklart", "2024", 2024, 7),
		fig("vb", "incidents_oklart", "2025", 2025, 4),
		fig("vb", "incident_rate_per_10000", "2025", 2025, 2.966158824),
	};
	vbs_trend tests[] = {
		test("vb", "incidents_vbe", "mann_kendall", "2014", "2025", 0.0008492268308, "okande"),
		test("vb", "incidents_vbe", "change_vs_previous", "2024", "2025", 0.4181504122,
		     "ingen_sakerstalld"),
	};
	vbs_figures figs = {.rows = rows, .n = sizeof(rows) / sizeof(rows[0])};
	vbs_trends trends = {.rows = tests, .n = sizeof(tests) / sizeof(tests[0])};
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .trends = &trends, .periods = &periods};
	vbs_sentences out;
	static const char *const want[] = {
		"Under 2025 registrerades 22 ärenden med koppling till våldsbejakande extremism i incidentrapporteringen (IA), jämfört med 16 under 2024. Förändringen är inte statistiskt säkerställd (p = 0,418). Över åren 2014–2025 visar antalet ärenden en statistiskt säkerställd ökande trend (Mann–Kendall, p < 0,001).",
		"Därutöver fanns 4 ärenden där kopplingen till våldsbejakande extremism var oklar (7 under 2024).",
		"Det motsvarar 3,0 ärenden per 10 000 invånare under 2025.",
	};

	(void)state;
	sentences_build(&ctx, &out);
	if (out.n != (int)(sizeof(want) / sizeof(want[0])))
		fail_msg("%d sentences, want %zu", out.n, sizeof(want) / sizeof(want[0]));
	for (int i = 0; i < out.n; i++)
		if (strcmp(out.text[i], want[i]) != 0)
			fail_msg("sentence %d:\n got: %s\nwant: %s", i, out.text[i], want[i]);
}

/* The lägesbild: windows; a significant decrease; the rate only for 2025
 * because the 2026 population is not published. */
static void test_lagesbild(void **state)
{
	vbs_figure rows[] = {
		fig("lagesbild", "incidents_vbe", "2025-01-01..2025-10-31", 2025, 30),
		fig("lagesbild", "incidents_vbe", "2026-01-01..2026-10-31", 2026, 12),
		fig("lagesbild", "incident_rate_per_10000", "2025-01-01..2025-10-31", 2025, 4.15),
	};
	vbs_trend tests[] = {
		test("lagesbild", "incidents_vbe", "mann_kendall", "2014-01-01..2014-10-31",
		     "2026-01-01..2026-10-31", 0.2, "ingen_sakerstalld"),
		test("lagesbild", "incidents_vbe", "change_vs_previous", "2025-01-01..2025-10-31",
		     "2026-01-01..2026-10-31", 0.0081, "minskande"),
	};
	vbs_figures figs = {.rows = rows, .n = sizeof(rows) / sizeof(rows[0])};
	vbs_trends trends = {.rows = tests, .n = sizeof(tests) / sizeof(tests[0])};
	vbs_periods periods = {.report = "lagesbild"};
	vbs_report_ctx ctx = {.figures = &figs, .trends = &trends, .periods = &periods};
	vbs_sentences out;
	static const char *const want[] = {
		"Under perioden 1 januari–31 oktober 2026 registrerades 12 ärenden med koppling till våldsbejakande extremism i incidentrapporteringen (IA), jämfört med 30 under samma period 2025. Minskningen är statistiskt säkerställd (p = 0,008). Över åren 2014–2026, räknat för samma period varje år, finns ingen statistiskt säkerställd trend i antalet ärenden (Mann–Kendall, p = 0,200).",
		"Antal per 10 000 invånare kan ännu inte beräknas för 2026, eftersom befolkningen för det året inte är publicerad; det senaste värdet är 4,2 ärenden per 10 000 invånare under perioden 1 januari–31 oktober 2025.",
	};

	(void)state;
	sentences_build(&ctx, &out);
	if (out.n != (int)(sizeof(want) / sizeof(want[0])))
		fail_msg("%d sentences, want %zu", out.n, sizeof(want) / sizeof(want[0]));
	for (int i = 0; i < out.n; i++)
		if (strcmp(out.text[i], want[i]) != 0)
			fail_msg("sentence %d:\n got: %s\nwant: %s", i, out.text[i], want[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_vb),
		cmocka_unit_test(test_lagesbild),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
