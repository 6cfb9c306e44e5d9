/* messages: Swedish reasons for rejects.csv (see messages.h). */
#include "base/messages.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const problems[] = {
	[MSG_FIELD_COUNT] = "Raden har %d fält men rubrikraden har %d. Kontrollera avgränsare och citattecken på raden.",
	[MSG_MISSING] = "Värde saknas i den obligatoriska kolumnen %s. Fyll i det i källsystemet.",
	[MSG_BAD_DATE] = "Ogiltigt datum. Skriv ÅÅÅÅ-MM-DD, eventuellt följt av tid TT:MM.",
	[MSG_BAD_INTEGER] = "Ogiltigt antal. Skriv ett heltal som är minst %ld.",
	[MSG_BAD_RANGE] = "Ogiltigt tal. Skriv ett heltal från %ld till %ld.",
	[MSG_BAD_DECIMAL] = "Ogiltigt tal. Skriv ett tal med decimalkomma eller decimalpunkt, utan tusentalsavgränsare.",
	[MSG_BAD_POSITIVE] = "Ogiltig vikt. Skriv ett tal större än 0.",
	[MSG_BAD_CODE] = "Okänt värde. Tillåtna värden: %s.",
	[MSG_PERSONNUMMER] = "Värdet ser ut att innehålla ett personnummer. Ta bort det ur källsystemet.",
	[MSG_TOO_LONG] = "Värdet är för långt. Kontrollera kolumnen.",
	[MSG_UNKNOWN_ACTIVITY] = "Aktiviteten %s finns inte i plan.csv. Lägg till den i planen eller rätta aktivitets-id:t.",
	[MSG_CLEARED_BEFORE] = "Sanerat datum ligger före fyndets datum. Rätta datumet.",
};

void messages_reason(char *buf, size_t size, msg_id id, msg_effect effect,
                     const char *fallback, ...)
{
	va_list ap;
	size_t len;

	va_start(ap, fallback);
	vsnprintf(buf, size, problems[id], ap);
	va_end(ap);
	len = strlen(buf);
	switch (effect) {
	case EFFECT_ROW_DROPPED:
		snprintf(buf + len, size - len, " Raden har inte räknats.");
		break;
	case EFFECT_VALUE_MISSING:
		snprintf(buf + len, size - len,
		         " Raden har räknats; värdet har behandlats som saknat.");
		break;
	case EFFECT_FALLBACK:
		snprintf(buf + len, size - len, " Raden har räknats med värdet '%s'.",
		         fallback ? fallback : "");
		break;
	}
}
