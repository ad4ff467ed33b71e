/* x86-64 relocations.
 *
 * The psABI (§4.4) computes every relocation from a few letters:
 *   S  the symbol's address          A  the addend (RELA: stored in the relocation)
 *   P  the address of the place      Z  the symbol's size
 *   G  the address of the symbol's GOT slot
 *   GOT the GOT base: GNU ld uses the start of .got.plt (_GLOBAL_OFFSET_TABLE_).
 * The psABI's G is an offset from GOT; here G is an address, so "G - GOT" is the psABI's G.
 *
 * Code loads a global's address from the GOT (`mov foo@GOTPCREL(%rip),%rax`) because the
 * compiler cannot know whether foo ends up in this module.  The linker knows, and GNU ld rewrites
 * such loads into direct forms when the symbol is local to the link (elf_x86_64_convert_load_reloc
 * in bfd/elf64-x86-64.c).  It decides from the instruction bytes and the kind of symbol, never
 * from addresses, before layout; so do we: scan and apply ask the same function.  A rewrite whose
 * value then overflows is an error, as in GNU ld. */
#include <inttypes.h>

#include "reports.h"
#include "target.h"

#define SHF_X86_64_LARGE 0x10000000
#define REX_W 0x08
#define REX_R 0x04

/* How a value is checked before it is written (GNU ld's complain_overflow_*). */
enum check {
	CHK_NONE,
	CHK_SIGNED,
	CHK_UNSIGNED,
	CHK_BITFIELD, /* fits either way: -2^n .. 2^n-1 */
};

struct rinfo {
	const char *name;
	uint8_t width; /* bytes written */
	uint8_t check;
};

#define R(t, w, c) [R_X86_64_##t] = {"R_X86_64_" #t, w, c}
static const struct rinfo rtab[] = {
	R(NONE, 0, CHK_NONE),
	R(64, 8, CHK_NONE),
	R(PC32, 4, CHK_SIGNED),
	R(GOT32, 4, CHK_SIGNED),
	R(PLT32, 4, CHK_SIGNED),
	R(GOTPCREL, 4, CHK_SIGNED),
	R(32, 4, CHK_UNSIGNED),
	R(32S, 4, CHK_SIGNED),
	R(16, 2, CHK_BITFIELD),
	R(PC16, 2, CHK_BITFIELD),
	R(8, 1, CHK_BITFIELD),
	R(PC8, 1, CHK_SIGNED),
	R(PC64, 8, CHK_NONE),
	R(GOTOFF64, 8, CHK_NONE),
	R(GOTPC32, 4, CHK_SIGNED),
	R(GOT64, 8, CHK_NONE),
	R(GOTPCREL64, 8, CHK_NONE),
	R(GOTPC64, 8, CHK_NONE),
	R(GOTPLT64, 8, CHK_NONE),
	R(PLTOFF64, 8, CHK_NONE),
	R(SIZE32, 4, CHK_UNSIGNED),
	R(SIZE64, 8, CHK_NONE),
	R(GOTPCRELX, 4, CHK_SIGNED),
	R(REX_GOTPCRELX, 4, CHK_SIGNED),
};
#undef R

static const struct rinfo *lookup(uint32_t type)
{
	if (type >= sizeof(rtab) / sizeof(rtab[0]) || !rtab[type].name)
		return NULL;
	return &rtab[type];
}

static const char *x86_64_reloc_name(uint32_t type)
{
	const struct rinfo *ri = lookup(type);
	return ri ? ri->name : NULL;
}

static const char *name_of(const struct reloc_args *r)
{
	return r->sym_name ? r->sym_name : "";
}

static bool fits(enum check c, unsigned width, uint64_t v)
{
	unsigned bits = width * 8;
	switch (c) {
	case CHK_SIGNED:
		return fits_signed((int64_t)v, bits);
	case CHK_UNSIGNED:
		return fits_unsigned(v, bits);
	case CHK_BITFIELD:
		return (int64_t)v >= -((int64_t)1 << bits) && (int64_t)v < ((int64_t)1 << bits);
	default:
		return true;
	}
}

