/* Private to the script_*.c files: the linker-script lexer.
 *
 * GNU ld's lexer has states (SCRIPT, EXPRESSION, WILD, INPUTLIST, VERS_*) in which the same
 * characters form different tokens: in a SECTIONS name context "a-b" is one name, in an
 * expression it is a minus.  The parser asks for each token in the mode its grammar position
 * implies, and the lexer can re-read the same place in another mode. */
#ifndef SLINK_SCRIPT_LEX_H
#define SLINK_SCRIPT_LEX_H

#include <stdarg.h>

#include "script.h"

enum lex_mode {
	LEX_SCRIPT,     /* commands, output section names, MEMORY, file names in commands */
	LEX_EXPR,       /* expressions */
	LEX_WILD,       /* inside an output section: input section patterns */
	LEX_INPUTLIST,  /* INPUT(...) / GROUP(...) */
	LEX_VERS_TAG,   /* version node tags */
	LEX_VERS_NODE,  /* inside a version node */
};

enum tok_kind {
	TOK_EOF,
	TOK_NAME,    /* unquoted name (maybe a keyword: the parser decides by context) */
	TOK_STRING,  /* "quoted" name: never a keyword */
	TOK_LNAME,   /* -lNAME in an input list (text excludes "-l") */
	TOK_NUM,
	TOK_OP,      /* punctuation, text in s/len */
};

struct token {
	enum tok_kind kind;
	const char *s;       /* name or operator text (not NUL-terminated) */
	size_t len;
	uint64_t num;
	struct src_loc loc;
};

/* Where the lexer stands; copied to look ahead and restored to re-lex. */
struct lexer {
	struct ctx *ctx;
	const struct script_source *src;
	const char *p, *end;
	const char *line_start;
	uint32_t line;
	bool failed;         /* a lexical error was reported (unterminated comment/string) */
};

void lex_init(struct lexer *lx, struct ctx *ctx, const struct script_source *src);
/* Read the next token in `mode`.  Lexical errors are reported and give TOK_EOF with
 * lx->failed set. */
struct token lex_next(struct lexer *lx, enum lex_mode mode);
/* The token's text copied into the arena, NUL-terminated. */
const char *tok_str(struct ctx *ctx, const struct token *t);
bool tok_is(const struct token *t, const char *word);   /* unquoted name equal to word */
bool tok_op(const struct token *t, const char *op);     /* operator equal to op */

/* Error with a source caret; va_list flavour for the parser and evaluator. */
void script_verror(struct ctx *ctx, const struct src_loc *loc, const char *kind, const char *fmt,
		   va_list ap);

#endif
