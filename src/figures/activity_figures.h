/* activity_figures: the follow-up of the action plan (statistics.md §6):
 * the staged plan and log -> one follow-up row per activity and target
 * period (occurrences, attainment, the derived status for the workbooks),
 * and from those rows the figures activity_occurrences and
 * target_attainment (source aktiviteter, dimension aktivitet, category the
 * Aktivitet-ID).
 *
 * Target periods follow the plan's Period: `år` and `löpande` the calendar
 * year, `termin` the spring term (1 January-30 June) and the autumn term
 * (1 July-31 December). Report "vb": every plan activity in every target
 * period from the first year with a log row dated on or before the as-of
 * date to the report year (periods_report_year); periods "2024",
 * "2024-01-01..2024-06-30", "2024-07-01..2024-12-31". Report "lagesbild":
 * the as-of year's target periods that have begun by the as-of date, each
 * counted from its first day to the earlier of its last day and the as-of
 * date and labelled with that window ("2026-01-01..2026-10-31",
 * "2026-07-01..2026-10-31"). Log rows count by calendar date; rows after the
 * as-of date are ignored. */
#ifndef VBS_ACTIVITY_FIGURES_H
#define VBS_ACTIVITY_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "ingest/mapping.h"
#include "records/activities.h"

/* The target period of an activity, from the plan's Period code. */
typedef enum activity_cycle {
	ACTIVITY_CYCLE_AR,      /* `år`: the calendar year, counted against Mål */
	ACTIVITY_CYCLE_TERMIN,  /* `termin`: each term, counted against Mål */
	ACTIVITY_CYCLE_LOPANDE  /* `löpande`: the calendar year, no target */
} activity_cycle;

/* The derived status of one activity in one target period. */
typedef enum activity_status_code {
	ACTIVITY_UPPFYLLT,    /* occurrences >= Mål, also while the period runs */
	ACTIVITY_DELVIS,      /* complete, 0 < occurrences < Mål */
	ACTIVITY_EJ_UPPFYLLT, /* complete, no occurrence (Mål >= 1) */
	ACTIVITY_PAGAR,       /* incomplete, occurrences < Mål: see remaining */
	ACTIVITY_LOPANDE,     /* `löpande`: occurrences only */
	ACTIVITY_MAL_SAKNAS   /* `år`/`termin` without a valid Mål (reported at
	                       * ingest): occurrences only */
} activity_status_code;

/* What activity_figures_build and activity_followup_build read. Every table
 * must outlive the figures and follow-up rows built from it: their key
 * strings point into the activities (Aktivitet-ID, name, ansvarig), the code
 * sets (Arbetsområde) and the indicators (indicator id). */
typedef struct vbs_activity_figures {
	const vbs_activities *activities;
	const vbs_mapping *plan;      /* aktiviteter_plan: columns period, arbetsomrade */
	const vbs_codesets *codesets;
	const vbs_indicators *indicators; /* only activity_figures_build reads it */
	int32_t as_of;                /* day number of the as-of date */
} vbs_activity_figures;

/* One activity in one target period, as the follow-up sheet shows it. */
typedef struct vbs_followup_row {
	size_t activity;          /* index in the plan */
	const char *id;           /* Aktivitet-ID */
	const char *name;         /* Aktivitet, "" when none */
	const char *ansvarig;     /* Ansvarig, "" when none */
	const char *arbetsomrade; /* the code as spelled in the code set */
	activity_cycle cycle;
	char period[FIGURE_PERIOD_MAX]; /* the label statistics.csv uses */
	int year;                 /* calendar year of the period */
	int32_t first, last;      /* the counted days, inclusive */
	int complete;             /* the target period's own last day <= as-of */
	int32_t mal;              /* the countable target: Mål for `år`/`termin`,
	                           * ACTIVITY_NONE without one and for `löpande` */
	long occurrences;
	int has_attainment;       /* `år`/`termin` with Mål >= 1 */
	double attainment;        /* occurrences / Mål, uncapped; 0 without */
	activity_status_code status;
	const char *status_word;  /* activity_status_word(status) */
	long remaining;           /* Pågår: Mål - occurrences; else 0 */
} vbs_followup_row;

/* The follow-up rows of one report: activities in plan order, each
 * activity's periods in time order. */
typedef struct vbs_followup {
	const char *report;       /* "vb" or "lagesbild" */
	vbs_followup_row *rows;
	size_t n;
} vbs_followup;

/* The status of §6 for an activity of this cycle with target mal (Mål, or
 * ACTIVITY_NONE), occurrences in the period, and whether the target period
 * is complete. `löpande` -> Löpande whatever its Mål; `år`/`termin`
 * without Mål -> Mål saknas; occurrences >= mal -> Uppfyllt (Mål 0 is
 * always met); else complete -> Ej uppfyllt (none) or Delvis (some);
 * incomplete -> Pågår. *remaining (when not NULL) is Mål - occurrences for
 * Pågår, else 0. */
activity_status_code activity_status(activity_cycle cycle, int32_t mal, long occurrences,
                                     int complete, long *remaining);

/* The Swedish word the workbooks show: "Uppfyllt", "Delvis", "Ej uppfyllt",
 * "Pågår", "Löpande", "Mål saknas". A static string. */
const char *activity_status_word(activity_status_code status);

/* The first calendar year with a log row dated on or before as_of, or -1
 * when there is none. */
int activity_figures_first_year(const vbs_activities *a, int32_t as_of);

/* Leaves f empty. */
void activity_followup_init(vbs_followup *f);

/* Frees the rows and leaves f empty; an initialised or zeroed f is fine. */
void activity_followup_release(vbs_followup *f);

/* Fills f (initialised; its old rows are released) with the follow-up rows
 * of report "vb" or "lagesbild". An empty plan (also a zeroed activities
 * table: the source is not read; req->plan is then not looked at), or
 * report "vb" without a log row on or before the as-of date, gives no
 * rows. Errors: VBS_E_CONFIG
 * naming the mapping when the plan mapping lacks the period or arbetsomrade
 * code column, naming the code sets when the period set lacks år, termin or
 * löpande or an activity has another period code; VBS_E_DATA when the vb
 * years would be more than PERIODS_MAX; VBS_E_SOFTWARE when out of memory
 * or a log row names no plan activity. On error f is left empty. */
int activity_followup_build(vbs_followup *f, const vbs_activity_figures *req,
                            const char *report, vbs_error *err);

/* Appends to out, for every indicator of source aktiviteter in the
 * indicators' file order, report vb then lagesbild, activities in plan
 * order, periods in time order:
 * - kind occurrences: every row, value = occurrences (n empty, no interval);
 * - kind attainment: the rows with has_attainment, value = attainment,
 *   n = occurrences.
 * Dimension "aktivitet", category the Aktivitet-ID. Errors as
 * activity_followup_build, and VBS_E_CONFIG naming the indicators file
 * for an aktiviteter indicator of another kind. On error out may hold
 * some of the rows. */
int activity_figures_build(const vbs_activity_figures *req, vbs_figures *out,
                           vbs_error *err);

#endif
