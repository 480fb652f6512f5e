/* main.c: the skillsite executable. */
#include <stdio.h>

#include "cli.h"

int
main(int argc, char *argv[])
{
	return skillsite_main(argc, argv, stdout, stderr);
}
