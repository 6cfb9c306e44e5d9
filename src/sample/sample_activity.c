/* sample_activity: the action plan's activities and their follow-up log (aktiviteter/plan.csv, logg.csv). */
#include "sample/sample_activity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample/sample_csv.h"
#include "sample/sample_date.h"
#include "sample/sample_rng.h"
#include "sample/sample_text.h"

/* How an activity's log rows look (time of day, participants, comment). */
typedef enum act_kind {
	AK_TSR, AK_WALK, AK_FIELD, AK_FORUM, AK_GROUP, AK_POLICE, AK_INFO,
	AK_GRANT, AK_CHECK, AK_SOCIAL, AK_WEB
} act_kind;

typedef struct act_def {
	const char *id;
	const char *text;            /* as in the 2019 plan */
	const char *area;
	const char *owner;
	int target;                  /* Mål; 0 when löpande */
	const char *period;
	act_kind kind;
	double per_year;             /* löpande: mean occurrences a year */
} act_def;

/* The activity tables of Östermalm's 2019 action plan against violent
 * extremism. The TSR row (meetings and safety walks) is split in two so
 * that each has one countable target. */
static const act_def acts[] = {
	{ "A01", "Trygghets- och säkerhetsråd (TSR), mötesfrekvens 1 gång/år",
	  "Förebyggande", "Stadsdelsdirektör", 1, "år", AK_TSR, 0 },
	{ "A02", "Trygghets- och säkerhetsråd (TSR): minst 2 trygghetsvandringar per år",
	  "Förebyggande", "Stadsdelsdirektör", 2, "år", AK_WALK, 0 },
	{ "A03", "Fältassistenter arbetar uppsökande i miljöer där ungdomar befinner sig och uppmärksammar de som är i behov av stöd.",
	  "Förebyggande", "Chef preventionsenheten", 0, "löpande", AK_FIELD, 10 },
	{ "A04", "Ungdomsforum, ett forum för att ta del av våra ungdomars synpunkter och även få möjligheten att sprida information till ungdomar och skolor.",
	  "Förebyggande", "Chef preventionsenheten", 2, "termin", AK_FORUM, 0 },
	{ "A05", "Lokal resursgrupp gällande våld i nära relationer. Utgår från stadens program mot våld i nära relationer och hedersrelaterat våld och förtryck.",
	  "Förebyggande", "Kvinnofridsordnare", 2, "termin", AK_GROUP, 0 },
	{ "A06", "Genomföra det som beslutas utifrån samverkansöverenskommelsen mellan stadsdelsnämnden och LPO Norrmalm där våldsbejakande extremism ska vara en del av den lokala lägesbilden.",
	  "Förebyggande", "Säkerhetsstrateg", 0, "löpande", AK_POLICE, 5 },
	{ "A07", "Sprida information om arbetet mot våldsbejakande extremism och blankett med aidentifierad information.",
	  "Förebyggande", "Säkerhetsstrateg", 0, "löpande", AK_INFO, 3 },
	{ "A08", "Minska risken för att föreningsbidrag betalas ut till föreningar eller organisationer som kan kopplas till våldsbejakande extremism genom att tillämpa nya stadsövergripande rutiner.",
	  "Förebyggande", "Kultursekreterare", 0, "löpande", AK_CHECK, 2 },
	{ "A09", "Säkerställa att det finns rutiner för att hantera avhoppare och drabbade anhöriga som får individuellt utformade insatser enligt SoL eller LVU om behov uppstår.",
	  "Förhindrande", "Enhetschef för den enhet som berörs", 0, "löpande", AK_SOCIAL, 0.6 },
	{ "A10", "Om det stadsövergripande vbe-teamet får information som berör stadsdelsområdet har stadsdelen i uppdrag att samverka med dem i arbetet.",
	  "Förhindrande", "Enhetschef för den enhet som berörs", 0, "löpande", AK_SOCIAL, 1.0 },
	{ "A11", "Implementera den stadsövergripande vägledningen för ärenden gällande barn och unga som återvänder från krigsdrabbade områden, med eller utan vårdnadshavare, eller som fortfarande befinner sig i krigsdrabbade områden.",
	  "Förhindrande", "Enhetschef familjeenheten", 0, "löpande", AK_SOCIAL, 0.5 },
	{ "A12", "Stickprovskontroller",
	  "Föreningsbidrag", "Kultursekreterare", 2, "år", AK_GRANT, 0 },
	{ "A13", "Kontrollerande uppgifter demokratiperspektiv (checklista-föreningsbidrag)",
	  "Föreningsbidrag", "Kultursekreterare", 0, "löpande", AK_CHECK, 4 },
	{ "A14", "Implementera de nya stadsövergripande rutinerna för såväl föreningsbidrag som uthyrning av lokaler som de är beslutade av stadsledningskontoret.",
	  "Föreningsbidrag", "Kultursekreterare/lokalintendent", 0, "löpande", AK_CHECK, 0 },
	{ "A15", "Webbutbildningar till verksamheter inom socialtjänst och äldreomsorg.",
	  "Kompetenshöjande", "Säkerhetsstrateg", 0, "löpande", AK_WEB, 4 },
	{ "A16", "Sprida information om arbetet mot våldsbejakande extremism",
	  "Kompetenshöjande", "Säkerhetsstrateg", 0, "löpande", AK_INFO, 2.5 },
	{ "A17", "Sprida information om blanketten om avidentifierad information.",
	  "Kompetenshöjande", "Säkerhetsstrateg", 0, "löpande", AK_INFO, 1.5 },
	{ "A18", "Sprida information om stadens intranätssida gällande våldsbejakande extremism",
	  "Kompetenshöjande", "Säkerhetsstrateg", 0, "löpande", AK_INFO, 1.5 },
	{ "A19", "Sprida information om incidentrapporteringssystemet IA och anmälningar kopplade till våldsbejakande extremism",
	  "Kompetenshöjande", "Säkerhetsstrateg", 0, "löpande", AK_INFO, 2 },
	{ "A20", "Sprida information om stadsdelsnämndens handlingsplan mot våldsbejakande extremism",
	  "Kompetenshöjande", "Säkerhetsstrateg", 0, "löpande", AK_INFO, 1.5 },
};

