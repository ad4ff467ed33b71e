/* A small JSON reader for slink-layout: the whole document parsed into a tree of values.
 * Numbers keep their text too (addresses are strings in slink's layout JSON anyway). */
#ifndef SLINK_LAYOUT_JSON_H
#define SLINK_LAYOUT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jtype type;
	bool b;
	double num;
	const char *str;          /* J_STR: decoded, NUL-terminated */
	size_t n;                 /* J_ARR / J_OBJ: element count */
	struct jval **items;      /* J_ARR elements, J_OBJ values */
	const char **keys;        /* J_OBJ keys */
};

/* Parse `text` (len bytes).  NULL on error, with a message in *err ("line 3: ..."). */
struct jval *json_parse(const char *text, size_t len, char *err, size_t errlen);
/* Read and parse a file; exits with a message on failure.  *raw_out gets the file text. */
struct jval *json_load_file(const char *path, char **raw_out, size_t *len_out);

/* Member of an object, or NULL. */
struct jval *jget(const struct jval *obj, const char *key);
/* Conveniences that tolerate missing members: "" / 0 / false. */
const char *jstr(const struct jval *obj, const char *key);
double jnum(const struct jval *obj, const char *key);
long jint(const struct jval *obj, const char *key, long missing); /* `missing` for null/absent */
bool jbool(const struct jval *obj, const char *key);
/* A hex address string member ("0x401000") as an integer. */
uint64_t jaddr(const struct jval *obj, const char *key);
size_t jlen(const struct jval *v); /* array length, 0 when not an array */
struct jval *jat(const struct jval *arr, size_t i);

#endif
