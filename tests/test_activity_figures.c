/* test_activity_figures: the follow-up of the action plan (statistics.md §6)
 * on plans and logs built by hand (activities_* API; code indices, the plan
 * mapping and the indicators from the real pipeline/ files): every
 * follow-up row (period label, occurrences, attainment, status, what
 * remains) against values worked out by hand, the figures derived from them
 * in the promised order, the status rules alone, the configuration errors,
 * and the committed sample (inputs/aktiviteter) against the table that
 * inputs/README.md writes from the generator's ground truth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/activity_figures.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/ingest_aktiviteter.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "records/activities.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define PIPELINE "pipeline"
#define SAMPLE_INPUTS "inputs"
#define REL_TOL 1e-9

enum { MAX_PLAN = 4, MAX_LOG = 8, MAX_ROWS = 16 };

/* No attainment row (löpande, Mål 0, no Mål). */
#define NO_ATT (-1.0)
#define NONE ACTIVITY_NONE

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

struct ymd {
	int y, m, d;
};

/* One plan activity: Mål (NONE = blank) and Period as the plan writes it. */
struct plan_entry {
	const char *id;
	int32_t mal;
	const char *period;
};

/* One log row: the activity and Datum with its time. */
struct log_entry {
	const char *id;
	int y, m, d, hh, mm;
};

/* One follow-up row as worked out by hand. */
struct row_want {
	const char *report, *id, *period;
	long occurrences;
	double attainment; /* NO_ATT: none */
	int32_t mal;       /* the countable target the row shows */
	const char *status;
	long remaining;
};

/* A plan and a log, and every follow-up row they must give: report vb
 * first, then lagesbild, each in plan order and time order. Lists end at
 * the first entry with a NULL id / report. */
struct fu_case {
	const char *name;
	struct ymd as_of;
	struct plan_entry plan[MAX_PLAN];
	struct log_entry log[MAX_LOG];
	struct row_want rows[MAX_ROWS];
};

#define VB(id, per, occ, att, mal, st, rem) { "vb", id, per, occ, att, mal, st, rem }
#define LB(id, per, occ, att, mal, st, rem) { "lagesbild", id, per, occ, att, mal, st, rem }

#define S24 "2024-01-01..2024-06-30"
#define H24 "2024-07-01..2024-12-31"
#define S25 "2025-01-01..2025-06-30"
#define H25 "2025-07-01..2025-12-31"

