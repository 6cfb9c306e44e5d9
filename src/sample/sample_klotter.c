/* sample_klotter: the park and street unit's sticker, poster and graffiti log (klotter/klotter_*.csv). */
#include "sample/sample_klotter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "sample/sample_csv.h"
#include "sample/sample_date.h"
#include "sample/sample_population.h"
#include "sample/sample_rng.h"
#include "sample/sample_text.h"

/* Finds a year ~ Poisson(22 * 1.08^(year-2014)), 2026 scaled to October. */
#define KL_2014 22.0
#define KL_GROWTH 1.08

enum { TY_KLISTER, TY_AFFISCH, TY_KLOTTER, TY_COUNT };
static const char *const type_names[TY_COUNT] = { "Klistermärke", "Affisch", "Klotter" };

enum { M_COUNT = 5 };
static const char *const miljo_names[M_COUNT] = {
	"Vit makt-miljön", "Autonoma miljön",
	"Våldsbejakande islamistisk extremism", "Annan/ensamagerande", "Okänd",
};

static const char *const objects[] = {
	"Lyktstolpe", "Elskåp", "Busskur", "Papperskorg", "Fasad",
	"Anslagstavla", "Trappuppgång", "Parkbänk", "Vägskylt",
	"Tunnelbaneuppgång", "Återvinningsstation",
};

enum { FIND_MAX = 1000, PLATS_MAX = 128, NO_DAY = -1 };

typedef struct find {
	int year, seq;
	int32_t day, removed;        /* removed: NO_DAY when never */
	int type, miljo, area, items;
	int bad_removed;             /* planted: Sanerat datum before Datum */
	char plats[PLATS_MAX];
} find;

typedef struct klotter_file {
	const char *rel;
	int y0, m0, y1;
	smp_csv_format fmt;
	const char *note;
} klotter_file;

static const klotter_file files[] = {
	{ "klotter/klotter_2014-2017.csv", 2014, 1, 2017, { SMP_ENC_UTF8_BOM, ';', 1, 1 },
	  "Finds 2014-01-01..2017-12-31, exported 2017-12-31." },
	{ "klotter/klotter_2017-2020.csv", 2017, 11, 2020, { SMP_ENC_UTF8, ';', 1, 1 },
	  "UTF-8 without BOM. Finds 2017-11-01..2020-12-31, exported 2020-12-31." },
	{ "klotter/klotter_2020-2023.csv", 2020, 11, 2023, { SMP_ENC_UTF8_BOM, ';', 1, 1 },
	  "Finds 2020-11-01..2023-12-31, exported 2023-12-31." },
	{ "klotter/klotter_2023-2026.csv", 2023, 11, 2026, { SMP_ENC_UTF8_BOM, ';', 1, 1 },
	  "Finds 2023-11-01..2026-10-31, exported on 2026-10-31." },
};

static int32_t export_day(const klotter_file *f)
{
	if (f->y1 >= SMP_LAST_YEAR)
		return smp_date_year_end(SMP_LAST_YEAR);
	return smp_date_day(f->y1, 12, 31);
}

static int cmp_day(const void *a, const void *b)
{
	const find *x = a, *y = b;

	return x->day < y->day ? -1 : x->day > y->day;
}

