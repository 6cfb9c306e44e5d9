/* test_book: the two workbooks written by book_write from hand-built
 * figures, read back: the sheets in the order of issue 7 (Sammanfattning,
 * Incidenter, Trygghet, Medborgardialoger, Uppföljning, Trendanalys,
 * Datakvalitet, Metod och källor; the lägesbild with Månader right after
 * Incidenter, the VB book without it), every sheet's title in A1 and the
 * book's period and as-of date in A2, as many alt texts as charts (two on
 * Incidenter, one on Månader), the
 * file properties with the as-of date as the created time, the figures on
 * the Incidenter sheet; the same book written twice gives the same bytes;
 * a book without periods is a data error and no file. Nothing on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report/book.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];
static vbs_indicators indicators;

static int setup(void **state)
{
	vbs_error err;

	(void)state;
	error_init(&err);
	if (indicators_load(&indicators, "pipeline", &err) != 0) {
		print_error("indicators_load(pipeline): %s\n", err.message);
		return -1;
	}
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "book");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define VB_SUBTITLE "Verksamhetsberättelse 2025. Period: 2024–2025. Uppgifter till och med " \
                    "2026-10-31."
#define YTD_SUBTITLE "Lägesbild. Perioden 1 januari–31 oktober varje år, 2025–2026. " \
                     "Uppgifter till och med 2026-10-31."
#define QUALITY_SUBTITLE "Alla lästa exportfiler. Uppgifter till och med 2026-10-31."
#define W2025 "2025-01-01..2025-10-31"
#define W2026 "2026-01-01..2026-10-31"

#define FIG(rep, per, dim, cat, v) {.report = (rep), .indicator = "incidents_vbe", \
	.period = (per), .dimension = (dim), .category = (cat), .value = (v), \
	.has = FIG_VALUE | FIG_CI, .ci_low = (v) / 2, .ci_high = (v) * 2}

static const xr_fig rows[] = {
	FIG("vb", "2024", "total", "alla", 7),
	FIG("vb", "2025", "total", "alla", 0),
	FIG("vb", "2024", "miljo", "Vit makt-miljön", 3),
	FIG("vb", "2025", "miljo", "Vit makt-miljön", 0),
	{.report = "vb", .indicator = "incidents_vbe", .period = "2024", .dimension = "miljo",
	 .category = "Okänd", .value = 4, .suppressed = 1, .has = FIG_VALUE | FIG_CI},
	FIG("vb", "2025", "miljo", "Okänd", 0),
	FIG("lagesbild", W2025, "total", "alla", 6),
	FIG("lagesbild", W2026, "total", "alla", 4),
	FIG("lagesbild", W2025, "miljo", "Okänd", 6),
	FIG("lagesbild", W2026, "miljo", "Okänd", 4),
	FIG("lagesbild", W2026, "manad", "01", 1),
	FIG("lagesbild", W2026, "manad", "02", 3),
};

/* The sheets of a book in order, their titles (A1) and subtitles (A2). */
struct sheet_want {
	const char *name, *title, *subtitle;
};

static const struct sheet_want vb_sheets[] = {
	{"Sammanfattning", "Sammanfattning", VB_SUBTITLE},
	{"Incidenter", "Incidenter med koppling till våldsbejakande extremism", VB_SUBTITLE},
	{"Trygghet", "Trygghetsmätningen", VB_SUBTITLE},
	{"Medborgardialoger", "Medborgardialoger", VB_SUBTITLE},
	{"Uppföljning", "Uppföljning av handlingsplanen", VB_SUBTITLE},
	{"Trendanalys", "Trendanalys", VB_SUBTITLE},
	{"Datakvalitet", "Datakvalitet", QUALITY_SUBTITLE},
	{"Metod och källor", "Metod och källor", VB_SUBTITLE},
	{NULL, NULL, NULL},
};

static const struct sheet_want ytd_sheets[] = {
	{"Sammanfattning", "Sammanfattning", YTD_SUBTITLE},
	{"Incidenter", "Incidenter med koppling till våldsbejakande extremism", YTD_SUBTITLE},
	{"Månader", "Ärenden per månad i år", YTD_SUBTITLE},
	{"Trygghet", "Trygghetsmätningen", YTD_SUBTITLE},
	{"Medborgardialoger", "Medborgardialoger", YTD_SUBTITLE},
	{"Uppföljning", "Uppföljning av handlingsplanen", YTD_SUBTITLE},
	{"Trendanalys", "Trendanalys", YTD_SUBTITLE},
	{"Datakvalitet", "Datakvalitet", QUALITY_SUBTITLE},
	{"Metod och källor", "Metod och källor", YTD_SUBTITLE},
	{NULL, NULL, NULL},
};