enum { NACTS = sizeof acts / sizeof acts[0] };

/* Planted counts (term 0 = the year, 1 = spring, 2 = autumn); every other
 * target period gets its target, sometimes one more. */
static const struct { int act, year, term, count; } schedule[] = {
	{ 0, 2020, 0, 0 },           /* TSR did not meet in 2020: Ej uppfyllt */
	{ 1, 2020, 0, 1 },           /* one safety walk: Delvis */
	{ 1, 2021, 0, 1 },
	{ 1, 2026, 0, 1 },           /* the autumn walk is in November: Pågår */
	{ 3, 2020, 1, 0 },           /* youth forum, spring 2020: Ej uppfyllt */
	{ 3, 2020, 2, 1 },
	{ 3, 2021, 1, 1 },
	{ 3, 2026, 2, 1 },           /* autumn 2026 under way: Pågår */
	{ 4, 2022, 2, 1 },
	{ 4, 2026, 2, 2 },
	{ 11, 2023, 0, 1 },          /* one sample check of grants: Delvis */
	{ 11, 2026, 0, 2 },
	{ 0, 2026, 0, 1 },
};

enum { LOG_MAX = 4000, COMMENT_MAX = 400, NO_DAY = -1 };

typedef struct log_row {
	int act;                     /* index into acts, or -1 for the planted unknown ID */
	int32_t day;
	int minute;                  /* minute of the day, or -1 when no time */
	int participants;            /* -1 when blank */
	int dup;                     /* planted exact repeat of the row before */
	char comment[COMMENT_MAX];
} log_row;

typedef struct act_gen {
	smp_ctx *ctx;
	gsl_rng *r;
	log_row *rows;
	int n;
} act_gen;

static int32_t asof_day(void)
{
	return smp_date_year_end(SMP_LAST_YEAR);
}

