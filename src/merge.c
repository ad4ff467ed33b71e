/* SHF_MERGE sections: identical constants and strings stored once per output section, as GNU
 * ld 2.40 (bfd/merge.c) does it.
 *
 * Groups.  Live SHF_MERGE input sections are grouped by (output section, SHF_STRINGS, entsize,
 * alignment), visited in input-file order and section-header order.  Sections with relocations,
 * a size that is not a multiple of entsize, or an alignment that does not fit the entry size are
 * left alone (copied as they are).
 *
 * Entries.  Each section is cut into entries: NUL-terminated strings (SHF_STRINGS; an entry's
 * alignment is the largest power of two dividing its offset, capped by the section alignment;
 * zero padding after a string is dropped, except that the first aligned NUL of a section adds
 * the empty string) or fixed-size constants.  Entries go into one hash table per group; the
 * first occurrence wins, except that a string found with less alignment than needed is
 * re-added (it then belongs to the later section).
 *
 * Tail merging (strings).  Kept strings are sorted by their reversed bytes; walking from the
 * largest down, a string that is a suffix of the current one (with compatible alignment) is
 * stored inside it.
 *
 * Output.  Unlike a single blob, GNU ld leaves every string in the section that first brought
 * it: each input section's output size is the total of its own kept entries (in insertion
 * order, aligned), and a section left with no entries is excluded (size 0, and it no longer
 * aligns the location counter: we set its align to 1, after the output section's alignment
 * was computed by layout).  If every input size of a group was a multiple of the group
 * alignment, the section owning the last entry is padded to it.
 *
 * Offsets.  merged_offset(isec, off) finds the entry containing `off` (by content, through the
 * hash table, as GNU ld does) and returns the distance from isec's own output position to the
 * kept copy, which may lie in another member of the group: the result is then a uint64_t that
 * wraps, so `isec->out->addr + isec->out_offset + merged_offset(...)` is always the address of
 * the kept byte.  It reads out_offset at call time, so it is valid once addresses are assigned
 * (symbol values, relocations).
 *
 * .eh_frame sections edited by eh_frame.c share isec->merge (kind MS_EH), so the writer,
 * isec_output_size and merged_offset cover them too. */
#include <stdlib.h>

#include "oformat.h"
#include "passes.h"

enum ms_kind { MS_MERGE, MS_EH };

struct mentry {
	const uint8_t *str;          /* bytes (in the section's contents) */
	uint64_t index;              /* offset in the owner's output part */
	uint32_t len;                /* bytes including the terminator; 0 = deleted */
	uint32_t alignment;          /* 0 = deleted or stored inside `suffix` */
	uint32_t hash;
	uint32_t suffix;             /* entry this one is a suffix of, while alignment == 0 */
	bool kept;                   /* stored in its own right (not deleted, not a suffix) */
	struct input_section *sec;   /* section that added it (its place in the chain) */
	struct input_section *owner; /* section whose output part holds it */
};

struct mgroup {
	struct output_section *out;
	bool strings;
	uint64_t entsize, align;
	VEC(struct input_section *) secs;
	VEC(struct mentry) ents;     /* insertion order (bfd's htab->first chain) */
	uint32_t *table;             /* open addressing: entry index + 1, 0 = empty */
	size_t mask;
	size_t live;
};

struct merge_section {
	uint8_t kind;                /* enum ms_kind */
	struct mgroup *group;
	struct input_section *isec;
	const uint8_t *contents;     /* the input bytes, plus a terminator when it was missing */
	uint64_t out_size;
	uint64_t map_size;           /* the size GNU ld's map shows for an excluded section */
	bool size_set;               /* bfd's position loop gave it a size */
	size_t first_ent;            /* first kept entry owned by this section, SIZE_MAX if none */
	bool excluded;               /* its entries all went to others: bfd's SEC_EXCLUDE */
	struct eh_section *eh;       /* MS_EH */
};

/* ---- hashing ---- */

/* The length (in bytes, including the terminator) of the string at p, or the entry size. */
static uint32_t entry_len(const struct mgroup *g, const uint8_t *p)
{
	if (!g->strings)
		return (uint32_t)g->entsize;
	if (g->entsize == 1)
		return (uint32_t)strlen((const char *)p) + 1;
	uint64_t n = 0;
	for (;;) {
		uint64_t i;
		for (i = 0; i < g->entsize && !p[n + i]; i++)
			;
		n += g->entsize;
		if (i == g->entsize)
			return (uint32_t)n;
	}
}

