/* Linker-script parser: recursive descent over GNU ld 2.40's grammar (ld/ldgram.y), one
 * function per rule.  Each token is read in the lexer mode GNU ld's grammar actions select at
 * that point (ldlex_expression, ldlex_wild, ...).
 *
 * Like GNU ld, parsing stops at the first syntax error: the parser unwinds with longjmp, and
 * everything allocated so far stays in the arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>

#include "slink.h"
#include "script_lex.h"

enum { MAX_DEPTH = 200, MAX_INCLUDE_DEPTH = 10 };

struct parser {
	struct ctx *ctx;
	struct script *script;
	struct lexer lx;
	/* one token of lookahead, remembering the mode it was read in and where it started */
	struct token la;
	bool has_la;
	enum lex_mode la_mode;
	struct lexer la_before;
	script_include_fn include;
	void *include_ud;
	int depth;
	int include_depth;
	jmp_buf fail;
};

struct list {
	struct stmt *head;
	struct stmt **tail;
};

static void list_init(struct list *l)
{
	l->head = NULL;
	l->tail = &l->head;
}

static void list_add(struct list *l, struct stmt *s)
{
	*l->tail = s;
	l->tail = &s->next;
}

static _Noreturn void bail(struct parser *p) { longjmp(p->fail, 1); }

