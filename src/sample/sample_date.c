/* sample_date: calendar arithmetic for the generator (day numbers, minute stamps, formatting). */
#include "sample/sample_date.h"

#include <stdio.h>

#include "sample/sample_ctx.h"

/* Days from civil, after H. Hinnant's public-domain algorithm. */
int32_t smp_date_day(int y, int m, int d)
{
	int yy = y - (m <= 2);
	int era = (yy >= 0 ? yy : yy - 399) / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t)(era * 146097 + doe - 719468);
}

void smp_date_ymd(int32_t day, int *y, int *m, int *d)
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

int smp_date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

int smp_date_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (3). */
	int32_t w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int32_t smp_date_year_end(int y)
{
	if (y >= SMP_LAST_YEAR)
		return smp_date_day(SMP_LAST_YEAR, SMP_LAST_MONTH, SMP_LAST_MDAY);
	return smp_date_day(y, 12, 31);
}

void smp_date_format(int32_t day, char buf[static 11])
{
	int y, m, d;

	smp_date_ymd(day, &y, &m, &d);
	/* The year is always four digits here, so 11 bytes suffice. */
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	         (unsigned)m % 100u, (unsigned)d % 100u);
}

void smp_date_format_minute(int64_t minute, char buf[static 17])
{
	int32_t day = (int32_t)(minute / SMP_MIN_PER_DAY);
	int mod = (int)(minute % SMP_MIN_PER_DAY);
	int y, m, d;

	smp_date_ymd(day, &y, &m, &d);
	snprintf(buf, 17, "%04u-%02u-%02u %02u:%02u", (unsigned)y % 10000u,
	         (unsigned)m % 100u, (unsigned)d % 100u,
	         (unsigned)(mod / 60) % 100u, (unsigned)mod % 60u);
}
