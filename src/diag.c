/* Diagnostics: errors are counted and the link carries on to a checkpoint, so one run reports
 * every problem it can find. */
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slink.h"

static void vreport(const char *kind, const char *fmt, va_list ap)
{
	fprintf(stderr, "slink: %s", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void error(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	ctx->errors++;
}

void warn(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
	ctx->warnings++;
	if (ctx->opt.fatal_warnings)
		ctx->errors++;
}

/* A message GNU ld's BFD library prints as it writes the output (no "warning:", and
 * --fatal-warnings does not count it) */
void notice(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

/* An input section as bfd names it in messages: a group member with its group's signature
 * (".text.f[f]"), as %pA prints it. */
const char *section_label(struct ctx *ctx, const struct input_section *isec)
{
	return isec->group ? arena_printf(&ctx->arena, "%s[%s]", isec->name, isec->group) : isec->name;
}

void error_at(struct ctx *ctx, const struct input_section *isec, uint64_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "slink: %s:(%s+0x%llx): ", isec->file->name, section_label(ctx, isec), (unsigned long long)off);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	ctx->errors++;
}

_Noreturn void fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("fatal error: ", fmt, ap);
	va_end(ap);
	exit(1);
}

/* A failed link leaves no output file behind, not even an old one, as with GNU ld. */
void checkpoint(struct ctx *ctx)
{
	if (!ctx->errors)
		return;
	struct stat st;
	if (ctx->opt.output && stat(ctx->opt.output, &st) == 0 && S_ISREG(st.st_mode))
		unlink(ctx->opt.output);
	exit(1);
}
