/* .eh_frame editing and .eh_frame_hdr, as GNU ld 2.40 does it (bfd/elf-eh-frame.c,
 * bfd_elf_discard_info in bfd/elflink.c).
 *
 * Every input section of the output section named ".eh_frame" is parsed, in output order, into
 * CIEs and FDEs.  Parsing also trims each entry's trailing DW_CFA_nop padding.  Then:
 *   - an FDE is dropped when the symbol of its initial-location relocation lies in a discarded
 *     section (COMDAT loser, /DISCARD/, gc) or, for a global, is defined by another file, and
 *     when its address range is a zero constant;
 *   - a CIE is kept only when a kept FDE uses it, and is merged with an identical CIE kept
 *     earlier (same fields, instructions, personality symbol and output section);
 *   - entries are laid out again: CIEs at 4 (8 with an 8-aligned personality), FDEs at the
 *     width of their address encoding (at least 4); each entry's length grows to reach the next
 *     kept entry, the gap being DW_CFA_nop; the section size is rounded to 4;
 *   - a zero terminator survives only in the last input section of the output section;
 *   - every section but the last non-empty one is padded to the output section's alignment,
 *     so no zero word between sections reads as a terminator; empty trailing sections are
 *     excluded (they no longer align the location counter: their align becomes 1).
 * FDE CIE pointers are rewritten at write time; relocations inside kept entries are applied at
 * their new positions (place_offset), those of removed entries are skipped.
 *
 * A section GNU ld cannot parse is kept as it is, with a message naming the file and offset,
 * and the .eh_frame_hdr search table is then omitted (only the 8-byte header is written).
 *
 * .eh_frame_hdr (--eh-frame-hdr): a linker-made input section of 8 bytes, plus 4 + 8 per kept
 * FDE with the table: version 1, eh_frame_ptr pcrel|sdata4, fde_count udata4, table
 * datarel|sdata4, then (initial location, FDE address) pairs relative to .eh_frame_hdr, sorted
 * by initial location (then range). */
#include <stdlib.h>

#include "layout.h"
#include "oformat.h"
#include "passes.h"
#include "target.h"

enum {
	DW_EH_PE_absptr = 0x00, DW_EH_PE_omit = 0xff, DW_EH_PE_pcrel = 0x10, DW_EH_PE_aligned = 0x50,
	DW_EH_PE_signed = 0x08,
};

struct ereloc {
	uint64_t offset;
	int64_t addend;
	uint32_t sym, type;
};

struct cie_info {
	uint32_t length, hash;
	uint8_t version, local_personality;
	char aug[20];
	uint64_t code_align, ra_column, aug_size;
	int64_t data_align;
	/* personality identity: a global symbol, or (file, local index) */
	const struct symbol *per_sym;
	const struct input_file *per_file;
	uint32_t per_index;
	uint8_t per_encoding, lsda_encoding, fde_encoding;
	uint8_t insn_len;        /* GNU ld keeps it in a byte */
	const uint8_t *insns;    /* first min(insn_len, 50) bytes are compared */
	uint32_t per_reloc;      /* index of the personality relocation */
};

struct eh_ent {
	uint32_t offset, size, new_offset;
	uint32_t reloc_index;
	uint8_t fde_encoding;
	bool cie, removed, terminator;
	bool merged;                   /* CIE merged with `kept_sec`/`kept_idx` */
	bool zero_range;               /* FDE with a constant zero range: dropped */
	bool per_aligned8;
	struct cie_info *ci;           /* CIE */
	uint32_t cie_idx;              /* FDE: entry index of its CIE in this section */
	struct eh_section *kept_sec;   /* FDE (kept): the CIE it uses; merged CIE: the one kept */
	uint32_t kept_idx;
};

struct eh_section {
	struct input_section *isec;
	VEC(struct eh_ent) ents;
	struct ereloc *rels;
	size_t nrels;
	uint64_t rawsize, size;
	bool raw;                      /* not parsed: copied as is (plus padding) */
	bool excluded;
};

static struct {
	VEC(struct eh_section *) secs;
	struct eh_section **cie_table; /* kept CIEs, open addressing over (section, entry) */
	uint32_t *cie_table_idx;
	size_t cie_mask, cie_n;
	struct input_section *hdr;
	struct output_section *eh_out;
	uint32_t fde_count;
	bool table;
	bool no_cie_merge;             /* -r: FDEs of discarded code go, CIEs are never merged */
	unsigned ptr_size;
} S;

static unsigned pe_width(uint8_t enc, unsigned ptr)
{
	if ((enc & 0x60) == 0x60)
		return 0;
	switch (enc & 7) {
	case 0: return ptr;
	case 2: return 2;
	case 3: return 4;
	case 4: return 8;
	default: return 0;
	}
}

