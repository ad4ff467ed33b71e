/* Unit tests of the linker-script lexer, parser and evaluator (script_*.c).
 * Expected values come from GNU ld 2.40 (ld.bfd run on the same text, values read with nm) or
 * from `info ld`; see the comments at each group. */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slink.h"
#include "script.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                         \
	do {                                                                                     \
		if (cond) {                                                                      \
			passed++;                                                                \
		} else {                                                                         \
			failed++;                                                                \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);                              \
			printf(__VA_ARGS__);                                                     \
			printf("\n");                                                            \
		}                                                                                \
	} while (0)

static struct ctx ctx;

/* ---- stderr capture, to check diagnostics ---- */
static int saved_stderr = -1;
static char capture_path[] = "/tmp/test_script_XXXXXX";
static int capture_fd = -1;

static void capture_start(void)
{
	fflush(stderr);
	if (capture_fd < 0)
		capture_fd = mkstemp(capture_path);
	if (ftruncate(capture_fd, 0) != 0)
		return;
	lseek(capture_fd, 0, SEEK_SET);
	saved_stderr = dup(2);
	dup2(capture_fd, 2);
}

static char *capture_end(void)
{
	static char buf[8192];
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	ssize_t n = pread(capture_fd, buf, sizeof buf - 1, 0);
	buf[n > 0 ? n : 0] = 0;
	return buf;
}

static void quiet_start(void)
{
	fflush(stderr);
	saved_stderr = dup(2);
	int null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	close(null);
}

static void quiet_end(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
}

static struct script *parse(const char *text)
{
	return script_parse(&ctx, NULL, "t.ld", text, strlen(text), NULL, NULL);
}

static bool const_value(const char *text, uint64_t *out)
{
	struct expr *e = script_parse_expr(&ctx, "test", text);
	return e && script_eval_const(&ctx, e, out);
}

/* ---- numbers and operators: values printed by ld.bfd 2.40 for `SECTIONS { x = EXPR; }` ---- */
static void test_numbers(void)
{
	static const struct { const char *text; uint64_t want; } cases[] = {
		{ "010", 8 },                  /* leading 0: octal */
		{ "1010b", 10 }, { "777o", 0x1ff }, { "1000h", 0x1000 }, { "$ff", 0xff },
		{ "4K", 0x1000 }, { "2M", 0x200000 }, { "0x10K", 0x4000 }, { "12d", 12 },
		{ "1bh", 0x1b }, { "1b", 1 }, { "10X", 0x10 }, { "09", 0 },
		{ "bad", 0 },                  /* hex digits with a decimal suffix: a number */
		{ "abcd", 0 },
		{ "99999999999999999999999", UINT64_MAX }, /* saturates */
		{ "0xffffffffffffffff + 2", 1 },           /* wraps */
		{ "-1 < 0", 0 },               /* unsigned comparison */
		{ "6 | 3", 7 }, { "1 << 64", 1 }, { "-7 / 2", (uint64_t)-3 }, { "-7 % 2", (uint64_t)-1 },
		{ "1 ? 2 : 3 ? 4 : 5", 2 }, { "0 ? 2 : 0 ? 4 : 5", 5 },
		{ "LOG2CEIL(5) + LOG2CEIL(0)*100 + LOG2CEIL(1)*1000", 3 },
		{ "5 - 3 - 1", 1 }, { "ALIGN(13, 8) + ALIGN(13,6)*100", 0x718 },
		{ "~0 >> 60", 0xf }, { "!5 + !0*10", 10 }, { "3 | 4 & 5 + 6", 3 },
		{ "0 && 1 || 1", 1 },
		/* plain C precedence and the remaining operators (C semantics) */
		{ "2 + 3 * 4", 14 }, { "(2 + 3) * 4", 20 }, { "1 + 2 == 3", 1 }, { "5 != 5", 0 },
		{ "3 >= 3", 1 }, { "3 <= 2", 0 }, { "3 > 2", 1 }, { "6 ^ 3", 5 }, { "+5", 5 },
		{ "-(1)", UINT64_MAX }, { "1 < 2 == 1", 1 }, { "8 >> 1 << 2", 16 },
		{ "MAX(3, 9) + MIN(3, 9)", 12 }, { "ABSOLUTE(7)", 7 },
		{ "ASSERT(1, \"never\")", 1 }, { "0x1F & 0X0f", 15 },
		{ "100 / 7 % 4", 2 },
		{ "0x", 0 },                   /* ld.bfd: "0x" is 0 with a hex suffix */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint64_t v = 0;
		bool ok = const_value(cases[i].text, &v);
		CHECK(ok && v == cases[i].want, "%s = %#llx, want %#llx", cases[i].text,
		      (unsigned long long)v, (unsigned long long)cases[i].want);
	}
	/* GNU ld: "x = 0 && y" with y undefined is an error: no short-circuit */
	uint64_t v;
	quiet_start();
	bool ok = const_value("0 && y", &v);
	quiet_end();
	CHECK(!ok, "0 && undefined symbol must be an error");
}

static void test_expr_errors(void)
{
	uint64_t v;
	capture_start();
	bool ok = const_value("4 / (2 - 2)", &v);
	char *out = capture_end();
	CHECK(!ok, "division by zero must fail");
	CHECK(strstr(out, "test:1:3: error: division by zero"), "division message: %s", out);

	capture_start();
	struct expr *e = script_parse_expr(&ctx, "test", "frob(3)");
	out = capture_end();
	CHECK(!e && strstr(out, "test:1:1: error: unknown function `frob'"), "unknown fn: %s", out);

	capture_start();
	e = script_parse_expr(&ctx, "test", "CONSTANT(FOO)");
	out = capture_end();
	CHECK(!e && strstr(out, "unknown constant `FOO'"), "unknown constant: %s", out);

	/* deep nesting is capped, not a stack overflow */
	static char deep[200002];
	memset(deep, '(', 100000);
	deep[100000] = '1';
	memset(deep + 100001, ')', 100000);
	deep[200001] = 0;
	quiet_start();
	e = script_parse_expr(&ctx, "test", deep);
	quiet_end();
	CHECK(!e, "deep nesting must be refused");
	memset(deep, '-', 100000);
	deep[100000] = '1';
	deep[100001] = 0;
	quiet_start();
	e = script_parse_expr(&ctx, "test", deep);
	quiet_end();
	CHECK(!e, "deep unary nesting must be refused");
}

