/* Inputs: ELF relocatable objects, archives (pulled member by member as GNU ld does), groups,
 * and non-ELF inputs read as linker scripts. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "archive.h"
#include "passes.h"
#include "script.h"
#include "target.h"

/* ---- COMDAT signatures: the first group of a signature wins ---- */
struct comdat_set {
	const char **slots;
	size_t cap, n;
};

/* Returns true if `sig` was new (this group wins). */
static bool comdat_claim(struct ctx *ctx, const char *sig)
{
	struct comdat_set *t = ctx->comdats;
	if (!t)
		t = ctx->comdats = arena_alloc(&ctx->arena, sizeof(*t));
	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		const char **slots = xcalloc(cap, sizeof(*slots));
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->slots[i])
				continue;
			size_t j = hash_str(t->slots[i]) & (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = t->slots[i];
		}
		free(t->slots);
		t->slots = slots;
		t->cap = cap;
	}
	size_t j = hash_str(sig) & (t->cap - 1);
	for (; t->slots[j]; j = (j + 1) & (t->cap - 1))
		if (!strcmp(t->slots[j], sig))
			return false;
	t->slots[j] = sig;
	t->n++;
	return true;
}

/* ---- ELF objects ---- */

static bool is_elf(const uint8_t *data, size_t size)
{
	return size >= 4 && !memcmp(data, ELFMAG, SELFMAG);
}

static const char *elf_error_text(void) { return elf_errmsg(-1); }

/* Choose the target from -m or from the first ELF object, and check later ones match. */
static bool check_machine(struct ctx *ctx, struct input_file *f)
{
	if (!ctx->target) {
		ctx->target = target_by_machine(f->machine, f->elfclass);
		if (!ctx->target) {
			error(ctx, "%s: unsupported ELF machine %u (class %d)", f->name, f->machine, f->elfclass);
			return false;
		}
		return true;
	}
	if (ctx->target->machine != f->machine || ctx->target->elfclass != f->elfclass) {
		const struct target *t = target_by_machine(f->machine, f->elfclass);
		error(ctx, "%s architecture of input file `%s' is incompatible with %s output",
		      t ? t->arch_name : "unknown", f->name, ctx->target->arch_name);
		return false;
	}
	return true;
}

