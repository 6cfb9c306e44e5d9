/* sentences: short Swedish sentences for the Sammanfattning sheet,
 * generated from the figures and the tests only, so that what the analyst
 * lifts into the annual report always agrees with the tables: the latest
 * period against the previous one, whether the change and the trend over
 * the years are statistically significant, per indicator. */
#ifndef VBS_SENTENCES_H
#define VBS_SENTENCES_H

#include <stddef.h>

#include "report/report_ctx.h"

enum { SENTENCE_MAX = 600, SENTENCES_MAX = 24 };

typedef struct vbs_sentences {
	char text[SENTENCES_MAX][SENTENCE_MAX];
	int n;
} vbs_sentences;

/* Fills out with the sentences of ctx's report, in a fixed order: IA
 * cases, unclear cases, the rate, the survey indicators, dialogues, the
 * sticker log, concern forms. Indicators without figures are left out. */
void sentences_build(const vbs_report_ctx *ctx, vbs_sentences *out);

/* Writes x with `decimals` decimals the Swedish way: decimal comma and a
 * thin space between thousands ("1 234,5"). */
void sentences_number(double x, int decimals, char *buf, size_t size);

#endif
