# vbestat: nightly VBE statistics pipeline. See README.md.

include config.mk

ifneq ($(SANITIZE),)
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
endif

# Every module under src/<stage>/ plus src/*.c except main.c is library code,
# linked into the program and into every unit test. src/sample/ is the
# sample-data generator, a separate program.
LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c)) \
           $(filter-out src/sample/%,$(wildcard src/*/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/src/main.o
GEN_SRC  = $(wildcard src/sample/*.c)
GEN_OBJ  = $(GEN_SRC:%.c=$(BUILD)/%.o)
TEST_SRC = $(wildcard tests/test_*.c)
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

PKG_CFLAGS = $$(pkg-config --cflags $(PKGS) cmocka)
PKG_LIBS   = $$(pkg-config --libs $(PKGS))

all: $(BIN)/vbestat $(BIN)/vbestat-sample

$(BIN)/vbestat: $(MAIN_OBJ) $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB_OBJ) $(PKG_LIBS) $(LIBS)

$(BIN)/vbestat-sample: $(GEN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(GEN_OBJ) $$(pkg-config --libs gsl) -lm

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS) $$(pkg-config --libs cmocka) $(LIBS)

tests-build: $(BIN)/vbestat $(BIN)/vbestat-sample $(TEST_BIN)

# Install the Debian packages the project needs; silent when all are there.
deps:
	@missing=; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then \
	    echo "make deps: missing Debian packages; as root run: apt-get update && apt-get install -y$$missing" >&2; \
	    exit 1; \
	  fi; \
	  echo "make deps: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN)/vbestat run --inputs inputs --outputs outputs --as-of $(SAMPLE_AS_OF)

# Unit and end-to-end tests, then the same again under ASan and UBSan, then
# valgrind on every unit test and on the pipeline. Any failure fails the target.
test: deps
	@$(MAKE) --no-print-directory tests-build
	@sh tests/run.sh $(BUILD)/tests $(BIN)/vbestat
	@$(MAKE) --no-print-directory BUILD=build/san BIN=build/san/bin \
	  SANITIZE=address,undefined tests-build
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run.sh build/san/tests build/san/bin/vbestat
	@sh tests/valgrind.sh $(BUILD)/tests $(BIN)/vbestat

# Every unit test and a pipeline run under valgrind (also part of test).
valgrind: tests-build
	@sh tests/valgrind.sh $(BUILD)/tests $(BIN)/vbestat

# Regenerate the committed sample data set in inputs/ (byte for byte).
sample: $(BIN)/vbestat-sample
	$(BIN)/vbestat-sample inputs

bench: all
	@sh tests/bench.sh $(BIN)/vbestat

clean:
	rm -rf build bin

.PHONY: all deps run test tests-build valgrind sample bench clean
# Keep test objects between runs.
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(GEN_OBJ:.o=.d) $(TEST_BIN:=.d) $(TEST_BIN:=.o.d)