static void perror_at(struct parser *p, const struct src_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void perror_at(struct parser *p, const struct src_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	script_verror(p->ctx, loc, "error", fmt, ap);
	va_end(ap);
}

/* ---- tokens --------------------------------------------------------------------------- */

static struct token peek(struct parser *p, enum lex_mode mode)
{
	if (p->has_la) {
		if (p->la_mode == mode)
			return p->la;
		p->lx = p->la_before; /* re-read the same text in the other mode */
	}
	p->la_before = p->lx;
	p->la = lex_next(&p->lx, mode);
	if (p->lx.failed)
		bail(p);
	p->has_la = true;
	p->la_mode = mode;
	return p->la;
}

static struct token next(struct parser *p, enum lex_mode mode)
{
	struct token t = peek(p, mode);
	p->has_la = false;
	return t;
}

/* Saving and restoring the lexer lets the parser look further ahead where GNU ld's LALR
 * grammar decides on a later token (an output section vs an assignment, ...). */
struct mark {
	struct lexer lx, la_before;
	struct token la;
	bool has_la;
	enum lex_mode la_mode;
};

static struct mark mark(const struct parser *p)
{
	return (struct mark){ p->lx, p->la_before, p->la, p->has_la, p->la_mode };
}

static void reset(struct parser *p, const struct mark *m)
{
	p->lx = m->lx;
	p->la_before = m->la_before;
	p->la = m->la;
	p->has_la = m->has_la;
	p->la_mode = m->la_mode;
}

/* The token after the lookahead. */
static struct token peek2(struct parser *p, enum lex_mode m1, enum lex_mode m2)
{
	peek(p, m1);
	struct mark m = mark(p);
	next(p, m1);
	struct token t = peek(p, m2);
	reset(p, &m);
	return t;
}

static _Noreturn void syntax_error(struct parser *p, const struct token *t, const char *expecting)
{
	char what[80];
	switch (t->kind) {
	case TOK_EOF: snprintf(what, sizeof what, "end of file"); break;
	case TOK_NUM: snprintf(what, sizeof what, "number %.*s", (int)(t->len > 40 ? 40 : t->len), t->s); break;
	case TOK_OP: snprintf(what, sizeof what, "'%.*s'", (int)t->len, t->s); break;
	case TOK_STRING: snprintf(what, sizeof what, "string \"%.*s\"", (int)(t->len > 40 ? 40 : t->len), t->s); break;
	default: snprintf(what, sizeof what, "name `%.*s'", (int)(t->len > 40 ? 40 : t->len), t->s); break;
	}
	if (expecting)
		perror_at(p, &t->loc, "syntax error, unexpected %s, expecting %s", what, expecting);
	else
		perror_at(p, &t->loc, "syntax error, unexpected %s", what);
	bail(p);
}

static struct token expect_op(struct parser *p, enum lex_mode mode, const char *op)
{
	struct token t = next(p, mode);
	if (!tok_op(&t, op)) {
		char want[8];
		snprintf(want, sizeof want, "'%s'", op);
		syntax_error(p, &t, want);
	}
	return t;
}

static bool accept_op(struct parser *p, enum lex_mode mode, const char *op)
{
	struct token t = peek(p, mode);
	if (!tok_op(&t, op))
		return false;
	next(p, mode);
	return true;
}

static bool accept_word(struct parser *p, enum lex_mode mode, const char *word)
{
	struct token t = peek(p, mode);
	if (!tok_is(&t, word))
		return false;
	next(p, mode);
	return true;
}

static bool peek_op(struct parser *p, enum lex_mode mode, const char *op)
{
	struct token t = peek(p, mode);
	return tok_op(&t, op);
}

static bool peek_word(struct parser *p, enum lex_mode mode, const char *word)
{
	struct token t = peek(p, mode);
	return tok_is(&t, word);
}

static bool peek2_op(struct parser *p, enum lex_mode m1, enum lex_mode m2, const char *op)
{
	struct token t = peek2(p, m1, m2);
	return tok_op(&t, op);
}

static bool is_name(const struct token *t) { return t->kind == TOK_NAME || t->kind == TOK_STRING; }

static bool is_keyword(enum lex_mode mode, const struct token *t);

static const char *expect_name(struct parser *p, enum lex_mode mode, struct src_loc *loc)
{
	struct token t = next(p, mode);
	if (!is_name(&t) || is_keyword(mode, &t))
		syntax_error(p, &t, "a name");
	if (loc)
		*loc = t.loc;
	return tok_str(p->ctx, &t);
}

static void *alloc(struct parser *p, size_t n) { return arena_alloc(&p->ctx->arena, n); }

static struct stmt *new_stmt(struct parser *p, enum stmt_kind kind, struct src_loc loc)
{
	struct stmt *s = alloc(p, sizeof *s);
	s->kind = kind;
	s->loc = loc;
	return s;
}

static struct name_list *new_name(struct parser *p, const char *name, struct src_loc loc)
{
	struct name_list *n = alloc(p, sizeof *n);
	n->name = name;
	n->loc = loc;
	return n;
}

static void enter(struct parser *p, const struct src_loc *loc)
{
	if (++p->depth > MAX_DEPTH) {
		perror_at(p, loc, "nesting too deep (more than %d levels)", MAX_DEPTH);
		bail(p);
	}
}

static void leave(struct parser *p) { p->depth--; }

/* ---- expressions ---------------------------------------------------------------------- */

static struct expr *new_expr(struct parser *p, enum expr_kind kind, struct src_loc loc)
{
	struct expr *e = alloc(p, sizeof *e);
	e->kind = kind;
	e->loc = loc;
	return e;
}

static struct expr *num_expr(struct parser *p, uint64_t v, struct src_loc loc)
{
	struct expr *e = new_expr(p, EXPR_NUM, loc);
	e->num = v;
	return e;
}

static struct expr *symbol_expr(struct parser *p, const char *name, struct src_loc loc)
{
	struct expr *e = new_expr(p, strcmp(name, ".") == 0 ? EXPR_DOT : EXPR_SYMBOL, loc);
	e->name = name;
	return e;
}

static struct expr *parse_expr(struct parser *p);

enum args {
	ARGS_NONE,         /* SIZEOF_HEADERS */
	ARGS_EXP,          /* F(exp) */
	ARGS_EXP2,         /* F(exp, exp) */
	ARGS_EXP1OR2,      /* ALIGN */
	ARGS_SCRIPT_NAME,  /* F(name) with the name read as in commands: section, region */
	ARGS_EXPR_NAME,    /* F(name) with the name read as a symbol */
	ARGS_SEGMENT,      /* SEGMENT_START(name, exp) */
	ARGS_ASSERT,       /* ASSERT(exp, message) */
};

static const struct builtin {
	const char *name;
	enum expr_fn fn;
	enum args args;
} builtins[] = {
	{ "ABSOLUTE", FN_ABSOLUTE, ARGS_EXP },
	{ "ADDR", FN_ADDR, ARGS_SCRIPT_NAME },
	{ "ALIGN", FN_ALIGN, ARGS_EXP1OR2 },
	{ "ALIGNOF", FN_ALIGNOF, ARGS_SCRIPT_NAME },
	{ "BLOCK", FN_BLOCK, ARGS_EXP },
	{ "DATA_SEGMENT_ALIGN", FN_DATA_SEGMENT_ALIGN, ARGS_EXP2 },
	{ "DATA_SEGMENT_END", FN_DATA_SEGMENT_END, ARGS_EXP },
	{ "DATA_SEGMENT_RELRO_END", FN_DATA_SEGMENT_RELRO_END, ARGS_EXP2 },
	{ "DEFINED", FN_DEFINED, ARGS_EXPR_NAME },
	{ "LENGTH", FN_LENGTH, ARGS_SCRIPT_NAME },
	{ "LOADADDR", FN_LOADADDR, ARGS_SCRIPT_NAME },
	{ "LOG2CEIL", FN_LOG2CEIL, ARGS_EXP },
	{ "MAX", FN_MAX, ARGS_EXP2 },
	{ "MIN", FN_MIN, ARGS_EXP2 },
	{ "NEXT", FN_NEXT, ARGS_EXP },
	{ "ORIGIN", FN_ORIGIN, ARGS_SCRIPT_NAME },
	{ "SEGMENT_START", FN_SEGMENT_START, ARGS_SEGMENT },
	{ "SIZEOF", FN_SIZEOF, ARGS_SCRIPT_NAME },
	{ "SIZEOF_HEADERS", FN_SIZEOF_HEADERS, ARGS_NONE },
	{ "CONSTANT", FN_CONSTANT, ARGS_EXPR_NAME },
	{ "ASSERT", FN_ASSERT, ARGS_ASSERT },
};

static const struct builtin *find_builtin(const struct token *t)
{
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (tok_is(t, builtins[i].name))
			return &builtins[i];
	return NULL;
}

/* Names GNU ld's lexer reads as keywords in SCRIPT state (commands, SECTIONS' statements, output
 * section names), in WILD state (inside an output section) and in EXPRESSION state: there they
 * are never a symbol to assign, read or name (`o = 1;` at statement level, `x = COPY;` are
 * syntax errors to GNU ld). */
static bool is_keyword(enum lex_mode mode, const struct token *t)
{
	static const char *const script_words[] = {
		"MEMORY", "REGION_ALIAS", "LD_FEATURE", "ORIGIN", "VERSION", "BLOCK", "BIND",
		"LENGTH", "ALIGN", "DATA_SEGMENT_ALIGN", "DATA_SEGMENT_RELRO_END",
		"DATA_SEGMENT_END", "ADDR", "LOADADDR", "ALIGNOF", "ABSOLUTE", "MAX", "MIN",
		"LOG2CEIL", "ASSERT", "ENTRY", "EXTERN", "NEXT", "SIZEOF_HEADERS", "SEGMENT_START",
		"MAP", "SIZEOF", "TARGET", "SEARCH_DIR", "OUTPUT", "INPUT", "GROUP", "DEFINED",
		"FORCE_COMMON_ALLOCATION", "FORCE_GROUP_ALLOCATION", "INHIBIT_COMMON_ALLOCATION",
		"SECTIONS", "INSERT", "AFTER", "BEFORE", "STARTUP", "OUTPUT_FORMAT", "OUTPUT_ARCH",
		"HLL", "SYSLIB", "FLOAT", "NOFLOAT", "NOCROSSREFS", "NOCROSSREFS_TO", "OVERLAY",
		"ONLY_IF_RO", "ONLY_IF_RW", "SPECIAL", "o", "org", "l", "len", "INCLUDE", "PHDRS",
		"AT", "ALIGN_WITH_INPUT", "SUBALIGN", "HIDDEN", "PROVIDE", "PROVIDE_HIDDEN",
		"CONSTANT", NULL
	};
	static const char *const wild_words[] = {
		"ASSERT", "CREATE_OBJECT_SYMBOLS", "CONSTRUCTORS", "FILL", "QUAD", "SQUAD", "LONG",
		"SHORT", "BYTE", "SORT_BY_NAME", "SORT_BY_ALIGNMENT", "SORT", "SORT_BY_INIT_PRIORITY",
		"SORT_NONE", "INPUT_SECTION_FLAGS", "INCLUDE", "AT", "HIDDEN", "PROVIDE",
		"PROVIDE_HIDDEN", "KEEP", "EXCLUDE_FILE", NULL
	};
	static const char *const expr_words[] = {
		"ORIGIN", "BLOCK", "BIND", "LENGTH", "ALIGN", "DATA_SEGMENT_ALIGN",
		"DATA_SEGMENT_RELRO_END", "DATA_SEGMENT_END", "ADDR", "LOADADDR", "ALIGNOF",
		"ABSOLUTE", "MAX", "MIN", "LOG2CEIL", "ASSERT", "NEXT", "SIZEOF_HEADERS",
		"SEGMENT_START", "SIZEOF", "DEFINED", "NOCROSSREFS", "NOCROSSREFS_TO", "OVERLAY",
		"NOLOAD", "READONLY", "DSECT", "COPY", "INFO", "TYPE", "ONLY_IF_RO", "ONLY_IF_RW",
		"SPECIAL", "INCLUDE", "AT", "ALIGN_WITH_INPUT", "SUBALIGN", "HIDDEN", "PROVIDE",
		"PROVIDE_HIDDEN", "CONSTANT", NULL
	};
	if (t->kind != TOK_NAME || (mode != LEX_SCRIPT && mode != LEX_WILD && mode != LEX_EXPR))
		return false;
	for (const char *const *w = mode == LEX_SCRIPT ? script_words : mode == LEX_WILD ? wild_words : expr_words;
	     *w; w++)
		if (tok_is(t, *w))
			return true;
	return false;
}

static bool is_section_type_word(const struct token *t)
{
	static const char *const words[] = { "NOLOAD", "DSECT", "COPY", "INFO", "OVERLAY",
					     "READONLY", "TYPE", NULL };
	for (const char *const *w = words; *w; w++)
		if (tok_is(t, *w))
			return true;
	return false;
}

/* GNU ld folds an operator whose operands are all numbers as it parses it (exp_unop,
 * exp_binop, exp_trinop; not ALIGN, ABSOLUTE, NEXT, DATA_SEGMENT_*): the result is a number
 * again, which outside output sections counts as absolute where the operator alone (a
 * comparison, LOG2CEIL) would have given a plain number. */
static struct expr *fold_numbers(struct parser *p, struct expr *e)
{
	const struct expr *ops[] = {e->a, e->b, e->c};
	for (size_t i = 0; i < 3; i++)
		if (ops[i] && ops[i]->kind != EXPR_NUM)
			return e;
	if (e->kind == EXPR_CALL && e->fn != FN_MAX && e->fn != FN_MIN && e->fn != FN_LOG2CEIL)
		return e;
	struct script_env env = {.ctx = p->ctx};
	struct value v = script_eval(e, &env);
	if (!v.ok)
		return e; /* division by zero: left for the evaluation to report */
	e->kind = EXPR_NUM;
	e->num = script_value_addr(v);
	e->a = e->b = e->c = NULL;
	e->hex_digits = NULL;
	return e;
}

static struct expr *parse_call(struct parser *p, const struct builtin *b, struct token name)
{
	struct expr *e = new_expr(p, EXPR_CALL, name.loc);
	e->fn = b->fn;
	if (b->args == ARGS_NONE)
		return e;
	expect_op(p, LEX_EXPR, "(");
	switch (b->args) {
	case ARGS_NONE:
		break;
	case ARGS_EXP:
		e->a = parse_expr(p);
		break;
	case ARGS_EXP2:
		e->a = parse_expr(p);
		expect_op(p, LEX_EXPR, ",");
		e->b = parse_expr(p);
		break;
	case ARGS_EXP1OR2:
		e->a = parse_expr(p);
		if (accept_op(p, LEX_EXPR, ","))
			e->b = parse_expr(p);
		break;
	case ARGS_SCRIPT_NAME:
		e->name = expect_name(p, LEX_SCRIPT, NULL);
		break;
	case ARGS_EXPR_NAME: {
		struct src_loc loc;
		e->name = expect_name(p, LEX_EXPR, &loc);
		if (e->fn == FN_CONSTANT && strcmp(e->name, "MAXPAGESIZE") != 0 &&
		    strcmp(e->name, "COMMONPAGESIZE") != 0)
			perror_at(p, &loc, "unknown constant `%s' referenced in expression", e->name);
		break;
	}
	case ARGS_SEGMENT:
		e->name = expect_name(p, LEX_SCRIPT, NULL);
		expect_op(p, LEX_EXPR, ",");
		e->a = parse_expr(p);
		break;
	case ARGS_ASSERT:
		e->a = parse_expr(p);
		expect_op(p, LEX_EXPR, ",");
		e->name = expect_name(p, LEX_EXPR, NULL);
		break;
	}
	expect_op(p, LEX_EXPR, ")");
	return fold_numbers(p, e);
}

static struct expr *parse_unary(struct parser *p);

static struct expr *parse_primary(struct parser *p)
{
	struct token t = next(p, LEX_EXPR);
	if (t.kind == TOK_NUM) {
		struct expr *e = num_expr(p, t.num, t.loc);
		if (t.len > 2 && t.s[0] == '0' && (t.s[1] == 'x' || t.s[1] == 'X') && !strchr("KkMm", t.s[t.len - 1]))
			e->hex_digits = arena_strndup(&p->ctx->arena, t.s + 2, t.len - 2);
		return e;
	}
	if (tok_op(&t, "(")) {
		struct expr *e = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
		return e;
	}
	if (t.kind == TOK_STRING)
		return symbol_expr(p, tok_str(p->ctx, &t), t.loc);
	if (t.kind == TOK_NAME) {
		const struct builtin *b = find_builtin(&t);
		if (b)
			return parse_call(p, b, t);
		/* NAME '(' is a call of an unknown function, except where an output section
		 * type follows an address: ".foo addr (NOLOAD) :" */
		struct token after = peek(p, LEX_EXPR);
		if (tok_op(&after, "(")) {
			struct token t2 = peek2(p, LEX_EXPR, LEX_EXPR);
			if (!is_section_type_word(&t2) && !tok_op(&t2, ")")) {
				perror_at(p, &t.loc, "unknown function `%.*s'", (int)t.len, t.s);
				bail(p);
			}
		}
		if (is_keyword(LEX_EXPR, &t))
			syntax_error(p, &t, "an expression");
		return symbol_expr(p, tok_str(p->ctx, &t), t.loc);
	}
	syntax_error(p, &t, "an expression");
}

static struct expr *parse_unary(struct parser *p)
{
	struct token t = peek(p, LEX_EXPR);
	enter(p, &t.loc);
	struct expr *e;
	enum expr_op op;
	if (tok_op(&t, "-"))
		op = OP_NEG;
	else if (tok_op(&t, "!"))
		op = OP_NOT;
	else if (tok_op(&t, "~"))
		op = OP_BITNOT;
	else if (tok_op(&t, "+"))
		op = OP_PLUS;
	else {
		e = parse_primary(p);
		leave(p);
		return e;
	}
	next(p, LEX_EXPR);
	struct expr *arg = parse_unary(p);
	if (op == OP_PLUS) { /* GNU ld drops unary plus */
		e = arg;
	} else {
		e = new_expr(p, EXPR_UNARY, t.loc);
		e->op = op;
		e->a = arg;
		e = fold_numbers(p, e);
	}
	leave(p);
	return e;
}

/* C precedence, as ldgram.y's %left declarations */
static int binary_prec(const struct token *t, enum expr_op *op)
{
	static const struct { const char *s; enum expr_op op; int prec; } table[] = {
		{ "||", OP_OROR, 1 }, { "&&", OP_ANDAND, 2 }, { "|", OP_OR, 3 }, { "^", OP_XOR, 4 },
		{ "&", OP_AND, 5 }, { "==", OP_EQ, 6 }, { "!=", OP_NE, 6 }, { "<", OP_LT, 7 },
		{ ">", OP_GT, 7 }, { "<=", OP_LE, 7 }, { ">=", OP_GE, 7 }, { "<<", OP_SHL, 8 },
		{ ">>", OP_SHR, 8 }, { "+", OP_ADD, 9 }, { "-", OP_SUB, 9 }, { "*", OP_MUL, 10 },
		{ "/", OP_DIV, 10 }, { "%", OP_MOD, 10 },
	};
	if (t->kind != TOK_OP)
		return 0;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (tok_op(t, table[i].s)) {
			*op = table[i].op;
			return table[i].prec;
		}
	return 0;
}

static struct expr *parse_binary(struct parser *p, int min_prec)
{
	struct expr *lhs = parse_unary(p);
	for (;;) {
		struct token t = peek(p, LEX_EXPR);
		enum expr_op op;
		int prec = binary_prec(&t, &op);
		if (prec < min_prec || prec == 0)
			return lhs;
		next(p, LEX_EXPR);
		enter(p, &t.loc);
		struct expr *rhs = parse_binary(p, prec + 1);
		leave(p);
		struct expr *e = new_expr(p, EXPR_BINARY, t.loc);
		e->op = op;
		e->a = lhs;
		e->b = rhs;
		lhs = fold_numbers(p, e);
	}
}

/* exp '?' exp ':' exp, right-associative and below || */
static struct expr *parse_expr(struct parser *p)
{
	struct expr *cond = parse_binary(p, 1);
	struct token t = peek(p, LEX_EXPR);
	if (!tok_op(&t, "?"))
		return cond;
	next(p, LEX_EXPR);
	enter(p, &t.loc);
	struct expr *e = new_expr(p, EXPR_COND, t.loc);
	e->a = cond;
	e->b = parse_expr(p);
	expect_op(p, LEX_EXPR, ":");
	e->c = parse_expr(p);
	leave(p);
	return fold_numbers(p, e);
}

/* ---- INCLUDE -------------------------------------------------------------------------- */

typedef void (*list_fn)(struct parser *p, struct list *l, bool until_eof);

static struct script_source *new_source(struct ctx *ctx, const char *name, const char *text,
					size_t len)
{
	struct script_source *src = arena_alloc(&ctx->arena, sizeof *src);
	char *copy = arena_alloc(&ctx->arena, len + 1);
	memcpy(copy, text, len);
	src->name = arena_strdup(&ctx->arena, name);
	src->text = copy;
	src->len = len;
	return src;
}

/* INCLUDE file: the file's statements are parsed by `body` as if they stood here. */
static void parse_include(struct parser *p, enum lex_mode mode, list_fn body, struct list *l)
{
	struct token kw = next(p, mode);
	struct src_loc loc;
	const char *name = expect_name(p, mode, &loc);
	const char *path = NULL, *text = NULL;
	size_t len = 0;
	if (!p->include || !p->include(p->include_ud, name, &path, &text, &len)) {
		perror_at(p, &loc, "cannot find script file %s", name);
		bail(p);
	}
	if (p->include_depth >= MAX_INCLUDE_DEPTH) {
		perror_at(p, &kw.loc, "includes nested too deeply");
		bail(p);
	}
	struct mark saved = mark(p);
	lex_init(&p->lx, p->ctx, new_source(p->ctx, path ? path : name, text, len));
	p->has_la = false;
	p->include_depth++;
	body(p, l, true);
	p->include_depth--;
	reset(p, &saved);
}

/* ---- assignments ---------------------------------------------------------------------- */

static const struct { const char *s; enum expr_op op; } compound_ops[] = {
	{ "+=", OP_ADD }, { "-=", OP_SUB }, { "*=", OP_MUL }, { "/=", OP_DIV },
	{ "<<=", OP_SHL }, { ">>=", OP_SHR }, { "&=", OP_AND }, { "|=", OP_OR },
};

static bool is_assign_op(const struct token *t)
{
	if (tok_op(t, "="))
		return true;
	for (size_t i = 0; i < sizeof compound_ops / sizeof compound_ops[0]; i++)
		if (tok_op(t, compound_ops[i].s))
			return true;
	return false;
}

static bool peek2_assign(struct parser *p, enum lex_mode mode)
{
	struct token t = peek2(p, mode, mode);
	return is_assign_op(&t);
}

static bool is_provide_word(const struct token *t)
{
	return tok_is(t, "PROVIDE") || tok_is(t, "PROVIDE_HIDDEN") || tok_is(t, "HIDDEN");
}

/* assignment separator; `mode` is the lexer state of the statement's first token */
static struct stmt *parse_assignment(struct parser *p, enum lex_mode mode)
{
	struct token t = next(p, mode);
	struct stmt *s = new_stmt(p, ST_ASSIGN, t.loc);
	if (is_provide_word(&t)) {
		s->assign.kind = tok_is(&t, "PROVIDE")	       ? ASSIGN_PROVIDE
				 : tok_is(&t, "PROVIDE_HIDDEN") ? ASSIGN_PROVIDE_HIDDEN
								: ASSIGN_HIDDEN;
		expect_op(p, mode, "(");
		s->assign.name = expect_name(p, mode, NULL);
		expect_op(p, mode, "=");
		s->assign.expr = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
		if (s->assign.kind != ASSIGN_HIDDEN && strcmp(s->assign.name, ".") == 0)
			perror_at(p, &t.loc, "can not PROVIDE assignment to location counter");
	} else {
		if (!is_name(&t) || is_keyword(mode, &t))
			syntax_error(p, &t, NULL);
		s->assign.name = tok_str(p->ctx, &t);
		struct token op = next(p, mode);
		if (!is_assign_op(&op))
			syntax_error(p, &op, "'='");
		struct expr *value = parse_expr(p);
		for (size_t i = 0; i < sizeof compound_ops / sizeof compound_ops[0]; i++) {
			if (!tok_op(&op, compound_ops[i].s))
				continue;
			/* x op= e is x = x op e, as GNU ld builds it */
			struct expr *e = new_expr(p, EXPR_BINARY, op.loc);
			e->op = compound_ops[i].op;
			e->a = symbol_expr(p, s->assign.name, t.loc);
			e->b = value;
			value = e;
		}
		s->assign.expr = value;
	}
	struct token sep = next(p, mode);
	if (!tok_op(&sep, ";") && !tok_op(&sep, ","))
		syntax_error(p, &sep, "';'");
	return s;
}

static struct stmt *parse_assert(struct parser *p, enum lex_mode mode)
{
	struct token kw = next(p, mode);
	struct stmt *s = new_stmt(p, ST_ASSERT, kw.loc);
	expect_op(p, LEX_EXPR, "(");
	s->assert_.cond = parse_expr(p);
	expect_op(p, LEX_EXPR, ",");
	s->assert_.message = expect_name(p, LEX_EXPR, NULL);
	expect_op(p, LEX_EXPR, ")");
	return s;
}

/* ENTRY(name) */
/* LD_FEATURE("SANE_EXPR"): the features named (separated by commas or blanks) take effect
 * as the script is read, as in GNU ld */
static void ld_feature(struct parser *p, const struct stmt *s)
{
	for (const char *c = s->name; *c;) {
		while (*c == ',' || *c == ' ' || *c == '\t')
			c++;
		size_t n = strcspn(c, ", \t");
		if (!n)
			break;
		if (n == 9 && !strncasecmp(c, "SANE_EXPR", 9))
			p->ctx->sane_expr = true;
		else
			perror_at(p, &s->loc, "unknown feature `%.*s'", (int)n, c);
		c += n;
	}
}

static struct stmt *parse_name_command(struct parser *p, enum stmt_kind kind)
{
	struct token kw = next(p, LEX_SCRIPT);
	struct stmt *s = new_stmt(p, kind, kw.loc);
	expect_op(p, LEX_SCRIPT, "(");
	s->name = expect_name(p, LEX_SCRIPT, NULL);
	expect_op(p, LEX_SCRIPT, ")");
	return s;
}

/* ---- output section contents (WILD state) --------------------------------------------- */

static struct name_list *parse_exclude_list(struct parser *p)
{
	struct name_list *head = NULL, **tail = &head;
	expect_op(p, LEX_WILD, "(");
	for (;;) {
		struct token t = next(p, LEX_WILD);
		if (tok_op(&t, ")"))
			break;
		if (!is_name(&t))
			syntax_error(p, &t, "a file name pattern");
		*tail = new_name(p, tok_str(p->ctx, &t), t.loc);
		tail = &(*tail)->next;
	}
	if (!head)
		syntax_error(p, &p->la, "a file name pattern");
	return head;
}

/* wildcard_maybe_exclude: [EXCLUDE_FILE(files)] pattern */
static const char *parse_wild_name(struct parser *p, struct name_list **exclude, struct src_loc *loc)
{
	if (accept_word(p, LEX_WILD, "EXCLUDE_FILE"))
		*exclude = parse_exclude_list(p);
	struct token t = next(p, LEX_WILD);
	if (!is_name(&t) || tok_is(&t, "EXCLUDE_FILE"))
		syntax_error(p, &t, "a name pattern");
	*loc = t.loc;
	return tok_str(p->ctx, &t);
}

static enum sort_kind sort_word(const struct token *t)
{
	if (tok_is(t, "SORT") || tok_is(t, "SORT_BY_NAME"))
		return SORT_BY_NAME;
	if (tok_is(t, "SORT_BY_ALIGNMENT"))
		return SORT_BY_ALIGNMENT;
	if (tok_is(t, "SORT_BY_INIT_PRIORITY"))
		return SORT_BY_INIT_PRIORITY;
	if (tok_is(t, "SORT_NONE"))
		return SORT_NONE;
	return SORT_UNSET;
}

/* section_name_spec, with the nestings ldgram.y allows */
static struct section_pattern *parse_section_spec(struct parser *p)
{
	struct section_pattern *sp = alloc(p, sizeof *sp);
	struct token t = peek(p, LEX_WILD);
	enum sort_kind outer = sort_word(&t);
	if (outer == SORT_UNSET) {
		sp->pattern = parse_wild_name(p, &sp->exclude, &sp->loc);
		return sp;
	}
	next(p, LEX_WILD);
	expect_op(p, LEX_WILD, "(");
	struct token t2 = peek(p, LEX_WILD);
	enum sort_kind inner = sort_word(&t2);
	if (inner != SORT_UNSET) {
		bool ok = (outer == SORT_BY_NAME || outer == SORT_BY_ALIGNMENT) &&
			  (inner == SORT_BY_NAME || inner == SORT_BY_ALIGNMENT);
		if (!ok)
			syntax_error(p, &t2, NULL);
		next(p, LEX_WILD);
		expect_op(p, LEX_WILD, "(");
		sp->pattern = parse_wild_name(p, &sp->exclude, &sp->loc);
		expect_op(p, LEX_WILD, ")");
		sp->sort = outer;
		sp->sort_inner = inner == outer ? SORT_UNSET : inner; /* X(X(..)) is X */
	} else {
		sp->pattern = parse_wild_name(p, &sp->exclude, &sp->loc);
		sp->sort = outer;
	}
	expect_op(p, LEX_WILD, ")");
	return sp;
}

static struct section_pattern *parse_section_list(struct parser *p, const char *close)
{
	struct section_pattern *head = NULL, **tail = &head;
	for (;;) {
		struct token t = peek(p, LEX_WILD);
		if (tok_op(&t, close)) {
			if (!head)
				syntax_error(p, &t, "a section name pattern");
			next(p, LEX_WILD);
			return head;
		}
		*tail = parse_section_spec(p);
		tail = &(*tail)->next;
		/* opt_comma: ',' is a WILDCHAR, so only a lone ',' lexes as a separate name */
		t = peek(p, LEX_WILD);
		if (t.kind == TOK_NAME && t.len == 1 && t.s[0] == ',')
			next(p, LEX_WILD);
	}
}

static bool section_flag_value(const char *name, uint64_t *flag)
{
	static const struct { const char *name; uint64_t flag; } flags[] = {
		{ "SHF_WRITE", SHF_WRITE }, { "SHF_ALLOC", SHF_ALLOC },
		{ "SHF_EXECINSTR", SHF_EXECINSTR }, { "SHF_MERGE", SHF_MERGE },
		{ "SHF_STRINGS", SHF_STRINGS }, { "SHF_INFO_LINK", SHF_INFO_LINK },
		{ "SHF_LINK_ORDER", SHF_LINK_ORDER },
		{ "SHF_OS_NONCONFORMING", SHF_OS_NONCONFORMING }, { "SHF_GROUP", SHF_GROUP },
		{ "SHF_TLS", SHF_TLS }, { "SHF_COMPRESSED", SHF_COMPRESSED },
		{ "SHF_MASKOS", SHF_MASKOS }, { "SHF_MASKPROC", SHF_MASKPROC },
		{ "SHF_GNU_RETAIN", 1u << 21 }, { "SHF_EXCLUDE", 1u << 31 },
	};
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strcmp(name, flags[i].name) == 0) {
			*flag = flags[i].flag;
			return true;
		}
	return false;
}

