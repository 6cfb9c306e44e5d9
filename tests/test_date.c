/* test_date: day numbers against an independent day count from 1900 to
 * 2100, known day numbers (from `date -u -d DATE +%s` / 86400), leap years,
 * and date_parse's accepted and refused shapes with their second stamps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"


/* Seconds in a day, to build expected stamps by hand. */
enum { SEC_PER_DAY = 86400 };

/* ---- day numbers ---------------------------------------------------------- */

/* Leap rule written out again, not taken from date.c. */
static int leap(int y)
{
	if (y % 400 == 0)
		return 1;
	if (y % 100 == 0)
		return 0;
	return y % 4 == 0;
}

/* Walks every day 1900-01-01 .. 2100-12-31 with a plain counter that starts
 * at 1900-01-01 = -25567 (`date -u -d 1900-01-01 +%s` / 86400), and checks
 * both directions and date_format at each day. */
static void test_round_trip_1900_2100(void **state)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int32_t n = -25567;

	(void)state;
	for (int y = 1900; y <= 2100; y++) {
		for (int m = 1; m <= 12; m++) {
			int dim = mdays[m - 1] + (m == 2 && leap(y));

			CHECK(date_days_in_month(y, m) == dim,
			      "date_days_in_month(%d, %d) = %d, want %d", y, m,
			      date_days_in_month(y, m), dim);
			for (int d = 1; d <= dim; d++, n++) {
				int gy, gm, gd;
				char want[40], got[16];

				CHECK(date_from_ymd(y, m, d) == n,
				      "date_from_ymd(%04d-%02d-%02d) = %d, want %d", y, m, d,
				      (int)date_from_ymd(y, m, d), (int)n);
				date_to_ymd(n, &gy, &gm, &gd);
				CHECK(gy == y && gm == m && gd == d,
				      "date_to_ymd(%d) = %04d-%02d-%02d, want %04d-%02d-%02d",
				      (int)n, gy, gm, gd, y, m, d);
				snprintf(want, sizeof(want), "%04d-%02d-%02d", y, m, d);
				date_format(n, got);
				CHECK(strcmp(got, want) == 0, "date_format(%d) = \"%s\", want \"%s\"",
				      (int)n, got, want);
			}
		}
	}
	/* 2100-12-31 = 47846 by `date`: the counter ends one day after it. */
	CHECK(n == 47847, "the walk ended at day %d, want 47847 (2101-01-01)", (int)n);
}

struct known_day {
	const char *name;
	int y, m, d;
	int32_t day; /* from `date -u -d YYYY-MM-DD +%s` / 86400 */
};

static const struct known_day known_days[] = {
	{ .name = "the epoch", .y = 1970, .m = 1, .d = 1, .day = 0 },
	{ .name = "the day before the epoch", .y = 1969, .m = 12, .d = 31, .day = -1 },
	{ .name = "first day after a 400-year leap day", .y = 2000, .m = 3, .d = 1, .day = 11017 },
	{ .name = "the 400-year leap day", .y = 2000, .m = 2, .d = 29, .day = 11016 },
	{ .name = "leap day 2024", .y = 2024, .m = 2, .d = 29, .day = 19782 },
	{ .name = "the sample's as-of date", .y = 2026, .m = 10, .d = 31, .day = 20757 },
	{ .name = "first day of 1900", .y = 1900, .m = 1, .d = 1, .day = -25567 },
	{ .name = "last day of 2100", .y = 2100, .m = 12, .d = 31, .day = 47846 },
};

static void test_known_days(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(known_days) / sizeof(known_days[0]); i++) {
		const struct known_day *k = &known_days[i];
		int y, m, d;

		CHECK(date_from_ymd(k->y, k->m, k->d) == k->day,
		      "[%s] date_from_ymd(%04d-%02d-%02d) = %d, want %d", k->name,
		      k->y, k->m, k->d, (int)date_from_ymd(k->y, k->m, k->d), (int)k->day);
		date_to_ymd(k->day, &y, &m, &d);
		CHECK(y == k->y && m == k->m && d == k->d,
		      "[%s] date_to_ymd(%d) = %04d-%02d-%02d", k->name, (int)k->day, y, m, d);
	}
}

struct leap_case {
	const char *name;
	int y;
	int leap;
	int feb; /* days in February */
};

static const struct leap_case leap_cases[] = {
	{ .name = "1900: divisible by 100, not by 400", .y = 1900, .leap = 0, .feb = 28 },
	{ .name = "2000: divisible by 400", .y = 2000, .leap = 1, .feb = 29 },
	{ .name = "2024: divisible by 4", .y = 2024, .leap = 1, .feb = 29 },
	{ .name = "2023: ordinary year", .y = 2023, .leap = 0, .feb = 28 },
	{ .name = "2100: divisible by 100, not by 400", .y = 2100, .leap = 0, .feb = 28 },
	{ .name = "1600: divisible by 400", .y = 1600, .leap = 1, .feb = 29 },
};

static void test_leap_years(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(leap_cases) / sizeof(leap_cases[0]); i++) {
		const struct leap_case *c = &leap_cases[i];

		CHECK(date_is_leap(c->y) == c->leap, "[%s] date_is_leap(%d) = %d, want %d",
		      c->name, c->y, date_is_leap(c->y), c->leap);
		CHECK(date_days_in_month(c->y, 2) == c->feb,
		      "[%s] date_days_in_month(%d, 2) = %d, want %d", c->name, c->y,
		      date_days_in_month(c->y, 2), c->feb);
	}
}

