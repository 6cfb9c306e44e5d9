/* test_cli: every shape of the command line of outputs.md, one row each:
 * options as `--opt value` and `--opt=value`, --help, --version, and the
 * usage errors (unknown command or option, missing option or value, a
 * malformed --as-of), which are all VBS_E_USAGE. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <stdio.h>
#include <string.h>

#include "app/cli.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum { ARGS_MAX = 12 };

/* The `today` handed to cli_parse: 2021-03-14 (`date -u -d 2021-03-14 +%s`
 * / 86400), deliberately not the as-of dates below. */
#define TODAY 18700
/* 2026-10-31 and 2024-02-29 by `date -u -d ... +%s` / 86400. */
#define D20261031 20757
#define D20240229 19782

struct cli_case {
	const char *name;
	const char *argv[ARGS_MAX]; /* argv[0] first; ends at NULL */
	int ok;                      /* 1: cli_parse returns 0 */
	cli_action action;
	const char *inputs, *outputs, *config; /* NULL: must be NULL */
	int32_t as_of;
	const char *message;         /* on error, a part of err.message */
};

static const struct cli_case cases[] = {
	{ .name = "run, options with separate values",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of",
	           "2026-10-31", "--config", "my.conf"},
	  .ok = 1, .action = CLI_RUN, .inputs = "in", .outputs = "out", .config = "my.conf",
	  .as_of = D20261031 },
	{ .name = "run, options with =",
	  .argv = {"vbestat", "run", "--inputs=in dir", "--outputs=out", "--as-of=2024-02-29",
	           "--config=c.conf"},
	  .ok = 1, .action = CLI_RUN, .inputs = "in dir", .outputs = "out", .config = "c.conf",
	  .as_of = D20240229 },
	{ .name = "run, mixed forms in another order",
	  .argv = {"vbestat", "run", "--as-of", "2026-10-31", "--outputs=out", "--inputs", "in"},
	  .ok = 1, .action = CLI_RUN, .inputs = "in", .outputs = "out", .as_of = D20261031 },
	{ .name = "run without --as-of: today",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out"},
	  .ok = 1, .action = CLI_RUN, .inputs = "in", .outputs = "out", .as_of = TODAY },
	{ .name = "a later option wins",
	  .argv = {"vbestat", "run", "--inputs", "a", "--outputs", "out", "--inputs", "b"},
	  .ok = 1, .action = CLI_RUN, .inputs = "b", .outputs = "out", .as_of = TODAY },
	{ .name = "--help", .argv = {"vbestat", "--help"}, .ok = 1, .action = CLI_HELP,
	  .as_of = TODAY },
	{ .name = "-h", .argv = {"vbestat", "-h"}, .ok = 1, .action = CLI_HELP, .as_of = TODAY },
	{ .name = "run --help", .argv = {"vbestat", "run", "--help"}, .ok = 1,
	  .action = CLI_HELP, .as_of = TODAY },
	{ .name = "--version", .argv = {"vbestat", "--version"}, .ok = 1,
	  .action = CLI_VERSION, .as_of = TODAY },
	/* usage errors */
	{ .name = "no command", .argv = {"vbestat"}, .message = "missing command" },
	{ .name = "unknown command", .argv = {"vbestat", "runn", "--inputs", "in"},
	  .message = "'runn'" },
	{ .name = "unknown option",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--verbose"},
	  .message = "'--verbose'" },
	{ .name = "an option name with a suffix is unknown",
	  .argv = {"vbestat", "run", "--inputsx", "in", "--outputs", "out"},
	  .message = "'--inputsx'" },
	{ .name = "a stray argument",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "extra"},
	  .message = "'extra'" },
	{ .name = "missing --inputs", .argv = {"vbestat", "run", "--outputs", "out"},
	  .message = "--inputs" },
	{ .name = "missing --outputs", .argv = {"vbestat", "run", "--inputs", "in"},
	  .message = "--outputs" },
	{ .name = "run alone", .argv = {"vbestat", "run"}, .message = "missing --inputs" },
	{ .name = "missing value at the end",
	  .argv = {"vbestat", "run", "--outputs", "out", "--inputs"},
	  .message = "--inputs needs a value" },
	{ .name = "missing --as-of value at the end",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of"},
	  .message = "--as-of needs a value" },
	{ .name = "empty value after =",
	  .argv = {"vbestat", "run", "--inputs=", "--outputs", "out"},
	  .message = "--inputs needs a non-empty value" },
	{ .name = "empty separate value",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", ""},
	  .message = "--outputs needs a non-empty value" },
	{ .name = "--as-of month 13",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of", "2026-13-01"},
	  .message = "'2026-13-01'" },
	{ .name = "--as-of 29 February in a common year",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of=2026-02-29"},
	  .message = "'2026-02-29'" },
	{ .name = "--as-of without dashes",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of", "20261031"},
	  .message = "'20261031'" },
	{ .name = "--as-of with a time",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of",
	           "2026-10-31T10:00"},
	  .message = "'2026-10-31T10:00'" },
	{ .name = "--as-of with a space and a time",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of",
	           "2026-10-31 10:00"},
	  .message = "'2026-10-31 10:00'" },
	{ .name = "--as-of empty",
	  .argv = {"vbestat", "run", "--inputs", "in", "--outputs", "out", "--as-of="},
	  .message = "--as-of needs a non-empty value" },
};

