/* slink-layout why LAYOUT SYMBOL|SECTION|FILE: where a symbol or section is, which script rule
 * put it there, which object or archive member it came from, and which reference pulled that
 * member into the link (followed back to a file given on the command line). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

static const struct jval *D;

static struct jval *file_at(long id) { return id < 0 ? NULL : jat(jget(D, "files"), (size_t)id); }
static struct jval *isec_at(long id) { return id < 0 ? NULL : jat(jget(D, "input_sections"), (size_t)id); }
static struct jval *osec_at(long id) { return id < 0 ? NULL : jat(jget(D, "output_sections"), (size_t)id); }

static void print_rule(const struct jval *rule, const char *indent)
{
	if (!rule || rule->type != J_OBJ) {
		printf("%sno rule recorded\n", indent);
		return;
	}
	if (!strcmp(jstr(rule, "kind"), "script")) {
		printf("%splaced by the input section description %s at %s:%ld:%ld%s\n", indent, jstr(rule, "pattern"),
		       jstr(rule, "file"), jint(rule, "line", 0), jint(rule, "col", 0), jbool(rule, "keep") ? " (KEEP)" : "");
	} else if (!strcmp(jstr(rule, "placement"), "same-name")) {
		printf("%san orphan (no rule matched it): placed with the output section of the same name\n", indent);
	} else {
		const char *after = jstr(rule, "after");
		printf("%san orphan (no rule matched it): a new output section for %s sections, after %s\n", indent,
		       jstr(rule, "orphan_kind"), *after ? after : "the start");
	}
}

/* How a file came into the link, following archive extractions back to the command line. */
static void print_origin(long fid, const char *indent)
{
	for (int depth = 0; depth < 64; depth++) {
		struct jval *f = file_at(fid);
		if (!f)
			return;
		if (jbool(f, "linker")) {
			printf("%s%s is made by the linker\n", indent, jstr(f, "name"));
			return;
		}
		struct jval *by = jget(f, "extracted_by");
		if (!by || by->type != J_OBJ) {
			printf("%s%s was given on the command line (or by a linker script INPUT/GROUP)\n", indent, jstr(f, "name"));
			return;
		}
		if (jbool(by, "whole_archive")) {
			printf("%s%s is member %s of %s, included by --whole-archive\n", indent, jstr(f, "name"), jstr(f, "member"),
			       jstr(f, "archive"));
			return;
		}
		long ref = jint(by, "file", -1);
		if (ref < 0) {
			printf("%s%s is member %s of %s, extracted for symbol %s (a -u/-e/script reference)\n", indent,
			       jstr(f, "name"), jstr(f, "member"), jstr(f, "archive"), jstr(by, "symbol"));
			return;
		}
		printf("%s%s is member %s of %s, extracted because %s references %s\n", indent, jstr(f, "name"),
		       jstr(f, "member"), jstr(f, "archive"), jstr(by, "file_name"), jstr(by, "symbol"));
		fid = ref;
	}
}

static void print_osec(long oid, const char *indent)
{
	struct jval *o = osec_at(oid);
	if (!o)
		return;
	uint64_t vma = jaddr(o, "vma"), lma = jaddr(o, "lma");
	uint64_t size = (uint64_t)jnum(o, "size");
	printf("%sin output section %s [0x%" PRIx64 "-0x%" PRIx64 ") size 0x%" PRIx64, indent, jstr(o, "name"), vma,
	       vma + size, size);
	if (lma != vma)
		printf(", load address 0x%" PRIx64, lma);
	if (*jstr(o, "region"))
		printf(", region %s", jstr(o, "region"));
	long seg = jint(o, "segment", -1);
	if (seg >= 0) {
		struct jval *s = jat(jget(D, "segments"), (size_t)seg);
		printf(", segment %ld (%s %s)", seg, jstr(s, "type"), jstr(s, "flags"));
	}
	printf("\n");
	struct jval *sc = jget(o, "script");
	if (sc && sc->type == J_OBJ)
		printf("%s  (output section statement at %s:%ld)\n", indent, jstr(sc, "file"), jint(sc, "line", 0));
	else if (jbool(o, "orphan"))
		printf("%s  (an orphan output section: the script does not name it)\n", indent);
}

