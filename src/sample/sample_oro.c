/* sample_oro: anonymised concern forms (oro/oro_*.csv), 2016..2026-10-31. */
#include "sample/sample_oro.h"

#include <stdio.h>
#include <stdlib.h>

#include "sample/sample_csv.h"
#include "sample/sample_date.h"
#include "sample/sample_rng.h"

enum { ORO_FIRST_YEAR = 2016, FORM_MAX = 200 };

static const char *const verks_names[] = {
	"Förskola", "Skola", "Fritid", "Parklek", "Socialtjänst", "Äldreomsorg",
	"Park och gata", "Administration", "Övrigt",
};
static const double verks_w[] = { 5, 25, 25, 4, 30, 1, 0, 2, 8 };

static const char *const worry_names[] = {
	"Uttalanden", "Symboler", "Propaganda", "Rekrytering", "Resor", "Våld", "Övrigt",
};
static const double worry_w[] = { 30, 15, 15, 10, 5, 10, 15 };

static const char *const miljo_names[] = {
	"Vit makt-miljön", "Autonoma miljön",
	"Våldsbejakande islamistisk extremism", "Annan/ensamagerande", "Okänd", "",
};
static const double miljo_w[] = { 35, 15, 25, 10, 10, 5 };

static const char *const age_names[] = { "Under 13", "13-17", "18-24", "25 och äldre", "Okänd" };
static const double age_w[] = { 5, 45, 30, 15, 5 };

typedef struct oro_form {
	int year, seq;
	int32_t day;
	int verks, worry, miljo, age;
} oro_form;

typedef struct oro_file {
	const char *rel;
	int y0, m0, y1;
	smp_csv_format fmt;
	const char *note;
} oro_file;

static const oro_file files[] = {
	{ "oro/oro_2016-2021.csv", 2016, 1, 2021, { SMP_ENC_UTF8, ';', 1, 1 },
	  "UTF-8 without BOM. Forms 2016-01-01..2021-12-31." },
	{ "oro/oro_2021-2026.csv", 2021, 7, 2026, { SMP_ENC_UTF8_BOM, ';', 1, 1 },
	  "Forms 2021-07-01..2026-10-31; July-December 2021 repeated unchanged." },
};

static int cmp_day(const void *a, const void *b)
{
	const oro_form *x = a, *y = b;

	return x->day < y->day ? -1 : x->day > y->day;
}

static int write_file(smp_ctx *ctx, const oro_file *of, const oro_form *fs, int n)
{
	static const char *const header[] = {
		"Blankett-ID", "Datum", "Verksamhet", "Typ av oro", "Miljö", "Åldersgrupp",
	};
	int32_t first = smp_date_day(of->y0, of->m0, 1), last = smp_date_year_end(of->y1);
	smp_csv csv;
	size_t h;
	int i;

	if (smp_csv_open(ctx, &csv, of->rel, &of->fmt) < 0)
		return -1;
	for (h = 0; h < SMP_COUNT(header); h++)
		smp_csv_field(&csv, header[h]);
	smp_csv_end_row(&csv);
	for (i = 0; i < n; i++) {
		const oro_form *f = &fs[i];
		char id[16], date[11];

		if (f->day < first || f->day > last)
			continue;
		snprintf(id, sizeof id, "OB-%04u-%02u", (unsigned)f->year % 10000u,
		         (unsigned)f->seq % 100u);
		smp_date_format(f->day, date);
		smp_csv_field(&csv, id);
		smp_csv_field(&csv, date);
		smp_csv_field(&csv, verks_names[f->verks]);
		smp_csv_field(&csv, worry_names[f->worry]);
		smp_csv_field(&csv, miljo_names[f->miljo]);
		smp_csv_field(&csv, age_names[f->age]);
		smp_csv_end_row(&csv);
	}
	return smp_csv_close(&csv, of->note);
}

int smp_oro_write(smp_ctx *ctx)
{
	smp_count_truth *t = &ctx->truth->oro;
	gsl_rng *r = ctx->rng;
	oro_form *fs = calloc(FORM_MAX, sizeof *fs);
	int n = 0, y, i, rc = -1;
	size_t k;

	if (!fs)
		return smp_ctx_fail(ctx, SMP_E_SOFTWARE, "out of memory");
	smp_ctx_seed(ctx, 6);
	for (y = ORO_FIRST_YEAR; y <= SMP_LAST_YEAR; y++) {
		int32_t first = smp_date_day(y, 1, 1), last = smp_date_year_end(y);
		int count = smp_rng_int(r, 3, 8) + (y - ORO_FIRST_YEAR) * 7 / 10;
		int start = n;

		if (count > 15)
			count = 15;
		if (y == SMP_LAST_YEAR)
			count = count * 304 / 365;
		for (i = 0; i < count; i++) {
			oro_form *f = &fs[n++];

			f->year = y;
			f->day = smp_rng_weekday(r, first, last);
			f->verks = (int)smp_rng_pick(r, verks_w, SMP_COUNT(verks_w));
			f->worry = (int)smp_rng_pick(r, worry_w, SMP_COUNT(worry_w));
			f->miljo = (int)smp_rng_pick(r, miljo_w, SMP_COUNT(miljo_w));
			f->age = (int)smp_rng_pick(r, age_w, SMP_COUNT(age_w));
		}
		qsort(fs + start, (size_t)count, sizeof *fs, cmp_day);
		for (i = start; i < n; i++) {
			fs[i].seq = i - start + 1;
			t->count[y - SMP_FIRST_YEAR]++;
			if (fs[i].day >= smp_date_day(files[1].y0, files[1].m0, 1) &&
			    fs[i].day <= smp_date_year_end(files[0].y1))
				t->overlap++;
		}
	}
	if (smp_file_mkdir(ctx, "oro") < 0)
		goto fail;
	for (k = 0; k < SMP_COUNT(files); k++)
		if (write_file(ctx, &files[k], fs, n) < 0)
			goto fail;
	rc = 0;
fail:
	free(fs);
	return rc;
}
