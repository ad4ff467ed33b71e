/* GNU property notes: every input's NT_GNU_PROPERTY_TYPE_0 note ("GNU") merged into one, as
 * GNU ld 2.40 does it (its _bfd_elf_link_setup_gnu_properties and the x86 back end's hooks).
 *
 *  - Each object's properties are read from every non-empty SHT_NOTE section, whatever its name,
 *    into one list per object sorted by type.  Within one object, AND and OR values of the same
 *    type are ORed together; a malformed note ends the reading of its section, and for most
 *    faults clears all the object's properties, with GNU ld's message naming the file (these
 *    messages never fail the link, not even the "error:" ones, nor do they count as warnings).
 *  - -z ibt / -z shstk add IBT / SHSTK to X86_FEATURE_1_AND, -z x86-64-{baseline,v2,v3,v4} the
 *    level bit to X86_ISA_1_NEEDED, of the first object that has properties (else of the last
 *    ELF object, which then gets a .note.gnu.property section of its own).
 *  - The kept section is the .note.gnu.property of the first object that has properties and a
 *    section of that name.  Its list is merged with every other object's, in load order
 *    (an object without properties counts as an empty list); the .note.gnu.property of every
 *    other object with properties is discarded.  Merging, per type:
 *      AND (generic 0xb0000000.., x86 0xc0000002..)   a & b; gone when an input lacks it or
 *                                                     it becomes 0 (x86 FEATURE_1_AND: -z ibt
 *                                                     / -z shstk bits are put back each time)
 *      OR (generic 0xb0008000.., x86 0xc0008000.., x86 COMPAT_ISA_1_NEEDED)
 *                                                     a | b (x86 ISA_1_NEEDED also | the -z
 *                                                     level); gone when 0
 *      x86 OR_AND (0xc0010000.., COMPAT_ISA_1_USED)    a | b; gone when an input lacks it
 *      STACK_SIZE                                     the largest; NO_COPY_ON_PROTECTED: kept
 *  - -z stack-size=N (N > 0) raises STACK_SIZE to N; x86 AND/OR properties that are 0 are
 *    dropped.  An empty list discards the kept section too; otherwise its bytes are rewritten:
 *    one note, properties sorted by type, each padded to 8 bytes (ELF64) or 4 (ELF32).
 *
 * GNU ld does this for -r links too (ldelf_after_open calls the setup for every link), so
 * slink does as well. */
#include <stdarg.h>
#include <stdlib.h>

#include "oformat.h"
#include "passes.h"
#include "target.h"

#define NT_GNU_PROPERTY_TYPE_0 5
#define PROP_STACK_SIZE 1u
#define PROP_NO_COPY_ON_PROTECTED 2u
#define PROP_AND_LO 0xb0000000u
#define PROP_AND_HI 0xb0007fffu
#define PROP_OR_LO 0xb0008000u
#define PROP_OR_HI 0xb000ffffu
#define PROP_LOPROC 0xc0000000u
#define PROP_HIPROC 0xdfffffffu
#define PROP_LOUSER 0xe0000000u
#define X86_COMPAT_ISA_1_USED 0xc0000000u
#define X86_COMPAT_ISA_1_NEEDED 0xc0000001u
#define X86_AND_LO 0xc0000002u
#define X86_AND_HI 0xc0007fffu
#define X86_OR_LO 0xc0008000u
#define X86_OR_HI 0xc000ffffu
#define X86_OR_AND_LO 0xc0010000u
#define X86_OR_AND_HI 0xc0017fffu
#define X86_FEATURE_1_AND X86_AND_LO
#define X86_ISA_1_NEEDED (X86_OR_LO + 2)
#define X86_FEATURE_1_IBT (1u << 0)
#define X86_FEATURE_1_SHSTK (1u << 1)
#define X86_FEATURE_1_LAM_U48 (1u << 2)
#define X86_FEATURE_1_LAM_U57 (1u << 3)

static bool in(uint32_t t, uint32_t lo, uint32_t hi) { return t >= lo && t <= hi; }

enum { PK_UNKNOWN, PK_NUMBER, PK_REMOVE };

struct prop {
	uint32_t type;
	uint32_t datasz;
	uint64_t number;
	int kind;
};

struct plist VEC_BODY(struct prop);

/* the merge's settings (GNU ld's link_info / x86 params) */
struct pstate {
	struct ctx *ctx;
	uint32_t and_features; /* -z ibt / -z shstk */
	int isa_level;         /* 0, 1 (baseline), 2, 3, 4 */
};

/* ---- the per-object list, kept sorted by type ---- */