/* A weekday in [lo, hi] not yet used by activity a, clipped to the
 * sample's end; NO_DAY when the window starts after the end. */
static int32_t free_day(act_gen *g, int a, int32_t lo, int32_t hi)
{
	int tries, i;

	if (hi > asof_day())
		hi = asof_day();
	if (lo > hi)
		return NO_DAY;
	for (tries = 0; tries < 200; tries++) {
		int32_t d = smp_rng_weekday(g->r, lo, hi);
		int used = 0;

		for (i = 0; i < g->n && !used; i++)
			used = g->rows[i].act == a && g->rows[i].day == d;
		if (!used)
			return d;
	}
	return NO_DAY;
}

static void comment(act_gen *g, log_row *row)
{
	static const char *const places[] = {
		"Karlaplan", "Tessinparken", "Hjorthagen", "Gärdet", "Norra Djurgårdsstaden",
		"Humlegården", "Ropsten",
	};
	static const char *const units[] = {
		"hemtjänsten", "förskolorna", "fritidsgårdarna", "socialtjänsten",
		"parkleken", "äldreomsorgen",
	};
	gsl_rng *r = g->r;
	smp_sbuf sb;
	char name[SMP_NAME_MAX];
	const char *place = smp_rng_string(r, places, SMP_COUNT(places));

	smp_sbuf_init(&sb, row->comment, sizeof row->comment);
	if (row->act < 0) {
		smp_sbuf_printf(&sb, "Föräldramöte om ungas nätvanor och extremism.");
		return;
	}
	switch (acts[row->act].kind) {
	case AK_TSR:
		smp_sbuf_printf(&sb, "Årligt möte i TSR; lägesbild om VBE presenterad av säkerhetsstrategen.");
		break;
	case AK_WALK:
		if (smp_rng_chance(r, 0.5))
			smp_sbuf_printf(&sb, "Trygghetsvandring i %s med boende och polis; %d synpunkter om belysning och buskage.",
			                place, smp_rng_int(r, 3, 14));
		else
			smp_sbuf_printf(&sb, "Vandring %s–%s. Rapport skickad till trafikkontoret.",
			                place, smp_rng_string(r, places, SMP_COUNT(places)));
		break;
	case AK_FIELD:
		smp_sbuf_printf(&sb, smp_rng_chance(r, 0.5) ? "Uppsökande kvällspass vid %s." :
		                "Fältassistenterna vid %s, samtal med ungdomar om klistermärken.", place);
		break;
	case AK_FORUM:
		smp_sbuf_printf(&sb, smp_rng_chance(r, 0.5) ?
		                "Ungdomsforum på fritidsgården, tema källkritik och nätet." :
		                "Ungdomsforum; elever från två skolor, tema \"trygg i %s\".", place);
		break;
	case AK_GROUP:
		smp_sbuf_printf(&sb, "Lokal resursgrupp, ärendedragning (avidentifierat).");
		break;
	case AK_POLICE:
		smp_sbuf_printf(&sb, "Samverkansmöte med LPO Norrmalm; VBE en del av lägesbilden.");
		break;
	case AK_INFO:
		smp_sbuf_printf(&sb, "Information på APT för %s.", smp_rng_string(r, units, SMP_COUNT(units)));
		break;
	case AK_GRANT:
		smp_sbuf_printf(&sb, "Stickprovskontroll av %d föreningar som söker bidrag, %s.",
		                smp_rng_int(r, 3, 8), smp_rng_chance(r, 0.8) ? "inga anmärkningar" :
		                "en förening fick komplettera sina stadgar");
		break;
	case AK_CHECK:
		smp_sbuf_printf(&sb, "Checklistan för demokrativillkoren använd vid beslut om föreningsbidrag.");
		break;
	case AK_SOCIAL:
		smp_sbuf_printf(&sb, "Genomgång med enheten (avidentifierat).");
		break;
	case AK_WEB:
		smp_sbuf_printf(&sb, "Webbutbildningen om VBE genomförd av medarbetare inom %s.",
		                smp_rng_chance(r, 0.5) ? "socialtjänsten" : "äldreomsorgen");
		break;
	}
	if (smp_rng_chance(r, 0.15)) {
		smp_text_staff(r, name);
		smp_sbuf_printf(&sb, " Antecknat av %s.", name);
	}
	if (smp_rng_chance(r, 0.04)) {
		smp_text_person(r, name);
		smp_sbuf_printf(&sb, " Kontaktperson: %s.", name);
	}
	if (smp_rng_chance(r, 0.06))
		smp_sbuf_printf(&sb, "\nDeltagare:\n- polis\n- fastighetsägare");
	if (sb.overflow)
		smp_ctx_fail(g->ctx, SMP_E_SOFTWARE, "log comment too long");
}

