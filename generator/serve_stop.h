/* serve_stop.h: stopping the live preview on SIGINT, SIGTERM or SIGHUP.
 *
 * The signals are blocked in every thread and read by a thread of their
 * own.  The first makes serve_stop_fd() readable: the preview stops
 * after the build under way (and says so when one is), removing its
 * private folder.  A second one, while the preview is stopping, removes
 * the private folder and ends the process at once, with the status a
 * shell gives a command killed by the signal (128 + its number), the
 * build under way cut short.
 */
#ifndef SKILLSITE_SERVE_STOP_H
#define SKILLSITE_SERVE_STOP_H

#include <stdio.h>

struct serve_stop;

/* Blocks the signals in this thread and those it makes from now on (so
 * call it before making any) and starts reading them; priv is the
 * private folder to remove.  Returns the stopper, or NULL after
 * reporting to err.  Free with serve_stop_free(). */
struct serve_stop *serve_stop_new(const char *priv, FILE *out, FILE *err);

/* Returns a descriptor that is readable once a signal came. */
int	serve_stop_fd(const struct serve_stop *s);

/* Tells s whether a build is under way, for what it prints. */
void	serve_stop_building(struct serve_stop *s, int building);

/* Stops reading the signals and frees s (NULL: none). */
void	serve_stop_free(struct serve_stop *s);

#endif
