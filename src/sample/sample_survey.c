/* sample_survey: safety survey microdata (trygghet/trygghet_YYYY.csv) with planted trends in F1 and F3. */
#include "sample/sample_survey.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "sample/sample_csv.h"
#include "sample/sample_population.h"
#include "sample/sample_rng.h"

static const int survey_years[SMP_SURVEYS] = { 2016, 2018, 2020, 2022, 2024 };

/* Planted population probabilities of "yes" among valid answers, per
 * indicator (F1 otrygg, F2 livskvalitet, F3 sett budskap, F4 avstått). */
static const double p_model[4][SMP_SURVEYS] = {
	{ 0.31, 0.29, 0.27, 0.25, 0.23 },
	{ 0.14, 0.14, 0.14, 0.14, 0.14 },
	{ 0.12, 0.145, 0.17, 0.195, 0.22 },
	{ 0.26, 0.26, 0.26, 0.26, 0.26 },
};

enum { KON_K, KON_M, KON_A, KON_COUNT };
static const char *const kon_names[KON_COUNT] = { "Kvinna", "Man", "Annat/vill ej uppge" };
/* Population margins (calibration targets) and response shares. */
static const double kon_pop[KON_COUNT] = { 0.525, 0.465, 0.010 };
static const double kon_resp[KON_COUNT] = { 0.56, 0.42, 0.02 };

enum { AGE_COUNT = 4 };
static const char *const age_names[AGE_COUNT] = { "16-24", "25-44", "45-64", "65-84" };
static const double age_pop[AGE_COUNT] = { 0.11, 0.37, 0.31, 0.21 };
static const double age_resp[AGE_COUNT] = { 0.07, 0.28, 0.34, 0.31 };

/* F1 differs by sex; the effects cancel over the population margins, so
 * the weighted population share is the model probability. */
static const double f1_sex_effect[KON_COUNT] = { 0.06, -0.06 * 0.525 / 0.465, 0.0 };

enum { RAKE_ITERATIONS = 100, MAX_RESPONDENTS = 800 };

typedef struct respondent {
	int kon, age, area;
	double w;
	int f[4];                    /* 0 = blank */
} respondent;

typedef struct survey_file {
	int year;
	smp_csv_format fmt;
	const char *note;
} survey_file;

static const survey_file files[SMP_SURVEYS] = {
	{ 2016, { SMP_ENC_UTF8, ';', 1, 1 }, "UTF-8 without BOM." },
	{ 2018, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, "" },
	{ 2020, { SMP_ENC_UTF8, ',', 0, 1 },
	  "Delimiter `,` and LF line ends; the decimal-comma weights are "
	  "therefore quoted (\"1,274\")." },
	{ 2022, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, "" },
	{ 2024, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, "" },
};

static void rake(respondent *resp, int n)
{
	int it, i;

	for (it = 0; it < RAKE_ITERATIONS; it++) {
		double sk[KON_COUNT] = { 0 }, sa[AGE_COUNT] = { 0 };

		for (i = 0; i < n; i++)
			sk[resp[i].kon] += resp[i].w;
		for (i = 0; i < n; i++)
			if (sk[resp[i].kon] > 0.0)
				resp[i].w *= kon_pop[resp[i].kon] * n / sk[resp[i].kon];
		for (i = 0; i < n; i++)
			sa[resp[i].age] += resp[i].w;
		for (i = 0; i < n; i++)
			if (sa[resp[i].age] > 0.0)
				resp[i].w *= age_pop[resp[i].age] * n / sa[resp[i].age];
	}
}

/* One answer: blank, 9, (F1 only) 5, else a valid code. */
static int answer(gsl_rng *r, int q, double p_yes, int age)
{
	double u = gsl_rng_uniform(r);
	static const double p9[4] = { 0.02, 0.03, 0.06, 0.03 };

	if (u < 0.01)
		return 0;
	if (u < 0.01 + p9[q])
		return 9;
	if (q == 0 && smp_rng_chance(r, age == 3 ? 0.09 : 0.02))
		return 5;
	switch (q) {
	case 0:
		if (smp_rng_chance(r, p_yes))
			return smp_rng_chance(r, 0.7) ? 3 : 4;
		return smp_rng_chance(r, 0.45) ? 1 : 2;
	case 1:
		if (smp_rng_chance(r, p_yes))
			return smp_rng_chance(r, 0.75) ? 3 : 4;
		return smp_rng_chance(r, 0.65) ? 1 : 2;
	case 2:
		return smp_rng_chance(r, p_yes) ? 1 : 2;
	default:
		if (smp_rng_chance(r, p_yes))
			return smp_rng_chance(r, 0.3) ? 1 : 2;
		return 3;
	}
}

