#!/bin/sh
# Benchmarks: wall time and peak memory of pipeline runs. Measures and
# prints; asserts nothing. Usage: tests/bench.sh bin/vbestat
#   BENCH_ROWS=10000000 make bench    city scale (needs ~1.3 GB of $TMPDIR)
set -u
vbestat=$1
rows=${BENCH_ROWS:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {
	label=$1
	shift
	/usr/bin/time -f '%e s wall, %M KiB peak resident' "$@" >"$tmp/log" 2>"$tmp/time" ||
		{ cat "$tmp/time"; exit 1; }
	printf '%s: %s\n' "$label" "$(tail -n 1 "$tmp/time")"
}

if [ -d inputs/ia ]; then
	measure "sample (inputs/)" "$vbestat" run --inputs inputs --outputs "$tmp/out" --as-of 2026-10-31
fi

# Synthetic IA export of $rows cases, beside the sample's other sources
# (every source but befolkning is required).
mkdir -p "$tmp/big"
cp -r inputs/. "$tmp/big/"
rm -f "$tmp/big/ia/"*.csv "$tmp/big/README.md"
awk -v rows="$rows" 'BEGIN {
	OFS = ";"
	print "Ärendenummer;Händelsedatum;Registrerad;Senast ändrad;Händelsetyp;Kategori;Koppling VBE;Miljö;Verksamhetsområde;Enhet;Område;Beskrivning"
	split("Ja Nej Nej Nej Oklart", vbe, " ")
	split("Hot Klotter Propaganda Övrigt", kat, " ")
	split("Gärdet Hjorthagen Lärkstaden Djurgården", omr, " ")
	per_year = int(rows / 12) + 1
	for (i = 0; i < rows; i++) {
		y = 2014 + int(i / per_year); m = 1 + i % 12; d = 1 + i % 28
		printf "IA-%d-%07d;%d-%02d-%02d 10:00;%d-%02d-%02d;%d-%02d-%02d 12:00;Tillbud;%s;%s;Vit makt-miljön;Fritid;Enheten;%s;\"fri text; med \"\"citat\"\"\"\n",
			y, i, y, m, d, y, m, d, y, m, d, kat[1 + i % 4], vbe[1 + i % 5], omr[1 + i % 4]
	}
}' >"$tmp/big/ia/export.csv"
measure "$rows IA cases" "$vbestat" run --inputs "$tmp/big" --outputs "$tmp/out2" --as-of 2026-10-31