static void put(uint8_t *loc, unsigned width, uint64_t v)
{
	switch (width) {
	case 1: wr8(loc, v); break;
	case 2: wr16(loc, v); break;
	case 4: wr32(loc, v); break;
	case 8: wr64(loc, v); break;
	}
}

/* Range-check v as relocation `type` wants and write it at loc. */
static void write_checked(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r,
			  uint32_t type, uint8_t *loc, uint64_t v)
{
	const struct rinfo *ri = lookup(type);
	if (!fits(ri->check, ri->width, v)) {
		int64_t lo, hi;
		unsigned bits = ri->width * 8;
		if (ri->check == CHK_UNSIGNED) {
			lo = 0;
			hi = (int64_t)(((uint64_t)1 << bits) - 1);
		} else if (ri->check == CHK_BITFIELD) {
			lo = -((int64_t)1 << bits);
			hi = ((int64_t)1 << bits) - 1;
		} else {
			lo = -((int64_t)1 << (bits - 1));
			hi = ((int64_t)1 << (bits - 1)) - 1;
		}
		bool neg = ri->check != CHK_UNSIGNED && (int64_t)v < 0;
		error_at(ctx, isec, r->offset,
			 "relocation %s out of range: %s0x%" PRIx64 " is not in [%" PRId64 ", %" PRId64
			 "]; references '%s'",
			 ri->name, neg ? "-" : "", neg ? -v : v, lo, hi, name_of(r));
		return;
	}
	put(loc, ri->width, v);
}

/* ---- GOTPCREL relaxation, as GNU ld 2.40 does it ---- */

enum relax {
	RELAX_NONE,    /* keep the GOT load */
	RELAX_LEA,     /* mov foo@GOTPCREL(%rip),%reg  ->  lea foo(%rip),%reg        (PC32) */
	RELAX_MOV_IMM, /* mov foo@GOTPCREL(%rip),%reg  ->  mov $foo,%reg             (32/32S) */
	RELAX_TEST,    /* test %reg,foo@GOTPCREL(%rip) ->  test $foo,%reg            (32/32S) */
	RELAX_BINOP,   /* op foo@GOTPCREL(%rip),%reg   ->  op $foo,%reg              (32/32S) */
	RELAX_CALL,    /* call *foo@GOTPCREL(%rip)     ->  addr32 call foo           (PC32) */
	RELAX_JMP,     /* jmp *foo@GOTPCREL(%rip)      ->  jmp foo; nop              (PC32) */
};

/* An undefined weak reference binds to 0 inside the link only when nothing at run time could
 * supply it: a static executable, or a non-default visibility. */
static bool undef_weak_local(const struct ctx *ctx, const struct reloc_args *r)
{
	if (r->preemptible)
		return false;
	return ctx->opt.kind == OUT_EXEC || (r->sym && r->sym->visibility != STV_DEFAULT);
}

static bool in_large_section(const struct symbol *sym)
{
	return sym && sym->kind == SYM_DEFINED && sym->isec && (sym->isec->flags & SHF_X86_64_LARGE);
}

static enum relax gotpcrel_relax(const struct ctx *ctx, const struct reloc_args *r)
{
	bool relocx = r->type == R_X86_64_GOTPCRELX || r->type == R_X86_64_REX_GOTPCRELX;
	bool rex = r->type == R_X86_64_REX_GOTPCRELX;

	if (!r->in || r->offset < (rex ? 3u : 2u) || r->loc_room < 4 || r->A != -4)
		return RELAX_NONE;
	uint8_t opcode = r->in[-2];
	uint8_t modrm = r->in[-1];
	/* plain GOTPCREL: only mov, which never needs its REX byte changed */
	if (opcode != 0x8b && !relocx)
		return RELAX_NONE;

	bool pic = ctx->opt.kind != OUT_EXEC;
	/* lea/call/jmp keep a PC-relative form; mov $imm/test/binop need an absolute one */
	bool to_pc32 = opcode == 0xff || !relocx || pic;
	bool abs_sym = false;
	uint64_t value = 0; /* what GNU ld range-checks for an immediate: the symbol's value */
	const struct symbol *sym = r->sym;

