/* slink-layout: study a link's layout from slink's --layout-json file.
 *   slink-layout html layout.json -o layout.html
 *   slink-layout diff old.json new.json
 *   slink-layout why layout.json SYMBOL|SECTION */
#include <stdio.h>
#include <string.h>

#include "layout.h"

static int usage(FILE *out)
{
	fprintf(out, "usage: slink-layout html LAYOUT.json -o OUT.html\n"
		     "       slink-layout diff OLD.json NEW.json\n"
		     "       slink-layout why LAYOUT.json SYMBOL|SECTION|FILE\n"
		     "LAYOUT.json is written by `slink --layout-json=FILE`.\n");
	return out == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return usage(stdout);
	if (!strcmp(argv[1], "html"))
		return cmd_html(argc - 1, argv + 1);
	if (!strcmp(argv[1], "diff"))
		return cmd_diff(argc - 1, argv + 1);
	if (!strcmp(argv[1], "why"))
		return cmd_why(argc - 1, argv + 1);
	fprintf(stderr, "slink-layout: unknown command `%s'\n", argv[1]);
	return usage(stderr);
}