/* The sections GNU ld counts as debugging information (SEC_DEBUGGING), dropped by -S and -s */
static bool is_debug_section(const char *name)
{
	static const char *const prefixes[] = {".debug", ".gnu.debuglto_.debug_", ".gnu.linkonce.wi.", ".zdebug", ".line", ".stab"};
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static bool is_content_section(const GElf_Shdr *sh)
{
	switch (sh->sh_type) {
	case SHT_NULL:
	case SHT_SYMTAB:
	case SHT_STRTAB:
	case SHT_REL:
	case SHT_RELA:
	case SHT_GROUP:
	case SHT_SYMTAB_SHNDX:
		return false;
	default:
		return true;
	}
}

/* Mark the members of a COMDAT group that lost to an earlier one. */
struct member_info {
	bool lost;          /* in a COMDAT group that lost to an earlier one */
	const char *group;  /* signature of the group it is in */
};

static bool read_group(struct ctx *ctx, struct input_file *f, Elf_Scn *scn, const GElf_Shdr *sh,
		       struct member_info *member)
{
	const uint8_t *p = f->data + sh->sh_offset;
	size_t n = sh->sh_size / 4;
	if (n == 0 || sh->sh_link != f->symtab_index) {
		error(ctx, "%s: malformed section group [%zu]", f->name, elf_ndxscn(scn));
		return false;
	}
	bool comdat = rd32(p) & GRP_COMDAT;
	Elf_Data *d = elf_getdata(elf_getscn(f->elf, f->symtab_index), NULL);
	GElf_Sym sym;
	if (!d || !gelf_getsym(d, (int)sh->sh_info, &sym)) {
		error(ctx, "%s: section group [%zu] has a bad signature symbol index %u", f->name,
		      elf_ndxscn(scn), (unsigned)sh->sh_info);
		return false;
	}
	const char *sig = elf_strptr(f->elf, f->strtab_index, sym.st_name);
	if (!sig) {
		error(ctx, "%s: section group [%zu]: bad signature name", f->name, elf_ndxscn(scn));
		return false;
	}
	/* a signature naming a section symbol is the section's name */
	if (GELF_ST_TYPE(sym.st_info) == STT_SECTION && sym.st_shndx < f->shnum) {
		GElf_Shdr ssh;
		if (gelf_getshdr(elf_getscn(f->elf, sym.st_shndx), &ssh))
			sig = elf_strptr(f->elf, f->shstrndx, ssh.sh_name);
		if (!sig)
			sig = "";
	}
	bool lost = comdat && !comdat_claim(ctx, sig);
	if (n > 1)
		f->groups[f->ngroups++] = (struct input_group){(uint32_t)elf_ndxscn(scn), rd32(p + 4),
							      elf_strptr(f->elf, f->shstrndx, sh->sh_name)};
	for (size_t i = 1; i < n; i++) {
		uint32_t idx = rd32(p + 4 * i);
		if (idx >= f->shnum) {
			error(ctx, "%s: section group [%zu] names section %u out of range", f->name,
			      elf_ndxscn(scn), idx);
			return false;
		}
		member[idx].lost |= lost;
		member[idx].group = sig;
	}
	return true;
}

static struct input_section *section_of(struct ctx *ctx, struct input_file *f, const GElf_Sym *sym,
					uint32_t symidx, bool *bad)
{
	uint32_t shndx = sym->st_shndx;
	*bad = false;
	if (shndx == SHN_XINDEX) {
		if (!f->symtab_shndx) {
			error(ctx, "%s: symbol %u uses SHN_XINDEX without SHT_SYMTAB_SHNDX", f->name, symidx);
			*bad = true;
			return NULL;
		}
		shndx = f->symtab_shndx[symidx];
	} else if (shndx == SHN_UNDEF || shndx == SHN_ABS || shndx == SHN_COMMON || shndx >= SHN_LORESERVE) {
		return NULL;
	}
	if (shndx >= f->shnum) {
		error(ctx, "%s: symbol %u has a bad section index %u", f->name, symidx, shndx);
		*bad = true;
		return NULL;
	}
	return f->sections[shndx];
}

/* GNU's .gnu.warning sections: `.gnu.warning' holds a message printed when the file is
 * linked (ldelf.c), `.gnu.warning.SYMBOL' one printed where SYMBOL is first referred to
 * (elflink.c); in an executable the second is not copied to the output (SEC_EXCLUDE), and in
 * any final link the first is left empty. */
static void gnu_warning_section(struct ctx *ctx, struct input_file *f, struct input_section *isec)
{
	size_t len = isec->type == SHT_NOBITS ? 0 : isec->size;
	char *msg = arena_alloc(&ctx->arena, len + 1);
	memcpy(msg, isec->data ? (const char *)isec->data : "", len);
	msg[len] = 0;
	bool symbolic = isec->name[12] == '.';
	if (symbolic) {
		struct symbol *s = symbol_intern(ctx, arena_strdup(&ctx->arena, isec->name + 13));
		if (!s->warning)
			s->warning = msg;
	} else if (!ctx_relocatable(ctx)) {
		/* (printed after the symbols' warnings, as GNU ld prints it once all is open) */
		vec_push(ctx->file_warnings, ((struct file_warning){f, msg}));
	}
	if (symbolic && (ctx->opt.kind == OUT_EXEC || ctx->opt.kind == OUT_PIE)) {
		isec->dropped_unmapped = true;
		isec->discarded = true;
	} else if (!symbolic && !ctx_relocatable(ctx)) {
		isec->size = 0; /* mapped like any section, its symbols defined, but empty */
	}
}

static bool read_symbols(struct ctx *ctx, struct input_file *f)
{
	if (!f->symtab_index)
		return true;
	Elf_Scn *scn = elf_getscn(f->elf, f->symtab_index);
	Elf_Data *d = elf_getdata(scn, NULL);
	if (!d) {
		error(ctx, "%s: cannot read the symbol table: %s", f->name, elf_error_text());
		return false;
	}
	size_t entsize = f->elfclass == ELFCLASS64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	f->nsyms = d->d_size / entsize;
	if (f->first_global > f->nsyms) {
		error(ctx, "%s: .symtab sh_info %zu is past its %zu symbols", f->name, f->first_global, f->nsyms);
		return false;
	}
	f->syms = arena_alloc(&ctx->arena, f->nsyms * sizeof(*f->syms));
	struct symbol *locals = arena_alloc(&ctx->arena, (f->first_global ? f->first_global : 1) * sizeof(*locals));
	bool ok = true;
	for (size_t i = 1; i < f->nsyms; i++) {
		GElf_Sym sym;
		if (!gelf_getsym(d, (int)i, &sym)) {
			error(ctx, "%s: cannot read symbol %zu", f->name, i);
			return false;
		}
		const char *name = elf_strptr(f->elf, f->strtab_index, sym.st_name);
		if (!name) {
			error(ctx, "%s: symbol %zu has a bad name offset 0x%x", f->name, i, (unsigned)sym.st_name);
			return false;
		}
		bool bad;
		struct input_section *isec = section_of(ctx, f, &sym, (uint32_t)i, &bad);
		if (bad) {
			ok = false;
			continue;
		}
		if (i < f->first_global) {
			struct symbol *s = &locals[i];
			s->name = name;
			s->file = f;
			s->isec = isec;
			s->value = sym.st_value;
			s->size = sym.st_size;
			s->type = GELF_ST_TYPE(sym.st_info);
			s->bind = STB_LOCAL;
			s->visibility = GELF_ST_VISIBILITY(sym.st_other);
			s->shndx = sym.st_shndx;
			s->kind = SYM_DEFINED;
			s->is_local = true;
			if (sym.st_shndx == SHN_UNDEF)
				s->kind = SYM_UNDEF;
			f->syms[i] = s;
			continue;
		}
		if (GELF_ST_BIND(sym.st_info) == STB_LOCAL) {
			error(ctx, "%s: local symbol `%s' found at index %zu, past the locals (sh_info %zu)",
			      f->name, name, i, f->first_global);
			ok = false;
			continue;
		}
		if (sym.st_shndx != SHN_UNDEF && sym.st_shndx != SHN_ABS && sym.st_shndx != SHN_COMMON &&
		    !isec && sym.st_shndx < SHN_LORESERVE) {
			/* defined in a section we do not keep (e.g. a non-content section) */
			GElf_Sym u = sym;
			u.st_shndx = SHN_UNDEF;
			f->syms[i] = symbol_add_global(ctx, f, name, &u, NULL);
			continue;
		}
		if (isec && isec->discarded) {
			/* defined in a COMDAT group or linkonce section that lost: the winner's
			 * definition is the one.  Without one the symbol is undefined, with its own
			 * binding, so a relocation against it is an undefined reference; the dropped
			 * definition itself is no reference (it pulls no member, and nothing
			 * unused is output) */
			GElf_Sym u = sym;
			u.st_shndx = SHN_UNDEF;
			const struct symbol *before = symbol_find(ctx, name);
			bool referenced = before && before->referenced;
			f->syms[i] = symbol_add_global(ctx, f, name, &u, NULL);
			f->syms[i]->referenced = referenced || f->syms[i]->kind != SYM_UNDEF;
			f->syms[i]->discarded_def = true;
			continue;
		}
		f->syms[i] = symbol_add_global(ctx, f, name, &sym, isec);
	}
	return ok;
}

/* Open one relocatable object held in memory and add its sections and symbols to the link. */
struct input_file *object_load(struct ctx *ctx, const char *name, const char *archive, const char *member,
			       const uint8_t *data, size_t size)
{
	struct input_file *f = arena_alloc(&ctx->arena, sizeof(*f));
	f->name = name;
	f->given = archive ? NULL : name;
	f->archive = archive;
	f->member = member;
	f->data = data;
	f->size = size;
	f->order = ctx->file_order++;

	f->elf = elf_memory((char *)data, size);
	GElf_Ehdr eh;
	if (!f->elf || elf_kind(f->elf) != ELF_K_ELF || !gelf_getehdr(f->elf, &eh)) {
		error(ctx, "%s: file format not recognized: %s", name, elf_error_text());
		return NULL;
	}
	f->elfclass = gelf_getclass(f->elf);
	f->machine = eh.e_machine;
	/* libelf trusts the header; check the section header table lies in the file */
	size_t shentsize = f->elfclass == ELFCLASS64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	if (eh.e_shoff && eh.e_shentsize != shentsize) {
		error(ctx, "%s: bad section header entry size %u", name, eh.e_shentsize);
		return NULL;
	}
	if (eh.e_shoff > size || (eh.e_shoff && size - eh.e_shoff < shentsize) ||
	    (uint64_t)eh.e_shnum * shentsize > size - (eh.e_shoff > size ? size : eh.e_shoff)) {
		error(ctx, "%s: file is truncated: the section header table (offset 0x%llx, %u entries) ends past "
			   "the end of the file (size 0x%zx)",
		      name, (unsigned long long)eh.e_shoff, eh.e_shnum, size);
		return NULL;
	}
	if (!eh.e_shoff) {
		error(ctx, "%s: not a relocatable object: no section header table", name);
		return NULL;
	}
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB) {
		error(ctx, "%s: big-endian objects are not supported", name);
		return NULL;
	}
	if (eh.e_type == ET_DYN) {
		error(ctx, "%s: shared object inputs are not supported; link against static archives", name);
		return NULL;
	}
	if (eh.e_type != ET_REL) {
		error(ctx, "%s: not a relocatable object (e_type %u)", name, eh.e_type);
		return NULL;
	}
	if (!check_machine(ctx, f))
		return NULL;
	if (elf_getshdrnum(f->elf, &f->shnum) || elf_getshdrstrndx(f->elf, &f->shstrndx)) {
		error(ctx, "%s: bad section headers: %s", name, elf_error_text());
		return NULL;
	}
	if (f->shstrndx >= f->shnum && f->shnum) {
		error(ctx, "%s: bad section name table index %zu", name, f->shstrndx);
		return NULL;
	}

	/* first sweep: headers, bounds, the symbol table */
	GElf_Shdr *shdrs = xcalloc(f->shnum ? f->shnum : 1, sizeof(*shdrs));
	struct member_info *members = xcalloc(f->shnum ? f->shnum : 1, sizeof(*members));
	f->sections = arena_alloc(&ctx->arena, (f->shnum ? f->shnum : 1) * sizeof(*f->sections));
	bool ok = true;
	for (size_t i = 1; i < f->shnum && ok; i++) {
		Elf_Scn *scn = elf_getscn(f->elf, i);
		if (!scn || !gelf_getshdr(scn, &shdrs[i])) {
			error(ctx, "%s: cannot read section header %zu: %s", name, i, elf_error_text());
			ok = false;
			break;
		}
		GElf_Shdr *sh = &shdrs[i];
		if (sh->sh_type != SHT_NOBITS && (sh->sh_offset > size || sh->sh_size > size - sh->sh_offset)) {
			error(ctx, "%s: file is truncated: section [%zu] (offset 0x%llx, size 0x%llx) extends past the end of the file (size 0x%zx)",
			      name, i, (unsigned long long)sh->sh_offset, (unsigned long long)sh->sh_size, size);
			ok = false;
		}
		if (sh->sh_type == SHT_SYMTAB) {
			if (f->symtab_index) {
				error(ctx, "%s: more than one symbol table", name);
				ok = false;
			}
			f->symtab_index = (uint32_t)i;
			f->strtab_index = sh->sh_link;
			f->first_global = sh->sh_info;
			if (sh->sh_link >= f->shnum || sh->sh_link == 0) {
				error(ctx, "%s: symbol table links to bad string table index %u", name, (unsigned)sh->sh_link);
				ok = false;
			}
		}
	}
	size_t ngroups = 0;
	for (size_t i = 1; i < f->shnum; i++)
		ngroups += shdrs[i].sh_type == SHT_GROUP;
	f->groups = ngroups ? arena_alloc(&ctx->arena, ngroups * sizeof(*f->groups)) : NULL;
	for (size_t i = 1; i < f->shnum && ok; i++) {
		if (shdrs[i].sh_type == SHT_SYMTAB_SHNDX && shdrs[i].sh_link == f->symtab_index)
			f->symtab_shndx = (uint32_t *)(uintptr_t)(f->data + shdrs[i].sh_offset);
		if (shdrs[i].sh_type == SHT_GROUP) /* -r too: GNU ld keeps the first group of a signature */
			ok = read_group(ctx, f, elf_getscn(f->elf, i), &shdrs[i], members);
	}
	if (f->symtab_shndx && ((uintptr_t)f->symtab_shndx & 3)) {
		error(ctx, "%s: misaligned SHT_SYMTAB_SHNDX", name);
		ok = false;
	}

	/* second sweep: content sections and relocation sections */
	for (size_t i = 1; i < f->shnum && ok; i++) {
		GElf_Shdr *sh = &shdrs[i];
		const char *sname = elf_strptr(f->elf, f->shstrndx, sh->sh_name);
		if (!sname) {
			error(ctx, "%s: section [%zu] has a bad name offset 0x%x", name, i, (unsigned)sh->sh_name);
			ok = false;
			break;
		}
		if (sh->sh_type == SHT_REL || sh->sh_type == SHT_RELA) {
			if (sh->sh_info >= f->shnum || sh->sh_link != f->symtab_index || !f->symtab_index) {
				error(ctx, "%s: relocation section %s [%zu] has bad links (info %u, link %u)", name,
				      sname, i, (unsigned)sh->sh_info, (unsigned)sh->sh_link);
				ok = false;
			}
			continue;
		}
		if (!is_content_section(sh))
			continue;
		struct input_section *isec = arena_alloc(&ctx->arena, sizeof(*isec));
		isec->file = f;
		isec->name = sname;
		isec->index = (uint32_t)i;
		isec->type = sh->sh_type;
		isec->flags = sh->sh_flags;
		isec->size = sh->sh_size;
		isec->align = sh->sh_addralign ? sh->sh_addralign : 1;
		isec->entsize = sh->sh_entsize;
		if ((sh->sh_flags & SHF_LINK_ORDER) && sh->sh_link < f->shnum && sh->sh_link != i)
			isec->link_order_to = sh->sh_link;
		isec->data = sh->sh_type == SHT_NOBITS ? NULL : f->data + sh->sh_offset;
		isec->discarded = isec->comdat_lost = members[i].lost;
		isec->group = members[i].group;
		/* .gnu.linkonce.* outside a group is the COMDAT of old: the first section of a name
		 * is kept, later ones are dropped (bfd's _bfd_elf_section_already_linked) */
		if (!isec->group && !strncmp(sname, ".gnu.linkonce.", 14) && !comdat_claim(ctx, sname))
			isec->discarded = isec->comdat_lost = true;
		if (!is_pow2(isec->align)) {
			error(ctx, "%s: section %s has alignment %llu, not a power of two", name, sname,
			      (unsigned long long)isec->align);
			ok = false;
		}
		if (!strcmp(sname, ".note.GNU-stack")) {
			ctx->saw_stack_note = true;
			if (!ctx->execstack_note_file)
				ctx->stack_note = isec;
			if ((sh->sh_flags & SHF_EXECINSTR) && !ctx->execstack_note_file)
				ctx->execstack_note_file = f;
		} else if (!strncmp(sname, ".gnu.warning", 12) && (!sname[12] || sname[12] == '.') && !isec->discarded) {
			gnu_warning_section(ctx, f, isec);
		} else if (!ctx_relocatable(ctx) && (sh->sh_flags & SHF_EXCLUDE)) {
			isec->dropped_unmapped = !isec->discarded; /* a COMDAT loser is mapped to nothing */
			isec->discarded = true;
		} else if (ctx->opt.strip != STRIP_NONE && is_debug_section(sname)) {
			isec->discarded = true; /* -S / -s */
		}
		f->sections[i] = isec;
	}
	for (size_t i = 1; i < f->shnum && ok; i++) {
		GElf_Shdr *sh = &shdrs[i];
		if ((sh->sh_type == SHT_REL || sh->sh_type == SHT_RELA) && f->sections[sh->sh_info]) {
			size_t want = sh->sh_type == SHT_RELA ? (f->elfclass == ELFCLASS64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela))
							     : (f->elfclass == ELFCLASS64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
			if (sh->sh_size % want) {
				error(ctx, "%s: relocation section [%zu] size 0x%llx is not a multiple of %zu", name, i,
				      (unsigned long long)sh->sh_size, want);
				ok = false;
			}
			f->sections[sh->sh_info]->rel_index = (uint32_t)i;
		}
	}
	/* an object without .note.GNU-stack asks for an executable stack (GNU ld on x86); one
	 * without any section asks nothing */
	bool has_stack_note = false, has_section = false;
	for (size_t i = 1; i < f->shnum; i++) {
		has_section |= f->sections[i] != NULL;
		if (f->sections[i] && !strcmp(f->sections[i]->name, ".note.GNU-stack"))
			has_stack_note = true;
	}
	if (has_section && !has_stack_note)
		ctx->no_stack_note_file = f;
	free(shdrs);
	free(members);
	if (!ok || !read_symbols(ctx, f))
		return NULL;
	vec_push(ctx->files, f);
	/* GNU ld's -t names each input as it is opened: archives by their own name (load_path),
	 * only thin archives' members one by one (member_load) */
	if (ctx->opt.trace && !archive)
		printf("%s\n", f->name);
	return f;
}