static uint64_t read_value(const uint8_t *p, unsigned width, bool is_signed)
{
	switch (width) {
	case 2: return is_signed ? (uint64_t)(int16_t)rd16(p) : rd16(p);
	case 4: return is_signed ? (uint64_t)(int32_t)rd32(p) : rd32(p);
	case 8: return rd64(p);
	default: return 0;
	}
}

/* ---- relocations of an input section ---- */

static int ereloc_cmp(const void *a, const void *b)
{
	const struct ereloc *x = a, *y = b;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static bool read_relocs(struct eh_section *es)
{
	struct input_section *isec = es->isec;
	struct input_file *f = isec->file;
	if (!isec->rel_index)
		return true;
	GElf_Shdr sh;
	if (!gelf_getshdr(elf_getscn(f->elf, isec->rel_index), &sh))
		return false;
	bool is64 = f->elfclass == ELFCLASS64, rela = sh.sh_type == SHT_RELA;
	size_t ent = rela ? (is64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela)) : (is64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
	if (sh.sh_offset > f->size || sh.sh_size > f->size - sh.sh_offset)
		return false;
	size_t n = sh.sh_size / ent;
	es->rels = xcalloc(n + 1, sizeof(*es->rels));
	const uint8_t *p = f->data + sh.sh_offset;
	for (size_t i = 0; i < n; i++, p += ent) {
		struct ereloc *r = &es->rels[i];
		if (is64) {
			r->offset = rd64(p);
			r->sym = (uint32_t)ELF64_R_SYM(rd64(p + 8));
			r->type = (uint32_t)ELF64_R_TYPE(rd64(p + 8));
			r->addend = rela ? (int64_t)rd64(p + 16) : 0;
		} else {
			r->offset = rd32(p);
			r->sym = ELF32_R_SYM(rd32(p + 4));
			r->type = ELF32_R_TYPE(rd32(p + 4));
			r->addend = rela ? (int32_t)rd32(p + 8) : 0;
		}
		if (r->sym >= f->nsyms)
			return false;
	}
	es->nrels = n;
	/* GNU ld walks them in offset order (assemblers emit them so) */
	for (size_t i = 1; i < n; i++)
		if (es->rels[i].offset < es->rels[i - 1].offset) {
			qsort(es->rels, n, sizeof(*es->rels), ereloc_cmp);
			break;
		}
	return true;
}

/* ---- parsing (_bfd_elf_parse_eh_frame) ---- */

struct parser {
	struct eh_section *es;
	const uint8_t *base;
	size_t rel;            /* cursor in es->rels */
	uint64_t fail_at;
	const char *why;
};

#define REQUIRE(p, cond, at, msg)                                                                \
	do {                                                                                     \
		if (!(cond)) {                                                                   \
			(p)->fail_at = (at);                                                     \
			(p)->why = (msg);                                                        \
			return false;                                                            \
		}                                                                                \
	} while (0)

static bool read_uleb(const uint8_t **it, const uint8_t *end, uint64_t *v)
{
	uint64_t r = 0;
	unsigned shift = 0;
	for (;;) {
		if (*it >= end)
			return false;
		uint8_t b = *(*it)++;
		if (shift < 64)
			r |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			break;
	}
	*v = r;
	return true;
}

static bool read_sleb(const uint8_t **it, const uint8_t *end, int64_t *v)
{
	uint64_t r = 0;
	unsigned shift = 0;
	uint8_t b;
	do {
		if (*it >= end)
			return false;
		b = *(*it)++;
		if (shift < 64)
			r |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	if (shift < 64 && (b & 0x40))
		r |= ~(uint64_t)0 << shift;
	*v = (int64_t)r;
	return true;
}

static bool skip(const uint8_t **it, const uint8_t *end, uint64_t n)
{
	if ((uint64_t)(end - *it) < n)
		return false;
	*it += n;
	return true;
}

static bool skip_cfa_op(const uint8_t **it, const uint8_t *end, unsigned ptrw)
{
	uint64_t len;
	if (*it >= end)
		return false;
	uint8_t op = *(*it)++;
	switch (op & 0xc0 ? op & 0xc0 : op) {
	case 0x00: case 0x40: case 0xc0: case 0x0a: case 0x0b: case 0x2d:
		return true;
	case 0x80: case 0x06: case 0x07: case 0x08: case 0x0d: case 0x0e: case 0x13: case 0x2e:
		return read_uleb(it, end, &len);
	case 0x14: case 0x15: case 0x05: case 0x09: case 0x0c: case 0x11: case 0x2f: case 0x12:
		return read_uleb(it, end, &len) && read_uleb(it, end, &len);
	case 0x0f:
		return read_uleb(it, end, &len) && skip(it, end, len);
	case 0x10: case 0x16:
		return read_uleb(it, end, &len) && read_uleb(it, end, &len) && skip(it, end, len);
	case 0x01:
		return skip(it, end, ptrw);
	case 0x02: return skip(it, end, 1);
	case 0x03: return skip(it, end, 2);
	case 0x04: return skip(it, end, 4);
	case 0x1d: return skip(it, end, 8);
	default:
		return false;
	}
}

/* The first byte of trailing DW_CFA_nop padding (or end), NULL if an op is not understood. */
static const uint8_t *skip_non_nops(const uint8_t *p, const uint8_t *end, unsigned ptrw, unsigned *set_locs)
{
	const uint8_t *last = p;
	while (p < end) {
		if (*p == 0) {
			p++;
			continue;
		}
		if (*p == 0x01)
			++*set_locs;
		if (!skip_cfa_op(&p, end, ptrw))
			return NULL;
		last = p;
	}
	return last;
}

/* relocations before `pos` must be R_*_NONE with no symbol */
static bool no_relocs_before(struct parser *ps, uint64_t pos)
{
	struct eh_section *es = ps->es;
	for (; ps->rel < es->nrels && es->rels[ps->rel].offset < pos; ps->rel++)
		if (es->rels[ps->rel].sym || es->rels[ps->rel].type)
			return false;
	return true;
}

static void skip_relocs_before(struct parser *ps, uint64_t pos)
{
	while (ps->rel < ps->es->nrels && ps->es->rels[ps->rel].offset < pos)
		ps->rel++;
}

static bool reloc_at(const struct parser *ps, uint64_t pos)
{
	return ps->rel < ps->es->nrels && ps->es->rels[ps->rel].offset == pos;
}

static bool parse_section(struct parser *ps)
{
	struct eh_section *es = ps->es;
	struct input_section *isec = es->isec;
	const uint8_t *base = ps->base = isec->data;
	uint64_t size = isec->size;
	unsigned ptr = S.ptr_size;
	REQUIRE(ps, size == (uint32_t)size, 0, "section too large");
	uint64_t off = 0;
	while (off != size) {
		REQUIRE(ps, size - off >= 4, off, "truncated length field");
		uint32_t len = rd32(base + off);
		REQUIRE(ps, len != 0xffffffff, off, "64-bit DWARF CIE/FDE is not supported");
		REQUIRE(ps, len <= size - off - 4, off, "CIE/FDE length runs past the end of the section");
		struct eh_ent e = {.offset = (uint32_t)off, .size = 4 + len, .reloc_index = (uint32_t)ps->rel};
		if (len == 0) {
			/* terminators: only zero words up to the end */
			uint64_t p = off + 4;
			while (size - p >= 4) {
				REQUIRE(ps, rd32(base + p) == 0, p, "data after the zero terminator");
				p += 4;
			}
			REQUIRE(ps, p == size, p, "trailing bytes after the zero terminator");
			REQUIRE(ps, no_relocs_before(ps, p), off, "relocation in the zero terminator");
			e.terminator = true;
			e.removed = true;
			vec_push(es->ents, e);
			break;
		}
		const uint8_t *end = base + off + 4 + len;
		const uint8_t *buf = base + off + 4;
		REQUIRE(ps, len >= 4, off, "CIE/FDE shorter than its id field");
		uint32_t id = rd32(buf);
		buf += 4;
		struct cie_info *ci = NULL;
		const uint8_t *insns;
		if (id == 0) {
			e.cie = true;
			ci = xcalloc(1, sizeof(*ci));
			e.ci = ci;
			ci->length = len;
			const uint8_t *start = buf;
			REQUIRE(ps, buf < end, off, "truncated CIE");
			ci->version = *buf++;
			REQUIRE(ps, ci->version == 1 || ci->version == 3 || ci->version == 4, off, "unknown CIE version");
			size_t alen = strnlen((const char *)buf, (size_t)(end - buf));
			REQUIRE(ps, alen < (size_t)(end - buf) && alen < sizeof(ci->aug), off, "bad CIE augmentation string");
			memcpy(ci->aug, buf, alen + 1);
			buf += alen + 1;
			REQUIRE(ps, no_relocs_before(ps, (uint64_t)(buf - base)), off, "unexpected relocation in CIE");
			if (buf + 1 < end && buf[0] == 'e' && buf[1] == 'h') {
				REQUIRE(ps, skip(&buf, end, ptr), off, "truncated CIE");
				skip_relocs_before(ps, (uint64_t)(buf - base));
			}
			if (ci->version >= 4) {
				REQUIRE(ps, buf + 1 < end && buf[0] == ptr && buf[1] == 0, off, "bad CIE address size");
				buf += 2;
			}
			REQUIRE(ps, read_uleb(&buf, end, &ci->code_align), off, "truncated CIE");
			REQUIRE(ps, read_sleb(&buf, end, &ci->data_align), off, "truncated CIE");
			if (ci->version == 1) {
				REQUIRE(ps, buf < end, off, "truncated CIE");
				ci->ra_column = *buf++;
			} else {
				REQUIRE(ps, read_uleb(&buf, end, &ci->ra_column), off, "truncated CIE");
			}
			REQUIRE(ps, no_relocs_before(ps, (uint64_t)(buf - base)), off, "unexpected relocation in CIE");
			ci->lsda_encoding = ci->fde_encoding = ci->per_encoding = DW_EH_PE_omit;
			const char *aug = ci->aug;
			if (aug[0] != 'e' || aug[1] != 'h') {
				if (*aug == 'z') {
					aug++;
					REQUIRE(ps, read_uleb(&buf, end, &ci->aug_size), off, "truncated CIE");
					REQUIRE(ps, no_relocs_before(ps, (uint64_t)(buf - base)), off, "unexpected relocation in CIE");
				}
				for (; *aug; aug++) {
					switch (*aug) {
					case 'B':
					case 'S':
						break;
					case 'L':
					case 'R': {
						REQUIRE(ps, buf < end, off, "truncated CIE");
						uint8_t enc = *buf++;
						REQUIRE(ps, no_relocs_before(ps, (uint64_t)(buf - base)), off, "unexpected relocation in CIE");
						REQUIRE(ps, pe_width(enc, ptr), off, "unsupported pointer encoding in CIE");
						if (*aug == 'L')
							ci->lsda_encoding = enc;
						else
							ci->fde_encoding = enc;
						break;
					}
					case 'P': {
						REQUIRE(ps, buf < end, off, "truncated CIE");
						ci->per_encoding = *buf++;
						unsigned w = pe_width(ci->per_encoding, ptr);
						REQUIRE(ps, w, off, "unsupported personality encoding in CIE");
						if ((ci->per_encoding & 0x70) == DW_EH_PE_aligned) {
							uint64_t pad = -(uint64_t)(buf - base) & (w - 1);
							REQUIRE(ps, skip(&buf, end, pad), off, "truncated CIE");
							if (w == 8)
								e.per_aligned8 = true;
						}
						REQUIRE(ps, no_relocs_before(ps, (uint64_t)(buf - base)), off, "unexpected relocation in CIE");
						REQUIRE(ps, reloc_at(ps, (uint64_t)(buf - base)), off, "personality pointer without a relocation");
						ci->per_reloc = (uint32_t)ps->rel;
						while (reloc_at(ps, (uint64_t)(buf - base)))
							ps->rel++;
						REQUIRE(ps, skip(&buf, end, w), off, "truncated CIE");
						break;
					}
					default:
						REQUIRE(ps, false, off, "unknown CIE augmentation");
					}
				}
			}
			(void)start;
			if (ci->fde_encoding == DW_EH_PE_omit)
				ci->fde_encoding = DW_EH_PE_absptr;
			ci->insn_len = (uint8_t)(end - buf);
			ci->insns = buf;
			insns = buf;
			REQUIRE(ps, no_relocs_before(ps, (uint64_t)(end - base)), off, "unexpected relocation in CIE");
		} else {
			uint64_t cie_off = off + 4 - (uint64_t)id;
			size_t ci_idx = SIZE_MAX;
			for (size_t k = 0; k < es->ents.n; k++)
				if (es->ents.v[k].cie && es->ents.v[k].offset == cie_off)
					ci_idx = k;
			REQUIRE(ps, ci_idx != SIZE_MAX, off, "FDE's CIE pointer does not point to a CIE of this section");
			ci = es->ents.v[ci_idx].ci;
			e.cie_idx = (uint32_t)ci_idx;
			REQUIRE(ps, no_relocs_before(ps, (uint64_t)(buf - base)), off, "unexpected relocation in FDE header");
			REQUIRE(ps, reloc_at(ps, (uint64_t)(buf - base)), off, "FDE initial location without a relocation");
			{
				const struct ereloc *r = &ps->es->rels[ps->rel];
				const struct symbol *s = r->sym ? isec->file->syms[r->sym] : NULL;
				if (s && r->sym >= isec->file->first_global && s->kind == SYM_DEFINED && s->isec)
					REQUIRE(ps, s->isec->file == isec->file, off, "FDE for code defined in another file");
			}
			unsigned w = pe_width(ci->fde_encoding, ptr);
			REQUIRE(ps, skip(&buf, end, 2 * (uint64_t)w), off, "truncated FDE");
			skip_relocs_before(ps, (uint64_t)(buf - base) - w);
			if (!reloc_at(ps, (uint64_t)(buf - base) - w) && read_value(buf - w, w, false) == 0)
				e.zero_range = true;
			uint64_t alen = 0;
			if (ci->aug[0] == 'z')
				REQUIRE(ps, read_uleb(&buf, end, &alen), off, "truncated FDE");
			if (ci->lsda_encoding != DW_EH_PE_omit) {
				skip_relocs_before(ps, (uint64_t)(buf - base));
				if (ci->aug[0] != 'z')
					alen = (uint64_t)(end - buf);
			}
			REQUIRE(ps, skip(&buf, end, alen), off, "truncated FDE augmentation data");
			insns = buf;
			skip_relocs_before(ps, (uint64_t)(end - base));
		}
		unsigned set_locs = 0;
		const uint8_t *iend = skip_non_nops(insns, end, pe_width(ci->fde_encoding, ptr), &set_locs);
		REQUIRE(ps, iend, off, "unknown call frame instruction");
		REQUIRE(ps, !(set_locs && e.cie), off, "DW_CFA_set_loc in a CIE");
		e.size -= (uint32_t)(end - iend);
		if (iend != end && e.cie) {
			ci->insn_len = (uint8_t)(ci->insn_len - (end - iend));
			ci->length -= (uint32_t)(end - iend);
		}
		e.fde_encoding = ci->fde_encoding;
		e.removed = true;
		vec_push(es->ents, e);
		off += 4 + (uint64_t)len;
	}
	return true;
}

/* ---- which FDEs stay (bfd_elf_reloc_symbol_deleted_p) ---- */

static bool section_gone(const struct input_section *s)
{
	return s && (s->discarded || !s->out);
}

static bool fde_target_deleted(const struct eh_section *es, const struct eh_ent *e)
{
	const struct input_file *f = es->isec->file;
	for (size_t i = e->reloc_index; i < es->nrels && es->rels[i].offset <= e->offset + 8; i++) {
		const struct ereloc *r = &es->rels[i];
		if (r->offset != e->offset + 8)
			continue;
		const struct symbol *s = r->sym ? f->syms[r->sym] : NULL;
		if (!s)
			return false;
		if (r->sym >= f->first_global) {
			if (s->kind == SYM_DEFINED && s->isec)
				return s->isec->file != f || section_gone(s->isec);
			return false;
		}
		return section_gone(s->isec);
	}
	return false;
}

/* ---- CIE merging (find_merged_cie, cie_eq) ---- */

static uint32_t cie_hash(const struct cie_info *c)
{
	uint32_t h = 2166136261u;
#define MIX(v) h = (h ^ (uint32_t)(v)) * 16777619u, h = (h ^ (uint32_t)((uint64_t)(v) >> 32)) * 16777619u
	MIX(c->length);
	MIX(c->version);
	for (const char *a = c->aug; *a; a++)
		MIX((uint8_t)*a);
	MIX(c->code_align);
	MIX(c->data_align);
	MIX(c->ra_column);
	MIX(c->aug_size);
	MIX((uintptr_t)c->per_sym);
	MIX((uintptr_t)c->per_file);
	MIX(c->per_index);
	MIX(c->per_encoding);
	MIX(c->lsda_encoding);
	MIX(c->fde_encoding);
	MIX(c->insn_len);
	for (unsigned i = 0; i < c->insn_len && i < 50; i++)
		MIX(c->insns[i]);
#undef MIX
	return h;
}

static bool cie_eq(const struct cie_info *a, const struct cie_info *b)
{
	return a->hash == b->hash && a->length == b->length && a->version == b->version &&
	       a->local_personality == b->local_personality && !strcmp(a->aug, b->aug) && strcmp(a->aug, "eh") &&
	       a->code_align == b->code_align && a->data_align == b->data_align && a->ra_column == b->ra_column &&
	       a->aug_size == b->aug_size && a->per_sym == b->per_sym && a->per_file == b->per_file &&
	       a->per_index == b->per_index && a->per_encoding == b->per_encoding &&
	       a->lsda_encoding == b->lsda_encoding && a->fde_encoding == b->fde_encoding &&
	       a->insn_len == b->insn_len && a->insn_len <= 50 && !memcmp(a->insns, b->insns, a->insn_len);
}

static void cie_table_grow(void)
{
	size_t n = S.cie_table ? (S.cie_mask + 1) * 2 : 64;
	struct eh_section **t = xcalloc(n, sizeof(*t));
	uint32_t *ti = xcalloc(n, sizeof(*ti));
	for (size_t i = 0; S.cie_table && i <= S.cie_mask; i++) {
		if (!S.cie_table[i])
			continue;
		uint32_t h = S.cie_table[i]->ents.v[S.cie_table_idx[i]].ci->hash;
		size_t j = h & (n - 1);
		while (t[j])
			j = (j + 1) & (n - 1);
		t[j] = S.cie_table[i];
		ti[j] = S.cie_table_idx[i];
	}
	free(S.cie_table);
	free(S.cie_table_idx);
	S.cie_table = t;
	S.cie_table_idx = ti;
	S.cie_mask = n - 1;
}

/* The CIE an FDE of `es` using local CIE `idx` ends up with: (*sec, *kidx). */
static void find_merged_cie(struct eh_section *es, uint32_t idx, struct eh_section **sec, uint32_t *kidx)
{
	struct eh_ent *e = &es->ents.v[idx];
	*sec = es;
	*kidx = idx;
	if (!e->removed)
		return;
	if (e->merged) {
		*sec = e->kept_sec;
		*kidx = e->kept_idx;
		return;
	}
	e->removed = false;
	if (S.no_cie_merge)
		return;
	struct cie_info *c = e->ci;
	const struct input_file *f = es->isec->file;
	if (c->per_encoding != DW_EH_PE_omit) {
		const struct ereloc *r = &es->rels[c->per_reloc];
		const struct symbol *s = r->sym ? f->syms[r->sym] : NULL;
		if (r->sym >= f->first_global) {
			c->per_sym = s;
		} else {
			if (!s || !s->isec || !s->isec->out)
				return; /* kept, never merged */
			c->local_personality = 1;
			c->per_file = f;
			c->per_index = r->sym;
		}
	}
	c->hash = cie_hash(c);
	if (!S.cie_table || (S.cie_n + 1) * 2 > S.cie_mask + 1)
		cie_table_grow();
	size_t j = c->hash & S.cie_mask;
	for (; S.cie_table[j]; j = (j + 1) & S.cie_mask) {
		struct eh_section *ks = S.cie_table[j];
		uint32_t ki = S.cie_table_idx[j];
		if (!cie_eq(ks->ents.v[ki].ci, c))
			continue;
		/* the output section is the same: only one .eh_frame output is edited */
		e->removed = true;
		e->merged = true;
		e->kept_sec = ks;
		e->kept_idx = ki;
		*sec = ks;
		*kidx = ki;
		return;
	}
	S.cie_table[j] = es;
	S.cie_table_idx[j] = idx;
	S.cie_n++;
}

/* ---- the pass ---- */

static void discard_section(struct eh_section *es, bool last_in_output)
{
	for (size_t i = 0; i < es->ents.n; i++) {
		struct eh_ent *e = &es->ents.v[i];
		if (e->terminator) {
			e->removed = !last_in_output;
			continue;
		}
		if (e->cie || e->zero_range)
			continue;
		if (fde_target_deleted(es, e))
			continue;
		e->removed = false;
		S.fde_count++;
		find_merged_cie(es, e->cie_idx, &e->kept_sec, &e->kept_idx);
	}
	uint64_t offset = 0;
	for (size_t i = 0; i < es->ents.n; i++) {
		struct eh_ent *e = &es->ents.v[i];
		if (e->removed)
			continue;
		uint64_t a = 4;
		if (e->terminator)
			;
		else if (e->cie)
			a = e->per_aligned8 ? 8 : 4;
		else if ((a = pe_width(e->fde_encoding, S.ptr_size)) < 4)
			a = 4;
		offset = align_to(offset, a);
		e->new_offset = (uint32_t)offset;
		offset += e->size;
	}
	es->size = align_to(offset, 4);
}

bool eh_frame_resized(void)
{
	const struct output_section *os = S.eh_out;
	for (size_t i = 0; os && i < os->layout->items.n; i++)
		for (size_t j = 0; j < os->layout->items.v[i].secs.n; j++) {
			const struct input_section *isec = os->layout->items.v[i].secs.v[j];
			if (isec->size && isec_output_size(isec) != isec->size)
				return true;
		}
	return false;
}

void eh_frame_process(struct ctx *ctx)
{
	/* bfd's generic linker (non-ELF output) copies .eh_frame as it is */
	if (!oformat_is_elf(ctx))
		return;
	/* GNU ld -r drops the FDEs of discarded (COMDAT) code too, but keeps every used CIE */
	S.no_cie_merge = ctx_relocatable(ctx);
	S.ptr_size = ctx->target->elfclass == ELFCLASS64 ? 8 : 4;
	S.table = true;
	/* the output section named .eh_frame, and its inputs in output order */
	struct output_section *os = NULL;
	for (size_t fi = 0; fi < ctx->files.n && !os; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum && !os; si++) {
			struct input_section *isec = f->sections[si];
			if (isec && !isec->discarded && isec->out && !strcmp(isec->out->name, ".eh_frame") && isec->out->layout)
				os = isec->out;
		}
	}
	if (!os)
		goto hdr;
	S.eh_out = os;
	VEC(struct input_section *) ins = {0};
	for (size_t i = 0; i < os->layout->items.n; i++)
		for (size_t j = 0; j < os->layout->items.v[i].secs.n; j++)
			vec_push(ins, os->layout->items.v[i].secs.v[j]);
	for (size_t i = 0; i < ins.n; i++) {
		struct input_section *isec = ins.v[i];
		struct eh_section *es = arena_alloc(&ctx->arena, sizeof(*es));
		es->isec = isec;
		es->rawsize = es->size = isec->size;
		vec_push(S.secs, es);
		if (!isec->size || !isec->data || isec->synthesize || isec->merge || isec->file->synthetic) {
			es->raw = true;
			continue;
		}
		struct parser ps = {.es = es};
		if (!read_relocs(es)) {
			ps.why = "bad relocation section";
			ps.fail_at = 0;
		} else if (parse_section(&ps)) {
			ps.why = NULL;
		}
		if (ps.why) {
			warn(ctx, "error in %s(%s) at offset 0x%llx: %s; the section is kept unedited and no .eh_frame_hdr table will be created",
			     isec->file->name, isec->name, (unsigned long long)ps.fail_at, ps.why);
			es->raw = true;
			S.table = false;
			for (size_t k = 0; k < es->ents.n; k++)
				free(es->ents.v[k].ci);
			es->ents.n = 0;
			continue;
		}
		discard_section(es, i + 1 == ins.n);
	}
	/* from the end: empty sections are excluded, the last non-empty one keeps its size, every
	 * earlier one is padded to the output alignment */
	size_t k = S.secs.n;
	while (k > 0) {
		struct eh_section *es = S.secs.v[k - 1];
		if (es->size == 0) {
			es->excluded = true;
			es->isec->align = 1;
		} else if (es->size > 4) {
			break;
		}
		k--;
	}
	if (k > 0)
		k--;
	for (size_t i = 0; i < k; i++) {
		struct eh_section *es = S.secs.v[i];
		es->size = align_to(es->size, os->align);
	}
	for (size_t i = 0; i < S.secs.n; i++) {
		struct eh_section *es = S.secs.v[i];
		if (!es->isec->merge && (!es->raw || es->size != es->rawsize))
			merge_attach_eh(ctx, es->isec, es);
	}
	free(ins.v);
hdr:
	if (S.hdr)
		S.hdr->size = 8 + (S.table ? 4 + (uint64_t)S.fde_count * 8 : 0);
}

/* ---- queries ---- */

uint64_t eh_frame_size(const struct eh_section *es)
{
	return es->size;
}

static const struct eh_ent *ent_containing(const struct eh_section *es, uint64_t off)
{
	size_t lo = 0, hi = es->ents.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct eh_ent *e = &es->ents.v[mid];
		if (off < e->offset)
			hi = mid;
		else if (off >= e->offset + e->size)
			lo = mid + 1;
		else
			return e;
	}
	return NULL;
}

