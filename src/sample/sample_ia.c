/* sample_ia: IA incident reports (ia/ia_export_YYYY.csv) with a planted rising trend in VBE-linked cases. */
#include "sample/sample_ia.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample/sample_csv.h"
#include "sample/sample_date.h"
#include "sample/sample_population.h"
#include "sample/sample_rng.h"
#include "sample/sample_text.h"

/* The planted model: Ja cases ~ Poisson(6 * 1.12^(year-2014)), Oklart ~
 * Poisson(8), Nej ~ Poisson(265 + 9 * (year-2014)); 2026 scaled to the
 * days up to 31 October. */
#define IA_JA_2014 6.0
#define IA_JA_GROWTH 1.12
#define IA_OKLART 8.0
#define IA_NEJ_2014 265.0
#define IA_NEJ_STEP 9.0

enum { IA_DESC_MAX = 900, IA_ENHET_MAX = 64 };

enum { TYP_OLYCK, TYP_TILLBUD, TYP_RISK };
static const char *const typ_names[] = { "Olycksfall", "Tillbud", "Riskobservation" };

enum { K_HOT, K_VALD, K_TRAK, K_SKADA, K_KLOTTER, K_KLISTER, K_PROP, K_VARV,
       K_ORO, K_OVRIGT, K_COUNT };
static const char *const kat_names[K_COUNT] = {
	"Hot", "Våld", "Trakasserier", "Skadegörelse", "Klotter",
	"Klistermärken/affischer", "Propaganda", "Värvning", "Oro för individ",
	"Övrigt",
};

enum { KO_JA, KO_NEJ, KO_OKLART };
static const char *const kopp_names[] = { "Ja", "Nej", "Oklart" };

enum { M_VITMAKT, M_AUTONOMA, M_VIE, M_ANNAN, M_OKAND, M_COUNT };
static const char *const miljo_names[M_COUNT] = {
	"Vit makt-miljön", "Autonoma miljön",
	"Våldsbejakande islamistisk extremism", "Annan/ensamagerande", "Okänd",
};

enum { V_FORSKOLA, V_SKOLA, V_FRITID, V_PARKLEK, V_SOCIAL, V_ALDRE, V_PARK,
       V_ADMIN, V_OVRIGT, V_COUNT };
static const char *const verks_names[V_COUNT] = {
	"Förskola", "Skola", "Fritid", "Parklek", "Socialtjänst", "Äldreomsorg",
	"Park och gata", "Administration", "Övrigt",
};

static const char *const units_forskola[] = {
	"Förskolan Lärkan", "Förskolan Ekbacken", "Förskolan Ugglan",
	"Förskolan Tallkotten", "Förskolan Ängsbacken",
};
static const char *const units_skola[] = {
	"Skolsamverkan Östermalm", "Skolsocial samverkan",
};
static const char *const units_fritid[] = {
	"Fritidsgården Gärdet", "Fritidsgården Karlaplan",
	"Ungdomens hus Hjorthagen", "Fritidsklubben Lärkan",
};
static const char *const units_parklek[] = { "Parkleken Ekhagen", "Parkleken Humlan" };
static const char *const units_social[] = {
	"Fältassistenterna", "Preventionsenheten", "Familjeenheten",
	"Vuxenenheten", "Mottagningen barn och unga",
};
static const char *const units_aldre[] = {
	"Hemtjänsten Gärdet", "Hemtjänsten Östermalm city",
	"Vård- och omsorgsboendet Linden", "Dagverksamheten Solrosen",
};
static const char *const units_park[] = { "Park och gata, driftgruppen", "Parkenheten" };
static const char *const units_admin[] = { "Kansliet", "Kontaktcenter", "Ekonomi och HR" };
static const char *const units_ovrigt[] = { "Medborgarkontoret", "Lokalförsörjningen" };

/* Columns of an export; the order of a file is given per file. */
enum { C_ID, C_EVENT, C_REG, C_CHANGED, C_TYP, C_KAT, C_KOPP, C_MILJO,
       C_VERKS, C_ENHET, C_AREA, C_DESC, C_HANDL, C_COUNT };
static const char *const col_names[C_COUNT] = {
	"Ärendenummer", "Händelsedatum", "Registrerad", "Senast ändrad",
	"Händelsetyp", "Kategori", "Koppling VBE", "Miljö", "Verksamhetsområde",
	"Enhet", "Område", "Beskrivning", "Handläggare",
};
static const int order_default[] = {
	C_ID, C_EVENT, C_REG, C_CHANGED, C_TYP, C_KAT, C_KOPP, C_MILJO,
	C_VERKS, C_ENHET, C_AREA, C_DESC,
};
/* The 2022 export came from a saved report view: other order, an extra
 * column and two headers in capitals. */
static const int order_2022[] = {
	C_ID, C_REG, C_EVENT, C_KOPP, C_KAT, C_TYP, C_HANDL, C_AREA, C_ENHET,
	C_VERKS, C_MILJO, C_DESC, C_CHANGED,
};

