/* test_sheet_followup: the Uppföljning sheet from hand-built follow-up rows,
 * read back: the latest year's activities first, then the earlier periods,
 * each an Excel table with its headers and source note; Mål, genomförda and
 * återstår as counts, måluppfyllelse as per cent (zero a number), the
 * status in words (Uppfyllt, Delvis, Ej uppfyllt, Löpande, Pågår, Mål
 * saknas); without a follow-up, the "no data" line instead of a table.
 * Also sheet_followup_counts, which the summary's sentence uses. Nothing on
 * stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "records/activities.h"
#include "report/sheet_followup.h"
#include "xlsx_read.h"

static char tmpdir[XR_DIR_BYTES];

static int setup(void **state)
{
	(void)state;
	return xr_tmpdir_make(tmpdir, sizeof(tmpdir), "sheet_followup");
}

static int teardown(void **state)
{
	(void)state;
	return xr_tmpdir_remove(tmpdir);
}

#define SUBTITLE "Verksamhetsberättelse 2025. Period: 2024–2025. Uppgifter till och med 2026-10-31."
#define NOTE "Källa: handlingsplanen mot våldsbejakande extremism (plan.csv) och aktivitetsloggen " \
             "(logg.csv). Mål = antal tillfällen per år eller termin enligt planen. " \
             "Måluppfyllelse = genomförda delat med mål."
#define NO_DATA "Handlingsplanen och aktivitetsloggen saknas för perioden, så uppföljningen " \
                "kan inte redovisas."

static const char *const headers[] = {
	"Aktivitet-ID", "Aktivitet", "Arbetsområde", "Ansvarig", "Period", "Mål",
	"Genomförda tillfällen", "Måluppfyllelse", "Status", "Återstår",
};

static vbs_followup_row row(const char *id, const char *name, activity_cycle cycle,
                            const char *period, int32_t mal, long occurrences,
                            activity_status_code status, long remaining)
{
	vbs_followup_row r = {
		.id = id, .name = name, .ansvarig = "Samordnaren", .arbetsomrade = "Skola",
		.cycle = cycle, .year = atoi(period), .mal = mal, .occurrences = occurrences,
		.has_attainment = cycle != ACTIVITY_CYCLE_LOPANDE && mal != ACTIVITY_NONE && mal >= 1,
		.status = status, .status_word = activity_status_word(status), .remaining = remaining,
	};

	r.attainment = r.has_attainment ? (double)occurrences / mal : 0;
	r.complete = status != ACTIVITY_PAGAR;
	snprintf(r.period, sizeof(r.period), "%s", period);
	return r;
}

/* The plan's order: A1 in 2024 and 2025, A2 by term, A3 ongoing, A4 still
 * running, A5 without a valid Mål. */
static void plan_rows(vbs_followup_row *rows)
{
	rows[0] = row("A1", "Samtal med skolor", ACTIVITY_CYCLE_AR, "2024", 4, 5,
	              ACTIVITY_UPPFYLLT, 0);
	rows[1] = row("A1", "Samtal med skolor", ACTIVITY_CYCLE_AR, "2025", 4, 4,
	              ACTIVITY_UPPFYLLT, 0);
	rows[2] = row("A2", "Utbildning för personal", ACTIVITY_CYCLE_TERMIN,
	              "2025-01-01..2025-06-30", 2, 1, ACTIVITY_DELVIS, 0);
	rows[3] = row("A2", "Utbildning för personal", ACTIVITY_CYCLE_TERMIN,
	              "2025-07-01..2025-12-31", 2, 0, ACTIVITY_EJ_UPPFYLLT, 0);
	rows[4] = row("A3", "Fältarbete", ACTIVITY_CYCLE_LOPANDE, "2025", ACTIVITY_NONE, 7,
	              ACTIVITY_LOPANDE, 0);
	rows[5] = row("A4", "Föräldramöten", ACTIVITY_CYCLE_AR, "2025", 4, 1, ACTIVITY_PAGAR, 3);
	rows[6] = row("A5", "Nätverksträffar", ACTIVITY_CYCLE_AR, "2025", ACTIVITY_NONE, 2,
	              ACTIVITY_MAL_SAKNAS, 0);
}

static int write_followup(vbs_xlsx *wb, const void *ctx)
{
	return sheet_followup_write(wb, ctx, SUBTITLE);
}

