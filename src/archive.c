/* Archives: regular `!<arch>` and GNU thin `!<thin>`, read in place.
 *
 * Layout (System V / GNU ar): an 8-byte magic, then members, each a 60-byte text header
 *   name[16] date[12] uid[6] gid[6] mode[8] size[10] fmag[2] = "`\n"
 * followed by `size` bytes and one '\n' of padding when size is odd.  Special members:
 *   "/"        symbol index: count, offsets (32-bit big-endian), then count NUL-terminated names
 *   "/SYM64/"  the same with 64-bit count and offsets
 *   "//"       long names: "name/\n" records; a member named "/123" is the record at offset 123
 * Short names end at '/' ("a.o/").
 *
 * Thin archives store only the headers (and the special members): a member's name is a path
 * relative to the archive's directory (bfd: _bfd_append_relative_path), and its bytes are in
 * that file.  GNU ar flattens thin archives added to a thin archive, and refers to members of
 * a regular archive added to a thin one as "/N:ORIGIN": long name N is the regular archive's
 * path, ORIGIN the offset of the member's header in it (bfd: find_nested_archive).  A member
 * file that is itself a thin archive is expanded here in place (bfd rejects it; expanding is
 * what a user of `ar T` means); one that is a regular archive is rejected as bfd does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slink.h"
#include "archive.h"

#define AR_MAGIC "!<arch>\n"
#define THIN_MAGIC "!<thin>\n"
#define HDR_SIZE 60
#define MAX_NESTING 8

bool is_archive(const uint8_t *data, size_t size)
{
	return size >= 8 && (!memcmp(data, AR_MAGIC, 8) || !memcmp(data, THIN_MAGIC, 8));
}

/* A regular archive referenced by "/N:ORIGIN" members, parsed once per link of the archive. */
struct nested_regular {
	const char *path;
	struct archive ar;
};

/* Where one header offset of one archive file leads, for its symbol index. */
struct slot {
	uint64_t offset;
	struct archive_member *member; /* NULL: not a member (expanded archive, special member) */
};

struct parse {
	struct ctx *ctx;
	struct archive *top;
	VEC(struct nested_regular *) regulars;
	VEC(struct archive_symbol) index;
	const char *chain[MAX_NESTING + 1]; /* thin archives being expanded, outermost first */
	int depth;
	bool some_unindexed; /* a nested thin archive had no index */
};

static bool bad(struct parse *p, const char *path, uint64_t off, const char *member, const char *what)
{
	if (member)
		error(p->ctx, "%s: malformed archive: member '%s' at offset 0x%llx: %s", path, member,
		      (unsigned long long)off, what);
	else
		error(p->ctx, "%s: malformed archive: at offset 0x%llx: %s", path, (unsigned long long)off, what);
	return false;
}

/* The size field: decimal digits then spaces, nothing else. */
static bool parse_size(const uint8_t *f, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;
	for (; i < 10 && f[i] >= '0' && f[i] <= '9'; i++)
		v = v * 10 + (uint64_t)(f[i] - '0'); /* at most 10 digits: no overflow */
	if (i == 0)
		return false;
	for (; i < 10; i++)
		if (f[i] != ' ')
			return false;
	*out = v;
	return true;
}

/* A printable copy of a raw name field, for messages. */
static const char *raw_name(struct parse *p, const uint8_t *h)
{
	char buf[17];
	size_t n = 0;
	for (; n < 16 && h[n] >= 0x20 && h[n] < 0x7f; n++)
		buf[n] = (char)h[n];
	while (n && buf[n - 1] == ' ')
		n--;
	return arena_strndup(&p->ctx->arena, buf, n);
}

static bool is_special(const uint8_t *h, const char *name)
{
	size_t n = strlen(name);
	if (memcmp(h, name, n))
		return false;
	for (size_t i = n; i < 16; i++)
		if (h[i] != ' ')
			return false;
	return true;
}

/* Parse a symbol index ("/" with width 4, "/SYM64/" with width 8) into raw offsets. */
struct raw_index {
	const uint8_t *data;
	uint64_t size;
	unsigned width;
	uint64_t hdr_off;
};

static uint64_t read_be(const uint8_t *b, unsigned w)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < w; i++)
		v = v << 8 | b[i];
	return v;
}

