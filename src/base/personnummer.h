/* personnummer: finding Swedish personal identity numbers (personnummer and
 * samordningsnummer) in a text, so that one typed into a column that is not
 * free text is reported masked and never copied anywhere.
 *
 * A match is 10 or 12 digits, YYMMDD[-+]NNNN or YYYYMMDD[-+]NNNN with the
 * separator optional, not part of a longer run of digits, whose date is
 * plausible (month 1-12, day valid for the month, or day + 60 for a
 * samordningsnummer) and whose last digit is the Luhn check digit of the
 * ten-digit form. Digits that belong to a decimal number (after "0." or
 * before ",5") are not an identity number. */
#ifndef VBS_PERSONNUMMER_H
#define VBS_PERSONNUMMER_H

#include <stddef.h>

#define PERSONNUMMER_MASK "[personnummer]"

/* 1 when s holds at least one personal identity number, else 0. */
int personnummer_find(const char *s);

/* Copies s into out (size bytes, always NUL-terminated) with every personal
 * identity number replaced by PERSONNUMMER_MASK. Returns the number of
 * numbers masked. */
int personnummer_mask(const char *s, char *out, size_t size);

#endif
