/* messages: the Swedish sentences the analyst reads in rejects.csv, in one
 * place. Each says what is wrong and what to fix; the consequence (row not
 * counted, value treated as missing) is appended by messages_reason(). */
#ifndef VBS_MESSAGES_H
#define VBS_MESSAGES_H

#include <stddef.h>

typedef enum msg_id {
	MSG_FIELD_COUNT,     /* %d fields, %d in the header */
	MSG_MISSING,         /* %s column */
	MSG_BAD_DATE,
	MSG_BAD_INTEGER,     /* %ld least value */
	MSG_BAD_RANGE,       /* %ld least, %ld greatest value */
	MSG_BAD_DECIMAL,
	MSG_BAD_POSITIVE,
	MSG_BAD_CODE,        /* %s allowed codes */
	MSG_PERSONNUMMER,
	MSG_TOO_LONG,
	MSG_UNKNOWN_ACTIVITY, /* %s: the Aktivitet-ID not in plan.csv */
	MSG_CLEARED_BEFORE    /* Sanerat datum before Datum */
} msg_id;

typedef enum msg_effect {
	EFFECT_ROW_DROPPED,  /* "Raden har inte räknats." */
	EFFECT_VALUE_MISSING,/* "Raden har räknats; värdet har behandlats som saknat." */
	EFFECT_FALLBACK      /* "Raden har räknats med värdet '%s'." */
} msg_effect;

/* Writes the problem sentence for id (with its one argument, an int pair, a
 * long or a string as listed above) and the effect sentence into buf. */
void messages_reason(char *buf, size_t size, msg_id id, msg_effect effect,
                     const char *fallback, ...);

#endif