static bool index_resolve(struct parse *p, const char *path, const struct raw_index *ri, const struct slot *slots,
			  size_t nslots)
{
	const char *what = ri->width == 8 ? "/SYM64/" : "/";
	if (ri->size < ri->width)
		return bad(p, path, ri->hdr_off, what, "symbol index shorter than its count field");
	uint64_t n = read_be(ri->data, ri->width);
	uint64_t room = (ri->size - ri->width) / ri->width;
	if (n > room)
		return bad(p, path, ri->hdr_off, what, "symbol index count exceeds the index size");
	const uint8_t *offs = ri->data + ri->width;
	const char *str = (const char *)(offs + n * ri->width);
	const char *end = (const char *)(ri->data + ri->size);
	for (uint64_t i = 0; i < n; i++) {
		const char *nul = memchr(str, 0, (size_t)(end - str));
		if (!nul)
			return bad(p, path, ri->hdr_off, what, "symbol index names run past the index");
		uint64_t off = read_be(offs + i * ri->width, ri->width);
		/* slots are in increasing offset order: binary search */
		size_t lo = 0, hi = nslots;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (slots[mid].offset < off)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == nslots || slots[lo].offset != off) {
			char msg[96];
			snprintf(msg, sizeof(msg), "symbol '%.40s' points at 0x%llx, which is not a member header", str,
				 (unsigned long long)off);
			return bad(p, path, ri->hdr_off, what, msg);
		}
		if (slots[lo].member) {
			struct archive_symbol s = {str, slots[lo].member};
			vec_push(p->index, s);
		}
		str = nul + 1;
	}
	return true;
}

/* "dir/lib.a" + "x/y.o" -> "dir/x/y.o"; absolute names stay as they are. */
static const char *relative_to(struct parse *p, const char *archive_path, const char *name)
{
	if (name[0] == '/')
		return name;
	const char *slash = strrchr(archive_path, '/');
	if (!slash)
		return name;
	return arena_printf(&p->ctx->arena, "%.*s%s", (int)(slash - archive_path + 1), archive_path, name);
}

static bool parse_file(struct parse *p, const char *path, const uint8_t *data, size_t size,
		       struct archive *self, bool collect_index);

static struct archive *nested_regular(struct parse *p, const char *path)
{
	for (size_t i = 0; i < p->regulars.n; i++)
		if (!strcmp(p->regulars.v[i]->path, path))
			return &p->regulars.v[i]->ar;
	struct mapped_file mf;
	if (!map_file(path, &mf)) {
		error(p->ctx, "%s: cannot open nested archive %s: %s", p->top->path, path, strerror(errno));
		return NULL;
	}
	if (!(mf.size >= 8 && !memcmp(mf.data, AR_MAGIC, 8))) {
		error(p->ctx, "%s: %s, named as an archive holding members, is not a regular archive", p->top->path, path);
		return NULL;
	}
	struct nested_regular *nr = arena_alloc(&p->ctx->arena, sizeof(*nr));
	nr->path = path;
	nr->ar.path = path;
	/* its members are reached by header offset; its own index is not needed */
	struct parse sub = {.ctx = p->ctx, .top = &nr->ar};
	bool ok = parse_file(&sub, path, mf.data, mf.size, &nr->ar, false);
	free(sub.index.v);
	for (size_t i = 0; i < sub.regulars.n; i++)
		free(sub.regulars.v[i]->ar.members.v);
	free(sub.regulars.v);
	if (!ok) {
		free(nr->ar.members.v);
		return NULL;
	}
	vec_push(p->regulars, nr);
	return &nr->ar;
}

static struct archive_member *new_member(struct parse *p)
{
	struct archive_member *m = arena_alloc(&p->ctx->arena, sizeof(*m));
	m->ar = p->top;
	vec_push(p->top->members, m);
	return m;
}

/* Walk one archive file.  Members go to p->top->members (flattened); when collect_index, its
 * index entries go to p->index.  `self` receives thin/has_index for this file. */
static bool parse_file(struct parse *p, const char *path, const uint8_t *data, size_t size,
		       struct archive *self, bool collect_index)
{
	if (!is_archive(data, size)) {
		error(p->ctx, "%s: not an archive (bad magic)", path);
		return false;
	}
	bool thin = !memcmp(data, THIN_MAGIC, 8);
	self->thin = thin;
	const char *names = NULL; /* "//" table */
	uint64_t names_size = 0;
	struct raw_index ri = {0};
	VEC(struct slot) slots = {0};
	bool ok = true;

