/* sample_text: fictitious names, Luhn-valid personnummer and place names for free-text fields. */
#include "sample/sample_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sample/sample_ctx.h"
#include "sample/sample_date.h"
#include "sample/sample_rng.h"

static const char *const first_names[] = {
	"Anna", "Erik", "Maria", "Johan", "Sara", "Lars", "Fatima", "Ahmed",
	"Elin", "Oskar", "Karin", "Mohammed", "Linnéa", "Björn", "Åsa",
	"Jörgen", "Zeynep", "Mikael", "Ingrid", "Per", "Noah", "Ebba",
	"Amira", "Gustav", "Hanna", "Yusuf", "Märta", "Olle", "Leila", "Ture",
};

static const char *const last_names[] = {
	"Lindqvist", "Berg", "Holm", "Sjöberg", "Ekström", "Nyström",
	"Åkesson", "Karlsson", "Hassan", "Lundgren", "Öberg", "Wallin",
	"Falk", "Törnqvist", "Bergkvist", "Dahl", "Hedlund", "Ali",
	"Sandberg", "Ljungqvist", "Mårtensson", "Strand", "Kaya", "Engström",
};

/* Staff names are drawn from their own lists, so that a leak of the
 * Handläggare column can be told from a leak of Beskrivning. */
static const char *const staff_first[] = {
	"Kristina", "Magnus", "Pernilla", "Henrik", "Sofia", "Tobias",
	"Camilla", "Andreas", "Malin", "Daniel", "Jessica", "Fredrik",
};

static const char *const staff_last[] = {
	"Åhlén", "Grönvall", "Stjernfeldt", "Rydberg", "Vikström",
	"Hallgren", "Norrman", "Ekelund", "Söderqvist", "Blomgren",
};

void smp_text_person(gsl_rng *r, char buf[static SMP_NAME_MAX])
{
	snprintf(buf, SMP_NAME_MAX, "%.20s %.24s",
	         smp_rng_string(r, first_names, SMP_COUNT(first_names)),
	         smp_rng_string(r, last_names, SMP_COUNT(last_names)));
}

void smp_text_staff(gsl_rng *r, char buf[static SMP_NAME_MAX])
{
	snprintf(buf, SMP_NAME_MAX, "%.20s %.24s",
	         smp_rng_string(r, staff_first, SMP_COUNT(staff_first)),
	         smp_rng_string(r, staff_last, SMP_COUNT(staff_last)));
}

/* The Luhn check digit (0-9) of the nine digits YYMMDDNNN. */
static int smp_text_luhn(const char digits[static 9])
{
	int sum = 0, i;

	for (i = 0; i < 9; i++) {
		int v = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);

		sum += v > 9 ? v - 9 : v;
	}
	return (10 - sum % 10) % 10;
}

void smp_text_personnummer(gsl_rng *r, int long_form,
                           char buf[static SMP_PNR_MAX])
{
	char nine[10];
	/* Birth years 2080-2099 in the 12-digit form: Luhn-valid and detected
	 * like any personnummer, but no living person can hold one, so the
	 * committed sample carries nobody's real number. */
	int y = smp_rng_int(r, 2080, 2099);
	int m = smp_rng_int(r, 1, 12);
	int d = smp_rng_int(r, 1, smp_date_days_in_month(y, m));
	int serial = smp_rng_int(r, 1, 999);

	snprintf(nine, sizeof nine, "%02u%02u%02u%03u", (unsigned)y % 100u,
	         (unsigned)m % 100u, (unsigned)d % 100u, (unsigned)serial % 1000u);
	/* Both variants are 12-digit: with the separator, or digits only. */
	if (long_form)
		snprintf(buf, SMP_PNR_MAX, "%02u%.6s%.3s%d",
		         (unsigned)(y / 100) % 100u, nine, nine + 6,
		         smp_text_luhn(nine));
	else
		snprintf(buf, SMP_PNR_MAX, "%02u%.6s-%.3s%d",
		         (unsigned)(y / 100) % 100u, nine, nine + 6,
		         smp_text_luhn(nine));
}

static const char *const places_city[] = {
	"Karlaplan", "Östermalmstorg", "Humlegården", "Stureplan",
	"Valhallavägen", "Strandvägen", "Fältöversten", "Storgatan",
	"Nybroplan", "Linnégatan",
};
static const char *const places_lark[] = {
	"Lärkstigen", "Engelbrektskyrkan", "Danderydsgatan",
};
static const char *const places_gardet[] = {
	"Tessinparken", "Gärdesgatan", "Värtavägen", "Lidingövägen",
	"Sandhamnsplan", "Furusundsgatan", "Gärdets tunnelbanestation",
};
static const char *const places_hjort[] = {
	"Hjorthagens IP", "Ropstens tunnelbanestation", "Hjorthagsparken",
	"Lindarängsvägen", "Hjorthagens kyrka",
};
static const char *const places_nds[] = {
	"Gasverket", "Husarviken", "Artemisgatan", "Jaktgatan", "Brofästet",
};
static const char *const places_djurg[] = {
	"Djurgårdsbron", "Djurgårdsvägen", "Rosendalsvägen", "Allmänna gränd",
};
static const char *const places_frih[] = {
	"Frihamnsgatan", "Loudden", "Värtaterminalen",
};

const char *smp_text_place(gsl_rng *r, int area)
{
	switch (area) {
	case 0: return smp_rng_string(r, places_city, SMP_COUNT(places_city));
	case 1: return smp_rng_string(r, places_lark, SMP_COUNT(places_lark));
	case 2: return smp_rng_string(r, places_gardet, SMP_COUNT(places_gardet));
	case 3: return smp_rng_string(r, places_hjort, SMP_COUNT(places_hjort));
	case 4: return smp_rng_string(r, places_nds, SMP_COUNT(places_nds));
	case 5: return smp_rng_string(r, places_djurg, SMP_COUNT(places_djurg));
	case 6: return smp_rng_string(r, places_frih, SMP_COUNT(places_frih));
	default: return smp_rng_string(r, places_city, SMP_COUNT(places_city));
	}
}

void smp_sbuf_init(smp_sbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	sb->overflow = 0;
	buf[0] = '\0';
}

void smp_sbuf_printf(smp_sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->size - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sb->size - sb->len) {
		sb->overflow = 1;
		sb->buf[sb->len] = '\0';
		return;
	}
	sb->len += (size_t)n;
}
