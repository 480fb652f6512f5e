# skillsite: build the generator, build the site, run every test.
#
#   make          build generator/skillsite
#   make site     build the generator, then the site into output/, with
#                 PDF handbooks when WeasyPrint is installed
#   make handbooks the same, the PDF handbooks required
#   make install  install the program, its templates and its manual under
#                 $(DESTDIR)$(PREFIX) (default /usr/local)
#   make check    run every test: unit tests, the diagnostics corpus and the
#                 content checks, with a plain build, with AddressSanitizer
#                 and UBSan, with ThreadSanitizer, and under valgrind
#   make bench    measure skillsite against Hugo, cmark and cp -r on the
#                 seed and on a realistic and an adversarial synthetic
#                 framework of 1k, 10k and 100k pages each; writes
#                 tests/bench/RESULTS.md (BENCH_SIZES="...", BENCH_SETTLE=0)
#
# Missing Debian packages are installed with apt-get when run as root.

CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -std=c11 -pthread -Wall -Wextra -Wpedantic \
	   -Werror=implicit-function-declaration
DEFS	 = -D_POSIX_C_SOURCE=200809L -DSKILLSITE_DATADIR='"$(DATADIR)"'
PKGS	 = libxml-2.0 libcmark jansson libxxhash libmicrohttpd libzip xlsxwriter
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer

BUILD	 = build
BIN	 = generator/skillsite

# Recursive: evaluated when a recipe runs, after "deps" has installed
# pkg-config and the libraries.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# libunistring (NFKC for search) has no pkg-config file in Debian.
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lunistring -pthread
TEST_LIBS  = $(shell pkg-config --libs cmocka)

SRCS	 = alloc.c arena.c assets.c cli.c cmd_build.c cmd_check.c diag.c \
	   grid.c grid_csv.c load_xlsx.c load_xlsx_parts.c load_xlsx_cells.c \
	   load_edit.c import.c import_csv.c \
	   import_files.c import_layout.c import_roles.c import_xlsx.c \
	   cmd_import.c \
	   export.c export_csv.c jsontext.c jsonld.c jsonld_pages.c \
	   hash.c labels.c load.c load_file.c \
	   load_node.c load_tailor.c load_tree.c load_xml.c markdown.c model.c \
	   model_markdown.c tailor.c tailor_apply.c tailor_ops.c \
	   par.c srcmap.c xmlread.c \
	   page.c page_assess.c page_handbook.c page_home.c page_jobtype.c page_map.c \
	   page_fields.c page_skill.c page_specialty.c \
	   page_report.c page_role.c \
	   paths.c pdf.c resolve.c search.c search_index.c site.c steps.c \
	   template.c \
	   template_compile.c template_fields.c template_node.c template_policy.c template_render.c \
	   text.c diff.c diff_rows.c apart.c write.c \
	   write_name.c write_target.c manifest.c manifest_text.c manifest_tree.c \
	   cmd_serve.c serve_http.c serve_url.c serve_watch.c \
	   preview.c preview_parts.c preview_units.c serve_stop.c stage.c \
	   xlsx.c xlsx_child.c xlsx_framework.c xlsx_framework_lists.c \
	   xlsx_assess.c xlsx_assess_parts.c xlsx_assess_sheet.c \
	   xlsx_assess_team.c
TESTS	 = test_alloc test_arena test_text test_diag test_load test_resolve test_cli \
	   test_paths test_template test_diff test_links test_par test_hash \
	   test_write test_export test_search test_seed test_markdown \
	   test_labels test_fields test_assets test_diff_rows test_apart \
	   test_steps test_manifest test_serve test_stage test_preview \
	   test_tailor test_xlsx_read test_xlsx test_grid test_import test_xlsx_assess test_jsonld
PLAIN_TESTS = test_handbooks	# slow (WeasyPrint): no sanitized run