/* INPUT_SECTION_FLAGS(SHF_A & !SHF_B) */
static void parse_section_flags(struct parser *p, struct input_section_desc *d)
{
	next(p, LEX_WILD);
	expect_op(p, LEX_WILD, "(");
	do {
		struct src_loc loc;
		const char *name = expect_name(p, LEX_WILD, &loc);
		bool without = name[0] == '!';
		uint64_t flag;
		if (!section_flag_value(name + without, &flag)) {
			perror_at(p, &loc, "unknown section flag `%s'", name + without);
			flag = 0;
		}
		if (without)
			d->flags_forbidden |= flag;
		else
			d->flags_required |= flag;
	} while (accept_op(p, LEX_WILD, "&"));
	expect_op(p, LEX_WILD, ")");
	d->has_flags = true;
}

/* input_section_spec_no_keep */
static struct input_section_desc *parse_input_spec(struct parser *p)
{
	struct input_section_desc *d = alloc(p, sizeof *d);
	struct token first = peek(p, LEX_WILD);
	if (tok_is(&first, "INPUT_SECTION_FLAGS"))
		parse_section_flags(p, d);
	if (accept_op(p, LEX_WILD, "[")) { /* old syntax: [sections] for every file */
		d->sections = parse_section_list(p, "]");
		return d;
	}
	struct token t = peek(p, LEX_WILD);
	enum sort_kind sort = sort_word(&t);
	struct src_loc loc;
	const char *pattern;
	bool bare = false;
	if (sort == SORT_BY_NAME || sort == SORT_NONE) {
		next(p, LEX_WILD);
		expect_op(p, LEX_WILD, "(");
		pattern = parse_wild_name(p, &d->file.exclude, &loc);
		expect_op(p, LEX_WILD, ")");
		d->file.sort_by_name = sort == SORT_BY_NAME;
		d->file.sort_none = sort == SORT_NONE;
	} else {
		bare = !tok_is(&t, "EXCLUDE_FILE");
		pattern = parse_wild_name(p, &d->file.exclude, &loc);
	}
	d->file.pattern = strcmp(pattern, "*") == 0 ? NULL : pattern;
	if (accept_op(p, LEX_WILD, "("))
		d->sections = parse_section_list(p, ")");
	else if (!bare) /* "foo.o" alone takes every section of the file */
		syntax_error(p, &p->la, "'('");
	return d;
}

