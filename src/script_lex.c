/* Linker-script lexer, following GNU ld 2.40's ldlex.l state by state (see script_lex.h).
 * Flex picks the longest match and, on a tie, the earliest rule; the scanners below compute
 * the candidate lengths the same way so that odd inputs ("abcd" in an expression is the number
 * 0: hex digits with a 'd' decimal suffix) lex as GNU ld lexes them. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>

#include "slink.h"
#include "script_lex.h"

/* ---- diagnostics ---------------------------------------------------------------------- */

static void print_caret(const struct src_loc *loc)
{
	const struct script_source *src = loc->src;
	if (!src || !src->text || loc->line == 0)
		return;
	/* find the line: scan from the start (errors are rare, scripts are small) */
	const char *p = src->text, *end = src->text + src->len;
	for (uint32_t l = 1; l < loc->line && p < end; p++)
		if (*p == '\n')
			l++;
	const char *eol = p;
	while (eol < end && *eol != '\n')
		eol++;
	int width = fprintf(stderr, "%5u | ", loc->line) - 2;
	for (const char *q = p; q < eol; q++)
		fputc(*q == '\0' ? ' ' : *q, stderr);
	fputc('\n', stderr);
	fprintf(stderr, "%*s| ", width, "");
	for (uint32_t c = 1; c < loc->col && p + c - 1 < eol; c++)
		fputc(p[c - 1] == '\t' ? '\t' : ' ', stderr);
	fputs("^\n", stderr);
}