typedef struct ia_file_spec {
	int year;
	smp_csv_format fmt;
	int reordered;
	int blank_tail;              /* delimiter-only lines after the rows */
	int empty_after;             /* an empty line after this many rows */
	const char *note;
} ia_file_spec;

static const ia_file_spec file_specs[SMP_NYEARS] = {
	{ 2014, { SMP_ENC_CP1252, ';', 1, 1 }, 0, 0, 0,
	  "Windows-1252; covers 2014-01-01..2014-12-31 only (no December 2013)." },
	{ 2015, { SMP_ENC_CP1252, ';', 1, 1 }, 0, 0, 0,
	  "Windows-1252; December 2014 repeated from the 2014 file." },
	{ 2016, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 2, 0,
	  "Ends with two lines of only delimiters (skip silently)." },
	{ 2017, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0, "" },
	{ 2018, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0, "" },
	{ 2019, { SMP_ENC_UTF8, ';', 0, 0 }, 0, 0, 0,
	  "UTF-8 without BOM, LF line ends, no line end after the last row." },
	{ 2020, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0,
	  "Some code values in odd case (`ja`, `NEJ`): valid." },
	{ 2021, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0, "" },
	{ 2022, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 1, 0, 0,
	  "Columns in another order, headers `KOPPLING VBE` and `MILJÖ` in "
	  "capitals, extra unknown column `Handläggare` (staff names: must "
	  "never leak)." },
	{ 2023, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 100,
	  "One empty line in the middle (skip silently)." },
	{ 2024, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0, "" },
	{ 2025, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0, "" },
	{ 2026, { SMP_ENC_UTF8_BOM, ';', 1, 1 }, 0, 0, 0,
	  "Covers 2025-12-01..2026-10-31 (the as-of date)." },
};

/* Planted bad and odd values. Each goes to a case of the given year and
 * Koppling with its event in months lo..hi (never December, so that the
 * row is in one file only). */
typedef struct ia_plant {
	int year, kopp, col, lo, hi;
	int set_mday;                /* move the event to this day, or 0 */
	int drops;                   /* the row is dropped by the pipeline */
	int area;                    /* true area for an odd but valid spelling, or -1 */
	const char *value;           /* NULL: a fresh personnummer */
	const char *note;
} ia_plant;

static const ia_plant plants[] = {
	{ 2021, KO_NEJ, C_EVENT, 2, 2, 0, 1, -1, "2021-02-30",
	  "Bad date (30 February) in a required field: row dropped and reported." },
	{ 2021, KO_NEJ, C_EVENT, 3, 3, 14, 1, -1, "14/3/2021",
	  "Not YYYY-MM-DD in a required field: row dropped and reported." },
	{ 2017, KO_NEJ, C_KOPP, 2, 11, 0, 1, -1, "Kanske",
	  "Not a code of a required field: row dropped and reported." },
	{ 2019, KO_NEJ, C_ID, 2, 11, 0, 1, -1, "",
	  "Missing required Ärendenummer: row dropped and reported." },
	{ 2022, KO_NEJ, C_KAT, 2, 11, 0, 0, -1, "Sabotage",
	  "Unknown Kategori: reported, row kept, Kategori = Uppgift saknas." },
	{ 2023, KO_NEJ, C_ENHET, 2, 11, 0, 0, -1, NULL,
	  "Luhn-valid personnummer in Enhet: reported with value "
	  "`[personnummer]`, treated as missing, row kept." },
	{ 2016, KO_NEJ, C_AREA, 2, 11, 0, 0, -1, "Ladugårdsgärdet",
	  "Unknown area: row kept as Okänt område, no rejects row." },
	{ 2020, KO_NEJ, C_AREA, 2, 11, 0, 0, -1, "Östermalm",
	  "Unknown area (the code is `Östermalm city`): Okänt område, no rejects row." },
	{ 2024, KO_NEJ, C_AREA, 2, 11, 0, 0, -1, "Ladugårdsgärdet",
	  "Unknown area: row kept as Okänt område, no rejects row." },
	{ 2018, KO_NEJ, C_AREA, 2, 11, 0, 0, -1, "",
	  "Blank area: Okänt område, no rejects row." },
	{ 2025, KO_JA, C_AREA, 2, 11, 0, 0, -1, "",
	  "Blank area on a **Ja** case: counted in the Ja series, area Okänt "
	  "område (data-quality sheet), no rejects row." },
	{ 2020, KO_JA, C_KOPP, 2, 11, 0, 0, -1, "ja",
	  "Valid (case folds): a Ja case." },
	{ 2020, KO_NEJ, C_KOPP, 2, 11, 0, 0, -1, "NEJ",
	  "Valid (case folds): a Nej case." },
	{ 2023, KO_NEJ, C_AREA, 2, 11, 0, 0, 2, " gärdet ",
	  "Valid (trim and case fold): area Gärdet." },
};

