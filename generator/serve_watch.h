/* serve_watch.h: telling when the inputs of a build change.
 *
 * Watches the content paths (a file, or a folder's *.xml files) and the
 * templates folder (every file in it and in its folders, hidden ones
 * aside) with inotify, watching folders rather than files so that a save
 * by rename is seen; or, with poll set or when inotify cannot watch them
 * (a network drive, a kernel without it, no watches left), by reading
 * their sizes, times and inode numbers every SERVE_POLL_MS.
 *
 * With inotify, a change is reported as soon as the event that ends a
 * save is read (a file closed after writing, a file renamed into place,
 * a folder made or removed; events lost count too), together with the
 * events queued with it, so a burst counts once and nothing waits.  A
 * file removed or moved away counts SERVE_GONE_MS later, unless a save
 * comes first: an editor that moves the old file aside before it writes
 * the new one is not built with the file missing.  Writes alone (a file truncated and written in place, made,
 * its attributes set) end no save: the file may be half written until
 * its writer closes it; when no save ends them (a writer that keeps the
 * file open, or maps it), they are reported once SERVE_SETTLE_MS pass
 * without another.  Polling, a change is reported once the inputs look
 * the same on two looks in a row, so a file still being written is not
 * built: within two SERVE_POLL_MS of its end.
 */
#ifndef SKILLSITE_SERVE_WATCH_H
#define SKILLSITE_SERVE_WATCH_H

#include <stdio.h>

#define SERVE_POLL_MS	250
#define SERVE_SETTLE_MS	300
#define SERVE_GONE_MS	50

struct serve_watch;

/* Starts watching the npaths content paths (none: DEFAULT_CONTENT) and
 * the folder templates; polls when poll is set, or after a note to err
 * when inotify cannot watch them.  Returns the watcher (free with
 * serve_watch_free()). */
struct serve_watch *serve_watch_new(char *const *paths, int npaths,
		    const char *templates, int poll, FILE *err);

/* Returns whether w polls. */
int	serve_watch_polls(const struct serve_watch *w);

/* Waits for a change to the inputs (as said above), or for stop_fd to
 * be readable.  Returns 1 after a change, 0 when stop_fd is readable. */
int	serve_watch_wait(struct serve_watch *w, int stop_fd);

/* Returns whether a save has ended since the last wait returned, by
 * reading the events queued without waiting (always 0 when w polls);
 * what it read is kept for the next serve_watch_wait(), which returns at
 * once after a save.  So that work whose result the next build redoes
 * can give way to it.  Not to be called while another thread waits on
 * w. */
int	serve_watch_changed(struct serve_watch *w);

void	serve_watch_free(struct serve_watch *w);

#endif
