/* slink-layout: tools over slink's --layout-json output (docs/layout-json.md). */
#ifndef SLINK_LAYOUT_TOOL_H
#define SLINK_LAYOUT_TOOL_H

#include "json.h"

int cmd_html(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_why(int argc, char **argv);

#endif