typedef struct ia_case {
	int year;                    /* of the event */
	int32_t day;
	int64_t event, reg, changed, old_changed;
	int typ, kat, kopp, miljo, verks, area;
	int has_old, old_kopp, old_miljo;
	size_t old_desc_len;
	int reg_year;
	long number;
	int plant;                   /* index into plants, or -1 */
	char plant_value[SMP_VALUE_MAX];
	char enhet[IA_ENHET_MAX];
	char staff[SMP_NAME_MAX];
	char desc[IA_DESC_MAX];
} ia_case;

typedef struct ia_gen {
	smp_ctx *ctx;
	gsl_rng *r;
	ia_case *cases;
	size_t n;
} ia_gen;

static double year_fraction(int y)
{
	int32_t first = smp_date_day(y, 1, 1);
	int32_t last = smp_date_year_end(y);
	int32_t full = smp_date_day(y, 12, 31);

	return (double)(last - first + 1) / (double)(full - first + 1);
}

static int64_t export_time(int file_year)
{
	if (file_year >= SMP_LAST_YEAR)
		return (int64_t)smp_date_year_end(SMP_LAST_YEAR) * SMP_MIN_PER_DAY +
		       23 * 60 + 30;
	return (int64_t)smp_date_day(file_year + 1, 1, 15) * SMP_MIN_PER_DAY + 7 * 60;
}

static size_t pick(gsl_rng *r, const double *w, size_t n)
{
	return smp_rng_pick(r, w, n);
}

static void draw_attributes(ia_gen *g, ia_case *c)
{
	gsl_rng *r = g->r;
	double area_w[SMP_AREAS];

	if (c->kopp == KO_JA) {
		static const double kat_w[K_COUNT] = { 8, 0, 8, 0, 18, 34, 16, 6, 10, 0 };
		static const double miljo_w[M_COUNT + 1] = { 48, 20, 12, 8, 6, 6 };
		size_t m;

		c->kat = (int)pick(r, kat_w, K_COUNT);
		m = pick(r, miljo_w, M_COUNT + 1);
		c->miljo = m == M_COUNT ? -1 : (int)m;
		c->typ = (c->kat == K_HOT || c->kat == K_TRAK) ?
		         (smp_rng_chance(r, 0.6) ? TYP_TILLBUD : TYP_RISK) :
		         (smp_rng_chance(r, 0.85) ? TYP_RISK : TYP_TILLBUD);
	} else if (c->kopp == KO_OKLART) {
		static const double kat_w[K_COUNT] = { 10, 0, 0, 0, 25, 25, 10, 0, 20, 10 };
		static const double miljo_w[M_COUNT + 1] = { 12, 8, 5, 0, 30, 45 };
		size_t m;

		c->kat = (int)pick(r, kat_w, K_COUNT);
		m = pick(r, miljo_w, M_COUNT + 1);
		c->miljo = m == M_COUNT ? -1 : (int)m;
		c->typ = smp_rng_chance(r, 0.8) ? TYP_RISK : TYP_TILLBUD;
	} else {
		static const double typ_w[] = { 38, 37, 25 };
		static const double kat_olyck[K_COUNT + 1] = { 5, 30, 0, 0, 0, 0, 0, 0, 0, 64, 1 };
		static const double kat_till[K_COUNT + 1] = { 30, 25, 10, 5, 0, 0, 0, 0, 0, 29, 1 };
		static const double kat_risk[K_COUNT + 1] = { 10, 0, 10, 30, 15, 0, 0, 0, 0, 34, 1 };
		const double *kw;
		size_t k;

		c->typ = (int)pick(r, typ_w, 3);
		kw = c->typ == TYP_OLYCK ? kat_olyck : c->typ == TYP_TILLBUD ? kat_till : kat_risk;
		k = pick(r, kw, K_COUNT + 1);
		c->kat = k == K_COUNT ? -1 : (int)k;
		c->miljo = smp_rng_chance(r, 0.04) ? M_OKAND : -1;
	}

	if (c->kopp == KO_NEJ) {
		static const double w[V_COUNT] = { 20, 3, 10, 5, 15, 26, 8, 9, 4 };

		c->verks = (int)pick(r, w, V_COUNT);
	} else if (c->kat == K_VARV || c->kat == K_ORO) {
		static const double w[V_COUNT] = { 0, 25, 35, 0, 40, 0, 0, 0, 0 };

		c->verks = (int)pick(r, w, V_COUNT);
	} else if (c->kat == K_HOT || c->kat == K_TRAK) {
		static const double w[V_COUNT] = { 5, 5, 30, 5, 25, 10, 5, 15, 0 };

		c->verks = (int)pick(r, w, V_COUNT);
	} else {
		static const double w[V_COUNT] = { 10, 10, 20, 10, 10, 0, 35, 5, 0 };

		c->verks = (int)pick(r, w, V_COUNT);
	}

	switch (c->verks) {
	case V_FORSKOLA: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_forskola, SMP_COUNT(units_forskola))); break;
	case V_SKOLA: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_skola, SMP_COUNT(units_skola))); break;
	case V_FRITID: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_fritid, SMP_COUNT(units_fritid))); break;
	case V_PARKLEK: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_parklek, SMP_COUNT(units_parklek))); break;
	case V_SOCIAL: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_social, SMP_COUNT(units_social))); break;
	case V_ALDRE: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_aldre, SMP_COUNT(units_aldre))); break;
	case V_PARK: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_park, SMP_COUNT(units_park))); break;
	case V_ADMIN: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_admin, SMP_COUNT(units_admin))); break;
	default: snprintf(c->enhet, sizeof c->enhet, "%s", smp_rng_string(r, units_ovrigt, SMP_COUNT(units_ovrigt))); break;
	}

	smp_population_shares(g->ctx, c->year, area_w);
	c->area = (int)pick(r, area_w, SMP_AREAS);
	smp_text_staff(r, c->staff);
}