	if (r->undef_weak) {
		if (!undef_weak_local(ctx, r))
			return RELAX_NONE;
		if (opcode != 0xff && relocx)
			to_pc32 = false;
		if (to_pc32 && pic)
			return RELAX_NONE; /* 0 is not reachable PC-relatively from unknown P */
	} else if (!sym) {
		/* a section symbol: defined here */
	} else if (sym->is_local) {
		if (sym->kind == SYM_UNDEF)
			return RELAX_NONE;
		if (sym->shndx == SHN_ABS && !sym->isec) {
			abs_sym = true;
			value = sym->value;
		} else if (in_large_section(sym)) {
			return RELAX_NONE;
		}
	} else {
		if (r->preemptible)
			return RELAX_NONE;
		if (sym->kind != SYM_DEFINED && sym->kind != SYM_SCRIPT && sym->kind != SYM_COMMON && !sym->start_stop)
			return RELAX_NONE;
		/* ld.so may use _DYNAMIC's link-time address */
		if (!strcmp(sym->name, "_DYNAMIC"))
			return RELAX_NONE;
		if (in_large_section(sym))
			return RELAX_NONE;
		abs_sym = sym->kind == SYM_DEFINED && !sym->isec && sym->shndx == SHN_ABS;
		if (sym->kind != SYM_COMMON)
			value = sym->value;
	}

	if (opcode == 0xff)
		return modrm == 0x25 ? RELAX_JMP : RELAX_CALL;

	enum relax kind;
	if (opcode == 0x8b) {
		if (abs_sym && relocx)
			to_pc32 = false;
		if (to_pc32)
			return RELAX_LEA;
		kind = RELAX_MOV_IMM;
	} else {
		if (to_pc32)
			return RELAX_NONE;
		kind = opcode == 0x85 ? RELAX_TEST : RELAX_BINOP;
	}
	/* the immediate is sign-extended with REX.W, zero-extended without */
	bool w = rex && (r->in[-3] & REX_W);
	if (w ? value + 0x80000000u > 0xffffffffu : value > 0xffffffffu)
		return RELAX_NONE;
	return kind;
}

/* Rewrite the instruction for `kind` and write its new field. */
static void apply_relaxed(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r,
			  enum relax kind)
{
	uint8_t *loc = r->loc;
	uint64_t S = r->S, P = r->P;
	int64_t A = r->A;
	uint8_t opcode = r->in[-2], modrm = r->in[-1];
	bool rex = r->type == R_X86_64_REX_GOTPCRELX;
	bool w = rex && (r->in[-3] & REX_W);
	uint32_t type;
	uint64_t v;

	switch (kind) {
	case RELAX_LEA:
		loc[-2] = 0x8d;
		type = R_X86_64_PC32;
		v = S + A - P;
		break;
	case RELAX_CALL:
		loc[-2] = 0x67; /* addr32 prefix: a one-byte nop that keeps the length */
		loc[-1] = 0xe8;
		type = R_X86_64_PC32;
		v = S + A - P;
		break;
	case RELAX_JMP:
		/* jmp rel32 is one byte shorter: the field moves back one, a nop follows */
		loc[-2] = 0xe9;
		loc[3] = 0x90;
		loc -= 1;
		type = R_X86_64_PC32;
		v = S + A - (P - 1);
		break;
	default:
		/* mov $imm32 is c7 /0, test $imm32 is f7 /0, binop $imm32 is 81 /op; the register
		 * moves from ModRM.reg to ModRM.rm, so REX.R moves to REX.B */
		if (kind == RELAX_MOV_IMM) {
			loc[-2] = 0xc7;
			loc[-1] = 0xc0 | (modrm & 0x38) >> 3;
		} else if (kind == RELAX_TEST) {
			loc[-2] = 0xf7;
			loc[-1] = 0xc0 | (modrm & 0x38) >> 3;
		} else {
			loc[-2] = 0x81;
			loc[-1] = 0xc0 | (modrm & 0x38) >> 3 | (opcode & 0x3c);
		}
		if (rex) {
			uint8_t x = r->in[-3];
			loc[-3] = (x & ~REX_R) | (x & REX_R) >> 2;
		}
		type = w ? R_X86_64_32S : R_X86_64_32;
		v = S; /* the -4 addend belonged to the PC-relative form */
		break;
	}