OBJS	 = $(SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/schema.o \
	   $(BUILD)/obj/json_schema.o $(BUILD)/obj/reload_js.o
ASAN_OBJS = $(SRCS:%.c=$(BUILD)/asan/%.o) $(BUILD)/asan/schema.o \
	   $(BUILD)/asan/json_schema.o $(BUILD)/asan/reload_js.o
EMBEDDED = $(BUILD)/schema.c $(BUILD)/json_schema.c $(BUILD)/reload_js.c
TEST_BINS = $(TESTS:%=$(BUILD)/tests/%) $(PLAIN_TESTS:%=$(BUILD)/tests/%)
ASAN_TEST_BINS = $(TESTS:%=$(BUILD)/asan-tests/%)

.PHONY: all site handbooks check deps install fuzz bench clean fields-doc

# libFuzzer (clang): make fuzz SECONDS=N; make check runs FUZZ_SMOKE s.
FUZZ_CC	  = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	     -fno-sanitize-recover=all
SECONDS	  ?= 600
FUZZ_SMOKE = 60
FUZZ_SRCS  = $(SRCS:%=generator/%) tests/fuzz/fuzz_content.c

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/skillsite
MANDIR	 = $(PREFIX)/share/man
# The whole templates folder: templates, their README and the assets (a
# hidden file is neither read nor installed; see generator/assets.h).
TEMPLATES = $(sort $(wildcard templates/*))

# One "deps" run per make: "make check" and "make bench" need more.
DEPS_KIND = $(if $(filter check,$(MAKECMDGOALS)),check,$(if $(filter \
	    bench,$(MAKECMDGOALS)),bench,build))

BENCH_BINS = $(BUILD)/bench/synth $(BUILD)/bench/measure
BENCH_SIZES ?= 1000 10000 100000

all: $(BIN)

site: $(BIN)
	@if command -v weasyprint >/dev/null 2>&1; then \
		echo "./$(BIN) build -p -t templates -o output content"; \
		./$(BIN) build -p -t templates -o output content; \
	else \
		echo "skillsite: weasyprint not installed: skipping the PDF handbooks"; \
		./$(BIN) build -t templates -o output content; \
	fi

# templates/README.md's "Fields" section, written from page_fields.c,
# and its table of labels, from labels.c (test_fields and test_labels
# check that they agree).
fields-doc: $(BUILD)/fields-doc
	$(BUILD)/fields-doc templates/README.md

$(BUILD)/fields-doc: tests/fields-doc.c $(OBJS) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(PKG_CFLAGS) -Igenerator -o $@ $< \
	    $(OBJS) $(PKG_LIBS)

handbooks: $(BIN)
	./$(BIN) build -p -t templates -o output content

check: deps $(BIN) $(BUILD)/skillsite-asan $(TEST_BINS) $(ASAN_TEST_BINS) \
    $(BUILD)/fuzz_content $(BUILD)/skillsite-tsan $(BENCH_BINS)
	PLAIN_TESTS="$(PLAIN_TESTS)" FUZZ_SECONDS=$(FUZZ_SMOKE) \
	    tests/run-all $(BUILD) $(TESTS)

$(BUILD)/fuzz_content: $(FUZZ_SRCS) generator/*.h $(EMBEDDED) | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(DEFS) $(PKG_CFLAGS) -Igenerator -o $@ \
	    $(FUZZ_SRCS) $(EMBEDDED) $(PKG_LIBS)

fuzz: $(BUILD)/fuzz_content
	tests/fuzz/run $(BUILD) $(SECONDS)

bench: deps $(BIN) $(BENCH_BINS)
	tests/bench/run $(BUILD) tests/bench/RESULTS.md $(BENCH_SIZES)

$(BUILD)/bench/synth: tests/bench/synth.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

$(BUILD)/bench/measure: tests/bench/measure.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -o $@ $<

# ThreadSanitizer (clang): the renderer's threads, checked for races.
TSAN_FLAGS = -g -O1 -fsanitize=thread
$(BUILD)/skillsite-tsan: $(SRCS:%=generator/%) generator/main.c \
    generator/*.h $(EMBEDDED) | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(TSAN_FLAGS) $(WARN) $(DEFS) $(PKG_CFLAGS) -Igenerator \
	    -o $@ $(SRCS:%=generator/%) generator/main.c $(EMBEDDED) \
	    $(PKG_LIBS)

deps:
	@generator/deps.sh $(DEPS_KIND)

$(BIN): $(OBJS) $(BUILD)/obj/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/skillsite-asan: $(ASAN_OBJS) $(BUILD)/asan/main.o
	$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(PKG_LIBS)

$(BUILD)/obj/%.o: generator/%.c generator/*.h | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(PKG_CFLAGS) -Igenerator -c -o $@ $<

$(BUILD)/asan/%.o: generator/%.c generator/*.h | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(WARN) $(DEFS) $(PKG_CFLAGS) -Igenerator -c -o $@ $<

$(BUILD)/obj/schema.o $(BUILD)/asan/schema.o: $(BUILD)/schema.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(if $(findstring asan,$@),$(SANITIZE)) $(WARN) -c -o $@ $<

$(BUILD)/obj/json_schema.o $(BUILD)/asan/json_schema.o: $(BUILD)/json_schema.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(if $(findstring asan,$@),$(SANITIZE)) $(WARN) -c -o $@ $<

$(BUILD)/obj/reload_js.o $(BUILD)/asan/reload_js.o: $(BUILD)/reload_js.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(if $(findstring asan,$@),$(SANITIZE)) $(WARN) -c -o $@ $<

$(BUILD)/reload_js.c: generator/serve_reload.js generator/embed.sh
	@mkdir -p $(@D)
	generator/embed.sh skillsite_reload_js generator/serve_reload.js > $@.tmp
	mv $@.tmp $@

$(BUILD)/json_schema.c: generator/framework.schema.json generator/embed.sh
	@mkdir -p $(@D)
	generator/embed.sh skillsite_json_schema generator/framework.schema.json \
	    > $@.tmp
	mv $@.tmp $@

$(BUILD)/schema.c: content/skillsite.rng generator/embed.sh
	@mkdir -p $(@D)
	generator/embed.sh skillsite_schema_rng content/skillsite.rng > $@.tmp
	mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/*.h $(OBJS) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(PKG_CFLAGS) -Igenerator -o $@ $< \
	    $(OBJS) $(PKG_LIBS) $(TEST_LIBS)

$(BUILD)/asan-tests/%: tests/unit/%.c tests/unit/*.h $(ASAN_OBJS) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(WARN) $(DEFS) $(PKG_CFLAGS) -Igenerator \
	    -o $@ $< $(ASAN_OBJS) $(PKG_LIBS) $(TEST_LIBS)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/skillsite
	install -m 644 $(TEMPLATES) $(DESTDIR)$(DATADIR)/templates/
	install -m 644 skillsite.1 $(DESTDIR)$(MANDIR)/man1/skillsite.1

clean:
	rm -rf $(BUILD) $(BIN)