/* ---- archives ---- */

/* Pull members that define a currently undefined symbol, until a pass pulls none, walking
 * the index in order as GNU ld does (this fixes the order of the members in the output). */
static bool archive_extract_needed(struct ctx *ctx, struct archive *ar)
{
	bool any = false;
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < ar->nindex; i++) {
			struct archive_member *m = ar->index[i].member;
			if (m->loaded || !symbol_wants_definition(ctx, ar->index[i].name))
				continue;
			struct symbol *ref = symbol_find(ctx, ar->index[i].name); /* still undefined */
			struct input_file *ref_file = ref ? ref->file : NULL;
			if (!member_load(ctx, m))
				return any;
			m->file->extract_symbol = ar->index[i].name;
			m->file->extract_ref = ref_file;
			again = any = true;
		}
	}
	return any;
}

bool member_load(struct ctx *ctx, struct archive_member *m)
{
	m->loaded = true;
	m->file = object_load(ctx, m->display, m->ar->path, m->name, m->data, m->size);
	if (m->file && ctx->opt.trace && m->ar->thin)
		printf("%s\n", m->display);
	return m->file != NULL;
}

/* An archive without a symbol index: index the members' global definitions ourselves. */
static void archive_build_index(struct ctx *ctx, struct archive *ar)
{
	VEC(struct archive_symbol) idx = {0};
	for (size_t i = 0; i < ar->members.n; i++) {
		struct archive_member *m = ar->members.v[i];
		Elf *e = elf_memory((char *)m->data, m->size);
		if (!e)
			continue;
		Elf_Scn *scn = NULL;
		while ((scn = elf_nextscn(e, scn))) {
			GElf_Shdr sh;
			if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
				continue;
			Elf_Data *d = elf_getdata(scn, NULL);
			size_t n = d ? d->d_size / (gelf_getclass(e) == ELFCLASS64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym)) : 0;
			for (size_t j = sh.sh_info; j < n; j++) {
				GElf_Sym sym;
				if (!gelf_getsym(d, (int)j, &sym) || sym.st_shndx == SHN_UNDEF ||
				    sym.st_shndx == SHN_COMMON || GELF_ST_BIND(sym.st_info) == STB_LOCAL)
					continue;
				const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
				if (name)
					vec_push(idx, ((struct archive_symbol){arena_strdup(&ctx->arena, name), m}));
			}
			break;
		}
		elf_end(e);
	}
	ar->index = idx.v;
	ar->nindex = idx.n;
}

