/* Reports about a finished layout (reports.c, map.c, cref.c, layout_json.c):
 *   -Map / -M          GNU ld's map file, in GNU ld 2.40's format (map.c)
 *   --cref             GNU ld's cross reference table, appended to the map (cref.c)
 *   --print-memory-usage, --print-gc-sections   as GNU ld prints them (reports.c)
 *   --layout-json      slink's machine-readable layout, schema in docs/layout-json.md
 * They run once addresses, segments and file offsets are final and read the layout only. */
#ifndef SLINK_REPORTS_H
#define SLINK_REPORTS_H

#include <stdio.h>

#include "layout.h"

/* Write every report the command line asked for. */
void reports_write(struct ctx *ctx, struct layout *L);

/* ---- shared by the report writers ---- */

/* A growable string. */
struct sbuf {
	char *s;
	size_t n, cap;
};
void sb_putc(struct sbuf *b, char c);
void sb_puts(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *sb_str(struct sbuf *b); /* NUL-terminated, "" when empty */

/* An expression as GNU ld's map prints it (ldexp.c exp_print_tree), with the constant folding
 * GNU ld's parser does (exp_binop/exp_unop/exp_trinop fold all-constant operands). */
void report_expr(struct sbuf *b, const struct expr *e);
/* Is the expression a constant to GNU ld's parser (which folds all-number operands)? */
bool report_fold(const struct expr *e, uint64_t *v);
/* An assignment statement: "x = (a + 0x1)", "PROVIDE (x = .)". */
void report_assign(struct sbuf *b, const struct assign *a);
/* An input section description: "*(.text .text.*)", "KEEP(*(.init))" is printed as GNU ld
 * prints it (KEEP is not shown): "*(.init)". */
void report_wild(struct sbuf *b, const struct input_section_desc *d);

/* A symbol name as GNU ld prints it: demangled unless --no-demangle. */
const char *report_sym_name(struct ctx *ctx, const char *name);

/* The file GNU ld names for an input section: linker-made sections belong to the first input
 * object (GNU ld's dynobj). */
const char *report_file_name(struct ctx *ctx, const struct input_section *isec);

/* Why an input section is not in the output: "/DISCARD/", "comdat", "gc", "SHF_EXCLUDE",
 * "orphan-handling=discard". */
const char *report_discard_reason(struct ctx *ctx, const struct input_section *isec);

/* The /DISCARD/ rule that takes the section first (NULL when a rule placing it comes first). */
const struct rule *report_discard_rule(struct layout *L, const struct input_section *isec);

/* Does any KEEP() input section description match the section (first match or not)?  GNU ld
 * marks every such section SEC_KEEP (lang_gc_sections_1), which keeps it off the map's list
 * of discarded sections. */
bool report_keep_matches(struct layout *L, const struct input_section *isec);

/* Does the output section statement have a section in GNU ld's sense (it then prints its
 * address and size even when it is empty and not in the output)? */
bool report_osec_exists(struct layout *L, const struct layout_osec *lo);

/* The region a MEMORY entry describes, evaluated. */
struct report_region {
	const char *name;
	const struct memory_region *desc;
	uint64_t origin, length, used;
};
size_t report_regions(struct ctx *ctx, struct layout *L, struct report_region **out);

/* map.c, cref.c, layout_json.c */
void map_write(struct ctx *ctx, struct layout *L, FILE *out);
void cref_write(struct ctx *ctx, FILE *out);
bool layout_json_write(struct ctx *ctx, struct layout *L, const char *path);

#endif
