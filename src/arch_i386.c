/* i386 relocations.
 *
 * The i386 psABI uses REL relocations: the addend A is not in the relocation but in the bytes
 * of the place, sign-extended from the field's width.  The letters are as on x86-64:
 *   S symbol address, A addend, P place address, G the symbol's GOT slot (an address here),
 *   GOT the GOT base, which GNU ld puts at the start of .got.plt (_GLOBAL_OFFSET_TABLE_).
 * Arithmetic wraps at 32 bits, as the machine's does; GNU ld never reports overflow for the
 * 32-bit types and checks the 16- and 8-bit ones on the 32-bit value.
 *
 * Loads through the GOT marked R_386_GOT32X are rewritten into direct forms when the symbol is
 * local to the link, as GNU ld does (elf_i386_convert_load_reloc in bfd/elf32-i386.c): decided
 * from the instruction bytes and the kind of symbol only, so scan and apply agree. */
#include <inttypes.h>

#include "target.h"

enum check {
	CHK_NONE,
	CHK_SIGNED,
	CHK_BITFIELD, /* fits either way: -2^n .. 2^n-1 */
};

struct rinfo {
	const char *name;
	uint8_t width; /* bytes of the field */
	uint8_t check;
};

#define R(t, w, c) [R_386_##t] = {"R_386_" #t, w, c}
static const struct rinfo rtab[] = {
	R(NONE, 0, CHK_NONE),
	R(32, 4, CHK_NONE),
	R(PC32, 4, CHK_NONE),
	R(GOT32, 4, CHK_NONE),
	R(PLT32, 4, CHK_NONE),
	R(GOTOFF, 4, CHK_NONE),
	R(GOTPC, 4, CHK_NONE),
	R(16, 2, CHK_BITFIELD),
	R(PC16, 2, CHK_BITFIELD),
	R(8, 1, CHK_BITFIELD),
	R(PC8, 1, CHK_SIGNED),
	R(GOT32X, 4, CHK_NONE),
};
#undef R

static const struct rinfo *lookup(uint32_t type)
{
	if (type >= sizeof(rtab) / sizeof(rtab[0]) || !rtab[type].name)
		return NULL;
	return &rtab[type];
}

static const char *i386_reloc_name(uint32_t type)
{
	const struct rinfo *ri = lookup(type);
	return ri ? ri->name : NULL;
}

static const char *name_of(const struct reloc_args *r)
{
	return r->sym_name ? r->sym_name : "";
}

/* The addend stored in the place, sign-extended. */
static int64_t read_addend(const struct reloc_args *r, unsigned width)
{
	switch (width) {
	case 1: return (int8_t)r->in[0];
	case 2: return (int16_t)rd16(r->in);
	case 4: return (int32_t)rd32(r->in);
	default: return 0;
	}
}

/* Range-check the 32-bit value v for `ri` and write its low bytes at loc. */
static void write_checked(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r,
			  const struct rinfo *ri, uint8_t *loc, uint32_t v)
{
	int64_t x = (int32_t)v;
	unsigned bits = ri->width * 8;
	int64_t lo = 0, hi = 0;

	if (ri->check == CHK_SIGNED) {
		lo = -((int64_t)1 << (bits - 1));
		hi = ((int64_t)1 << (bits - 1)) - 1;
	} else if (ri->check == CHK_BITFIELD) {
		lo = -((int64_t)1 << bits);
		hi = ((int64_t)1 << bits) - 1;
	}
	if (ri->check != CHK_NONE && (x < lo || x > hi)) {
		error_at(ctx, isec, r->offset,
			 "relocation %s out of range: %s0x%" PRIx64 " is not in [%" PRId64 ", %" PRId64
			 "]; references '%s'",
			 ri->name, x < 0 ? "-" : "", x < 0 ? (uint64_t)-x : (uint64_t)x, lo, hi,
			 name_of(r));
		return;
	}
	switch (ri->width) {
	case 1: wr8(loc, v); break;
	case 2: wr16(loc, v); break;
	case 4: wr32(loc, v); break;
	}
}

/* ---- GOT32X relaxation, as GNU ld 2.40 does it ---- */