/* ---- finding and classifying input files ---- */

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* -lNAME: libNAME.a (or the exact name after -l:) searched along -L paths in order. */
static const char *find_library(struct ctx *ctx, const char *name, bool static_only)
{
	(void)static_only; /* shared libraries are not inputs slink can use: always the archive */
	for (size_t i = 0; i < ctx->opt.lib_paths.n; i++) {
		const char *dir = ctx->opt.lib_paths.v[i];
		const char *p = name[0] == ':' ? arena_printf(&ctx->arena, "%s/%s", dir, name + 1)
					       : arena_printf(&ctx->arena, "%s/lib%s.a", dir, name);
		if (file_exists(p))
			return p;
	}
	return NULL;
}

/* A path named in a script's INPUT/GROUP: as given, then along -L paths (GNU ld's rules). */
static const char *find_script_input(struct ctx *ctx, const char *name)
{
	if (!strncmp(name, "-l", 2))
		return find_library(ctx, name + 2, true);
	if (file_exists(name) || name[0] == '/')
		return name;
	for (size_t i = 0; i < ctx->opt.lib_paths.n; i++) {
		const char *p = arena_printf(&ctx->arena, "%s/%s", ctx->opt.lib_paths.v[i], name);
		if (file_exists(p))
			return p;
	}
	return name;
}