static void print_isec(long id, const char *indent)
{
	struct jval *s = isec_at(id);
	if (!s)
		return;
	long fid = jint(s, "file", -1);
	printf("%sinput section %s of %s at 0x%" PRIx64 ", size 0x%" PRIx64 ", align %ld, %ld bytes of padding before it\n",
	       indent, jstr(s, "name"), jstr(file_at(fid), "name"), jaddr(s, "vma"), (uint64_t)jnum(s, "size"),
	       jint(s, "align", 1), jint(s, "padding_before", 0));
	print_osec(jint(s, "output", -1), indent);
	print_rule(jget(s, "rule"), indent);
	print_origin(fid, indent);
}

int cmd_why(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: slink-layout why LAYOUT.json SYMBOL|SECTION|FILE\n");
		return 2;
	}
	const char *q = argv[2];
	D = json_load_file(argv[1], NULL, NULL);
	int found = 0;
	struct jval *syms = jget(D, "symbols");
	for (size_t i = 0; i < jlen(syms); i++) {
		struct jval *s = jat(syms, i);
		if (strcmp(jstr(s, "name"), q))
			continue;
		found++;
		printf("symbol %s (%s %s) = 0x%" PRIx64 ", size %ld\n", q, jstr(s, "type"), jstr(s, "bind"),
		       jaddr(s, "value"), (long)jnum(s, "size"));
		const char *kind = jstr(s, "kind");
		if (!strcmp(kind, "section")) {
			long id = jint(s, "section", -1);
			struct jval *is = isec_at(id);
			printf("  defined at offset 0x%" PRIx64 " of\n", jaddr(s, "value") - jaddr(is, "vma"));
			print_isec(id, "  ");
		} else if (!strcmp(kind, "script")) {
			printf("  assigned by the linker script or --defsym");
			if (*jstr(s, "output_section"))
				printf(", relative to output section %s", jstr(s, "output_section"));
			printf("\n");
		} else {
			printf("  an absolute symbol");
			if (jint(s, "file", -1) >= 0)
				printf(" of %s", jstr(file_at(jint(s, "file", -1)), "name"));
			printf("\n");
		}
	}
	struct jval *isecs = jget(D, "input_sections");
	int shown = 0;
	for (size_t i = 0; i < jlen(isecs); i++) {
		if (strcmp(jstr(jat(isecs, i), "name"), q))
			continue;
		if (found++ && shown == 0)
			printf("\n");
		if (shown++ < 20)
			print_isec((long)i, "");
	}
	if (shown > 20)
		printf("... and %d more input sections named %s\n", shown - 20, q);
	struct jval *os = jget(D, "output_sections");
	for (size_t i = 0; i < jlen(os); i++) {
		struct jval *o = jat(os, i);
		if (strcmp(jstr(o, "name"), q) || !jbool(o, "in_output"))
			continue;
		found++;
		printf("output section %s: %zu input sections\n", q, jlen(jget(o, "inputs")));
		print_osec((long)i, "  ");
	}
	struct jval *files = jget(D, "files");
	for (size_t i = 0; i < jlen(files); i++) {
		if (strcmp(jstr(jat(files, i), "name"), q))
			continue;
		found++;
		printf("file %s\n", q);
		print_origin((long)i, "  ");
	}
	struct jval *disc = jget(D, "discarded");
	for (size_t i = 0; i < jlen(disc); i++) {
		struct jval *d = jat(disc, i);
		if (strcmp(jstr(d, "name"), q))
			continue;
		found++;
		printf("input section %s of %s was discarded (%s)\n", q, jstr(file_at(jint(d, "file", -1)), "name"),
		       jstr(d, "reason"));
		if (jget(d, "rule") && jget(d, "rule")->type == J_OBJ)
			print_rule(jget(d, "rule"), "  ");
		print_origin(jint(d, "file", -1), "  ");
	}
	if (!found) {
		fprintf(stderr, "slink-layout: %s: no symbol, section or file named `%s'\n", argv[1], q);
		return 1;
	}
	return 0;
}