enum relax {
	RELAX_NONE,       /* keep the GOT load */
	RELAX_MOV_IMM,    /* mov foo@GOT(%reg1),%reg2  ->  mov $foo,%reg2                (32) */
	RELAX_LEA_GOTOFF, /* mov foo@GOT(%reg1),%reg2  ->  lea foo@GOTOFF(%reg1),%reg2   (GOTOFF) */
	RELAX_TEST,       /* test %reg1,foo@GOT(%reg2) ->  test $foo,%reg1               (32) */
	RELAX_BINOP,      /* op foo@GOT(%reg1),%reg2   ->  op $foo,%reg2                 (32) */
	RELAX_CALL,       /* call *foo@GOT(%reg)       ->  addr16 call foo               (PC32) */
	RELAX_JMP,        /* jmp *foo@GOT(%reg)        ->  jmp foo; nop                  (PC32) */
};

/* `mov foo@GOT, %eax` without a base register holds the slot's absolute address, which only
 * a position-dependent output can know. */
static bool baseless(const struct reloc_args *r)
{
	return r->in && r->offset >= 2 && (r->in[-1] & 0xc7) == 0x05;
}

static bool pic(const struct ctx *ctx)
{
	return ctx->opt.kind == OUT_SHARED || ctx->opt.kind == OUT_PIE;
}

static enum relax got32x_relax(const struct ctx *ctx, const struct reloc_args *r)
{
	if (r->type != R_386_GOT32X || !r->in || r->offset < 2 || r->loc_room < 4 ||
	    read_addend(r, 4) != 0)
		return RELAX_NONE;
	if (baseless(r) && pic(ctx))
		return RELAX_NONE; /* scan reports it */

	uint8_t opcode = r->in[-2];
	uint8_t modrm = r->in[-1];
	bool to_32 = !pic(ctx) || baseless(r);
	const struct symbol *sym = r->sym;
	bool abs_sym, branch_ok, load_ok;

	if (!sym || sym->is_local) {
		/* GNU ld converts loads of any local symbol */
		abs_sym = sym && sym->shndx == SHN_ABS && !sym->isec;
		branch_ok = load_ok = true;
	} else if (r->undef_weak) {
		if (r->preemptible || (ctx->opt.kind != OUT_EXEC && sym->visibility == STV_DEFAULT))
			return RELAX_NONE;
		abs_sym = false;
		branch_ok = !pic(ctx); /* no direct branch to 0 from unknown P */
		load_ok = true;
		to_32 = true;          /* the address is 0 */
	} else {
		if (r->preemptible)
			return RELAX_NONE;
		abs_sym = sym->kind == SYM_DEFINED && !sym->isec && sym->shndx == SHN_ABS;
		branch_ok = sym->kind == SYM_DEFINED || sym->kind == SYM_SCRIPT || sym->start_stop;
		/* ld.so may use _DYNAMIC's link-time address */
		load_ok = (branch_ok || sym->kind == SYM_COMMON) && strcmp(sym->name, "_DYNAMIC");
	}

	if (opcode == 0xff) {
		if (!branch_ok)
			return RELAX_NONE;
		/* GNU ld reads the byte before the field as ModRM: call is /2 */
		return modrm == 0x15 || (modrm & 0xf8) == 0x90 ? RELAX_CALL : RELAX_JMP;
	}
	if (!load_ok)
		return RELAX_NONE;
	if (opcode == 0x8b) {
		if (abs_sym)
			to_32 = true;
		return to_32 ? RELAX_MOV_IMM : RELAX_LEA_GOTOFF;
	}
	if (!to_32)
		return RELAX_NONE;
	return opcode == 0x85 ? RELAX_TEST : RELAX_BINOP;
}

static void apply_relaxed(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r,
			  enum relax kind)
{
	uint8_t *loc = r->loc;
	uint32_t S = (uint32_t)r->S, P = (uint32_t)r->P, GOT = (uint32_t)r->GOT;
	uint8_t opcode = r->in[-2], modrm = r->in[-1];
	uint32_t v;

	switch (kind) {
	case RELAX_CALL:
		loc[-2] = 0x67; /* address-size prefix: a one-byte nop that keeps the length */
		loc[-1] = 0xe8;
		v = S - 4 - P;
		break;
	case RELAX_JMP:
		/* jmp rel32 is one byte shorter: the field moves back one, a nop follows */
		loc[-2] = 0xe9;
		loc[3] = 0x90;
		loc -= 1;
		v = S - 4 - (P - 1);
		break;
	case RELAX_LEA_GOTOFF:
		loc[-2] = 0x8d;
		v = S - GOT;
		break;
	case RELAX_MOV_IMM:
		loc[-2] = 0xc7;
		loc[-1] = 0xc0 | (modrm & 0x38) >> 3;
		v = S;
		break;
	case RELAX_TEST:
		loc[-2] = 0xf7;
		loc[-1] = 0xc0 | (modrm & 0x38) >> 3;
		v = S;
		break;
	default:
		loc[-2] = 0x81;
		loc[-1] = 0xc0 | (modrm & 0x38) >> 3 | (opcode & 0x3c);
		v = S;
		break;
	}
	write_checked(ctx, isec, r, lookup(R_386_32), loc, v);
}