/* ---- the evaluator with a fake link ---- */
struct fake {
	struct output_section text, data;
};

static bool fake_symbol(void *ud, const char *name, uint64_t *val, struct output_section **sec)
{
	struct fake *f = ud;
	if (strcmp(name, "in_text") == 0) { /* .text + 0x10 */
		*val = 0x10;
		*sec = &f->text;
		return true;
	}
	if (strcmp(name, "in_text2") == 0) {
		*val = 0x30;
		*sec = &f->text;
		return true;
	}
	if (strcmp(name, "in_data") == 0) {
		*val = 0x8;
		*sec = &f->data;
		return true;
	}
	if (strcmp(name, "abs") == 0) {
		*val = 0x1234;
		*sec = NULL;
		return true;
	}
	return false;
}

static bool fake_defined(void *ud, const char *name)
{
	(void)ud;
	return strcmp(name, "abs") == 0;
}

static enum section_query fake_section(void *ud, const char *name, struct section_info *out)
{
	struct fake *f = ud;
	if (strcmp(name, ".text") == 0) {
		*out = (struct section_info){ &f->text, f->text.addr, 0x8000, 0x200, 16, false, false };
		return SECTION_OK;
	}
	if (strcmp(name, ".later") == 0)
		return SECTION_NOT_PLACED;
	return SECTION_MISSING;
}

static bool fake_region(void *ud, const char *name, uint64_t *origin, uint64_t *length)
{
	(void)ud;
	if (strcmp(name, "ram") != 0)
		return false;
	*origin = 0x20000000;
	*length = 0x10000;
	return true;
}

static uint64_t fake_headers(void *ud) { (void)ud; return 0x40 + 2 * 0x38; }
static uint64_t fake_segment(void *ud, const char *seg, uint64_t deflt)
{
	(void)ud;
	return strcmp(seg, "text-segment") == 0 ? 0x800000 : deflt;
}

static struct value ev(const char *text, const struct script_env *env)
{
	struct expr *e = script_parse_expr(&ctx, "test", text);
	if (!e)
		return (struct value){ 0 };
	return script_eval(e, env);
}

