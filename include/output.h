/* Output helpers shared by the writers (ELF executable, relocatable, shared). */
#ifndef SLINK_OUTPUT_H
#define SLINK_OUTPUT_H

#include <sys/types.h>

#include "slink.h"

/* A string table: add strings (getting handles), finish, then map handles to offsets. */
struct strtab {
	VEC(const char *) strs;      /* unique strings, in insertion order (index 0 unused) */
	VEC(uint32_t) lens;
	VEC(uint32_t) offsets;
	uint32_t *slots;             /* hash of string index + 1 */
	size_t cap;
	VEC(char) buf;               /* the finished table */
};

uint32_t strtab_add(struct strtab *t, const char *s);
void strtab_finish(struct strtab *t);
uint32_t strtab_offset(const struct strtab *t, uint32_t handle);
void strtab_free(struct strtab *t);

/* The output file: output_open makes a temporary beside the output and maps it (after
 * checking no error was reported); output_commit renames it over the output with `mode`, or
 * removes it when errors were reported or `keep` is false. */
struct output_file {
	int fd;
	uint8_t *image;
	uint64_t size;
};
/* The address thread-local symbols are relative to (bfd's tls_sec); false without one. */
bool tls_segment_base(const struct ctx *ctx, uint64_t *base);

uint8_t *output_open(struct ctx *ctx, uint64_t size, struct output_file *of);
void output_commit(struct ctx *ctx, struct output_file *of, mode_t mode, bool keep);

#endif
