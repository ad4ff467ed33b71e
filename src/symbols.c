/* The global symbol table and GNU ld's resolution rules (strong, weak, common, undefined). */
#include <stdlib.h>

#include "passes.h"

struct symtab {
	struct symbol **slots;
	size_t cap, n;
	uint32_t object_seq;            /* symbols named by objects so far */
};

static void symtab_grow(struct symtab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 4096;
	struct symbol **slots = xcalloc(cap, sizeof(*slots));
	for (size_t i = 0; i < t->cap; i++) {
		struct symbol *s = t->slots[i];
		if (!s)
			continue;
		size_t j = hash_str(s->name) & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = s;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

struct symbol *symbol_find(struct ctx *ctx, const char *name)
{
	struct symtab *t = ctx->symtab;
	if (!t || !t->cap)
		return NULL;
	size_t j = hash_str(name) & (t->cap - 1);
	for (struct symbol *s; (s = t->slots[j]); j = (j + 1) & (t->cap - 1))
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

/* The symbol named `name`, created undefined if absent.  `name` must live as long as the link. */
struct symbol *symbol_intern(struct ctx *ctx, const char *name)
{
	if (!ctx->symtab)
		ctx->symtab = arena_alloc(&ctx->arena, sizeof(struct symtab));
	struct symtab *t = ctx->symtab;
	if ((t->n + 1) * 2 > t->cap)
		symtab_grow(t);
	size_t j = hash_str(name) & (t->cap - 1);
	for (struct symbol *s; (s = t->slots[j]); j = (j + 1) & (t->cap - 1))
		if (!strcmp(s->name, name))
			return s;
	struct symbol *s = arena_alloc(&ctx->arena, sizeof(*s));
	s->name = name;
	s->kind = SYM_UNDEF;
	s->bind = STB_GLOBAL;
	s->weak_ref_only = true;
	s->order = (uint32_t)t->n;
	t->slots[j] = s;
	t->n++;
	return s;
}

/* All global symbols in creation order (deterministic whatever the hashing). */
struct symbol **symbol_all(struct ctx *ctx, size_t *count)
{
	struct symtab *t = ctx->symtab;
	*count = t ? t->n : 0;
	struct symbol **all = xcalloc(*count ? *count : 1, sizeof(*all));
	for (size_t i = 0; t && i < t->cap; i++)
		if (t->slots[i])
			all[t->slots[i]->order] = t->slots[i];
	return all;
}

static const char *def_place(struct ctx *ctx, const struct symbol *s)
{
	if (s->isec)
		return arena_printf(&ctx->arena, "%s:(%s+0x%llx)", s->file->name, section_label(ctx, s->isec),
				    (unsigned long long)s->value);
	return s->file ? s->file->name : "command line";
}

/* Visibility merges to the most constraining one seen (gABI: hidden/internal beat protected). */
static uint8_t merge_visibility(uint8_t a, uint8_t b)
{
	if (a == STV_DEFAULT)
		return b;
	if (b == STV_DEFAULT)
		return a;
	return a < b ? a : b;
}

/* Add one global symbol from an object file, applying GNU ld's precedence:
 * strong definition > common > weak definition > undefined. */
struct symbol *symbol_add_global(struct ctx *ctx, struct input_file *f, const char *name,
				 const GElf_Sym *esym, struct input_section *isec)
{
	struct symbol *s = symbol_intern(ctx, name);
	if (!s->object_seq)
		s->object_seq = ++ctx->symtab->object_seq;
	uint8_t bind = GELF_ST_BIND(esym->st_info);
	uint8_t type = GELF_ST_TYPE(esym->st_info);
	s->visibility = merge_visibility(s->visibility, GELF_ST_VISIBILITY(esym->st_other));
	/* GNU ld keeps a symbol's size and type from whichever sighting gave one: a definition
	 * without .size keeps the size of the common it replaces */
	uint64_t old_size = s->size;
	uint8_t old_type = s->type;

	if (esym->st_shndx == SHN_UNDEF) {
		if (type != STT_NOTYPE && s->type == STT_NOTYPE)
			s->type = type; /* bfd's hash entry takes a type from any sighting while it has none */
		if (s->kind == SYM_UNDEF && !s->size)
			s->size = esym->st_size;
		if (bind != STB_WEAK)
			s->weak_ref_only = false;
		s->referenced = true;
		if (s->kind == SYM_UNDEF) {
			if (!s->file)
				s->file = f;
			s->bind = s->weak_ref_only ? STB_WEAK : STB_GLOBAL;
		}
		return s;
	}

	bool is_common = esym->st_shndx == SHN_COMMON;
	if (is_common && ctx->opt.inhibit_common_definition) {
		/* --no-define-common: a common symbol is a reference (bfd's elf_link_add_object_symbols) */
		GElf_Sym u = *esym;
		u.st_shndx = SHN_UNDEF;
		u.st_value = u.st_size = 0;
		return symbol_add_global(ctx, f, name, &u, NULL);
	}
	bool weak = bind == STB_WEAK;
	bool existing_def = s->kind == SYM_DEFINED || s->kind == SYM_SCRIPT;
	bool existing_weak = existing_def && s->bind == STB_WEAK;

	if (is_common) {
		if (s->kind == SYM_COMMON) {
			/* the largest size and alignment win; the larger one's file keeps it */
			if (esym->st_size > s->size) {
				s->size = esym->st_size;
				s->file = f;
				f->common_made = true;
			}
			if (type != STT_NOTYPE && s->type == STT_NOTYPE)
				s->type = type;
			if (esym->st_value > s->value)
				s->value = esym->st_value;
			return s;
		}
		/* (one the script's first fold defined stays the script's: its assignment runs
		 * in GNU ld's mark phase, before commons are allocated; DEFINED sees the common) */
		if (s->kind == SYM_SCRIPT && !existing_weak)
			s->by_object = true;
		if (existing_def && !existing_weak) {
			/* a real definition beats a common one, which still gives the size and
			 * type the definition did not */
			if (!s->size)
				s->size = esym->st_size;
			if (type != STT_NOTYPE && s->type == STT_NOTYPE)
				s->type = type;
			return s;
		}
	} else if (existing_def) {
		if (s->kind == SYM_SCRIPT && !existing_weak) {
			/* what the script's first fold defined, an object's definition (even a weak
			 * one) replaces (bfd's ldscript_def); the script's assignment, where the
			 * layout runs it, then sets the value again */
			goto take;
		}
		if (weak)
			return s; /* the first weak definition stays */
		if (!existing_weak) {
			if (isec && s->isec && s->isec->discarded)
				goto take;
			error(ctx, "%s:(%s+0x%llx): multiple definition of `%s'; %s: first defined here",
			      f->name, isec ? section_label(ctx, isec) : "*ABS*", (unsigned long long)esym->st_value,
			      name, def_place(ctx, s));
			return s;
		}
	} else if (s->kind == SYM_COMMON) {
		if (weak)
			return s; /* a common symbol beats a weak definition */
		/* a strong definition beats a common one; GNU ld keeps the larger alignment only
		 * for warnings, the definition's own section decides */
	}
take:
	s->file = f;
	s->isec = isec;
	s->osec = NULL;
	s->type = type != STT_NOTYPE ? type : old_type;
	s->bind = weak ? STB_WEAK : bind == STB_GNU_UNIQUE ? STB_GNU_UNIQUE : STB_GLOBAL; /* GNU ld keeps UNIQUE */
	s->shndx = esym->st_shndx;
	s->size = esym->st_size ? esym->st_size : old_size;
	s->value = esym->st_value;
	s->kind = is_common ? SYM_COMMON : SYM_DEFINED;
	if (is_common)
		f->common_made = true;
	return s;
}

/* Does an archive member need loading to define `name`?  Only a strong undefined reference
 * pulls a member, as in GNU ld. */
bool symbol_wants_definition(struct ctx *ctx, const char *name)
{
	struct symbol *s = symbol_find(ctx, name);
	return s && s->kind == SYM_UNDEF && s->referenced && !s->weak_ref_only;
}

/* GNU ld writes global symbols, and hands out GOT slots, in the traversal order of its symbol
 * hash table (bfd/hash.c): chained buckets, newest entry first in a bucket, 4051 buckets growing
 * to the next prime near a power of two when over 3/4 full.  We replay the insertions in our
 * creation order to get the same order, so those outputs compare byte for byte. */
static unsigned long bfd_style_hash(const char *s)
{
	unsigned long h = 0;
	unsigned int c, len = 0;
	for (; (c = (unsigned char)*s) != 0; s++, len++) {
		h += c + (c << 17);
		h ^= h >> 2;
	}
	h += len + ((unsigned long)len << 17);
	h ^= h >> 2;
	return h;
}

static unsigned long next_prime_size(unsigned long n)
{
	static const unsigned long primes[] = {31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521,
					       131071, 262139, 524287, 1048573, 2097143, 4194301, 8388593,
					       16777213, 33554393, 67108859, 134217689, 268435399, 536870909,
					       1073741789, 2147483647};
	for (size_t i = 0; i < sizeof(primes) / sizeof(primes[0]); i++)
		if (primes[i] > n)
			return primes[i];
	return 0;
}

struct symbol **symbol_hash_order(struct ctx *ctx, size_t *count)
{
	size_t n;
	struct symbol **all = symbol_all(ctx, &n);
	unsigned long size = 4051;
	unsigned long *hash = xcalloc(n ? n : 1, sizeof(*hash));
	size_t *next = xcalloc(n ? n : 1, sizeof(*next));   /* chain links, index + 1 */
	size_t *bucket = xcalloc(size, sizeof(*bucket));
	for (size_t i = 0; i < n; i++) {
		hash[i] = bfd_style_hash(all[i]->name);
		size_t b = hash[i] % size;
		next[i] = bucket[b];
		bucket[b] = i + 1;
		if (i + 1 > size * 3 / 4) {
			unsigned long newsize = next_prime_size(size);
			if (!newsize)
				continue;
			size_t *nb = xcalloc(newsize, sizeof(*nb));
			for (unsigned long hi = 0; hi < size; hi++) {
				while (bucket[hi]) {
					/* bfd moves runs of equal hashes together, keeping their order */
					size_t chain = bucket[hi], end = chain;
					while (next[end - 1] && hash[next[end - 1] - 1] == hash[chain - 1])
						end = next[end - 1];
					bucket[hi] = next[end - 1];
					size_t nbk = hash[chain - 1] % newsize;
					next[end - 1] = nb[nbk];
					nb[nbk] = chain;
				}
			}
			free(bucket);
			bucket = nb;
			size = newsize;
		}
	}
	struct symbol **order = xcalloc(n ? n : 1, sizeof(*order));
	size_t k = 0;
	for (unsigned long b = 0; b < size; b++)
		for (size_t e = bucket[b]; e; e = next[e - 1])
			order[k++] = all[e - 1];
	*count = k;
	free(all);
	free(hash);
	free(next);
	free(bucket);
	return order;
}

/* GNU ld defines a referenced, undefined __start_SEC / __stop_SEC, SEC a C identifier some
 * input section is named, once the inputs are open (lang_init_start_stop): with the
 * start-stop visibility, before the script's PROVIDEs of it are wanted (those wait: the
 * symbol is the linker's unless SEC goes to an output section of another name), and before
 * relocations are scanned (a GOT load of it relaxes, an address is relocated). */
void symbols_mark_start_stop(struct ctx *ctx)
{
	if (ctx_relocatable(ctx))
		return;
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		const struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			const struct input_section *isec = f->sections[si];
			if (!isec || isec->discarded)
				continue;
			/* (.startof.SEC and .sizeof.SEC too, local ones, defined in SEC as bfd has them
			 * then: a PIC output relocates both) */
			for (int size = 0; size < 2; size++) {
				char so[256];
				struct symbol *st = (size_t)snprintf(so, sizeof(so), "%s%s", size ? ".sizeof." : ".startof.",
								     isec->name) < sizeof(so) ? symbol_find(ctx, so) : NULL;
				if (st && st->kind == SYM_UNDEF)
					st->start_stop = st->forced_local = true;
			}
			if (!c_identifier(isec->name))
				continue;
			for (int stop = 0; stop < 2; stop++) {
				char buf[256];
				if ((size_t)snprintf(buf, sizeof(buf), "%s%s", stop ? "__stop_" : "__start_", isec->name) >= sizeof(buf))
					continue;
				struct symbol *s = symbol_find(ctx, buf);
				if (!s || s->kind != SYM_UNDEF || s->start_stop)
					continue;
				s->start_stop = true;
				if (s->visibility == STV_DEFAULT)
					s->visibility = ctx->opt.z_start_stop_visibility;
			}
		}
	}
}