static void test_eval_sections(void)
{
	struct fake f = { 0 };
	f.text.name = ".text";
	f.text.addr = 0x1000;
	f.data.name = ".data";
	f.data.addr = 0x4000;
	struct script_env env = {
		.ctx = &ctx, .ud = &f, .dot = 0x1100, .dot_ok = true, .report_errors = true,
		.maxpagesize = 0x1000, .commonpagesize = 0x1000,
		.symbol = fake_symbol, .defined = fake_defined, .section_query = fake_section,
		.region = fake_region, .sizeof_headers = fake_headers, .segment_start = fake_segment,
	};
	struct value v;

	/* outside output sections (info ld "Expression Section"): numbers are absolute */
	v = ev("0x100", &env);
	CHECK(v.ok && !v.sec && !v.number && v.val == 0x100, "number outside: absolute");
	v = ev(".", &env);
	CHECK(v.ok && !v.sec && v.val == 0x1100, "dot outside: absolute");
	/* symbol + number keeps the symbol's section */
	/* ld.bfd: "e2 = _start + 4;" outside sections is absolute (nm 'A'): the literal is
	 * absolute there, so both sides are made absolute; "e1 = . + 4;" is from `.` */
	v = ev("in_text + 4", &env);
	CHECK(v.ok && !v.sec && !v.from_dot && v.val == 0x1014, "rel + absolute number");
	v = ev(". + 4", &env);
	CHECK(v.ok && !v.sec && v.from_dot && v.val == 0x1104, ". + 4 outside");
	v = ev("ABSOLUTE(.)", &env);
	CHECK(v.ok && !v.sec && !v.from_dot, "ABSOLUTE(.) outside");
	/* a plain number (SIZEOF) keeps the other operand's section, either side */
	v = ev("in_text + SIZEOF(.text)", &env);
	CHECK(v.ok && v.sec == &f.text && v.val == 0x210, "rel + number stays relative");
	v = ev("SIZEOF(.text) + in_text", &env);
	CHECK(v.ok && v.sec == &f.text && v.val == 0x210, "number + rel stays relative");
	/* same-section difference: absolute (outside sections) */
	v = ev("in_text2 - in_text", &env);
	CHECK(v.ok && !v.sec && !v.number && v.val == 0x20, "same-section difference");
	/* different sections: both made absolute first */
	v = ev("in_data - in_text", &env);
	CHECK(v.ok && !v.sec && v.val == 0x4008 - 0x1010, "cross-section difference");
	v = ev("in_text > 1", &env);
	CHECK(v.ok && v.number && !v.sec && v.val == 1, "comparison gives a number");
	v = ev("ABSOLUTE(in_text)", &env);
	CHECK(v.ok && !v.sec && v.val == 0x1010, "ABSOLUTE");
	v = ev("-in_text", &env);
	CHECK(v.ok && v.sec == &f.text && v.val == (uint64_t)-0x10, "unary keeps section");
	CHECK(script_value_addr(ev("in_data", &env)) == 0x4008, "value address");

	/* builtins */
	v = ev("ADDR(.text)", &env);
	CHECK(v.ok && v.sec == &f.text && v.val == 0 && script_value_addr(v) == 0x1000, "ADDR");
	v = ev("LOADADDR(.text)", &env);
	CHECK(v.ok && !v.sec && v.val == 0x8000, "LOADADDR");
	v = ev("SIZEOF(.text)", &env);
	CHECK(v.ok && v.number && v.val == 0x200, "SIZEOF");
	v = ev("ALIGNOF(.text)", &env);
	CHECK(v.ok && v.number && v.val == 16, "ALIGNOF");
	v = ev("SIZEOF(.later)", &env);
	CHECK(!v.ok, "not yet placed section: not ok");
	quiet_start();
	v = ev("SIZEOF(.nosuch)", &env);
	quiet_end();
	CHECK(!v.ok, "missing section: error");
	v = ev("ALIGN(0x100)", &env);
	CHECK(v.ok && v.val == 0x1100, "ALIGN(n) of aligned dot");
	v = ev("ALIGN(0x1000)", &env);
	CHECK(v.ok && v.val == 0x2000, "ALIGN(n)");
	v = ev("BLOCK(0x1000)", &env);
	CHECK(v.ok && v.val == 0x2000, "BLOCK");
	v = ev("NEXT(0x1000)", &env);
	CHECK(v.ok && !v.sec && v.val == 0x2000, "NEXT");
	v = ev("DEFINED(abs) + DEFINED(nope) * 2", &env);
	CHECK(v.ok && v.val == 1, "DEFINED");
	v = ev("ORIGIN(ram)", &env);
	CHECK(v.ok && !v.sec && v.val == 0x20000000, "ORIGIN");
	v = ev("LENGTH(ram)", &env);
	CHECK(v.ok && v.number && v.val == 0x10000, "LENGTH");
	quiet_start();
	v = ev("LENGTH(rom)", &env);
	quiet_end();
	CHECK(!v.ok, "undefined region");
	v = ev("SIZEOF_HEADERS", &env);
	CHECK(v.ok && v.val == 0xb0, "SIZEOF_HEADERS");
	v = ev("SEGMENT_START(\"text-segment\", 0x400000)", &env);
	CHECK(v.ok && v.val == 0x800000, "SEGMENT_START overridden");
	v = ev("SEGMENT_START(\"ldata-segment\", 0x400000)", &env);
	CHECK(v.ok && v.val == 0x400000, "SEGMENT_START default");
	v = ev("CONSTANT(MAXPAGESIZE) + CONSTANT(COMMONPAGESIZE)", &env);
	CHECK(v.ok && v.val == 0x2000, "CONSTANT");
	/* ld -z relro off: DATA_SEGMENT_ALIGN(max, common) = ALIGN(max) + (. & (max - 1)) */
	v = ev("DATA_SEGMENT_ALIGN(0x1000, 0x1000)", &env);
	CHECK(v.ok && v.val == 0x2100, "DATA_SEGMENT_ALIGN default formula: %#llx",
	      (unsigned long long)v.val);
	v = ev("DATA_SEGMENT_END(.)", &env);
	CHECK(v.ok && v.val == 0x1100, "DATA_SEGMENT_END");
	v = ev("DEFINED(abs) ? abs : 0", &env);
	CHECK(v.ok && v.val == 0x1234, "conditional");

	/* inside an output section (.text): numbers are plain numbers, `.` is relative */
	env.section = &f.text;
	v = ev("0x10", &env);
	CHECK(v.ok && v.number && v.val == 0x10, "number inside: plain number");
	/* info ld: ". = 0x10; __data_start = 0x10;" inside .data are relative to .data */
	v = script_value_for_assign(v, &f.text);
	CHECK(v.sec == &f.text && script_value_addr(v) == 0x1010, "number assigned inside");
	v = ev(".", &env);
	CHECK(v.ok && v.sec == &f.text && v.val == 0x100, "dot inside: relative");
	v = ev("abs", &env);
	CHECK(v.ok && v.number && v.val == 0x1234, "absolute symbol inside: number");
	v = ev("ABSOLUTE(0x10)", &env);
	CHECK(v.ok && !v.sec && !v.number, "ABSOLUTE inside stays absolute");
	v = script_value_for_assign(v, &f.text);
	CHECK(!v.sec && v.val == 0x10, "absolute assigned inside");
	v = ev(". - ADDR(.text)", &env);
	CHECK(v.ok && v.number && v.val == 0x100, "same-section difference inside: number");
	v = ev("ALIGN(0x1000)", &env);
	CHECK(v.ok && v.sec == &f.text && script_value_addr(v) == 0x2000, "ALIGN inside");
	v = ev("DATA_SEGMENT_ALIGN(0x1000, 0x1000)", &env);
	CHECK(!v.ok, "DATA_SEGMENT_ALIGN inside a section is invalid");
	env.section = NULL;

	/* undefined symbols */
	capture_start();
	v = ev("nosuch + 1", &env);
	char *out = capture_end();
	CHECK(!v.ok && strstr(out, "undefined symbol `nosuch' referenced in expression"),
	      "undefined symbol: %s", out);
	env.report_errors = false;
	capture_start();
	v = ev("nosuch + 1", &env);
	out = capture_end();
	CHECK(!v.ok && !*out, "early pass is silent");
	env.report_errors = true;
	capture_start();
	v = ev("ASSERT(0, \"it broke\")", &env);
	out = capture_end();
	CHECK(strstr(out, "error: it broke"), "ASSERT message: %s", out);
}

/* ---- parser ---- */
static struct stmt *nth(struct stmt *s, int n)
{
	while (s && n--)
		s = s->next;
	return s;
}

