/* JSON reader (RFC 8259): recursive descent into a value tree.  Memory is never freed: the
 * tool reads one or two documents and exits. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

struct parser {
	const char *p, *end, *start;
	char *err;
	size_t errlen;
	bool failed;
	int depth;
};

static void *xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p) {
		fprintf(stderr, "slink-layout: out of memory\n");
		exit(1);
	}
	return p;
}

static void fail(struct parser *P, const char *msg)
{
	if (P->failed)
		return;
	P->failed = true;
	int line = 1;
	for (const char *q = P->start; q < P->p && q < P->end; q++)
		line += *q == '\n';
	snprintf(P->err, P->errlen, "line %d: %s", line, msg);
}

static void ws(struct parser *P)
{
	while (P->p < P->end && (*P->p == ' ' || *P->p == '\t' || *P->p == '\n' || *P->p == '\r'))
		P->p++;
}

static struct jval *value(struct parser *P);

static void put_utf8(char **o, unsigned cp)
{
	char *q = *o;
	if (cp < 0x80) {
		*q++ = (char)cp;
	} else if (cp < 0x800) {
		*q++ = (char)(0xc0 | cp >> 6);
		*q++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*q++ = (char)(0xe0 | cp >> 12);
		*q++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*q++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*q++ = (char)(0xf0 | cp >> 18);
		*q++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*q++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*q++ = (char)(0x80 | (cp & 0x3f));
	}
	*o = q;
}

static int hex4(struct parser *P, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		if (P->p >= P->end) {
			fail(P, "truncated \\u escape");
			return 0;
		}
		char c = *P->p++;
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
		else {
			fail(P, "bad \\u escape");
			return 0;
		}
	}
	*out = v;
	return 1;
}

static const char *string(struct parser *P)
{
	P->p++; /* opening quote */
	const char *s = P->p;
	size_t n = 0;
	while (s < P->end && *s != '"') {
		if (*s == '\\')
			s++;
		s++;
		n++;
	}
	char *out = xalloc(n * 4 + 1), *o = out;
	while (P->p < P->end && *P->p != '"') {
		unsigned char c = (unsigned char)*P->p++;
		if (c < 0x20) {
			fail(P, "control character in string");
			return "";
		}
		if (c != '\\') {
			*o++ = (char)c;
			continue;
		}
		if (P->p >= P->end)
			break;
		char e = *P->p++;
		switch (e) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			unsigned cp;
			if (!hex4(P, &cp))
				return "";
			if (cp >= 0xd800 && cp < 0xdc00 && P->p + 1 < P->end && P->p[0] == '\\' && P->p[1] == 'u') {
				unsigned lo;
				P->p += 2;
				if (!hex4(P, &lo))
					return "";
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			put_utf8(&o, cp);
			break;
		}
		default:
			fail(P, "bad escape in string");
			return "";
		}
	}
	if (P->p >= P->end) {
		fail(P, "unterminated string");
		return "";
	}
	P->p++;
	*o = 0;
	return out;
}

static struct jval *container(struct parser *P, bool obj)
{
	struct jval *v = xalloc(sizeof(*v));
	v->type = obj ? J_OBJ : J_ARR;
	size_t cap = 0;
	P->p++;
	if (++P->depth > 512) {
		fail(P, "nesting too deep");
		return v;
	}
	ws(P);
	if (P->p < P->end && *P->p == (obj ? '}' : ']')) {
		P->p++;
		P->depth--;
		return v;
	}
	for (;;) {
		const char *key = NULL;
		ws(P);
		if (obj) {
			if (P->p >= P->end || *P->p != '"') {
				fail(P, "expected a member name");
				return v;
			}
			key = string(P);
			ws(P);
			if (P->p >= P->end || *P->p != ':') {
				fail(P, "expected ':'");
				return v;
			}
			P->p++;
		}
		struct jval *item = value(P);
		if (P->failed)
			return v;
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			v->items = realloc(v->items, cap * sizeof(*v->items));
			if (obj)
				v->keys = realloc(v->keys, cap * sizeof(*v->keys));
			if (!v->items || (obj && !v->keys)) {
				fprintf(stderr, "slink-layout: out of memory\n");
				exit(1);
			}
		}
		if (obj)
			v->keys[v->n] = key;
		v->items[v->n++] = item;
		ws(P);
		if (P->p < P->end && *P->p == ',') {
			P->p++;
			continue;
		}
		if (P->p < P->end && *P->p == (obj ? '}' : ']')) {
			P->p++;
			P->depth--;
			return v;
		}
		fail(P, obj ? "expected ',' or '}'" : "expected ',' or ']'");
		return v;
	}
}

