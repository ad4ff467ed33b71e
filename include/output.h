/* Output helpers shared by the writers (ELF executable, relocatable, shared). */
#ifndef SLINK_OUTPUT_H
#define SLINK_OUTPUT_H

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

#endif