uint64_t eh_frame_offset(const struct eh_section *es, const struct input_section *isec, uint64_t off, bool *dropped)
{
	if (dropped)
		*dropped = false;
	if (es->raw || off >= es->rawsize)
		return es->raw ? off : off - es->rawsize + es->size;
	const struct eh_ent *e = ent_containing(es, off);
	if (!e) {
		/* trimmed padding: the entry before it */
		for (size_t i = es->ents.n; i-- > 0;)
			if (es->ents.v[i].offset <= off) {
				e = &es->ents.v[i];
				break;
			}
		if (!e)
			return off;
	}
	if (!e->removed)
		return e->new_offset + (off - e->offset);
	if (dropped)
		*dropped = true;
	if (e->cie && e->merged) {
		const struct eh_section *ks = e->kept_sec;
		const struct eh_ent *ke = &ks->ents.v[e->kept_idx];
		return ks->isec->out_offset + ke->new_offset + (off - e->offset) - isec->out_offset;
	}
	/* a removed entry: the next kept one */
	for (const struct eh_ent *n = e + 1; n < es->ents.v + es->ents.n; n++)
		if (!n->removed)
			return n->new_offset;
	return es->size;
}

/* ---- writing ---- */

void eh_frame_write(const struct eh_section *es, const struct input_section *isec, uint8_t *out)
{
	if (es->excluded)
		return;
	if (es->raw) {
		memcpy(out, isec->data, isec->size);
		memset(out + isec->size, 0, es->size - isec->size);
		return;
	}
	memset(out, 0, es->size);
	const struct eh_ent *last = es->ents.v + es->ents.n;
	for (const struct eh_ent *e = es->ents.v; e < last; e++) {
		if (e->removed)
			continue;
		memcpy(out + e->new_offset, isec->data + e->offset, e->size);
		if (e->terminator)
			continue;
		uint64_t next = es->size;
		for (const struct eh_ent *n = e + 1; n < last; n++)
			if (!n->removed) {
				next = n->new_offset;
				break;
			}
		wr32(out + e->new_offset, next - e->new_offset - 4);
		if (!e->cie) {
			const struct eh_section *ks = e->kept_sec;
			uint64_t cie_at = ks->isec->out_offset + ks->ents.v[e->kept_idx].new_offset;
			wr32(out + e->new_offset + 4, isec->out_offset + e->new_offset + 4 - cie_at);
		}
	}
}

