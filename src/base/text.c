/* text: trimming and case-insensitive comparison of UTF-8 (see text.h). */
#include "base/text.h"

#include <string.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *text_trim(char *s)
{
	char *end;

	while (is_blank(*s))
		s++;
	end = s + strlen(s);
	while (end > s && is_blank(end[-1]))
		end--;
	*end = '\0';
	return s;
}

/* Reads one code point for folding: ASCII letters and the Latin-1
 * upper-case letters U+00C0..U+00DE (but U+00D7 ×) map to lower case. Other
 * bytes pass through one at a time, which is enough for equality. */
static unsigned next_folded(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c;

	if (s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
		c = 0xC0u + (s[1] - 0x80u);
		*p = s + 2;
		if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
			c += 0x20;
		return c;
	}
	c = s[0];
	*p = s + 1;
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return c;
}

int text_equal_fold(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	const unsigned char *pe, *qe;

	while (is_blank((char)*p))
		p++;
	while (is_blank((char)*q))
		q++;
	pe = p + strlen((const char *)p);
	qe = q + strlen((const char *)q);
	while (pe > p && is_blank((char)pe[-1]))
		pe--;
	while (qe > q && is_blank((char)qe[-1]))
		qe--;
	while (p < pe && q < qe) {
		if (next_folded(&p) != next_folded(&q))
			return 0;
	}
	return p == pe && q == qe;
}

int text_is_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}
