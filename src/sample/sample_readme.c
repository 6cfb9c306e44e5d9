/* sample_readme: writes OUTDIR/README.md from the generator's ground truth (files, planted trends, planted bad values). */
#include "sample/sample_readme.h"

#include <string.h>

#include "sample/sample_file.h"
#include "sample/sample_population.h"

static const char *const survey_ids[4] = {
	"andel_otrygga_kvall (F1 in 3,4 of 1-4)",
	"andel_livskvalitet_oro (F2 in 3,4 of 1-4)",
	"andel_sett_extremistiska_budskap (F3 = 1 of 1-2)",
	"andel_avstatt_aktivitet (F4 in 1,2 of 1-3)",
};

static void intro(smp_file *f)
{
	smp_file_puts(f,
"# Sample input data\n"
"\n"
"Fictitious exports for the city district of Östermalm (Stockholm), made by\n"
"the sample generator `bin/vbestat-sample` (sources in `src/sample/`). The\n"
"shapes follow the input contract (`inputs.md`), including the quirks of\n"
"real exports. Every person, personal identity number, staff member and\n"
"unit name is invented; the street and park names are real places in the\n"
"district. The data cover 2014-01-01 to 2026-10-31, the as-of date of\n"
"`make run`.\n"
"\n"
"Regenerate with `make sample` (runs `bin/vbestat-sample inputs`). The\n"
"generator uses fixed seeds (GSL MT19937), a fixed date range, and never\n"
"reads the clock or the locale, so the files come out byte for byte the\n"
"same. Do not edit the files by hand: change the generator and regenerate,\n"
"because the line numbers and counts below are written by the generator\n"
"from its own ground truth (not by parsing the files).\n"
"\n"
"The IA and survey seeds were picked among 300 candidates as the ones\n"
"whose draws lie closest to the planted model, so the realised series\n"
"below show the trends plainly. They are still random draws: test against\n"
"the realised numbers in the tables, not against the model means.\n"
"\n");
}

static const char *eol_name(const smp_fileinfo *fi)
{
	if (fi->delimiter == 0)
		return "";
	if (fi->final_eol)
		return fi->crlf ? "CRLF" : "LF";
	return fi->crlf ? "CRLF, none after the last line" : "LF, none after the last line";
}

static void file_table(smp_file *f, const smp_truth *t)
{
	int i;

	smp_file_puts(f,
"## Files\n"
"\n"
"Rows are data rows (header, empty and delimiter-only lines excluded);\n"
"lines are physical lines (line breaks inside quoted free text count).\n"
"\n"
"| file | rows | lines | encoding | delimiter | line ends | notes |\n"
"|---|---:|---:|---|---|---|---|\n");
	for (i = 0; i < t->nfiles; i++) {
		const smp_fileinfo *fi = &t->files[i];

		smp_file_printf(f, "| `%s` | %ld | %ld | %s | `%c` | %s | %s |\n",
		                fi->path, fi->rows, fi->lines, fi->encoding,
		                fi->delimiter, eol_name(fi), fi->note);
	}
	smp_file_puts(f, "\n");
}