static uint32_t hash_bytes(const uint8_t *p, uint32_t len)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h ^ len;
}

static void table_grow(struct mgroup *g)
{
	size_t n = g->table ? (g->mask + 1) * 2 : 1024;
	uint32_t *t = xcalloc(n, sizeof(*t));
	if (g->table) {
		for (size_t i = 0; i <= g->mask; i++) {
			uint32_t e = g->table[i];
			if (!e)
				continue;
			size_t j = g->ents.v[e - 1].hash & (n - 1);
			while (t[j])
				j = (j + 1) & (n - 1);
			t[j] = e;
		}
		free(g->table);
	}
	g->table = t;
	g->mask = n - 1;
}

/* The slot holding the live entry equal to (p, len), or the empty slot where it would go. */
static size_t table_slot(const struct mgroup *g, const uint8_t *p, uint32_t len, uint32_t h)
{
	size_t j = h & g->mask;
	for (;; j = (j + 1) & g->mask) {
		uint32_t e = g->table[j];
		if (!e)
			return j;
		const struct mentry *m = &g->ents.v[e - 1];
		if (m->hash == h && m->len == len && !memcmp(m->str, p, len))
			return j;
	}
}

/* bfd's sec_merge_add: the live entry for these bytes, added or replaced when less aligned. */
static uint32_t entry_add(struct mgroup *g, struct input_section *isec, const uint8_t *p, uint32_t alignment)
{
	if ((g->live + 1) * 2 > g->mask + 1 || !g->table)
		table_grow(g);
	uint32_t len = entry_len(g, p);
	uint32_t h = hash_bytes(p, len);
	size_t j = table_slot(g, p, len, h);
	if (g->table[j]) {
		struct mentry *old = &g->ents.v[g->table[j] - 1];
		if (old->alignment >= alignment)
			return g->table[j] - 1;
		old->len = 0; /* deleted: a better aligned copy follows */
		old->alignment = 0;
	} else {
		g->live++;
	}
	struct mentry m = {.str = p, .len = len, .alignment = alignment, .hash = h, .sec = isec, .owner = isec};
	vec_push(g->ents, m);
	g->table[j] = (uint32_t)g->ents.n;
	return (uint32_t)g->ents.n - 1;
}

static const struct mentry *entry_find(const struct mgroup *g, const uint8_t *p)
{
	uint32_t len = entry_len(g, p);
	uint32_t e = g->table[table_slot(g, p, len, hash_bytes(p, len))];
	return e ? &g->ents.v[e - 1] : NULL;
}

/* ---- grouping and recording ---- */

static unsigned log2u(uint64_t x)
{
	unsigned n = 0;
	while (x > 1) {
		x >>= 1;
		n++;
	}
	return n;
}

/* Do global symbols move to their merged entries?  GNU ld moves them only when some SHF_MERGE
 * input lies in an output section with contents (bfd_elf_final_link's `merged`: a NOLOAD
 * section has none); local symbols and relocations always follow. */
static bool globals_move;

bool merge_symbol_excluded(const struct symbol *s)
{
	const struct merge_section *ms = s->isec ? s->isec->merge : NULL;
	return ms && ms->kind == MS_MERGE && ms->first_ent == SIZE_MAX && !s->is_local && !globals_move;
}

uint64_t symbol_section_offset(const struct symbol *s)
{
	const struct merge_section *ms = s->isec->merge;
	/* bfd adjusts symbols in SHF_MERGE sections only; those in an edited .eh_frame keep
	 * their input offsets */
	if (!ms || ms->kind == MS_EH || (!s->is_local && !globals_move))
		return s->value;
	return merged_offset(s->isec, s->value);
}

/* _bfd_add_merge_section's conditions for merging at all */
static bool mergeable(const struct input_section *isec)
{
	if (!isec || isec->discarded || !isec->out || !(isec->flags & SHF_MERGE) || !isec->data)
		return false;
	if (!isec->size || !isec->entsize || isec->size % isec->entsize || isec->rel_index)
		return false;
	if (!is_pow2(isec->align) || log2u(isec->align) >= 32)
		return false;
	uint64_t align = isec->align, es = isec->entsize;
	if ((es < align && ((es & (es - 1)) || !(isec->flags & SHF_STRINGS))) || (es > align && (es & (align - 1))))
		return false;
	return true;
}