/* GNU ld's input_file_chain: the files named on the command line and by the INPUT, GROUP and
 * STARTUP commands of scripts, in the order GNU ld parsed them (a -T script where it stands on
 * the command line).  A script that names a file plainly in an input section description opens
 * it there, ahead of its own place, or adds it to the link if nothing named it (lookup_name). */
struct named_file {
	const char *name;         /* as given: "a.o", "-lc" (GNU ld's local_sym_name) */
	bool *loaded;
	struct input_arg *arg;    /* a command-line input; NULL for a script's */
	bool as_needed;
};

struct load_state {
	VEC(struct archive *) archives; /* of the group being read */
	int depth;
	VEC(struct named_file) chain;
};

static void load_path(struct ctx *ctx, const char *path, const struct input_arg *arg, struct load_state *st);

static void group_end(struct ctx *ctx, struct load_state *st)
{
	/* rescan the group's archives until none pulls another member */
	for (bool again = true; again && !ctx->errors;) {
		again = false;
		for (size_t i = 0; i < st->archives.n; i++)
			if (archive_extract_needed(ctx, st->archives.v[i]))
				again = true;
	}
	st->archives.n = 0;
}

/* A file named by a script (INPUT, GROUP, STARTUP or an input section description). */
static void load_script_named(struct ctx *ctx, const char *name, bool as_needed, struct load_state *st)
{
	struct input_arg arg = {.kind = IN_FILE, .name = name, .as_needed = as_needed};
	const char *path = find_script_input(ctx, name);
	if (!path) {
		error(ctx, "cannot find %s", name);
		return;
	}
	load_path(ctx, path, &arg, st);
}