static void parse_output_section_body(struct parser *p, struct list *l, bool until_eof)
{
	for (;;) {
		struct token t = peek(p, LEX_WILD);
		if (t.kind == TOK_EOF) {
			if (until_eof)
				return;
			syntax_error(p, &t, "'}'");
		}
		if (tok_op(&t, "}")) {
			if (until_eof)
				syntax_error(p, &t, NULL);
			return;
		}
		if (tok_op(&t, ";")) {
			next(p, LEX_WILD);
			continue;
		}
		static const struct { const char *word; enum data_kind kind; } data[] = {
			{ "BYTE", DATA_BYTE }, { "SHORT", DATA_SHORT }, { "LONG", DATA_LONG },
			{ "QUAD", DATA_QUAD }, { "SQUAD", DATA_SQUAD },
		};
		struct stmt *s = NULL;
		for (size_t i = 0; i < sizeof data / sizeof data[0]; i++) {
			if (!tok_is(&t, data[i].word))
				continue;
			next(p, LEX_WILD);
			s = new_stmt(p, ST_DATA, t.loc);
			s->data.kind = data[i].kind;
			expect_op(p, LEX_EXPR, "(");
			s->data.value = parse_expr(p);
			expect_op(p, LEX_EXPR, ")");
		}
		if (s) {
		} else if (tok_is(&t, "FILL")) {
			next(p, LEX_WILD);
			s = new_stmt(p, ST_FILL, t.loc);
			expect_op(p, LEX_EXPR, "(");
			s->fill = parse_expr(p);
			expect_op(p, LEX_EXPR, ")");
		} else if (tok_is(&t, "CREATE_OBJECT_SYMBOLS")) {
			next(p, LEX_WILD);
			s = new_stmt(p, ST_CREATE_OBJECT_SYMBOLS, t.loc);
		} else if (tok_is(&t, "CONSTRUCTORS")) {
			next(p, LEX_WILD);
			s = new_stmt(p, ST_CONSTRUCTORS, t.loc);
		} else if (sort_word(&t) == SORT_BY_NAME &&
			   peek2_op(p, LEX_WILD, LEX_WILD, "(")) {
			/* SORT(CONSTRUCTORS) or a sorted file pattern */
			struct mark m = mark(p);
			next(p, LEX_WILD);
			next(p, LEX_WILD);
			struct token w = next(p, LEX_WILD);
			if (tok_is(&w, "CONSTRUCTORS") && peek_op(p, LEX_WILD, ")")) {
				next(p, LEX_WILD);
				s = new_stmt(p, ST_CONSTRUCTORS, t.loc);
				s->sort_constructors = true;
			} else {
				reset(p, &m);
				s = new_stmt(p, ST_INPUT_SECTION, t.loc);
				s->input = parse_input_spec(p);
			}
		} else if (tok_is(&t, "ASSERT")) {
			s = parse_assert(p, LEX_WILD);
			struct token sep = next(p, LEX_WILD);
			if (!tok_op(&sep, ";") && !tok_op(&sep, ","))
				syntax_error(p, &sep, "';'");
		} else if (tok_is(&t, "INCLUDE")) {
			parse_include(p, LEX_WILD, parse_output_section_body, l);
			continue;
		} else if (is_provide_word(&t)) {
			s = parse_assignment(p, LEX_WILD);
		} else if (tok_is(&t, "KEEP")) {
			next(p, LEX_WILD);
			expect_op(p, LEX_WILD, "(");
			s = new_stmt(p, ST_INPUT_SECTION, t.loc);
			s->input = parse_input_spec(p);
			s->input->keep = true;
			expect_op(p, LEX_WILD, ")");
		} else if (is_name(&t) && peek2_assign(p, LEX_WILD)) {
			s = parse_assignment(p, LEX_WILD);
		} else if (is_name(&t) || tok_op(&t, "[")) {
			s = new_stmt(p, ST_INPUT_SECTION, t.loc);
			s->input = parse_input_spec(p);
		} else {
			syntax_error(p, &t, NULL);
		}
		list_add(l, s);
	}
}

