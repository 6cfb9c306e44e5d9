#!/bin/sh
# End to end on tests/data/e2e/basic: the published counts and rejects equal
# the values counted by hand (expected_*.csv), the workbook has its sheet,
# tables, chart with alt text and properties, no personal data leaks, and a
# second run gives the same bytes.
set -u
data=tests/data/e2e/basic
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# The XML of the Excel table called $2 in workbook $1.
table_xml() {
	for part in $(unzip -Z1 "$1" | grep '^xl/tables/table[0-9]*\.xml$'); do
		if unzip -p "$1" "$part" | grep -q "<table [^>]* name=\"$2\""; then
			unzip -p "$1" "$part"
			return 0
		fi
	done
	return 1
}

"$VBESTAT" run --inputs $data --outputs "$tmp/out" --as-of 2026-10-31 >"$tmp/log" 2>"$tmp/err" ||
	fail "the run exited $? : $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "a successful run wrote to stderr: $(cat "$tmp/err")"
stats=$tmp/out/statistics.csv
book=$tmp/out/VB-bilaga-VBE-2025.xlsx
for f in "$stats" "$tmp/out/rejects.csv" "$book"; do
	[ -f "$f" ] || fail "missing output $(basename "$f")"
done
[ -z "$(ls -A "$tmp/out" | grep -v -e '^statistics.csv$' -e '^rejects.csv$' \
	-e '^VB-bilaga-VBE-2025.xlsx$' -e '^lagesbild-VBE-2026-10-31.xlsx$' \
	-e '^manifest.json$' -e '^trend_tests.csv$' -e '^.vbestat.lock$')" ] ||
	fail "unexpected files in the output folder: $(ls -A "$tmp/out")"

head -n 1 "$stats" | grep -qx 'report,source,indicator,period,dimension,category,value,ci_low,ci_high,n,flag' ||
	fail "statistics.csv header: $(head -n 1 "$stats")"

# Each expected figure: report,indicator,period,dimension,category,value,flag
grep -v '^#' $data/expected_statistics.csv | while IFS=, read -r rep ind per dim cat val flag; do
	row=$(awk -F, -v r="$rep" -v i="$ind" -v p="$per" -v d="$dim" -v c="$cat" \
		'$1==r && $2=="ia" && $3==i && $4==p && $5==d && $6==c' "$stats")
	[ -n "$row" ] || fail "no row for $rep $ind $per $dim $cat"
	got_val=$(echo "$row" | cut -d, -f7)
	got_flag=$(echo "$row" | cut -d, -f11)
	[ "$got_val" = "$val" ] && [ "$got_flag" = "$flag" ] ||
		fail "$rep $ind $per $dim $cat: expected value '$val' flag '$flag', got '$got_val' '$got_flag'"
done || exit 1

# Garwood interval of the 2025 total (k = 5): statistics.md §1.
grep -q '^vb,ia,incidents_vbe,2025,total,alla,5,1.62348639,11.66833208,,$' "$stats" ||
	fail "k = 5 does not carry the Garwood interval [1.62348639, 11.66833208]"

# The vb report ends at the report year; the as-of year is only year-to-date.
grep -q '^vb,ia,[a-z_]*,2026,' "$stats" && fail "report vb has the incomplete year 2026"

# Rejects: UTF-8 BOM, ';', one row per bad value at the right line.
head -c 3 "$tmp/out/rejects.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "rejects.csv lacks a BOM"
grep -v '^#' $data/expected_rejects.csv | while IFS=';' read -r src file line col val; do
	grep -q "^$src;$file;$line;$col;$val;" "$tmp/out/rejects.csv" ||
		fail "rejects.csv lacks $src $file line $line column '$col' value '$val'"
done || exit 1
n=$(($(wc -l <"$tmp/out/rejects.csv") - 1))
want=$(grep -vc '^#' $data/expected_rejects.csv)
[ "$n" -eq "$want" ] || fail "rejects.csv has $n rows, expected $want"