static void load_arg(struct ctx *ctx, const struct input_arg *arg, struct load_state *st)
{
	if (arg->kind == IN_LIBRARY) {
		const char *p = find_library(ctx, arg->name, arg->static_only);
		if (!p)
			error(ctx, "cannot find -l%s", arg->name);
		else
			load_path(ctx, p, arg, st);
	} else {
		load_path(ctx, arg->name, arg, st);
	}
}

static void load_named(struct ctx *ctx, size_t i, struct load_state *st)
{
	struct named_file nf = st->chain.v[i]; /* loading may grow the chain */
	if (*nf.loaded)
		return;
	*nf.loaded = true;
	if (nf.arg)
		load_arg(ctx, nf.arg, st);
	else
		load_script_named(ctx, nf.name, nf.as_needed, st);
}

static void chain_add(struct load_state *st, const char *name, bool *loaded, struct input_arg *arg, bool as_needed)
{
	vec_push(st->chain, ((struct named_file){name, loaded, arg, as_needed}));
}

static const char *item_name(struct ctx *ctx, const struct input_item *it)
{
	return it->is_lib ? arena_printf(&ctx->arena, "-l%s", it->name) : it->name;
}

/* The INPUT and GROUP files of a script's statements join the chain. */
static void chain_add_script(struct ctx *ctx, const struct script_span *sp, struct load_state *st)
{
	for (struct stmt *s = sp->first; s; s = span_next(sp, s))
		if (s->kind == ST_INPUT || s->kind == ST_GROUP)
			for (struct input_item *it = s->inputs; it; it = it->next)
				chain_add(st, item_name(ctx, it), &it->loaded, NULL, it->as_needed);
}

static void lookup_name(struct ctx *ctx, const char *name, struct load_state *st)
{
	size_t i = 0;
	while (i < st->chain.n && strcmp(st->chain.v[i].name, name))
		i++;
	if (i == st->chain.n)
		chain_add(st, name, arena_alloc(&ctx->arena, sizeof(bool)), NULL, false);
	/* opened on its own, not as a member of a group being read */
	int depth = st->depth;
	st->depth = 0;
	load_named(ctx, i, st);
	st->depth = depth;
}