/* ---- SECTIONS ------------------------------------------------------------------------- */

/* '(' type ')' after an output section's address */
static void parse_section_type(struct parser *p, struct output_section_desc *d)
{
	expect_op(p, LEX_EXPR, "(");
	struct token t = next(p, LEX_EXPR);
	if (tok_op(&t, ")"))
		return;
	if (tok_is(&t, "NOLOAD"))
		d->type = OSEC_NOLOAD;
	else if (tok_is(&t, "DSECT"))
		d->type = OSEC_DSECT;
	else if (tok_is(&t, "COPY"))
		d->type = OSEC_COPY;
	else if (tok_is(&t, "INFO"))
		d->type = OSEC_INFO;
	else if (tok_is(&t, "OVERLAY"))
		d->type = OSEC_OVERLAY;
	else if (tok_is(&t, "READONLY")) {
		d->type = OSEC_READONLY;
		if (accept_op(p, LEX_EXPR, "(")) {
			struct token ty = next(p, LEX_EXPR);
			if (!tok_is(&ty, "TYPE"))
				syntax_error(p, &ty, "TYPE");
			expect_op(p, LEX_EXPR, "=");
			d->type = OSEC_READONLY_TYPE;
			d->type_value = parse_expr(p);
			expect_op(p, LEX_EXPR, ")");
		}
	} else if (tok_is(&t, "TYPE")) {
		expect_op(p, LEX_EXPR, "=");
		d->type = OSEC_TYPE;
		d->type_value = parse_expr(p);
	} else {
		syntax_error(p, &t, "a section type");
	}
	expect_op(p, LEX_EXPR, ")");
}

/* SHT_ names GNU ld accepts in (TYPE = ...) (ldlang.c), as numbers */
static void resolve_section_type(struct parser *p, struct output_section_desc *d)
{
	static const struct { const char *name; uint64_t value; } types[] = {
		{ "SHT_PROGBITS", 1 }, { "SHT_STRTAB", 3 }, { "SHT_NOTE", 7 }, { "SHT_NOBITS", 8 },
		{ "SHT_INIT_ARRAY", 14 }, { "SHT_FINI_ARRAY", 15 }, { "SHT_PREINIT_ARRAY", 16 },
	};
	struct expr *e = d->type_value;
	if (!e || e->kind != EXPR_SYMBOL)
		return;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(e->name, types[i].name) == 0) {
			d->type_value = num_expr(p, types[i].value, e->loc);
			return;
		}
	perror_at(p, &e->loc, "invalid type for output section `%s'", d->name);
}

/* the part after '}': [>region] [AT>region] [:phdr...] [=fill] [,] */
static void parse_section_tail(struct parser *p, const char **region, const char **lma_region,
			       struct name_list **phdrs, struct expr **fill)
{
	if (region && accept_op(p, LEX_SCRIPT, ">"))
		*region = expect_name(p, LEX_SCRIPT, NULL);
	if (lma_region && peek_word(p, LEX_SCRIPT, "AT") &&
	    peek2_op(p, LEX_SCRIPT, LEX_SCRIPT, ">")) {
		next(p, LEX_SCRIPT);
		next(p, LEX_SCRIPT);
		*lma_region = expect_name(p, LEX_SCRIPT, NULL);
	}
	struct name_list **tail = phdrs;
	while (accept_op(p, LEX_SCRIPT, ":")) {
		struct src_loc loc;
		const char *name = expect_name(p, LEX_SCRIPT, &loc);
		*tail = new_name(p, name, loc);
		tail = &(*tail)->next;
	}
	if (accept_op(p, LEX_SCRIPT, "="))
		*fill = parse_expr(p);
	accept_op(p, LEX_SCRIPT, ",");
}