	const struct rinfo *ri = lookup(type);
	if (!fits(ri->check, ri->width, v)) {
		error_at(ctx, isec, r->offset,
			 "failed to convert GOTPCREL relocation against '%s'; relink with --no-relax",
			 name_of(r));
		return;
	}
	put(loc, ri->width, v);
}

/* ---- scan and apply ---- */

static bool in_section(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r,
		       const struct rinfo *ri)
{
	if (r->loc_room >= ri->width)
		return true;
	error_at(ctx, isec, r->offset, "relocation %s extends past the end of the section",
		 ri->name);
	return false;
}

/* GNU ld's elf_x86_64_need_pic: a 8-, 16- or 32-bit absolute relocation cannot be relocated
 * at run time, so a PIE or shared object refuses it, whatever the symbol.  bfd stops at the
 * first one. */
static bool pic_absolute_ok(struct ctx *ctx, const struct input_section *isec, const struct reloc_args *r,
			    const struct rinfo *ri)
{
	if (ctx->opt.kind == OUT_EXEC)
		return true;
	if (r->type != R_X86_64_8 && r->type != R_X86_64_16 && r->type != R_X86_64_32 && r->type != R_X86_64_32S)
		return true;
	if (!ctx->need_pic_reported) {
		ctx->need_pic_reported = true;
		const struct symbol *s = r->sym;
		const char *what = "", *und = "", *name = name_of(r);
		bool hint = true;
		if (s && !s->is_local) {
			static const char *const vis[] = {"symbol ", "internal symbol ", "hidden symbol ", "protected symbol "};
			what = vis[s->visibility & 3];
			hint = s->visibility == STV_DEFAULT;
			if (s->kind == SYM_UNDEF || s->kind == SYM_LAZY)
				und = "undefined ";
		} else if (s && s->type == STT_SECTION && s->isec) {
			name = s->isec->name;
		}
		bool shared = ctx->opt.kind == OUT_SHARED;
		error(ctx, "%s: relocation %s against %s%s`%s' can not be used when making %s%s", report_file_name(ctx, isec),
		      ri->name, und, what, name, shared ? "a shared object" : "a PIE object",
		      !hint ? "" : shared ? "; recompile with -fPIC" : "; recompile with -fPIE");
	}
	return false;
}

static bool x86_64_scan(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r)
{
	const struct rinfo *ri = lookup(r->type);
	if (!ri) {
		error_at(ctx, isec, r->offset, "unknown relocation type %" PRIu32, r->type);
		return false;
	}
	if (!in_section(ctx, isec, r, ri))
		return false;
	if (!pic_absolute_ok(ctx, isec, r, ri))
		return false;

	bool needs_got;
	switch (r->type) {
	case R_X86_64_GOTPCREL:
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX:
		needs_got = gotpcrel_relax(ctx, r) == RELAX_NONE;
		break;
	case R_X86_64_GOT32:
	case R_X86_64_GOT64:
	case R_X86_64_GOTPCREL64:
	case R_X86_64_GOTPLT64:
		needs_got = true;
		break;
	default:
		needs_got = false;
		break;
	}
	if (needs_got) {
		if (!r->sym) {
			error_at(ctx, isec, r->offset,
				 "relocation %s against a section symbol is not supported", ri->name);
			return false;
		}
		r->sym->needs_got = true;
	}
	return true;
}