	uint64_t off = 8;
	while (ok && off < size) {
		if (size - off < HDR_SIZE) {
			ok = bad(p, path, off, NULL, "truncated member header");
			break;
		}
		const uint8_t *h = data + off;
		if (h[58] != '`' || h[59] != '\n') {
			ok = bad(p, path, off, raw_name(p, h), "member header lacks the \"`\\n\" terminator");
			break;
		}
		uint64_t msize;
		if (!parse_size(h + 48, &msize)) {
			ok = bad(p, path, off, raw_name(p, h), "size field is not a decimal number");
			break;
		}
		uint64_t doff = off + HDR_SIZE;
		bool special = h[0] == '/' && (is_special(h, "/") || is_special(h, "//") || is_special(h, "/SYM64/"));
		bool stored = !thin || special;
		if (stored && msize > size - doff) {
			char msg[80];
			snprintf(msg, sizeof(msg), "size %llu runs past the end of the file",
				 (unsigned long long)msize);
			ok = bad(p, path, off, raw_name(p, h), msg);
			break;
		}
		const uint8_t *mdata = data + doff;
		uint64_t next = doff + (stored ? msize : 0);
		next += next & 1;

		if (is_special(h, "/") || is_special(h, "/SYM64/")) {
			if (!ri.data) { /* GNU ar writes one index, first; later ones are ignored */
				ri.data = mdata;
				ri.size = msize;
				ri.width = h[1] == 'S' ? 8 : 4;
				ri.hdr_off = off;
				self->has_index = true;
			}
			struct slot s = {off, NULL};
			vec_push(slots, s);
			off = next;
			continue;
		}
		if (is_special(h, "//")) {
			names = (const char *)mdata;
			names_size = msize;
			struct slot s = {off, NULL};
			vec_push(slots, s);
			off = next;
			continue;
		}

		/* the member's name */
		const char *name;
		uint64_t origin = 0;
		if (h[0] == '/' && h[1] >= '0' && h[1] <= '9') {
			uint64_t idx = 0;
			size_t i = 1;
			for (; i < 16 && h[i] >= '0' && h[i] <= '9'; i++)
				idx = idx * 10 + (uint64_t)(h[i] - '0');
			if (thin && i < 16 && h[i] == ':') {
				size_t j = ++i;
				for (; i < 16 && h[i] >= '0' && h[i] <= '9'; i++)
					origin = origin * 10 + (uint64_t)(h[i] - '0');
				if (i == j) {
					ok = bad(p, path, off, raw_name(p, h), "bad nested-archive origin in member name");
					break;
				}
			}
			/* bfd reads the number and ignores what follows it: GNU ar sometimes leaves a
			 * '/' at the end of the field (seen in the kernel's vmlinux.a) */
			if (!names) {
				ok = bad(p, path, off, raw_name(p, h), "long-name reference but no \"//\" table before it");
				break;
			}
			if (idx >= names_size) {
				ok = bad(p, path, off, raw_name(p, h), "long-name offset is outside the \"//\" table");
				break;
			}
			const char *s = names + idx;
			const char *e = memchr(s, '\n', (size_t)(names_size - idx));
			if (!e)
				e = names + names_size;
			size_t n = (size_t)(e - s);
			if (n && s[n - 1] == '/')
				n--;
			if (!n || memchr(s, 0, n)) {
				ok = bad(p, path, off, raw_name(p, h), "empty or corrupt entry in the long-name table");
				break;
			}
			name = arena_strndup(&p->ctx->arena, s, n);
		} else if (!memcmp(h, "#1/", 3)) {
			ok = bad(p, path, off, raw_name(p, h), "BSD-style long names are not supported");
			break;
		} else {
			size_t n = 0;
			while (n < 16 && h[n] != '/')
				n++;
			if (n == 16)
				while (n && h[n - 1] == ' ')
					n--;
			if (!n) {
				ok = bad(p, path, off, raw_name(p, h), "empty member name");
				break;
			}
			name = arena_strndup(&p->ctx->arena, (const char *)h, n);
		}

		struct slot s = {off, NULL};
		if (!thin) {
			struct archive_member *m = new_member(p);
			m->name = name;
			m->display = arena_printf(&p->ctx->arena, "%s(%s)", path, name);
			m->data = mdata;
			m->size = (size_t)msize;
			m->container = path;
			m->offset = off;
			s.member = m;
		} else if (origin) {
			/* member ORIGIN of the regular archive `name` */
			const char *apath = relative_to(p, path, name);
			struct archive *nr = nested_regular(p, apath);
			if (!nr) {
				ok = false;
				break;
			}
			struct archive_member *src = NULL;
			for (size_t i = 0; i < nr->members.n; i++)
				if (nr->members.v[i]->offset == origin) {
					src = nr->members.v[i];
					break;
				}
			if (!src) {
				char msg[120];
				snprintf(msg, sizeof(msg), "no member of %.60s starts at offset %llu", apath,
					 (unsigned long long)origin);
				ok = bad(p, path, off, name, msg);
				break;
			}
			struct archive_member *m = new_member(p);
			*m = *src;
			m->ar = p->top;
			m->loaded = false;
			m->file = NULL;
			m->offset = off;
			s.member = m;
		} else {
			const char *mpath = relative_to(p, path, name);
			struct mapped_file mf;
			if (!map_file(mpath, &mf)) {
				error(p->ctx, "%s(%s): error opening thin archive member: %s", path, mpath, strerror(errno));
				ok = false;
				break;
			}
			if (mf.size >= 8 && !memcmp(mf.data, THIN_MAGIC, 8)) {
				/* a thin archive inside a thin archive: its members, in place */
				for (int i = 0; i <= p->depth; i++)
					if (!strcmp(p->chain[i], mpath)) {
						ok = bad(p, path, off, name, "thin archive contains itself");
						break;
					}
				if (!ok)
					break;
				if (p->depth >= MAX_NESTING) {
					ok = bad(p, path, off, name, "thin archives nested too deeply");
					break;
				}
				p->chain[++p->depth] = mpath;
				struct archive inner = {.path = mpath};
				ok = parse_file(p, mpath, mf.data, mf.size, &inner, collect_index);
				p->depth--;
				if (!ok)
					break;
			} else if (mf.size >= 8 && !memcmp(mf.data, AR_MAGIC, 8)) {
				error(p->ctx, "%s: member %s in archive is not an object", path, mpath);
				ok = false;
				break;
			} else {
				struct archive_member *m = new_member(p);
				m->name = name;
				m->display = mpath;
				m->data = mf.data;
				m->size = mf.size;
				m->path = mpath;
				m->offset = off;
				s.member = m;
			}
		}
		vec_push(slots, s);
		off = next;
	}
	if (ok && collect_index && ri.data)
		ok = index_resolve(p, path, &ri, slots.v, slots.n);
	if (!ri.data)
		p->some_unindexed = true;
	free(slots.v);
	return ok;
}

