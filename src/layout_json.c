/* --layout-json=FILE: the whole layout as JSON, for slink-layout and other tools.  The schema
 * is documented in docs/layout-json.md; bump JSON_VERSION on incompatible changes.
 * Addresses are hex strings (kernel addresses do not fit a double); sizes are numbers. */
#include <stdlib.h>

#include "passes.h"
#include "reports.h"
#include "target.h"

enum { JSON_VERSION = 1 };

struct jw {
	struct ctx *ctx;
	struct layout *L;
	FILE *out;
	/* input section -> id (open addressing on the pointer) */
	const struct input_section **keys;
	size_t *ids;
	size_t cap;
	size_t next_id;
};

static size_t slot(struct jw *j, const struct input_section *isec)
{
	size_t h = ((uintptr_t)isec >> 4) * 0x9e3779b97f4a7c15ull;
	size_t k = h & (j->cap - 1);
	while (j->keys[k] && j->keys[k] != isec)
		k = (k + 1) & (j->cap - 1);
	return k;
}

static void id_put(struct jw *j, const struct input_section *isec, size_t id)
{
	size_t k = slot(j, isec);
	j->keys[k] = isec;
	j->ids[k] = id;
}

static bool id_get(struct jw *j, const struct input_section *isec, size_t *id)
{
	size_t k = slot(j, isec);
	if (!j->keys[k])
		return false;
	*id = j->ids[k];
	return true;
}