static const char *miljo_phrase(int miljo)
{
	switch (miljo) {
	case M_VITMAKT: return "vit makt-budskap";
	case M_AUTONOMA: return "budskap från den autonoma miljön";
	case M_VIE: return "våldsbejakande islamistiskt budskap";
	case M_ANNAN: return "extremistiskt budskap";
	default: return "budskap av okänd avsändare";
	}
}

static void describe_ja(gsl_rng *r, const ia_case *c, const char *place, smp_sbuf *sb)
{
	static const char *const follow[] = {
		" Polisen informerad.", " Sanerat samma dag.",
		" Samordnaren underrättad; blankett för avidentifierad information skickad.",
		" Park och gata kontaktad för sanering.",
		" Chef informerad, ärendet följs upp på APT.",
		" Fotograferat och dokumenterat innan sanering.",
	};
	const char *mp = miljo_phrase(c->miljo);

	switch (c->kat) {
	case K_KLISTER:
		if (smp_rng_chance(r, 0.6))
			smp_sbuf_printf(sb, "Klistermärken med %s upptäcktes på lyktstolpar och elskåp vid %s, ca %d st.",
			                mp, place, smp_rng_int(r, 3, 40));
		else
			smp_sbuf_printf(sb, "Affischer med %s uppsatta på anslagstavlan vid %s.", mp, place);
		break;
	case K_KLOTTER:
		smp_sbuf_printf(sb, "Klotter med %s på fasad vid %s.", mp, place);
		break;
	case K_PROP:
		smp_sbuf_printf(sb, "Flygblad med %s delades ut vid %s; personal samlade in kvarlämnade exemplar.",
		                mp, place);
		break;
	case K_HOT:
		smp_sbuf_printf(sb, "Medarbetare utsattes för hot med koppling till %s i samband med arbetet vid %s.",
		                mp, place);
		break;
	case K_TRAK:
		smp_sbuf_printf(sb, "Besökare trakasserade personal med nedsättande uttalanden och %s vid %s.",
		                mp, place);
		break;
	case K_VARV:
		smp_sbuf_printf(sb, "Ungdomar berättar att en okänd vuxen försökt värva dem till en grupp med %s vid %s.",
		                mp, place);
		break;
	default:
		smp_sbuf_printf(sb, "Personal känner oro för en ungdom som uttryckt stöd för våld och sprider %s i sociala medier.",
		                mp);
		break;
	}
	smp_sbuf_printf(sb, "%s", smp_rng_string(r, follow, SMP_COUNT(follow)));
}

static void describe_oklart(gsl_rng *r, const ia_case *c, const char *place, smp_sbuf *sb)
{
	switch (c->kat) {
	case K_KLISTER:
		smp_sbuf_printf(sb, "Klistermärke med otydlig symbol vid %s, oklart om koppling till extremism.", place);
		break;
	case K_KLOTTER:
		smp_sbuf_printf(sb, "Klotter med tecken som möjligen är extremistiska vid %s.", place);
		break;
	case K_ORO:
		smp_sbuf_printf(sb, "Oro för ungdom som visat intresse för extrema forum på nätet; bedömning pågår.");
		break;
	case K_HOT:
		smp_sbuf_printf(sb, "Hotfullt uttalande från besökare vid %s, oklart om ideologiskt motiverat.", place);
		break;
	default:
		smp_sbuf_printf(sb, "Okända personer delade ut material vid %s, innehållet oklart.", place);
		break;
	}
	if (smp_rng_chance(r, 0.5))
		smp_sbuf_printf(sb, " Samordnaren gör en bedömning.");
}