static void draw_find(smp_ctx *ctx, find *f, int year, int32_t day)
{
	static const double type_w[TY_COUNT] = { 50, 20, 30 };
	static const double miljo_w[M_COUNT + 1] = { 45, 25, 5, 5, 12, 8 };
	static const double area_w[SMP_AREAS] = { 50, 5, 20, 8, 8, 6, 3 };
	static const double delay_w[] = { 25, 40, 20, 10, 5 };
	gsl_rng *r = ctx->rng;
	size_t m;
	int delay;

	f->year = year;
	f->day = day;
	f->type = (int)smp_rng_pick(r, type_w, TY_COUNT);
	m = smp_rng_pick(r, miljo_w, M_COUNT + 1);
	f->miljo = m == M_COUNT ? -1 : (int)m;
	f->area = smp_rng_chance(r, 0.02) ? -1 : (int)smp_rng_pick(r, area_w, SMP_AREAS);
	switch (f->type) {
	case TY_KLISTER: f->items = (int)gsl_ran_geometric(r, 0.15); break;
	case TY_AFFISCH: f->items = (int)gsl_ran_geometric(r, 0.4); break;
	default: f->items = (int)gsl_ran_geometric(r, 0.7); break;
	}
	if (f->items < 1)
		f->items = 1;
	if (f->items > 60)
		f->items = 60;
	switch (smp_rng_pick(r, delay_w, SMP_COUNT(delay_w))) {
	case 0: delay = 0; break;
	case 1: delay = smp_rng_int(r, 1, 3); break;
	case 2: delay = smp_rng_int(r, 4, 7); break;
	case 3: delay = smp_rng_int(r, 8, 14); break;
	default: delay = smp_rng_int(r, 15, 45); break;
	}
	if (f->type == TY_KLOTTER)
		delay += smp_rng_int(r, 0, 3);
	f->removed = smp_rng_chance(r, 0.015) ? NO_DAY : day + delay;
	{
		const char *obj = smp_rng_string(r, objects, SMP_COUNT(objects));
		const char *place = smp_text_place(r, f->area < 0 ? 0 : f->area);
		int k;

		if (smp_rng_chance(r, 0.08))
			k = snprintf(f->plats, sizeof f->plats, "%s; %s/%s", obj, place,
			             smp_text_place(r, f->area < 0 ? 0 : f->area));
		else if (smp_rng_chance(r, 0.3))
			k = snprintf(f->plats, sizeof f->plats, "%s vid %s, %s sidan", obj, place,
			             smp_rng_chance(r, 0.5) ? "norra" : "södra");
		else
			k = snprintf(f->plats, sizeof f->plats, "%s vid %s", obj, place);
		if (k < 0 || (size_t)k >= sizeof f->plats)
			smp_ctx_fail(ctx, SMP_E_SOFTWARE, "Plats too long");
	}
}

static int write_file(smp_ctx *ctx, const klotter_file *kf, const find *fs, int n)
{
	static const char *const header[] = {
		"Ärende-ID", "Datum", "Område", "Plats", "Typ", "Miljö", "Antal",
		"Sanerat datum",
	};
	int32_t first = smp_date_day(kf->y0, kf->m0, 1), last = smp_date_year_end(kf->y1);
	int32_t exported = export_day(kf);
	smp_csv csv;
	size_t h;
	int i;

	if (smp_csv_open(ctx, &csv, kf->rel, &kf->fmt) < 0)
		return -1;
	for (h = 0; h < SMP_COUNT(header); h++)
		smp_csv_field(&csv, header[h]);
	smp_csv_end_row(&csv);
	for (i = 0; i < n; i++) {
		const find *f = &fs[i];
		char id[16], date[11], rem[11], items[16];
		long line = smp_csv_next_line(&csv);

		if (f->day < first || f->day > last)
			continue;
		snprintf(id, sizeof id, "K-%04u-%03u", (unsigned)f->year % 10000u,
		         (unsigned)f->seq % 1000u);
		smp_date_format(f->day, date);
		rem[0] = '\0';
		if (f->removed != NO_DAY && f->removed <= exported)
			smp_date_format(f->removed, rem);
		snprintf(items, sizeof items, "%d", f->items);
		smp_csv_field(&csv, id);
		smp_csv_field(&csv, date);
		smp_csv_field(&csv, smp_area_name(f->area));
		smp_csv_field(&csv, f->plats);
		smp_csv_field(&csv, type_names[f->type]);
		smp_csv_field(&csv, f->miljo >= 0 ? miljo_names[f->miljo] : "");
		smp_csv_field(&csv, items);
		smp_csv_field(&csv, rem);
		smp_csv_end_row(&csv);
		if (f->bad_removed &&
		    smp_ctx_issue(ctx, kf->rel, line, "Sanerat datum", rem,
		                  "Sanerat datum before Datum: reported, treated as "
		                  "missing (the find counts as not removed).") < 0)
			break;
	}
	return smp_csv_close(&csv, kf->note);
}