static void test_parse_commands(void)
{
	const char *text =
		"OUTPUT_FORMAT(\"elf64-x86-64\", \"elf64-x86-64\",\n\t\"elf64-x86-64\")\n"
		"OUTPUT_ARCH(i386:x86-64)\n"
		"ENTRY(_start)\n"
		"SEARCH_DIR(\"=/usr/lib\"); SEARCH_DIR(/lib)\n"
		"INPUT(a.o b.o -lfoo)\n"
		"GROUP(libc.so.6 AS_NEEDED(ld.so -lm) x.a)\n"
		"EXTERN(sym1 sym2, sym3)\n"
		"NOCROSSREFS(.text .data)\n"
		"NOCROSSREFS_TO(.text .data)\n"
		"REGION_ALIAS(\"REGION_TEXT\", rom)\n"
		"FORCE_COMMON_ALLOCATION\nINHIBIT_COMMON_ALLOCATION\n"
		"LD_FEATURE(\"SANE_EXPR\")\n"
		"STARTUP(crt0.o)\nOUTPUT(a.out)\nTARGET(binary)\n"
		"foo = 1; bar += 2; PROVIDE(baz = .); HIDDEN(h = 3); PROVIDE_HIDDEN(ph = 4);\n"
		"ASSERT(1, \"msg\")\n"
		"INSERT AFTER .text\n";
	struct script *s = parse(text);
	CHECK(s, "commands parse");
	if (!s)
		return;
	struct stmt *c = s->cmds;
	CHECK(c->kind == ST_OUTPUT_FORMAT && !strcmp(c->output_format.little, "elf64-x86-64") &&
		      c->loc.line == 1 && c->loc.col == 1, "OUTPUT_FORMAT");
	c = c->next;
	CHECK(c->kind == ST_OUTPUT_ARCH && !strcmp(c->name, "i386:x86-64"), "OUTPUT_ARCH");
	c = c->next;
	CHECK(c->kind == ST_ENTRY && !strcmp(c->name, "_start") && c->loc.line == 4, "ENTRY");
	c = c->next;
	CHECK(c->kind == ST_SEARCH_DIR && !strcmp(c->name, "=/usr/lib"), "SEARCH_DIR");
	c = c->next->next;
	CHECK(c->kind == ST_INPUT && !strcmp(c->inputs->name, "a.o") &&
		      c->inputs->next->next->is_lib && !strcmp(c->inputs->next->next->name, "foo"),
	      "INPUT");
	c = c->next;
	struct input_item *it = c->inputs;
	CHECK(c->kind == ST_GROUP && !it->as_needed && it->next->as_needed &&
		      it->next->next->as_needed && it->next->next->is_lib &&
		      !it->next->next->next->as_needed, "GROUP/AS_NEEDED");
	c = c->next;
	CHECK(c->kind == ST_EXTERN && !strcmp(c->names->next->next->name, "sym3"), "EXTERN");
	c = c->next;
	CHECK(c->kind == ST_NOCROSSREFS && !strcmp(c->names->next->name, ".data"), "NOCROSSREFS");
	c = c->next;
	CHECK(c->kind == ST_NOCROSSREFS_TO, "NOCROSSREFS_TO");
	c = c->next;
	CHECK(c->kind == ST_REGION_ALIAS && !strcmp(c->region_alias.alias, "REGION_TEXT") &&
		      !strcmp(c->region_alias.region, "rom"), "REGION_ALIAS");
	c = c->next;
	CHECK(c->kind == ST_FORCE_COMMON_ALLOCATION, "FORCE_COMMON_ALLOCATION");
	c = c->next;
	CHECK(c->kind == ST_INHIBIT_COMMON_ALLOCATION, "INHIBIT_COMMON_ALLOCATION");
	c = c->next;
	CHECK(c->kind == ST_LD_FEATURE && !strcmp(c->name, "SANE_EXPR"), "LD_FEATURE");
	c = c->next;
	CHECK(c->kind == ST_STARTUP, "STARTUP");
	c = c->next;
	CHECK(c->kind == ST_OUTPUT, "OUTPUT");
	c = c->next;
	CHECK(c->kind == ST_TARGET && !strcmp(c->name, "binary"), "TARGET");
	c = c->next;
	CHECK(c->kind == ST_ASSIGN && !strcmp(c->assign.name, "foo") &&
		      c->assign.kind == ASSIGN_PLAIN && c->assign.expr->kind == EXPR_NUM, "assign");
	c = c->next;
	CHECK(c->kind == ST_ASSIGN && c->assign.expr->kind == EXPR_BINARY &&
		      c->assign.expr->op == OP_ADD && c->assign.expr->a->kind == EXPR_SYMBOL &&
		      !strcmp(c->assign.expr->a->name, "bar"), "+= desugared");
	c = c->next;
	CHECK(c->assign.kind == ASSIGN_PROVIDE && c->assign.expr->kind == EXPR_DOT, "PROVIDE");
	c = c->next;
	CHECK(c->assign.kind == ASSIGN_HIDDEN, "HIDDEN");
	c = c->next;
	CHECK(c->assign.kind == ASSIGN_PROVIDE_HIDDEN, "PROVIDE_HIDDEN");
	c = c->next;
	CHECK(c->kind == ST_ASSERT && !strcmp(c->assert_.message, "msg"), "ASSERT");
	c = c->next;
	CHECK(c->kind == ST_INSERT && c->insert.after && !strcmp(c->insert.section, ".text") &&
		      s->has_insert, "INSERT");
	CHECK(!c->next, "end of list");
}