/* Whether code c is valid (denominator) and "yes" for indicator q. */
static int is_valid(int q, int c)
{
	switch (q) {
	case 0: case 1: return c >= 1 && c <= 4;
	case 2: return c == 1 || c == 2;
	default: return c >= 1 && c <= 3;
	}
}

static int is_yes(int q, int c)
{
	switch (q) {
	case 0: case 1: return c == 3 || c == 4;
	case 2: return c == 1;
	default: return c == 1 || c == 2;
	}
}

static int write_year(smp_ctx *ctx, int s, respondent *resp)
{
	static const char *const header[] = {
		"Löpnummer", "År", "Område", "Kön", "Åldersgrupp", "Vikt",
		"F1", "F2", "F3", "F4",
	};
	smp_survey_truth *t = &ctx->truth->survey;
	gsl_rng *r = ctx->rng;
	int year = survey_years[s];
	int n = smp_rng_int(r, 560, 690);
	double area_w[SMP_AREAS];
	double sw[4] = { 0 }, swy[4] = { 0 }, sw2[4] = { 0 };
	char rel[64];
	smp_csv csv;
	int i, q;
	size_t h;

	smp_population_shares(ctx, year, area_w);
	for (i = 0; i < n; i++) {
		respondent *p = &resp[i];

		p->kon = (int)smp_rng_pick(r, kon_resp, KON_COUNT);
		p->age = (int)smp_rng_pick(r, age_resp, AGE_COUNT);
		p->area = smp_rng_chance(r, 0.01) ? -1 : (int)smp_rng_pick(r, area_w, SMP_AREAS);
		p->w = gsl_ran_lognormal(r, 0.0, 0.25);
		for (q = 0; q < 4; q++) {
			double py = p_model[q][s] + (q == 0 ? f1_sex_effect[p->kon] : 0.0);

			p->f[q] = answer(r, q, py, p->age);
		}
	}
	rake(resp, n);

	t->year[s] = year;
	t->n[s] = n;
	snprintf(rel, sizeof rel, "trygghet/trygghet_%04u.csv", (unsigned)year % 10000u);
	if (smp_csv_open(ctx, &csv, rel, &files[s].fmt) < 0)
		return -1;
	for (h = 0; h < SMP_COUNT(header); h++)
		smp_csv_field(&csv, header[h]);
	smp_csv_end_row(&csv);
	for (i = 0; i < n; i++) {
		const respondent *p = &resp[i];
		char num[16], yr[8], vikt[24], code[4];
		double w = floor(p->w * 1000.0 + 0.5) / 1000.0;
		char *dot;

		if (w < 0.001)
			w = 0.001;
		snprintf(num, sizeof num, "%d", i + 1);
		snprintf(yr, sizeof yr, "%04u", (unsigned)year % 10000u);
		snprintf(vikt, sizeof vikt, "%.3f", w);
		dot = strchr(vikt, '.');
		if (dot)
			*dot = ',';
		smp_csv_field(&csv, num);
		smp_csv_field(&csv, yr);
		smp_csv_field(&csv, smp_area_name(p->area));
		smp_csv_field(&csv, kon_names[p->kon]);
		smp_csv_field(&csv, age_names[p->age]);
		smp_csv_field(&csv, vikt);
		for (q = 0; q < 4; q++) {
			snprintf(code, sizeof code, "%u", (unsigned)p->f[q] % 10u);
			smp_csv_field(&csv, p->f[q] ? code : "");
			if (is_valid(q, p->f[q])) {
				sw[q] += w;
				sw2[q] += w * w;
				swy[q] += is_yes(q, p->f[q]) ? w : 0.0;
				t->valid[q][s]++;
			}
		}
		smp_csv_end_row(&csv);
	}
	for (q = 0; q < 4; q++) {
		t->p[q][s] = p_model[q][s];
		t->share[q][s] = sw[q] > 0.0 ? swy[q] / sw[q] : 0.0;
		t->n_eff[q][s] = sw2[q] > 0.0 ? sw[q] * sw[q] / sw2[q] : 0.0;
	}
	return smp_csv_close(&csv, files[s].note);
}

int smp_survey_write(smp_ctx *ctx)
{
	respondent *resp = calloc(MAX_RESPONDENTS, sizeof *resp);
	int s, rc = 0;

	if (!resp)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	smp_ctx_seed(ctx, 3);
	if (smp_file_mkdir(ctx, "trygghet") < 0)
		rc = -1;
	for (s = 0; rc == 0 && s < SMP_SURVEYS; s++)
		rc = write_year(ctx, s, resp);
	free(resp);
	return rc;
}