static void record_section(struct mgroup *g, struct merge_section *ms)
{
	struct input_section *isec = ms->isec;
	const uint8_t *c = ms->contents, *end = c + isec->size;
	uint64_t mask = isec->align - 1, es = g->entsize;
	if (!g->strings) {
		for (const uint8_t *p = c; p < end; p += es)
			entry_add(g, isec, p, 1);
		return;
	}
	bool nul = false;
	for (const uint8_t *p = c; p < end;) {
		uint64_t off = (uint64_t)(p - c);
		uint64_t eltalign = off & -off;
		if (!eltalign || eltalign > mask)
			eltalign = mask + 1;
		uint32_t e = entry_add(g, isec, p, (uint32_t)eltalign);
		p += g->ents.v[e].len;
		while (p < end) {
			uint64_t i;
			for (i = 0; i < es && !p[i]; i++)
				;
			if (i != es)
				break;
			if (!nul && !((uint64_t)(p - c) & mask)) {
				nul = true;
				entry_add(g, isec, p, (uint32_t)(mask + 1));
			}
			p += es;
		}
	}
}

/* ---- tail merging ---- */

static const struct mgroup *sort_group;
static uint32_t sort_align; /* common alignment > entsize, or 0 */

static int strrevcmp(const void *a, const void *b)
{
	const struct mentry *A = &sort_group->ents.v[*(const uint32_t *)a];
	const struct mentry *B = &sort_group->ents.v[*(const uint32_t *)b];
	uint32_t la = A->len, lb = B->len;
	if (sort_align) {
		int tail = (int)(la & (sort_align - 1)) - (int)(lb & (sort_align - 1));
		if (tail)
			return tail;
	}
	const uint8_t *s = A->str + la, *t = B->str + lb;
	for (uint32_t l = la < lb ? la : lb; l; l--) {
		--s, --t;
		if (*s != *t)
			return (int)*s - (int)*t;
	}
	return la < lb ? -1 : la > lb;
}

static void merge_strings(struct mgroup *g)
{
	uint32_t es = (uint32_t)g->entsize;
	uint32_t *arr = xmalloc((g->ents.n + 1) * sizeof(*arr));
	size_t n = 0;
	uint32_t alignment = 0;
	for (size_t i = 0; i < g->ents.n; i++) {
		struct mentry *e = &g->ents.v[i];
		if (!e->alignment)
			continue;
		arr[n++] = (uint32_t)i;
		e->len -= es; /* compare without the terminator */
		if (alignment != e->alignment)
			alignment = alignment ? UINT32_MAX : e->alignment;
	}
	if (n) {
		sort_group = g;
		sort_align = alignment != UINT32_MAX && alignment > es ? alignment : 0;
		qsort(arr, n, sizeof(*arr), strrevcmp);
		size_t cur = arr[n - 1];
		g->ents.v[cur].len += es;
		for (size_t k = n - 1; k-- > 0;) {
			struct mentry *c = &g->ents.v[arr[k]], *e = &g->ents.v[cur];
			c->len += es;
			if (e->alignment >= c->alignment && !((e->len - c->len) & (c->alignment - 1)) && e->len > c->len &&
			    !memcmp(e->str + (e->len - c->len), c->str, c->len)) {
				c->suffix = (uint32_t)cur;
				c->alignment = 0;
			} else {
				cur = arr[k];
			}
		}
	}
	free(arr);
}

/* Positions: each section's own kept entries, in insertion order.  Returns the section whose
 * size was set last (bfd pads that one). */