static const struct book_case {
	const char *name;
	const char *report;
	int first_year;
	const struct sheet_want *sheets;
	const char *title, *subject;  /* docProps/core.xml */
	int charts;                   /* in the whole book */
} cases[] = {
	{"the VB appendix", "vb", 2024, vb_sheets,
	 "Bilaga till verksamhetsberättelse 2025: våldsbejakande extremism",
	 "Uppföljning av handlingsplanen mot våldsbejakande extremism och lokal lägesbild 2025",
	 2},
	{"the lägesbild", "lagesbild", 2025, ytd_sheets,
	 "Lägesbild våldsbejakande extremism 2026-10-31",
	 "Lokal lägesbild: 1 januari till 2026-10-31 jämfört med samma period tidigare år", 3},
};

/* Writes the book of case c to path with stderr captured; returns what
 * book_write returned, err filled. */
static int write_book(const struct book_case *c, const char *path, vbs_error *err)
{
	static vbs_periods periods;
	vbs_figures figs;
	vbs_report_ctx ctx;
	char printed[256];
	int saved, rc;
	long n;

	if (periods_build(&periods, c->report, c->first_year, xr_day(2026, 10, 31)) != 0 ||
	    periods.n != 2)
		fail_msg("case '%s': periods_build gave %d periods, want 2", c->name, periods.n);
	xr_figures(&figs, rows, sizeof(rows) / sizeof(rows[0]));
	ctx = (vbs_report_ctx){
		.figures = &figs, .indicators = &indicators, .periods = &periods,
		.as_of = xr_day(2026, 10, 31), .report_year = 2025, .district = "Östermalm",
		.version = "0.1.0", .tmpdir = tmpdir,
	};
	error_init(err);
	saved = xr_stderr_begin(tmpdir);
	rc = book_write(&ctx, path, err);
	n = xr_stderr_end(tmpdir, saved, printed, sizeof(printed));
	figures_release(&figs);
	if (n != 0)
		fail_msg("case '%s': %ld bytes printed on stderr: %s", c->name, n, printed);
	return rc;
}

static void test_books(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct book_case *c = &cases[i];
		char path[XR_PATH_BYTES], names[16][XR_NAME_BYTES], tag[XR_TEXT_BYTES];
		char *core, *app;
		vbs_error err;
		int n, want = 0, charts = 0;

		xr_in_dir(path, tmpdir, "book.xlsx");
		if (write_book(c, path, &err) != 0)
			fail_msg("case '%s': book_write failed: %s", c->name, err.message);
		while (c->sheets[want].name)
			want++;
		n = xr_sheet_names(path, names, 16);
		for (int k = 0; k < n || k < want; k++)
			if (k >= n || k >= want || strcmp(names[k], c->sheets[k].name) != 0)
				fail_msg("case '%s': sheet %d is '%s', want '%s' (%d sheets, want %d)",
				         c->name, k + 1, k < n ? names[k] : "(none)",
				         k < want ? c->sheets[k].name : "(none)", n, want);
		for (int k = 0; k < want; k++) {
			char what[XR_TEXT_BYTES];
			int alts, nc;
			xr_sheet s;

			snprintf(what, sizeof(what), "%s, sheet %s", c->name, c->sheets[k].name);
			xr_sheet_open(&s, path, c->sheets[k].name);
			xr_check_text(&s, what, "A1", c->sheets[k].title);
			xr_check_text(&s, what, "A2", c->sheets[k].subtitle);
			nc = xr_charts(&s, &alts);
			if (nc != alts)
				fail_msg("%s: %d charts but %d alt texts", what, nc, alts);
			charts += nc;
			xr_sheet_close(&s);
		}
		if (charts != c->charts)
			fail_msg("case '%s': %d charts, want %d", c->name, charts, c->charts);
		core = xr_need_part(path, "docProps/core.xml");
		app = xr_need_part(path, "docProps/app.xml");
		snprintf(tag, sizeof(tag), "<dc:title>%s</dc:title>", c->title);
		xr_contains("core.xml: the title", core, tag);
		snprintf(tag, sizeof(tag), "<dc:subject>%s</dc:subject>", c->subject);
		xr_contains("core.xml: the subject", core, tag);
		xr_contains("core.xml: the district as author", core,
		            "<dc:creator>Östermalm</dc:creator>");
		xr_contains("core.xml: the as-of date as the created time", core,
		            ">2026-10-31T00:00:00Z</dcterms:created>");
		xr_contains("app.xml: the district as company", app, "<Company>Östermalm</Company>");
		free(core);
		free(app);
	}
}