static int check_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct cli_case *c = &cases[i];
		char *argv[ARGS_MAX + 1] = {0};
		int argc = 0;
		vbs_options opt;
		vbs_error err;
		int rc;

		/* cli_parse takes char ** as main does; it never writes to argv. */
		while (argc < ARGS_MAX && c->argv[argc]) {
			argv[argc] = (char *)c->argv[argc];
			argc++;
		}
		error_init(&err);
		rc = cli_parse(argc, argv, TODAY, &opt, &err);
		if (!c->ok) {
			CHECK(rc == -1, "[%s] cli_parse returned %d, want -1", c->name, rc);
			CHECK(err.code == VBS_E_USAGE, "[%s] err.code %d, want VBS_E_USAGE (64)",
			      c->name, err.code);
			CHECK(strstr(err.message, c->message) != NULL,
			      "[%s] err.message \"%s\" lacks \"%s\"", c->name, err.message, c->message);
			CHECK(!strchr(err.message, '\n'), "[%s] the message is not one line: \"%s\"",
			      c->name, err.message);
			continue;
		}
		CHECK(rc == 0, "[%s] cli_parse returned %d: %s", c->name, rc, err.message);
		CHECK(opt.action == c->action, "[%s] action %d, want %d", c->name, opt.action,
		      c->action);
		if (c->action != CLI_RUN)
			continue;
		CHECK(check_str(opt.inputs, c->inputs), "[%s] inputs \"%s\", want \"%s\"",
		      c->name, opt.inputs ? opt.inputs : "(null)", c->inputs ? c->inputs : "(null)");
		CHECK(check_str(opt.outputs, c->outputs), "[%s] outputs \"%s\", want \"%s\"",
		      c->name, opt.outputs ? opt.outputs : "(null)", c->outputs ? c->outputs : "(null)");
		CHECK(check_str(opt.config, c->config), "[%s] config \"%s\", want \"%s\"",
		      c->name, opt.config ? opt.config : "(null)", c->config ? c->config : "(null)");
		CHECK(opt.as_of == c->as_of, "[%s] as_of %d, want %d", c->name, (int)opt.as_of,
		      (int)c->as_of);
	}
}

static void test_usage_text(void **state)
{
	static const char synopsis[] = "usage: vbestat run --inputs DIR --outputs DIR";
	const char *u = cli_usage();

	(void)state;
	CHECK(strncmp(u, synopsis, sizeof(synopsis) - 1) == 0,
	      "the usage text does not start with the synopsis: \"%.60s\"", u);
	CHECK(strstr(u, "--as-of") && strstr(u, "--config") && strstr(u, "--version"),
	      "the usage text does not name every option");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_usage_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