static void sources(smp_file *f)
{
	smp_file_puts(f,
"## The sources\n"
"\n"
"- `ia/`: incident reports from the IA system, one export a year. Each\n"
"  covers 13 months, December of the year before to December (the 2014 file\n"
"  starts on 2014-01-01, the 2026 file ends on 2026-10-31), so every\n"
"  December case is in two files. In some of them the later file holds a\n"
"  newer version (later `Senast ändrad`; `Koppling VBE` changed from\n"
"  `Oklart` to `Ja`, a `Miljö` filled in, or more text): the latest version\n"
"  must win. `Ärendenummer` carries the year of registration, so a case\n"
"  from late December can be numbered in the next year. `Beskrivning` is\n"
"  free text with `;`, `,`, quotes, line breaks, en dashes, fictitious names\n"
"  and Luhn-valid fictitious personnummer (`YYYYMMDD-NNNN` or\n"
"  `YYYYMMDDNNNN`, born 2080-2099 so that none is a real person's):\n"
"  it must never reach any output.\n"
"- `trygghet/`: safety survey microdata, survey years 2016, 2018, 2020,\n"
"  2022 and 2024. `Vikt` has three decimals and a decimal comma; weights\n"
"  are raked to sex and age margins. Answers 9 and blanks occur in every\n"
"  question; F1 also has 5 (never goes out alone).\n"
"- `dialog/`: citizen dialogues in three exports that overlap in\n"
"  November-December 2018 and 2022; some dialogues changed between the\n"
"  exports (participants counted again, a theme added): the later file wins.\n"
"  District-wide digital dialogues have a blank `Område`.\n"
"- `befolkning/`: inhabitants per area on 31 December 2014-2025.\n"
"- `aktiviteter/`: the 2019 action plan's activities (`plan.csv`; texts as\n"
"  in the plan, including its spelling `aidentifierad` in A07; the TSR row\n"
"  is split into A01 meetings and A02 safety walks) and the log of when\n"
"  they took place (`logg.csv`; `Kommentar` is free text with names).\n"
"- `klotter/`: the park and street unit's log of extremist stickers,\n"
"  posters and graffiti, four exports overlapping in November-December.\n"
"  `Sanerat datum` is blank while a find is not removed at export time, so\n"
"  finds near an export's end are blank in the earlier file and dated in\n"
"  the later one. About 1.5 % are never removed.\n"
"- `oro/`: anonymised concern forms, 2016 onwards, two exports overlapping\n"
"  July-December 2021 (identical rows).\n"
"\n");
}

static void ia_truth(smp_file *f, const smp_truth *t)
{
	const smp_ia_truth *ia = &t->ia;
	int y, sja = 0, sok = 0;

	smp_file_puts(f,
"## Planted trends: the true numbers\n"
"\n"
"### IA incidents\n"
"\n"
"Distinct cases by calendar year of `Händelsedatum`, counted on the final\n"
"(latest) version of each case. `Ja` was drawn as Poisson with mean\n"
"6 × 1.12^(year − 2014) (a rise of 12 % a year), `Oklart` as Poisson(8),\n"
"`Nej` as Poisson(265 + 9 × (year − 2014)); 2026 runs 1 January to\n"
"31 October and its means are scaled by 304/365. Dropped rows are the\n"
"four planted rows with a bad required field (all `Nej`, see below).\n"
"\n"
"| year | Ja | mean Ja | Oklart | mean Oklart | Nej (accepted) | dropped rows | Ja with blank Miljö |\n"
"|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (y = 0; y < SMP_NYEARS; y++) {
		smp_file_printf(f, "| %d%s | %d | %.2f | %d | %.2f | %d | %d | %d |\n",
		                SMP_FIRST_YEAR + y, y == SMP_NYEARS - 1 ? " (to 31 Oct)" : "",
		                ia->ja[y], ia->mu_ja[y], ia->oklart[y], ia->mu_oklart[y],
		                ia->nej[y], ia->dropped[y], ia->ja_blank_miljo[y]);
		sja += ia->ja[y];
		sok += ia->oklart[y];
	}
	smp_file_printf(f,
"\nIn all %d Ja and %d Oklart cases. %d cases (December 2014-2025) are in two\n"
"files; in %d of them the later file holds a newer version: %d changed from\n"
"`Oklart` to `Ja` and %d had `Miljö` filled in (the rest got more text).\n"
"Counting the older versions instead would lose those Ja cases.\n\n",
	                sja, sok, ia->overlap, ia->newer, ia->oklart_to_ja,
	                ia->miljo_filled);
}