static struct input_section *assign_positions(struct mgroup *g)
{
	uint64_t size = 0;
	struct input_section *cur = g->ents.v[0].sec;
	for (size_t i = 0; i < g->ents.n; i++) {
		struct mentry *e = &g->ents.v[i];
		if (g->strings) {
			if (e->sec != cur) {
				cur->merge->out_size = size;
				cur->merge->size_set = true;
				cur = e->sec;
			}
			if (!e->alignment)
				continue;
			if (e->sec->merge->first_ent == SIZE_MAX) {
				e->sec->merge->first_ent = i;
				size = 0;
			}
		} else if (e->sec->merge->first_ent == SIZE_MAX) {
			if (i)
				cur->merge->out_size = size;
			e->sec->merge->first_ent = i;
			size = 0;
		}
		size = align_to(size, e->alignment);
		e->index = size;
		e->kept = true;
		size += e->len;
		cur = e->sec;
	}
	cur->merge->out_size = size;
	cur->merge->size_set = true;
	if (g->strings) {
		/* strings stored inside a longer one take its place */
		for (size_t i = 0; i < g->ents.n; i++) {
			struct mentry *e = &g->ents.v[i];
			if (e->kept || !e->len)
				continue;
			const struct mentry *s = &g->ents.v[e->suffix];
			e->owner = s->owner;
			e->alignment = s->alignment;
			e->index = s->index + (s->len - e->len);
		}
	}
	return cur;
}

/* ---- the pass ---- */

void merge_sections(struct ctx *ctx)
{
	/* GNU ld links a non-ELF output (--oformat binary, ihex, ...) with bfd's generic linker,
	 * whose merge step does nothing: the inputs are copied whole */
	if (ctx_relocatable(ctx) || !oformat_is_elf(ctx))
		return;
	globals_move = false;
	for (size_t fi = 0; fi < ctx->files.n && !globals_move; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum && !globals_move; si++) {
			const struct input_section *isec = f->sections[si];
			globals_move = isec && !isec->discarded && isec->out && (isec->flags & SHF_MERGE) &&
				       !isec->out->noload;
		}
	}
	VEC(struct mgroup *) groups = {0};
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!mergeable(isec))
				continue;
			bool strings = (isec->flags & SHF_STRINGS) != 0;
			struct mgroup *g = NULL;
			for (size_t k = 0; k < groups.n && !g; k++) {
				struct mgroup *c = groups.v[k];
				if (c->out == isec->out && c->strings == strings && c->entsize == isec->entsize && c->align == isec->align)
					g = c;
			}
			if (!g) {
				g = arena_alloc(&ctx->arena, sizeof(*g));
				g->out = isec->out;
				g->strings = strings;
				g->entsize = isec->entsize;
				g->align = isec->align;
				vec_push(groups, g);
			}
			struct merge_section *ms = arena_alloc(&ctx->arena, sizeof(*ms));
			ms->kind = MS_MERGE;
			ms->group = g;
			ms->isec = isec;
			ms->first_ent = SIZE_MAX;
			ms->contents = isec->data;
			if (strings) {
				/* a last string without its terminator gets one, as in GNU ld */
				const uint8_t *tail = isec->data + isec->size - isec->entsize;
				bool terminated = true;
				for (uint64_t i = 0; i < isec->entsize; i++)
					terminated &= !tail[i];
				if (!terminated) {
					uint8_t *copy = arena_alloc(&ctx->arena, isec->size + isec->entsize);
					memcpy(copy, isec->data, isec->size);
					ms->contents = copy;
				}
			}
			isec->merge = ms;
			vec_push(g->secs, isec);
		}
	}
	for (size_t k = 0; k < groups.n; k++) {
		struct mgroup *g = groups.v[k];
		uint64_t pad = 1;
		for (size_t i = 0; i < g->secs.n; i++) {
			struct input_section *isec = g->secs.v[i];
			record_section(g, isec->merge);
			if (pad && (isec->size & (isec->align - 1)))
				pad = 0;
			else if (pad)
				pad = isec->align;
		}
		if (!g->ents.n)
			continue;
		if (g->strings)
			merge_strings(g);
		struct input_section *last = assign_positions(g);
		if (pad)
			last->merge->out_size = align_to(last->merge->out_size, pad);
		for (size_t i = 0; i < g->secs.n; i++) {
			struct input_section *isec = g->secs.v[i];
			if (isec->merge->first_ent == SIZE_MAX) {
				/* GNU ld excludes it: no size, and no alignment of the location counter.  Its
				 * map still shows the size bfd's loop left on it: the running size of the
				 * section before when it had entries (suffixes of others), else its own. */
				isec->merge->map_size = isec->merge->size_set ? isec->merge->out_size : isec->size;
				isec->merge->out_size = 0;
				isec->merge->excluded = true;
				isec->align = 1;
			}
		}
	}
	free(groups.v);
}

