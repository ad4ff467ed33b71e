/* Archives (archive.c): regular `!<arch>` archives with GNU `/` and `/SYM64/` symbol indexes and
 * `//` long names, and GNU thin archives `!<thin>` whose members are files named relative to the
 * archive's directory.  Members are flattened: a thin member that is itself a thin archive is
 * replaced by its members, in order; a thin member written `/N:ORIGIN` (GNU ar's reference to
 * member ORIGIN of a regular archive added to a thin one) is that regular archive's member. */
#ifndef SLINK_ARCHIVE_H
#define SLINK_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct ctx;
struct input_file;
struct archive;

struct archive_member {
	struct archive *ar;      /* the archive given on the command line (outermost) */
	const char *name;        /* member name, long names resolved ("sub/a.o" in a thin archive) */
	/* GNU ld's name for diagnostics: "lib.a(name.o)" for a member stored in a regular archive
	 * (for `/N:ORIGIN` members the regular archive is the nested one, "sub/reg.a(x.o)"); for a
	 * thin member the file it names, "sub/a.o", as bfd prints it. */
	const char *display;
	const uint8_t *data;     /* object bytes, in place (mapped) */
	size_t size;
	const char *path;        /* thin members: the file on disk (relative to the archive's
	                          * directory, as bfd's _bfd_append_relative_path resolves it); else NULL */
	const char *container;   /* the archive file whose bytes hold the member: ar->path, or the
	                          * nested regular archive for `/N:ORIGIN` members; NULL for thin ones */
	uint64_t offset;         /* header offset in the archive that lists it (ar->path, or the
	                          * nested thin archive it came from) */
	bool loaded;
	struct input_file *file; /* set by the loader once extracted */
};

struct archive_symbol {
	const char *name;
	struct archive_member *member;
};

struct archive {
	const char *path;
	bool thin;
	bool has_index;          /* a `/` or `/SYM64/` index was present (possibly empty) */
	VEC(struct archive_member *) members;  /* flattened: nested thin archives expanded in place */
	struct archive_symbol *index;           /* in index order; nested thin archives' indexes
	                                         * follow the outer one's */
	size_t nindex;
};

/* "!<arch>\n" or "!<thin>\n" */
bool is_archive(const uint8_t *data, size_t size);
/* Parse a mapped archive.  Thin members are mapped with map_file.  On malformed input report
 * one clear error naming the archive (and member/offset) and return false. */
bool archive_parse(struct ctx *ctx, const char *path, const uint8_t *data, size_t size, struct archive *out);

#endif
