/* Non-ELF inputs selected with -b FORMAT. */
#include "passes.h"

void input_load_foreign(struct ctx *ctx, const char *path, const char *format, const uint8_t *data, size_t size)
{
	(void)data;
	(void)size;
	error(ctx, "%s: input format `%s' is not supported yet", path, format);
}
