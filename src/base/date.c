/* date: civil-calendar arithmetic on day numbers (see date.h). */
#include "base/date.h"

#include <stdio.h>

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

/* Days from civil date, the era-based algorithm (400-year cycles of
 * 146097 days), valid for every year in int range we accept. */
int32_t date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int32_t z = day + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, int32_t *day, int64_t *stamp)
{
	int y, m, d, hh = 0, mm = 0, ss = 0;
	const char *t;

	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) ||
	    s[7] != '-' || digits(s + 8, 2, &d))
		return -1;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	t = s + 10;
	if (*t == ' ' || *t == 'T') {
		t++;
		if (digits(t, 2, &hh) || t[2] != ':' || digits(t + 3, 2, &mm))
			return -1;
		t += 5;
		if (*t == ':') {
			if (digits(t + 1, 2, &ss))
				return -1;
			t += 3;
		}
		if (hh > 23 || mm > 59 || ss > 59)
			return -1;
	}
	if (*t != '\0')
		return -1;
	*day = date_from_ymd(y, m, d);
	if (stamp)
		*stamp = (int64_t)*day * 86400 + hh * 3600 + mm * 60 + ss;
	return 0;
}

void date_format(int32_t day, char buf[static 11])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}
