/* test_cli.c: the whole command, run in-process. */
#include "helpers.h"

#include "cli.h"

/* Runs skillsite with the given words; returns the status and sets *out
 * and *err to what it printed (caller frees). */
static int
run(char **out, char **err, int argc, char *argv[])
{
	struct capture o, e;
	int status;

	capture_open(&o);
	capture_open(&e);
	status = skillsite_main(argc, argv, o.f, e.f);
	capture_close(&o);
	capture_close(&e);
	*out = o.text;
	*err = e.text;
	return status;
}

static void
test_help_and_version(void **state)
{
	char *out, *err;
	char *help[] = { "skillsite", "--help" };
	char *version[] = { "skillsite", "--version" };
	char *check_help[] = { "skillsite", "check", "--help" };

	(void)state;
	assert_int_equal(run(&out, &err, 2, help), EXIT_OK);
	assert_non_null(strstr(out, "usage: skillsite COMMAND"));
	assert_non_null(strstr(out, "check [-j N] [FILE|DIR ...]"));
	assert_string_equal(err, "");
	free(out);
	free(err);
	assert_int_equal(run(&out, &err, 2, version), EXIT_OK);
	assert_string_equal(out, "skillsite " SKILLSITE_VERSION "\n");
	free(out);
	free(err);
	assert_int_equal(run(&out, &err, 3, check_help), EXIT_OK);
	assert_non_null(strstr(out, "usage: skillsite check"));
	free(out);
	free(err);
}

static void
test_usage_errors_exit_2(void **state)
{
	char *out, *err;
	char *none[] = { "skillsite" };
	char *unknown[] = { "skillsite", "publish" };
	char *badopt[] = { "skillsite", "check", "-x" };

	(void)state;
	assert_int_equal(run(&out, &err, 1, none), EXIT_USAGE);
	assert_non_null(strstr(err, "usage:"));
	free(out);
	free(err);
	assert_int_equal(run(&out, &err, 2, unknown), EXIT_USAGE);
	assert_non_null(strstr(err,
	    "skillsite: error: unknown command: publish\n"));
	free(out);
	free(err);
	assert_int_equal(run(&out, &err, 3, badopt), EXIT_USAGE);
	assert_string_equal(err, "skillsite: error: unknown option: -x\n");
	free(out);
	free(err);
}

/* A long flag belongs to its command: serve's --poll is unknown to
 * check, a misspelt one to serve; serve's own options are checked before
 * anything is served. */
static void
test_long_flags_and_serve_usage(void **state)
{
	static const struct {
		const char	*words[4];
		const char	*err;
	} cases[] = {
		{ { "check", "--poll" }, "unknown option: --poll" },
		{ { "serve", "--pol" }, "unknown option: --pol" },
		{ { "serve", "-p", "65536" }, "-p 65536: not a port number" },
		{ { "serve", "-p", "-1" }, "-p -1: not a port number" },
		{ { "serve", "-b", "localhost" }, "-b localhost: not a numeric" },
		{ { "serve", "-j", "0" }, "-j 0: not a number of threads" },
	};
	char *argv[6], *out, *err;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		argv[0] = "skillsite";
		for (n = 0; n < 4 && cases[i].words[n] != NULL; n++)
			argv[n + 1] = (char *)cases[i].words[n];
		assert_int_equal(run(&out, &err, (int)n + 1, argv), EXIT_USAGE);
		assert_non_null(strstr(err, cases[i].err));
		free(out);
		free(err);
	}
}

static void
test_check_content_passes(void **state)
{
	char *out, *err;
	char *argv[] = { "skillsite", "check" };

	(void)state;
	assert_int_equal(run(&out, &err, 2, argv), EXIT_OK);
	assert_string_equal(out, "");
	assert_non_null(strstr(err, "notice: editorial note:"));
	assert_null(strstr(err, "error:"));
	free(out);
	free(err);
}

static void
test_check_missing_file_is_io_error(void **state)
{
	char *out, *err;
	char *argv[] = { "skillsite", "check", "--", "no/such.xml" };

	(void)state;
	assert_int_equal(run(&out, &err, 4, argv), EXIT_IO);
	assert_string_equal(err, "skillsite: no/such.xml: error: cannot open: "
	    "No such file or directory\n");
	free(out);
	free(err);
}

static void
test_double_dash_anywhere_ends_options(void **state)
{
	char *out, *err;
	char *argv[] = { "skillsite", "check", "content/framework.xml", "--",
	    "-no-such.xml" };

	(void)state;
	assert_int_equal(run(&out, &err, 5, argv), EXIT_IO);
	assert_string_equal(err, "skillsite: -no-such.xml: error: cannot open: "
	    "No such file or directory\n");
	free(out);
	free(err);
}

static void
test_failed_output_is_an_io_error(void **state)
{
	FILE *full = fopen("/dev/full", "w");
	struct capture e;
	char *argv[] = { "skillsite", "--version" };

	(void)state;
	if (full == NULL)
		skip();
	capture_open(&e);
	assert_int_equal(skillsite_main(2, argv, full, e.f), EXIT_IO);
	assert_string_equal(capture_close(&e),
	    "skillsite: error: cannot write the output\n");
	capture_free(&e);
	fclose(full);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_usage_errors_exit_2),
		cmocka_unit_test(test_long_flags_and_serve_usage),
		cmocka_unit_test(test_check_content_passes),
		cmocka_unit_test(test_check_missing_file_is_io_error),
		cmocka_unit_test(test_double_dash_anywhere_ends_options),
		cmocka_unit_test(test_failed_output_is_an_io_error),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