static int add_row(act_gen *g, int a, int32_t day)
{
	log_row *row;
	gsl_rng *r = g->r;

	if (day == NO_DAY)
		return 0;
	if (g->n >= LOG_MAX)
		return smp_ctx_fail(g->ctx, SMP_E_SOFTWARE, "too many log rows");
	row = &g->rows[g->n++];
	memset(row, 0, sizeof *row);
	row->act = a;
	row->day = day;
	row->minute = -1;
	row->participants = -1;
	switch (a < 0 ? AK_INFO : acts[a].kind) {
	case AK_TSR: row->minute = 14 * 60; row->participants = smp_rng_int(r, 10, 18); break;
	case AK_WALK: row->minute = smp_rng_chance(r, 0.5) ? 18 * 60 + 30 : 19 * 60;
		row->participants = smp_rng_int(r, 8, 30); break;
	case AK_FIELD: if (smp_rng_chance(r, 0.3)) row->minute = 19 * 60; break;
	case AK_FORUM: row->minute = smp_rng_chance(r, 0.5) ? 17 * 60 + 30 : 18 * 60;
		row->participants = smp_rng_int(r, 8, 25); break;
	case AK_GROUP: row->minute = smp_rng_chance(r, 0.5) ? 9 * 60 : 13 * 60 + 30;
		row->participants = smp_rng_int(r, 5, 12); break;
	case AK_POLICE: row->minute = 10 * 60; row->participants = smp_rng_int(r, 4, 9); break;
	case AK_INFO: if (smp_rng_chance(r, 0.6)) row->participants = smp_rng_int(r, 10, 80); break;
	case AK_WEB: row->participants = smp_rng_int(r, 5, 40); break;
	case AK_SOCIAL: if (smp_rng_chance(r, 0.5)) row->participants = smp_rng_int(r, 2, 6); break;
	default: break;
	}
	comment(g, row);
	return 0;
}

static int planned_count(act_gen *g, int a, int year, int term)
{
	size_t i;

	for (i = 0; i < SMP_COUNT(schedule); i++)
		if (schedule[i].act == a && schedule[i].year == year && schedule[i].term == term)
			return schedule[i].count;
	return acts[a].target + smp_rng_chance(g->r, 0.2);
}