/* The VB book's Incidenter sheet: the caption of table 1 on A4, its
 * header on A5 (Miljö | 2024 | 2025), Vit makt-miljön A6, Okänd A7, Totalt
 * A8; the line chart draws B5:C5 against B8:C8. */
static void test_vb_incidents(void **state)
{
	static const char *const headers[] = {"Miljö", "2024", "2025"};
	static const xr_want want[] = {
		XR_NUMBER_AT("B6", 3, XR_FMT_COUNT, "Vit makt-miljön 2024"),
		XR_NUMBER_AT("C6", 0, XR_FMT_COUNT, "Vit makt-miljön 2025 (zero)"),
		XR_TEXT_AT("B7", "..", "Okänd 2024 (suppressed)"),
		XR_TEXT_AT("A8", "Totalt", "the total's label"),
		XR_NUMBER_AT("B8", 7, XR_FMT_COUNT, "the total 2024"),
		XR_NUMBER_AT("C8", 0, XR_FMT_COUNT, "the total 2025 (zero)"),
	};
	char path[XR_PATH_BYTES], alt[XR_TEXT_BYTES];
	char *chart;
	vbs_error err;
	xr_sheet s;

	(void)state;
	xr_in_dir(path, tmpdir, "vb.xlsx");
	if (write_book(&cases[0], path, &err) != 0)
		fail_msg("book_write failed: %s", err.message);
	xr_sheet_open(&s, path, "Incidenter");
	xr_check_cells(&s, "the VB book's Incidenter", want, sizeof(want) / sizeof(want[0]));
	xr_check_table(&s, "the VB book's Incidenter", "VBE_miljo", "A5:C8", headers, 3,
	               "Källa: stadens system för incidentrapportering (IA), ärenden markerade med "
	               "koppling till våldsbejakande extremism. Ett ärende räknas en gång (senaste "
	               "versionen). – = 0. .. = uppgiften redovisas inte (för få personer, se "
	               "Metod och källor).");
	chart = xr_chart_xml(&s, 0);
	xr_contains("the VB chart's categories", chart, "<c:f>Incidenter!$B$5:$C$5</c:f>");
	xr_contains("the VB chart's values", chart, "<c:f>Incidenter!$B$8:$C$8</c:f>");
	free(chart);
	xr_chart_alt(&s, 0, alt, sizeof(alt));
	if (strncmp(alt, "Linjediagram över antalet", 25) != 0)
		fail_msg("the VB book's first chart's alt text is \"%s\"", alt);
	xr_sheet_close(&s);
}

/* Each book written twice, two seconds apart (zip times have 2-second
 * steps, so a clock leaking into the file would show). */
static void test_same_bytes(void **state)
{
	(void)state;
	char a[2][XR_PATH_BYTES], b[2][XR_PATH_BYTES];
	vbs_error err;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			char name[32];

			snprintf(name, sizeof(name), "%s%d.xlsx", cases[i].report, pass + 1);
			xr_in_dir(pass ? b[i] : a[i], tmpdir, name);
			if (write_book(&cases[i], pass ? b[i] : a[i], &err) != 0)
				fail_msg("case '%s': write %d failed: %s", cases[i].name, pass + 1,
				         err.message);
		}
		if (pass == 0)
			sleep(2);
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		xr_check_same_bytes(cases[i].name, a[i], b[i]);
}

/* No period up to the as-of date: a data error, and no workbook. */
static void test_no_periods(void **state)
{
	vbs_periods none = {.report = "vb"};
	vbs_figures figs = {0};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &none, .as_of = xr_day(2026, 10, 31),
	                      .report_year = 2025, .district = "Östermalm", .tmpdir = tmpdir};
	char path[XR_PATH_BYTES];
	vbs_error err;

	(void)state;
	xr_in_dir(path, tmpdir, "none.xlsx");
	error_init(&err);
	if (book_write(&ctx, path, &err) != -1 || err.code != VBS_E_DATA)
		fail_msg("no periods: code %d, want VBS_E_DATA (%d)", err.code, VBS_E_DATA);
	if (access(path, F_OK) == 0)
		fail_msg("no periods: a workbook was written anyway");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_books),
		cmocka_unit_test(test_vb_incidents),
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_no_periods),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
