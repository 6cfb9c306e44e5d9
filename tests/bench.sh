#!/bin/sh
# Benchmarks: wall time and peak memory of a pipeline run on the sample
# inputs (and, later, on generated city-scale inputs). Measures; asserts
# nothing. Usage: tests/bench.sh bin/vbestat
set -u
vbestat=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -d inputs/ia ]; then
	echo "bench: no sample inputs; run make sample first" >&2
	exit 1
fi
/usr/bin/time -f '%e s wall, %M KiB peak resident' \
	"$vbestat" run --inputs inputs --outputs "$tmp/out" --as-of 2026-10-31 >"$tmp/log" 2>"$tmp/time" ||
	{ cat "$tmp/time"; exit 1; }
printf 'sample run (inputs/): %s\n' "$(tail -n 1 "$tmp/time")"