static void str(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else if (*p == '<')
			fputs("\\u003c", out); /* safe to embed in an HTML <script> */
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static void hex(FILE *out, uint64_t v)
{
	fprintf(out, "\"0x%llx\"", (unsigned long long)v);
}

static void str_or_null(FILE *out, const char *s)
{
	if (s)
		str(out, s);
	else
		fputs("null", out);
}

static const char *sh_type_name(uint32_t t)
{
	switch (t) {
	case SHT_PROGBITS: return "PROGBITS";
	case SHT_NOBITS: return "NOBITS";
	case SHT_NOTE: return "NOTE";
	case SHT_INIT_ARRAY: return "INIT_ARRAY";
	case SHT_FINI_ARRAY: return "FINI_ARRAY";
	case SHT_PREINIT_ARRAY: return "PREINIT_ARRAY";
	case SHT_STRTAB: return "STRTAB";
	case SHT_SYMTAB: return "SYMTAB";
	case SHT_RELA: return "RELA";
	case SHT_REL: return "REL";
	case SHT_GROUP: return "GROUP";
	case SHT_X86_64_UNWIND: return "X86_64_UNWIND";
	default: return "OTHER";
	}
}

static void sh_flags(FILE *out, uint64_t f)
{
	char buf[16];
	size_t n = 0;
	if (f & SHF_WRITE) buf[n++] = 'W';
	if (f & SHF_ALLOC) buf[n++] = 'A';
	if (f & SHF_EXECINSTR) buf[n++] = 'X';
	if (f & SHF_MERGE) buf[n++] = 'M';
	if (f & SHF_STRINGS) buf[n++] = 'S';
	if (f & SHF_GROUP) buf[n++] = 'G';
	if (f & SHF_TLS) buf[n++] = 'T';
	if (f & SHF_EXCLUDE) buf[n++] = 'E';
	buf[n] = 0;
	str(out, buf);
}

static const char *pt_name(uint32_t t)
{
	switch (t) {
	case PT_LOAD: return "LOAD";
	case PT_NOTE: return "NOTE";
	case PT_TLS: return "TLS";
	case PT_PHDR: return "PHDR";
	case PT_INTERP: return "INTERP";
	case PT_DYNAMIC: return "DYNAMIC";
	case PT_GNU_EH_FRAME: return "GNU_EH_FRAME";
	case PT_GNU_STACK: return "GNU_STACK";
	case PT_GNU_RELRO: return "GNU_RELRO";
	case PT_GNU_PROPERTY: return "GNU_PROPERTY";
	default: return "OTHER";
	}
}

/* The first PT_LOAD holding an allocated section, or -1. */
static long segment_of(struct ctx *ctx, const struct output_section *os)
{
	if (!(os->flags & SHF_ALLOC))
		return -1;
	for (size_t i = 0; i < ctx->segments.n; i++) {
		const struct segment *sg = &ctx->segments.v[i];
		if (sg->type == PT_LOAD && os->addr >= sg->vaddr && os->addr + os->size <= sg->vaddr + sg->memsz &&
		    (os->addr < sg->vaddr + sg->memsz || !os->size))
			return (long)i;
	}
	return -1;
}

static const char *orphan_kind(const struct output_section *os)
{
	uint64_t f = os->flags;
	if (!(f & SHF_ALLOC)) return "nonalloc";
	if (os->type == SHT_NOTE) return "note";
	if (os->type == SHT_NOBITS && !(f & SHF_TLS)) return "bss";
	if (f & SHF_TLS) return "tdata";
	if (f & SHF_WRITE) return "data";
	if (!(f & SHF_EXECINSTR)) return "rodata";
	return "text";
}

static void loc(FILE *out, const struct src_loc *l)
{
	fputs("\"file\":", out);
	str(out, l->file);
	fprintf(out, ",\"line\":%u,\"col\":%u", l->line, l->col);
}

static void write_rule(struct jw *j, const struct layout_osec *lo, const struct lo_item *it, size_t node)
{
	FILE *out = j->out;
	if (it->st) {
		struct sbuf b = {0};
		report_wild(&b, it->st->input);
		fputs("{\"kind\":\"script\",", out);
		loc(out, &it->st->loc);
		fputs(",\"pattern\":", out);
		str(out, sb_str(&b));
		fprintf(out, ",\"keep\":%s}", it->st->input->keep ? "true" : "false");
		free(b.s);
		return;
	}
	/* an orphan: with the output section of the same name, or a new one after the last
	 * section of its kind */
	const char *after = NULL;
	for (size_t i = node; i-- > 0;) {
		const struct lnode *n = &j->L->nodes.v[i];
		if (n->kind == LN_OSEC && !n->lo->removed) {
			after = n->lo->os->name;
			break;
		}
	}
	fputs("{\"kind\":\"orphan\",\"placement\":", out);
	str(out, lo->orphan ? "new-section" : "same-name");
	fputs(",\"orphan_kind\":", out);
	str(out, orphan_kind(lo->os));
	fputs(",\"after\":", out);
	str_or_null(out, lo->orphan ? after : NULL);
	fputc('}', out);
}

static void write_files(struct jw *j)
{
	struct ctx *ctx = j->ctx;
	FILE *out = j->out;
	fputs("\"files\":[", out);
	for (size_t i = 0; i < ctx->files.n; i++) {
		struct input_file *f = ctx->files.v[i];
		fprintf(out, "%s\n{\"id\":%zu,\"name\":", i ? "," : "", i);
		str(out, f->name);
		fputs(",\"archive\":", out);
		str_or_null(out, f->archive);
		fputs(",\"member\":", out);
		str_or_null(out, f->member);
		fprintf(out, ",\"linker\":%s", f->synthetic ? "true" : "false");
		fputs(",\"extracted_by\":", out);
		if (f->archive && f->extract_symbol) {
			long ref = -1;
			for (size_t k = 0; f->extract_ref && k < ctx->files.n; k++)
				if (ctx->files.v[k] == f->extract_ref)
					ref = (long)k;
			fputs("{\"symbol\":", out);
			str(out, f->extract_symbol);
			if (ref >= 0) {
				fprintf(out, ",\"file\":%ld,\"file_name\":", ref);
				str(out, f->extract_ref->name);
			} else {
				fputs(",\"file\":null,\"file_name\":null", out);
			}
			fputc('}', out);
		} else if (f->archive) {
			fputs("{\"whole_archive\":true}", out);
		} else {
			fputs("null", out);
		}
		fputc('}', out);
	}
	fputs("]", out);
}

static long file_id(struct ctx *ctx, const struct input_file *f)
{
	/* files are few compared with sections: a linear scan per call would be slow for the
	 * kernel, so the order field (load order) is used when it matches the index */
	if (f->order < ctx->files.n && ctx->files.v[f->order] == f)
		return (long)f->order;
	for (size_t k = 0; k < ctx->files.n; k++)
		if (ctx->files.v[k] == f)
			return (long)k;
	return -1;
}

struct pend_isec {
	const struct input_section *isec;
	size_t osec;
	uint64_t pad;
	const struct layout_osec *lo;
	const struct lo_item *it;
	size_t node;
};
struct pend_vec VEC_BODY(struct pend_isec);

static void write_input_sections(struct jw *j, struct pend_isec *v, size_t n)
{
	FILE *out = j->out;
	fputs("\"input_sections\":[", out);
	for (size_t i = 0; i < n; i++) {
		const struct input_section *isec = v[i].isec;
		const struct output_section *os = v[i].lo->os;
		fprintf(out, "%s\n{\"id\":%zu,\"name\":", i ? "," : "", i);
		str(out, isec->name);
		fprintf(out, ",\"file\":%ld,\"output\":%zu,\"vma\":", file_id(j->ctx, isec->file), v[i].osec);
		hex(out, os->addr + isec->out_offset);
		fprintf(out, ",\"offset\":%llu,\"size\":%llu,\"input_size\":%llu,\"align\":%llu,\"padding_before\":%llu,\"type\":",
			(unsigned long long)isec->out_offset, (unsigned long long)(v[i].lo->removed ? 0 : isec_output_size(isec)),
			(unsigned long long)isec->size, (unsigned long long)isec->align, (unsigned long long)v[i].pad);
		str(out, sh_type_name(isec->type));
		fputs(",\"flags\":", out);
		sh_flags(out, isec->flags);
		fputs(",\"rule\":", out);
		write_rule(j, v[i].lo, v[i].it, v[i].node);
		fputc('}', out);
	}
	fputs("]", out);
}

static void write_output_sections(struct jw *j, struct pend_vec *pend)
{
	struct ctx *ctx = j->ctx;
	struct layout *L = j->L;
	FILE *out = j->out;
	fputs("\"output_sections\":[", out);
	size_t count = 0;
	for (size_t ni = 0; ni < L->nodes.n; ni++) {
		struct lnode *nd = &L->nodes.v[ni];
		if (nd->kind != LN_OSEC)
			continue;
		struct layout_osec *lo = nd->lo;
		struct output_section *os = lo->os;
		size_t idx = count++;
		fprintf(out, "%s\n{\"id\":%zu,\"name\":", idx ? "," : "", idx);
		str(out, os->name);
		fprintf(out, ",\"in_output\":%s,\"index\":%u,\"type\":", lo->removed ? "false" : "true", lo->removed ? 0 : os->index);
		str(out, sh_type_name(os->type));
		fputs(",\"flags\":", out);
		sh_flags(out, os->flags);
		fputs(",\"vma\":", out);
		hex(out, os->addr);
		fputs(",\"lma\":", out);
		hex(out, os->lma);
		fputs(",\"file_offset\":", out);
		hex(out, os->offset);
		fprintf(out, ",\"size\":%llu,\"align\":%llu", (unsigned long long)(lo->removed ? 0 : os->size),
			(unsigned long long)os->align);
		const char *region = lo->region && !lo->region->is_default ? lo->region->name : lo->desc ? lo->desc->region : NULL;
		const char *lma_region = lo->lma_region ? lo->lma_region->name : lo->desc ? lo->desc->lma_region : NULL;
		fputs(",\"region\":", out);
		str_or_null(out, region);
		fputs(",\"lma_region\":", out);
		str_or_null(out, lma_region);
		long seg = lo->removed ? -1 : segment_of(ctx, os);
		if (seg >= 0)
			fprintf(out, ",\"segment\":%ld", seg);
		else
			fputs(",\"segment\":null", out);
		fprintf(out, ",\"orphan\":%s,\"script\":", lo->orphan ? "true" : "false");
		if (nd->st) {
			fputc('{', out);
			loc(out, &nd->st->loc);
			fputc('}', out);
		} else {
			fputs("null", out);
		}
		if (lo->fill) {
			fputs(",\"fill\":\"0x", out);
			for (size_t k = 0; k < lo->fill->size; k++)
				fprintf(out, "%02x", lo->fill->data[k]);
			fputc('"', out);
		}
		/* inputs and data in address order, with the gap before each */
		uint64_t cursor = os->addr;
		size_t data = 0;
		fputs(",\"inputs\":[", out);
		bool first = true;
		struct sbuf datas = {0};
		for (size_t i = 0; i < lo->items.n; i++) {
			const struct lo_item *it = &lo->items.v[i];
			if (it->kind == IT_DATA && data < os->data.n && !lo->removed) {
				const struct data_item *di = &os->data.v[data++];
				uint64_t at = os->addr + di->offset;
				sb_printf(&datas, "%s{\"vma\":\"0x%llx\",\"size\":%u,\"padding_before\":%llu}", datas.n ? "," : "",
					  (unsigned long long)at, di->size, (unsigned long long)(at > cursor ? at - cursor : 0));
				if (at + di->size > cursor)
					cursor = at + di->size;
			}
			if (it->kind != IT_INPUTS)
				continue;
			for (size_t k = 0; k < it->secs.n; k++) {
				const struct input_section *isec = it->secs.v[k];
				uint64_t at = os->addr + isec->out_offset;
				uint64_t size = lo->removed ? 0 : isec_output_size(isec);
				struct pend_isec p = {isec, idx, at > cursor ? at - cursor : 0, lo, it, ni};
				if (lo->removed)
					p.pad = 0;
				size_t id = pend->n;
				vec_push(*pend, p);
				id_put(j, isec, id);
				fprintf(out, "%s%zu", first ? "" : ",", id);
				first = false;
				if (at + size > cursor)
					cursor = at + size;
			}
		}
		fputs("],\"data\":[", out);
		fputs(sb_str(&datas), out);
		free(datas.s);
		uint64_t end = os->addr + (lo->removed ? 0 : os->size);
		fprintf(out, "],\"tail_padding\":%llu}", (unsigned long long)(end > cursor ? end - cursor : 0));
	}
	fputs("]", out);
}

static void write_symbol(struct jw *j, const struct symbol *s, bool *first)
{
	FILE *out = j->out;
	const char *kind;
	const char *osec = NULL;
	long isec_id = -1;
	if (s->kind == SYM_SCRIPT) {
		kind = "script";
		osec = s->osec ? s->osec->name : NULL;
	} else if (s->isec) {
		size_t id;
		if (!s->isec->out || s->isec->discarded || !id_get(j, s->isec, &id))
			return;
		kind = "section";
		isec_id = (long)id;
		osec = s->isec->out->name;
	} else {
		kind = "absolute";
	}
	static const char *const types[] = {"NOTYPE", "OBJECT", "FUNC", "SECTION", "FILE", "COMMON", "TLS"};
	fprintf(out, "%s\n{\"name\":", *first ? "" : ",");
	*first = false;
	str(out, s->name);
	fputs(",\"value\":", out);
	hex(out, symbol_address(s));
	fprintf(out, ",\"size\":%llu,\"type\":", (unsigned long long)s->size);
	str(out, s->type < 7 ? types[s->type] : "OTHER");
	fputs(",\"bind\":", out);
	str(out, s->is_local ? "LOCAL" : s->bind == STB_WEAK ? "WEAK" : "GLOBAL");
	fputs(",\"kind\":", out);
	str(out, kind);
	if (isec_id >= 0)
		fprintf(out, ",\"section\":%ld", isec_id);
	else
		fputs(",\"section\":null", out);
	fputs(",\"output_section\":", out);
	str_or_null(out, osec);
	long fid = s->file && s->kind != SYM_SCRIPT ? file_id(j->ctx, s->file) : -1;
	if (fid >= 0)
		fprintf(out, ",\"file\":%ld}", fid);
	else
		fputs(",\"file\":null}", out);
}

static void write_symbols(struct jw *j)
{
	struct ctx *ctx = j->ctx;
	FILE *out = j->out;
	bool first = true;
	fputs("\"symbols\":[", out);
	size_t n;
	struct symbol **all = symbol_all(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		struct symbol *s = all[i];
		if (s->kind == SYM_DEFINED || (s->kind == SYM_SCRIPT && s->script_seen))
			write_symbol(j, s, &first);
	}
	free(all);
	/* file-local functions and objects: what `why` is asked about as often as globals */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t i = 1; f->syms && i < f->first_global && i < f->nsyms; i++) {
			struct symbol *s = f->syms[i];
			if (s && s->kind == SYM_DEFINED && s->isec && (s->type == STT_FUNC || s->type == STT_OBJECT) && *s->name)
				write_symbol(j, s, &first);
		}
	}
	fputs("]", out);
}

