#!/bin/sh
# End to end on the committed sample: `make sample` reproduces inputs/ byte
# for byte, and the pipeline's yearly counts of VBE-linked (Ja) and unclear
# (Oklart) IA cases equal the generator's ground truth in inputs/README.md
# (computed by the generator from its own model, not from the CSV files).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
sample=$(dirname "$VBESTAT")/vbestat-sample

"$sample" "$tmp/gen" >/dev/null 2>&1 || fail "vbestat-sample failed"
diff -r inputs "$tmp/gen" >"$tmp/diff" 2>&1 || fail "make sample does not reproduce inputs/: $(head -n 5 "$tmp/diff")"

"$VBESTAT" run --inputs inputs --outputs "$tmp/out" --as-of 2026-10-31 >/dev/null 2>"$tmp/err" ||
	fail "the sample run failed: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "the sample run wrote to stderr: $(cat "$tmp/err")"

# The table "| year | Ja | mean Ja | Oklart | ..." of inputs/README.md.
table=$(awk '/^### IA incidents/ { on = 1 } on && /^[|] 20[0-9][0-9] / { print } on && /^In all/ { exit }' inputs/README.md)
[ "$(echo "$table" | wc -l)" -eq 13 ] || fail "cannot find the IA truth table in inputs/README.md"
echo "$table" | while IFS='|' read -r _ year ja _ oklart _; do
	year=$(echo $year | cut -c1-4)
	ja=$(echo $ja)
	oklart=$(echo $oklart)
	if [ "$year" = 2026 ]; then
		period=2026-01-01..2026-10-31 report=lagesbild
	else
		period=$year report=vb
	fi
	for pair in "incidents_vbe:$ja" "incidents_oklart:$oklart"; do
		ind=${pair%%:*} want=${pair#*:}
		got=$(awk -F, -v r=$report -v i=$ind -v p=$period \
			'$1==r && $2=="ia" && $3==i && $4==p && $5=="total" { print $7 }' "$tmp/out/statistics.csv")
		[ "$got" = "$want" ] || fail "$report $ind $period: statistics.csv has '$got', the sample's truth is $want"
	done
done || exit 1

# The workbook's total row shows the same numbers as statistics.csv: the
# 2025 column of table 1 on Incidenter (the second sheet) holds the 2025
# total.
book=$tmp/out/VB-bilaga-VBE-2025.xlsx
unzip -p "$book" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed -n 2p | grep -q 'Incidenter' ||
	fail "Incidenter is not the second sheet"
unzip -p "$book" xl/worksheets/sheet2.xml | grep -q '<v>22</v>' || fail "Incidenter lacks the 2025 total 22"
echo "ok"
