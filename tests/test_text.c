/* test_text: trimming, case-folded comparison of headers and codes (ASCII and
 * the Latin-1 letters of Swedish), and the UTF-8 validity check against the
 * RFC 3629 table (overlong forms, surrogates, > U+10FFFF, cut sequences). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- text_trim ------------------------------------------------------------ */

struct trim_case {
	const char *name;
	const char *in;
	const char *want;
	size_t start; /* offset of the result in the buffer */
};

static const struct trim_case trim_cases[] = {
	{ .name = "nothing to trim", .in = "Ja", .want = "Ja", .start = 0 },
	{ .name = "spaces both sides, inner space kept", .in = "  Park och gata  ",
	  .want = "Park och gata", .start = 2 },
	{ .name = "tab, CR and LF", .in = "\t\r\nMiljö\r\n", .want = "Miljö", .start = 3 },
	{ .name = "only blanks", .in = " \t\r\n ", .want = "", .start = 5 },
	{ .name = "empty", .in = "", .want = "", .start = 0 },
	{ .name = "non-breaking space (U+00A0) is not a blank", .in = "\xC2\xA0x",
	  .want = "\xC2\xA0x", .start = 0 },
	{ .name = "trailing multibyte letter kept whole", .in = "Okänd Ö ",
	  .want = "Okänd Ö", .start = 0 },
};

static void test_trim(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(trim_cases); i++) {
		const struct trim_case *c = &trim_cases[i];
		char buf[64];
		char *got;

		snprintf(buf, sizeof(buf), "%s", c->in);
		got = text_trim(buf);
		CHECK(strcmp(got, c->want) == 0, "[%s] text_trim: got \"%s\", want \"%s\"",
		      c->name, got, c->want);
		CHECK(got == buf + c->start,
		      "[%s] text_trim returned offset %td, want %zu (in place, start moved)",
		      c->name, got - buf, c->start);
	}
}

/* ---- text_equal_fold ------------------------------------------------------ */

struct fold_case {
	const char *name;
	const char *a, *b;
	int equal;
};

static const struct fold_case fold_cases[] = {
	{ "MILJÖ is Miljö", "MILJÖ", "Miljö", 1 },
	{ "ÅÄÖ is åäö", "ÅÄÖ", "åäö", 1 },
	{ "É is é", "É", "é", 1 },
	{ "Ü is ü", "Ü", "ü", 1 },
	{ "ASCII case", "koppling vbe", "Koppling VBE", 1 },
	{ "code with Swedish letters", "VIT MAKT-MILJÖN", "Vit makt-miljön", 1 },
	{ "trimmed on both sides", "  ja \t", "\r\nJa\r\n", 1 },
	{ "identical", "Gärdet", "Gärdet", 1 },
	{ "both empty", "", "", 1 },
	{ "empty and blanks", "", " \t ", 1 },
	{ "different words", "Ja", "Nej", 0 },
	{ "a prefix is not equal", "Ja", "Jaa", 0 },
	{ "a prefix is not equal (other side)", "Miljön", "Miljö", 0 },
	{ "empty is not a word", "", "Ja", 0 },
	{ "å is not ä", "å", "ä", 0 },
	{ "Ö is not O", "Ö", "O", 0 },
	{ "ö is not o", "Miljö", "Miljo", 0 },
	{ "× (not a letter) is not ÷", "×", "÷", 0 },
	{ "inner spaces count", "Park och gata", "Park  och gata", 0 },
	{ "inner space is not nothing", "a b", "ab", 0 },
	{ "ß stays ß", "ß", "ß", 1 },
};

static void test_equal_fold(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(fold_cases); i++) {
		const struct fold_case *c = &fold_cases[i];
		int ab = text_equal_fold(c->a, c->b);
		int ba = text_equal_fold(c->b, c->a);

		CHECK(ab == c->equal, "[%s] text_equal_fold(\"%s\", \"%s\") = %d, want %d",
		      c->name, c->a, c->b, ab, c->equal);
		CHECK(ba == c->equal, "[%s] text_equal_fold(\"%s\", \"%s\") = %d, want %d (swapped)",
		      c->name, c->b, c->a, ba, c->equal);
	}
}

/* ---- text_is_utf8 --------------------------------------------------------- */

struct utf8_case {
	const char *name;
	const char *bytes;
	size_t n;
	int valid;
};

/* n is the literal's length unless a case says otherwise. */
#define U(name, lit, valid) { name, lit, sizeof(lit) - 1, valid }

static const struct utf8_case utf8_cases[] = {
	U("empty", "", 1),
	U("ASCII", "Koppling VBE;Ja", 1),
	U("2-byte ö (C3 B6)", "\xC3\xB6", 1),
	U("2-byte lowest U+0080", "\xC2\x80", 1),
	U("3-byte € (E2 82 AC)", "\xE2\x82\xAC", 1),
	U("3-byte lowest U+0800", "\xE0\xA0\x80", 1),
	U("3-byte U+D7FF just below the surrogates", "\xED\x9F\xBF", 1),
	U("3-byte U+E000 just above the surrogates", "\xEE\x80\x80", 1),
	U("4-byte U+1F600", "\xF0\x9F\x98\x80", 1),
	U("4-byte lowest U+10000", "\xF0\x90\x80\x80", 1),
	U("4-byte highest U+10FFFF", "\xF4\x8F\xBF\xBF", 1),
	U("mixed Swedish text", "Östermalm city, Lärkstaden – Gärdet", 1),
	U("overlong NUL C0 80", "\xC0\x80", 0),
	U("overlong C1 BF", "\xC1\xBF", 0),
	U("overlong 3-byte E0 80 80", "\xE0\x80\x80", 0),
	U("overlong 3-byte U+07FF E0 9F BF", "\xE0\x9F\xBF", 0),
	U("overlong 4-byte F0 80 80 80", "\xF0\x80\x80\x80", 0),
	U("overlong 4-byte U+FFFF F0 8F BF BF", "\xF0\x8F\xBF\xBF", 0),
	U("surrogate U+D800", "\xED\xA0\x80", 0),
	U("surrogate U+DFFF", "\xED\xBF\xBF", 0),
	U("U+110000 above the range", "\xF4\x90\x80\x80", 0),
	U("lead byte F5", "\xF5\x80\x80\x80", 0),
	U("byte FF", "\xFF", 0),
	U("byte FE", "\xFE", 0),
	U("lone continuation byte", "a\x80z", 0),
	U("continuation missing (C3 then ASCII)", "\xC3(", 0),
	U("truncated 2-byte at the end", "ab\xC3", 0),
	U("truncated 3-byte at the end", "\xE2\x82", 0),
	U("truncated 4-byte at the end", "\xF0\x9F\x98", 0),
	U("Windows-1252 ö (F6) in a word", "Milj\xF6", 0),
	{ "n cuts a 2-byte sequence", "\xC3\xB6", 1, 0 },
	{ "n stops before a bad byte", "abc\xFF", 3, 1 },
	{ "n = 0 on a bad byte", "\xFF", 0, 1 },
	{ "embedded NUL within n", "a\0b", 3, 1 },
};

static void test_is_utf8(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(utf8_cases); i++) {
		const struct utf8_case *c = &utf8_cases[i];
		int got = text_is_utf8(c->bytes, c->n);

		CHECK(got == c->valid, "[%s] text_is_utf8(n = %zu) = %d, want %d", c->name,
		      c->n, got, c->valid);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_equal_fold),
		cmocka_unit_test(test_is_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
