/* slink-layout html LAYOUT -o OUT.html: one self-contained page (inline CSS, JS and data, no
 * network) that draws regions, segments, output and input sections to scale on a canvas. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "template_html.h" /* generated from template.html: static const char template_html[] */

static void put_escaped_html(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
	}
}

int cmd_html(int argc, char **argv)
{
	const char *in = NULL, *outpath = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			outpath = argv[++i];
		else if (!strncmp(argv[i], "-o", 2) && argv[i][2])
			outpath = argv[i] + 2;
		else if (!in)
			in = argv[i];
		else
			in = NULL, i = argc;
	}
	if (!in || !outpath) {
		fprintf(stderr, "usage: slink-layout html LAYOUT.json -o OUT.html\n");
		return 2;
	}
	char *raw;
	size_t len;
	struct jval *doc = json_load_file(in, &raw, &len); /* validated before it is embedded */
	FILE *out = fopen(outpath, "w");
	if (!out) {
		fprintf(stderr, "slink-layout: cannot create %s: %s\n", outpath, strerror(errno));
		return 1;
	}
	const char *t = template_html;
	for (;;) {
		const char *at = strstr(t, "@@");
		if (!at) {
			fputs(t, out);
			break;
		}
		fwrite(t, 1, (size_t)(at - t), out);
		if (!strncmp(at, "@@TITLE@@", 9)) {
			put_escaped_html(out, jstr(doc, "output"));
			t = at + 9;
		} else if (!strncmp(at, "@@DATA@@", 8)) {
			/* '<' only occurs inside JSON strings, where \u003c means the same: the data
			 * can then never close the <script> element */
			for (size_t i = 0; i < len; i++) {
				if (raw[i] == '<')
					fputs("\\u003c", out);
				else
					fputc(raw[i], out);
			}
			t = at + 8;
		} else {
			fputs("@@", out);
			t = at + 2;
		}
	}
	if (fclose(out)) {
		fprintf(stderr, "slink-layout: cannot write %s: %s\n", outpath, strerror(errno));
		return 1;
	}
	return 0;
}