static void describe_nej(gsl_rng *r, const ia_case *c, const char *place, smp_sbuf *sb)
{
	static const char *const vald[] = {
		"Brukare blev utåtagerande vid omvårdnad och slog medarbetare på armen.",
		"Barn bet pedagog i handen vid konflikt på gården.",
		"Ungdom knuffade personal vid avvisning från lokalen.",
	};
	static const char *const hot[] = {
		"Anhörig uttalade hot mot personal i telefon.",
		"Besökare hotade personal i receptionen.",
		"Besökare sa \"jag vet var du bor\" till medarbetare.",
	};
	static const char *const trak[] = {
		"Upprepade kränkande kommentarer från brukare mot medarbetare.",
		"Medarbetare fick trakasserande sms efter arbetstid.",
	};
	static const char *const olyck[] = {
		"Medarbetare skadade ryggen vid förflyttning av brukare.",
		"Stickskada vid hantering av avfall.",
		"Barn klämde fingret i dörr, personal gav första hjälpen.",
		"Cykelolycka på väg till hembesök, skrapsår på knät.",
		"Medarbetare snubblade på lös kabel i kontorslandskapet.",
	};
	static const char *const ovrigt[] = {
		"Brandlarm löste ut utan orsak.",
		"Dörr till förråd stod olåst över natten.",
		"Fel på passersystemet, entrén stod öppen.",
		"Vattenläcka i personalrummet.",
	};

	switch (c->kat) {
	case K_VALD: smp_sbuf_printf(sb, "%s", smp_rng_string(r, vald, SMP_COUNT(vald))); break;
	case K_HOT: smp_sbuf_printf(sb, "%s", smp_rng_string(r, hot, SMP_COUNT(hot))); break;
	case K_TRAK: smp_sbuf_printf(sb, "%s", smp_rng_string(r, trak, SMP_COUNT(trak))); break;
	case K_SKADA:
		smp_sbuf_printf(sb, "%s vid %s.", smp_rng_chance(r, 0.5) ?
		                "Krossad ruta" : "Sönderslagen belysning", place);
		break;
	case K_KLOTTER:
		smp_sbuf_printf(sb, "Klotter utan politiskt innehåll (tags) på fasad vid %s.", place);
		break;
	default:
		if (c->typ == TYP_OLYCK && smp_rng_chance(r, 0.3))
			smp_sbuf_printf(sb, "Medarbetare halkade på is vid %s och slog i knät.", place);
		else if (c->typ == TYP_OLYCK)
			smp_sbuf_printf(sb, "%s", smp_rng_string(r, olyck, SMP_COUNT(olyck)));
		else
			smp_sbuf_printf(sb, "%s", smp_rng_string(r, ovrigt, SMP_COUNT(ovrigt)));
		break;
	}
}

/* Beskrivning: a first sentence from the case, then optional extras that
 * exercise quoting and the rule that free text never leaks. */
static void describe(ia_gen *g, ia_case *c)
{
	gsl_rng *r = g->r;
	smp_sbuf sb;
	const char *place = smp_text_place(r, c->area < 0 ? 0 : c->area);
	char name[SMP_NAME_MAX], pnr[SMP_PNR_MAX];

	smp_sbuf_init(&sb, c->desc, sizeof c->desc);
	if (c->kopp == KO_JA)
		describe_ja(r, c, place, &sb);
	else if (c->kopp == KO_OKLART)
		describe_oklart(r, c, place, &sb);
	else
		describe_nej(r, c, place, &sb);

	if (smp_rng_chance(r, 0.05)) {
		int h = smp_rng_int(r, 7, 21);

		smp_sbuf_printf(&sb, " Inträffade mellan kl. %d–%d.", h, h + 1);
	}
	if (smp_rng_chance(r, 0.10)) {
		smp_text_person(r, name);
		smp_sbuf_printf(&sb, " Kontaktperson: %s.", name);
	}
	if (smp_rng_chance(r, 0.035)) {
		smp_text_personnummer(r, smp_rng_chance(r, 0.2), pnr);
		smp_text_person(r, name);
		smp_sbuf_printf(&sb, " Gäller %s, %s.", name, pnr);
	}
	if (smp_rng_chance(r, 0.06))
		smp_sbuf_printf(&sb, " Uppgiftslämnaren sa: \"det har hänt förut\".");
	if (smp_rng_chance(r, 0.12))
		smp_sbuf_printf(&sb, " Åtgärd: chef informerad; uppföljning på APT.");
	if (smp_rng_chance(r, 0.10))
		smp_sbuf_printf(&sb, "\nÅtgärder:\n- chef informerad\n- skyddsombud kontaktat");
	if (sb.overflow)
		smp_ctx_fail(g->ctx, SMP_E_SOFTWARE, "IA description too long (limit %d)", IA_DESC_MAX);
}