/* Tabell 1 (2025): caption A4, header A5, six rows A6-A11, note A12, a
 * blank line; Tabell 2: caption A14, header A15, A1 2024 on A16, note A17. */
static void test_followup(void **state)
{
	static const xr_want want[] = {
		XR_TEXT_AT("A4", "Tabell 1. Handlingsplanens aktiviteter 2025: mål och genomförande",
		           "the latest year's caption"),
		XR_TEXT_AT("A6", "A1", "A1 2025's id"),
		XR_TEXT_AT("B6", "Samtal med skolor", "A1's name"),
		XR_TEXT_AT("C6", "Skola", "A1's arbetsområde"),
		XR_TEXT_AT("D6", "Samordnaren", "A1's ansvarig"),
		XR_TEXT_AT("E6", "2025", "A1's period"),
		XR_NUMBER_AT("F6", 4, XR_FMT_COUNT, "A1's Mål"),
		XR_NUMBER_AT("G6", 4, XR_FMT_COUNT, "A1's occurrences"),
		XR_NUMBER_AT("H6", 1, XR_FMT_PERCENT, "A1's attainment (100 %)"),
		XR_TEXT_AT("I6", "Uppfyllt", "A1's status"),
		XR_EMPTY_AT("J6", "A1's remaining (met)"),
		XR_TEXT_AT("E7", "2025-01-01..2025-06-30", "A2's spring term"),
		XR_NUMBER_AT("F7", 2, XR_FMT_COUNT, "A2 spring's Mål"),
		XR_NUMBER_AT("G7", 1, XR_FMT_COUNT, "A2 spring's occurrences"),
		XR_NUMBER_AT("H7", 0.5, XR_FMT_PERCENT, "A2 spring's attainment"),
		XR_TEXT_AT("I7", "Delvis", "A2 spring's status"),
		XR_TEXT_AT("E8", "2025-07-01..2025-12-31", "A2's autumn term"),
		XR_NUMBER_AT("G8", 0, XR_FMT_COUNT, "A2 autumn's occurrences (zero)"),
		XR_NUMBER_AT("H8", 0, XR_FMT_PERCENT, "A2 autumn's attainment (zero)"),
		XR_TEXT_AT("I8", "Ej uppfyllt", "A2 autumn's status"),
		XR_TEXT_AT("A9", "A3", "the ongoing activity"),
		XR_EMPTY_AT("F9", "A3's Mål (none for löpande)"),
		XR_NUMBER_AT("G9", 7, XR_FMT_COUNT, "A3's occurrences"),
		XR_EMPTY_AT("H9", "A3's attainment (none)"),
		XR_TEXT_AT("I9", "Löpande", "A3's status"),
		XR_TEXT_AT("A10", "A4", "the running activity"),
		XR_NUMBER_AT("H10", 0.25, XR_FMT_PERCENT, "A4's attainment"),
		XR_TEXT_AT("I10", "Pågår", "A4's status"),
		XR_NUMBER_AT("J10", 3, XR_FMT_COUNT, "A4's remaining"),
		XR_TEXT_AT("A11", "A5", "the activity without Mål"),
		XR_EMPTY_AT("F11", "A5's Mål (missing)"),
		XR_TEXT_AT("I11", "Mål saknas", "A5's status"),
		XR_TEXT_AT("A14", "Tabell 2. Tidigare år och terminer", "the earlier periods' caption"),
		XR_TEXT_AT("A16", "A1", "A1 2024's id"),
		XR_TEXT_AT("E16", "2024", "A1 2024's period"),
		XR_NUMBER_AT("F16", 4, XR_FMT_COUNT, "A1 2024's Mål"),
		XR_NUMBER_AT("G16", 5, XR_FMT_COUNT, "A1 2024's occurrences"),
		XR_NUMBER_AT("H16", 1.25, XR_FMT_PERCENT, "A1 2024's attainment (above 100 %)"),
		XR_TEXT_AT("I16", "Uppfyllt", "A1 2024's status"),
	};
	vbs_followup_row rows[7];
	vbs_followup f = {.report = "vb", .rows = rows, .n = 7};
	vbs_figures figs = {0};
	vbs_periods periods = {.report = "vb"};
	vbs_report_ctx ctx = {.figures = &figs, .periods = &periods, .followup = &f};
	char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
	xr_sheet s;

	(void)state;
	plan_rows(rows);
	xr_in_dir(path, tmpdir, "followup.xlsx");
	xr_write_book(tmpdir, path, write_followup, &ctx, "the follow-up");
	xr_sheet_open(&s, path, "Uppföljning");
	xr_check_text(&s, "the title", "A1", "Uppföljning av handlingsplanen");
	xr_check_text(&s, "the subtitle", "A2", SUBTITLE);
	xr_check_cells(&s, "the follow-up", want, sizeof(want) / sizeof(want[0]));
	if (xr_table_names(&s, names, 4) != 2 || strcmp(names[0], "Uppfoljning_senaste") != 0 ||
	    strcmp(names[1], "Uppfoljning_tidigare") != 0)
		fail_msg("the tables are not Uppfoljning_senaste then Uppfoljning_tidigare");
	xr_check_table(&s, "the latest year", "Uppfoljning_senaste", "A5:J11", headers, 10, NOTE);
	xr_check_table(&s, "the earlier periods", "Uppfoljning_tidigare", "A15:J16", headers, 10,
	               NOTE);
	if (xr_frozen_rows(&s) != 5)
		fail_msg("frozen below row %ld, want the first table's header row 5",
		         xr_frozen_rows(&s));
	xr_sheet_close(&s);
}