static void test_parse_sections(void)
{
	const char *text =
		"MEMORY {\n"
		"  rom (rx) : ORIGIN = 0x0, LENGTH = 256K\n"
		"  ram (rw!x) : org = 0x20000000, l = 64K\n"
		"}\n"
		"PHDRS {\n"
		"  headers PT_PHDR PHDRS ;\n"
		"  text PT_LOAD FILEHDR PHDRS FLAGS(5) ;\n"
		"  data 1 AT(0x1000) ;\n"
		"  eh PT_GNU_EH_FRAME ;\n"
		"}\n"
		"SECTIONS {\n"
		"  . = 0x10000;\n"
		"  .text 0x1000 (NOLOAD) : AT(0x2000) ALIGN(16) SUBALIGN(4) ONLY_IF_RO {\n"
		"    KEEP(*(SORT_NONE(.init)))\n"
		"    *(.text.unlikely .text.*_unlikely)\n"
		"    EXCLUDE_FILE(*crtend.o *otherfile.o) *(.ctors)\n"
		"    *(EXCLUDE_FILE(*a.o) .dtors .foo)\n"
		"    *crtbegin?.o(.ctors)\n"
		"    libc.a:*(.data) :x.o(.y)\n"
		"    *(SORT_BY_NAME(SORT_BY_ALIGNMENT(.s1)) SORT(.s2) SORT_BY_INIT_PRIORITY(.init_array.*))\n"
		"    INPUT_SECTION_FLAGS(SHF_ALLOC & !SHF_WRITE) *(.r*)\n"
		"    SORT(*)(.sorted)\n"
		"    foo.o\n"
		"    *(COMMON)\n"
		"    BYTE(1) SHORT(2) LONG(3) QUAD(4) SQUAD(-5)\n"
		"    FILL(0x90909090);\n"
		"    . = ALIGN(8); sym = .; x *= 2;\n"
		"    PROVIDE_HIDDEN(__start = .);\n"
		"    CONSTRUCTORS SORT(CONSTRUCTORS) CREATE_OBJECT_SYMBOLS\n"
		"    ASSERT(. > 0, \"empty\");\n"
		"  } >rom AT>ram :text :data =0x90909090,\n"
		"  .data..percpu : { *(.data..percpu) }\n"
		"  .rodata (READONLY) : { *(.rodata) }\n"
		"  .t (TYPE = SHT_NOTE) : { *(.t) }\n"
		"  \"quoted name\" : { *(\"quoted sec\") }\n"
		"  .b ALIGN(0x100) : ALIGN_WITH_INPUT { }\n"
		"  OVERLAY 0x1000 : NOCROSSREFS AT(0x4000) {\n"
		"    .o1 { *(.o1) } :text =1\n"
		"    .o2 { *(.o2) }\n"
		"  } >ram :data\n"
		"  /DISCARD/ : { *(.note.GNU-stack) }\n"
		"}\n";
	struct script *s = parse(text);
	CHECK(s, "sections script parses");
	if (!s)
		return;
	struct memory_region *r = s->memory;
	CHECK(r && !strcmp(r->name, "rom") && r->attrs == (MEM_R | MEM_X) && !r->not_attrs &&
		      r->origin->num == 0 && r->length->num == 256 * 1024, "MEMORY rom");
	r = r->next;
	CHECK(r && r->attrs == (MEM_R | MEM_W) && r->not_attrs == MEM_X &&
		      r->origin->num == 0x20000000 && r->length->num == 65536 && !r->next, "MEMORY ram");
	struct phdr_desc *ph = s->phdrs;
	CHECK(ph && ph->type->num == 6 && ph->phdrs && !ph->filehdr, "PHDRS headers");
	ph = ph->next;
	CHECK(ph && ph->type->num == 1 && ph->phdrs && ph->filehdr && ph->flags->num == 5, "text");
	ph = ph->next;
	CHECK(ph && ph->type->num == 1 && ph->at && ph->at->num == 0x1000, "data");
	ph = ph->next;
	CHECK(ph && ph->type->num == 0x6474e550 && !ph->next, "eh");

	struct stmt *sec = nth(s->cmds, 2);
	CHECK(sec && sec->kind == ST_SECTIONS && s->has_sections, "SECTIONS");
	if (!sec || sec->kind != ST_SECTIONS)
		return;
	struct stmt *st = sec->sections;
	CHECK(st->kind == ST_ASSIGN && !strcmp(st->assign.name, "."), ". =");
	st = st->next;
	struct output_section_desc *d = st->osec;
	CHECK(st->kind == ST_OUTPUT_SECTION && !strcmp(d->name, ".text") && d->addr->num == 0x1000 &&
		      d->type == OSEC_NOLOAD && d->lma->num == 0x2000 && d->align->num == 16 &&
		      d->subalign->num == 4 && d->constraint == CONSTRAINT_ONLY_IF_RO &&
		      !strcmp(d->region, "rom") && !strcmp(d->lma_region, "ram") &&
		      !strcmp(d->phdrs->name, "text") && !strcmp(d->phdrs->next->name, "data") &&
		      d->fill->num == 0x90909090, ".text header");
	CHECK(st->loc.line == 13 && st->loc.col == 3, ".text location %u:%u", st->loc.line, st->loc.col);
	struct stmt *b = d->body;
	CHECK(b->kind == ST_INPUT_SECTION && b->input->keep && !b->input->file.pattern &&
		      b->input->sections->sort == SORT_NONE &&
		      !strcmp(b->input->sections->pattern, ".init"), "KEEP(*(SORT_NONE(.init)))");
	b = b->next;
	CHECK(!strcmp(b->input->sections->pattern, ".text.unlikely") &&
		      !strcmp(b->input->sections->next->pattern, ".text.*_unlikely"), "patterns");
	b = b->next;
	CHECK(b->input->file.exclude && !strcmp(b->input->file.exclude->name, "*crtend.o") &&
		      !strcmp(b->input->file.exclude->next->name, "*otherfile.o") &&
		      !b->input->sections->exclude, "EXCLUDE_FILE before file");
	b = b->next;
	CHECK(!b->input->file.exclude && b->input->sections->exclude &&
		      !b->input->sections->next->exclude, "EXCLUDE_FILE in list");
	b = b->next;
	CHECK(!strcmp(b->input->file.pattern, "*crtbegin?.o"), "file pattern");
	b = b->next;
	CHECK(!strcmp(b->input->file.pattern, "libc.a:*"), "archive:member");
	b = b->next;
	CHECK(!strcmp(b->input->file.pattern, ":x.o"), ":member");
	b = b->next;
	struct section_pattern *sp = b->input->sections;
	CHECK(sp->sort == SORT_BY_NAME && sp->sort_inner == SORT_BY_ALIGNMENT &&
		      sp->next->sort == SORT_BY_NAME && sp->next->sort_inner == SORT_UNSET &&
		      sp->next->next->sort == SORT_BY_INIT_PRIORITY, "nested sorts");
	b = b->next;
	CHECK(b->input->has_flags && b->input->flags_required == SHF_ALLOC &&
		      b->input->flags_forbidden == SHF_WRITE, "INPUT_SECTION_FLAGS");
	b = b->next;
	CHECK(b->input->file.sort_by_name && !b->input->file.pattern, "SORT(*)");
	b = b->next;
	CHECK(!strcmp(b->input->file.pattern, "foo.o") && !b->input->sections, "whole file");
	b = b->next;
	CHECK(!strcmp(b->input->sections->pattern, "COMMON"), "COMMON");
	b = b->next;
	CHECK(b->kind == ST_DATA && b->data.kind == DATA_BYTE, "BYTE");
	b = nth(b, 4);
	/* GNU ld folds an operator of numbers as it parses it: -5 is the number -5 */
	CHECK(b->kind == ST_DATA && b->data.kind == DATA_SQUAD && b->data.value->kind == EXPR_NUM &&
		      b->data.value->num == (uint64_t)-5,
	      "SQUAD");
	b = b->next;
	CHECK(b->kind == ST_FILL && b->fill->num == 0x90909090, "FILL");
	b = b->next;
	CHECK(b->kind == ST_ASSIGN && b->assign.expr->kind == EXPR_CALL &&
		      b->assign.expr->fn == FN_ALIGN, ". = ALIGN(8)");
	b = nth(b, 2);
	CHECK(b->kind == ST_ASSIGN && b->assign.expr->op == OP_MUL, "*=");
	b = b->next;
	CHECK(b->assign.kind == ASSIGN_PROVIDE_HIDDEN, "PROVIDE_HIDDEN in section");
	b = b->next;
	CHECK(b->kind == ST_CONSTRUCTORS && !b->sort_constructors, "CONSTRUCTORS");
	b = b->next;
	CHECK(b->kind == ST_CONSTRUCTORS && b->sort_constructors, "SORT(CONSTRUCTORS)");
	b = b->next;
	CHECK(b->kind == ST_CREATE_OBJECT_SYMBOLS, "CREATE_OBJECT_SYMBOLS");
	b = b->next;
	CHECK(b->kind == ST_ASSERT && !b->next, "ASSERT in section");

	st = st->next;
	CHECK(!strcmp(st->osec->name, ".data..percpu") &&
		      !strcmp(st->osec->body->input->sections->pattern, ".data..percpu"), "percpu");
	st = st->next;
	CHECK(st->osec->type == OSEC_READONLY, "READONLY");
	st = st->next;
	CHECK(st->osec->type == OSEC_TYPE && st->osec->type_value->num == 7, "TYPE = SHT_NOTE");
	st = st->next;
	CHECK(!strcmp(st->osec->name, "quoted name") &&
		      !strcmp(st->osec->body->input->sections->pattern, "quoted sec"), "quoted");
	st = st->next;
	CHECK(st->osec->addr && st->osec->addr->fn == FN_ALIGN && st->osec->align_with_input &&
		      !st->osec->body, "ALIGN addr, ALIGN_WITH_INPUT");
	st = st->next;
	struct overlay_desc *o = st->overlay;
	CHECK(st->kind == ST_OVERLAY && o->start->num == 0x1000 && o->nocrossrefs &&
		      o->lma->num == 0x4000 && !strcmp(o->region, "ram") &&
		      !strcmp(o->phdrs->name, "data") && !strcmp(o->sections->osec->name, ".o1") &&
		      o->sections->osec->fill->num == 1 &&
		      !strcmp(o->sections->osec->phdrs->name, "text") &&
		      !strcmp(o->sections->next->osec->name, ".o2"), "OVERLAY");
	st = st->next;
	CHECK(!strcmp(st->osec->name, "/DISCARD/") && !st->next, "/DISCARD/");
}