static int64_t event_minute(gsl_rng *r, int32_t day, int kopp)
{
	static const double hours_nej[24] = {
		1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 10, 10, 10, 10, 10, 10, 9, 7, 5, 4, 3, 2, 2, 1,
	};
	static const double hours_ja[24] = {
		1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1,
	};
	int hour = (int)smp_rng_pick(r, kopp == KO_NEJ ? hours_nej : hours_ja, 24);

	/* The last day's export runs at 23:30: keep its events before 20:00. */
	if (day == smp_date_year_end(SMP_LAST_YEAR) && hour > 19)
		hour = smp_rng_int(r, 8, 19);
	return (int64_t)day * SMP_MIN_PER_DAY + hour * 60 + smp_rng_int(r, 0, 59);
}

/* Registrerad and Senast ändrad of the first export holding the case. */
static void draw_times(gsl_rng *r, ia_case *c)
{
	int64_t limit = export_time(c->year) - 60;
	int64_t reg, changed;

	if (smp_rng_chance(r, 0.55)) {
		reg = c->event + smp_rng_int(r, 20, 480);
	} else {
		int32_t day = (int32_t)(c->event / SMP_MIN_PER_DAY) +
		              smp_rng_int(r, 1, smp_rng_chance(r, 0.8) ? 4 : 12);

		reg = (int64_t)day * SMP_MIN_PER_DAY + smp_rng_int(r, 8, 16) * 60 +
		      smp_rng_int(r, 0, 59);
	}
	if (reg > limit)
		reg = limit;
	if (smp_rng_chance(r, 0.3))
		changed = reg + smp_rng_int(r, 5, 600);
	else
		changed = reg + (int64_t)smp_rng_int(r, 1, 60) * SMP_MIN_PER_DAY +
		          smp_rng_int(r, -300, 300);
	if (changed > limit + 59)
		changed = limit + 59;
	if (changed <= reg)
		changed = reg + 1;
	c->reg = reg;
	c->changed = changed;
}

static int cmp_reg(const void *a, const void *b)
{
	const ia_case *x = a, *y = b;

	if (x->reg != y->reg)
		return x->reg < y->reg ? -1 : 1;
	if (x->event != y->event)
		return x->event < y->event ? -1 : 1;
	return 0;
}

static int draw_cases(ia_gen *g)
{
	smp_ia_truth *t = &g->ctx->truth->ia;
	int counts[SMP_NYEARS][3];
	size_t total = 0, i = 0;
	int y, k, j;

	for (y = SMP_FIRST_YEAR; y <= SMP_LAST_YEAR; y++) {
		int yi = y - SMP_FIRST_YEAR;
		double f = year_fraction(y);

		t->mu_ja[yi] = IA_JA_2014 * pow(IA_JA_GROWTH, yi) * f;
		t->mu_oklart[yi] = IA_OKLART * f;
		t->mu_nej[yi] = (IA_NEJ_2014 + IA_NEJ_STEP * yi) * f;
		counts[yi][KO_JA] = smp_rng_poisson(g->r, t->mu_ja[yi]);
		counts[yi][KO_NEJ] = smp_rng_poisson(g->r, t->mu_nej[yi]);
		counts[yi][KO_OKLART] = smp_rng_poisson(g->r, t->mu_oklart[yi]);
		total += (size_t)(counts[yi][0] + counts[yi][1] + counts[yi][2]);
	}
	g->cases = calloc(total, sizeof *g->cases);
	if (!g->cases)
		return smp_ctx_fail(g->ctx, SMP_E_SOFTWARE, "out of memory");
	g->n = total;
	for (y = SMP_FIRST_YEAR; y <= SMP_LAST_YEAR; y++) {
		int32_t first = smp_date_day(y, 1, 1), last = smp_date_year_end(y);

		for (k = 0; k < 3; k++) {
			for (j = 0; j < counts[y - SMP_FIRST_YEAR][k]; j++) {
				ia_case *c = &g->cases[i++];

				c->year = y;
				c->kopp = k;
				c->plant = -1;
				c->day = smp_rng_day(g->r, first, last);
				draw_attributes(g, c);
			}
		}
	}
	return 0;
}

static int plant_values(ia_gen *g)
{
	size_t p, i;

	for (p = 0; p < SMP_COUNT(plants); p++) {
		const ia_plant *pl = &plants[p];
		size_t cand = 0, chosen;

		for (i = 0; i < g->n; i++) {
			int y, m, d;

			smp_date_ymd(g->cases[i].day, &y, &m, &d);
			if (g->cases[i].year == pl->year && g->cases[i].kopp == pl->kopp &&
			    g->cases[i].plant < 0 && m >= pl->lo && m <= pl->hi)
				cand++;
		}
		if (cand == 0)
			return smp_ctx_fail(g->ctx, SMP_E_SOFTWARE,
			                    "no IA case to plant '%s' in %d", pl->value ? pl->value : "personnummer",
			                    pl->year);
		chosen = (size_t)smp_rng_int(g->r, 0, (int)cand - 1);
		for (i = 0; i < g->n; i++) {
			ia_case *c = &g->cases[i];
			int y, m, d;

			smp_date_ymd(c->day, &y, &m, &d);
			if (!(c->year == pl->year && c->kopp == pl->kopp &&
			      c->plant < 0 && m >= pl->lo && m <= pl->hi))
				continue;
			if (chosen-- > 0)
				continue;
			c->plant = (int)p;
			if (pl->value)
				snprintf(c->plant_value, sizeof c->plant_value, "%s", pl->value);
			else
				smp_text_personnummer(g->r, 0, c->plant_value);
			if (pl->set_mday)
				c->day = smp_date_day(y, m, pl->set_mday);
			if (pl->col == C_AREA)
				c->area = pl->area;
			break;
		}
	}
	return 0;
}