static void survey_truth(smp_file *f, const smp_truth *t)
{
	const smp_survey_truth *s = &t->survey;
	int q, k;

	smp_file_puts(f,
"### Safety survey\n"
"\n"
"Planted population probabilities (the model's truth) and, for checking,\n"
"the weighted share that the written files give (Σw·y / Σw over valid\n"
"answers, with the weights as written, three decimals), the unweighted\n"
"number of valid answers and Kish's effective n. F1 depends on sex in the\n"
"model (women +6 points, men −6.8), balanced over the calibration margins,\n"
"so the weighted population share is the model probability.\n"
"\n"
"| indicator | year | respondents | true p | weighted share in file | valid n | n_eff |\n"
"|---|---|---:|---:|---:|---:|---:|\n");
	for (q = 0; q < 4; q++)
		for (k = 0; k < SMP_SURVEYS; k++)
			smp_file_printf(f, "| %s | %d | %d | %.3f | %.4f | %d | %.1f |\n",
			                survey_ids[q], s->year[k], s->n[k], s->p[q][k],
			                s->share[q][k], s->valid[q][k], s->n_eff[q][k]);
	smp_file_puts(f, "\n");
}

static void counts_truth(smp_file *f, const smp_truth *t)
{
	int y, a;

	smp_file_puts(f,
"### Dialogues, klotter finds, concern forms, population\n"
"\n"
"Distinct records by year after de-duplication (final versions). Klotter\n"
"finds were drawn as Poisson(22 × 1.08^(year − 2014)), 2026 scaled by\n"
"304/365.\n"
"\n"
"| year | dialogues | participants | klotter finds | items (Σ Antal) | concern forms | population |\n"
"|---|---:|---:|---:|---:|---:|---:|\n");
	for (y = 0; y < SMP_NYEARS; y++) {
		long pop = 0;

		for (a = 0; a < SMP_AREAS; a++)
			pop += t->population[y][a];
		smp_file_printf(f, "| %d | %d | %ld | %d | %ld | %d | ",
		                SMP_FIRST_YEAR + y, t->dialog.count[y], t->dialog.sum[y],
		                t->klotter.count[y], t->klotter.sum[y], t->oro.count[y]);
		if (SMP_FIRST_YEAR + y <= SMP_POP_LAST_YEAR)
			smp_file_printf(f, "%ld |\n", pop);
		else
			smp_file_puts(f, "not published |\n");
	}
	smp_file_printf(f,
"\nDialogues in two files: %d, of which %d differ (the later file is final).\n"
"Klotter finds in two files: %d, of which %d have `Sanerat datum` blank in\n"
"the earlier file and filled in the later. Klotter finds not removed on\n"
"2026-10-31 (blank, or the planted bad date): %d. Concern forms in two\n"
"files: %d (identical).\n\n",
	                t->dialog.overlap, t->dialog.updated, t->klotter.overlap,
	                t->klotter.updated, t->klotter.pending, t->oro.overlap);
}

static const char *status(int occ, int target, int complete)
{
	if (occ >= target)
		return "Uppfyllt";
	if (!complete)
		return "Pågår";
	return occ == 0 ? "Ej uppfyllt" : "Delvis";
}

