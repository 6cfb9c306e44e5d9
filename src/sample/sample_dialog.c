/* sample_dialog: citizen dialogues (dialog/dialog_*.csv) in three overlapping exports. */
#include "sample/sample_dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample/sample_csv.h"
#include "sample/sample_date.h"
#include "sample/sample_population.h"
#include "sample/sample_rng.h"

enum { F_MOTE, F_VANDRING, F_WORKSHOP, F_DIGITAL, F_OPPET, F_COUNT };
static const char *const form_names[F_COUNT] = {
	"Möte", "Trygghetsvandring", "Workshop", "Digital dialog", "Öppet hus",
};

enum { MG_UNGA, MG_FORALDRAR, MG_ALDRE, MG_BOENDE, MG_NARING, MG_FORENING,
       MG_SKOLPERSONAL, MG_BLANDAD, MG_COUNT };
static const char *const target_names[MG_COUNT] = {
	"Unga", "Föräldrar", "Äldre", "Boende", "Näringsidkare", "Föreningar",
	"Skolpersonal", "Blandad",
};

enum { T_TRYGGHET, T_BELYSNING, T_KLOTTER, T_EXTREMISM, T_UNGDOMAR, T_DROGER,
       T_TRAFIK, T_GRON, T_SKRAP, T_OVRIGT, T_COUNT };
static const char *const theme_names[T_COUNT] = {
	"trygghet", "belysning", "klotter", "extremism", "ungdomar", "droger",
	"trafik", "grönområden", "nedskräpning", "övrigt",
};

enum { DIALOG_MAX = 400 };

typedef struct dialog {
	int year, seq;
	int32_t day;
	int area, form, target, participants;
	unsigned themes;             /* bit per theme */
	int updated;                 /* the earlier export shows a preliminary version */
	int prelim_participants;
	unsigned prelim_themes;
} dialog;

typedef struct dialog_file {
	const char *rel;
	int y0, m0, y1;              /* from y0-m0-01 to the end of y1 */
	smp_csv_format fmt;
	const char *note;
} dialog_file;

static const dialog_file files[] = {
	{ "dialog/dialog_2014-2018.csv", 2014, 1, 2018, { SMP_ENC_CP1252, ';', 1, 1 },
	  "Windows-1252. Dialogues 2014-01-01..2018-12-31." },
	{ "dialog/dialog_2018-2022.csv", 2018, 11, 2022, { SMP_ENC_UTF8_BOM, ';', 1, 1 },
	  "Dialogues 2018-11-01..2022-12-31; November-December 2018 repeated." },
	{ "dialog/dialog_2022-2026.csv", 2022, 11, 2026, { SMP_ENC_UTF8_BOM, ';', 1, 1 },
	  "Dialogues 2022-11-01..2026-10-31; November-December 2022 repeated." },
};

static int cmp_day(const void *a, const void *b)
{
	const dialog *x = a, *y = b;

	return x->day < y->day ? -1 : x->day > y->day;
}

static void draw_themes(gsl_rng *r, dialog *d)
{
	double p[T_COUNT] = { 0.55, 0.15, 0.2, 0.0, 0.25, 0.12, 0.2, 0.2, 0.15, 0.08 };
	int t;

	p[T_EXTREMISM] = 0.05 + 0.015 * (d->year - SMP_FIRST_YEAR);
	if (d->target == MG_UNGA || d->target == MG_SKOLPERSONAL)
		p[T_EXTREMISM] += 0.1;
	if (d->target == MG_UNGA)
		p[T_UNGDOMAR] = 0.8;
	if (d->form == F_VANDRING) {
		p[T_TRYGGHET] = 1.0;
		p[T_BELYSNING] = 0.7;
		p[T_KLOTTER] = 0.5;
	}
	d->themes = 0;
	for (t = 0; t < T_COUNT; t++)
		if (smp_rng_chance(r, p[t]))
			d->themes |= 1u << t;
	if (!d->themes)
		d->themes = 1u << T_OVRIGT;
}

