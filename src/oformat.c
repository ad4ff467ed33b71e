/* Output formats other than ELF (--oformat FORMAT, OUTPUT_FORMAT(FORMAT)).
 *
 * The link always builds the finished ELF image first (output.c: headers, relocations
 * applied); this file turns it into the requested format:
 *   binary      the memory image from the lowest to the highest load address (LMA) of the
 *               allocated sections with contents, as GNU ld's binary bfd writes it: each section
 *               at LMA - lowest LMA, holes left as zeros, trailing NOBITS not written.
 *   ihex, srec, symbolsrec, verilog, tekhex
 *               through libbfd.  GNU ld writes these with the generic final link, which hands
 *               each output section to the writer piece by piece (each input section, each
 *               padding gap, each BYTE/SHORT/LONG/QUAD); ihex and srec start a new record at
 *               every piece, so the pieces are handed over the same way here.
 * Either way the result goes to a temporary file beside the output that is renamed over it
 * only when complete. */
#define PACKAGE "slink"
#define PACKAGE_VERSION "1"
#include <bfd.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout.h"
#include "oformat.h"
#include "passes.h"
#include "script.h"
#include "target.h"

/* formats written through libbfd */
static const char *const bfd_outputs[] = {"ihex", "srec", "symbolsrec", "verilog", "tekhex"};

static bool is_bfd_output(const char *name)
{
	for (size_t i = 0; i < sizeof(bfd_outputs) / sizeof(bfd_outputs[0]); i++)
		if (!strcmp(name, bfd_outputs[i]))
			return true;
	return false;
}

const char *oformat_name(const struct ctx *ctx)
{
	if (ctx->opt.oformat)
		return ctx->opt.oformat;
	/* without -T or -dT the emulation's built-in script is in force, and its OUTPUT_FORMAT
	 * is the first one GNU ld sees (input scripts are read after it) */
	if (!ctx->opt.scripts.n && !ctx->opt.default_script)
		return NULL;
	for (const struct stmt *s = ctx->script ? ctx->script->cmds : NULL; s; s = s->next)
		if (s->kind == ST_OUTPUT_FORMAT)
			return s->output_format.def;
	/* a script without OUTPUT_FORMAT: GNU ld opens the output with the input format in force
	 * at the end of the command line (ldlang.c open_output's current_target), so the seed's
	 * `ld -r -b binary blob.gz -b elf32-i386 -T piggy.lnk` writes elf32-i386 */
	return ctx->opt.last_format;
}

/* "elf64-x86-64" and "elf32-i386" name the ELF writer; "default" is the emulation's */
static bool is_elf_name(const char *name)
{
	return !strcmp(name, "default") || !strcmp(name, "elf64-x86-64") || !strcmp(name, "elf32-i386");
}

bool oformat_is_elf(const struct ctx *ctx)
{
	const char *name = oformat_name(ctx);
	return !name || (strcmp(name, "binary") && !is_bfd_output(name));
}

void oformat_check(struct ctx *ctx)
{
	const char *name = oformat_name(ctx);
	if (!name || !strcmp(name, "binary") || is_bfd_output(name) || !strcmp(name, "default"))
		return;
	if (!is_elf_name(name)) {
		error(ctx, "target %s not found\nslink: supported output formats: elf64-x86-64 elf32-i386 "
		      "binary ihex srec symbolsrec verilog tekhex", name);
		return;
	}
	if (ctx->target && strcmp(name, ctx->target->bfd_name))
		error(ctx, "output format %s does not match the %s emulation (%s); use -m %s", name,
		      ctx->target->emulation, ctx->target->bfd_name,
		      !strcmp(name, "elf32-i386") ? "elf_i386" : "elf_x86_64");
}

/* ---- libbfd diagnostics ---- */

/* libbfd's error handler takes no user data: the link it reports into */
static struct ctx *bfd_ctx;

/* libbfd's messages use printf conversions plus %pA (a section) and %pB (a bfd): format
 * them one conversion at a time */