static int draw_year(act_gen *g, int a, int y)
{
	const act_def *ad = &acts[a];
	int k, count;

	if (strcmp(ad->period, "år") == 0) {
		count = planned_count(g, a, y, 0);
		for (k = 0; k < count; k++) {
			int32_t lo, hi;

			switch (ad->kind) {
			case AK_TSR:
				lo = smp_date_day(y, 2, 1);
				hi = smp_date_day(y, 4, 30);
				break;
			case AK_WALK:
				lo = k % 2 == 0 ? smp_date_day(y, 4, 15) : smp_date_day(y, 10, 1);
				hi = k % 2 == 0 ? smp_date_day(y, 5, 31) : smp_date_day(y, 11, 30);
				if (k == 2) {
					lo = smp_date_day(y, 9, 1);
					hi = smp_date_day(y, 9, 30);
				}
				if (y == SMP_LAST_YEAR && k == 1)
					lo = smp_date_day(y, 11, 2);
				break;
			default:
				lo = k % 2 == 0 ? smp_date_day(y, 3, 1) : smp_date_day(y, 9, 15);
				hi = k % 2 == 0 ? smp_date_day(y, 5, 31) : smp_date_day(y, 11, 30);
				break;
			}
			if (add_row(g, a, free_day(g, a, lo, hi)) < 0)
				return -1;
		}
	} else if (strcmp(ad->period, "termin") == 0) {
		int term;

		for (term = 1; term <= 2; term++) {
			int32_t lo = term == 1 ? smp_date_day(y, 2, 1) : smp_date_day(y, 8, 20);
			int32_t hi = term == 1 ? smp_date_day(y, 6, 10) : smp_date_day(y, 12, 10);

			count = planned_count(g, a, y, term);
			for (k = 0; k < count; k++)
				if (add_row(g, a, free_day(g, a, lo, hi)) < 0)
					return -1;
		}
	} else {
		double mu = ad->per_year;

		/* A14 was a one-off: the new routines were in place by 2019-09-01. */
		if (a == 13)
			mu = y == 2019 ? 2.0 : 0.0;
		if (y == SMP_LAST_YEAR)
			mu *= 304.0 / 365.0;
		count = smp_rng_poisson(g->r, mu);
		for (k = 0; k < count; k++) {
			int32_t hi = a == 13 ? smp_date_day(y, 8, 30) : smp_date_day(y, 12, 20);

			if (add_row(g, a, free_day(g, a, smp_date_day(y, 1, 8), hi)) < 0)
				return -1;
		}
	}
	return 0;
}

static int cmp_row(const void *a, const void *b)
{
	const log_row *x = a, *y = b;
	int64_t kx = (int64_t)x->day * SMP_MIN_PER_DAY + (x->minute < 0 ? 0 : x->minute);
	int64_t ky = (int64_t)y->day * SMP_MIN_PER_DAY + (y->minute < 0 ? 0 : y->minute);

	if (kx != ky)
		return kx < ky ? -1 : 1;
	return (x->act > y->act) - (x->act < y->act);
}

static int write_plan(smp_ctx *ctx)
{
	static const char *const header[] = {
		"Aktivitet-ID", "Aktivitet", "Arbetsområde", "Ansvarig", "Mål", "Period",
	};
	smp_act_truth *t = &ctx->truth->act;
	smp_csv csv;
	size_t h;
	int a;

	if (smp_csv_open(ctx, &csv, "aktiviteter/plan.csv", &smp_csv_excel) < 0)
		return -1;
	for (h = 0; h < SMP_COUNT(header); h++)
		smp_csv_field(&csv, header[h]);
	smp_csv_end_row(&csv);
	t->nacts = NACTS;
	for (a = 0; a < NACTS; a++) {
		char goal[8];

		snprintf(goal, sizeof goal, "%d", acts[a].target % 100);
		smp_csv_field(&csv, acts[a].id);
		smp_csv_field(&csv, acts[a].text);
		smp_csv_field(&csv, acts[a].area);
		smp_csv_field(&csv, acts[a].owner);
		smp_csv_field(&csv, acts[a].target ? goal : "");
		smp_csv_field(&csv, acts[a].period);
		smp_csv_end_row(&csv);
		memcpy(t->id[a], acts[a].id, 4);
		t->target[a] = acts[a].target;
		snprintf(t->period[a], sizeof t->period[a], "%s", acts[a].period);
	}
	return smp_csv_close(&csv, "The activities of the 2019 action plan with their "
	                     "targets (Mål;Period); texts as in the plan.");
}

