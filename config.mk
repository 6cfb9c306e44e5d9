# vbestat build settings (included by Makefile). Plain make, sbase style.

VERSION = 0.1.0

CC      = cc
STD     = -std=c17 -D_DEFAULT_SOURCE
WARN    = -Wall -Wextra -Wpedantic -Werror
OPT     = -O2 -g
CFLAGS  = $(STD) $(WARN) $(OPT) -MMD -MP -Isrc -DVBS_VERSION='"$(VERSION)"'
LDFLAGS =

# Libraries with a pkg-config file; read when a recipe runs, not when the
# Makefile is parsed, so that `make run` on a bare machine can install first.
PKGS    = xlsxwriter gsl inih libcjson nettle minizip
# libcsv ships no .pc file.
LIBS    = -lcsv -lm

# Debian packages `make deps` installs when missing.
DEBS    = build-essential pkg-config libxlsxwriter-dev libcsv-dev libgsl-dev \
          libcmocka-dev valgrind libinih-dev libcjson-dev nettle-dev \
          libminizip-dev zlib1g-dev unzip time

# Where objects and binaries go; `make test` builds a sanitized copy under
# build/san with SANITIZE=address,undefined.
BUILD   = build
BIN     = bin
SANITIZE =

# The sample run: the sample's last day (outputs.md).
SAMPLE_AS_OF = 2026-10-31