static void test_parse_version(void)
{
	const char *text =
		"VERSION {\n"
		"  VERS_1.1 { global: foo1; bar*; extern \"C++\" { ns::*; \"f(int)\" }; local: *; };\n"
		"  VERS_1.2 { foo2; } VERS_1.1;\n"
		"  { local: hidden_*; };\n"
		"}\n";
	struct script *s = parse(text);
	CHECK(s, "VERSION parses");
	if (!s)
		return;
	struct version_node *n = s->versions;
	CHECK(n && !strcmp(n->tag, "VERS_1.1") && !strcmp(n->globals->pattern, "foo1") &&
		      !strcmp(n->globals->next->pattern, "bar*") &&
		      !strcmp(n->globals->next->next->pattern, "ns::*") &&
		      !strcmp(n->globals->next->next->lang, "C++") &&
		      n->globals->next->next->next->literal && !strcmp(n->locals->pattern, "*"),
	      "VERS_1.1");
	n = n->next;
	CHECK(n && !strcmp(n->tag, "VERS_1.2") && !strcmp(n->deps->name, "VERS_1.1"), "deps");
	n = n->next;
	CHECK(n && !n->tag && !strcmp(n->locals->pattern, "hidden_*"), "anonymous");

	struct script *vs = parse("");
	const char *vtext = "LIBX_2 {\n global:\n  x_*;\n local:\n  *;\n};\n";
	CHECK(vs && script_parse_version_script(&ctx, vs, "v.map", vtext, strlen(vtext)) &&
		      vs->versions && !strcmp(vs->versions->tag, "LIBX_2"), "version script file");
}

struct inc_files {
	const char *name, *text;
};

static bool test_include_cb(void *ud, const char *name, const char **path, const char **text,
			    size_t *len)
{
	for (const struct inc_files *f = ud; f->name; f++)
		if (!strcmp(f->name, name)) {
			*path = f->name;
			*text = f->text;
			*len = strlen(f->text);
			return true;
		}
	return false;
}

static void test_include(void)
{
	struct inc_files files[] = {
		{ "top.ld", "a = 1;\n" },
		{ "secs.ld", ".inc : { *(.inc) }\n" },
		{ "body.ld", "*(.body)\n" },
		{ "mem.ld", "m2 : ORIGIN = 0, LENGTH = 1\n" },
		{ "bad.ld", "\n  }\n" },
		{ NULL, NULL },
	};
	const char *text = "INCLUDE top.ld\nMEMORY { m1 : o = 0, l = 1 INCLUDE mem.ld }\n"
			   "SECTIONS { INCLUDE secs.ld .x : { INCLUDE body.ld } }\n";
	struct script *s = script_parse(&ctx, NULL, "main.ld", text, strlen(text), test_include_cb,
					files);
	CHECK(s, "INCLUDE parses");
	if (!s)
		return;
	CHECK(s->cmds->kind == ST_ASSIGN && !strcmp(s->cmds->loc.file, "top.ld"), "top INCLUDE");
	CHECK(s->memory && s->memory->next && !strcmp(s->memory->next->name, "m2"), "MEMORY INCLUDE");
	struct stmt *secs = nth(s->cmds, 2)->sections;
	CHECK(!strcmp(secs->osec->name, ".inc") && !strcmp(secs->next->osec->name, ".x") &&
		      !strcmp(secs->next->osec->body->input->sections->pattern, ".body"),
	      "SECTIONS/section INCLUDE");

	capture_start();
	s = script_parse(&ctx, NULL, "main.ld", "INCLUDE nosuch.ld\n", 18, test_include_cb, files);
	char *out = capture_end();
	CHECK(!s && strstr(out, "main.ld:1:9: error: cannot find script file nosuch.ld"), "%s", out);
	capture_start();
	s = script_parse(&ctx, NULL, "main.ld", "SECTIONS { INCLUDE bad.ld }", 27, test_include_cb,
			 files);
	out = capture_end();
	CHECK(!s && strstr(out, "bad.ld:2:3: error: syntax error"), "error in include: %s", out);
	/* recursive include is capped */
	struct inc_files loop[] = { { "self.ld", "INCLUDE self.ld\n" }, { NULL, NULL } };
	quiet_start();
	s = script_parse(&ctx, NULL, "self.ld", "INCLUDE self.ld\n", 16, test_include_cb, loop);
	quiet_end();
	CHECK(!s, "include loop refused");
}