/* ---- .eh_frame_hdr ---- */

struct hdr_ent {
	uint64_t loc, range, fde;
};

static int hdr_cmp(const void *a, const void *b)
{
	const struct hdr_ent *p = a, *q = b;
	if (p->loc != q->loc)
		return p->loc > q->loc ? 1 : -1;
	if (p->range != q->range)
		return p->range > q->range ? 1 : -1;
	return 0;
}

static void hdr_write(struct ctx *ctx, struct input_section *isec, uint8_t *out)
{
	uint64_t hdr_addr = isec->out->addr + isec->out_offset;
	uint64_t eh_addr = S.eh_out ? S.eh_out->addr : 0;
	out[0] = 1;
	out[1] = DW_EH_PE_pcrel | 0x0b; /* sdata4 */
	wr32(out + 4, eh_addr - (hdr_addr + 4));
	if (isec->size < 12) {
		out[2] = out[3] = DW_EH_PE_omit;
		return;
	}
	out[2] = 0x03;        /* udata4 */
	out[3] = 0x30 | 0x0b; /* datarel | sdata4 */
	struct hdr_ent *tab = xcalloc(S.fde_count + 1, sizeof(*tab));
	size_t n = 0;
	for (size_t i = 0; i < S.secs.n; i++) {
		const struct eh_section *es = S.secs.v[i];
		const struct input_section *eh = es->isec;
		if (es->raw)
			continue;
		for (size_t k = 0; k < es->ents.n; k++) {
			const struct eh_ent *e = &es->ents.v[k];
			if (e->removed || e->cie || e->terminator || n >= S.fde_count)
				continue;
			unsigned w = pe_width(e->fde_encoding, S.ptr_size);
			bool sgn = e->fde_encoding & DW_EH_PE_signed;
			const uint8_t *field = eh->data + e->offset + 8;
			uint64_t value = read_value(field, w, sgn), loc = value;
			bool relocated = false;
			/* the initial location: S + A of its relocation (RELA addend plus any in place) */
			for (size_t r = e->reloc_index; r < es->nrels && es->rels[r].offset <= e->offset + 8u; r++) {
				const struct ereloc *rl = &es->rels[r];
				if (rl->offset != e->offset + 8u)
					continue;
				const struct symbol *s = rl->sym ? eh->file->syms[rl->sym] : NULL;
				loc = (s ? symbol_address(s) : 0) + (uint64_t)rl->addend + value;
				relocated = true;
				break;
			}
			if (!relocated && (e->fde_encoding & 0x70) == DW_EH_PE_pcrel && loc)
				loc += eh->out->addr + eh->out_offset + e->new_offset + 8;
			if (S.ptr_size == 4)
				loc &= 0xffffffff;
			tab[n].loc = loc;
			tab[n].range = read_value(field + w, w, false);
			tab[n].fde = eh->out->addr + eh->out_offset + e->new_offset;
			n++;
		}
	}
	wr32(out + 8, (uint32_t)n);
	qsort(tab, n, sizeof(*tab), hdr_cmp);
	uint64_t base = isec->out->addr;
	bool overflow = false, overlap = false;
	for (size_t i = 0; i < n; i++) {
		int64_t l = (int32_t)(uint32_t)(tab[i].loc - base);
		int64_t f = (int32_t)(uint32_t)(tab[i].fde - base);
		if (S.ptr_size == 8 && (base + (uint64_t)l != tab[i].loc || base + (uint64_t)f != tab[i].fde))
			overflow = true;
		wr32(out + 12 + i * 8, (uint64_t)l);
		wr32(out + 16 + i * 8, (uint64_t)f);
		if (i && tab[i].loc < tab[i - 1].loc + tab[i - 1].range)
			overlap = true;
	}
	if (overflow)
		error(ctx, ".eh_frame_hdr entry overflow");
	if (overlap)
		error(ctx, ".eh_frame_hdr refers to overlapping FDEs");
	free(tab);
}