static const struct fu_case cases[] = {
	{ .name = "2;år with 3 occurrences: 1.5, Uppfyllt (uncapped)", .as_of = { 2025, 3, 15 },
	  .plan = { { "A01", 2, "år" } },
	  .log = { { "A01", 2024, 2, 1, 0, 0 }, { "A01", 2024, 5, 5, 10, 0 },
	           { "A01", 2024, 12, 31, 23, 30 } },
	  .rows = { VB("A01", "2024", 3, 1.5, 2, "Uppfyllt", 0),
	            LB("A01", "2025-01-01..2025-03-15", 0, 0.0, 2, "Pågår", 2) } },

	{ .name = "1 of 2 in a complete year: Delvis 0.5", .as_of = { 2025, 3, 15 },
	  .plan = { { "A01", 2, "år" } },
	  .log = { { "A01", 2024, 6, 1, 0, 0 }, { "A01", 2025, 2, 1, 0, 0 } },
	  .rows = { VB("A01", "2024", 1, 0.5, 2, "Delvis", 0),
	            LB("A01", "2025-01-01..2025-03-15", 1, 0.5, 2, "Pågår", 1) } },

	/* A01 has no log row at all: it still gets its rows, with 0. */
	{ .name = "none in a complete year: Ej uppfyllt 0 with a row of 0 occurrences",
	  .as_of = { 2025, 3, 15 },
	  .plan = { { "A01", 2, "år" }, { "A02", 2, "år" } },
	  .log = { { "A02", 2024, 4, 1, 0, 0 }, { "A02", 2024, 9, 1, 0, 0 } },
	  .rows = { VB("A01", "2024", 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("A02", "2024", 2, 1.0, 2, "Uppfyllt", 0),
	            LB("A01", "2025-01-01..2025-03-15", 0, 0.0, 2, "Pågår", 2),
	            LB("A02", "2025-01-01..2025-03-15", 0, 0.0, 2, "Pågår", 2) } },

	/* A02's only 2026 row is on the as-of day with a time: it counts. */
	{ .name = "a running year: Pågår with what remains, Uppfyllt already met",
	  .as_of = { 2026, 10, 31 },
	  .plan = { { "A01", 3, "år" }, { "A02", 1, "år" } },
	  .log = { { "A01", 2025, 1, 10, 0, 0 }, { "A01", 2025, 5, 10, 0, 0 },
	           { "A01", 2025, 11, 10, 0, 0 }, { "A01", 2026, 3, 3, 0, 0 },
	           { "A02", 2026, 10, 31, 18, 0 } },
	  .rows = { VB("A01", "2025", 3, 1.0, 3, "Uppfyllt", 0),
	            VB("A02", "2025", 0, 0.0, 1, "Ej uppfyllt", 0),
	            LB("A01", "2026-01-01..2026-10-31", 1, 1.0 / 3.0, 3, "Pågår", 2),
	            LB("A02", "2026-01-01..2026-10-31", 1, 1.0, 1, "Uppfyllt", 0) } },

	/* 30 June 23:59 is spring, 1 July 00:00 autumn. The autumn 2025 term
	 * has not begun on 10 January: no row. */
	{ .name = "termin: a row on 30 June is spring, on 1 July autumn",
	  .as_of = { 2025, 1, 10 },
	  .plan = { { "A04", 2, "termin" } },
	  .log = { { "A04", 2024, 1, 1, 0, 0 }, { "A04", 2024, 6, 30, 23, 59 },
	           { "A04", 2024, 7, 1, 0, 0 }, { "A04", 2025, 1, 10, 8, 0 } },
	  .rows = { VB("A04", S24, 2, 1.0, 2, "Uppfyllt", 0),
	            VB("A04", H24, 1, 0.5, 2, "Delvis", 0),
	            LB("A04", "2025-01-01..2025-01-10", 1, 0.5, 2, "Pågår", 1) } },

	/* A09's Mål 5 is kept as written but means nothing for löpande. */
	{ .name = "löpande: Löpande, occurrences only, no attainment row",
	  .as_of = { 2025, 12, 31 },
	  .plan = { { "A03", NONE, "löpande" }, { "A09", 5, "löpande" } },
	  .log = { { "A03", 2025, 3, 1, 0, 0 }, { "A03", 2025, 8, 2, 0, 0 } },
	  .rows = { VB("A03", "2025", 2, NO_ATT, NONE, "Löpande", 0),
	            VB("A09", "2025", 0, NO_ATT, NONE, "Löpande", 0),
	            LB("A03", "2025-01-01..2025-12-31", 2, NO_ATT, NONE, "Löpande", 0),
	            LB("A09", "2025-01-01..2025-12-31", 0, NO_ATT, NONE, "Löpande", 0) } },

	{ .name = "as-of 31 December: the report year is the current year, its periods complete",
	  .as_of = { 2025, 12, 31 },
	  .plan = { { "A01", 2, "år" }, { "A04", 2, "termin" } },
	  .log = { { "A01", 2025, 6, 1, 0, 0 }, { "A04", 2025, 2, 1, 0, 0 },
	           { "A04", 2025, 3, 1, 0, 0 }, { "A04", 2025, 12, 31, 22, 0 } },
	  .rows = { VB("A01", "2025", 1, 0.5, 2, "Delvis", 0),
	            VB("A04", S25, 2, 1.0, 2, "Uppfyllt", 0),
	            VB("A04", H25, 1, 0.5, 2, "Delvis", 0),
	            LB("A01", "2025-01-01..2025-12-31", 1, 0.5, 2, "Delvis", 0),
	            LB("A04", S25, 2, 1.0, 2, "Uppfyllt", 0),
	            LB("A04", H25, 1, 0.5, 2, "Delvis", 0) } },

	/* 15 June 23:59 counts (calendar date); 16 June and 2026 do not. */
	{ .name = "log rows after the as-of date are ignored", .as_of = { 2025, 6, 15 },
	  .plan = { { "A01", 2, "år" } },
	  .log = { { "A01", 2024, 3, 1, 0, 0 }, { "A01", 2025, 6, 15, 23, 59 },
	           { "A01", 2025, 6, 16, 0, 0 }, { "A01", 2026, 1, 1, 0, 0 } },
	  .rows = { VB("A01", "2024", 1, 0.5, 2, "Delvis", 0),
	            LB("A01", "2025-01-01..2025-06-15", 1, 0.5, 2, "Pågår", 1) } },

	/* The first year is the log's, not each activity's: A01 (first row
	 * 2024) gets 2022 and 2023 too. */
	{ .name = "the first year comes from the first log row, for every activity",
	  .as_of = { 2025, 6, 15 },
	  .plan = { { "A01", 1, "år" }, { "A02", 1, "år" } },
	  .log = { { "A01", 2024, 1, 1, 0, 0 }, { "A02", 2022, 5, 1, 0, 0 } },
	  .rows = { VB("A01", "2022", 0, 0.0, 1, "Ej uppfyllt", 0),
	            VB("A01", "2023", 0, 0.0, 1, "Ej uppfyllt", 0),
	            VB("A01", "2024", 1, 1.0, 1, "Uppfyllt", 0),
	            VB("A02", "2022", 1, 1.0, 1, "Uppfyllt", 0),
	            VB("A02", "2023", 0, 0.0, 1, "Ej uppfyllt", 0),
	            VB("A02", "2024", 0, 0.0, 1, "Ej uppfyllt", 0),
	            LB("A01", "2025-01-01..2025-06-15", 0, 0.0, 1, "Pågår", 1),
	            LB("A02", "2025-01-01..2025-06-15", 0, 0.0, 1, "Pågår", 1) } },

	{ .name = "no log row on or before the as-of date: no vb rows, the lägesbild still",
	  .as_of = { 2025, 3, 15 },
	  .plan = { { "A01", 2, "år" } },
	  .log = { { "A01", 2025, 3, 16, 0, 0 } },
	  .rows = { LB("A01", "2025-01-01..2025-03-15", 0, 0.0, 2, "Pågår", 2) } },

	/* Leap day: the window ends on 29 February; 1 March is after it. */
	{ .name = "as-of 29 February", .as_of = { 2028, 2, 29 },
	  .plan = { { "A01", 2, "år" }, { "A04", 2, "termin" } },
	  .log = { { "A01", 2027, 2, 28, 0, 0 }, { "A01", 2028, 2, 29, 12, 0 },
	           { "A04", 2028, 2, 29, 0, 0 }, { "A04", 2028, 3, 1, 0, 0 } },
	  .rows = { VB("A01", "2027", 1, 0.5, 2, "Delvis", 0),
	            VB("A04", "2027-01-01..2027-06-30", 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("A04", "2027-07-01..2027-12-31", 0, 0.0, 2, "Ej uppfyllt", 0),
	            LB("A01", "2028-01-01..2028-02-29", 1, 0.5, 2, "Pågår", 1),
	            LB("A04", "2028-01-01..2028-02-29", 1, 0.5, 2, "Pågår", 1) } },

	/* On 1 July the spring term is complete (Delvis, not Pågår) and the
	 * autumn term has begun: a window of one day. */
	{ .name = "lägesbild on 1 July: spring complete, autumn begun",
	  .as_of = { 2026, 7, 1 },
	  .plan = { { "A04", 2, "termin" } },
	  .log = { { "A04", 2025, 9, 1, 0, 0 }, { "A04", 2026, 6, 30, 0, 0 },
	           { "A04", 2026, 7, 1, 0, 0 } },
	  .rows = { VB("A04", S25, 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("A04", H25, 1, 0.5, 2, "Delvis", 0),
	            LB("A04", "2026-01-01..2026-06-30", 1, 0.5, 2, "Delvis", 0),
	            LB("A04", "2026-07-01..2026-07-01", 1, 0.5, 2, "Pågår", 1) } },

	{ .name = "lägesbild on 30 June: spring complete, autumn not begun",
	  .as_of = { 2026, 6, 30 },
	  .plan = { { "A04", 2, "termin" } },
	  .log = { { "A04", 2025, 9, 1, 0, 0 }, { "A04", 2026, 6, 30, 0, 0 },
	           { "A04", 2026, 7, 1, 0, 0 } },
	  .rows = { VB("A04", S25, 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("A04", H25, 1, 0.5, 2, "Delvis", 0),
	            LB("A04", "2026-01-01..2026-06-30", 1, 0.5, 2, "Delvis", 0) } },

	/* Mål 0 is always met; a blank Mål on år/termin (reported at ingest)
	 * leaves the activity without a target. Neither has attainment. */
	{ .name = "Mål 0 and no Mål: no attainment row", .as_of = { 2025, 12, 31 },
	  .plan = { { "A01", 0, "år" }, { "A02", NONE, "termin" } },
	  .log = { { "A01", 2025, 5, 1, 0, 0 } },
	  .rows = { VB("A01", "2025", 1, NO_ATT, 0, "Uppfyllt", 0),
	            VB("A02", S25, 0, NO_ATT, NONE, "Mål saknas", 0),
	            VB("A02", H25, 0, NO_ATT, NONE, "Mål saknas", 0),
	            LB("A01", "2025-01-01..2025-12-31", 1, NO_ATT, 0, "Uppfyllt", 0),
	            LB("A02", S25, 0, NO_ATT, NONE, "Mål saknas", 0),
	            LB("A02", H25, 0, NO_ATT, NONE, "Mål saknas", 0) } },

	/* Plan order is not id order; periods in time order within each. */
	{ .name = "rows in plan order, periods in time order", .as_of = { 2025, 10, 31 },
	  .plan = { { "Z9", 2, "termin" }, { "B2", 1, "år" }, { "A3", NONE, "löpande" } },
	  .log = { { "A3", 2023, 5, 5, 0, 0 } },
	  .rows = { VB("Z9", "2023-01-01..2023-06-30", 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("Z9", "2023-07-01..2023-12-31", 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("Z9", S24, 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("Z9", H24, 0, 0.0, 2, "Ej uppfyllt", 0),
	            VB("B2", "2023", 0, 0.0, 1, "Ej uppfyllt", 0),
	            VB("B2", "2024", 0, 0.0, 1, "Ej uppfyllt", 0),
	            VB("A3", "2023", 1, NO_ATT, NONE, "Löpande", 0),
	            VB("A3", "2024", 0, NO_ATT, NONE, "Löpande", 0),
	            LB("Z9", S25, 0, 0.0, 2, "Ej uppfyllt", 0),
	            LB("Z9", "2025-07-01..2025-10-31", 0, 0.0, 2, "Pågår", 2),
	            LB("B2", "2025-01-01..2025-10-31", 0, 0.0, 1, "Pågår", 1),
	            LB("A3", "2025-01-01..2025-10-31", 0, NO_ATT, NONE, "Löpande", 0) } },

	{ .name = "an empty plan: no rows", .as_of = { 2025, 10, 31 } },
};

/* The status rules alone (statistics.md §6). */
static const struct status_case {
	const char *name;
	activity_cycle cycle;
	int32_t mal;
	long occurrences;
	int complete;
	activity_status_code want;
	const char *word;
	long remaining;
} status_cases[] = {
	{ "3 of 2, complete", ACTIVITY_CYCLE_AR, 2, 3, 1, ACTIVITY_UPPFYLLT, "Uppfyllt", 0 },
	{ "2 of 2, complete", ACTIVITY_CYCLE_TERMIN, 2, 2, 1, ACTIVITY_UPPFYLLT, "Uppfyllt", 0 },
	{ "2 of 2, running", ACTIVITY_CYCLE_AR, 2, 2, 0, ACTIVITY_UPPFYLLT, "Uppfyllt", 0 },
	{ "1 of 2, complete", ACTIVITY_CYCLE_AR, 2, 1, 1, ACTIVITY_DELVIS, "Delvis", 0 },
	{ "0 of 2, complete", ACTIVITY_CYCLE_TERMIN, 2, 0, 1, ACTIVITY_EJ_UPPFYLLT,
	  "Ej uppfyllt", 0 },
	{ "1 of 5, running", ACTIVITY_CYCLE_AR, 5, 1, 0, ACTIVITY_PAGAR, "Pågår", 4 },
	{ "0 of 2, running", ACTIVITY_CYCLE_TERMIN, 2, 0, 0, ACTIVITY_PAGAR, "Pågår", 2 },
	{ "löpande with a Mål", ACTIVITY_CYCLE_LOPANDE, 3, 0, 1, ACTIVITY_LOPANDE, "Löpande", 0 },
	{ "löpande, running", ACTIVITY_CYCLE_LOPANDE, NONE, 7, 0, ACTIVITY_LOPANDE, "Löpande", 0 },
	{ "Mål 0, none done", ACTIVITY_CYCLE_AR, 0, 0, 1, ACTIVITY_UPPFYLLT, "Uppfyllt", 0 },
	{ "no Mål on år", ACTIVITY_CYCLE_AR, NONE, 4, 1, ACTIVITY_MAL_SAKNAS, "Mål saknas", 0 },
	{ "no Mål on termin, running", ACTIVITY_CYCLE_TERMIN, NONE, 0, 0, ACTIVITY_MAL_SAKNAS,
	  "Mål saknas", 0 },
};

/* ---- fixture and helpers --------------------------------------------------- */

/* The real pipeline/ files, loaded once (large: on the heap). */
struct fixture {
	vbs_codesets cs;
	vbs_mapping plan, logg;
	vbs_indicators indicators;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	vbs_error err;

	if (!f)
		return -1;
	*state = f;
	error_init(&err);
	if (codesets_load(&f->cs, PIPELINE, &err) != 0 ||
	    mapping_load(&f->plan, PIPELINE, "aktiviteter_plan", &f->cs, &err) != 0 ||
	    mapping_load(&f->logg, PIPELINE, "aktiviteter_logg", &f->cs, &err) != 0 ||
	    indicators_load(&f->indicators, PIPELINE, &err) != 0) {
		print_error("the committed pipeline files do not load: %s:%ld: %s\n", err.file,
		            err.line, err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

/* The index of a code of the plan's code column, by name. */
static uint8_t plan_code(const struct fixture *f, const char *column, const char *name)
{
	int c = mapping_column(&f->plan, column);
	int i;

	if (c < 0 || f->plan.columns[c].codeset < 0)
		fail_msg("pipeline/sources/aktiviteter_plan.ini has no code column '%s'", column);
	i = codeset_lookup(&f->cs.sets[f->plan.columns[c].codeset], name);
	if (i < 0)
		fail_msg("'%s' is not a code of the plan's column '%s'", name, column);
	return (uint8_t)i;
}

/* Stages the case's plan and log. Names are "Namn <id>", ansvarig
 * "Strateg", arbetsområde Förebyggande. */
static void load_case(const struct fixture *f, const struct fu_case *c, vbs_activities *a)
{
	CHECK(activities_init(a, MAX_PLAN) == 0, "[%s] activities_init failed", c->name);
	for (size_t i = 0; i < MAX_PLAN && c->plan[i].id; i++) {
		vbs_activity act = {
			.origin = {.line = (uint32_t)i + 2, .file = 0},
			.mal = c->plan[i].mal,
			.arbetsomrade = plan_code(f, "arbetsomrade", "Förebyggande"),
			.period = plan_code(f, "period", c->plan[i].period),
		};
		char name[32];
		int loser;

		snprintf(name, sizeof(name), "Namn %s", c->plan[i].id);
		CHECK(activities_put_plan(a, c->plan[i].id, &act, name, "Strateg", &loser) ==
		      KEYED_NEW, "[%s] plan activity %s not staged as new", c->name, c->plan[i].id);
	}
	for (size_t i = 0; i < MAX_LOG && c->log[i].id; i++) {
		const struct log_entry *e = &c->log[i];
		int64_t at = activities_find(a, e->id);
		int32_t day = civil(e->y, e->m, e->d);
		vbs_occurrence o = {
			.origin = {.line = (uint32_t)i + 2, .file = 1},
			.stamp = (int64_t)day * 86400 + e->hh * 3600 + e->mm * 60,
			.day = day,
			.deltagare = NONE,
			.activity = (uint32_t)at,
		};
		int loser;

		CHECK(at >= 0, "[%s] test table: log row %zu names %s, not in the plan", c->name,
		      i, e->id);
		CHECK(activities_put_log(a, &o, &loser) == KEYED_NEW,
		      "[%s] log row %zu (%s %04d-%02d-%02d) not staged as new", c->name, i, e->id,
		      e->y, e->m, e->d);
	}
}

static vbs_activity_figures request(const struct fixture *f, const vbs_activities *a,
                                    int32_t as_of)
{
	return (vbs_activity_figures){
		.activities = a,
		.plan = &f->plan,
		.codesets = &f->cs,
		.indicators = &f->indicators,
		.as_of = as_of,
	};
}

static int close_to(double got, double want)
{
	return fabs(got - want) <= REL_TOL * fmax(fabs(want), 1e-300);
}

/* One follow-up row against its expectation. */
static void check_row(const char *name, const vbs_activities *a, const vbs_followup_row *r,
                      const struct row_want *w)
{
	char expect_name[32];

	CHECK(strcmp(r->id, w->id) == 0 && strcmp(r->period, w->period) == 0,
	      "[%s] %s row is %s %s, want %s %s (order or periods wrong)", name, w->report,
	      r->id, r->period, w->id, w->period);
	CHECK(r->id == activities_id(a, r->activity),
	      "[%s] %s %s %s: the id is a copy, not the activities table's string", name,
	      w->report, w->id, w->period);
	CHECK(r->occurrences == w->occurrences, "[%s] %s %s %s: %ld occurrences, want %ld",
	      name, w->report, w->id, w->period, r->occurrences, w->occurrences);
	CHECK(r->mal == w->mal, "[%s] %s %s %s: Mål %d, want %d", name, w->report, w->id,
	      w->period, (int)r->mal, (int)w->mal);
	if (w->attainment < 0)
		CHECK(!r->has_attainment, "[%s] %s %s %s: attainment %g, want none", name,
		      w->report, w->id, w->period, r->attainment);
	else
		CHECK(r->has_attainment && close_to(r->attainment, w->attainment),
		      "[%s] %s %s %s: attainment %g (has %d), want %.10g", name, w->report, w->id,
		      w->period, r->attainment, r->has_attainment, w->attainment);
	CHECK(strcmp(r->status_word, w->status) == 0 &&
	      strcmp(activity_status_word(r->status), w->status) == 0,
	      "[%s] %s %s %s: status %s, want %s", name, w->report, w->id, w->period,
	      r->status_word, w->status);
	CHECK(r->remaining == w->remaining, "[%s] %s %s %s: %ld remain, want %ld", name,
	      w->report, w->id, w->period, r->remaining, w->remaining);
	snprintf(expect_name, sizeof(expect_name), "Namn %s", w->id);
	CHECK(strcmp(r->name, expect_name) == 0 && strcmp(r->ansvarig, "Strateg") == 0 &&
	      strcmp(r->arbetsomrade, "Förebyggande") == 0,
	      "[%s] %s %s %s: name/ansvarig/arbetsområde \"%s\"/\"%s\"/\"%s\", want "
	      "\"%s\"/\"Strateg\"/\"Förebyggande\"", name, w->report, w->id, w->period, r->name,
	      r->ansvarig, r->arbetsomrade, expect_name);
}

/* The report's follow-up rows against the case's rows of that report. */
static void check_followup(const char *name, const vbs_activities *a, const vbs_followup *f,
                           const struct row_want *rows, const char *report)
{
	size_t k = 0;

	CHECK(f->n == 0 || strcmp(f->report, report) == 0, "[%s] the %s rows say report \"%s\"",
	      name, report, f->report ? f->report : "(null)");
	for (size_t i = 0; i < MAX_ROWS && rows[i].report; i++) {
		if (strcmp(rows[i].report, report) != 0)
			continue;
		CHECK(k < f->n, "[%s] %s has %zu rows; missing %s %s", name, report, f->n,
		      rows[i].id, rows[i].period);
		check_row(name, a, &f->rows[k], &rows[i]);
		k++;
	}
	CHECK(k == f->n, "[%s] %s has %zu rows, want %zu (the first extra: %s %s)", name, report,
	      f->n, k, f->rows[k < f->n ? k : 0].id, f->rows[k < f->n ? k : 0].period);
}

/* The figure that must come next, for the case's want row w. */
static void check_figure(const char *name, const vbs_activities *a, const vbs_figure *g,
                         const vbs_indicator *ind, const struct row_want *w)
{
	int occ = ind->kind == KIND_OCCURRENCES;

	CHECK(strcmp(g->report, w->report) == 0 && strcmp(g->indicator, ind->id) == 0 &&
	      strcmp(g->period, w->period) == 0 && strcmp(g->category, w->id) == 0,
	      "[%s] figure is %s %s %s %s, want %s %s %s %s (order)", name, g->report,
	      g->indicator, g->period, g->category, w->report, ind->id, w->period, w->id);
	CHECK(strcmp(g->source, "aktiviteter") == 0 && strcmp(g->dimension, "aktivitet") == 0,
	      "[%s] %s %s %s %s: source/dimension %s/%s, want aktiviteter/aktivitet", name,
	      g->report, g->indicator, g->period, g->category, g->source, g->dimension);
	CHECK(g->category == activities_id(a, (size_t)activities_find(a, w->id)),
	      "[%s] %s %s %s: the category is not the activities table's Aktivitet-ID", name,
	      g->report, g->indicator, g->period);
	CHECK(g->has == (occ ? (unsigned)FIG_VALUE : (unsigned)(FIG_VALUE | FIG_N)),
	      "[%s] %s %s %s %s: has = %u, want %s", name, g->report, g->indicator, g->period,
	      g->category, g->has, occ ? "value only" : "value and n, no interval");
	CHECK(occ ? g->value == (double)w->occurrences : close_to(g->value, w->attainment),
	      "[%s] %s %s %s %s: value %.10g, want %.10g", name, g->report, g->indicator,
	      g->period, g->category, g->value, occ ? (double)w->occurrences : w->attainment);
	CHECK(occ || g->n == (double)w->occurrences, "[%s] %s %s %s %s: n %g, want %ld", name,
	      g->report, g->indicator, g->period, g->category, g->n, w->occurrences);
	CHECK(!g->suppressed && g->persons == 0, "[%s] %s %s %s %s: suppressed or about persons",
	      name, g->report, g->indicator, g->period, g->category);
}

/* The figures: per aktiviteter indicator in the file's order, vb then
 * lagesbild, the case's rows in order (attainment: rows that have it). */
static void check_figures(const char *name, const vbs_activities *a,
                          const vbs_indicators *inds, const vbs_figures *out,
                          const struct row_want *rows)
{
	static const char *const reports[] = { "vb", "lagesbild" };
	size_t k = 0;

	for (int j = 0; j < inds->n; j++) {
		const vbs_indicator *ind = &inds->items[j];

		if (strcmp(ind->source, "aktiviteter") != 0)
			continue;
		for (size_t r = 0; r < COUNT(reports); r++)
			for (size_t i = 0; i < MAX_ROWS && rows[i].report; i++) {
				if (strcmp(rows[i].report, reports[r]) != 0 ||
				    (ind->kind == KIND_ATTAINMENT && rows[i].attainment < 0))
					continue;
				CHECK(k < out->n, "[%s] %zu figures; missing %s %s %s %s", name, out->n,
				      reports[r], ind->id, rows[i].period, rows[i].id);
				check_figure(name, a, &out->rows[k], ind, &rows[i]);
				k++;
			}
	}
	CHECK(k == out->n, "[%s] %zu figures, want %zu", name, out->n, k);
}

/* ---- tests ------------------------------------------------------------------ */

static void test_cases(void **state)
{
	const struct fixture *f = *state;

	for (size_t c = 0; c < COUNT(cases); c++) {
		const struct fu_case *tc = &cases[c];
		int32_t as_of = civil(tc->as_of.y, tc->as_of.m, tc->as_of.d);
		vbs_activities a;
		vbs_activity_figures req;
		vbs_followup vb, lb;
		vbs_figures out;
		vbs_error err;

		load_case(f, tc, &a);
		req = request(f, &a, as_of);
		activity_followup_init(&vb);
		activity_followup_init(&lb);
		figures_init(&out);
		error_init(&err);
		CHECK(activity_followup_build(&vb, &req, "vb", &err) == 0, "[%s] vb follow-up "
		      "failed: %s", tc->name, err.message);
		CHECK(activity_followup_build(&lb, &req, "lagesbild", &err) == 0,
		      "[%s] lagesbild follow-up failed: %s", tc->name, err.message);
		check_followup(tc->name, &a, &vb, tc->rows, "vb");
		check_followup(tc->name, &a, &lb, tc->rows, "lagesbild");
		CHECK(activity_figures_build(&req, &out, &err) == 0, "[%s] figures failed: %s",
		      tc->name, err.message);
		check_figures(tc->name, &a, &f->indicators, &out, tc->rows);
		figures_release(&out);
		activity_followup_release(&lb);
		activity_followup_release(&vb);
		activities_release(&a);
	}
}

static void test_status(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(status_cases); i++) {
		const struct status_case *s = &status_cases[i];
		long remaining = -99;
		activity_status_code got = activity_status(s->cycle, s->mal, s->occurrences,
		                                           s->complete, &remaining);

		CHECK(got == s->want && strcmp(activity_status_word(got), s->word) == 0,
		      "[status: %s] got %d \"%s\", want %d \"%s\"", s->name, (int)got,
		      activity_status_word(got), (int)s->want, s->word);
		CHECK(remaining == s->remaining, "[status: %s] %ld remain, want %ld", s->name,
		      remaining, s->remaining);
		CHECK(activity_status(s->cycle, s->mal, s->occurrences, s->complete, NULL) == got,
		      "[status: %s] the status differs when remaining is not asked for", s->name);
	}
}

static void test_first_year(void **state)
{
	const struct fixture *f = *state;
	const struct fu_case c = {
		.name = "first year",
		.plan = { { "A01", 1, "år" } },
		.log = { { "A01", 2023, 12, 31, 23, 0 }, { "A01", 2021, 3, 1, 0, 0 },
		         { "A01", 2024, 1, 1, 0, 0 } },
	};
	vbs_activities a;

	load_case(f, &c, &a);
	CHECK(activity_figures_first_year(&a, civil(2025, 1, 1)) == 2021,
	      "[first year] %d, want 2021 (the earliest row, not the first read)",
	      activity_figures_first_year(&a, civil(2025, 1, 1)));
	CHECK(activity_figures_first_year(&a, civil(2021, 3, 1)) == 2021,
	      "[first year] a row on the as-of date does not count");
	CHECK(activity_figures_first_year(&a, civil(2021, 2, 28)) == -1,
	      "[first year] %d with every row after the as-of date, want -1",
	      activity_figures_first_year(&a, civil(2021, 2, 28)));
	activities_release(&a);
}

/* The indicators' file order decides the figures' order; an aktiviteter
 * indicator of another kind is a configuration error naming the file. */
static void test_indicators(void **state)
{
	const struct fixture *f = *state;
	const struct fu_case *c = &cases[0]; /* vb 2024 3 (1.5), lagesbild 0 (0.0) */
	vbs_indicators *inds = malloc(sizeof(*inds));
	const vbs_indicator *occ = indicators_find(&f->indicators, "activity_occurrences");
	const vbs_indicator *att = indicators_find(&f->indicators, "target_attainment");
	vbs_activities a;
	vbs_activity_figures req;
	vbs_figures out;
	vbs_error err;

	CHECK(inds, "[indicators] out of memory");
	CHECK(occ && att && occ->kind == KIND_OCCURRENCES && att->kind == KIND_ATTAINMENT &&
	      strcmp(occ->source, "aktiviteter") == 0 && strcmp(att->source, "aktiviteter") == 0,
	      "[indicators] pipeline/indicators.ini lacks activity_occurrences (occurrences) or "
	      "target_attainment (attainment) of source aktiviteter");
	load_case(f, c, &a);
	error_init(&err);

	/* attainment first */
	memset(inds, 0, sizeof(*inds));
	snprintf(inds->path, sizeof(inds->path), "%s", "x/indicators.ini");
	inds->items[inds->n++] = *att;
	inds->items[inds->n++] = f->indicators.items[0]; /* incidents_vbe: not ours */
	inds->items[inds->n++] = *occ;
	req = request(f, &a, civil(c->as_of.y, c->as_of.m, c->as_of.d));
	req.indicators = inds;
	figures_init(&out);
	CHECK(activity_figures_build(&req, &out, &err) == 0, "[indicators] failed: %s",
	      err.message);
	CHECK(out.n == 4 && strcmp(out.rows[0].indicator, "target_attainment") == 0 &&
	      strcmp(out.rows[0].report, "vb") == 0 &&
	      strcmp(out.rows[1].indicator, "target_attainment") == 0 &&
	      strcmp(out.rows[1].report, "lagesbild") == 0 &&
	      strcmp(out.rows[2].indicator, "activity_occurrences") == 0 &&
	      strcmp(out.rows[3].indicator, "activity_occurrences") == 0,
	      "[indicators] with attainment listed first, %zu figures not in the file's order",
	      out.n);
	CHECK(out.rows[0].indicator == inds->items[0].id,
	      "[indicators] the indicator id is a copy, not the indicators table's string");
	figures_release(&out);

	/* no aktiviteter indicator: nothing */
	inds->n = 1;
	inds->items[0] = f->indicators.items[0];
	figures_init(&out);
	CHECK(activity_figures_build(&req, &out, &err) == 0 && out.n == 0,
	      "[indicators] %zu figures without an aktiviteter indicator, want 0", out.n);
	figures_release(&out);

	/* an aktiviteter indicator of kind count */
	inds->items[0] = *occ;
	inds->items[0].kind = KIND_COUNT;
	figures_init(&out);
	CHECK(activity_figures_build(&req, &out, &err) == -1 && err.code == VBS_E_CONFIG &&
	      strcmp(err.file, "x/indicators.ini") == 0 && out.n == 0,
	      "[indicators] kind count on aktiviteter: code %d file \"%s\", %zu figures; want "
	      "VBS_E_CONFIG naming x/indicators.ini and none", (int)err.code, err.file, out.n);
	figures_release(&out);

	activities_release(&a);
	free(inds);
}

/* A plan mapping without the period column, a period set without termin,
 * an unknown report: errors naming the file to fix; the rows stay empty. */
static void test_config_errors(void **state)
{
	const struct fixture *f = *state;
	const struct fu_case *c = &cases[4]; /* termin */
	vbs_mapping *plan = malloc(sizeof(*plan));
	vbs_codesets *cs = malloc(sizeof(*cs));
	vbs_activities a;
	vbs_activity_figures req;
	vbs_followup fu;
	vbs_error err;
	int col, set, code;

	CHECK(plan && cs, "[config] out of memory");
	load_case(f, c, &a);
	activity_followup_init(&fu);

	memcpy(plan, &f->plan, sizeof(*plan));
	col = mapping_column(plan, "period");
	CHECK(col >= 0, "[config] the committed plan mapping has no period column");
	snprintf(plan->columns[col].id, sizeof(plan->columns[col].id), "%s", "perioden");
	req = request(f, &a, civil(2025, 1, 10));
	req.plan = plan;
	error_init(&err);
	CHECK(activity_followup_build(&fu, &req, "vb", &err) == -1 && err.code == VBS_E_CONFIG &&
	      strcmp(err.file, f->plan.path) == 0 && fu.n == 0,
	      "[config: no period column] code %d file \"%s\" rows %zu; want VBS_E_CONFIG "
	      "naming %s and no rows", (int)err.code, err.file, fu.n, f->plan.path);

	memcpy(cs, &f->cs, sizeof(*cs));
	col = mapping_column(&f->plan, "period");
	set = f->plan.columns[col].codeset;
	code = codeset_lookup(&cs->sets[set], "termin");
	CHECK(code >= 0, "[config] the committed period set has no termin");
	snprintf(cs->sets[set].codes[code], sizeof(cs->sets[set].codes[code]), "%s", "kvartal");
	req = request(f, &a, civil(2025, 1, 10));
	req.codesets = cs;
	error_init(&err);
	CHECK(activity_followup_build(&fu, &req, "lagesbild", &err) == -1 &&
	      err.code == VBS_E_CONFIG && strcmp(err.file, f->cs.path) == 0 &&
	      strstr(err.message, "termin") && fu.n == 0,
	      "[config: no termin] code %d file \"%s\" \"%s\"; want VBS_E_CONFIG naming %s and "
	      "termin", (int)err.code, err.file, err.message, f->cs.path);

	req = request(f, &a, civil(2025, 1, 10));
	error_init(&err);
	CHECK(activity_followup_build(&fu, &req, "VB", &err) == -1 && err.code == VBS_E_SOFTWARE,
	      "[config: report \"VB\"] code %d, want VBS_E_SOFTWARE", (int)err.code);

	activity_followup_release(&fu);
	activities_release(&a);
	free(cs);
	free(plan);
}

/* A source that is not read: a zeroed activities table and no plan
 * mapping give no rows and no error. */
static void test_absent_source(void **state)
{
	const struct fixture *f = *state;
	vbs_activities a;
	vbs_mapping *plan = calloc(1, sizeof(*plan));
	vbs_activity_figures req;
	vbs_followup fu;
	vbs_figures out;
	vbs_error err;

	CHECK(plan, "[absent source] out of memory");
	memset(&a, 0, sizeof(a));
	req = request(f, &a, civil(2026, 10, 31));
	req.plan = plan;
	activity_followup_init(&fu);
	figures_init(&out);
	error_init(&err);
	CHECK(activity_followup_build(&fu, &req, "lagesbild", &err) == 0 && fu.n == 0,
	      "[absent source] follow-up: %zu rows, error \"%s\"; want none", fu.n, err.message);
	CHECK(activity_figures_build(&req, &out, &err) == 0 && out.n == 0,
	      "[absent source] figures: %zu, error \"%s\"; want none", out.n, err.message);
	figures_release(&out);
	activity_followup_release(&fu);
	free(plan);
}

/* ---- the committed sample ----------------------------------------------------
 * inputs/README.md, "Action plan follow-up", on 2026-10-31: 2019-2025 are
 * the vb years (report year 2025), 2026 the lägesbild windows. */

enum { SAMPLE_YEARS = 8, SAMPLE_FIRST = 2019 };

struct sample_target {
	const char *id;
	int half; /* -1 the year, 0 spring, 1 autumn */
	long occurrences[SAMPLE_YEARS];
	const char *status[SAMPLE_YEARS];
};

#define U "Uppfyllt"
#define D "Delvis"
#define E "Ej uppfyllt"
#define P "Pågår"

static const struct sample_target sample_targets[] = {
	{ "A01", -1, { 2, 0, 1, 1, 2, 1, 1, 1 }, { U, E, U, U, U, U, U, U } },
	{ "A02", -1, { 2, 1, 1, 2, 2, 2, 2, 1 }, { U, D, D, U, U, U, U, P } },
	{ "A04", 0, { 3, 0, 1, 2, 2, 3, 2, 2 }, { U, E, D, U, U, U, U, U } },
	{ "A04", 1, { 2, 1, 2, 2, 2, 2, 2, 1 }, { U, D, U, U, U, U, U, P } },
	{ "A05", 0, { 3, 2, 2, 3, 2, 3, 2, 2 }, { U, U, U, U, U, U, U, U } },
	{ "A05", 1, { 3, 3, 2, 1, 2, 2, 2, 2 }, { U, U, U, D, U, U, U, U } },
	{ "A12", -1, { 2, 2, 2, 2, 1, 2, 3, 2 }, { U, U, U, U, D, U, U, U } },
};

static const struct sample_ongoing {
	const char *id;
	long occurrences[SAMPLE_YEARS];
} sample_ongoing[] = {
	{ "A03", { 12, 12, 6, 8, 9, 15, 16, 13 } }, { "A06", { 6, 4, 5, 3, 10, 7, 4, 6 } },
	{ "A07", { 4, 2, 6, 6, 1, 3, 2, 1 } },      { "A08", { 2, 1, 2, 0, 2, 1, 3, 2 } },
	{ "A09", { 0, 0, 1, 0, 1, 0, 0, 1 } },      { "A10", { 2, 1, 4, 0, 1, 1, 0, 2 } },
	{ "A11", { 0, 0, 0, 0, 0, 0, 0, 0 } },      { "A13", { 4, 5, 2, 6, 7, 3, 4, 5 } },
	{ "A14", { 2, 0, 0, 0, 0, 0, 0, 0 } },      { "A15", { 1, 2, 4, 4, 3, 6, 3, 4 } },
	{ "A16", { 3, 3, 5, 3, 0, 3, 4, 1 } },      { "A17", { 2, 0, 1, 3, 0, 2, 1, 1 } },
	{ "A18", { 1, 2, 1, 3, 1, 3, 0, 1 } },      { "A19", { 2, 1, 1, 3, 3, 1, 0, 0 } },
	{ "A20", { 2, 2, 1, 2, 2, 6, 2, 0 } },
};

/* The period label of the README's column year for a target period. */
static void sample_label(int year, int half, char *buf, size_t size)
{
	if (year < SAMPLE_FIRST + SAMPLE_YEARS - 1)
		snprintf(buf, size, half < 0 ? "%d" : half == 0 ? "%d-01-01..%d-06-30" :
		         "%d-07-01..%d-12-31", year, year);
	else
		snprintf(buf, size, half == 0 ? "%d-01-01..%d-06-30" : half == 1 ?
		         "%d-07-01..%d-10-31" : "%d-01-01..%d-10-31", year, year);
}

static const vbs_followup_row *find_row(const vbs_followup *f, const char *id,
                                        const char *period)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->rows[i].id, id) == 0 && strcmp(f->rows[i].period, period) == 0)
			return &f->rows[i];
	return NULL;
}

static void test_sample(void **state)
{
	const struct fixture *f = *state;
	int32_t as_of = civil(2026, 10, 31);
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_activities a;
	vbs_activity_figures req;
	vbs_followup vb, lb;
	vbs_figures out;
	vbs_error err;
	const vbs_figure *g;
	int rc;

	memset(&a, 0, sizeof(a));
	input_files_init(&files);
	rejects_init(&rejects);
	error_init(&err);
	rc = ingest_aktiviteter(&(vbs_ingest){
		.inputs_dir = SAMPLE_INPUTS,
		.codesets = &f->cs,
		.as_of = as_of,
		.files = &files,
		.rejects = &rejects,
	}, &f->plan, &f->logg, 1, &a, &err);
	CHECK(rc == 0, "[sample] ingest_aktiviteter(inputs) failed: %s", err.message);
	CHECK(activities_count(&a) == 20, "[sample] %zu plan activities, want 20",
	      activities_count(&a));
	CHECK(activity_figures_first_year(&a, as_of) == SAMPLE_FIRST,
	      "[sample] first year %d, want 2019", activity_figures_first_year(&a, as_of));

	req = request(f, &a, as_of);
	activity_followup_init(&vb);
	activity_followup_init(&lb);
	CHECK(activity_followup_build(&vb, &req, "vb", &err) == 0 &&
	      activity_followup_build(&lb, &req, "lagesbild", &err) == 0,
	      "[sample] follow-up failed: %s", err.message);
	/* 18 yearly or ongoing activities and 2 termly ones: 22 rows a year */
	CHECK(vb.n == 22 * 7 && lb.n == 22, "[sample] %zu vb and %zu lagesbild rows, want 154 "
	      "and 22", vb.n, lb.n);

	for (size_t i = 0; i < COUNT(sample_targets); i++) {
		const struct sample_target *t = &sample_targets[i];

		for (int k = 0; k < SAMPLE_YEARS; k++) {
			int year = SAMPLE_FIRST + k;
			const vbs_followup *fu = k < SAMPLE_YEARS - 1 ? &vb : &lb;
			const vbs_followup_row *r;
			char label[FIGURE_PERIOD_MAX];
			int32_t mal = strcmp(t->id, "A01") == 0 ? 1 : 2;

			sample_label(year, t->half, label, sizeof(label));
			r = find_row(fu, t->id, label);
			CHECK(r, "[sample] no %s row %s %s", fu->report, t->id, label);
			CHECK(r->occurrences == t->occurrences[k] &&
			      strcmp(r->status_word, t->status[k]) == 0,
			      "[sample] %s %s %s: %ld %s, README says %ld %s", fu->report, t->id, label,
			      r->occurrences, r->status_word, t->occurrences[k], t->status[k]);
			CHECK(r->has_attainment && close_to(r->attainment,
			                                    (double)t->occurrences[k] / mal),
			      "[sample] %s %s %s: attainment %g, want %ld/%d", fu->report, t->id,
			      label, r->attainment, t->occurrences[k], (int)mal);
			CHECK(r->remaining == (strcmp(t->status[k], P) == 0 ? mal - t->occurrences[k]
			                                                    : 0),
			      "[sample] %s %s %s: %ld remain", fu->report, t->id, label, r->remaining);
		}
	}
	for (size_t i = 0; i < COUNT(sample_ongoing); i++) {
		const struct sample_ongoing *t = &sample_ongoing[i];

		for (int k = 0; k < SAMPLE_YEARS; k++) {
			const vbs_followup *fu = k < SAMPLE_YEARS - 1 ? &vb : &lb;
			const vbs_followup_row *r;
			char label[FIGURE_PERIOD_MAX];

			sample_label(SAMPLE_FIRST + k, -1, label, sizeof(label));
			r = find_row(fu, t->id, label);
			CHECK(r && r->occurrences == t->occurrences[k] &&
			      strcmp(r->status_word, "Löpande") == 0 && !r->has_attainment,
			      "[sample] %s %s %s: %ld %s (attainment %d), README says %ld Löpande",
			      fu->report, t->id, label, r ? r->occurrences : -1,
			      r ? r->status_word : "no row", r ? r->has_attainment : -1,
			      t->occurrences[k]);
		}
	}

	/* A few figures as statistics.csv will carry them. */
	figures_init(&out);
	CHECK(activity_figures_build(&req, &out, &err) == 0, "[sample] figures failed: %s",
	      err.message);
	/* occurrences: 176 rows; attainment: 3 yearly + 2x2 terms = 7 a year, 8 years */
	CHECK(out.n == 176 + 56, "[sample] %zu figures, want 232", out.n);
	g = figures_find(&out, "vb", "target_attainment", "2020", "aktivitet", "A02");
	CHECK(g && g->value == 0.5 && g->n == 1,
	      "[sample] vb target_attainment 2020 A02 (1 of 2, Delvis): %g n %g", g ? g->value : -1,
	      g ? g->n : -1);
	g = figures_find(&out, "lagesbild", "target_attainment", "2026-07-01..2026-10-31",
	                 "aktivitet", "A04");
	CHECK(g && g->value == 0.5 && g->n == 1,
	      "[sample] lagesbild target_attainment autumn 2026 A04 (1 of 2, Pågår): %g n %g",
	      g ? g->value : -1, g ? g->n : -1);
	g = figures_find(&out, "vb", "activity_occurrences", "2019", "aktivitet", "A11");
	CHECK(g && g->value == 0, "[sample] vb activity_occurrences 2019 A11 (never done): %g",
	      g ? g->value : -1);
	CHECK(!figures_find(&out, "vb", "target_attainment", "2019", "aktivitet", "A03"),
	      "[sample] löpande A03 has a target_attainment row");
	figures_release(&out);

	activity_followup_release(&lb);
	activity_followup_release(&vb);
	activities_release(&a);
	rejects_release(&rejects);
	input_files_release(&files);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_first_year),
		cmocka_unit_test(test_indicators),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_absent_source),
		cmocka_unit_test(test_sample),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