static struct stmt *parse_output_section(struct parser *p)
{
	struct token nt = next(p, LEX_SCRIPT);
	if (!is_name(&nt) || is_keyword(LEX_SCRIPT, &nt))
		syntax_error(p, &nt, NULL);
	struct stmt *s = new_stmt(p, ST_OUTPUT_SECTION, nt.loc);
	struct output_section_desc *d = alloc(p, sizeof *d);
	s->osec = d;
	d->name = tok_str(p->ctx, &nt);

	/* opt_exp_with_type ':' */
	struct token t = peek(p, LEX_EXPR);
	if (tok_is(&t, "BIND")) { /* old svr3 syntax: BIND(addr) [BLOCK(n)] */
		next(p, LEX_EXPR);
		expect_op(p, LEX_EXPR, "(");
		d->addr = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
		if (accept_word(p, LEX_EXPR, "BLOCK")) {
			expect_op(p, LEX_EXPR, "(");
			parse_expr(p);
			expect_op(p, LEX_EXPR, ")");
		}
	} else if (!tok_op(&t, ":")) {
		struct token t2 = peek2(p, LEX_EXPR, LEX_EXPR);
		bool type_only = tok_op(&t, "(") && (is_section_type_word(&t2) || tok_op(&t2, ")"));
		if (!type_only)
			d->addr = parse_expr(p);
	}
	if (peek_op(p, LEX_EXPR, "("))
		parse_section_type(p, d);
	resolve_section_type(p, d);
	expect_op(p, LEX_EXPR, ":");
	if (accept_word(p, LEX_EXPR, "AT")) {
		expect_op(p, LEX_EXPR, "(");
		d->lma = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
	}
	if (peek_word(p, LEX_EXPR, "ALIGN")) {
		next(p, LEX_EXPR);
		expect_op(p, LEX_EXPR, "(");
		d->align = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
	}
	struct token awi = peek(p, LEX_EXPR);
	d->align_with_input = accept_word(p, LEX_EXPR, "ALIGN_WITH_INPUT");
	if (d->align_with_input && d->align) {
		perror_at(p, &awi.loc, "align with input and explicit align specified");
		bail(p);
	}
	if (accept_word(p, LEX_EXPR, "SUBALIGN")) {
		expect_op(p, LEX_EXPR, "(");
		d->subalign = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
	}
	if (accept_word(p, LEX_EXPR, "ONLY_IF_RO"))
		d->constraint = CONSTRAINT_ONLY_IF_RO;
	else if (accept_word(p, LEX_EXPR, "ONLY_IF_RW"))
		d->constraint = CONSTRAINT_ONLY_IF_RW;
	else if (accept_word(p, LEX_EXPR, "SPECIAL"))
		d->constraint = CONSTRAINT_SPECIAL;
	expect_op(p, LEX_EXPR, "{");
	struct list body;
	list_init(&body);
	parse_output_section_body(p, &body, false);
	expect_op(p, LEX_WILD, "}");
	d->body = body.head;
	parse_section_tail(p, &d->region, &d->lma_region, &d->phdrs, &d->fill);
	return s;
}

static struct stmt *parse_overlay(struct parser *p)
{
	struct token kw = next(p, LEX_SCRIPT);
	struct stmt *s = new_stmt(p, ST_OVERLAY, kw.loc);
	struct overlay_desc *o = alloc(p, sizeof *o);
	s->overlay = o;
	if (!accept_op(p, LEX_EXPR, ":")) {
		o->start = parse_expr(p);
		expect_op(p, LEX_EXPR, ":");
	}
	o->nocrossrefs = accept_word(p, LEX_EXPR, "NOCROSSREFS");
	if (accept_word(p, LEX_EXPR, "AT")) {
		expect_op(p, LEX_EXPR, "(");
		o->lma = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
	}
	if (accept_word(p, LEX_EXPR, "SUBALIGN")) {
		expect_op(p, LEX_EXPR, "(");
		o->subalign = parse_expr(p);
		expect_op(p, LEX_EXPR, ")");
	}
	expect_op(p, LEX_EXPR, "{");
	struct list secs;
	list_init(&secs);
	for (;;) {
		struct token t = peek(p, LEX_SCRIPT);
		if (tok_op(&t, "}"))
			break;
		struct token nt = next(p, LEX_SCRIPT);
		if (!is_name(&nt))
			syntax_error(p, &nt, "'}'");
		struct stmt *ss = new_stmt(p, ST_OUTPUT_SECTION, nt.loc);
		ss->osec = alloc(p, sizeof *ss->osec);
		ss->osec->name = tok_str(p->ctx, &nt);
		expect_op(p, LEX_WILD, "{");
		struct list body;
		list_init(&body);
		parse_output_section_body(p, &body, false);
		expect_op(p, LEX_WILD, "}");
		ss->osec->body = body.head;
		parse_section_tail(p, NULL, NULL, &ss->osec->phdrs, &ss->osec->fill);
		list_add(&secs, ss);
	}
	expect_op(p, LEX_SCRIPT, "}");
	o->sections = secs.head;
	parse_section_tail(p, &o->region, &o->lma_region, &o->phdrs, &o->fill);
	return s;
}

static void parse_sections_body(struct parser *p, struct list *l, bool until_eof)
{
	for (;;) {
		struct token t = peek(p, LEX_SCRIPT);
		if (t.kind == TOK_EOF) {
			if (until_eof)
				return;
			syntax_error(p, &t, "'}'");
		}
		if (tok_op(&t, "}")) {
			if (until_eof)
				syntax_error(p, &t, NULL);
			return;
		}
		/* (no `;' of its own here: GNU ld's grammar takes one only as an assignment's
		 * separator, not after ENTRY or ASSERT, nor alone) */
		struct stmt *s;
		if (tok_is(&t, "ENTRY"))
			s = parse_name_command(p, ST_ENTRY);
		else if (tok_is(&t, "ASSERT"))
			s = parse_assert(p, LEX_SCRIPT);
		else if (is_provide_word(&t))
			s = parse_assignment(p, LEX_SCRIPT);
		else if (tok_is(&t, "OVERLAY"))
			s = parse_overlay(p);
		else if (tok_is(&t, "INCLUDE")) {
			parse_include(p, LEX_SCRIPT, parse_sections_body, l);
			continue;
		} else if (is_name(&t) && peek2_assign(p, LEX_SCRIPT))
			s = parse_assignment(p, LEX_SCRIPT);
		else if (is_name(&t))
			s = parse_output_section(p);
		else
			syntax_error(p, &t, NULL);
		list_add(l, s);
	}
}

/* ---- MEMORY, PHDRS -------------------------------------------------------------------- */

static void set_memory_flags(struct parser *p, struct memory_region *r, struct token t, bool invert)
{
	for (size_t i = 0; i < t.len; i++) {
		unsigned f;
		switch (t.s[i]) {
		case 'R': case 'r': f = MEM_R; break;
		case 'W': case 'w': f = MEM_W; break;
		case 'X': case 'x': f = MEM_X; break;
		case 'A': case 'a': f = MEM_A; break;
		case 'I': case 'i': case 'L': case 'l': f = MEM_I; break;
		case '!': invert = !invert; continue;
		default:
			perror_at(p, &t.loc, "invalid character %c (%d) in flags", t.s[i], t.s[i]);
			continue;
		}
		if (invert)
			r->not_attrs |= f;
		else
			r->attrs |= f;
	}
}

static void parse_memory_body(struct parser *p, struct list *l, bool until_eof)
{
	for (;;) {
		struct token t = peek(p, LEX_SCRIPT);
		if (t.kind == TOK_EOF) {
			if (until_eof)
				return;
			syntax_error(p, &t, "'}'");
		}
		if (tok_op(&t, "}")) {
			if (until_eof)
				syntax_error(p, &t, NULL);
			return;
		}
		if (tok_op(&t, ",")) {
			next(p, LEX_SCRIPT);
			continue;
		}
		if (tok_is(&t, "INCLUDE")) {
			parse_include(p, LEX_SCRIPT, parse_memory_body, l);
			continue;
		}
		struct memory_region *r = alloc(p, sizeof *r);
		r->name = expect_name(p, LEX_SCRIPT, &r->loc);
		if (accept_op(p, LEX_SCRIPT, "(")) {
			for (;;) {
				struct token a = next(p, LEX_SCRIPT);
				if (tok_op(&a, ")"))
					break;
				bool invert = tok_op(&a, "!");
				if (invert)
					a = next(p, LEX_SCRIPT);
				if (a.kind != TOK_NAME)
					syntax_error(p, &a, "memory attributes");
				set_memory_flags(p, r, a, invert);
			}
		}
		expect_op(p, LEX_SCRIPT, ":");
		struct token o = next(p, LEX_SCRIPT);
		if (!tok_is(&o, "ORIGIN") && !tok_is(&o, "org") && !tok_is(&o, "o"))
			syntax_error(p, &o, "ORIGIN");
		expect_op(p, LEX_SCRIPT, "=");
		r->origin = parse_expr(p);
		accept_op(p, LEX_EXPR, ",");
		struct token len = next(p, LEX_SCRIPT);
		if (!tok_is(&len, "LENGTH") && !tok_is(&len, "len") && !tok_is(&len, "l"))
			syntax_error(p, &len, "LENGTH");
		expect_op(p, LEX_SCRIPT, "=");
		r->length = parse_expr(p);
		*p->script->memory_tail = r;
		p->script->memory_tail = &r->next;
		struct stmt *s = l->head; /* the ST_MEMORY statement */
		if (!s->memory)
			s->memory = r;
	}
}