/* Called while the linker makes its own sections, before layout: GNU ld makes .eh_frame_hdr
 * only when some input .eh_frame holds a CIE or FDE (more than 8 bytes). */
void eh_frame_hdr_create(struct ctx *ctx)
{
	if (!ctx->opt.eh_frame_hdr || ctx_relocatable(ctx) || !oformat_is_elf(ctx))
		return;
	bool present = false;
	for (size_t fi = 0; fi < ctx->files.n && !present; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum && !present; si++) {
			struct input_section *isec = f->sections[si];
			present = isec && !isec->discarded && isec->size > 8 && !strcmp(isec->name, ".eh_frame");
		}
	}
	if (!present)
		return;
	S.hdr = synthetic_add_section(ctx, ".eh_frame_hdr", SHT_PROGBITS, SHF_ALLOC, 8, 4, hdr_write);
	/* GNU ld's hidden __GNU_EH_FRAME_HDR, a local of the output at the section's start */
	struct symbol *s = symbol_intern(ctx, "__GNU_EH_FRAME_HDR");
	if (s->kind != SYM_DEFINED) {
		s->kind = SYM_DEFINED;
		s->isec = S.hdr;
		s->value = 0;
		s->type = STT_NOTYPE;
		s->forced_local = true;
		s->file = S.hdr->file;
	}
}