void script_verror(struct ctx *ctx, const struct src_loc *loc, const char *kind, const char *fmt,
		   va_list ap)
{
	if (loc && loc->file && loc->line)
		fprintf(stderr, "%s:%u:%u: %s: ", loc->file, loc->line, loc->col, kind);
	else if (loc && loc->file)
		fprintf(stderr, "%s: %s: ", loc->file, kind);
	else
		fprintf(stderr, "slink: %s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	if (loc)
		print_caret(loc);
	if (ctx) {
		if (kind[0] == 'e')
			ctx->errors++;
		else
			ctx->warnings++;
	}
}

void script_error(struct ctx *ctx, const struct src_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	script_verror(ctx, loc, "error", fmt, ap);
	va_end(ap);
}

void script_warn(struct ctx *ctx, const struct src_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	script_verror(ctx, loc, "warning", fmt, ap);
	va_end(ap);
}

/* ---- character classes (ldlex.l) ----------------------------------------------------- */

static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool in_set(int c, const char *set) { return c && strchr(set, c); }

/* FILENAMECHAR1 [_a-zA-Z\/\.\\\$\~] */
static bool filename_char1(int c) { return is_alpha(c) || in_set(c, "_/.\\$~"); }
/* FILENAMECHAR [_a-zA-Z0-9\/\.\\\$\~\-\+\:\[\]\,\=] */
static bool filename_char(int c) { return is_alpha(c) || is_digit(c) || in_set(c, "_/.\\$~-+:[],="); }
/* SYMBOLNAMECHAR1 [_a-zA-Z\.\\\$] */
static bool symbol_char1(int c) { return is_alpha(c) || in_set(c, "_.\\$"); }
/* SYMBOLNAMECHAR [_a-zA-Z0-9\/\.\\\$\~] */
static bool symbol_char(int c) { return is_alpha(c) || is_digit(c) || in_set(c, "_/.\\$~"); }
/* WILDCHAR [_a-zA-Z0-9\/\.\\\$\~\-\+\:\[\]\,\=\?\*\^\!] */
static bool wild_char(int c) { return is_alpha(c) || is_digit(c) || in_set(c, "_/.\\$~-+:[],=?*^!"); }
/* V_TAG [.$_a-zA-Z][._a-zA-Z0-9]* */
static bool vtag_char1(int c) { return is_alpha(c) || in_set(c, ".$_"); }
static bool vtag_char(int c) { return is_alpha(c) || is_digit(c) || in_set(c, "._"); }
/* V_IDENTIFIER [*?.$_a-zA-Z\[\]\-\!\^\\]([*?.$_a-zA-Z0-9\[\]\-\!\^\\]|::)* */
static bool vid_char1(int c) { return is_alpha(c) || in_set(c, "*?.$_[]-!^\\"); }
static bool vid_char(int c) { return vid_char1(c) || is_digit(c); }

/* Operators of each state, longest first so the first hit is the longest match. */
static const char *const ops_script[] = {
	"<<=", ">>=", "+=", "-=", "*=", "/=", "&=", "|=",
	">", ",", "~", "!", "+", "-", "=", "}", "{", ")", "(", ":", ";", NULL,
};
/* '^' is in GNU ld's grammar but missing from its lexer; slink accepts it. */
static const char *const ops_expr[] = {
	"<<=", ">>=", "||", "==", "!=", ">=", "<=", "<<", ">>", "+=", "-=", "*=", "/=", "&=", "|=",
	"&&", ">", ",", "&", "|", "~", "!", "?", "*", "+", "-", "/", "%", "<", "=", "}", "{", ")",
	"(", ":", ";", "^", NULL,
};
static const char *const ops_wild[] = {
	"<<=", ">>=", "+=", "-=", "*=", "/=", "&=", "|=", "]", "[", "&", "=", "}", "{", ")", "(",
	";", NULL,
};
static const char *const ops_inputlist[] = { ",", ")", "(", NULL };
static const char *const ops_vers[] = { "{", "}", ":", ",", ";", NULL };

static size_t match_op(const char *p, const char *end, const char *const *ops, const char **which)
{
	for (; *ops; ops++) {
		size_t n = strlen(*ops);
		if ((size_t)(end - p) >= n && memcmp(p, *ops, n) == 0) {
			*which = *ops;
			return n;
		}
	}
	return 0;
}

/* ---- numbers -------------------------------------------------------------------------- */

/* Length of <SCRIPT,EXPRESSION>((("$"|0[xX])hex+)|([0-9]+))(M|K|m|k)? at p, or 0. */
static size_t scan_plain_number(const char *p, const char *end)
{
	const char *q = p;
	if (q < end && (*q == '$' || (*q == '0' && q + 1 < end && (q[1] == 'x' || q[1] == 'X')))) {
		const char *h = q + (*q == '$' ? 1 : 2);
		const char *r = h;
		while (r < end && is_xdigit(*r))
			r++;
		if (r > h)
			q = r;
	}
	if (q == p) {
		while (q < end && is_digit(*q))
			q++;
		if (q == p)
			return 0;
	}
	if (q < end && in_set(*q, "MKmk"))
		q++;
	return (size_t)(q - p);
}

/* Length of <EXPRESSION>([0-9A-Fa-f])+(H|h|X|x|B|b|O|o|D|d) at p, or 0.  B/b/D/d are also hex
 * digits, so the longest match may end inside the run of hex digits. */
static size_t scan_suffix_number(const char *p, const char *end)
{
	size_t n = 0;
	while (p + n < end && is_xdigit(p[n]))
		n++;
	if (n > 0 && p + n < end && in_set(p[n], "HhXxOo"))
		return n + 1;
	for (size_t i = n; i >= 2; i--)
		if (in_set(p[i - 1], "BbDd"))
			return i;
	return 0;
}

/* bfd_scan_vma is strtoul on a 64-bit host: it stops at the first bad digit and saturates. */
static uint64_t scan_vma(const char *s, size_t len, int base)
{
	char buf[128];
	if (len >= sizeof buf)
		len = sizeof buf - 1; /* longer digit strings saturate anyway */
	memcpy(buf, s, len);
	buf[len] = 0;
	return strtoull(buf, NULL, base);
}

static uint64_t plain_number_value(const char *s, size_t len)
{
	char last = s[len - 1];
	size_t digits = in_set(last, "MKmk") ? len - 1 : len;
	uint64_t v = s[0] == '$' ? scan_vma(s + 1, digits - 1, 16) : scan_vma(s, digits, 0);
	if (last == 'M' || last == 'm')
		v *= 1024 * 1024;
	else if (last == 'K' || last == 'k')
		v *= 1024;
	return v;
}

static uint64_t suffix_number_value(const char *s, size_t len)
{
	int base;
	switch (s[len - 1]) {
	case 'X': case 'x': case 'H': case 'h': base = 16; break;
	case 'O': case 'o': base = 8; break;
	case 'B': case 'b': base = 2; break;
	default: base = 10; break;
	}
	return scan_vma(s, len, base); /* the suffix stops strtoull, as in GNU ld */
}

/* ---- the lexer ------------------------------------------------------------------------ */

void lex_init(struct lexer *lx, struct ctx *ctx, const struct script_source *src)
{
	lx->ctx = ctx;
	lx->src = src;
	lx->p = src->text;
	lx->end = src->text + src->len;
	lx->line_start = src->text;
	lx->line = 1;
	lx->failed = false;
}

static struct src_loc loc_at(const struct lexer *lx, const char *p)
{
	return (struct src_loc){ lx->src->name, lx->line, (uint32_t)(p - lx->line_start) + 1, lx->src };
}

static void lex_error(struct lexer *lx, const char *p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void lex_error(struct lexer *lx, const char *p, const char *fmt, ...)
{
	struct src_loc loc = loc_at(lx, p);
	va_list ap;
	va_start(ap, fmt);
	script_verror(lx->ctx, &loc, "error", fmt, ap);
	va_end(ap);
	lx->failed = true;
}

static void newline(struct lexer *lx, const char *p)
{
	lx->line++;
	lx->line_start = p + 1;
}

/* Skip a C comment starting at lx->p ("/" "*"); false when unterminated. */
static bool skip_comment(struct lexer *lx)
{
	const char *start = lx->p;
	uint32_t line = lx->line;
	const char *line_start = lx->line_start;
	for (const char *p = lx->p + 2; p + 1 < lx->end; p++) {
		if (*p == '\n')
			newline(lx, p);
		else if (p[0] == '*' && p[1] == '/') {
			lx->p = p + 2;
			return true;
		}
	}
	lx->line = line;
	lx->line_start = line_start;
	lex_error(lx, start, "unterminated comment");
	return false;
}

/* Whitespace and comments; '#' comments exist in every state but INPUTLIST. */
static bool skip_space(struct lexer *lx, enum lex_mode mode)
{
	while (lx->p < lx->end) {
		char c = *lx->p;
		if (c == '\n') {
			newline(lx, lx->p);
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			lx->p++;
		} else if (c == '/' && lx->p + 1 < lx->end && lx->p[1] == '*') {
			if (!skip_comment(lx))
				return false;
		} else if (c == '#' && mode != LEX_INPUTLIST) {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else {
			return true;
		}
	}
	return true;
}

static size_t run(const char *p, const char *end, bool (*first)(int), bool (*rest)(int))
{
	if (p >= end || !first((unsigned char)*p))
		return 0;
	size_t n = 1;
	while (p + n < end && rest((unsigned char)p[n]))
		n++;
	return n;
}

/* V_IDENTIFIER also takes "::" inside C++ names. */
static size_t run_vers_identifier(const char *p, const char *end)
{
	if (p >= end || !vid_char1((unsigned char)*p))
		return 0;
	size_t n = 1;
	for (;;) {
		if (p + n < end && vid_char((unsigned char)p[n]))
			n++;
		else if (p + n + 1 < end && p[n] == ':' && p[n + 1] == ':')
			n += 2;
		else
			return n;
	}
}

struct token lex_next(struct lexer *lx, enum lex_mode mode)
{
	struct token t = { 0 };
	for (;;) {
		if (!skip_space(lx, mode) || lx->p >= lx->end) {
			t.kind = TOK_EOF;
			t.loc = loc_at(lx, lx->p);
			return t;
		}
		const char *p = lx->p, *end = lx->end;
		t.loc = loc_at(lx, p);
		t.s = p;

		/* quoted names: no escapes, may span lines */
		if (*p == '"' && mode != LEX_VERS_TAG) {
			const char *q = p + 1;
			while (q < end && *q != '"')
				q++;
			if (q >= end) {
				lex_error(lx, p, "unterminated string");
				lx->p = end;
				t.kind = TOK_EOF;
				return t;
			}
			for (const char *r = p + 1; r < q; r++)
				if (*r == '\n')
					newline(lx, r);
			t.kind = TOK_STRING;
			t.s = p + 1;
			t.len = (size_t)(q - p - 1);
			lx->p = q + 1;
			return t;
		}

		/* candidates: operator, number, name; longest wins, ties go to the earlier rule
		 * in ldlex.l, which is number, then operator, then name */
		const char *op = NULL;
		size_t op_len = 0, num_len = 0, name_len = 0;
		bool suffix_num = false;
		switch (mode) {
		case LEX_SCRIPT:
			num_len = scan_plain_number(p, end);
			op_len = match_op(p, end, ops_script, &op);
			name_len = run(p, end, filename_char1, filename_char);
			break;
		case LEX_EXPR: {
			num_len = scan_plain_number(p, end);
			size_t s = scan_suffix_number(p, end);
			if (s > num_len) {
				num_len = s;
				suffix_num = true;
			}
			op_len = match_op(p, end, ops_expr, &op);
			name_len = run(p, end, symbol_char1, symbol_char);
			if (end - p >= 9 && memcmp(p, "/DISCARD/", 9) == 0)
				name_len = 9;
			break;
		}
		case LEX_WILD:
			/* a run of WILDCHARs starting a comment is a comment */
			op_len = match_op(p, end, ops_wild, &op);
			name_len = run(p, end, wild_char, wild_char);
			break;
		case LEX_INPUTLIST:
			op_len = match_op(p, end, ops_inputlist, &op);
			name_len = run(p, end, filename_char1, filename_char);
			if (*p == '=' && p + 1 < end && filename_char1((unsigned char)p[1]))
				name_len = 1 + run(p + 1, end, filename_char1, filename_char);
			if (end - p > 2 && p[0] == '-' && p[1] == 'l' && filename_char((unsigned char)p[2])) {
				size_t n = 2 + run(p + 2, end, filename_char, filename_char);
				t.kind = TOK_LNAME;
				t.s = p + 2;
				t.len = n - 2;
				lx->p = p + n;
				return t;
			}
			break;
		case LEX_VERS_TAG:
			op_len = match_op(p, end, ops_vers, &op);
			name_len = run(p, end, vtag_char1, vtag_char);
			break;
		case LEX_VERS_NODE:
			op_len = match_op(p, end, ops_vers, &op);
			name_len = run_vers_identifier(p, end);
			break;
		}

		if (num_len && num_len >= op_len && num_len >= name_len) {
			t.kind = TOK_NUM;
			t.len = num_len;
			t.num = suffix_num ? suffix_number_value(p, num_len)
					   : plain_number_value(p, num_len);
			lx->p = p + num_len;
			return t;
		}
		if (op_len && op_len >= name_len) {
			t.kind = TOK_OP;
			t.s = op;
			t.len = op_len;
			lx->p = p + op_len;
			return t;
		}
		if (name_len) {
			t.kind = TOK_NAME;
			t.len = name_len;
			lx->p = p + name_len;
			return t;
		}
		/* GNU ld warns about the character and carries on */
		unsigned char c = (unsigned char)*p;
		struct src_loc loc = t.loc;
		if (c >= 0x20 && c < 0x7f)
			script_warn(lx->ctx, &loc, "ignoring invalid character `%c' in %s", c,
				    mode == LEX_EXPR ? "expression" : "script");
		else
			script_warn(lx->ctx, &loc, "ignoring invalid character `\\%03o' in %s", c,
				    mode == LEX_EXPR ? "expression" : "script");
		lx->p++;
	}
}

const char *tok_str(struct ctx *ctx, const struct token *t)
{
	return arena_strndup(&ctx->arena, t->s, t->len);
}

bool tok_is(const struct token *t, const char *word)
{
	return t->kind == TOK_NAME && strlen(word) == t->len && memcmp(t->s, word, t->len) == 0;
}

bool tok_op(const struct token *t, const char *op)
{
	return t->kind == TOK_OP && strlen(op) == t->len && memcmp(t->s, op, t->len) == 0;
}