/* In statement order: files named plainly (neither a wildcard nor archive:member) by input
 * section descriptions open, assignments are declared (script_declare_stmt). */
static void open_named_in(struct ctx *ctx, const struct stmt *s, struct load_state *st)
{
	for (; s; s = s->next) {
		if (s->kind == ST_SECTIONS) {
			open_named_in(ctx, s->sections, st);
		} else if (s->kind == ST_OUTPUT_SECTION) {
			open_named_in(ctx, s->osec->body, st);
		} else if (s->kind == ST_OVERLAY) {
			open_named_in(ctx, s->overlay->sections, st);
			script_declare_stmt(ctx, s); /* its __load_start_X / __load_stop_X */
		} else if (s->kind == ST_INPUT_SECTION) {
			const char *pat = s->input->file.pattern;
			if (pat && !glob_has_wildcard(pat) && !strchr(pat, ':'))
				lookup_name(ctx, pat, st);
		} else {
			script_declare_stmt(ctx, s);
		}
	}
}

/* GNU ld's open_input_bfds over a script's statements: INPUT and GROUP files where they stand,
 * the files its SECTIONS name, and its assignments between them. */
static void open_script_files(struct ctx *ctx, const struct script_span *sp, struct load_state *st)
{
	for (struct stmt *s = sp->first; s; s = span_next(sp, s)) {
		if (s->kind == ST_INPUT || s->kind == ST_GROUP) {
			if (s->kind == ST_GROUP)
				st->depth++;
			for (struct input_item *it = s->inputs; it; it = it->next)
				if (!it->loaded) {
					it->loaded = true;
					load_script_named(ctx, item_name(ctx, it), it->as_needed, st);
				}
			if (s->kind == ST_GROUP && --st->depth == 0)
				group_end(ctx, st);
		} else if (s->kind == ST_SECTIONS) {
			open_named_in(ctx, s->sections, st);
		} else {
			script_declare_stmt(ctx, s);
		}
	}
}

/* An undefined reference made before (or besides) any object: -u, EXTERN, the entry */
static void add_undef(struct ctx *ctx, const char *name)
{
	struct symbol *s = symbol_intern(ctx, name);
	s->referenced = s->cmdline_ref = true;
	s->weak_ref_only = false;
}

static void add_extern_undefs(struct ctx *ctx, const struct script_span *sp)
{
	for (struct stmt *s = sp->first; s; s = span_next(sp, s))
		if (s->kind == ST_EXTERN)
			for (const struct name_list *n = s->names; n; n = n->next)
				add_undef(ctx, n->name);
}

/* The statements a script read as an input file added: its files join the chain and open. */
void input_open_script(struct ctx *ctx, struct stmt *first, struct load_state *st)
{
	struct script_span sp = {first, NULL};
	add_extern_undefs(ctx, &sp);
	chain_add_script(ctx, &sp, st);
	open_script_files(ctx, &sp, st);
}

static void load_path(struct ctx *ctx, const char *path, const struct input_arg *arg, struct load_state *st)
{
	struct mapped_file mf;
	ctx->input_named = true;
	if (!map_file(path, &mf)) {
		error(ctx, "cannot %s %s: %s", errno == ENOENT ? "find" : "open", path, strerror(errno));
		return;
	}
	if (arg->format && strcmp(arg->format, "default") && !strstr(arg->format, "elf")) {
		input_load_foreign(ctx, path, arg->format, mf.data, mf.size);
		return;
	}
	if (is_elf(mf.data, mf.size)) {
		struct input_file *f = object_load(ctx, path, NULL, NULL, mf.data, mf.size);
		if (f)
			f->given = arg->name;
		return;
	}
	if (is_archive(mf.data, mf.size)) {
		if (ctx->opt.trace)
			printf("%s\n", path);
		struct archive *ar = arena_alloc(&ctx->arena, sizeof(*ar));
		if (!archive_parse(ctx, path, mf.data, mf.size, ar))
			return;
		if (arg->whole_archive) {
			for (size_t i = 0; i < ar->members.n; i++)
				if (!ar->members.v[i]->loaded)
					member_load(ctx, ar->members.v[i]);
			return;
		}
		if (!ar->has_index)
			archive_build_index(ctx, ar);
		archive_extract_needed(ctx, ar);
		if (st->depth)
			vec_push(st->archives, ar);
		return;
	}
	/* GNU ld reads any other input as a linker script */
	if (ctx->opt.trace)
		printf("%s\n", path);
	script_load_input(ctx, path, (const char *)mf.data, mf.size, st);
}

/* The entry symbol GNU ld's after_parse makes an undefined reference, for an executable:
 * -e, else the last ENTRY of the -T scripts, else the built-in script's _start when it is in
 * use (no -T, or only ones that INSERT). */