/* ---- date_parse ----------------------------------------------------------- */

struct parse_case {
	const char *name;
	const char *text;
	int ok;         /* 1: accepted */
	int32_t day;    /* when accepted */
	int64_t second; /* when accepted */
};

/* 2021-03-14 = day 18700 and 2021-03-14 16:45 = second 1615740300, both by
 * `date -u -d ... +%s` (/ 86400 for the day). */
#define D20210314 18700
#define S20210314 ((int64_t)D20210314 * SEC_PER_DAY)

static const struct parse_case parse_cases[] = {
	/* accepted */
	{ .name = "date only: 00:00", .text = "2021-03-14", .ok = 1,
	  .day = D20210314, .second = S20210314 },
	{ .name = "date, space, HH:MM", .text = "2021-03-14 16:45", .ok = 1,
	  .day = D20210314, .second = 1615740300 },
	{ .name = "date, T, HH:MM:SS (seconds kept)", .text = "2021-03-14T16:45:59",
	  .ok = 1, .day = D20210314, .second = 1615740359 },
	{ .name = "date, T, HH:MM", .text = "2021-03-14T16:45", .ok = 1,
	  .day = D20210314, .second = 1615740300 },
	{ .name = "last second of the day", .text = "2021-03-14 23:59:59", .ok = 1,
	  .day = D20210314, .second = S20210314 + 23 * 3600 + 59 * 60 + 59 },
	{ .name = "explicit midnight", .text = "2021-03-14 00:00", .ok = 1,
	  .day = D20210314, .second = S20210314 },
	{ .name = "the epoch's first minute", .text = "1970-01-01 00:01", .ok = 1,
	  .day = 0, .second = 60 },
	{ .name = "last minute before the epoch", .text = "1969-12-31 23:59", .ok = 1,
	  .day = -1, .second = -60 },
	{ .name = "leap day 2000", .text = "2000-02-29", .ok = 1,
	  .day = 11016, .second = 11016 * SEC_PER_DAY },
	{ .name = "leap day 2024 with time", .text = "2024-02-29 12:30", .ok = 1,
	  .day = 19782, .second = 19782 * SEC_PER_DAY + 12 * 3600 + 30 * 60 },
	{ .name = "the sample's as-of date", .text = "2026-10-31", .ok = 1,
	  .day = 20757, .second = 20757 * SEC_PER_DAY },
	/* refused */
	{ .name = "30 February", .text = "2021-02-30" },
	{ .name = "29 February in a common year", .text = "2023-02-29" },
	{ .name = "29 February 1900 (not a leap year)", .text = "1900-02-29" },
	{ .name = "31 April", .text = "2021-04-31" },
	{ .name = "month 13", .text = "2021-13-01" },
	{ .name = "month 00", .text = "2021-00-10" },
	{ .name = "day 00", .text = "2021-03-00" },
	{ .name = "day 32", .text = "2021-01-32" },
	{ .name = "Swedish d/m/yyyy", .text = "14/3/2021" },
	{ .name = "month and day without leading zeros", .text = "2021-1-5" },
	{ .name = "yyyymmdd without dashes", .text = "20210314" },
	{ .name = "trailing junk", .text = "2021-03-14x" },
	{ .name = "trailing space", .text = "2021-03-14 " },
	{ .name = "leading space", .text = " 2021-03-14" },
	{ .name = "junk after the time", .text = "2021-03-14 16:45 CET" },
	{ .name = "T and no time", .text = "2021-03-14T" },
	{ .name = "hour 24", .text = "2021-03-14 24:00" },
	{ .name = "minute 60", .text = "2021-03-14 23:60" },
	{ .name = "second 60", .text = "2021-03-14 23:59:60" },
	{ .name = "one-digit hour", .text = "2021-03-14 1:05" },
	{ .name = "hour only", .text = "2021-03-14 16" },
	{ .name = "one-digit minute", .text = "2021-03-14 16:4" },
	{ .name = "colon and no seconds", .text = "2021-03-14 16:45:" },
	{ .name = "two spaces before the time", .text = "2021-03-14  16:45" },
	{ .name = "underscore before the time", .text = "2021-03-14_16:45" },
	{ .name = "empty", .text = "" },
	{ .name = "year only", .text = "2021" },
	{ .name = "cut after the month", .text = "2021-03" },
	{ .name = "letters", .text = "igår" },
};

static void test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		const struct parse_case *c = &parse_cases[i];
		int32_t day = 12345, day_only = 12345;
		int64_t second = 12345;
		int rc = date_parse(c->text, &day, &second);

		if (!c->ok) {
			CHECK(rc == -1, "[%s] date_parse(\"%s\") = %d, want -1 (refused)",
			      c->name, c->text, rc);
			continue;
		}
		CHECK(rc == 0, "[%s] date_parse(\"%s\") = %d, want 0", c->name, c->text, rc);
		CHECK(day == c->day, "[%s] date_parse(\"%s\"): day %d, want %d", c->name,
		      c->text, (int)day, (int)c->day);
		CHECK(second == c->second, "[%s] date_parse(\"%s\"): second %lld, want %lld",
		      c->name, c->text, (long long)second, (long long)c->second);
		CHECK(date_parse(c->text, &day_only, NULL) == 0 && day_only == c->day,
		      "[%s] date_parse(\"%s\") with stamp NULL: day %d, want %d",
		      c->name, c->text, (int)day_only, (int)c->day);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_1900_2100),
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
