/* sheet_dialogues: the Medborgardialoger sheet of both workbooks: the
 * number of dialogues per period by form, target group, area and theme,
 * the participants, and the shares of dialogues where safety and violent
 * extremism were raised, with a chart of the number of dialogues. */
#ifndef VBS_SHEET_DIALOGUES_H
#define VBS_SHEET_DIALOGUES_H

#include "report/report_ctx.h"
#include "report/xlsx.h"

int sheet_dialogues_write(vbs_xlsx *wb, const vbs_report_ctx *ctx, const char *subtitle);

#endif
