/* cli.h: the skillsite command as a function.
 *
 * main() only calls skillsite_main(), so tests and fuzzers can run the whole
 * command in-process with streams of their own.
 */
#ifndef SKILLSITE_CLI_H
#define SKILLSITE_CLI_H

#include <stdio.h>

#define SKILLSITE_VERSION "0.1.0"

/* Runs the command line argv (argc words, argv[0] the program name),
 * writing normal output to out and diagnostics to err.  Returns the exit
 * status (enum exit_status). */
int	skillsite_main(int argc, char *argv[], FILE *out, FILE *err);

/* The content read when no path is given. */
#define DEFAULT_CONTENT "content"

/* A command's words, sorted: option values and paths. */
struct cmd_args {
	const char	*opt[26];	/* value of -a ... -z, NULL if absent */
	char		**paths;
	int		 npaths;
	unsigned	 longs;		/* the command's long flags given: bit
					 * i for its i-th (struct command) */
};

/* The "check" command: loads and checks the content files and
 * directories in args->paths (content/ when none), lists the editorial
 * notes and reports every problem to err.  Returns the exit status. */
int	cmd_check(const struct cmd_args *args, FILE *out, FILE *err);

struct model;
struct diag;
struct md_table;

/* Has l load the npaths content paths (DEFAULT_CONTENT when none), in
 * order. */
struct loader;
void	cmd_load_paths(struct loader *l, char *const *paths, int npaths);

/* Loads args->paths (content/ when none) into m on nthreads threads,
 * resolves and checks it, and, when notes is set, reports the editorial
 * notes: the work of "check", shared by "build".  When md is not NULL,
 * sets *md to the table of the Markdown fields (md_prepare()), made by
 * the same parse as their check: "build" renders with it. */
void	check_content(const struct cmd_args *args, struct model *m,
	    struct diag *d, unsigned nthreads, int notes,
	    struct md_table **md);

/* Returns 1 when -j N is absent or a number of threads cmd_threads()
 * takes, else 0 after reporting it to err. */
int		cmd_threads_valid(const struct cmd_args *args, FILE *err);

/* Returns the number of threads of -j N (default: one per processor), or
 * 0 when N is not a number from 1 to PAR_THREADS_MAX. */
unsigned	cmd_threads(const struct cmd_args *args);

/* Returns the site options (enum site_option) of a build as args ask:
 * SITE_PDF for -p. */
unsigned	cmd_site_options(const struct cmd_args *args);

/* The "build" command: checks the content like "check", then renders the
 * site with the templates (-t DIR) and publishes it atomically as the
 * folder -o DIR (default output/); prints one summary line to out.  Bad
 * content writes nothing.  Returns the exit status. */
int	cmd_build(const struct cmd_args *args, FILE *out, FILE *err);

/* Returns seconds on the monotonic clock, from an arbitrary start. */
double	cmd_now(void);

/* Returns the templates folder a command uses, malloc'd: -t DIR, else
 * the one beside the executable, else the installed one. */
char	*cmd_templates(const struct cmd_args *args);

/* The "serve" command (serve.h): builds the site into a private folder,
 * serves it over HTTP, rebuilds it after each change to the content or
 * the templates and reloads open pages; runs until SIGINT, SIGTERM or
 * SIGHUP.  Returns the exit status. */
int	cmd_serve(const struct cmd_args *args, FILE *out, FILE *err);

/* The "import" command (import.h): reads the spreadsheet args->paths[0]
 * (a downloaded framework.csv or framework.xlsx, edited) against the
 * content args->paths[1...] (content/ when none), with the labels of
 * the templates (-t DIR); applies the texts its cells change to the
 * content files, checks the result as "check" does, prints the changes
 * to out and, unless -n or --dry-run, writes the changed files
 * atomically.  Errors write nothing.  Returns the exit status. */
int	cmd_import(const struct cmd_args *args, FILE *out, FILE *err);

#endif