static bool literal(struct parser *P, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(P->end - P->p) >= n && !memcmp(P->p, word, n)) {
		P->p += n;
		return true;
	}
	return false;
}

static struct jval *value(struct parser *P)
{
	ws(P);
	if (P->p >= P->end) {
		fail(P, "unexpected end of input");
		return NULL;
	}
	struct jval *v;
	switch (*P->p) {
	case '{':
		return container(P, true);
	case '[':
		return container(P, false);
	case '"':
		v = xalloc(sizeof(*v));
		v->type = J_STR;
		v->str = string(P);
		return v;
	}
	v = xalloc(sizeof(*v));
	if (literal(P, "null")) {
		v->type = J_NULL;
	} else if (literal(P, "true")) {
		v->type = J_BOOL;
		v->b = true;
	} else if (literal(P, "false")) {
		v->type = J_BOOL;
	} else if (*P->p == '-' || (*P->p >= '0' && *P->p <= '9')) {
		char buf[64];
		size_t n = 0;
		while (P->p < P->end && n < sizeof(buf) - 1 && strchr("+-0123456789.eE", *P->p))
			buf[n++] = *P->p++;
		buf[n] = 0;
		char *e;
		v->type = J_NUM;
		v->num = strtod(buf, &e);
		if (*e)
			fail(P, "bad number");
	} else {
		fail(P, "unexpected character");
	}
	return v;
}

struct jval *json_parse(const char *text, size_t len, char *err, size_t errlen)
{
	struct parser P = {text, text + len, text, err, errlen, false, 0};
	struct jval *v = value(&P);
	ws(&P);
	if (!P.failed && P.p != P.end)
		fail(&P, "trailing characters after the document");
	return P.failed ? NULL : v;
}

struct jval *json_load_file(const char *path, char **raw_out, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "slink-layout: cannot open %s: %s\n", path, strerror(errno));
		exit(1);
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = xalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf) {
				fprintf(stderr, "slink-layout: out of memory\n");
				exit(1);
			}
		}
	}
	fclose(f);
	char err[256];
	struct jval *v = json_parse(buf, n, err, sizeof(err));
	if (!v) {
		fprintf(stderr, "slink-layout: %s: %s\n", path, err);
		exit(1);
	}
	if (v->type != J_OBJ || jint(v, "version", 0) != 1) {
		fprintf(stderr, "slink-layout: %s: not an slink layout (version 1)\n", path);
		exit(1);
	}
	if (raw_out) {
		*raw_out = buf;
		*len_out = n;
	}
	return v;
}

struct jval *jget(const struct jval *obj, const char *key)
{
	if (!obj || obj->type != J_OBJ)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (!strcmp(obj->keys[i], key))
			return obj->items[i];
	return NULL;
}

const char *jstr(const struct jval *obj, const char *key)
{
	struct jval *v = jget(obj, key);
	return v && v->type == J_STR ? v->str : "";
}

double jnum(const struct jval *obj, const char *key)
{
	struct jval *v = jget(obj, key);
	return v && v->type == J_NUM ? v->num : 0;
}

long jint(const struct jval *obj, const char *key, long missing)
{
	struct jval *v = jget(obj, key);
	return v && v->type == J_NUM ? (long)v->num : missing;
}

bool jbool(const struct jval *obj, const char *key)
{
	struct jval *v = jget(obj, key);
	return v && v->type == J_BOOL && v->b;
}

uint64_t jaddr(const struct jval *obj, const char *key)
{
	struct jval *v = jget(obj, key);
	if (!v)
		return 0;
	if (v->type == J_NUM)
		return (uint64_t)v->num;
	return v->type == J_STR ? strtoull(v->str, NULL, 0) : 0;
}

size_t jlen(const struct jval *v)
{
	return v && v->type == J_ARR ? v->n : 0;
}

struct jval *jat(const struct jval *arr, size_t i)
{
	return arr && arr->type == J_ARR && i < arr->n ? arr->items[i] : NULL;
}
