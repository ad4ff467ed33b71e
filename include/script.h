/* The linker-script front end: lexer, parser, AST and expression evaluator for the whole GNU ld
 * 2.40 script language (script_lex.c, script_parse.c, script_expr.c).
 *
 * The AST is plain tagged structs (kind + union payload) linked through `next`; every node keeps
 * its source location.  Everything is allocated from ctx->arena and lives as long as the link.
 * Parsing only builds the tree: the layout engine (layout.c) walks it and evaluates expressions
 * on demand with script_eval() against a `struct script_env` it provides. */
#ifndef SLINK_SCRIPT_H
#define SLINK_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;
struct output_section;

/* ---- source locations --------------------------------------------------------------- */

/* One script text as read (copied into the arena, NUL-terminated): kept so diagnostics raised
 * long after parsing (during layout) can still quote the line. */
struct script_source {
	const char *name;
	const char *text;
	size_t len;
};

struct src_loc {
	const char *file;                 /* == src->name, or an origin like "--defsym" */
	uint32_t line, col;               /* 1-based; col counts bytes */
	const struct script_source *src;  /* NULL when there is no text to quote */
};

/* "FILE:LINE:COL: error: MESSAGE", then the source line and a caret under the column.
 * Counts the error in ctx->errors.  For the layout engine's own script errors, too. */