static void bfd_message(const char *fmt, va_list ap)
{
	char out[1024];
	size_t n = 0;
	for (const char *p = fmt; *p && n < sizeof(out) - 1;) {
		if (*p != '%') {
			out[n++] = *p++;
			continue;
		}
		const char *start = p++;
		while (*p && strchr("#0- +'", *p))
			p++;
		while (*p && strchr("0123456789.*", *p))
			p++;
		int longs = 0;
		while (*p && strchr("hlLqjzt", *p)) {
			if (*p == 'l' || *p == 'L' || *p == 'q' || *p == 'j' || *p == 'z' || *p == 't')
				longs++;
			p++;
		}
		char conv = *p ? *p++ : 0;
		char spec[32];
		size_t len = (size_t)(p - start) < sizeof(spec) - 1 ? (size_t)(p - start) : sizeof(spec) - 1;
		memcpy(spec, start, len);
		spec[len] = 0;
		char piece[512];
		piece[0] = 0;
		switch (conv) {
		case '%':
			strcpy(piece, "%");
			break;
		case 'p':
			if (*p == 'A') {
				asection *sec = va_arg(ap, asection *);
				snprintf(piece, sizeof(piece), "%s", sec ? bfd_section_name(sec) : "?");
				p++;
			} else if (*p == 'B') {
				bfd *b = va_arg(ap, bfd *);
				snprintf(piece, sizeof(piece), "%s", b ? bfd_get_filename(b) : "?");
				p++;
			} else {
				snprintf(piece, sizeof(piece), spec, va_arg(ap, void *));
			}
			break;
		case 's':
			snprintf(piece, sizeof(piece), spec, va_arg(ap, const char *));
			break;
		case 'c':
			snprintf(piece, sizeof(piece), spec, va_arg(ap, int));
			break;
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			if (longs >= 2)
				snprintf(piece, sizeof(piece), spec, va_arg(ap, long long));
			else if (longs == 1)
				snprintf(piece, sizeof(piece), spec, va_arg(ap, long));
			else
				snprintf(piece, sizeof(piece), spec, va_arg(ap, int));
			break;
		default:
			snprintf(piece, sizeof(piece), "%s", spec);
			break;
		}
		for (const char *q = piece; *q && n < sizeof(out) - 1; q++)
			out[n++] = *q;
	}
	out[n] = 0;
	if (bfd_ctx)
		error(bfd_ctx, "%s", out);
	else
		fprintf(stderr, "slink: error: %s\n", out);
}

void oformat_bfd_init(struct ctx *ctx)
{
	static bool done;
	bfd_ctx = ctx;
	if (done)
		return;
	done = true;
	bfd_init();
	bfd_set_error_handler(bfd_message);
}

/* ---- the temporary output file ---- */

static int temp_open(struct ctx *ctx, char **path)
{
	char *dir_copy = arena_strdup(&ctx->arena, ctx->opt.output);
	char *base_copy = arena_strdup(&ctx->arena, ctx->opt.output);
	*path = arena_printf(&ctx->arena, "%s/.%s.slink-XXXXXX", dirname(dir_copy), basename(base_copy));
	int fd = mkstemp(*path);
	if (fd < 0)
		error(ctx, "cannot open output file %s: %s", ctx->opt.output, strerror(errno));
	return fd;
}

/* GNU ld's outputs are executable unless -r (bfd_close's chmod: 0777 less the umask) */
static bool temp_finish(struct ctx *ctx, const char *path)
{
	mode_t mask = umask(0);
	umask(mask);
	mode_t mode = (ctx_relocatable(ctx) ? 0666 : 0777) & ~mask;
	if (chmod(path, mode) < 0 || rename(path, ctx->opt.output) < 0) {
		error(ctx, "cannot write %s: %s", ctx->opt.output, strerror(errno));
		unlink(path);
		return false;
	}
	return true;
}

/* ---- binary ---- */

/* The sections that set the image's start, the lowest LMA (GNU ld's SEC_HAS_CONTENTS |
 * SEC_LOAD | SEC_ALLOC, not SEC_NEVER_LOAD, size > 0). */
static bool loadable(const struct output_section *os)
{
	return os->index && osec_alloc_loaded(os) && !os->noload && os->size;
}

/* The sections whose bytes are in the image: those, and sections with contents that are
 * allocated but not loaded (`.` moving allocated them) or loaded but not allocated (a
 * DSECT/COPY/INFO/OVERLAY section with allocated inputs).  GNU ld's binary writer places them
 * relative to the lowest LMA too (LMA 0 when no section sets it), and fails on one below it. */
static bool written(const struct output_section *os)
{
	if (!os->index || !os->size || os->type == SHT_NOBITS || os->noload)
		return false;
	return (os->flags & SHF_ALLOC) || (os->layout && os->layout->noalloc_load);
}

