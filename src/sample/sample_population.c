/* sample_population: the district's seven areas and their population 2014-2025 (befolkning/befolkning.csv). */
#include "sample/sample_population.h"

#include <math.h>
#include <stdio.h>

#include <gsl/gsl_randist.h>

#include "sample/sample_csv.h"
#include "sample/sample_rng.h"

static const char *const area_names[SMP_AREAS] = {
	"Östermalm city", "Lärkstaden", "Gärdet", "Hjorthagen",
	"Norra Djurgårdsstaden", "Djurgården", "Frihamnen/Loudden",
};

/* Population on 31 December 2014 and 2025; growth between is linear, or
 * geometric for the two areas built up from a small base. */
static const struct {
	double y2014, y2025;
	int geometric;
	double noise;                /* relative standard deviation per year */
} model[SMP_AREAS] = {
	{ 42700.0, 40100.0, 0, 0.003 },
	{ 2850.0, 2920.0, 0, 0.004 },
	{ 17900.0, 17450.0, 0, 0.003 },
	{ 4650.0, 4950.0, 0, 0.004 },
	{ 1150.0, 7300.0, 1, 0.010 },
	{ 820.0, 860.0, 0, 0.010 },
	{ 140.0, 420.0, 1, 0.020 },
};

const char *smp_area_name(int area)
{
	return area >= 0 && area < SMP_AREAS ? area_names[area] : "";
}

static void draw(smp_ctx *ctx)
{
	int y, a;

	for (y = SMP_FIRST_YEAR; y <= SMP_POP_LAST_YEAR; y++) {
		double t = (double)(y - SMP_FIRST_YEAR) /
		           (double)(SMP_POP_LAST_YEAR - SMP_FIRST_YEAR);

		for (a = 0; a < SMP_AREAS; a++) {
			double v;

			if (model[a].geometric)
				v = model[a].y2014 *
				    pow(model[a].y2025 / model[a].y2014, t);
			else
				v = model[a].y2014 +
				    (model[a].y2025 - model[a].y2014) * t;
			/* The inner city lost inhabitants in the pandemic years. */
			if (a == 0 && (y == 2020 || y == 2021))
				v -= 350.0;
			v *= 1.0 + gsl_ran_gaussian(ctx->rng, model[a].noise);
			ctx->truth->population[y - SMP_FIRST_YEAR][a] = lround(v);
		}
	}
}

int smp_population_write(smp_ctx *ctx)
{
	static const char *const header[] = { "År", "Område", "Befolkning" };
	smp_csv csv;
	size_t i;
	int y, a;

	smp_ctx_seed(ctx, 1);
	draw(ctx);
	if (smp_file_mkdir(ctx, "befolkning") < 0 ||
	    smp_csv_open(ctx, &csv, "befolkning/befolkning.csv", &smp_csv_excel) < 0)
		return -1;
	for (i = 0; i < SMP_COUNT(header); i++)
		smp_csv_field(&csv, header[i]);
	smp_csv_end_row(&csv);
	for (y = SMP_FIRST_YEAR; y <= SMP_POP_LAST_YEAR; y++) {
		for (a = 0; a < SMP_AREAS; a++) {
			char year[8], pop[16];

			snprintf(year, sizeof year, "%04u", (unsigned)y % 10000u);
			snprintf(pop, sizeof pop, "%ld",
			         ctx->truth->population[y - SMP_FIRST_YEAR][a]);
			smp_csv_field(&csv, year);
			smp_csv_field(&csv, area_names[a]);
			smp_csv_field(&csv, pop);
			smp_csv_end_row(&csv);
		}
	}
	return smp_csv_close(&csv,
	                     "Inhabitants on 31 December per area, 2014-2025; "
	                     "2026 is not published yet.");
}

void smp_population_shares(const smp_ctx *ctx, int year, double w[static SMP_AREAS])
{
	int a;

	if (year > SMP_POP_LAST_YEAR)
		year = SMP_POP_LAST_YEAR;
	if (year < SMP_FIRST_YEAR)
		year = SMP_FIRST_YEAR;
	for (a = 0; a < SMP_AREAS; a++)
		w[a] = (double)ctx->truth->population[year - SMP_FIRST_YEAR][a];
}
