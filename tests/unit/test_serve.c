/* test_serve.c: what the live preview's requests may name, the types it
 * serves files with, and its HTTP server from a socket: the generations
 * and events, the publisher's lock, the Host check. */
#include "helpers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "serve.h"
#include "serve_http.h"

/* Paths that name a file of the site, decoded. */
static void
test_paths_served(void **state)
{
	static const struct {
		const char	*raw, *path;
		int		 dir;
	} ok[] = {
		{ "/", "", 1 },
		{ "/index.html", "index.html", 0 },
		{ "/cs/cs-hw/skills/fault-repair.html",
		    "cs/cs-hw/skills/fault-repair.html", 0 },
		{ "/cs/", "cs/", 1 },
		{ "/cs", "cs", 0 },
		{ "/%E3%83%8F.html", "\xe3\x83\x8f.html", 0 },	/* ハ */
		{ "/a%20b.html", "a b.html", 0 },
		{ "/assets/style.css", "assets/style.css", 0 },
		{ "/a..b.html", "a..b.html", 0 },
	};
	char out[256];
	size_t i;
	int dir;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(serve_url_path(ok[i].raw, out, sizeof(out),
		    &dir), 0);
		assert_string_equal(out, ok[i].path);
		assert_int_equal(dir, ok[i].dir);
	}
}

/* Paths refused: every way out of the folder, and names no site has. */
static void
test_paths_refused(void **state)
{
	static const char *const bad[] = {
		"", "index.html", "//", "/a//b.html",
		"/..", "/../etc/passwd", "/a/../../etc/passwd", "/a/..",
		"/.", "/./index.html", "/%2e%2e/etc/passwd", "/%2E%2E/x",
		"/%2e/x", "/a%2f..%2f..%2fetc/passwd", "/a%2Fb",
		"/a%5c..%5cb", "/a\\..\\b", "/a\\b",
		"/a%00.html", "/a%0a.html", "/a%0D.html", "/a%7f",
		"/%c0%ae%c0%ae/etc/passwd", "/%c0%af", "/%e0%80%af",
		"/%ff", "/%ed%a0%80", "/%f8%88%80%80%80",
		"/%", "/%4", "/%zz", "/a%g0",
		"/.skillsite-manifest", "/.git/config", "/assets/.hidden",
		"/a b", "/a\tb", "/\x7f",
		"/%252e%252e/x",	/* decodes once: "%2e%2e", a name */
	};
	char out[256];
	size_t i;
	int dir;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = serve_url_path(bad[i], out, sizeof(out), &dir);

		if (strcmp(bad[i], "/%252e%252e/x") == 0) {
			/* a file literally named "%2e%2e": served if it were
			 * there, never a way up */
			assert_int_equal(rc, 0);
			assert_string_equal(out, "%2e%2e/x");
			continue;
		}
		if (rc != -1)
			fail_msg("served: %s", bad[i]);
	}
}

/* A path that does not fit is refused, not cut. */
static void
test_paths_too_long(void **state)
{
	char raw[600], out[256];
	int dir;

	(void)state;
	raw[0] = '/';
	memset(raw + 1, 'a', 300);
	raw[301] = '\0';
	assert_int_equal(serve_url_path(raw, out, sizeof(out), &dir), -1);
	raw[255] = '\0';	/* 254 bytes and the NUL */
	assert_int_equal(serve_url_path(raw, out, sizeof(out), &dir), 0);
	assert_int_equal(strlen(out), 254);
}

