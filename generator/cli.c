/* cli.c: command-line parsing and dispatch; see cli.h. */
#include "cli.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "alloc.h"
#include "diag.h"
#include "par.h"

/* The stack the main thread is given (each other thread has PAR_STACK),
 * and the least below which skillsite will not start. */
#define CLI_STACK_WANTED	PAR_STACK
#define CLI_STACK_MIN		(256 * 1024)	/* as the message says */

/* A subcommand: its name, what it does, its options (letters taking a
 * value), flags (letters alone) and long flags ("--NAME", NULL-ended;
 * the i-th sets bit i of cmd_args.longs), how it is called. */
struct command {
	const char	*name;
	const char	*synopsis;
	const char	*summary;
	const char	*options;
	const char	*flags;
	int		(*run)(const struct cmd_args *, FILE *, FILE *);
	const char *const *longs;
};

/* serve's long flags: bit 0 of cmd_args.longs is --poll. */
static const char *const S_serve_longs[] = { "poll", NULL };

/* import's long flags: bit 0 of cmd_args.longs is --dry-run. */
static const char *const S_import_longs[] = { "dry-run", NULL };

static const struct command S_commands[] = {
	{ "check", "check [-j N] [FILE|DIR ...]",
	    "validate content (default: content/) on N threads (default: one "
	    "per processor) and list editorial notes",
	    "j", "", cmd_check, NULL },
	{ "build", "build [-p] [-j N] [-o DIR] [-t DIR] [FILE|DIR ...]",
	    "build the site from content (default: content/) into DIR "
	    "(default: output/) with the templates in -t DIR, on N threads "
	    "(default: one per processor); -p also makes PDF handbooks with "
	    "WeasyPrint",
	    "jot", "p", cmd_build, NULL },
	{ "serve", "serve [-b ADDR] [-p PORT] [-t DIR] [-j N] [--poll] "
	    "[FILE|DIR ...]",
	    "preview the site while editing: build it, serve it on "
	    "http://ADDR:PORT/ (default 127.0.0.1:8000), rebuild after each "
	    "change to the content or the templates (watched with inotify, or "
	    "polled with --poll) and reload open pages; a failed build shows "
	    "its errors on every open page",
	    "bjpt", "", cmd_serve, S_serve_longs },
	{ "import", "import [-n|--dry-run] [-t DIR] FILE.csv|FILE.xlsx "
	    "[FILE|DIR ...]",
	    "bring the texts edited in a downloaded framework.csv, "
	    "framework.xlsx or roles.csv back into the content (default: "
	    "content/): "
	    "check the result as \"check\" does, print the changes and "
	    "write the changed files (-n: print only)",
	    "t", "n", cmd_import, S_import_longs },
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
		fprintf(f, "  %s\n      %s\n", S_commands[i].synopsis,
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

/* Returns the index of cmd's long flag name, or -1. */
static int
S_long(const struct command *cmd, const char *name)
{
	int i;

	for (i = 0; cmd->longs != NULL && cmd->longs[i] != NULL; i++)
		if (strcmp(cmd->longs[i], name) == 0)
			return i;
	return -1;
}

/* Prints the usage of cmd to f. */
static void
S_command_usage(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: skillsite %s\n  %s\n", cmd->synopsis, cmd->summary);
}

/* Returns EXIT_IO after reporting when writing to out failed, else status. */
static int
S_written(FILE *out, FILE *err, int status)
{
	if (fflush(out) != 0 || ferror(out)) {
		diag_plain(err, "cannot write the output");
		return EXIT_IO;
	}
	return status;
}

/* Runs cmd on its words argv[0..argc): options and paths in any order,
 * as GNU tools take them (-o DIR or -oDIR); every word after the first
 * "--" is a path, even one beginning with '-'.  Returns the exit status. */
static int
S_run(const struct command *cmd, int argc, char *argv[], FILE *out,
    FILE *err)
{
	struct cmd_args args;
	int i, k, status, options = 1;

	memset(&args, 0, sizeof(args));
	args.paths = xcalloc((size_t)argc + 1, sizeof(*args.paths));
	for (i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (options && strcmp(w, "--") == 0)
			options = 0;
		else if (!options || w[0] != '-' || w[1] == '\0')
			args.paths[args.npaths++] = argv[i];
		else if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0) {
			free(args.paths);
			S_command_usage(out, cmd);
			return S_written(out, err, EXIT_OK);
		} else if (w[1] == '-' && (k = S_long(cmd, w + 2)) >= 0) {
			args.longs |= 1u << k;
		} else if (w[1] >= 'a' && w[1] <= 'z' && w[2] == '\0' &&
		    strchr(cmd->flags, w[1]) != NULL) {
			args.opt[w[1] - 'a'] = "";
		} else if (w[1] >= 'a' && w[1] <= 'z' && w[1] != '-' &&
		    strchr(cmd->options, w[1]) != NULL &&
		    (w[2] != '\0' || i + 1 < argc)) {
			args.opt[w[1] - 'a'] = w[2] != '\0' ? w + 2 : argv[++i];
		} else {
			free(args.paths);
			diag_plain(err, strchr(cmd->options, w[1]) && w[1] ?
			    "option needs a value: %s" : "unknown option: %s", w);
			return EXIT_USAGE;
		}
	}
	status = S_written(out, err, cmd->run(&args, out, err));
	free(args.paths);
	return status;
}

/* Raises the soft limit of the main thread's stack to CLI_STACK_WANTED
 * where the hard limit allows: the stack grows up to the limit in force
 * when it grows, and a tiny one (ulimit -s 16) crashed deep recursion
 * in libxml2 with SIGSEGV.  Returns 0, or -1 after reporting a limit
 * below CLI_STACK_MIN. */
static int
S_setup_stack(FILE *err)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_STACK, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= CLI_STACK_WANTED)
		return 0;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ||
	    rl.rlim_max > CLI_STACK_WANTED ? CLI_STACK_WANTED : rl.rlim_max;
	setrlimit(RLIMIT_STACK, &rl);
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur < CLI_STACK_MIN) {
		/* fputs, not diag's formatting: little stack is left */
		fputs("skillsite: error: the stack limit (ulimit -s) is below "
		    "the 256 KiB skillsite needs\n", err);
		return -1;
	}
	return 0;
}

int
skillsite_main(int argc, char *argv[], FILE *out, FILE *err)
{
	const struct command *cmd;
	int status;

	if (S_setup_stack(err) < 0)
		return EXIT_IO;
	alloc_setup();
	/* a file over ulimit -f: write() fails (EFBIG) and it is reported,
	 * instead of SIGXFSZ ending the run mid-way */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		S_usage(err);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		S_usage(out);
		return S_written(out, err, EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		fputs("skillsite " SKILLSITE_VERSION "\n", out);
		return S_written(out, err, EXIT_OK);
	}
	if ((cmd = S_find(argv[1])) == NULL) {
		diag_plain(err, "unknown command: %s", argv[1]);
		S_usage(err);
		return EXIT_USAGE;
	}
	status = S_run(cmd, argc - 2, argv + 2, out, err);
	if (fflush(err) != 0 || ferror(err))
		status = EXIT_IO;	/* the diagnostics were lost */
	return status;
}
