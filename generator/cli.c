/* cli.c: command-line parsing and dispatch; see cli.h. */
#include "cli.h"

#include <string.h>

#include "diag.h"

/* A subcommand: its name, what it does, how it is called. */
struct command {
	const char	*name;
	const char	*synopsis;
	const char	*summary;
	int		(*run)(char *const paths[], int npaths, FILE *out,
			    FILE *err);
};

static const struct command S_commands[] = {
	{ "check", "check [FILE|DIR ...]",
	    "validate content (default: content/) and list editorial notes",
	    cmd_check },
};

#define NCOMMANDS (sizeof(S_commands) / sizeof(S_commands[0]))

/* Prints the usage summary to f. */
static void
S_usage(FILE *f)
{
	size_t i;

	fputs("usage: skillsite COMMAND [ARGUMENTS]\n"
	    "       skillsite --help | --version\n\ncommands:\n", f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-22s %s\n", S_commands[i].synopsis,
		    S_commands[i].summary);
	fputs("\nexit status: 0 ok, 1 content rejected, 2 usage error, "
	    "3 input or output error\n", f);
}

/* Returns the command called name, or NULL. */
static const struct command *
S_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(S_commands[i].name, name) == 0)
			return &S_commands[i];
	return NULL;
}

/* Returns the index of the first option-like word in argv[from..argc) that
 * is not a plain "--" terminator, or argc when none. */
static int
S_first_option(int argc, char *argv[], int from)
{
	int i;

	for (i = from; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return argc;
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return i;
	}
	return argc;
}

int
skillsite_main(int argc, char *argv[], FILE *out, FILE *err)
{
	const struct command *cmd;
	int opt, first, status;

	if (argc < 2) {
		S_usage(err);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		S_usage(out);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		fputs("skillsite " SKILLSITE_VERSION "\n", out);
		return EXIT_OK;
	}
	if ((cmd = S_find(argv[1])) == NULL) {
		diag_plain(err, "unknown command: %s", argv[1]);
		S_usage(err);
		return EXIT_USAGE;
	}
	if ((opt = S_first_option(argc, argv, 2)) < argc) {
		if (strcmp(argv[opt], "--help") == 0 ||
		    strcmp(argv[opt], "-h") == 0) {
			fprintf(out, "usage: skillsite %s\n  %s\n",
			    cmd->synopsis, cmd->summary);
			return EXIT_OK;
		}
		diag_plain(err, "unknown option: %s", argv[opt]);
		return EXIT_USAGE;
	}
	first = 2;
	if (first < argc && strcmp(argv[first], "--") == 0)
		first++;
	status = cmd->run(argv + first, argc - first, out, err);
	if (fflush(out) != 0 || ferror(out)) {
		diag_plain(err, "cannot write the output");
		return EXIT_IO;
	}
	return status;
}