static bool pwrite_all(int fd, const uint8_t *p, size_t n, uint64_t off)
{
	while (n) {
		ssize_t w = pwrite(fd, p, n, (off_t)off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
		off += (uint64_t)w;
	}
	return true;
}

static bool write_binary(struct ctx *ctx, const uint8_t *elf, size_t size)
{
	bool found = false;
	uint64_t low = 0;
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		const struct output_section *os = ctx->osecs.v[i];
		if (loadable(os) && (!found || os->lma < low)) {
			low = os->lma;
			found = true;
		}
	}
	char *tmp;
	int fd = temp_open(ctx, &tmp);
	if (fd < 0)
		return false;
	bool ok = true;
	/* in section order: where LMAs overlap, the later section's bytes win, as in GNU ld */
	for (size_t i = 0; i < ctx->osecs.n && ok; i++) {
		const struct output_section *os = ctx->osecs.v[i];
		if (!written(os))
			continue;
		if (os->lma < low) {
			error(ctx, "%s: section %s has load address 0x%llx, before the image's start 0x%llx (the "
			      "lowest load address of the allocated and loaded sections)", ctx->opt.output, os->name,
			      (unsigned long long)os->lma, (unsigned long long)low);
			ok = false;
			break;
		}
		if (os->offset > size || os->size > size - os->offset) {
			error(ctx, "%s: section %s lies outside the image", ctx->opt.output, os->name);
			ok = false;
			break;
		}
		if (!pwrite_all(fd, elf + os->offset, os->size, os->lma - low)) {
			error(ctx, "cannot write %s: %s", ctx->opt.output, strerror(errno));
			ok = false;
		}
	}
	if (close(fd) < 0 && ok) {
		error(ctx, "cannot write %s: %s", ctx->opt.output, strerror(errno));
		ok = false;
	}
	if (!ok) {
		unlink(tmp);
		return false;
	}
	return temp_finish(ctx, tmp);
}

/* ---- libbfd formats ---- */

/* One piece GNU ld's generic final link hands to the writer: an input section, a padding gap,
 * or a data statement, as an offset range of the output section. */
struct piece { uint64_t off, size; };

