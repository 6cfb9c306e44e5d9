/* sample_date: calendar arithmetic for the generator (day numbers, minute stamps, formatting). */
#ifndef SMP_DATE_H
#define SMP_DATE_H

#include <stdint.h>

/* A day is the number of days since 1970-01-01 (proleptic Gregorian); a
 * minute stamp is minutes since 1970-01-01 00:00. */
enum { SMP_MIN_PER_DAY = 1440 };

int32_t smp_date_day(int y, int m, int d);
void smp_date_ymd(int32_t day, int *y, int *m, int *d);
int smp_date_days_in_month(int y, int m);

/* 0 = Monday .. 6 = Sunday. */
int smp_date_weekday(int32_t day);

/* The last day of the sample in year y: 31 December, or the sample's last
 * day in its last year. */
int32_t smp_date_year_end(int y);

/* "YYYY-MM-DD" into buf (11 bytes). */
void smp_date_format(int32_t day, char buf[static 11]);

/* "YYYY-MM-DD HH:MM" into buf (17 bytes). */
void smp_date_format_minute(int64_t minute, char buf[static 17]);

#endif
