#!/bin/sh
# Runs every unit test binary in $1 and every end-to-end test in tests/e2e
# against the program $2; prints each failure's output and one closing line
# "N passed, M failed". Exits non-zero when any test failed.
# cmocka writes its summary on stderr: it is merged so a failure is visible.
set -u
testdir=$1
vbestat=$2
passed=0
failed=0
failures=""
out=$(mktemp)
trap 'rm -f "$out"' EXIT

run_one() {
	name=$1
	shift
	if "$@" >"$out" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL $name"
		sed 's/^/     /' "$out"
	fi
}

for t in "$testdir"/test_*; do
	case $t in *.o|*.d) continue ;; esac
	[ -x "$t" ] || continue
	run_one "$(basename "$t")" "$t"
done
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	run_one "e2e/$(basename "$t" .sh)" env VBESTAT="$vbestat" sh "$t"
done
[ -z "$failures" ] || echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