static int piece_cmp(const void *a, const void *b)
{
	const struct piece *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* The pieces of one output section, in address order, gaps between them as pieces of their own
 * (GNU ld's padding statements). */
static struct piece *section_pieces(const struct output_section *os, size_t *count)
{
	size_t cap = os->inputs.n + os->data.n;
	struct piece *items = xcalloc(cap ? cap : 1, sizeof(*items));
	size_t n = 0;
	for (size_t i = 0; i < os->inputs.n; i++) {
		const struct input_section *isec = os->inputs.v[i];
		uint64_t sz = isec_output_size(isec);
		if (!isec->discarded && sz)
			items[n++] = (struct piece){isec->out_offset, sz};
	}
	for (size_t i = 0; i < os->data.n; i++)
		items[n++] = (struct piece){os->data.v[i].offset, os->data.v[i].size};
	qsort(items, n, sizeof(*items), piece_cmp);
	struct piece *out = xcalloc(2 * n + 1, sizeof(*out));
	size_t m = 0;
	uint64_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		if (items[i].off > pos)
			out[m++] = (struct piece){pos, items[i].off - pos};
		if (items[i].off + items[i].size > pos) {
			uint64_t from = items[i].off > pos ? items[i].off : pos;
			out[m++] = (struct piece){from, items[i].off + items[i].size - from};
			pos = items[i].off + items[i].size;
		}
	}
	if (pos < os->size)
		out[m++] = (struct piece){pos, os->size - pos};
	free(items);
	*count = m;
	return out;
}

static flagword bfd_flags_of(const struct output_section *os)
{
	flagword f = 0;
	if (os->flags & SHF_ALLOC)
		f |= SEC_ALLOC;
	if (os->type != SHT_NOBITS && !os->noload)
		f |= SEC_HAS_CONTENTS | ((os->flags & SHF_ALLOC) ? SEC_LOAD : 0);
	if (!(os->flags & SHF_WRITE))
		f |= SEC_READONLY;
	if (os->flags & SHF_EXECINSTR)
		f |= SEC_CODE;
	else if (os->flags & SHF_ALLOC)
		f |= SEC_DATA;
	return f;
}

static bool write_bfd(struct ctx *ctx, const char *format, const uint8_t *elf, size_t size)
{
	oformat_bfd_init(ctx);
	/* the ELF image, read back by libbfd for its architecture and its symbols */
	FILE *mf = fmemopen((void *)(uintptr_t)elf, size, "rb");
	bfd *ibfd = mf ? bfd_openstreamr(ctx->opt.output, ctx->target->bfd_name, mf) : NULL;
	if (!ibfd || !bfd_check_format(ibfd, bfd_object)) {
		error(ctx, "%s: cannot read the linked image back: %s", ctx->opt.output, bfd_errmsg(bfd_get_error()));
		if (ibfd)
			bfd_close_all_done(ibfd);
		else if (mf)
			fclose(mf);
		return false;
	}
	char *tmp;
	int fd = temp_open(ctx, &tmp);
	if (fd < 0) {
		bfd_close_all_done(ibfd);
		return false;
	}
	/* the bfd is named after the output: srec writes the name into its S0 header record */
	bfd *obfd = bfd_fdopenw(ctx->opt.output, format, fd);
	bool ok = obfd && bfd_set_format(obfd, bfd_object) &&
		  bfd_set_arch_mach(obfd, bfd_get_arch(ibfd), bfd_get_mach(ibfd)) &&
		  bfd_set_start_address(obfd, ctx->entry_addr);
	if (!obfd)
		close(fd);

	/* the output sections, as GNU ld makes them in the output bfd */
	asection **osec = xcalloc(ctx->osecs.n + 1, sizeof(*osec));
	for (size_t i = 0; i < ctx->osecs.n && ok; i++) {
		const struct output_section *os = ctx->osecs.v[i];
		if (!os->index)
			continue;
		osec[i] = bfd_make_section_anyway_with_flags(obfd, os->name, bfd_flags_of(os));
		ok = osec[i] && bfd_set_section_size(osec[i], os->size) && bfd_set_section_vma(osec[i], os->addr) &&
		     bfd_set_section_lma(osec[i], os->lma) &&
		     bfd_set_section_alignment(osec[i], (unsigned)__builtin_ctzll(os->align ? os->align : 1));
	}

	/* symbols (symbolsrec and tekhex write them): those of the image's .symtab, each attached
	 * to the output section of the same name, as objcopy does */
	asymbol **syms = NULL;
	if (ok && (bfd_get_file_flags(ibfd) & HAS_SYMS)) {
		long need = bfd_get_symtab_upper_bound(ibfd);
		syms = xcalloc(need > 0 ? (size_t)need : 1, 1);
		long nsyms = need > 0 ? bfd_canonicalize_symtab(ibfd, syms) : 0;
		for (asection *s = ibfd->sections; s; s = s->next) {
			s->output_section = bfd_get_section_by_name(obfd, bfd_section_name(s));
			s->output_offset = 0;
		}
		/* absolute and undefined symbols keep libbfd's own sections (their output_section is
		 * themselves); symbols of sections not in the output are dropped */
		long kept = 0;
		for (long i = 0; i < nsyms; i++)
			if (syms[i]->section->output_section)
				syms[kept++] = syms[i];
		syms[kept] = NULL;
		ok = bfd_set_symtab(obfd, syms, (unsigned)kept);
	}

	for (size_t i = 0; i < ctx->osecs.n && ok; i++) {
		const struct output_section *os = ctx->osecs.v[i];
		if (!osec[i] || !(bfd_flags_of(os) & SEC_HAS_CONTENTS) || !os->size)
			continue;
		if (os->offset > size || os->size > size - os->offset) {
			error(ctx, "%s: section %s lies outside the image", ctx->opt.output, os->name);
			ok = false;
			break;
		}
		/* tekhex takes a section only whole (GNU ld trips its assertion), and verilog output,
		 * which GNU ld cannot write, is compared with objcopy's, which writes whole sections */
		size_t n = 1;
		struct piece whole = {0, os->size};
		struct piece *pcs = strcmp(format, "tekhex") && strcmp(format, "verilog") ? section_pieces(os, &n)
											  : &whole;
		for (size_t j = 0; j < n && ok; j++)
			ok = bfd_set_section_contents(obfd, osec[i], elf + os->offset + pcs[j].off,
						      (file_ptr)pcs[j].off, pcs[j].size);
		if (pcs != &whole)
			free(pcs);
	}
	if (!ok && !ctx->errors)
		error(ctx, "cannot write %s as %s: %s", ctx->opt.output, format, bfd_errmsg(bfd_get_error()));
	/* bfd_close writes the file (and closes fd) */
	if (obfd && ok && !bfd_close(obfd)) {
		if (!ctx->errors)
			error(ctx, "cannot write %s as %s: %s", ctx->opt.output, format, bfd_errmsg(bfd_get_error()));
		ok = false;
	} else if (obfd && !ok) {
		bfd_close_all_done(obfd);
	}
	bfd_close_all_done(ibfd);
	free(syms);
	free(osec);
	if (!ok || ctx->errors) {
		unlink(tmp);
		return false;
	}
	return temp_finish(ctx, tmp);
}

bool oformat_convert(struct ctx *ctx, const uint8_t *elf, size_t size)
{
	const char *name = oformat_name(ctx);
	if (!name || oformat_is_elf(ctx))
		return true;
	if (!strcmp(name, "binary"))
		return write_binary(ctx, elf, size);
	return write_bfd(ctx, name, elf, size);
}