static void activity_truth(smp_file *f, const smp_truth *t)
{
	const smp_act_truth *at = &t->act;
	int a, y, term;

	smp_file_puts(f,
"### Action plan follow-up\n"
"\n"
"Occurrences per target period from the accepted log rows (the planted\n"
"duplicate and unknown ID excluded) and the status on 2026-10-31. Every\n"
"period meets its target except the planted shortfalls; 2026 and autumn\n"
"2026 are still running.\n"
"\n"
"| activity | Mål;Period | ");
	for (y = 0; y < SMP_ACT_YEARS; y++)
		smp_file_printf(f, "%d | ", SMP_ACT_FIRST_YEAR + y);
	smp_file_puts(f, "\n|---|---|");
	for (y = 0; y < SMP_ACT_YEARS; y++)
		smp_file_puts(f, "---|");
	smp_file_puts(f, "\n");
	for (a = 0; a < at->nacts; a++) {
		if (strcmp(at->period[a], "år") == 0) {
			smp_file_printf(f, "| %s | %d;år | ", at->id[a], at->target[a]);
			for (y = 0; y < SMP_ACT_YEARS; y++)
				smp_file_printf(f, "%d %s | ", at->year_occ[a][y],
				                status(at->year_occ[a][y], at->target[a],
				                       SMP_ACT_FIRST_YEAR + y < SMP_LAST_YEAR));
			smp_file_puts(f, "\n");
		} else if (strcmp(at->period[a], "termin") == 0) {
			for (term = 0; term < 2; term++) {
				smp_file_printf(f, "| %s %s | %d;termin | ", at->id[a],
				                term ? "autumn" : "spring", at->target[a]);
				for (y = 0; y < SMP_ACT_YEARS; y++) {
					int occ = at->term_occ[a][2 * y + term];
					int complete = SMP_ACT_FIRST_YEAR + y < SMP_LAST_YEAR || term == 0;

					smp_file_printf(f, "%d %s | ", occ, status(occ, at->target[a], complete));
				}
				smp_file_puts(f, "\n");
			}
		}
	}
	smp_file_puts(f, "\nLöpande activities (occurrences a year):\n\n| activity | ");
	for (y = 0; y < SMP_ACT_YEARS; y++)
		smp_file_printf(f, "%d | ", SMP_ACT_FIRST_YEAR + y);
	smp_file_puts(f, "\n|---|");
	for (y = 0; y < SMP_ACT_YEARS; y++)
		smp_file_puts(f, "---:|");
	smp_file_puts(f, "\n");
	for (a = 0; a < at->nacts; a++) {
		if (strcmp(at->period[a], "löpande") != 0)
			continue;
		smp_file_printf(f, "| %s | ", at->id[a]);
		for (y = 0; y < SMP_ACT_YEARS; y++)
			smp_file_printf(f, "%d | ", at->year_occ[a][y]);
		smp_file_puts(f, "\n");
	}
	smp_file_puts(f, "\n");
}

static void issues(smp_file *f, const smp_truth *t)
{
	int i;

	smp_file_puts(f,
"## Planted bad and odd values\n"
"\n"
"Line = the physical line where the row starts (line 1 is the header;\n"
"line breaks inside quoted free text count). All rows with a bad value are\n"
"`Nej` cases except where the note says **Ja**. The rows marked *valid*\n"
"are odd spellings that must be accepted without a reject.\n"
"\n"
"| file | line | column | value | expected |\n"
"|---|---:|---|---|---|\n");
	for (i = 0; i < t->nissues; i++) {
		const smp_issue *is = &t->issues[i];

		smp_file_printf(f, "| `%s` | %ld | %s | %s%s%s | %s |\n", is->file, is->line,
		                is->column[0] ? is->column : "(row)",
		                is->value[0] ? "`" : "", is->value[0] ? is->value : "(empty)",
		                is->value[0] ? "`" : "", is->note);
	}
	smp_file_puts(f,
"\nOther quirks that are not bad values: the delimiter-only lines at the\n"
"end of `ia/ia_export_2016.csv` and the empty line in\n"
"`ia/ia_export_2023.csv` (skipped silently); blank `Miljö` on some Ja\n"
"cases (counted as Okänd, shown on the data-quality sheet); blank\n"
"`Område` on district-wide digital dialogues, on about 2 % of klotter\n"
"finds and 1 % of survey respondents (Okänt område, no rejects row).\n");
}

int smp_readme_write(smp_ctx *ctx)
{
	const smp_truth *t = ctx->truth;
	smp_file f;

	if (smp_file_open(ctx, &f, "README.md") < 0)
		return -1;
	intro(&f);
	file_table(&f, t);
	sources(&f);
	ia_truth(&f, t);
	survey_truth(&f, t);
	counts_truth(&f, t);
	activity_truth(&f, t);
	issues(&f, t);
	return smp_file_close(ctx, &f);
}