static void write_discarded(struct jw *j)
{
	struct ctx *ctx = j->ctx;
	FILE *out = j->out;
	bool first = true;
	fputs("\"discarded\":[", out);
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t i = 1; i < f->shnum; i++) {
			struct input_section *isec = f->sections[i];
			if (!isec || !isec->discarded)
				continue;
			fprintf(out, "%s\n{\"name\":", first ? "" : ",");
			first = false;
			str(out, isec->name);
			fprintf(out, ",\"file\":%zu,\"size\":%llu,\"reason\":", fi, (unsigned long long)isec->size);
			str(out, report_discard_reason(ctx, isec));
			const struct rule *r = isec->discard_by_script ? report_discard_rule(j->L, isec) : NULL;
			if (r) {
				const struct lo_item *it = &r->lo->items.v[r->item];
				struct sbuf b = {0};
				report_wild(&b, r->desc);
				fputs(",\"rule\":{\"kind\":\"script\",", out);
				loc(out, &it->st->loc);
				fputs(",\"pattern\":", out);
				str(out, sb_str(&b));
				fputs("}", out);
				free(b.s);
			} else {
				fputs(",\"rule\":null", out);
			}
			fputc('}', out);
		}
	}
	fputs("]", out);
}

static void write_segments(struct jw *j)
{
	struct ctx *ctx = j->ctx;
	FILE *out = j->out;
	fputs("\"segments\":[", out);
	for (size_t i = 0; i < ctx->segments.n; i++) {
		const struct segment *sg = &ctx->segments.v[i];
		fprintf(out, "%s\n{\"id\":%zu,\"type\":", i ? "," : "", i);
		str(out, pt_name(sg->type));
		fprintf(out, ",\"flags\":\"%s%s%s\",\"offset\":", sg->flags & PF_R ? "R" : "", sg->flags & PF_W ? "W" : "",
			sg->flags & PF_X ? "X" : "");
		hex(out, sg->offset);
		fputs(",\"vaddr\":", out);
		hex(out, sg->vaddr);
		fputs(",\"paddr\":", out);
		hex(out, sg->paddr);
		fprintf(out, ",\"filesz\":%llu,\"memsz\":%llu,\"align\":%llu,\"sections\":[", (unsigned long long)sg->filesz,
			(unsigned long long)sg->memsz, (unsigned long long)sg->align);
		bool first = true;
		for (size_t k = 0; k < ctx->osecs.n && sg->memsz; k++) {
			const struct output_section *os = ctx->osecs.v[k];
			if (!(os->flags & SHF_ALLOC) || os->addr < sg->vaddr || os->addr >= sg->vaddr + sg->memsz)
				continue;
			if (sg->type == PT_TLS && !(os->flags & SHF_TLS))
				continue;
			if (sg->type != PT_TLS && os->type == SHT_NOBITS && (os->flags & SHF_TLS))
				continue;
			fputs(first ? "" : ",", out);
			str(out, os->name);
			first = false;
		}
		fputs("]}", out);
	}
	fputs("]", out);
}

