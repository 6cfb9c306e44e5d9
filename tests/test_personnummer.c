/* Tests of personnummer: detection and masking of Swedish personal identity
 * numbers. Check digits were computed by hand with the Luhn rule (weights
 * 2,1,2,1,... over YYMMDDNNNC, digit sums of the products, total % 10 == 0);
 * 121212-1212 is Skatteverket's published test number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/personnummer.h"

struct pnr_case {
	const char *name;
	const char *input;
	int found;            /* numbers expected */
	const char *masked;   /* expected masked text */
};

static const struct pnr_case cases[] = {
	{.name = "10 digits with -", .input = "850101-1236", .found = 1, .masked = "[personnummer]"},
	{.name = "10 digits with +", .input = "850101+1236", .found = 1, .masked = "[personnummer]"},
	{.name = "10 digits plain", .input = "8501011236", .found = 1, .masked = "[personnummer]"},
	{.name = "12 digits with -", .input = "19850101-1236", .found = 1, .masked = "[personnummer]"},
	{.name = "12 digits plain", .input = "198501011236", .found = 1, .masked = "[personnummer]"},
	{.name = "Skatteverket test number", .input = "19121212-1212", .found = 1, .masked = "[personnummer]"},
	{.name = "samordningsnummer (day + 60)", .input = "850161-1233", .found = 1, .masked = "[personnummer]"},
	{.name = "inside text", .input = "Enhet 850101-1236 Gärdet", .found = 1,
	 .masked = "Enhet [personnummer] Gärdet"},
	{.name = "two numbers", .input = "121212-1212/8501011236", .found = 2,
	 .masked = "[personnummer]/[personnummer]"},
	{.name = "bad check digit", .input = "850101-1237", .found = 0, .masked = "850101-1237"},
	{.name = "month 13", .input = "851301-1230", .found = 0, .masked = "851301-1230"},
	{.name = "30 February", .input = "850230-1230", .found = 0, .masked = "850230-1230"},
	{.name = "day 92 is no samordningsnummer", .input = "850192-1230", .found = 0, .masked = "850192-1230"},
	{.name = "longer digit run before", .input = "1850101-1236", .found = 0, .masked = "1850101-1236"},
	{.name = "longer digit run after", .input = "850101-12361", .found = 0, .masked = "850101-12361"},
	{.name = "IA case id", .input = "IA-2019-004512", .found = 0, .masked = "IA-2019-004512"},
	{.name = "date and time", .input = "2019-03-14 16:45", .found = 0, .masked = "2019-03-14 16:45"},
	{.name = "empty", .input = "", .found = 0, .masked = ""},
	/* 7107613031 alone would pass: 710761 is a plausible samordningsnummer
	 * date (day 61 = 1) and its check digit holds. As a fraction it is not. */
	{.name = "bare digits that pass", .input = "7107613031", .found = 1, .masked = "[personnummer]"},
	{.name = "decimal fraction with point", .input = "0.7107613031", .found = 0, .masked = "0.7107613031"},
	{.name = "decimal fraction with comma", .input = "1,7107613031", .found = 0, .masked = "1,7107613031"},
	{.name = "digits before a decimal part", .input = "8501011236,5", .found = 0, .masked = "8501011236,5"},
	{.name = "sentence comma after a number", .input = "850101-1236, Gärdet", .found = 1,
	 .masked = "[personnummer], Gärdet"},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct pnr_case *c = &cases[i];
		char out[128];
		int n = personnummer_mask(c->input, out, sizeof(out));

		if (n != c->found || strcmp(out, c->masked) != 0 ||
		    personnummer_find(c->input) != (c->found > 0))
			fail_msg("case '%s': input '%s' gave %d numbers and '%s', expected %d and '%s'",
			         c->name, c->input, n, out, c->found, c->masked);
	}
}

static void test_small_buffer(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(personnummer_mask("x 850101-1236 y", out, sizeof(out)), 1);
	/* Truncated, never a partial number: the mask does not fit, so it is
	 * left out, and the output is always terminated. */
	assert_true(strlen(out) < sizeof(out));
	assert_null(strstr(out, "8501"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
