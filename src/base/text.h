/* text: the few operations on UTF-8 strings that matching headers and code
 * values needs: trimming, and comparison that ignores case for ASCII and
 * the Latin-1 letters (so `MILJÖ` matches `Miljö`). */
#ifndef VBS_TEXT_H
#define VBS_TEXT_H

#include <stddef.h>

/* Returns s without leading and trailing spaces, tabs, CR and LF, by moving
 * the start and writing a NUL over the first trailing blank (in place). */
char *text_trim(char *s);

/* 1 when a and b are equal after trimming and case folding, else 0. */
int text_equal_fold(const char *a, const char *b);

/* 1 when the first n bytes of s are valid UTF-8, else 0. */
int text_is_utf8(const char *s, size_t n);

#endif