static const char *early_entry_name(struct ctx *ctx)
{
	const struct options *o = &ctx->opt;
	char *end;
	if (o->entry)
		return (strtoull(o->entry, &end, 0), *end) ? o->entry : NULL;
	if (o->kind != OUT_EXEC && o->kind != OUT_PIE)
		return NULL;
	const char *name = NULL;
	bool builtin = !o->default_script;
	for (size_t t = 0; t < ctx->script_spans.n; t++) {
		const struct script_span *sp = &ctx->script_spans.v[t];
		bool inserts = false;
		for (struct stmt *s = sp->first; s; s = span_next(sp, s)) {
			if (s->kind == ST_ENTRY)
				name = s->name;
			inserts |= s->kind == ST_INSERT;
		}
		builtin &= inserts;
	}
	return name ? name : builtin ? "_start" : NULL;
}

/* -u, --require-defined, EXTERN and the entry symbol are undefined references from the
 * start (GNU ld's ldlang_add_undef), so archive members that define them are pulled. */
static void add_command_line_undefs(struct ctx *ctx)
{
	for (size_t i = 0; i < ctx->opt.undefined.n; i++)
		add_undef(ctx, ctx->opt.undefined.v[i]);
	for (size_t i = 0; i < ctx->opt.require_defined.n; i++)
		add_undef(ctx, ctx->opt.require_defined.v[i]);
	for (size_t t = 0; t < ctx->script_spans.n; t++)
		add_extern_undefs(ctx, &ctx->script_spans.v[t]);
	const char *entry = early_entry_name(ctx);
	if (entry)
		add_undef(ctx, entry);
	script_reference_region_symbols(ctx);
}

static void fold_defsyms(struct ctx *ctx, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		script_declare_stmt(ctx, ctx->defsym_stmts.v[k]);
}

void inputs_load(struct ctx *ctx)
{
	if (elf_version(EV_CURRENT) == EV_NONE)
		fatal("libelf is out of date");
	if (ctx->opt.emulation) {
		ctx->target = target_by_emulation(ctx->opt.emulation);
		if (!ctx->target)
			fatal("unrecognised emulation mode: %s\nSupported emulations: elf_x86_64 elf_i386",
			      ctx->opt.emulation);
	}
	add_command_line_undefs(ctx);
	struct options *o = &ctx->opt;
	struct load_state st = {0};
	/* the chain as GNU ld parsed the command line: a -T script's files where it stands */
	for (size_t i = 0, t = 0; i <= o->inputs.n; i++) {
		for (; t < o->scripts_at.n && o->scripts_at.v[t] == i; t++)
			chain_add_script(ctx, &ctx->script_spans.v[t], &st);
		if (i < o->inputs.n && (o->inputs.v[i].kind == IN_FILE || o->inputs.v[i].kind == IN_LIBRARY)) {
			struct input_arg *arg = &o->inputs.v[i];
			const char *name = arg->kind == IN_LIBRARY ? arena_printf(&ctx->arena, "-l%s", arg->name) : arg->name;
			chain_add(&st, name, &arg->loaded, arg, arg->as_needed);
		}
	}
	/* a STARTUP file comes first of all */
	for (size_t t = 0; t < ctx->script_spans.n; t++)
		for (struct stmt *s = ctx->script_spans.v[t].first; s; s = span_next(&ctx->script_spans.v[t], s))
			if (s->kind == ST_STARTUP)
				lookup_name(ctx, s->name, &st);
	/* --defsym assignments are folded where they stand: those given before the first -T
	 * ahead of it, the others after it */
	fold_defsyms(ctx, 0, ctx->defsyms_before_script);
	for (size_t i = 0, t = 0; i <= o->inputs.n; i++) {
		for (; t < o->scripts_at.n && o->scripts_at.v[t] == i; t++) {
			open_script_files(ctx, &ctx->script_spans.v[t], &st);
			if (t == 0)
				fold_defsyms(ctx, ctx->defsyms_before_script, ctx->defsym_stmts.n);
		}
		if (i == o->inputs.n)
			break;
		struct input_arg *arg = &o->inputs.v[i];
		switch (arg->kind) {
		case IN_GROUP_START:
			st.depth++;
			break;
		case IN_GROUP_END:
			if (--st.depth == 0)
				group_end(ctx, &st);
			break;
		case IN_LIBRARY:
		case IN_FILE:
			if (!arg->loaded) {
				arg->loaded = true;
				load_arg(ctx, arg, &st);
			}
			break;
		}
	}
	if (st.depth)
		group_end(ctx, &st);
	free(st.archives.v);
	free(st.chain.v);
	ctx->inputs_loaded = true;
	/* (with nothing to link, the version -v or --verbose printed ends the run: --verbose
	 * goes on to print the built-in script first) */
	if (!ctx->input_named && !ctx->errors && !ctx->opt.version_printed)
		fatal("no input files");
	/* (no object gave one: the emulation's, else x86-64) */
	if (!ctx->target && ctx->opt.emulation)
		ctx->target = target_by_emulation(ctx->opt.emulation);
	if (!ctx->target)
		ctx->target = &target_x86_64;
}

