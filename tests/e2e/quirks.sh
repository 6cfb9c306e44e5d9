#!/bin/sh
# End to end: every per-source quirk file of tests/data/ingest (encodings,
# delimiters, overlaps, bad values, free text with names and personal
# identity numbers) mixed into one input folder, with the basic IA set.
# The run must publish, stay quiet on stderr, count every file's rows
# (read = accepted + rejected + duplicates in manifest.json), and no
# planted personal identity number or free-text fragment may appear in any
# output.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mix=$tmp/mix
for src in ia trygghet dialog befolkning aktiviteter klotter oro; do mkdir -p "$mix/$src"; done
cp tests/data/e2e/basic/ia/*.csv "$mix/ia/"
for dir in tests/data/ingest/*/*/*/ tests/data/e2e/basic/[!i]*/; do
	src=$(basename "$dir")
	case_name=$(basename "$(dirname "$dir")")
	case $dir in tests/data/e2e/*) src=$(basename "$dir") case_name=basic ;; esac
	[ -d "$mix/$src" ] || continue
	for f in "$dir"*.csv; do
		[ -f "$f" ] || continue
		name=$(basename "$f")
		# Keep plan*/logg* first: the two aktiviteter mappings go by it.
		case $name in
		plan*|logg*) out="${name%%.csv}_$case_name.csv" ;;
		*) out="${case_name}_$name" ;;
		esac
		cp "$f" "$mix/$src/$out"
	done
done
[ "$(ls "$mix"/*/ | grep -c csv)" -gt 100 ] || fail "the mix has too few files"

"$VBESTAT" run --inputs "$mix" --outputs "$tmp/out" --as-of 2026-10-31 >"$tmp/log" 2>"$tmp/err" ||
	fail "the mixed run exited $?: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "the mixed run wrote to stderr: $(head -c 300 "$tmp/err")"

# Every file's rows are accounted for.
tr -d '\n\t ' <"$tmp/out/manifest.json" | grep -o '"rows_read":[0-9]*,"accepted":[0-9]*,"rejected":[0-9]*,"duplicates":[0-9]*' |
	sed 's/"[a-z_]*"://g' | while IFS=, read -r r a j d; do
		[ "$r" -eq $((a + j + d)) ] || fail "a file has read $r != $a + $j + $d"
	done || exit 1

# Nothing personal in any output: the numbers and names planted in the
# test files' free text and label columns.
mkdir -p "$tmp/x"
for b in "$tmp/out"/*.xlsx; do unzip -q -o "$b" -d "$tmp/x/$(basename "$b")"; done
for needle in 850101-1236 8501011236 'Kalle Anka' 'Busshållplatsen' 'Leddes av' 'du vet vem'; do
	grep -rqF -- "$needle" "$mix" || fail "'$needle' is not planted in the inputs: the check would prove nothing"
	if grep -rqF -- "$needle" "$tmp/out"/*.csv "$tmp/out/manifest.json" "$tmp/x" "$tmp/log"; then
		fail "'$needle' leaked into an output"
	fi
done
echo "ok"