static void draw_dialog(smp_ctx *ctx, dialog *d, int year, int32_t day, int form)
{
	static const double target_w[MG_COUNT] = { 20, 10, 12, 25, 8, 8, 7, 10 };
	static const double walk_target_w[MG_COUNT] = { 0, 0, 0, 60, 0, 0, 0, 40 };
	gsl_rng *r = ctx->rng;
	double area_w[SMP_AREAS];

	d->year = year;
	d->day = day;
	d->form = form;
	d->target = (int)smp_rng_pick(r, form == F_VANDRING ? walk_target_w : target_w, MG_COUNT);
	smp_population_shares(ctx, year, area_w);
	if (form == F_DIGITAL && smp_rng_chance(r, 0.5))
		d->area = -1;            /* district-wide: no area */
	else
		d->area = (int)smp_rng_pick(r, area_w, SMP_AREAS);
	switch (form) {
	case F_MOTE: d->participants = smp_rng_int(r, 5, 40); break;
	case F_VANDRING: d->participants = smp_rng_int(r, 8, 35); break;
	case F_WORKSHOP: d->participants = smp_rng_int(r, 6, 25); break;
	case F_DIGITAL: d->participants = smp_rng_int(r, 40, 400); break;
	default: d->participants = smp_rng_int(r, 15, 120); break;
	}
	if (form != F_DIGITAL && smp_rng_chance(r, 0.01))
		d->participants = 0;     /* nobody came */
	draw_themes(r, d);
}

static int draw_all(smp_ctx *ctx, dialog *ds, int *n)
{
	gsl_rng *r = ctx->rng;
	int y, i;

	*n = 0;
	for (y = SMP_FIRST_YEAR; y <= SMP_LAST_YEAR; y++) {
		int32_t first = smp_date_day(y, 1, 1), last = smp_date_year_end(y);
		int count = smp_rng_int(r, 15, 30);
		double dig = y < 2016 ? 2 : y < 2020 ? 10 : y < 2022 ? 40 : 20;
		double form_w[F_COUNT] = { 35, 0, 15, 0, 12 };
		int start = *n;

		form_w[F_DIGITAL] = dig;
		if (y == SMP_LAST_YEAR)
			count = count * 304 / 365;
		if (*n + count > DIALOG_MAX)
			return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "too many dialogues");
		/* Two safety walks a year, spring and autumn (autumn 2026 is
		 * after the sample's end). */
		draw_dialog(ctx, &ds[(*n)++], y,
		            smp_rng_weekday(r, smp_date_day(y, 4, 15), smp_date_day(y, 5, 31)),
		            F_VANDRING);
		if (y < SMP_LAST_YEAR)
			draw_dialog(ctx, &ds[(*n)++], y,
			            smp_rng_weekday(r, smp_date_day(y, 10, 1), smp_date_day(y, 11, 30)),
			            F_VANDRING);
		while (*n - start < count) {
			int32_t day;
			int yy, m, dd;

			do {
				day = smp_rng_weekday(r, first, last);
				smp_date_ymd(day, &yy, &m, &dd);
			} while (m == 7 && smp_rng_chance(r, 0.8));
			draw_dialog(ctx, &ds[(*n)++], y, day, (int)smp_rng_pick(r, form_w, F_COUNT));
		}
		qsort(ds + start, (size_t)(*n - start), sizeof *ds, cmp_day);
		for (i = start; i < *n; i++)
			ds[i].seq = i - start + 1;
	}
	return 0;
}

static void themes_text(unsigned themes, char *buf, size_t size)
{
	size_t len = 0;
	int t;

	buf[0] = '\0';
	for (t = 0; t < T_COUNT; t++) {
		int k;

		if (!(themes & (1u << t)))
			continue;
		k = snprintf(buf + len, size - len, "%s%s", len ? "|" : "", theme_names[t]);
		if (k < 0 || (size_t)k >= size - len)
			return;
		len += (size_t)k;
	}
}