static void test_errors(void)
{
	capture_start();
	struct script *s = parse("SECTIONS {\n  .text : {\n    *(.text)\n  }\n    }\n  }\n");
	char *out = capture_end();
	CHECK(!s, "extra brace must fail");
	CHECK(strstr(out, "t.ld:6:3: error: syntax error, unexpected '}'\n"
			  "    6 |   }\n"
			  "      |   ^\n"), "error format:\n%s", out);

	static const char *const bad[] = {
		"SECTIONS {", "SECTIONS { .text : { *(.text) }", "/* unterminated", "x = \"abc",
		"x = 1", "SECTIONS { .text : { *( } }", "MEMORY { ram : ORIGIN = 1 }",
		"PHDRS { text PT_BOGUS ; }", "ENTRY(", "x = 1 +;", "x = (1;", "SECTIONS { . = 1 }",
		"VERSION { V1 { foo }; }", ".", "INSERT NEAR .text",
		"SECTIONS { .a : { KEEP(*(.a) } }", "x = ALIGN(1,2,3);",
		"MEMORY { r (rwq) : ORIGIN = 0, LENGTH = 1 }",
		"SECTIONS { .x : { INPUT_SECTION_FLAGS(SHF_BOGUS) *(.x) } }",
		/* ld.bfd: "align with input and explicit align specified" */
		"SECTIONS { .x : ALIGN(16) ALIGN_WITH_INPUT { *(.x) } }",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int errors = ctx.errors;
		capture_start();
		s = parse(bad[i]);
		out = capture_end();
		CHECK(!s && ctx.errors > errors && strstr(out, "t.ld:") && strstr(out, "error:"),
		      "bad script %zu must fail with a located error: %s", i, out);
	}
	/* NUL bytes are ignored with a warning, as GNU ld does */
	const char with_nul[] = "x = 1;\0 y = 2;";
	int warnings = ctx.warnings;
	quiet_start();
	s = script_parse(&ctx, NULL, "t.ld", with_nul, sizeof with_nul - 1, NULL, NULL);
	quiet_end();
	CHECK(s && ctx.warnings > warnings && s->cmds->next, "NUL byte skipped");
}

/* GNU ld lexer quirks, checked against ld.bfd 2.40 */
static void test_lexer_states(void)
{
	/* "a-b" is one name in a section context, a subtraction in an expression */
	struct script *s = parse("SECTIONS { .a-b : { *(.x-y) } x = a-b; }");
	CHECK(s, "names with '-'");
	if (s) {
		struct stmt *st = s->cmds->sections;
		CHECK(!strcmp(st->osec->name, ".a-b") &&
			      !strcmp(st->osec->body->input->sections->pattern, ".x-y"), "section name");
		CHECK(st->next->assign.expr->kind == EXPR_BINARY, "a-b in an expression");
	}
	/* symbol names may contain '/' and '~' in expressions, and be quoted */
	struct expr *e = script_parse_expr(&ctx, "test", "a/b + \"weird sym\"");
	CHECK(e && e->kind == EXPR_BINARY && !strcmp(e->a->name, "a/b") &&
		      !strcmp(e->b->name, "weird sym"), "symbol chars");
	e = script_parse_expr(&ctx, "test", "ADDR(.text.a-b) + SIZEOF(.data..percpu)");
	CHECK(e && !strcmp(e->a->name, ".text.a-b"), "section names in ADDR()");
	/* keywords of the lexer state where they stand are no names there (ld.bfd 2.40: syntax
	 * error), and names elsewhere */
	static const char *const keyword_misuse[] = {
		"o = 1;", "SECTIONS { len = 1; }", "SECTIONS { ORIGIN : { *(.x) } }",
		"SECTIONS { .x : { AT = 1; } }", "SECTIONS { .x : { FILL = 1; } }", "x = COPY;",
		"EXTERN(NOLOAD)", "NOCROSSREFS(l .x)", "ENTRY(org)", "PHDRS { ALIGN PT_LOAD; }",
	};
	for (size_t i = 0; i < sizeof keyword_misuse / sizeof keyword_misuse[0]; i++) {
		capture_start();
		s = parse(keyword_misuse[i]);
		char *out = capture_end();
		CHECK(!s && strstr(out, "syntax error"), "keyword misuse %zu must be a syntax error: %s", i, out);
	}
	s = parse("SECTIONS { .x : { o = 1; ORIGIN = 2; } x = o + len + l + org; } EXTERN(o len)");
	CHECK(s, "keywords of other states are names");
}

/* GNU ld folds operators of numbers while parsing (exp_unop, exp_binop, exp_trinop), except
 * ALIGN, ABSOLUTE, NEXT and the DATA_SEGMENT builtins */