/* Appends an update note to a case's description. */
static void append_desc(ia_gen *g, ia_case *c, const char *text)
{
	smp_sbuf sb = { c->desc, sizeof c->desc, strlen(c->desc), 0 };

	smp_sbuf_printf(&sb, "%s", text);
	if (sb.overflow)
		smp_ctx_fail(g->ctx, SMP_E_SOFTWARE, "IA description too long (limit %d)", IA_DESC_MAX);
}

/* Times, descriptions, case numbers and the older versions of December
 * cases that reappear in the next year's export. */
static int finish_cases(ia_gen *g)
{
	smp_ia_truth *t = &g->ctx->truth->ia;
	long next[SMP_NYEARS + 1];
	size_t i;
	int y;

	for (i = 0; i < g->n; i++) {
		ia_case *c = &g->cases[i];

		c->event = event_minute(g->r, c->day, c->kopp);
		draw_times(g->r, c);
		describe(g, c);
	}
	if (g->ctx->status != SMP_OK)
		return -1;
	qsort(g->cases, g->n, sizeof *g->cases, cmp_reg);
	for (y = 0; y <= SMP_NYEARS; y++)
		next[y] = smp_rng_int(g->r, 1, 60);
	for (i = 0; i < g->n; i++) {
		ia_case *c = &g->cases[i];
		int ry, m, d, yi;

		smp_date_ymd((int32_t)(c->reg / SMP_MIN_PER_DAY), &ry, &m, &d);
		yi = ry - SMP_FIRST_YEAR;
		c->reg_year = ry;
		c->number = next[yi];
		next[yi] += smp_rng_int(g->r, 8, 52);
	}
	for (i = 0; i < g->n; i++) {
		ia_case *c = &g->cases[i];
		int cy, m, d;
		double p;

		smp_date_ymd(c->day, &cy, &m, &d);
		if (m != 12 || c->year >= SMP_LAST_YEAR)
			continue;
		t->overlap++;
		p = c->kopp == KO_NEJ ? 1.0 / 3.0 : 0.8;
		if (!smp_rng_chance(g->r, p))
			continue;
		c->has_old = 1;
		c->old_kopp = c->kopp;
		c->old_miljo = c->miljo;
		c->old_desc_len = strlen(c->desc);
		c->old_changed = c->changed;
		t->newer++;
		if (c->kopp == KO_JA && smp_rng_chance(g->r, 0.6)) {
			c->old_kopp = KO_OKLART;
			t->oklart_to_ja++;
			append_desc(g, c, "\nUppdatering: koppling till VBE bekräftad efter samråd med polisen.");
		} else if (c->kopp != KO_NEJ && c->miljo >= 0 && c->miljo != M_OKAND &&
		           smp_rng_chance(g->r, 0.5)) {
			c->old_miljo = -1;
			t->miljo_filled++;
			append_desc(g, c, "\nKompletterat: miljö angiven efter samråd med samordnaren.");
		} else {
			append_desc(g, c, " Kompletterat med åtgärd: uppföljning klar.");
		}
		c->changed = c->old_changed +
		             (int64_t)smp_rng_int(g->r, 7, 200) * SMP_MIN_PER_DAY +
		             smp_rng_int(g->r, -240, 240);
		if (c->changed > export_time(c->year + 1) - 1)
			c->changed = export_time(c->year + 1) - 1;
		if (c->changed <= c->old_changed)
			c->changed = c->old_changed + 1;
	}
	return g->ctx->status == SMP_OK ? 0 : -1;
}

static void count_truth(ia_gen *g)
{
	smp_ia_truth *t = &g->ctx->truth->ia;
	size_t i;

	for (i = 0; i < g->n; i++) {
		const ia_case *c = &g->cases[i];
		int yi = c->year - SMP_FIRST_YEAR;

		if (c->plant >= 0 && plants[c->plant].drops) {
			t->dropped[yi]++;
			continue;
		}
		if (c->kopp == KO_JA) {
			t->ja[yi]++;
			if (c->miljo < 0)
				t->ja_blank_miljo[yi]++;
		} else if (c->kopp == KO_OKLART) {
			t->oklart[yi]++;
		} else {
			t->nej[yi]++;
		}
	}
}