/* next_start: the first day of the next file, or -1 for the last file. */
static int write_file(smp_ctx *ctx, const dialog_file *f, const dialog *ds, int n,
                      int32_t next_start)
{
	static const char *const header[] = {
		"Dialog-ID", "Datum", "Område", "Målgrupp", "Form", "Antal deltagare",
		"Teman", "Trygghet tas upp", "VBE tas upp",
	};
	int32_t first = smp_date_day(f->y0, f->m0, 1), last = smp_date_year_end(f->y1);
	smp_csv csv;
	size_t h;
	int i;

	if (smp_csv_open(ctx, &csv, f->rel, &f->fmt) < 0)
		return -1;
	for (h = 0; h < SMP_COUNT(header); h++)
		smp_csv_field(&csv, header[h]);
	smp_csv_end_row(&csv);
	for (i = 0; i < n; i++) {
		const dialog *d = &ds[i];
		char id[16], date[11], num[16], themes[160];
		/* In the earlier of two files, an updated dialogue shows its
		 * preliminary version. */
		int prelim = d->updated && next_start >= 0 && d->day >= next_start;
		unsigned th = prelim ? d->prelim_themes : d->themes;

		if (d->day < first || d->day > last)
			continue;
		snprintf(id, sizeof id, "D-%04u-%03u", (unsigned)d->year % 10000u,
		         (unsigned)d->seq % 1000u);
		smp_date_format(d->day, date);
		snprintf(num, sizeof num, "%d", prelim ? d->prelim_participants : d->participants);
		themes_text(th, themes, sizeof themes);
		smp_csv_field(&csv, id);
		smp_csv_field(&csv, date);
		smp_csv_field(&csv, smp_area_name(d->area));
		smp_csv_field(&csv, target_names[d->target]);
		smp_csv_field(&csv, form_names[d->form]);
		smp_csv_field(&csv, num);
		smp_csv_field(&csv, themes);
		smp_csv_field(&csv, (th & (1u << T_TRYGGHET)) ? "Ja" : "Nej");
		smp_csv_field(&csv, (th & (1u << T_EXTREMISM)) ? "Ja" : "Nej");
		smp_csv_end_row(&csv);
	}
	return smp_csv_close(&csv, f->note);
}

int smp_dialog_write(smp_ctx *ctx)
{
	smp_count_truth *t = &ctx->truth->dialog;
	dialog *ds = calloc(DIALOG_MAX, sizeof *ds);
	int n = 0, i, rc = -1;
	size_t k;

	if (!ds)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	smp_ctx_seed(ctx, 4);
	if (draw_all(ctx, ds, &n) < 0)
		goto fail;
	/* Dialogues in two files: some were updated between the exports
	 * (participants counted again, a theme added). */
	for (i = 0; i < n; i++) {
		dialog *d = &ds[i];
		int y, m, dd;

		smp_date_ymd(d->day, &y, &m, &dd);
		t->count[d->year - SMP_FIRST_YEAR]++;
		t->sum[d->year - SMP_FIRST_YEAR] += d->participants;
		if (!((y == 2018 || y == 2022) && m >= 11))
			continue;
		t->overlap++;
		if (!smp_rng_chance(ctx->rng, 0.4))
			continue;
		d->updated = 1;
		t->updated++;
		d->prelim_participants = d->participants - smp_rng_int(ctx->rng, 1, 5);
		if (d->prelim_participants < 0)
			d->prelim_participants = 0;
		d->prelim_themes = d->themes;
		if (smp_rng_chance(ctx->rng, 0.5) && (d->themes & ~(1u << T_TRYGGHET) & ~(1u << T_EXTREMISM))) {
			int th;

			for (th = T_COUNT - 1; th >= 0; th--)
				if (th != T_TRYGGHET && th != T_EXTREMISM &&
				    (d->themes & (1u << th)) && (d->themes & ~(1u << th))) {
					d->prelim_themes = d->themes & ~(1u << th);
					break;
				}
		}
	}
	if (smp_file_mkdir(ctx, "dialog") < 0)
		goto fail;
	for (k = 0; k < SMP_COUNT(files); k++) {
		int32_t next_start = k + 1 < SMP_COUNT(files) ?
		                     smp_date_day(files[k + 1].y0, files[k + 1].m0, 1) : -1;

		if (write_file(ctx, &files[k], ds, n, next_start) < 0)
			goto fail;
	}
	rc = 0;
fail:
	free(ds);
	return rc;
}