# Personal data and free text never leak (names, personnummer, Handläggare).
for needle in 850101 'Kalle Anka' 'Örjan' 'Åsa Berg' 'du vet vem' 'Parkenheten' 'Nordisk' \
	'Busshållplatsen' 'Leddes av'; do
	for f in "$tmp/out/statistics.csv" "$tmp/out/rejects.csv" "$tmp/log"; do
		grep -q "$needle" "$f" && fail "'$needle' leaked into $(basename "$f")"
	done
	unzip -p "$book" | grep -q "$needle" && fail "'$needle' leaked into the workbook"
done

# The workbook: parts, sheet, tables with explicit headers, chart, alt text,
# properties with the as-of date as created.
unzip -tq "$book" >/dev/null || fail "the workbook is not a valid zip"
unzip -p "$book" xl/workbook.xml | grep -q 'name="Incidenter"' || fail "no sheet Incidenter"
table_xml "$book" VBE_miljo >"$tmp/t1" || fail "no Excel table VBE_miljo"
grep -q 'tableColumn id="2" name="2023"' "$tmp/t1" || fail "table VBE_miljo lacks the year column headers"
for b in "$book" "$tmp/out/lagesbild-VBE-2026-10-31.xlsx"; do
	unzip -p "$b" "xl/tables/*.xml" | grep -q "name=\"Column[0-9]" && fail "a table has default Column headers"
done
unzip -l "$book" | grep -q 'xl/charts/chart1.xml' || fail "no chart"
unzip -p "$book" xl/drawings/drawing1.xml | grep -q 'descr="Linjediagram' || fail "the chart has no alt text"
# Accessibility: every chart of both books has alt text.
for b in "$book" "$tmp/out/lagesbild-VBE-2026-10-31.xlsx"; do
	charts=$(unzip -Z1 "$b" | grep -c '^xl/charts/chart[0-9]*\.xml$')
	alts=$(unzip -p "$b" 'xl/drawings/drawing*.xml' | grep -o 'descr="[^"]\{20,\}"' | wc -l)
	[ "$charts" -gt 0 ] && [ "$charts" -eq "$alts" ] ||
		fail "$(basename "$b"): $charts charts but $alts alt texts"
	unzip -p "$b" 'xl/worksheets/sheet*.xml' | grep -q '<mergeCell' && fail "$(basename "$b") has merged cells"
	for prop in '<dc:title>' '<dc:subject>' '<dc:creator>' '<cp:keywords>'; do
		unzip -p "$b" docProps/core.xml | grep -q "$prop" || fail "$(basename "$b") lacks $prop"
	done
	unzip -p "$b" docProps/app.xml | grep -q '<Company>' || fail "$(basename "$b") lacks a company"
done
unzip -p "$book" docProps/core.xml | grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-31T00:00:00Z' ||
	fail "created is not the as-of date"