static void x86_64_apply(struct ctx *ctx, struct input_section *isec, struct reloc_args *r)
{
	const struct rinfo *ri = lookup(r->type);
	if (!ri) {
		error_at(ctx, isec, r->offset, "unknown relocation type %" PRIu32, r->type);
		return;
	}
	if (!in_section(ctx, isec, r, ri))
		return;

	uint64_t S = r->S, P = r->P, Z = r->Z, G = r->G, GOT = r->GOT;
	int64_t A = r->A;
	uint64_t v;

	switch (r->type) {
	case R_X86_64_NONE:
		return;
	case R_X86_64_64:
	case R_X86_64_32:
	case R_X86_64_32S:
	case R_X86_64_16:
	case R_X86_64_8:
		v = S + A;
		break;
	case R_X86_64_PC64:
	case R_X86_64_PC32:
	case R_X86_64_PC16:
	case R_X86_64_PC8:
	case R_X86_64_PLT32: /* no PLT: every call target is in the link */
		v = S + A - P;
		break;
	case R_X86_64_GOTPCREL:
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX: {
		enum relax kind = gotpcrel_relax(ctx, r);
		if (kind != RELAX_NONE) {
			apply_relaxed(ctx, isec, r, kind);
			return;
		}
		v = G + A - P;
		break;
	}
	case R_X86_64_GOTPCREL64:
		v = G + A - P;
		break;
	case R_X86_64_GOT32:
	case R_X86_64_GOT64:
	case R_X86_64_GOTPLT64:
		v = G - GOT + A;
		break;
	case R_X86_64_GOTOFF64:
	case R_X86_64_PLTOFF64: /* no PLT: the offset of the symbol itself */
		v = S + A - GOT;
		break;
	case R_X86_64_GOTPC32:
	case R_X86_64_GOTPC64:
		v = GOT + A - P;
		break;
	case R_X86_64_SIZE32:
	case R_X86_64_SIZE64:
		v = Z + A;
		break;
	default:
		error_at(ctx, isec, r->offset, "unknown relocation type %" PRIu32, r->type);
		return;
	}
	write_checked(ctx, isec, r, r->type, r->loc, v);
}

static bool x86_64_abs_word_reloc(uint32_t type) { return type == R_X86_64_64; }

static bool x86_64_needs_got_base(uint32_t type)
{
	switch (type) {
	case R_X86_64_GOT32:
	case R_X86_64_GOT64:
	case R_X86_64_GOTPLT64:
	case R_X86_64_GOTOFF64:
	case R_X86_64_PLTOFF64:
	case R_X86_64_GOTPC32:
	case R_X86_64_GOTPC64:
		return true;
	default:
		return false;
	}
}

/* The no-op sequences GNU ld pads code with: 1- to 10-byte forms, the longest first. */
void x86_nop_fill(uint8_t *p, uint64_t n, unsigned longest)
{
	static const uint8_t nops[10][10] = {
		{0x90},
		{0x66, 0x90},
		{0x0f, 0x1f, 0x00},
		{0x0f, 0x1f, 0x40, 0x00},
		{0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
		{0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
		{0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
		{0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
	};
	for (; n >= longest; p += longest, n -= longest)
		memcpy(p, nops[longest - 1], longest);
	if (n)
		memcpy(p, nops[n - 1], n);
}

static void x86_64_code_fill(uint8_t *p, uint64_t n) { x86_nop_fill(p, n, 10); }

const struct target target_x86_64 = {
	.emulation = "elf_x86_64",
	.bfd_name = "elf64-x86-64",
	.arch_name = "i386:x86-64",
	.machine = EM_X86_64,
	.elfclass = ELFCLASS64,
	.rela = true,
	.text_base = 0x400000,
	.max_page_size = 0x1000,
	.common_page_size = 0x1000,
	.got_entry_size = 8,
	.gotplt_reserved = 3,
	.reloc_name = x86_64_reloc_name,
	.scan = x86_64_scan,
	.apply = x86_64_apply,
	.needs_got_base = x86_64_needs_got_base,
	.abs_word_reloc = x86_64_abs_word_reloc,
	.relative_reloc = R_X86_64_RELATIVE,
	.code_fill = x86_64_code_fill,
};