void script_error(struct ctx *ctx, const struct src_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void script_warn(struct ctx *ctx, const struct src_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- expressions -------------------------------------------------------------------- */

enum expr_kind {
	EXPR_NUM,     /* num */
	EXPR_SYMBOL,  /* name (a symbol; "." is EXPR_DOT) */
	EXPR_DOT,     /* the location counter */
	EXPR_UNARY,   /* op, a */
	EXPR_BINARY,  /* op, a, b */
	EXPR_COND,    /* a ? b : c */
	EXPR_CALL,    /* fn with name and/or args a, b */
};

enum expr_op {
	OP_NEG, OP_NOT, OP_BITNOT, OP_PLUS,                   /* unary - ! ~ + */
	OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB, OP_SHL, OP_SHR,
	OP_LT, OP_GT, OP_LE, OP_GE, OP_EQ, OP_NE,
	OP_AND, OP_XOR, OP_OR, OP_ANDAND, OP_OROR,
};

enum expr_fn {
	FN_ABSOLUTE,              /* a */
	FN_ADDR,                  /* name: output section */
	FN_ALIGN,                 /* ALIGN(a) aligns `.`; ALIGN(a, b) aligns a to b (b != NULL) */
	FN_ALIGNOF,               /* name: output section */
	FN_BLOCK,                 /* a: same as one-argument ALIGN */
	FN_DATA_SEGMENT_ALIGN,    /* a = maxpagesize, b = commonpagesize */
	FN_DATA_SEGMENT_END,      /* a */
	FN_DATA_SEGMENT_RELRO_END,/* a = offset, b = exp (usually `.`) */
	FN_DEFINED,               /* name: symbol */
	FN_LENGTH,                /* name: memory region */
	FN_LOADADDR,              /* name: output section */
	FN_LOG2CEIL,              /* a */
	FN_MAX, FN_MIN,           /* a, b */
	FN_NEXT,                  /* a */
	FN_ORIGIN,                /* name: memory region */
	FN_SEGMENT_START,         /* name: segment ("text-segment"...), a = default */
	FN_SIZEOF,                /* name: output section */
	FN_SIZEOF_HEADERS,
	FN_CONSTANT,              /* name: "MAXPAGESIZE" or "COMMONPAGESIZE" (checked by the parser) */
	FN_ASSERT,                /* a = condition, name = message; value is a */
};

struct expr {
	enum expr_kind kind;
	struct src_loc loc;
	enum expr_op op;          /* EXPR_UNARY, EXPR_BINARY */
	enum expr_fn fn;          /* EXPR_CALL */
	uint64_t num;             /* EXPR_NUM */
	const char *hex_digits;   /* EXPR_NUM written 0xDIGITS (no K/M): the digits, which are a
	                           * fill pattern's bytes, however many (GNU ld's exp_get_fill) */
	const char *name;         /* EXPR_SYMBOL; EXPR_CALL's name argument (see enum expr_fn) */
	struct expr *a, *b, *c;   /* operands: unary a; binary a op b; cond a ? b : c; call args */
};

/* The value of an expression, with GNU ld's notion of its section ("Expression Section" in
 * `info ld`):
 *   sec != NULL            relative to output section `sec`: the address is sec->addr + val;
 *   sec == NULL, !number   an absolute value;
 *   sec == NULL, number    a plain number (a literal, SIZEOF, LENGTH, DEFINED, ...): absolute
 *                          when used as an address outside an output section, but assigned to a
 *                          symbol or `.` inside an output section it is relative to that
 *                          section (script_value_for_assign does that conversion).
 * ok is false when the value cannot be computed (yet): an undefined symbol, a section not yet
 * placed, an error already reported. */
struct value {
	uint64_t val;
	struct output_section *sec;
	bool number;
	bool ok;
	/* An absolute result computed from `.` (or ALIGN, ORIGIN, SEGMENT_START, DATA_SEGMENT_*)
	 * and not passed through ABSOLUTE(): GNU ld defines a symbol assigned such a value
	 * relative to the output section containing the address (ldexp.c section_for_dot), so
	 * `etext = . + 4;` outside sections is a section symbol while `e = ABSOLUTE(.)` is 'A'. */
	bool from_dot;
};

/* Result of a section query from the evaluator to the layout engine. */
enum section_query {
	SECTION_OK,          /* *info filled */
	SECTION_MISSING,     /* no output section statement of that name: an error */
	SECTION_NOT_PLACED,  /* exists, but its address/size is not known yet: value not ok */
};

struct section_info {
	struct output_section *osec;   /* for ADDR: the value is relative to it; may be NULL */
	uint64_t addr, lma, size, align;
	/* not placed yet in this pass, where GNU ld has no ADDR / LOADADDR (forward references
	 * in AT, section addresses and `.` assignments) */
	bool addr_pending, lma_pending;
};

/* What the evaluator needs from the link.  The layout engine fills one in and updates `dot` and
 * `section` as it walks SECTIONS.  Any callback may be NULL: the builtin using it then yields
 * "not ok" (and an error when report_errors). */
struct script_env {
	struct ctx *ctx;
	void *ud;
	uint64_t dot;                    /* absolute address of `.` */
	bool dot_ok;                     /* false where `.` is meaningless (MEMORY, --defsym, ...) */
	struct output_section *section;  /* output section being defined, NULL outside one */
	bool report_errors;              /* false in early layout passes: fail silently */
	uint64_t maxpagesize, commonpagesize;  /* CONSTANT(...) */

	/* A defined symbol's value: *sec is its output section (NULL = absolute), *val the offset
	 * in it.  Return false when undefined. */
	bool (*symbol)(void *ud, const char *name, uint64_t *val, struct output_section **sec);
	/* DEFINED(name): defined in the global table (before this point of the script). */
	bool (*defined)(void *ud, const char *name);
	enum section_query (*section_query)(void *ud, const char *name, struct section_info *out);
	/* MEMORY region; false when there is no such region. */
	bool (*region)(void *ud, const char *name, uint64_t *origin, uint64_t *length);
	uint64_t (*sizeof_headers)(void *ud);
	/* -T<segment> override (e.g. -Ttext-segment) or `deflt`. */
	uint64_t (*segment_start)(void *ud, const char *segment, uint64_t deflt);
	/* The DATA_SEGMENT_* builtins, given `.` and their arguments; they set the new address
	 * (absolute), as GNU ld computes it from its relro/page state, and return false where
	 * GNU ld finds no value (out of order: an END with no ALIGN before it, a second ALIGN). */
	bool (*data_segment_align)(void *ud, uint64_t dot, uint64_t maxpagesize, uint64_t commonpagesize,
				   uint64_t *value);
	bool (*data_segment_relro_end)(void *ud, uint64_t dot, uint64_t offset, uint64_t *exp);
	bool (*data_segment_end)(void *ud, uint64_t dot, uint64_t *value);
	/* set when a DATA_SEGMENT_* builtin has no value (also inside an output section) */
	bool *data_segment_failed;
};

struct value script_eval(const struct expr *e, const struct script_env *env);
/* The absolute address a value stands for. */
uint64_t script_value_addr(struct value v);
/* GNU ld's rule for `sym = expr` / `. = expr` inside output section `cur` (NULL outside): a
 * plain number becomes relative to `cur`, anything else keeps its section. */
struct value script_value_for_assign(struct value v, struct output_section *cur);
/* Evaluate an expression that needs no link state (--defsym values, -Ttext, MEMORY...).
 * Reports errors; false when it cannot be computed. */
bool script_eval_const(struct ctx *ctx, const struct expr *e, uint64_t *out);
/* does the expression call `fn' anywhere in it */
bool expr_calls(const struct expr *e, enum expr_fn fn);
struct stmt;
/* every assignment in a statement list, in order, inside SECTIONS, output sections and
 * OVERLAYs too: fn(the statement, how deep in output sections it stands, ud) */
typedef void assign_visit_fn(const struct stmt *st, int in_section, void *ud);
void stmt_for_each_assign(const struct stmt *s, int in_section, assign_visit_fn *fn, void *ud);

/* ---- statements --------------------------------------------------------------------- */

struct name_list {
	struct name_list *next;
	const char *name;
	struct src_loc loc;
};

/* INPUT / GROUP / AS_NEEDED items */
struct input_item {
	struct input_item *next;
	const char *name;   /* file name, or the library name without "-l" when is_lib */
	bool is_lib;        /* -lNAME */
	bool as_needed;     /* inside AS_NEEDED(...) */
	bool loaded;        /* opened already (a script named it first) */
	struct src_loc loc;
};

/* Assignments.  Compound forms (+=, -=, ...) are stored desugared, as GNU ld does:
 * `x += e` becomes `x = x + e`. */
enum assign_kind { ASSIGN_PLAIN, ASSIGN_PROVIDE, ASSIGN_PROVIDE_HIDDEN, ASSIGN_HIDDEN };
struct assign {
	const char *name;   /* "." for the location counter */
	struct expr *expr;
	enum assign_kind kind;
	bool committed;     /* a PROVIDE GNU ld's first fold took (its symbol was referenced):
			     * from then on a plain assignment (etree_provided) */
};

enum sort_kind {
	SORT_UNSET,             /* no SORT_*: --sort-section may apply */
	SORT_BY_NAME,           /* SORT and SORT_BY_NAME */
	SORT_BY_ALIGNMENT,
	SORT_BY_INIT_PRIORITY,
	SORT_NONE,              /* explicit: never sort */
};

/* A file name pattern: "*", "*crtbegin.o", "libc.a:", "lib*.a:foo.o", ":bar.o", "foo.o". */
struct file_pattern {
	const char *pattern;              /* NULL means any file ("*") */
	struct name_list *exclude;        /* EXCLUDE_FILE(...) before it */
	bool sort_by_name;                /* SORT(file-pattern) */
	bool sort_none;                   /* SORT_NONE(file-pattern) */
};

struct section_pattern {
	struct section_pattern *next;
	const char *pattern;              /* e.g. ".text.*", "COMMON" */
	struct name_list *exclude;        /* EXCLUDE_FILE(...) inside the list, for this pattern */
	enum sort_kind sort, sort_inner;  /* SORT_BY_NAME(SORT_BY_ALIGNMENT(x)): sort, sort_inner */
	struct src_loc loc;
};

struct input_section_desc {
	struct file_pattern file;
	struct section_pattern *sections; /* NULL: every section of matching files ("foo.o") */
	bool keep;                        /* KEEP(...) */
	uint64_t flags_required;          /* INPUT_SECTION_FLAGS(SHF_A & !SHF_B) */
	uint64_t flags_forbidden;
	bool has_flags;
};

enum data_kind { DATA_BYTE, DATA_SHORT, DATA_LONG, DATA_QUAD, DATA_SQUAD };

static inline unsigned data_kind_size(enum data_kind k)
{
	return k == DATA_BYTE ? 1 : k == DATA_SHORT ? 2 : k == DATA_LONG ? 4 : 8;
}

enum osec_type {
	OSEC_NORMAL,
	OSEC_NOLOAD,
	OSEC_DSECT, OSEC_COPY, OSEC_INFO, OSEC_OVERLAY,  /* GNU ld: all "not allocated" */
	OSEC_READONLY,                  /* (READONLY) */
	OSEC_TYPE,                      /* (TYPE = type_value) */
	OSEC_READONLY_TYPE,             /* (READONLY (TYPE = type_value)) */
};

enum osec_constraint {
	CONSTRAINT_NONE, CONSTRAINT_ONLY_IF_RO, CONSTRAINT_ONLY_IF_RW,
	CONSTRAINT_SPECIAL,             /* SPECIAL: never merged with a same-named section */
};

struct stmt;

struct output_section_desc {
	const char *name;               /* "/DISCARD/" discards */
	struct expr *addr;              /* the address before the colon, or NULL */
	enum osec_type type;
	struct expr *type_value;        /* OSEC_TYPE / OSEC_READONLY_TYPE: SHT_ value */
	struct expr *lma;               /* AT(lma) */
	struct expr *align;             /* ALIGN(n) */
	bool align_with_input;
	struct expr *subalign;          /* SUBALIGN(n) */
	enum osec_constraint constraint;
	bool dropped;                   /* its constraint failed (known once inputs are mapped) */
	struct stmt *body;              /* output section commands */
	const char *region;             /* >region */
	const char *lma_region;         /* AT>region */
	struct name_list *phdrs;        /* :phdr ... (":NONE" is kept as the name "NONE") */
	struct expr *fill;              /* =fill */
};

/* OVERLAY [start] : [NOCROSSREFS] [AT(lma)] { sections } [>region] [:phdr...] [=fill] */
struct overlay_desc {
	struct expr *start;
	bool nocrossrefs;
	struct expr *lma;
	struct expr *subalign;
	struct stmt *sections;          /* ST_OUTPUT_SECTION list: name, body, phdrs, fill only */
	const char *region;
	const char *lma_region;         /* AT>region */
	struct name_list *phdrs;
	struct expr *fill;
};

/* MEMORY attributes */
enum {
	MEM_R = 1 << 0, MEM_W = 1 << 1, MEM_X = 1 << 2, MEM_A = 1 << 3, MEM_I = 1 << 4, /* I and L */
};

struct memory_region {
	struct memory_region *next;
	const char *name;
	unsigned attrs;                 /* attributes before '!' */
	unsigned not_attrs;             /* attributes after '!' */
	struct expr *origin, *length;
	struct src_loc loc;
	/* GNU ld folds origin and length once, after the inputs are open (script_fold_regions);
	 * until then a region is at 0 and ~0 long */
	bool folded;
	uint64_t origin_value, length_value;
};

struct phdr_desc {
	struct phdr_desc *next;
	const char *name;
	struct expr *type;              /* PT_* names are turned into numbers by the parser */
	bool filehdr, phdrs;            /* FILEHDR, PHDRS */
	struct expr *at;                /* AT(addr) or NULL */
	struct expr *flags;             /* FLAGS(n) or NULL */
	struct src_loc loc;
};

/* Version script */
struct version_pattern {
	struct version_pattern *next;
	const char *pattern;
	const char *lang;               /* NULL for C, else "C++" or "Java" (extern "C++" { }) */
	bool literal;                   /* was quoted: match exactly, no wildcards */
	struct src_loc loc;
};

struct version_node {
	struct version_node *next;
	const char *tag;                /* NULL for the anonymous node "{ ... };" */
	struct version_pattern *globals, *locals;
	struct name_list *deps;         /* VERS_1 { ... } VERS_0; */
	struct src_loc loc;
};

enum stmt_kind {
	/* top level only */
	ST_OUTPUT_FORMAT,       /* output_format */
	ST_OUTPUT_ARCH,         /* name */
	ST_TARGET,              /* name */
	ST_SEARCH_DIR,          /* name */
	ST_INPUT, ST_GROUP,     /* inputs */
	ST_STARTUP,             /* name */
	ST_OUTPUT,              /* name */
	ST_EXTERN,              /* names */
	ST_NOCROSSREFS,         /* names */
	ST_NOCROSSREFS_TO,      /* names */
	ST_REGION_ALIAS,        /* region_alias */
	ST_FORCE_COMMON_ALLOCATION,
	ST_INHIBIT_COMMON_ALLOCATION,
	ST_FORCE_GROUP_ALLOCATION,
	ST_LD_FEATURE,          /* name */
	ST_SECTIONS,            /* sections: body statements */
	/* MEMORY, PHDRS and VERSION entries are all linked in script->memory/phdrs/versions;
	 * the statement points at the first entry it added (NULL if none), and the entries of
	 * one command are consecutive in that list. */
	ST_MEMORY,              /* memory */
	ST_PHDRS,               /* phdrs */
	ST_VERSION,             /* versions */
	ST_INSERT,              /* insert: applies to the SECTIONS before it */
	/* anywhere */
	ST_ENTRY,               /* name */
	ST_ASSIGN,              /* assign */
	ST_ASSERT,              /* assert_ */
	/* in SECTIONS */
	ST_OUTPUT_SECTION,      /* osec */
	ST_OVERLAY,             /* overlay */
	/* in an output section */
	ST_INPUT_SECTION,       /* input */
	ST_DATA,                /* data */
	ST_FILL,                /* fill */
	ST_CONSTRUCTORS,        /* sort_constructors: SORT(CONSTRUCTORS) */
	ST_CREATE_OBJECT_SYMBOLS,
};

struct stmt {
	enum stmt_kind kind;
	struct src_loc loc;
	struct stmt *next;
	union {
		const char *name;
		struct { const char *def, *big, *little; } output_format; /* 1 arg: all equal */
		struct input_item *inputs;
		struct name_list *names;
		struct { const char *alias, *region; } region_alias;
		struct stmt *sections;
		struct memory_region *memory;
		struct phdr_desc *phdrs;
		struct version_node *versions;
		struct { bool after; const char *section; } insert;
		struct assign assign;
		struct { struct expr *cond; const char *message; } assert_;
		struct output_section_desc *osec;
		struct overlay_desc *overlay;
		struct input_section_desc *input;
		struct { enum data_kind kind; struct expr *value; } data;
		struct expr *fill;
		bool sort_constructors;
	};
};

/* ---- parsed scripts ----------------------------------------------------------------- */

/* All -T scripts (and implicit scripts) of the link, appended in order.  INCLUDE is expanded
 * in place.  The MEMORY, PHDRS and VERSION contents of every command are also collected in
 * the lists below for convenience. */
struct script {
	struct stmt *cmds;              /* top-level statements in order */
	struct stmt **cmds_tail;
	struct memory_region *memory;   /* every MEMORY region, in order */
	struct memory_region **memory_tail;
	struct phdr_desc *phdrs;        /* every PHDRS entry, in order */
	struct phdr_desc **phdrs_tail;
	struct version_node *versions;  /* every VERSION node, in order */
	struct version_node **versions_tail;
	bool has_sections;              /* a SECTIONS command was seen */
	bool has_insert;                /* an INSERT command was seen */
	/* what scripts read as input files that make output sections said: GNU ld puts it
	 * after every other statement, the built-in script's included */
	struct stmt *late, **late_tail;
};

/* Find the file named by INCLUDE: the caller searches the current directory and -L paths.
 * Return false when not found (the parser reports the error). *text need not be
 * NUL-terminated; the parser copies it. */
typedef bool (*script_include_fn)(void *ud, const char *name, const char **path,
				  const char **text, size_t *len);

/* Parse a linker script.  Appends to `into` (NULL: a new script) and returns it, or returns
 * NULL after reporting every error found (counted in ctx->errors). */
struct script *script_parse(struct ctx *ctx, struct script *into, const char *filename,
			    const char *text, size_t len, script_include_fn include, void *ud);

/* Parse a --version-script file (a list of version nodes) into `into`'s version list (NULL: a
 * new script) and return it, or NULL after reporting the errors. */
struct script *script_parse_version_script(struct ctx *ctx, struct script *into, const char *filename,
				 const char *text, size_t len);

/* Parse one expression, e.g. the value of --defsym sym=EXPR; `origin` names it in errors.
 * NULL after reporting an error. */
struct expr *script_parse_expr(struct ctx *ctx, const char *origin, const char *text);

/* the top-level statements one script added, first to last (last NULL: to the end) */
struct script_span {
	struct stmt *first, *last;
};

/* the statement after s within a span of top-level statements, NULL past its last */
static inline struct stmt *span_next(const struct script_span *sp, const struct stmt *s)
{
	return s == sp->last ? NULL : s->next;
}

/* ---- patterns ----------------------------------------------------------------------- */

/* fnmatch(3) without flags, as GNU ld matches names: '*', '?', '[abc]', '[a-z]', '[!x]',
 * '[^x]', '\' escapes. */
bool glob_match(const char *pattern, const char *s);
/* Does the pattern contain wildcard characters (GNU ld's wildcardp)? */
bool glob_has_wildcard(const char *pattern);
/* GNU ld's file name matching for input section descriptions.  For a file from an archive pass
 * the archive's path and the member name (path and given are then ignored); otherwise the
 * file's path, the name it was given by (wildcards match the path, a plain name the given
 * name) and archive = member = NULL.  Checks EXCLUDE_FILE too. */
bool script_match_file(const struct file_pattern *fp, const char *path, const char *given,
		       const char *archive, const char *member);
/* Is the file excluded by an EXCLUDE_FILE list (same arguments as above)? */
bool script_file_excluded(const struct name_list *exclude, const char *path, const char *archive,
			  const char *member);
/* Does a section name match (no file check)? */
bool script_match_section(const struct section_pattern *sp, const char *name);

#endif