static struct expr *phdr_type_value(struct parser *p, struct expr *e)
{
	static const struct { const char *name; uint64_t value; } types[] = {
		{ "PT_NULL", 0 }, { "PT_LOAD", 1 }, { "PT_DYNAMIC", 2 }, { "PT_INTERP", 3 },
		{ "PT_NOTE", 4 }, { "PT_SHLIB", 5 }, { "PT_PHDR", 6 }, { "PT_TLS", 7 },
		{ "PT_GNU_EH_FRAME", 0x6474e550 }, { "PT_GNU_STACK", 0x6474e551 },
		{ "PT_GNU_RELRO", 0x6474e552 }, { "PT_GNU_PROPERTY", 0x6474e553 },
	};
	if (e->kind != EXPR_SYMBOL)
		return e;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(e->name, types[i].name) == 0)
			return num_expr(p, types[i].value, e->loc);
	perror_at(p, &e->loc, "unknown phdr type `%s' (try integer literal)", e->name);
	return num_expr(p, 0, e->loc);
}

static void parse_phdrs(struct parser *p, struct stmt *s)
{
	expect_op(p, LEX_SCRIPT, "{");
	while (!accept_op(p, LEX_SCRIPT, "}")) {
		struct phdr_desc *ph = alloc(p, sizeof *ph);
		ph->name = expect_name(p, LEX_SCRIPT, &ph->loc);
		ph->type = phdr_type_value(p, parse_expr(p));
		for (;;) {
			struct token q = next(p, LEX_EXPR);
			if (tok_op(&q, ";"))
				break;
			if (tok_is(&q, "AT")) {
				expect_op(p, LEX_EXPR, "(");
				ph->at = parse_expr(p);
				expect_op(p, LEX_EXPR, ")");
				continue;
			}
			if (!is_name(&q))
				syntax_error(p, &q, "';'");
			struct expr *val = NULL;
			if (accept_op(p, LEX_EXPR, "(")) {
				val = parse_expr(p);
				expect_op(p, LEX_EXPR, ")");
			}
			if (tok_is(&q, "FILEHDR") && !val)
				ph->filehdr = true;
			else if (tok_is(&q, "PHDRS") && !val)
				ph->phdrs = true;
			else if (tok_is(&q, "FLAGS") && val)
				ph->flags = val;
			else
				perror_at(p, &q.loc, "PHDRS syntax error at `%.*s'", (int)q.len, q.s);
		}
		if (!s->phdrs)
			s->phdrs = ph;
		*p->script->phdrs_tail = ph;
		p->script->phdrs_tail = &ph->next;
	}
}

/* ---- VERSION -------------------------------------------------------------------------- */

static void parse_version_patterns(struct parser *p, struct version_node *n, const char *lang,
				   bool in_extern)
{
	struct version_pattern **globals = &n->globals, **locals = &n->locals;
	while (*globals)
		globals = &(*globals)->next;
	while (*locals)
		locals = &(*locals)->next;
	struct version_pattern ***cur = &globals;
	for (;;) {
		struct token t = peek(p, LEX_VERS_NODE);
		if (tok_op(&t, "}"))
			return;
		if (tok_op(&t, ";")) {
			next(p, LEX_VERS_NODE);
			continue;
		}
		if (!in_extern && (tok_is(&t, "global") || tok_is(&t, "local")) &&
		    peek2_op(p, LEX_VERS_NODE, LEX_VERS_NODE, ":")) {
			cur = tok_is(&t, "global") ? &globals : &locals;
			next(p, LEX_VERS_NODE);
			next(p, LEX_VERS_NODE);
			continue;
		}
		if (tok_is(&t, "extern") && peek2(p, LEX_VERS_NODE, LEX_VERS_NODE).kind == TOK_STRING) {
			next(p, LEX_VERS_NODE);
			struct token l = next(p, LEX_VERS_NODE);
			const char *inner = tok_str(p->ctx, &l);
			expect_op(p, LEX_VERS_NODE, "{");
			enter(p, &l.loc);
			/* patterns of the block go to the list in force */
			struct version_node tmp = { 0 };
			parse_version_patterns(p, &tmp, inner, true);
			leave(p);
			expect_op(p, LEX_VERS_NODE, "}");
			for (struct version_pattern *v = tmp.globals; v; v = v->next) {
				**cur = v;
				*cur = &v->next;
			}
			continue;
		}
		next(p, LEX_VERS_NODE);
		if (!is_name(&t))
			syntax_error(p, &t, "a symbol name");
		struct version_pattern *v = alloc(p, sizeof *v);
		v->pattern = tok_str(p->ctx, &t);
		v->lang = lang;
		v->literal = t.kind == TOK_STRING;
		v->loc = t.loc;
		**cur = v;
		*cur = &v->next;
		struct token sep = peek(p, LEX_VERS_NODE);
		if (!tok_op(&sep, ";") && !(in_extern && tok_op(&sep, "}")))
			syntax_error(p, &sep, "';'");
	}
}

/* vers_nodes, up to '}' (VERSION command) or end of file (version script) */
static void parse_version_nodes(struct parser *p, struct stmt *s, bool until_eof)
{
	for (;;) {
		struct token t = peek(p, LEX_VERS_TAG);
		if (t.kind == TOK_EOF && until_eof)
			return;
		if (tok_op(&t, "}") && !until_eof)
			return;
		struct version_node *n = alloc(p, sizeof *n);
		n->loc = t.loc;
		if (t.kind == TOK_NAME) {
			next(p, LEX_VERS_TAG);
			n->tag = tok_str(p->ctx, &t);
		}
		expect_op(p, LEX_VERS_TAG, "{");
		parse_version_patterns(p, n, NULL, false);
		expect_op(p, LEX_VERS_NODE, "}");
		struct name_list **deps = &n->deps;
		for (;;) {
			struct token d = next(p, LEX_VERS_TAG);
			if (tok_op(&d, ";"))
				break;
			if (d.kind != TOK_NAME || !n->tag)
				syntax_error(p, &d, "';'");
			*deps = new_name(p, tok_str(p->ctx, &d), d.loc);
			deps = &(*deps)->next;
		}
		if (s && !s->versions)
			s->versions = n;
		*p->script->versions_tail = n;
		p->script->versions_tail = &n->next;
	}
}

/* ---- top level ------------------------------------------------------------------------ */

static struct input_item *parse_input_list(struct parser *p, bool as_needed)
{
	struct input_item *head = NULL, **tail = &head;
	expect_op(p, LEX_INPUTLIST, "(");
	for (;;) {
		struct token t = next(p, LEX_INPUTLIST);
		if (tok_op(&t, ")"))
			return head;
		if (tok_op(&t, ","))
			continue;
		if (tok_is(&t, "AS_NEEDED")) {
			enter(p, &t.loc);
			*tail = parse_input_list(p, true);
			leave(p);
			while (*tail)
				tail = &(*tail)->next;
			continue;
		}
		if (!is_name(&t) && t.kind != TOK_LNAME)
			syntax_error(p, &t, "a file name");
		struct input_item *it = alloc(p, sizeof *it);
		it->name = tok_str(p->ctx, &t);
		it->is_lib = t.kind == TOK_LNAME;
		it->as_needed = as_needed;
		it->loc = t.loc;
		*tail = it;
		tail = &it->next;
	}
}

static struct name_list *parse_name_list(struct parser *p, enum lex_mode mode)
{
	struct name_list *head = NULL, **tail = &head;
	expect_op(p, mode, "(");
	for (;;) {
		struct token t = next(p, mode);
		if (tok_op(&t, ")"))
			return head;
		if (tok_op(&t, ","))
			continue;
		if (!is_name(&t) || is_keyword(mode, &t))
			syntax_error(p, &t, "a name");
		*tail = new_name(p, tok_str(p->ctx, &t), t.loc);
		tail = &(*tail)->next;
	}
}

