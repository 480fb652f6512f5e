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

/* The "check" command: loads and checks the content files and
 * directories in paths (content/ when npaths is 0), lists the editorial
 * notes and reports every problem to err.  Returns the exit status. */
int	cmd_check(char *const paths[], int npaths, FILE *out, FILE *err);

#endif
