#!/bin/sh
# Runs every unit test binary in $1 and the pipeline ($2, on the
# end-to-end test data) under valgrind: any leak or memory error fails.
# Prints a line per failure and the closing line "N passed, M failed".
set -u
testdir=$1
vbestat=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
vg() {
	valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@"
}
check() {
	name=$1
	shift
	if vg "$@" >"$tmp/log" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL valgrind $name"
		sed 's/^/     /' "$tmp/log" | tail -n 40
	fi
}
for t in "$testdir"/test_*; do
	case $t in *.o|*.d) continue ;; esac
	[ -x "$t" ] || continue
	check "$(basename "$t")" "$t"
done
check "pipeline run" "$vbestat" run --inputs tests/data/e2e/basic --outputs "$tmp/out" --as-of 2026-10-31
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
