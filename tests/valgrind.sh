#!/bin/sh
# Runs the pipeline on the end-to-end test data under valgrind: any leak or
# memory error fails. (The unit tests run under ASan/UBSan in `make test`.)
set -u
vbestat=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
	"$vbestat" run --inputs tests/data/e2e/basic --outputs "$tmp/out" \
	--as-of 2026-10-31 >"$tmp/log" 2>&1; then
	echo "valgrind: no leaks or memory errors in a pipeline run"
	echo "1 passed, 0 failed"
else
	cat "$tmp/log"
	echo "valgrind: the pipeline run has memory errors or leaks (above)"
	echo "0 passed, 1 failed"
	exit 1
fi