static void write_regions(struct jw *j)
{
	struct report_region *r;
	size_t n = report_regions(j->ctx, j->L, &r);
	FILE *out = j->out;
	fputs("\"regions\":[", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "%s\n{\"name\":", i ? "," : "");
		str(out, r[i].name);
		fputs(",\"origin\":", out);
		hex(out, r[i].origin);
		fprintf(out, ",\"length\":%llu,\"used\":%llu,", (unsigned long long)r[i].length, (unsigned long long)r[i].used);
		loc(out, &r[i].desc->loc);
		fputc('}', out);
	}
	fputs("]", out);
	free(r);
}

bool layout_json_write(struct ctx *ctx, struct layout *L, const char *path)
{
	FILE *out = fopen(path, "w");
	if (!out)
		return false;
	struct jw j = {.ctx = ctx, .L = L, .out = out};
	size_t total = 16;
	for (size_t i = 0; i < ctx->files.n; i++)
		total += ctx->files.v[i]->shnum + 1;
	j.cap = 64;
	while (j.cap < total * 2)
		j.cap *= 2;
	j.keys = xcalloc(j.cap, sizeof(*j.keys));
	j.ids = xcalloc(j.cap, sizeof(*j.ids));

	fprintf(out, "{\"version\":%d,\"tool\":\"slink\",\"output\":", JSON_VERSION);
	str(out, ctx->opt.output ? ctx->opt.output : "a.out");
	fputs(",\"emulation\":", out);
	str(out, ctx->target->elfclass == ELFCLASS64 ? "elf_x86_64" : "elf_i386");
	fprintf(out, ",\"elfclass\":%d,\"entry\":", ctx->target->elfclass == ELFCLASS64 ? 64 : 32);
	hex(out, ctx->entry_addr);
	fputs(",\"scripts\":[", out);
	for (size_t i = 0; i < ctx->opt.scripts.n; i++) {
		fputs(i ? "," : "", out);
		str(out, ctx->opt.scripts.v[i]);
	}
	fputs("],\n", out);
	write_files(&j);
	fputs(",\n", out);
	write_regions(&j);
	fputs(",\n", out);
	write_segments(&j);
	fputs(",\n", out);
	struct pend_vec pend = {0};
	write_output_sections(&j, &pend);
	fputs(",\n", out);
	write_input_sections(&j, pend.v, pend.n);
	fputs(",\n", out);
	write_symbols(&j);
	fputs(",\n", out);
	write_discarded(&j);
	fputs("}\n", out);
	free(pend.v);
	free(j.keys);
	free(j.ids);
	return fclose(out) == 0;
}
