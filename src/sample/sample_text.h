/* sample_text: fictitious names, Luhn-valid personnummer and place names for free-text fields. */
#ifndef SMP_TEXT_H
#define SMP_TEXT_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

enum { SMP_NAME_MAX = 48, SMP_PNR_MAX = 16 };

/* A fictitious "Förnamn Efternamn" of a member of the public. */
void smp_text_person(gsl_rng *r, char buf[static SMP_NAME_MAX]);

/* A fictitious staff member's name (only in unknown extra columns and
 * comments). */
void smp_text_staff(gsl_rng *r, char buf[static SMP_NAME_MAX]);

/* A fictitious personnummer with a birth date in 2080-2099 (so no living
 * person holds it) and a valid Luhn digit, always 12 digits:
 * "YYYYMMDD-NNNN", or "YYYYMMDDNNNN" when long_form is set. */
void smp_text_personnummer(gsl_rng *r, int long_form,
                           char buf[static SMP_PNR_MAX]);


/* A bounded text builder: appends stop at the end of the buffer and set
 * overflow, which the caller treats as a bug (the buffers are sized for
 * the longest text the templates make). */
typedef struct smp_sbuf {
	char *buf;
	size_t size;
	size_t len;
	int overflow;
} smp_sbuf;

void smp_sbuf_init(smp_sbuf *sb, char *buf, size_t size);
void smp_sbuf_printf(smp_sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A street, square or park in area (0..6, order of sample_population). */
const char *smp_text_place(gsl_rng *r, int area);

#endif