/* Without a follow-up (the plan or the log missing), or with no rows. */
static void test_no_followup(void **state)
{
	static const struct {
		const char *name;
		int empty_rows;  /* 1: a follow-up without rows; 0: none at all */
	} cases[] = {
		{"no follow-up", 0},
		{"a follow-up without rows", 1},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vbs_followup f = {.report = "vb"};
		vbs_figures figs = {0};
		vbs_periods periods = {.report = "vb"};
		vbs_report_ctx ctx = {.figures = &figs, .periods = &periods,
		                      .followup = cases[i].empty_rows ? &f : NULL};
		char path[XR_PATH_BYTES], names[4][XR_NAME_BYTES];
		xr_sheet s;

		xr_in_dir(path, tmpdir, "no_followup.xlsx");
		xr_write_book(tmpdir, path, write_followup, &ctx, cases[i].name);
		xr_sheet_open(&s, path, "Uppföljning");
		xr_check_text(&s, cases[i].name, "A4", NO_DATA);
		xr_check_empty(&s, cases[i].name, "A5");
		if (xr_table_names(&s, names, 4) != 0)
			fail_msg("case '%s': a table was written (%s)", cases[i].name, names[0]);
		xr_sheet_close(&s);
	}
}

/* The latest year's activities with a target, by status: A1 met, A2's
 * spring partly, its autumn not met, A4 running; A3 (löpande) and A5 (no
 * Mål) have no target. */
static void test_counts(void **state)
{
	static const struct {
		const char *name;
		size_t nrows;   /* the first rows of plan_rows; 0 with no follow-up */
		int none;       /* 1: pass NULL */
		int n, met, partly, not_met, running, year;
	} cases[] = {
		{"the whole plan", 7, 0, 4, 1, 1, 1, 1, 2025},
		{"only A1 in 2024", 1, 0, 1, 1, 0, 0, 0, 2024},
		{"no rows", 0, 0, 0, 0, 0, 0, 0, 0},
		{"no follow-up", 0, 1, 0, 0, 0, 0, 0, 0},
	};
	vbs_followup_row rows[7];

	(void)state;
	plan_rows(rows);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vbs_followup f = {.report = "vb", .rows = rows, .n = cases[i].nrows};
		int met = -1, partly = -1, not_met = -1, running = -1, year = -1;
		int n = sheet_followup_counts(cases[i].none ? NULL : &f, &met, &partly, &not_met,
		                              &running, &year);

		if (n != cases[i].n || met != cases[i].met || partly != cases[i].partly ||
		    not_met != cases[i].not_met || running != cases[i].running ||
		    year != cases[i].year)
			fail_msg("case '%s': %d with a target (met %d, partly %d, not met %d, running "
			         "%d) in %d, want %d (%d, %d, %d, %d) in %d", cases[i].name, n, met,
			         partly, not_met, running, year, cases[i].n, cases[i].met,
			         cases[i].partly, cases[i].not_met, cases[i].running, cases[i].year);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_followup),
		cmocka_unit_test(test_no_followup),
		cmocka_unit_test(test_counts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
