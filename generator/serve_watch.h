/* serve_watch.h: telling when the inputs of a build change.
 *
 * Watches the content paths (a file, or a folder's *.xml files) and the
 * templates folder (every file in it and in its folders, hidden ones
 * aside) with inotify, watching folders rather than files so that a save
 * by rename is seen; or, with poll set or when inotify cannot watch them
 * (a network drive, a kernel without it, no watches left), by reading
 * their sizes, times and inode numbers every SERVE_POLL_MS.  A burst of
 * changes (an editor's save writes, renames and sets attributes) counts
 * once: a change is reported once SERVE_QUIET_MS pass without another.
 */
#ifndef SKILLSITE_SERVE_WATCH_H
#define SKILLSITE_SERVE_WATCH_H

#include <stdio.h>

#define SERVE_POLL_MS	250
#define SERVE_QUIET_MS	10

struct serve_watch;

/* Starts watching the npaths content paths (none: DEFAULT_CONTENT) and
 * the folder templates; polls when poll is set, or after a note to err
 * when inotify cannot watch them.  Returns the watcher (free with
 * serve_watch_free()). */
struct serve_watch *serve_watch_new(char *const *paths, int npaths,
		    const char *templates, int poll, FILE *err);

/* Returns whether w polls. */
int	serve_watch_polls(const struct serve_watch *w);

/* Waits for a change to the inputs, or for stop_fd to be readable.
 * Returns 1 after a change (and its burst), 0 when stop_fd is
 * readable. */
int	serve_watch_wait(struct serve_watch *w, int stop_fd);

void	serve_watch_free(struct serve_watch *w);

#endif
