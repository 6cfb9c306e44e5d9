/* personnummer: detecting and masking identity numbers (see personnummer.h). */
#include "base/personnummer.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Luhn over the ten digits d[0..9] (YYMMDDNNNC): weights 2,1,2,1,... */
static int luhn_ok(const char d[10])
{
	int sum = 0;

	for (int i = 0; i < 10; i++) {
		int v = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);

		sum += v > 9 ? v - 9 : v;
	}
	return sum % 10 == 0;
}

/* The date part YYMMDD (century unknown: any leap rule year) or YYYYMMDD. */
static int plausible_date(int year, int month, int day)
{
	if (month < 1 || month > 12)
		return 0;
	if (day > 60)
		day -= 60; /* samordningsnummer */
	return day >= 1 && day <= date_days_in_month(year, month);
}

/* Length of a match starting at s[0] (a digit not preceded by a digit), or
 * 0. The digits run: 6 or 8 date digits, an optional '-' or '+', 4 digits,
 * then no further digit. */
static size_t match_at(const char *s)
{
	for (int date_len = 6; date_len <= 8; date_len += 2) {
		char ten[10];
		size_t i = 0;
		int year, month, day;

		while ((int)i < date_len && is_digit(s[i]))
			i++;
		if ((int)i != date_len)
			return 0;
		if (s[i] == '-' || s[i] == '+')
			i++;
		if (!(is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
		      is_digit(s[i + 3])) || is_digit(s[i + 4]))
			continue;
		year = date_len == 8 ? num(s, 4) : 2000 + num(s, 2);
		month = num(s + date_len - 4, 2);
		day = num(s + date_len - 2, 2);
		memcpy(ten, s + date_len - 6, 6);
		memcpy(ten + 6, s + i, 4);
		if (plausible_date(year, month, day) && luhn_ok(ten))
			return i + 4;
	}
	return 0;
}

int personnummer_mask(const char *s, char *out, size_t size)
{
	size_t o = 0;
	int found = 0;

	for (size_t i = 0; s[i];) {
		size_t len = 0;

		/* A run of digits that starts after a decimal point or comma is
		 * a fraction (0.7107613031), not an identity number. */
		if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1])) &&
		    !(i >= 2 && (s[i - 1] == '.' || s[i - 1] == ',') && is_digit(s[i - 2])))
			len = match_at(s + i);
		/* Nor is one whose last digit is followed by a decimal part. */
		if (len && (s[i + len] == '.' || s[i + len] == ',') && is_digit(s[i + len + 1]))
			len = 0;
		if (len) {
			found++;
			if (out && o + sizeof(PERSONNUMMER_MASK) <= size) {
				memcpy(out + o, PERSONNUMMER_MASK, sizeof(PERSONNUMMER_MASK) - 1);
				o += sizeof(PERSONNUMMER_MASK) - 1;
			}
			i += len;
			continue;
		}
		if (out && o + 1 < size)
			out[o++] = s[i];
		i++;
	}
	if (out && size)
		out[o < size ? o : size - 1] = '\0';
	return found;
}

int personnummer_find(const char *s)
{
	return personnummer_mask(s, NULL, 0) > 0;
}