static struct prop *plist_find(struct plist *l, uint32_t type, size_t *pos)
{
	size_t i = 0;
	while (i < l->n && l->v[i].type < type)
		i++;
	*pos = i;
	return i < l->n && l->v[i].type == type ? &l->v[i] : NULL;
}

/* _bfd_elf_get_property: the entry of TYPE, made (unknown, 0) when missing; a larger size wins */
static struct prop *plist_get(struct plist *l, uint32_t type, uint32_t datasz)
{
	size_t pos;
	struct prop *p = plist_find(l, type, &pos);
	if (p) {
		if (datasz > p->datasz)
			p->datasz = datasz;
		return p;
	}
	vec_reserve(*l, l->n + 1);
	memmove(&l->v[pos + 1], &l->v[pos], (l->n - pos) * sizeof(l->v[0]));
	l->n++;
	l->v[pos] = (struct prop){.type = type, .datasz = datasz};
	return &l->v[pos];
}

static void plist_remove_at(struct plist *l, size_t pos)
{
	memmove(&l->v[pos], &l->v[pos + 1], (l->n - pos - 1) * sizeof(l->v[0]));
	l->n--;
}

/* ---- reading ---- */

/* bfd's messages while it reads an object: GNU ld prints them together once the object is
 * recognized, the program name before the first only; never counted (the link goes on) */
struct reader {
	const struct input_file *f;
	bool said;   /* a message was printed for this object */
};