static const char *code(const char *const *names, int i)
{
	return i >= 0 ? names[i] : "";
}

static int write_row(ia_gen *g, smp_csv *csv, const ia_file_spec *fs,
                     const ia_case *c)
{
	const int *order = fs->reordered ? order_2022 : order_default;
	size_t ncol = fs->reordered ? SMP_COUNT(order_2022) : SMP_COUNT(order_default);
	int old = c->has_old && fs->year == c->year;
	char id[24], ev[17], reg[17], ch[17], desc[IA_DESC_MAX];
	long line = smp_csv_next_line(csv);
	size_t k;

	snprintf(id, sizeof id, "IA-%04u-%06lu", (unsigned)c->reg_year % 10000u,
	         (unsigned long)c->number % 1000000UL);
	smp_date_format_minute(c->event, ev);
	smp_date_format_minute(c->reg, reg);
	smp_date_format_minute(old ? c->old_changed : c->changed, ch);
	memcpy(desc, c->desc, sizeof desc);
	if (old)
		desc[c->old_desc_len] = '\0';
	for (k = 0; k < ncol; k++) {
		int col = order[k];
		const char *v = "";

		if (c->plant >= 0 && plants[c->plant].col == col) {
			v = c->plant_value;
		} else {
			switch (col) {
			case C_ID: v = id; break;
			case C_EVENT: v = ev; break;
			case C_REG: v = reg; break;
			case C_CHANGED: v = ch; break;
			case C_TYP: v = code(typ_names, c->typ); break;
			case C_KAT: v = code(kat_names, c->kat); break;
			case C_KOPP: v = code(kopp_names, old ? c->old_kopp : c->kopp); break;
			case C_MILJO: v = code(miljo_names, old ? c->old_miljo : c->miljo); break;
			case C_VERKS: v = code(verks_names, c->verks); break;
			case C_ENHET: v = c->enhet; break;
			case C_AREA: v = smp_area_name(c->area); break;
			case C_DESC: v = desc; break;
			case C_HANDL: v = c->staff; break;
			default: break;
			}
		}
		smp_csv_field(csv, v);
	}
	smp_csv_end_row(csv);
	if (c->plant >= 0) {
		const ia_plant *pl = &plants[c->plant];

		return smp_ctx_issue(g->ctx, csv->file.rel, line, col_names[pl->col],
		                     c->plant_value, pl->note);
	}
	return 0;
}

static int write_file(ia_gen *g, const ia_file_spec *fs)
{
	const int *order = fs->reordered ? order_2022 : order_default;
	size_t ncol = fs->reordered ? SMP_COUNT(order_2022) : SMP_COUNT(order_default);
	int32_t first = fs->year == SMP_FIRST_YEAR ? smp_date_day(fs->year, 1, 1) :
	                smp_date_day(fs->year - 1, 12, 1);
	int32_t last = smp_date_year_end(fs->year);
	char rel[64];
	smp_csv csv;
	size_t i, k;
	long rows = 0;
	int j;

	snprintf(rel, sizeof rel, "ia/ia_export_%04u.csv", (unsigned)fs->year % 10000u);
	if (smp_csv_open(g->ctx, &csv, rel, &fs->fmt) < 0)
		return -1;
	for (k = 0; k < ncol; k++) {
		const char *h = col_names[order[k]];

		if (fs->reordered && order[k] == C_KOPP)
			h = "KOPPLING VBE";
		else if (fs->reordered && order[k] == C_MILJO)
			h = "MILJÖ";
		smp_csv_field(&csv, h);
	}
	smp_csv_end_row(&csv);
	for (i = 0; i < g->n; i++) {
		const ia_case *c = &g->cases[i];

		if (c->day < first || c->day > last)
			continue;
		if (write_row(g, &csv, fs, c) < 0)
			break;
		if (++rows == fs->empty_after)
			smp_csv_blank_line(&csv, 0);
	}
	for (j = 0; j < fs->blank_tail; j++)
		smp_csv_blank_line(&csv, (int)ncol - 1);
	return smp_csv_close(&csv, fs->note);
}

int smp_ia_write(smp_ctx *ctx)
{
	ia_gen g = { ctx, ctx->rng, NULL, 0 };
	size_t f;
	int rc = -1;

	smp_ctx_seed(ctx, 2);
	if (draw_cases(&g) < 0 || plant_values(&g) < 0 || finish_cases(&g) < 0)
		goto fail;
	count_truth(&g);
	if (smp_file_mkdir(ctx, "ia") < 0)
		goto fail;
	for (f = 0; f < SMP_COUNT(file_specs); f++)
		if (write_file(&g, &file_specs[f]) < 0)
			goto fail;
	rc = ctx->status == SMP_OK ? 0 : -1;
fail:
	free(g.cases);
	return rc;
}