/* ---- queries ---- */

static uint64_t string_offset(const struct merge_section *ms, uint64_t off)
{
	const struct mgroup *g = ms->group;
	const struct input_section *isec = ms->isec;
	if (off >= isec->size)
		return ms->first_ent != SIZE_MAX ? ms->out_size : 0;
	const uint8_t *c = ms->contents, *p;
	uint64_t es = g->entsize;
	if (!g->strings) {
		p = c + off / es * es;
	} else if (es == 1) {
		p = c + off;
		while (p > c && p[-1])
			p--;
	} else {
		p = c + off / es * es;
		while (p > c) {
			uint64_t i;
			for (i = 0; i < es && !p[-(ptrdiff_t)es + (ptrdiff_t)i]; i++)
				;
			if (i == es)
				break;
			p -= es;
		}
	}
	const struct mentry *e = g->table ? entry_find(g, p) : NULL;
	if (!e || !e->len) {
		/* inside padding between strings: GNU ld falls back to the first kept entry */
		size_t first = 0;
		while (first < g->ents.n && !g->ents.v[first].kept)
			first++;
		if (first == g->ents.n)
			return off;
		e = &g->ents.v[first];
		p = c + (off / es + 1) * es - e->len;
	}
	return e->owner->out_offset + e->index + (uint64_t)(c + off - p) - isec->out_offset;
}

uint64_t merged_offset(const struct input_section *isec, uint64_t off)
{
	const struct merge_section *ms = isec->merge;
	if (!ms)
		return off;
	if (ms->kind == MS_EH)
		return eh_frame_offset(ms->eh, isec, off, NULL);
	return string_offset(ms, off);
}

bool place_offset(const struct input_section *isec, uint64_t off, uint64_t *out)
{
	const struct merge_section *ms = isec->merge;
	bool dropped = false;
	if (isec->reverse_copy) {
		uint64_t w = reverse_copy_word(isec);
		*out = isec->size - w - (off - off % w) + off % w;
	} else if (!ms)
		*out = off;
	else if (ms->kind == MS_EH)
		*out = eh_frame_offset(ms->eh, isec, off, &dropped);
	else
		*out = string_offset(ms, off);
	return !dropped;
}

/* An SHF_MERGE input whose entries all went to others: bfd marks it SEC_EXCLUDE, and sizing
 * passes it by (not even SUBALIGN aligns `.` for it) */
bool merge_input_excluded(const struct input_section *isec)
{
	return isec->merge && isec->merge->excluded;
}

uint64_t merged_map_size(const struct input_section *isec)
{
	return isec->merge && isec->merge->kind != MS_EH ? isec->merge->map_size : isec->size;
}

uint64_t isec_output_size(const struct input_section *isec)
{
	const struct merge_section *ms = isec->merge;
	if (!ms)
		return isec->size;
	if (ms->kind == MS_EH)
		return eh_frame_size(ms->eh);
	return ms->out_size;
}

void merge_write(const struct input_section *isec, uint8_t *out)
{
	const struct merge_section *ms = isec->merge;
	if (!ms) {
		if (isec->data)
			memcpy(out, isec->data, isec->size);
		return;
	}
	if (ms->kind == MS_EH) {
		eh_frame_write(ms->eh, isec, out);
		return;
	}
	if (ms->first_ent == SIZE_MAX)
		return;
	const struct mgroup *g = ms->group;
	uint64_t pos = 0;
	for (size_t i = ms->first_ent; i < g->ents.n; i++) {
		const struct mentry *e = &g->ents.v[i];
		if (e->sec != isec)
			break;
		if (!e->kept)
			continue; /* deleted, or stored inside another string */
		memset(out + pos, 0, e->index - pos);
		memcpy(out + e->index, e->str, e->len);
		pos = e->index + e->len;
	}
	memset(out + pos, 0, ms->out_size - pos);
}

void merge_attach_eh(struct ctx *ctx, struct input_section *isec, struct eh_section *eh)
{
	struct merge_section *ms = arena_alloc(&ctx->arena, sizeof(*ms));
	ms->kind = MS_EH;
	ms->isec = isec;
	ms->eh = eh;
	ms->first_ent = SIZE_MAX;
	isec->merge = ms;
}
