/* check: the assertion the table-driven tests share: CHECK(cond, fmt, ...)
 * fails the current cmocka test with file:line and a sentence that names
 * the case and what broke. Include after <cmocka.h>. */
#ifndef VBS_TEST_CHECK_H
#define VBS_TEST_CHECK_H

#define CHECK(cond, ...) \
	do { \
		if (!(cond)) { \
			print_error("%s:%d: ", __FILE__, __LINE__); \
			print_error(__VA_ARGS__); \
			print_error("\n"); \
			fail(); \
		} \
	} while (0)

#endif