int smp_klotter_write(smp_ctx *ctx)
{
	smp_count_truth *t = &ctx->truth->klotter;
	gsl_rng *r = ctx->rng;
	find *fs = calloc(FIND_MAX, sizeof *fs);
	int32_t asof = smp_date_year_end(SMP_LAST_YEAR);
	int n = 0, y, i, rc = -1, cand = 0, pick;
	size_t k;

	if (!fs)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	smp_ctx_seed(ctx, 5);
	for (y = SMP_FIRST_YEAR; y <= SMP_LAST_YEAR; y++) {
		int32_t first = smp_date_day(y, 1, 1), last = smp_date_year_end(y);
		double mu = KL_2014 * pow(KL_GROWTH, y - SMP_FIRST_YEAR) *
		            (double)(last - first + 1) / (double)(smp_date_day(y, 12, 31) - first + 1);
		int count = smp_rng_poisson(r, mu), start = n;

		if (n + count > FIND_MAX) {
			smp_ctx_fail(ctx, SMP_E_SOFTWARE, "too many finds");
			goto fail;
		}
		for (i = 0; i < count; i++)
			draw_find(ctx, &fs[n++], y, smp_rng_day(r, first, last));
		qsort(fs + start, (size_t)count, sizeof *fs, cmp_day);
		for (i = start; i < n; i++)
			fs[i].seq = i - start + 1;
	}
	if (ctx->status != SMP_OK)
		goto fail;
	/* One Sanerat datum typed before Datum, in a month outside the
	 * overlaps (2019, March-September). */
	for (i = 0; i < n; i++) {
		int yy, m, d;

		smp_date_ymd(fs[i].day, &yy, &m, &d);
		cand += yy == 2019 && m >= 3 && m <= 9 && fs[i].removed != NO_DAY;
	}
	pick = smp_rng_int(r, 0, cand - 1);
	for (i = 0; i < n; i++) {
		int yy, m, d;

		smp_date_ymd(fs[i].day, &yy, &m, &d);
		if (yy == 2019 && m >= 3 && m <= 9 && fs[i].removed != NO_DAY && pick-- == 0) {
			fs[i].bad_removed = 1;
			fs[i].removed = fs[i].day - smp_rng_int(r, 2, 9);
			break;
		}
	}
	for (i = 0; i < n; i++) {
		const find *f = &fs[i];
		int yy, m, d;

		t->count[f->year - SMP_FIRST_YEAR]++;
		t->sum[f->year - SMP_FIRST_YEAR] += f->items;
		if (f->removed == NO_DAY || f->removed > asof || f->bad_removed)
			t->pending++;
		smp_date_ymd(f->day, &yy, &m, &d);
		for (k = 0; k + 1 < SMP_COUNT(files); k++) {
			int32_t next_start = smp_date_day(files[k + 1].y0, files[k + 1].m0, 1);

			if (f->day >= next_start && f->day <= smp_date_year_end(files[k].y1)) {
				t->overlap++;
				if (f->removed != NO_DAY && f->removed > export_day(&files[k]))
					t->updated++;
			}
		}
	}
	if (smp_file_mkdir(ctx, "klotter") < 0)
		goto fail;
	for (k = 0; k < SMP_COUNT(files); k++)
		if (write_file(ctx, &files[k], fs, n) < 0)
			goto fail;
	rc = ctx->status == SMP_OK ? 0 : -1;
fail:
	free(fs);
	return rc;
}