/* Types by extension, the text ones in UTF-8. */
static void
test_content_types(void **state)
{
	(void)state;
	assert_string_equal(serve_content_type("index.html"),
	    "text/html; charset=utf-8");
	assert_string_equal(serve_content_type("assets/style.css"),
	    "text/css; charset=utf-8");
	assert_string_equal(serve_content_type("assets/search.js"),
	    "application/javascript; charset=utf-8");
	assert_string_equal(serve_content_type("downloads/framework.csv"),
	    "text/csv; charset=utf-8");
	assert_string_equal(serve_content_type("downloads/framework.xlsx"),
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_string_equal(serve_content_type("downloads/x-assessment.xlsx"),
	    "application/vnd.openxmlformats-officedocument.spreadsheetml."
	    "sheet");
	assert_string_equal(serve_content_type("downloads/framework.json"),
	    "application/json");
	assert_string_equal(serve_content_type("handbooks/cs.pdf"),
	    "application/pdf");
	assert_string_equal(serve_content_type("assets/icon.svg"),
	    "image/svg+xml");
	assert_string_equal(serve_content_type("a.html.bak"),
	    "application/octet-stream");
	assert_string_equal(serve_content_type("dir.html/file"),
	    "application/octet-stream");
	assert_string_equal(serve_content_type("noext"),
	    "application/octet-stream");
}

/* Loopback addresses, for the Host check. */
static void
test_loopback(void **state)
{
	(void)state;
	assert_true(serve_http_loopback("127.0.0.1"));
	assert_true(serve_http_loopback("127.1.2.3"));
	assert_true(serve_http_loopback("::1"));
	assert_true(serve_http_loopback("::ffff:127.0.0.1"));
	assert_false(serve_http_loopback("0.0.0.0"));
	assert_false(serve_http_loopback("192.168.1.10"));
	assert_false(serve_http_loopback("128.0.0.1"));
	assert_false(serve_http_loopback("::"));
	assert_false(serve_http_loopback("::ffff:10.0.0.1"));
	assert_false(serve_http_loopback("localhost"));
}

/* A server on 127.0.0.1 over a folder of its own, with a lock. */
struct fixture {
	char			 dir[64];
	char			 site[80];
	pthread_rwlock_t	 lock;
	struct serve_http	*s;
};

/* Writes text as the file name of the site, by rename. */
static void
put_file(struct fixture *f, const char *name, const char *text)
{
	char path[160], tmp[170];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", f->site, name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	assert_non_null(fp = fopen(tmp, "w"));
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(rename(tmp, path), 0);
}

static int
serve_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	strcpy(f->dir, "/tmp/skillsite-serve-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->site, sizeof(f->site), "%s/site", f->dir);
	assert_int_equal(mkdir(f->site, 0755), 0);
	put_file(f, "index.html", "one");
	pthread_rwlock_init(&f->lock, NULL);
	f->s = serve_http_start("127.0.0.1", 0, f->site, &f->lock, stderr);
	assert_non_null(f->s);
	*state = f;
	return 0;
}

static int
serve_teardown(void **state)
{
	struct fixture *f = *state;
	char path[160];

	serve_http_stop(f->s);
	pthread_rwlock_destroy(&f->lock);
	snprintf(path, sizeof(path), "%s/index.html", f->site);
	unlink(path);
	rmdir(f->site);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Connects to f's server and sends request; returns the socket. */
static int
http_send(struct fixture *f, const char *request)
{
	struct sockaddr_in in;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&in, 0, sizeof(in));
	in.sin_family = AF_INET;
	in.sin_port = htons((uint16_t)serve_http_port(f->s));
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&in, sizeof(in)), 0);
	assert_int_equal(write(fd, request, strlen(request)),
	    (ssize_t)strlen(request));
	return fd;
}

/* Reads from fd into buf (size bytes, kept NUL-terminated, appended to)
 * until it holds want; returns whether it came within ms milliseconds. */
static int
http_wait(int fd, char *buf, size_t size, const char *want, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };
	size_t len = strlen(buf);
	ssize_t n;

	while (strstr(buf, want) == NULL) {
		if (poll(&p, 1, ms) <= 0 || len + 1 >= size ||
		    (n = read(fd, buf + len, size - len - 1)) <= 0)
			return 0;
		len += (size_t)n;
		buf[len] = '\0';
	}
	return 1;
}

/* Sends request to f's server; returns whether the answer holds want. */
static int
http_answer(struct fixture *f, const char *request, const char *want)
{
	char buf[8192] = "";
	int fd = http_send(f, request), ok;

	ok = http_wait(fd, buf, sizeof(buf), want, 10000);
	close(fd);
	return ok;
}

#define EVENTS(query, extra) "GET /__skillsite/events" query " HTTP/1.1\r\n" \
	"Host: 127.0.0.1\r\n" extra "\r\n"

/* Events with the generation as id: refresh keeps it, a publication
 * counts one, a failure sends the errors; a stream opened for an older
 * generation (since, or Last-Event-ID, which wins) gets reload at once;
 * files say their generation in Server-Timing. */