bool archive_parse(struct ctx *ctx, const char *path, const uint8_t *data, size_t size, struct archive *out)
{
	memset(out, 0, sizeof(*out));
	out->path = path;
	struct parse p = {.ctx = ctx, .top = out};
	p.chain[0] = path;
	bool ok = parse_file(&p, path, data, size, out, true);
	for (size_t i = 0; i < p.regulars.n; i++)
		free(p.regulars.v[i]->ar.members.v);
	free(p.regulars.v);
	if (ok && p.some_unindexed && out->has_index) {
		/* part of the members is not indexed: let the loader index them all itself */
		out->has_index = false;
		p.index.n = 0;
	}
	if (ok) {
		/* members and index live as long as the link: move them into the arena (so the
		 * arrays are fixed from here on: nothing may vec_push onto out->members) */
		if (p.index.n) {
			out->index = arena_alloc(&ctx->arena, p.index.n * sizeof(*out->index));
			memcpy(out->index, p.index.v, p.index.n * sizeof(*out->index));
		}
		out->nindex = p.index.n;
		struct archive_member **mv = NULL;
		if (out->members.n) {
			mv = arena_alloc(&ctx->arena, out->members.n * sizeof(*mv));
			memcpy(mv, out->members.v, out->members.n * sizeof(*mv));
		}
		free(out->members.v);
		out->members.v = mv;
		out->members.cap = out->members.n;
	} else {
		free(out->members.v);
		out->members.v = NULL;
		out->members.n = out->members.cap = 0;
	}
	free(p.index.v);
	return ok;
}