/* ---- scan and apply ---- */

static bool in_section(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r,
		       const struct rinfo *ri)
{
	if (r->loc_room >= ri->width && (ri->width == 0 || r->in))
		return true;
	error_at(ctx, isec, r->offset, "relocation %s extends past the end of the section",
		 ri->name);
	return false;
}

static bool i386_scan(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r)
{
	const struct rinfo *ri = lookup(r->type);
	if (!ri) {
		error_at(ctx, isec, r->offset, "unknown relocation type %" PRIu32, r->type);
		return false;
	}
	if (!in_section(ctx, isec, r, ri))
		return false;

	if (r->type != R_386_GOT32 && r->type != R_386_GOT32X)
		return true;
	if (baseless(r) && pic(ctx) && (r->type == R_386_GOT32X || r->in[-2] != 0x8d)) {
		error_at(ctx, isec, r->offset,
			 "direct GOT relocation %s against '%s' without base register can not be "
			 "used when making a shared object",
			 ri->name, name_of(r));
		return false;
	}
	if (got32x_relax(ctx, r) != RELAX_NONE)
		return true;
	if (!r->sym) {
		error_at(ctx, isec, r->offset,
			 "relocation %s against a section symbol is not supported", ri->name);
		return false;
	}
	r->sym->needs_got = true;
	return true;
}

static void i386_apply(struct ctx *ctx, struct input_section *isec, struct reloc_args *r)
{
	const struct rinfo *ri = lookup(r->type);
	if (!ri) {
		error_at(ctx, isec, r->offset, "unknown relocation type %" PRIu32, r->type);
		return;
	}
	if (!in_section(ctx, isec, r, ri))
		return;
	if (r->type == R_386_NONE)
		return;

	uint32_t S = (uint32_t)r->S, P = (uint32_t)r->P, G = (uint32_t)r->G;
	uint32_t GOT = (uint32_t)r->GOT;
	uint32_t A = (uint32_t)read_addend(r, ri->width);
	uint32_t v;

	switch (r->type) {
	case R_386_32:
	case R_386_16:
	case R_386_8:
		v = S + A;
		break;
	case R_386_PC32:
	case R_386_PC16:
	case R_386_PC8:
	case R_386_PLT32: /* no PLT: every call target is in the link */
		v = S + A - P;
		break;
	case R_386_GOT32:
	case R_386_GOT32X: {
		enum relax kind = got32x_relax(ctx, r);
		if (kind != RELAX_NONE) {
			apply_relaxed(ctx, isec, r, kind);
			return;
		}
		/* without a base register (and not lea) the field holds the slot's address */
		if (baseless(r) && r->in[-2] != 0x8d)
			v = G + A;
		else
			v = G + A - GOT;
		break;
	}
	case R_386_GOTOFF:
		v = S + A - GOT;
		break;
	case R_386_GOTPC:
		v = GOT + A - P;
		break;
	default:
		error_at(ctx, isec, r->offset, "unknown relocation type %" PRIu32, r->type);
		return;
	}
	write_checked(ctx, isec, r, ri, r->loc, v);
}

static bool i386_abs_word_reloc(uint32_t type) { return type == R_386_32; }

static bool i386_needs_got_base(uint32_t type)
{
	switch (type) {
	case R_386_GOT32:
	case R_386_GOT32X:
	case R_386_GOTOFF:
	case R_386_GOTPC:
		return true;
	default:
		return false;
	}
}

/* GNU ld pads i386 code with 1- and 2-byte no-ops only */
static void i386_code_fill(uint8_t *p, uint64_t n) { x86_nop_fill(p, n, 2); }

const struct target target_i386 = {
	.emulation = "elf_i386",
	.bfd_name = "elf32-i386",
	.arch_name = "i386",
	.machine = EM_386,
	.elfclass = ELFCLASS32,
	.rela = false,
	.text_base = 0x08048000,
	.max_page_size = 0x1000,
	.common_page_size = 0x1000,
	.got_entry_size = 4,
	.gotplt_reserved = 3,
	.reloc_name = i386_reloc_name,
	.scan = i386_scan,
	.apply = i386_apply,
	.needs_got_base = i386_needs_got_base,
	.abs_word_reloc = i386_abs_word_reloc,
	.relative_reloc = R_386_RELATIVE,
	.code_fill = i386_code_fill,
};
