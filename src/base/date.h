/* date: calendar dates and times as plain integers, so that staged records
 * never hold date strings. A day is the number of days since 1970-01-01
 * (proleptic Gregorian, may be negative); a stamp is seconds since
 * 1970-01-01 00:00:00 (no time zone: the exports' local times compare as
 * written). */
#ifndef VBS_DATE_H
#define VBS_DATE_H

#include <stdint.h>

/* Marks a missing day in a record. */
#define DATE_NONE INT32_MIN
/* Marks a missing stamp; less than every valid stamp. */
#define STAMP_NONE INT64_MIN

/* Day number of a valid y-m-d. */
int32_t date_from_ymd(int y, int m, int d);

/* Splits a day number into year, month (1-12) and day (1-31). */
void date_to_ymd(int32_t day, int *y, int *m, int *d);

/* Parses "YYYY-MM-DD", optionally followed by " " or "T" and "HH:MM" or
 * "HH:MM:SS", with nothing else around it; years 1900-2999. Sets *day and,
 * when stamp is not NULL, *stamp (the day at 00:00:00 when no time is
 * given). Returns 0, or -1 when the text is not such a date or names an
 * impossible date or time. */
int date_parse(const char *text, int32_t *day, int64_t *stamp);

/* Writes "YYYY-MM-DD" (11 bytes with the NUL) into buf. */
void date_format(int32_t day, char buf[static 11]);

/* 1 when y is a leap year. */
int date_is_leap(int y);

/* Days in month m of year y. */
int date_days_in_month(int y, int m);

#endif