static void test_parse_folding(void)
{
	static const struct { const char *text; bool folded; uint64_t value; } cases[] = {
		{ "1 + 2 * 3", true, 7 }, { "LOG2CEIL(0x2000)", true, 13 }, { "MAX(3, 9)", true, 9 },
		{ "MIN(3, 9) == 3", true, 1 }, { "1 ? 2 : 3", true, 2 }, { "-(5)", true, (uint64_t)-5 },
		{ "-7 / 2", true, (uint64_t)-3 }, { "ALIGN(4, 8)", false, 0 }, { "ABSOLUTE(4)", false, 0 },
		{ "NEXT(4)", false, 0 }, { "1 / 0", false, 0 }, { "a + 1", false, 0 },
		{ "1 ? a : 3", false, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct expr *e = script_parse_expr(&ctx, "test", cases[i].text);
		bool folded = e && e->kind == EXPR_NUM;
		CHECK(e && folded == cases[i].folded && (!folded || e->num == cases[i].value), cases[i].text);
	}
}

/* ---- patterns ---- */
static void test_glob(void)
{
	static const struct { const char *pat, *s; bool want; } cases[] = {
		{ "*", "", true }, { "*", "a/b", true }, { ".text.*", ".text.foo", true },
		{ ".text.*", ".text", false }, { "*_unlikely", ".text.x_unlikely", true },
		{ "?", "a", true }, { "?", "", false }, { "[abc]x", "bx", true },
		{ "[!abc]x", "bx", false }, { "[^abc]x", "dx", true }, { "[a-c]", "b", true },
		{ "[a-c]", "d", false }, { "*crtbegin?.o", "/usr/lib/crtbeginS.o", true },
		{ "*crtbegin?.o", "/usr/lib/crtbegin.o", false }, { "a\\*", "a*", true },
		{ "a\\*", "ab", false }, { "*a*b*c", "xaybzc", true }, { "*a*b*c", "xaybz", false },
		{ "[]]", "]", true }, { "[", "[", true }, { "**x", "abx", true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK(glob_match(cases[i].pat, cases[i].s) == cases[i].want, "glob %s vs %s",
		      cases[i].pat, cases[i].s);

	/* info ld "Input Section Basics": archive:file, archive:, :file */
	struct file_pattern fp = { "libc.a:*", NULL, false, false };
	CHECK(script_match_file(&fp, NULL, NULL, "libc.a", "printf.o"), "archive:*");
	CHECK(!script_match_file(&fp, "x.o", "x.o", NULL, NULL), "archive:* not a plain file");
	fp.pattern = "*libc.a:";
	CHECK(script_match_file(&fp, NULL, NULL, "/usr/lib/libc.a", "a.o"), "archive:");
	fp.pattern = ":x.o";
	CHECK(script_match_file(&fp, "x.o", "x.o", NULL, NULL), ":file");
	CHECK(!script_match_file(&fp, NULL, NULL, "lib.a", "x.o"), ":file not in archive");
	fp.pattern = "*crtend.o";
	CHECK(script_match_file(&fp, "/usr/lib/crtend.o", "/usr/lib/crtend.o", NULL, NULL), "wildcard path");
	fp.pattern = "foo.o";
	CHECK(script_match_file(&fp, "foo.o", "foo.o", NULL, NULL), "exact name");
	CHECK(!script_match_file(&fp, "dir/foo.o", "dir/foo.o", NULL, NULL), "exact name is not a basename");
	CHECK(script_match_file(&fp, "dir/foo.o", "foo.o", NULL, NULL), "exact name is the name given");
	CHECK(!script_match_file(&fp, NULL, NULL, "foo.o", "m.o"), "exact name: not an archive's members");
	fp.pattern = NULL;
	struct name_list ex = { NULL, "*crtend.o", { 0 } };
	fp.exclude = &ex;
	CHECK(!script_match_file(&fp, "/x/crtend.o", "/x/crtend.o", NULL, NULL), "EXCLUDE_FILE");
	CHECK(script_match_file(&fp, "/x/crtbegin.o", "/x/crtbegin.o", NULL, NULL), "not excluded");
	struct section_pattern sp = { NULL, ".text.*", NULL, SORT_UNSET, SORT_UNSET, { 0 } };
	CHECK(script_match_section(&sp, ".text.hot") && !script_match_section(&sp, ".data"),
	      "section pattern");
}

/* ---- the default scripts, and malformed versions of them ---- */
static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = 0;
	fclose(f);
	return buf;
}

static void test_default_scripts(void)
{
	/* tests/run starts unit tests in a scratch directory: find the tree from this binary,
	 * ROOT/build/unit/test_script, falling back to the current directory */
	char dir[4200] = "src/ldscripts";
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (slash)
				*slash = 0;
		}
		snprintf(dir, sizeof dir, "%s/src/ldscripts", exe);
	}
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(dir, sizeof dir, "src/ldscripts");
		d = opendir(dir);
	}
	CHECK(d, "cannot open src/ldscripts (run from the source tree)");
	if (!d)
		return;
	int count = 0;
	unsigned seed = 12345;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 4 || strcmp(de->d_name + n - 3, ".ld") != 0)
			continue;
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		size_t len;
		char *text = read_whole(path, &len);
		if (!text)
			continue;
		count++;
		struct script *s = script_parse(&ctx, NULL, de->d_name, text, len, NULL, NULL);
		CHECK(s && s->has_sections, "default script %s must parse", de->d_name);

		/* truncations and mutations: errors, never crashes (run under ASan/UBSan too) */
		quiet_start();
		for (size_t cut = 0; cut < len; cut += 1 + len / 97)
			script_parse(&ctx, NULL, "cut.ld", text, cut, NULL, NULL);
		static const char junk[] = "{}()[];:,=!*?\"/\\#\0x0K$-+<>&|~^.\n";
		for (int i = 0; i < 60; i++) {
			char *m = malloc(len + 1);
			memcpy(m, text, len);
			for (int k = 0; k < 3; k++) {
				seed = seed * 1103515245 + 12345;
				size_t at = (seed >> 8) % len;
				seed = seed * 1103515245 + 12345;
				m[at] = junk[(seed >> 8) % (sizeof junk - 1)];
			}
			script_parse(&ctx, NULL, "mut.ld", m, len, NULL, NULL);
			free(m);
		}
		quiet_end();
		free(text);
	}
	closedir(d);
	CHECK(count == 44, "expected 44 default scripts, found %d", count);
}

int main(void)
{
	test_numbers();
	test_expr_errors();
	test_eval_sections();
	test_parse_commands();
	test_parse_sections();
	test_parse_version();
	test_include();
	test_errors();
	test_lexer_states();
	test_parse_folding();
	test_glob();
	test_default_scripts();
	if (capture_fd >= 0) {
		close(capture_fd);
		unlink(capture_path);
	}
	arena_free_all(&ctx.arena);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