static void note_msg(struct reader *r, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note_msg(struct reader *r, const char *kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s%s: %s: ", r->said ? "" : "slink: ", kind, r->f->name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	r->said = true;
}

static bool x86_known(uint32_t t)
{
	return t == X86_COMPAT_ISA_1_USED || t == X86_COMPAT_ISA_1_NEEDED || in(t, X86_AND_LO, X86_AND_HI) ||
	       in(t, X86_OR_LO, X86_OR_HI) || in(t, X86_OR_AND_LO, X86_OR_AND_HI);
}

/* one NT_GNU_PROPERTY_TYPE_0 descriptor (_bfd_elf_parse_gnu_properties); false ends the
 * reading of the section */
static bool parse_desc(struct reader *r, struct plist *l, const uint8_t *d, uint64_t descsz)
{
	uint32_t align = r->f->elfclass == ELFCLASS64 ? 8 : 4;
	if (descsz < 8 || descsz % align) {
	bad_size:
		note_msg(r, "warning", "corrupt GNU_PROPERTY_TYPE (%d) size: %#llx", NT_GNU_PROPERTY_TYPE_0,
			 (unsigned long long)descsz);
		return false;
	}
	uint64_t off = 0;
	while (off != descsz) {
		if (descsz - off < 8)
			goto bad_size;
		uint32_t type = rd32(d + off), datasz = rd32(d + off + 4);
		off += 8;
		const uint8_t *val = d + off;
		if (datasz > descsz - off) {
			note_msg(r, "warning", "corrupt GNU_PROPERTY_TYPE (%d) type (0x%x) datasz: 0x%x",
				 NT_GNU_PROPERTY_TYPE_0, type, datasz);
			l->n = 0;
			return false;
		}
		bool handled = true;
		if (type >= PROP_LOPROC) {
			if (type < PROP_LOUSER && x86_known(type)) {
				if (datasz != 4) {
					note_msg(r, "error", "<corrupt x86 property (0x%x) size: 0x%x>", type, datasz);
					l->n = 0;
					return false;
				}
				struct prop *p = plist_get(l, type, datasz);
				p->number |= rd32(val);
				p->kind = PK_NUMBER;
			} else {
				handled = false;
			}
		} else if (type == PROP_STACK_SIZE) {
			if (datasz != align) {
				note_msg(r, "warning", "corrupt stack size: 0x%x", datasz);
				l->n = 0;
				return false;
			}
			struct prop *p = plist_get(l, type, datasz);
			p->number = datasz == 8 ? rd64(val) : rd32(val);
			p->kind = PK_NUMBER;
		} else if (type == PROP_NO_COPY_ON_PROTECTED) {
			if (datasz != 0) {
				note_msg(r, "warning", "corrupt no copy on protected size: 0x%x", datasz);
				l->n = 0;
				return false;
			}
			plist_get(l, type, datasz)->kind = PK_NUMBER;
		} else if (in(type, PROP_AND_LO, PROP_AND_HI) || in(type, PROP_OR_LO, PROP_OR_HI)) {
			if (datasz != 4) {
				note_msg(r, "error", "<corrupt property (0x%x) size: 0x%x>", type, datasz);
				l->n = 0;
				return false;
			}
			struct prop *p = plist_get(l, type, datasz);
			p->number |= rd32(val);
			p->kind = PK_NUMBER;
		} else {
			handled = false;
		}
		if (!handled)
			note_msg(r, "warning", "unsupported GNU_PROPERTY_TYPE (%d) type: 0x%x", NT_GNU_PROPERTY_TYPE_0,
				 type);
		off += align_to(datasz, align);
	}
	return true;
}

/* the notes of one SHT_NOTE section (bfd's elf_parse_notes): a note that does not fit ends it */
static void parse_notes(struct reader *r, struct plist *l, const struct input_section *isec)
{
	uint64_t align = isec->align < 4 ? 4 : isec->align;
	if (align != 4 && align != 8)
		return;
	const uint8_t *buf = isec->data;
	uint64_t size = isec->size, p = 0;
	while (p < size) {
		if (size - p < 12)
			return;
		uint32_t namesz = rd32(buf + p), descsz = rd32(buf + p + 4), type = rd32(buf + p + 8);
		if (namesz > size - (p + 12))
			return;
		uint64_t desc = p + align_to(12 + (uint64_t)namesz, align);
		if (descsz != 0 && (desc >= size || descsz > size - desc))
			return;
		if (namesz == 4 && !memcmp(buf + p + 12, "GNU", 4) && type == NT_GNU_PROPERTY_TYPE_0 &&
		    !parse_desc(r, l, descsz ? buf + desc : buf, descsz))
			return;
		p += align_to(align_to(12 + (uint64_t)namesz, align) + descsz, align);
	}
}

/* ---- merging ---- */

static uint32_t isa_bit(int level)
{
	return level ? 1u << (level - 1) : 0;
}

/* _bfd_x86_elf_merge_gnu_properties */
static bool merge_x86(const struct pstate *st, uint32_t t, struct prop *a, struct prop *b)
{
	if (t == X86_COMPAT_ISA_1_USED || in(t, X86_OR_AND_LO, X86_OR_AND_HI)) {
		if (a && b) {
			uint64_t old = a->number;
			a->number |= b->number;
			return old != a->number;
		}
		if (a) {
			a->kind = PK_REMOVE;
			return true;
		}
		return false;
	}
	if (t == X86_COMPAT_ISA_1_NEEDED || in(t, X86_OR_LO, X86_OR_HI)) {
		/* GNU ld 2.40 aborts here for -z x86-64-baseline (level 1): no bit is added */
		uint32_t features = t == X86_ISA_1_NEEDED && st->isa_level >= 2 ? isa_bit(st->isa_level) : 0;
		if (a && b) {
			uint64_t old = a->number;
			a->number = (uint32_t)(a->number | b->number | features);
			if (!a->number) {
				a->kind = PK_REMOVE;
				return true;
			}
			return old != a->number;
		}
		if (a) {
			a->number |= features;
			if (!a->number) {
				a->kind = PK_REMOVE;
				return true;
			}
			return false;
		}
		b->number |= features;
		return b->number != 0;
	}
	/* AND */
	uint32_t features = t == X86_FEATURE_1_AND ? st->and_features : 0;
	if (a && b) {
		uint64_t old = a->number;
		a->number = (a->number & b->number) | features;
		if (!a->number)
			a->kind = PK_REMOVE;
		return old != a->number;
	}
	if (features) {
		if (a) {
			bool upd = features != a->number;
			a->number = features;
			return upd;
		}
		b->number = features;
		return true;
	}
	if (a) {
		a->kind = PK_REMOVE;
		return true;
	}
	return false;
}

/* elf_merge_gnu_properties: A (the kept list's) with B (the other object's); either may be
 * missing.  With A missing, true means B is to be added. */
static bool merge_one(const struct pstate *st, struct prop *a, struct prop *b)
{
	uint32_t t = a ? a->type : b->type;
	if (t >= PROP_LOPROC && t < PROP_LOUSER)
		return merge_x86(st, t, a, b);
	if (t == PROP_STACK_SIZE && a && b) {
		if (b->number > a->number) {
			a->number = b->number;
			return true;
		}
		return false;
	}
	if (t == PROP_STACK_SIZE || t == PROP_NO_COPY_ON_PROTECTED)
		return a == NULL;
	if (in(t, PROP_OR_LO, PROP_OR_HI)) {
		if (a && b) {
			uint64_t old = a->number;
			a->number |= b->number;
			if (!a->number) {
				a->kind = PK_REMOVE;
				return true;
			}
			return old != a->number;
		}
		if (a) {
			if (!a->number) {
				a->kind = PK_REMOVE;
				return true;
			}
			return false;
		}
		return b->number != 0;
	}
	/* generic AND */
	if (a && b) {
		uint64_t old = a->number;
		a->number &= b->number;
		if (!a->number)
			a->kind = PK_REMOVE;
		return old != a->number;
	}
	if (a) {
		a->kind = PK_REMOVE;
		return true;
	}
	return false;
}

/* elf_merge_gnu_property_list: the kept list with another object's (consumed) */
static void merge_list(const struct pstate *st, struct plist *first, struct plist *other)
{
	for (size_t i = 0; i < first->n;) {
		struct prop *a = &first->v[i];
		size_t pos;
		struct prop *found = plist_find(other, a->type, &pos), b;
		if (found) {
			b = *found;
			plist_remove_at(other, pos);
		}
		merge_one(st, a, found ? &b : NULL);
		if (a->kind == PK_REMOVE)
			plist_remove_at(first, i);
		else
			i++;
	}
	for (size_t i = 0; i < other->n; i++) {
		struct prop b = other->v[i];
		if (merge_one(st, NULL, &b))
			*plist_get(first, b.type, b.datasz) = b;
	}
}

/* _bfd_x86_elf_link_fixup_gnu_properties */
static void fixup_x86(struct plist *l, bool elf64)
{
	for (size_t i = 0; i < l->n;) {
		struct prop *p = &l->v[i];
		uint32_t t = p->type;
		if (t > PROP_HIPROC)
			break;
		if (t >= PROP_LOPROC && x86_known(t)) {
			if (!p->number && (t == X86_COMPAT_ISA_1_NEEDED || in(t, X86_AND_LO, X86_AND_HI) ||
					   in(t, X86_OR_LO, X86_OR_HI))) {
				plist_remove_at(l, i);
				continue;
			}
			if (t == X86_FEATURE_1_AND && !elf64)
				p->number &= ~(uint64_t)(X86_FEATURE_1_LAM_U48 | X86_FEATURE_1_LAM_U57);
		}
		i++;
	}
}

/* ---- the pass ---- */

static struct input_section *property_section(struct input_file *f)
{
	for (size_t i = 1; i < f->shnum; i++)
		if (f->sections[i] && !strcmp(f->sections[i]->name, ".note.gnu.property"))
			return f->sections[i];
	return NULL;
}

static bool has_sections(const struct input_file *f)
{
	for (size_t i = 1; i < f->shnum; i++)
		if (f->sections[i])
			return true;
	return false;
}

/* the x86 back end's own .note.gnu.property, for -z ibt and friends when no input has one */
static struct input_section *make_section(struct ctx *ctx, struct input_file *f, uint64_t align)
{
	struct input_section **secs = arena_alloc(&ctx->arena, (f->shnum + 1) * sizeof(*secs));
	memcpy(secs, f->sections, f->shnum * sizeof(*secs));
	struct input_section *s = arena_alloc(&ctx->arena, sizeof(*s));
	s->file = f;
	s->name = ".note.gnu.property";
	s->index = (uint32_t)f->shnum;
	s->type = SHT_NOTE;
	s->flags = SHF_ALLOC;
	s->align = align;
	secs[f->shnum] = s;
	f->sections = secs;
	f->shnum++;
	return s;
}

static uint8_t *write_note(struct ctx *ctx, const struct plist *l, uint32_t align, uint64_t *size_out)
{
	uint64_t size = 16;
	for (size_t i = 0; i < l->n; i++) {
		uint32_t datasz = l->v[i].type == PROP_STACK_SIZE ? align : l->v[i].datasz;
		size = align_to(size + 8 + datasz, align);
	}
	uint8_t *out = arena_alloc(&ctx->arena, size);
	wr32(out, 4);
	wr32(out + 4, size - 16);
	wr32(out + 8, NT_GNU_PROPERTY_TYPE_0);
	memcpy(out + 12, "GNU", 4);
	uint64_t off = 16;
	for (size_t i = 0; i < l->n; i++) {
		const struct prop *p = &l->v[i];
		uint32_t datasz = p->type == PROP_STACK_SIZE ? align : p->datasz;
		wr32(out + off, p->type);
		wr32(out + off + 4, datasz);
		off += 8;
		if (datasz == 4)
			wr32(out + off, p->number);
		else if (datasz == 8)
			wr64(out + off, p->number);
		off = align_to(off + datasz, align);
	}
	*size_out = size;
	return out;
}

void gnu_properties_merge(struct ctx *ctx)
{
	/* bfd's generic linker (non-ELF output: --oformat binary, ihex, ...) does not merge them:
	 * the notes are ordinary input sections there */
	if (!ctx->target || !ctx->files.n || !oformat_is_elf(ctx))
		return;
	bool elf64 = ctx->target->elfclass == ELFCLASS64;
	uint32_t align = elf64 ? 8 : 4;
	size_t nf = ctx->files.n;
	struct plist *lists = xcalloc(nf, sizeof(*lists));
	bool *eligible = xcalloc(nf, sizeof(*eligible));

	/* read every object's notes */
	for (size_t fi = 0; fi < nf; fi++) {
		struct input_file *f = ctx->files.v[fi];
		if (f->synthetic || !f->elf)
			continue;
		eligible[fi] = true;
		struct reader r = {.f = f};
		for (size_t i = 1; i < f->shnum; i++) {
			struct input_section *s = f->sections[i];
			if (s && s->type == SHT_NOTE && s->size && s->data)
				parse_notes(&r, &lists[fi], s);
		}
	}

	struct pstate st = {.ctx = ctx};
	if (ctx->opt.z_ibt)
		st.and_features |= X86_FEATURE_1_IBT;
	if (ctx->opt.z_shstk)
		st.and_features |= X86_FEATURE_1_SHSTK;
	const char *lvl = ctx->opt.z_x86_isa_level;
	if (lvl)
		st.isa_level = !strcmp(lvl, "x86-64-baseline") ? 1 : lvl[strlen(lvl) - 1] - '0';

	/* x86 setup: -z ibt / -z shstk / -z x86-64-* go to the first object with properties, else
	 * to the last ELF object with sections, which then gets the section to hold them */
	size_t pi = nf, ei = nf;
	for (size_t fi = 0; fi < nf; fi++)
		if (eligible[fi] && has_sections(ctx->files.v[fi])) {
			ei = fi;
			if (lists[fi].n) {
				pi = fi;
				break;
			}
		}
	if (ei < nf && (st.and_features || st.isa_level)) {
		if (st.and_features) {
			struct prop *p = plist_get(&lists[ei], X86_FEATURE_1_AND, 4);
			p->number |= st.and_features;
			p->kind = PK_NUMBER;
		}
		if (st.isa_level) {
			struct prop *p = plist_get(&lists[ei], X86_ISA_1_NEEDED, 4);
			p->number |= isa_bit(st.isa_level);
			p->kind = PK_NUMBER;
		}
		if (pi == nf)
			make_section(ctx, ctx->files.v[ei], align);
	}

	/* the kept section: the first object with properties and a .note.gnu.property */
	size_t first = nf;
	bool has_properties = false;
	for (size_t fi = 0; fi < nf; fi++) {
		struct input_file *f = ctx->files.v[fi];
		if (!eligible[fi] || f->machine != ctx->target->machine || f->elfclass != ctx->target->elfclass)
			continue;
		if (lists[fi].n) {
			has_properties = true;
			if (property_section(f)) {
				first = fi;
				break;
			}
		}
	}
	if (!has_properties)
		goto done;

	for (size_t fi = 0; fi < nf; fi++) {
		struct input_file *f = ctx->files.v[fi];
		if (fi == first || f->synthetic)
			continue;
		bool had = eligible[fi] && lists[fi].n && f->machine == ctx->target->machine;
		struct plist empty = {0};
		if (first < nf)
			merge_list(&st, &lists[first], had ? &lists[fi] : &empty);
		struct input_section *s;
		if (had && (s = property_section(f)))
			s->discarded = true;
	}
	if (first == nf)
		goto done;

	struct plist *l = &lists[first];
	struct input_section *sec = property_section(ctx->files.v[first]);
	if (ctx->opt.z_stack_size > 0) {
		struct prop *p = plist_get(l, PROP_STACK_SIZE, align);
		if (p->kind == PK_UNKNOWN) {
			p->number = ctx->opt.z_stack_size;
			p->kind = PK_NUMBER;
		} else if (ctx->opt.z_stack_size > p->number) {
			p->number = ctx->opt.z_stack_size;
		}
	}
	if (l->n)
		fixup_x86(l, elf64);
	if (!l->n) {
		sec->discarded = true;
		goto done;
	}
	uint64_t size;
	sec->data = write_note(ctx, l, align, &size);
	sec->size = size;

done:
	for (size_t fi = 0; fi < nf; fi++)
		free(lists[fi].v);
	free(lists);
	free(eligible);
}