static int write_log(act_gen *g)
{
	static const char *const header[] = {
		"Aktivitet-ID", "Datum", "Antal deltagare", "Kommentar",
	};
	smp_act_truth *t = &g->ctx->truth->act;
	smp_csv csv;
	size_t h;
	int i;

	if (smp_csv_open(g->ctx, &csv, "aktiviteter/logg.csv", &smp_csv_excel) < 0)
		return -1;
	for (h = 0; h < SMP_COUNT(header); h++)
		smp_csv_field(&csv, header[h]);
	smp_csv_end_row(&csv);
	for (i = 0; i < g->n; i++) {
		const log_row *row = &g->rows[i];
		char date[17], num[16];
		long line = smp_csv_next_line(&csv);
		int y, m, d;

		if (row->minute >= 0)
			smp_date_format_minute((int64_t)row->day * SMP_MIN_PER_DAY + row->minute, date);
		else
			smp_date_format(row->day, date);
		snprintf(num, sizeof num, "%d", row->participants);
		smp_csv_field(&csv, row->act >= 0 ? acts[row->act].id : "A40");
		smp_csv_field(&csv, date);
		smp_csv_field(&csv, row->participants >= 0 ? num : "");
		smp_csv_field(&csv, row->comment);
		smp_csv_end_row(&csv);
		t->rows++;
		if (row->act < 0) {
			if (smp_ctx_issue(g->ctx, csv.file.rel, line, "Aktivitet-ID", "A40",
			                  "Aktivitet-ID not in plan.csv (a typo for A04?): "
			                  "row dropped and reported.") < 0)
				break;
			continue;
		}
		if (row->dup) {
			if (smp_ctx_issue(g->ctx, csv.file.rel, line, "", "",
			                  "Exact repeat of the row above (same Aktivitet-ID "
			                  "and Datum with time): a duplicate, counted once.") < 0)
				break;
			continue;
		}
		smp_date_ymd(row->day, &y, &m, &d);
		t->year_occ[row->act][y - SMP_ACT_FIRST_YEAR]++;
		t->term_occ[row->act][2 * (y - SMP_ACT_FIRST_YEAR) + (m > 6)]++;
	}
	return smp_csv_close(&csv, "One row per time an activity took place, "
	                     "2019-01-01..2026-10-31.");
}

/* Plants an exact repeat of a youth forum row in spring 2023 and a row
 * with an Aktivitet-ID that is not in the plan. */
static int plant(act_gen *g)
{
	int i;

	if (g->n + 2 > LOG_MAX)
		return smp_ctx_fail(g->ctx, SMP_E_SOFTWARE, "too many log rows");
	for (i = 0; i < g->n; i++) {
		int y, m, d;

		smp_date_ymd(g->rows[i].day, &y, &m, &d);
		if (g->rows[i].act == 3 && y == 2023 && m <= 6) {
			memmove(&g->rows[i + 2], &g->rows[i + 1], (size_t)(g->n - i - 1) * sizeof *g->rows);
			g->rows[i + 1] = g->rows[i];
			g->rows[i + 1].dup = 1;
			g->n++;
			break;
		}
	}
	if (add_row(g, -1, smp_date_day(2022, 5, 17)) < 0)
		return -1;
	g->rows[g->n - 1].minute = 18 * 60;
	g->rows[g->n - 1].participants = 34;
	return 0;
}

int smp_activity_write(smp_ctx *ctx)
{
	act_gen g = { ctx, ctx->rng, NULL, 0 };
	int a, y, rc = -1;

	g.rows = calloc(LOG_MAX, sizeof *g.rows);
	if (!g.rows)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	smp_ctx_seed(ctx, 7);
	for (y = SMP_ACT_FIRST_YEAR; y <= SMP_LAST_YEAR; y++)
		for (a = 0; a < NACTS; a++)
			if (draw_year(&g, a, y) < 0)
				goto fail;
	qsort(g.rows, (size_t)g.n, sizeof *g.rows, cmp_row);
	if (plant(&g) < 0)
		goto fail;
	/* Keep the planted repeat next to its original; put the unknown ID
	 * in date order. */
	{
		log_row extra = g.rows[g.n - 1];
		int pos = g.n - 1;

		while (pos > 0 && cmp_row(&g.rows[pos - 1], &extra) > 0) {
			g.rows[pos] = g.rows[pos - 1];
			pos--;
		}
		g.rows[pos] = extra;
	}
	if (ctx->status != SMP_OK || smp_file_mkdir(ctx, "aktiviteter") < 0 ||
	    write_plan(ctx) < 0 || write_log(&g) < 0)
		goto fail;
	rc = ctx->status == SMP_OK ? 0 : -1;
fail:
	free(g.rows);
	return rc;
}