unzip -p "$book" docProps/core.xml | grep -q '<dc:title>Bilaga till verksamhetsberättelse 2025' || fail "no title"
# The data-quality sheet: its tables, the files read, and the rules.
unzip -p "$book" xl/workbook.xml | grep -q 'name="Datakvalitet"' || fail "no sheet Datakvalitet"
unzip -p "$book" xl/tables/*.xml | grep -q 'name="Datakvalitet_filer"' || fail "no table of files on Datakvalitet"
unzip -p "$book" xl/tables/*.xml | grep -q 'name="Lästa rader"' || fail "the files table lacks 'Lästa rader'"
unzip -p "$book" xl/sharedStrings.xml | grep -q 'ia/export_2025.csv' || fail "Datakvalitet does not list ia/export_2025.csv"
unzip -p "$book" xl/sharedStrings.xml | grep -q 'Så hanteras avvikande värden' || fail "Datakvalitet lacks the rules"

# The lägesbild book: the year-to-date windows as columns, the same sheets.
ytd=$tmp/out/lagesbild-VBE-2026-10-31.xlsx
unzip -tq "$ytd" >/dev/null || fail "the lägesbild workbook is not a valid zip"
for sheet in Incidenter Datakvalitet 'Metod och källor'; do
	unzip -p "$book" xl/workbook.xml | grep -q "name=\"$sheet\"" || fail "VB book lacks sheet $sheet"
	unzip -p "$ytd" xl/workbook.xml | grep -q "name=\"$sheet\"" || fail "lägesbild lacks sheet $sheet"
done
table_xml "$ytd" VBE_miljo | grep -q 'name="2026-01-01..2026-10-31"' ||
	fail "the lägesbild's table VBE_miljo lacks the column 2026-01-01..2026-10-31"
unzip -p "$ytd" docProps/core.xml | grep -q '<dc:title>Lägesbild våldsbejakande extremism 2026-10-31' ||
	fail "the lägesbild's title"
# Metod och källor lists every input file with its SHA-256.
want_sha=$(sha256sum "$data/ia/export_2024.csv" | cut -d' ' -f1)
unzip -p "$book" xl/sharedStrings.xml | grep -q "$want_sha" || fail "Metod och källor lacks the SHA-256 of ia/export_2024.csv"

# manifest.json: hashes equal sha256sum of the files; per-file counts as
# counted by hand (read = accepted + rejected + duplicates).
man=$tmp/out/manifest.json
[ -f "$man" ] || fail "no manifest.json"
# One line per input: path sha256 encoding delimiter read accepted rejected duplicates after_as_of
flat=$(tr -d '\n\t ' <"$man")
input_line() {
	echo "$flat" | grep -o "{\"source\":\"ia\",\"path\":\"$1\"[^}]*}" |
		sed 's/"[a-z_0-9]*"://g; s/[{}"]//g; s/,/ /g'
}
for spec in "ia/export_2024.csv utf-8-bom ; 9 7 1 1 0" \
            "ia/export_2025.csv windows-1252 ; 10 8 1 1 1" \
            "ia/export_2025_extra.csv utf-8 , 2 1 1 0 0"; do
	set -- $spec
	want_sha=$(sha256sum "$data/$1" | cut -d' ' -f1)
	# The delimiter ',' separates the fields of the flattened line; compare
	# the rest field by field.
	got=$(input_line "$1")
	[ -n "$got" ] || fail "manifest.json lacks $1"
	echo "$got" | grep -q "$want_sha" || fail "manifest sha256 of $1 is not sha256sum's $want_sha: $got"
	echo "$got" | grep -q " $2 " || fail "manifest encoding of $1: $got, want $2"
	counts=$(echo "$got" | awk '{ print $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF }')
	[ "$counts" = "$4 $5 $6 $7 $8" ] || fail "manifest counts of $1: '$counts', want '$4 $5 $6 $7 $8'"
done
for f in statistics.csv trend_tests.csv rejects.csv VB-bilaga-VBE-2025.xlsx lagesbild-VBE-2026-10-31.xlsx; do
	want_sha=$(sha256sum "$tmp/out/$f" | cut -d' ' -f1)
	echo "$flat" | grep -q "{\"path\":\"$f\",\"sha256\":\"$want_sha\"}" ||
		fail "manifest sha256 of $f is not sha256sum's $want_sha"
done
echo "$flat" | grep -q '"as_of":"2026-10-31"' || fail "manifest as_of"
echo "$flat" | grep -q '"run_id":"[0-9a-f]\{64\}"' || fail "manifest run_id"

# Byte-identical on a second run (after the clock has moved on).
sleep 1
"$VBESTAT" run --inputs $data --outputs "$tmp/out2" --as-of 2026-10-31 >/dev/null 2>&1 || fail "second run failed"
for f in statistics.csv trend_tests.csv rejects.csv VB-bilaga-VBE-2025.xlsx lagesbild-VBE-2026-10-31.xlsx manifest.json; do
	cmp -s "$tmp/out/$f" "$tmp/out2/$f" || fail "$f differs between two runs"
done
echo "ok"
