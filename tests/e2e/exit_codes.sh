#!/bin/sh
# End to end: every failure exits with its sysexits status (outputs.md),
# prints exactly one line on stderr naming what to fix, and leaves the
# previous outputs untouched with no staging folder behind.
set -u
good=tests/data/e2e/basic
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# expect STATUS PATTERN command...: exit status and the one stderr line.
expect() {
	want=$1 pattern=$2
	shift 2
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	[ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want: $(cat "$tmp/stderr")"
	if [ "$want" -ne 0 ]; then
		[ "$(wc -l <"$tmp/stderr")" -eq 1 ] || fail "'$*' printed not one line on stderr: $(cat "$tmp/stderr")"
		grep -q -- "$pattern" "$tmp/stderr" || fail "'$*': stderr lacks '$pattern': $(cat "$tmp/stderr")"
	fi
}

run() { "$VBESTAT" run --as-of 2026-10-31 "$@"; }

# Usage errors: 64.
expect 64 'missing command' "$VBESTAT"
expect 64 "unknown option '--frobnicate'" run --inputs $good --outputs "$tmp/o" --frobnicate
expect 64 "unknown command 'walk'" "$VBESTAT" walk
expect 64 'missing --outputs' "$VBESTAT" run --inputs $good
expect 64 "'2026-02-30' is not a valid date" "$VBESTAT" run --inputs $good --outputs "$tmp/o" --as-of 2026-02-30
expect 64 "'31/10/2026' is not a valid date" "$VBESTAT" run --inputs $good --outputs "$tmp/o" --as-of 31/10/2026
expect 64 'needs a value' "$VBESTAT" run --inputs $good --outputs
expect 0 '' "$VBESTAT" --help
grep -q '^usage: vbestat run' "$tmp/stdout" || fail "--help does not print the usage on stdout"
expect 0 '' "$VBESTAT" --version
grep -q '^vbestat [0-9]' "$tmp/stdout" || fail "--version does not print the version"

# Missing input: 66.
expect 66 'input folder is missing' run --inputs "$tmp/nowhere" --outputs "$tmp/o"
mkdir -p "$tmp/empty/ia"
expect 66 "no .csv file for the required source 'ia'" run --inputs "$tmp/empty" --outputs "$tmp/o"
mkdir -p "$tmp/noia"
expect 66 "folder for source 'ia' is missing" run --inputs "$tmp/noia" --outputs "$tmp/o"

# Every source but befolkning is required; befolkning may be absent, and
# the workbook then says what that leaves out.
cp -r $good "$tmp/noklotter" && rm -r "$tmp/noklotter/klotter"
expect 66 "folder for source 'klotter' is missing" run --inputs "$tmp/noklotter" --outputs "$tmp/o"
cp -r $good "$tmp/nobef" && rm -r "$tmp/nobef/befolkning"
expect 0 '' run --inputs "$tmp/nobef" --outputs "$tmp/obef"
unzip -p "$tmp/obef/VB-bilaga-VBE-2025.xlsx" xl/sharedStrings.xml | grep -q 'Befolkningsuppgifter saknas' ||
	fail "without befolkning the workbook does not say what is left out"

# A good run, kept to check that failures leave it untouched.
expect 0 '' run --inputs $good --outputs "$tmp/out"
unzip -p "$tmp/out/VB-bilaga-VBE-2025.xlsx" xl/sharedStrings.xml | grep -q 'Befolkningsuppgifter saknas' &&
	fail "the note on befolkning appears although it is there"
cp -p "$tmp/out/statistics.csv" "$tmp/out/rejects.csv" "$tmp/out/VB-bilaga-VBE-2025.xlsx" \
	"$tmp/out/lagesbild-VBE-2026-10-31.xlsx" "$tmp/out/manifest.json" "$tmp/out/trend_tests.csv" "$tmp/"
untouched() {
	for f in statistics.csv trend_tests.csv rejects.csv VB-bilaga-VBE-2025.xlsx lagesbild-VBE-2026-10-31.xlsx manifest.json; do
		cmp -s "$tmp/$f" "$tmp/out/$f" || fail "$1: $f was changed by a failed run"
	done
	[ ! -e "$tmp/out/.vbestat-staging" ] || fail "$1: the staging folder was left behind"
}

# Unusable input files: 65, naming file and line or column.
mkdir -p "$tmp/cut/ia"
cp $good/ia/export_2024.csv "$tmp/cut/ia/"
printf 'Ärendenummer;Händelsedatum;Koppling VBE;Beskrivning\nIA-9;2025-01-01;Ja;"ends inside\na quote\n' >"$tmp/cut/ia/z_cut.csv"
expect 65 'ia/z_cut.csv:2:' run --inputs "$tmp/cut" --outputs "$tmp/out"
untouched "a file cut inside a quote"
mkdir -p "$tmp/nocol/ia"
printf 'Ärendenummer;Händelsedatum;Beskrivning\nIA-9;2025-01-01;x\n' >"$tmp/nocol/ia/a.csv"
expect 65 "column 'Koppling VBE'" run --inputs "$tmp/nocol" --outputs "$tmp/out"
untouched "a required column missing"
mkdir -p "$tmp/bin/ia"
printf 'PK\003\004\000\000\000binary' >"$tmp/bin/ia/a.csv"
expect 65 'ia/a.csv' run --inputs "$tmp/bin" --outputs "$tmp/out"
untouched "a binary file"
expect 65 'before every IA case' "$VBESTAT" run --inputs $good --outputs "$tmp/out" --as-of 2000-01-01
untouched "an as-of date before every record"

# A bad configuration: 78 with file:line.
cp -r pipeline "$tmp/conf"
printf '[report]\ncolour = blue\n' >>"$tmp/conf/vbestat.conf"
line=$(grep -n '^colour' "$tmp/conf/vbestat.conf" | cut -d: -f1)
expect 78 "vbestat.conf:$line: unknown key 'colour'" run --inputs $good --outputs "$tmp/out" --config "$tmp/conf/vbestat.conf"
untouched "a bad configuration"
expect 78 'unable to open' run --inputs $good --outputs "$tmp/out" --config "$tmp/conf/missing.conf"

# The output folder cannot be created: 73.
expect 73 'parent folder must exist' run --inputs $good --outputs "$tmp/no/such/out"

# Another run holds the lock: 75.
if command -v flock >/dev/null; then
	flock "$tmp/out/.vbestat.lock" sleep 3 &
	sleep 1
	expect 75 'another vbestat run holds the lock' run --inputs $good --outputs "$tmp/out"
	wait
	untouched "a held lock"
fi

# A stale staging folder from a killed run is cleared by the next run.
mkdir -p "$tmp/out/.vbestat-staging" && echo half >"$tmp/out/.vbestat-staging/statistics.csv"
expect 0 '' run --inputs $good --outputs "$tmp/out"
[ ! -e "$tmp/out/.vbestat-staging" ] || fail "the stale staging folder was not cleared"
echo "ok"