static void
test_events(void **state)
{
	struct fixture *f = *state;
	char buf[8192] = "";
	int fd = http_send(f, EVENTS("?since=0", ""));

	assert_true(http_wait(fd, buf, sizeof(buf),
	    "retry: 1000\nid: 0\nevent: hello\ndata: 0\n\n", 10000));
	serve_http_refreshed(f->s);
	assert_true(http_wait(fd, buf, sizeof(buf),
	    "id: 0\nevent: refresh\ndata: 0\n\n", 10000));
	/* nothing published yet: 503, whatever the folder holds */
	assert_true(http_answer(f, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
	    "HTTP/1.1 503 Service Unavailable"));
	assert_true(http_answer(f, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
	    "Server-Timing: skillsite;desc=\"0\""));
	serve_http_published(f->s);
	assert_true(http_wait(fd, buf, sizeof(buf),
	    "id: 1\nevent: reload\ndata: 1\n\n", 10000));
	serve_http_failed(f->s, "skillsite: a.xml:1:2: error: bad\n");
	assert_true(http_wait(fd, buf, sizeof(buf), "id: 1\nevent: errors\n"
	    "data: {\"errors\":[\"skillsite: a.xml:1:2: error: bad\"]}\n\n",
	    10000));
	close(fd);
	assert_true(http_answer(f, EVENTS("?since=0", ""),
	    "retry: 1000\nid: 1\nevent: reload\ndata: 1\n\n"));
	assert_true(http_answer(f, EVENTS("?since=1", ""),
	    "event: hello\ndata: 1\n\nevent: errors\n"));
	assert_true(http_answer(f, EVENTS("?since=1", "Last-Event-ID: 0\r\n"),
	    "event: reload\ndata: 1\n\n"));
	assert_true(http_answer(f, EVENTS("?since=0", "Last-Event-ID: 1\r\n"),
	    "event: hello\ndata: 1\n\n"));
	assert_true(http_answer(f, EVENTS("?since=x", ""),
	    "event: hello\ndata: 1\n\n"));
	assert_true(http_answer(f, "GET /index.html HTTP/1.1\r\n"
	    "Host: 127.0.0.1\r\n\r\n", "Server-Timing: skillsite;desc=\"1\""));
}

/* A request waits while the publisher holds the lock, then gets the
 * file and generation published under it; the event stream does not
 * wait. */
static void
test_lock(void **state)
{
	struct fixture *f = *state;
	char buf[8192] = "";
	int fd;

	pthread_rwlock_wrlock(&f->lock);
	fd = http_send(f, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	    "\r\n");
	assert_true(http_answer(f, EVENTS("", ""), "event: hello\n"));
	assert_false(http_wait(fd, buf, sizeof(buf), "HTTP/1.1", 300));
	put_file(f, "index.html", "two");
	serve_http_published(f->s);
	pthread_rwlock_unlock(&f->lock);
	assert_true(http_wait(fd, buf, sizeof(buf), "\r\n\r\ntwo", 10000));
	assert_non_null(strstr(buf, "Server-Timing: skillsite;desc=\"1\""));
	close(fd);
}

/* On loopback, only a Host of this server is answered. */
static void
test_host(void **state)
{
	struct fixture *f = *state;
	char ok[128];

	serve_http_published(f->s);	/* a site to answer with */
	snprintf(ok, sizeof(ok), "GET / HTTP/1.1\r\nHost: localhost:%u\r\n"
	    "\r\n", serve_http_port(f->s));
	assert_true(http_answer(f, ok, "HTTP/1.1 200 OK"));
	assert_true(http_answer(f, "GET / HTTP/1.1\r\nHost: [::1]\r\n\r\n",
	    "HTTP/1.1 200 OK"));
	assert_true(http_answer(f, "GET / HTTP/1.1\r\nHost: evil.example\r\n"
	    "\r\n", "HTTP/1.1 403 Forbidden"));
	assert_true(http_answer(f, "GET / HTTP/1.1\r\nHost: localhost:1\r\n"
	    "\r\n", "HTTP/1.1 403 Forbidden"));
	assert_true(http_answer(f, EVENTS("", "Host: evil.example\r\n"),
	    "HTTP/1.1 403 Forbidden"));
	assert_true(http_answer(f, "GET / HTTP/1.0\r\n\r\n",
	    " 403 Forbidden"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths_served),
		cmocka_unit_test(test_paths_refused),
		cmocka_unit_test(test_paths_too_long),
		cmocka_unit_test(test_content_types),
		cmocka_unit_test(test_loopback),
		cmocka_unit_test_setup_teardown(test_events, serve_setup,
		    serve_teardown),
		cmocka_unit_test_setup_teardown(test_lock, serve_setup,
		    serve_teardown),
		cmocka_unit_test_setup_teardown(test_host, serve_setup,
		    serve_teardown),
	};

	return cmocka_run_group_tests_name("serve", tests, NULL, NULL);
}
