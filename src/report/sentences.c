/* sentences: Swedish summary sentences from figures and tests (see
 * sentences.h). */
#include "report/sentences.h"
#include "report/sheet_followup.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sentences_number(double x, int decimals, char *buf, size_t size)
{
	char raw[64], out[96];
	char *dot;
	size_t o = 0, intlen;
	const char *p = raw;

	snprintf(raw, sizeof(raw), "%.*f", decimals, fabs(x) < 0.5 * pow(10, -decimals) ? 0.0 : x);
	if (*p == '-')
		out[o++] = *p++;
	dot = strchr(p, '.');
	intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < intlen; i++) {
		/* A space between groups of three digits, as Swedish writes. */
		if (i > 0 && (intlen - i) % 3 == 0)
			out[o++] = ' ';
		out[o++] = p[i];
	}
	if (dot) {
		out[o++] = ',';
		for (const char *d = dot + 1; *d; d++)
			out[o++] = *d;
	}
	out[o] = '\0';
	snprintf(buf, size, "%s", out);
}

static void add(vbs_sentences *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add(vbs_sentences *out, const char *fmt, ...)
{
	va_list ap;

	if (out->n >= SENTENCES_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(out->text[out->n++], SENTENCE_MAX, fmt, ap);
	va_end(ap);
}

/* The last two total figures of an indicator in the book, in time order. */
static int last_two(const vbs_report_ctx *ctx, const char *indicator,
                    const vbs_figure **prev, const vbs_figure **last)
{
	*prev = *last = NULL;
	for (size_t i = 0; i < ctx->figures->n; i++) {
		const vbs_figure *f = &ctx->figures->rows[i];

		if (strcmp(f->report, ctx->periods->report) || strcmp(f->indicator, indicator) ||
		    strcmp(f->dimension, "total"))
			continue;
		*prev = *last;
		*last = f;
	}
	return *last != NULL;
}

static const vbs_trend *test_of(const vbs_report_ctx *ctx, const char *indicator,
                                const char *method)
{
	for (size_t i = 0; ctx->trends && i < ctx->trends->n; i++) {
		const vbs_trend *t = &ctx->trends->rows[i];

		if (strcmp(t->report, ctx->periods->report) == 0 &&
		    strcmp(t->indicator, indicator) == 0 && strcmp(t->method, method) == 0)
			return t;
	}
	return NULL;
}

/* "p = 0,018" or "p < 0,001"; "" when the test has no p-value. */
static void p_text(const vbs_trend *t, char *buf, size_t size)
{
	char p[24];

	if (!(t->has & TREND_HAS_P)) {
		buf[0] = '\0';
	} else if (t->p_value < 0.001) {
		snprintf(buf, size, "p < 0,001");
	} else {
		sentences_number(t->p_value, 3, p, sizeof(p));
		snprintf(buf, size, "p = %s", p);
	}
}

/* " Förändringen är inte statistiskt säkerställd (p = 0,092)." */
static void change_sentence(const vbs_trend *t, char *buf, size_t size)
{
	char p[48], paren[64] = "";

	if (!t) {
		buf[0] = '\0';
		return;
	}
	p_text(t, p, sizeof(p));
	if (p[0])
		snprintf(paren, sizeof(paren), " (%s)", p);
	if (strcmp(t->direction, "ingen_sakerstalld") == 0)
		snprintf(buf, size, " Förändringen är inte statistiskt säkerställd%s.", paren);
	else
		snprintf(buf, size, " %s är statistiskt säkerställd%s.",
		         strcmp(t->direction, "okande") == 0 ? "Ökningen" : "Minskningen", paren);
}

/* " Över perioden 2014–2025 visar antalet ärenden en statistiskt säkerställd
 * ökande trend (Mann–Kendall, p < 0,001)." */
static void trend_sentence(const vbs_report_ctx *ctx, const char *indicator,
                           const char *what, char *buf, size_t size)
{
	const vbs_trend *t = test_of(ctx, indicator, "mann_kendall");
	char p[48], paren[80] = " (Mann–Kendall)", span[96];

	if (!t) {
		buf[0] = '\0';
		return;
	}
	p_text(t, p, sizeof(p));
	if (p[0])
		snprintf(paren, sizeof(paren), " (Mann–Kendall, %s)", p);
	/* Years: a window's label starts with its year. */
	snprintf(span, sizeof(span), "%.4s–%.4s%s", t->first_period, t->last_period,
	         strchr(t->first_period, '.') ? ", räknat för samma period varje år," : "");
	if (strcmp(t->direction, "ingen_sakerstalld") == 0)
		snprintf(buf, size, " Över åren %s finns ingen statistiskt säkerställd trend i %s%s.",
		         span, what, paren);
	else
		snprintf(buf, size, " Över åren %s visar %s en statistiskt säkerställd %s trend%s.",
		         span, what, strcmp(t->direction, "okande") == 0 ? "ökande" : "minskande", paren);
}

static const char *const month_names[] = {"januari", "februari", "mars", "april", "maj", "juni",
                                          "juli", "augusti", "september", "oktober",
                                          "november", "december"};

/* 1 for a year-to-date window "YYYY-01-01..YYYY-MM-DD", with its end. */
static int window_end(const vbs_figure *f, int *y, int *m, int *d)
{
	int y1, m1, d1;

	return sscanf(f->period, "%4d-%2d-%2d..%4d-%2d-%2d", &y1, &m1, &d1, y, m, d) == 6 &&
	       *m >= 1 && *m <= 12;
}

/* How a period is named after "under": "2025", or "perioden 1 januari–31
 * oktober 2026" for a year-to-date window. */
static void period_words(const vbs_figure *f, char *buf, size_t size)
{
	int y, m, d;

	if (window_end(f, &y, &m, &d))
		snprintf(buf, size, "perioden 1 januari–%d %s %d", d, month_names[m - 1], y);
	else
		snprintf(buf, size, "%s", f->period);
}

/* The previous period as compared with the latest: "2024", or "samma
 * period 2025" for windows. */
static void previous_words(const vbs_figure *f, char *buf, size_t size)
{
	int y, m, d;

	if (window_end(f, &y, &m, &d))
		snprintf(buf, size, "samma period %d", y);
	else
		snprintf(buf, size, "%s", f->period);
}

static void count_sentences(const vbs_report_ctx *ctx, vbs_sentences *out)
{
	const vbs_figure *prev, *last;
	char a[64], b[64], per[64], pper[64], change[160], trend[320];

	if (last_two(ctx, "incidents_vbe", &prev, &last) && (last->has & FIG_VALUE)) {
		sentences_number(last->value, 0, a, sizeof(a));
		period_words(last, per, sizeof(per));
		change_sentence(test_of(ctx, "incidents_vbe", "change_vs_previous"), change, sizeof(change));
		trend_sentence(ctx, "incidents_vbe", "antalet ärenden", trend, sizeof(trend));
		if (prev && (prev->has & FIG_VALUE)) {
			sentences_number(prev->value, 0, b, sizeof(b));
			previous_words(prev, pper, sizeof(pper));
			add(out, "Under %s registrerades %s ärenden med koppling till våldsbejakande extremism i incidentrapporteringen (IA), jämfört med %s under %s.%s%s",
			    per, a, b, pper, change, trend);
		} else {
			add(out, "Under %s registrerades %s ärenden med koppling till våldsbejakande extremism i incidentrapporteringen (IA).%s",
			    per, a, trend);
		}
	}
	if (last_two(ctx, "incidents_oklart", &prev, &last) && (last->has & FIG_VALUE)) {
		sentences_number(last->value, 0, a, sizeof(a));
		period_words(last, per, sizeof(per));
		if (prev && (prev->has & FIG_VALUE)) {
			sentences_number(prev->value, 0, b, sizeof(b));
			previous_words(prev, pper, sizeof(pper));
			add(out, "Därutöver fanns %s ärenden där kopplingen till våldsbejakande extremism var oklar (%s under %s).",
			    a, b, pper);
		} else {
			add(out, "Därutöver fanns %s ärenden där kopplingen till våldsbejakande extremism var oklar.", a);
		}
	}
	if (last_two(ctx, "incident_rate_per_10000", &prev, &last) && (last->has & FIG_VALUE) &&
	    !last->suppressed) {
		const vbs_figure *cp, *cl;

		sentences_number(last->value, 1, a, sizeof(a));
		period_words(last, per, sizeof(per));
		/* A rate of an earlier period than the latest count: the year's
		 * population is not published yet (never carried over). */
		if (last_two(ctx, "incidents_vbe", &cp, &cl) && strcmp(cl->period, last->period) != 0)
			add(out, "Antal per 10 000 invånare kan ännu inte beräknas för %d, eftersom befolkningen för det året inte är publicerad; det senaste värdet är %s ärenden per 10 000 invånare under %s.",
			    cl->year, a, per);
		else
			add(out, "Det motsvarar %s ärenden per 10 000 invånare under %s.", a, per);
	}
}

static void survey_sentences(const vbs_report_ctx *ctx, vbs_sentences *out)
{
	for (int i = 0; ctx->indicators && i < ctx->indicators->n; i++) {
		const vbs_indicator *ind = &ctx->indicators->items[i];
		const vbs_figure *prev, *last;
		char a[64], b[64], change[160];

		if (ind->kind != KIND_SHARE || !last_two(ctx, ind->id, &prev, &last))
			continue;
		if (last->suppressed || !(last->has & FIG_VALUE)) {
			add(out, "%s i trygghetsmätningen %s redovisas inte: för få svar.", ind->label, last->period);
			continue;
		}
		sentences_number(100 * last->value, 1, a, sizeof(a));
		change_sentence(test_of(ctx, ind->id, "change_vs_previous"), change, sizeof(change));
		if (prev && !prev->suppressed && (prev->has & FIG_VALUE)) {
			sentences_number(100 * prev->value, 1, b, sizeof(b));
			add(out, "%s var %s procent i trygghetsmätningen %s, jämfört med %s procent %s.%s",
			    ind->label, a, last->period, b, prev->period, change);
		} else {
			add(out, "%s var %s procent i trygghetsmätningen %s.", ind->label, a, last->period);
		}
	}
}

static void other_sentences(const vbs_report_ctx *ctx, vbs_sentences *out)
{
	const vbs_figure *prev, *last, *pp, *pl, *st, *sv, *vp, *vv;
	char a[64], b[64], per[64], pper[64], c[64], d[64];

	if (last_two(ctx, "dialogues", &prev, &last) && (last->has & FIG_VALUE)) {
		sentences_number(last->value, 0, a, sizeof(a));
		period_words(last, per, sizeof(per));
		if (last_two(ctx, "dialogue_participants", &pp, &pl) && (pl->has & FIG_VALUE) &&
		    strcmp(pl->period, last->period) == 0) {
			sentences_number(pl->value, 0, b, sizeof(b));
			add(out, "Under %s hölls %s medborgardialoger med sammanlagt %s deltagare.", per, a, b);
		} else {
			add(out, "Under %s hölls %s medborgardialoger.", per, a);
		}
		if (last_two(ctx, "andel_dialoger_trygghet", &st, &sv) && (sv->has & FIG_VALUE) &&
		    last_two(ctx, "andel_dialoger_vbe", &vp, &vv) && (vv->has & FIG_VALUE) &&
		    strcmp(sv->period, last->period) == 0 && strcmp(vv->period, last->period) == 0) {
			sentences_number(100 * sv->value, 0, c, sizeof(c));
			sentences_number(100 * vv->value, 0, d, sizeof(d));
			add(out, "Trygghet togs upp i %s procent av dialogerna och våldsbejakande extremism i %s procent.", c, d);
		}
	}
	if (last_two(ctx, "klotter_fynd", &prev, &last) && (last->has & FIG_VALUE)) {
		sentences_number(last->value, 0, a, sizeof(a));
		period_words(last, per, sizeof(per));
		if (prev && (prev->has & FIG_VALUE)) {
			sentences_number(prev->value, 0, b, sizeof(b));
			previous_words(prev, pper, sizeof(pper));
			add(out, "Park och gata registrerade %s fynd av klistermärken, affischer eller klotter med extremistiskt budskap under %s (%s under %s).",
			    a, per, b, pper);
		} else {
			add(out, "Park och gata registrerade %s fynd av klistermärken, affischer eller klotter med extremistiskt budskap under %s.",
			    a, per);
		}
	}
	if (last_two(ctx, "oroblanketter", &prev, &last) && (last->has & FIG_VALUE)) {
		sentences_number(last->value, 0, a, sizeof(a));
		period_words(last, per, sizeof(per));
		if (prev && (prev->has & FIG_VALUE)) {
			sentences_number(prev->value, 0, b, sizeof(b));
			previous_words(prev, pper, sizeof(pper));
			add(out, "Samordnaren fick %s blanketter med avidentifierad information om oro för radikalisering under %s (%s under %s).",
			    a, per, b, pper);
		} else {
			add(out, "Samordnaren fick %s blanketter med avidentifierad information om oro för radikalisering under %s.",
			    a, per);
		}
	}
}

static void followup_sentence(const vbs_report_ctx *ctx, vbs_sentences *out)
{
	int met, partly, not_met, running, year;
	int n = sheet_followup_counts(ctx->followup, &met, &partly, &not_met, &running, &year);

	if (n == 0)
		return;
	if (running)
		add(out, "Av handlingsplanens %d aktiviteter med mål för %d är %d uppfyllda, %d delvis uppfyllda, %d inte uppfyllda och %d pågår fortfarande.",
		    n, year, met, partly, not_met, running);
	else
		add(out, "Av handlingsplanens %d aktiviteter med mål för %d uppfylldes %d, %d delvis och %d inte alls.",
		    n, year, met, partly, not_met);
}

void sentences_build(const vbs_report_ctx *ctx, vbs_sentences *out)
{
	out->n = 0;
	count_sentences(ctx, out);
	survey_sentences(ctx, out);
	other_sentences(ctx, out);
	followup_sentence(ctx, out);
}