static void parse_commands(struct parser *p, struct list *l, bool until_eof)
{
	(void)until_eof; /* top-level lists always end at the end of the file */
	for (;;) {
		struct token t = peek(p, LEX_SCRIPT);
		if (t.kind == TOK_EOF)
			return;
		if (tok_op(&t, ";")) {
			next(p, LEX_SCRIPT);
			continue;
		}
		struct stmt *s = NULL;
		if (tok_is(&t, "SECTIONS")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_SECTIONS, t.loc);
			expect_op(p, LEX_SCRIPT, "{");
			struct list body;
			list_init(&body);
			parse_sections_body(p, &body, false);
			expect_op(p, LEX_SCRIPT, "}");
			s->sections = body.head;
			p->script->has_sections = true;
		} else if (tok_is(&t, "MEMORY")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_MEMORY, t.loc);
			expect_op(p, LEX_SCRIPT, "{");
			struct list holder = { s, &s->next };
			parse_memory_body(p, &holder, false);
			expect_op(p, LEX_SCRIPT, "}");
		} else if (tok_is(&t, "PHDRS")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_PHDRS, t.loc);
			parse_phdrs(p, s);
		} else if (tok_is(&t, "VERSION")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_VERSION, t.loc);
			expect_op(p, LEX_SCRIPT, "{");
			parse_version_nodes(p, s, false);
			expect_op(p, LEX_VERS_TAG, "}");
		} else if (tok_is(&t, "ENTRY")) {
			s = parse_name_command(p, ST_ENTRY);
		} else if (tok_is(&t, "OUTPUT_FORMAT")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_OUTPUT_FORMAT, t.loc);
			expect_op(p, LEX_SCRIPT, "(");
			s->output_format.def = s->output_format.big = s->output_format.little =
				expect_name(p, LEX_SCRIPT, NULL);
			if (accept_op(p, LEX_SCRIPT, ",")) {
				s->output_format.big = expect_name(p, LEX_SCRIPT, NULL);
				expect_op(p, LEX_SCRIPT, ",");
				s->output_format.little = expect_name(p, LEX_SCRIPT, NULL);
			}
			expect_op(p, LEX_SCRIPT, ")");
		} else if (tok_is(&t, "OUTPUT_ARCH")) {
			s = parse_name_command(p, ST_OUTPUT_ARCH);
		} else if (tok_is(&t, "TARGET")) {
			s = parse_name_command(p, ST_TARGET);
		} else if (tok_is(&t, "SEARCH_DIR")) {
			s = parse_name_command(p, ST_SEARCH_DIR);
		} else if (tok_is(&t, "OUTPUT")) {
			s = parse_name_command(p, ST_OUTPUT);
		} else if (tok_is(&t, "STARTUP")) {
			s = parse_name_command(p, ST_STARTUP);
		} else if (tok_is(&t, "LD_FEATURE")) {
			s = parse_name_command(p, ST_LD_FEATURE);
			ld_feature(p, s);
		} else if (tok_is(&t, "MAP")) {
			parse_name_command(p, ST_OUTPUT); /* MAP(file): accepted, ignored */
			continue;
		} else if (tok_is(&t, "INPUT") || tok_is(&t, "GROUP")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, tok_is(&t, "INPUT") ? ST_INPUT : ST_GROUP, t.loc);
			s->inputs = parse_input_list(p, false);
		} else if (tok_is(&t, "INCLUDE")) {
			parse_include(p, LEX_SCRIPT, parse_commands, l);
			continue;
		} else if (tok_is(&t, "NOCROSSREFS") || tok_is(&t, "NOCROSSREFS_TO")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, tok_is(&t, "NOCROSSREFS") ? ST_NOCROSSREFS : ST_NOCROSSREFS_TO,
				     t.loc);
			s->names = parse_name_list(p, LEX_SCRIPT);
		} else if (tok_is(&t, "EXTERN")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_EXTERN, t.loc);
			s->names = parse_name_list(p, LEX_EXPR);
			if (!s->names)
				syntax_error(p, &p->la, "a name");
		} else if (tok_is(&t, "HLL") || tok_is(&t, "SYSLIB")) {
			next(p, LEX_SCRIPT); /* obsolete, accepted and ignored */
			parse_name_list(p, LEX_SCRIPT);
			continue;
		} else if (tok_is(&t, "FLOAT") || tok_is(&t, "NOFLOAT")) {
			next(p, LEX_SCRIPT);
			continue;
		} else if (tok_is(&t, "INSERT")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_INSERT, t.loc);
			struct token w = next(p, LEX_SCRIPT);
			if (tok_is(&w, "AFTER"))
				s->insert.after = true;
			else if (!tok_is(&w, "BEFORE"))
				syntax_error(p, &w, "AFTER or BEFORE");
			s->insert.section = expect_name(p, LEX_SCRIPT, NULL);
			p->script->has_insert = true;
		} else if (tok_is(&t, "REGION_ALIAS")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_REGION_ALIAS, t.loc);
			expect_op(p, LEX_SCRIPT, "(");
			s->region_alias.alias = expect_name(p, LEX_SCRIPT, NULL);
			expect_op(p, LEX_SCRIPT, ",");
			s->region_alias.region = expect_name(p, LEX_SCRIPT, NULL);
			expect_op(p, LEX_SCRIPT, ")");
		} else if (tok_is(&t, "FORCE_COMMON_ALLOCATION")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_FORCE_COMMON_ALLOCATION, t.loc);
		} else if (tok_is(&t, "INHIBIT_COMMON_ALLOCATION")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_INHIBIT_COMMON_ALLOCATION, t.loc);
		} else if (tok_is(&t, "FORCE_GROUP_ALLOCATION")) {
			next(p, LEX_SCRIPT);
			s = new_stmt(p, ST_FORCE_GROUP_ALLOCATION, t.loc);
		} else if (tok_is(&t, "ASSERT")) {
			s = parse_assert(p, LEX_SCRIPT);
		} else if (is_name(&t)) {
			s = parse_assignment(p, LEX_SCRIPT);
		} else {
			syntax_error(p, &t, NULL);
		}
		list_add(l, s);
	}
}

/* ---- entry points --------------------------------------------------------------------- */

static struct script *new_script(struct ctx *ctx)
{
	struct script *s = arena_alloc(&ctx->arena, sizeof *s);
	s->cmds_tail = &s->cmds;
	s->memory_tail = &s->memory;
	s->phdrs_tail = &s->phdrs;
	s->versions_tail = &s->versions;
	return s;
}

static void parser_init(struct parser *p, struct ctx *ctx, struct script *into,
			const struct script_source *src)
{
	memset(p, 0, sizeof *p);
	p->ctx = ctx;
	p->script = into;
	lex_init(&p->lx, ctx, src);
}

enum what { PARSE_SCRIPT, PARSE_VERSION, PARSE_EXPR };

/* Runs the parse under setjmp; kept apart so no local changes between setjmp and longjmp. */
static bool run(struct parser *p, enum what what, struct list *l, struct expr **e)
{
	if (setjmp(p->fail))
		return false;
	if (what == PARSE_SCRIPT) {
		parse_commands(p, l, true);
	} else if (what == PARSE_VERSION) {
		parse_version_nodes(p, NULL, true);
	} else {
		*e = parse_expr(p);
		struct token t = next(p, LEX_EXPR);
		if (t.kind != TOK_EOF)
			syntax_error(p, &t, NULL);
	}
	return true;
}

struct script *script_parse(struct ctx *ctx, struct script *into, const char *filename,
			    const char *text, size_t len, script_include_fn include, void *ud)
{
	struct script *script = into ? into : new_script(ctx);
	struct parser *p = xcalloc(1, sizeof *p);
	parser_init(p, ctx, script, new_source(ctx, filename, text, len));
	p->include = include;
	p->include_ud = ud;
	int errors = ctx->errors;
	struct list l = { NULL, script->cmds_tail };
	bool ok = run(p, PARSE_SCRIPT, &l, NULL);
	free(p);
	if (!ok || ctx->errors != errors)
		return NULL;
	script->cmds_tail = l.tail;
	return script;
}

struct script *script_parse_version_script(struct ctx *ctx, struct script *into, const char *filename,
					   const char *text, size_t len)
{
	struct script *script = into ? into : new_script(ctx);
	struct parser *p = xcalloc(1, sizeof *p);
	parser_init(p, ctx, script, new_source(ctx, filename, text, len));
	int errors = ctx->errors;
	bool ok = run(p, PARSE_VERSION, NULL, NULL);
	free(p);
	return ok && ctx->errors == errors ? script : NULL;
}

struct expr *script_parse_expr(struct ctx *ctx, const char *origin, const char *text)
{
	struct parser *p = xcalloc(1, sizeof *p);
	struct script scratch = { 0 };
	parser_init(p, ctx, &scratch, new_source(ctx, origin, text, strlen(text)));
	int errors = ctx->errors;
	struct expr *e = NULL;
	bool ok = run(p, PARSE_EXPR, NULL, &e);
	free(p);
	return ok && ctx->errors == errors ? e : NULL;
}
