/* Output and input formats other than the emulation's ELF (oformat.c, foreign.c).
 *
 * The link always produces the finished ELF image (output.c); when the output format is not
 * ELF, oformat_convert() turns that image into the requested format: `binary` is the memory
 * image written directly, ihex/srec/symbolsrec/verilog/tekhex go through libbfd. */
#ifndef SLINK_OFORMAT_H
#define SLINK_OFORMAT_H

#include "slink.h"

/* The output format name in force: --oformat; else, with -T/-dT, the first OUTPUT_FORMAT of
 * the scripts or the last -b FORMAT of the command line; else NULL (the emulation's ELF). */
const char *oformat_name(const struct ctx *ctx);
/* Is the output ELF?  (True for unknown names: oformat_check reports those.) */
bool oformat_is_elf(const struct ctx *ctx);
/* Report an unknown or mismatched output format (GNU ld checks it when opening the output). */
void oformat_check(struct ctx *ctx);
/* Write the output file in the requested format from the finished ELF image, through a
 * temporary file renamed over ctx->opt.output.  Reports errors and returns false on failure
 * (then no output file is left behind). */
bool oformat_convert(struct ctx *ctx, const uint8_t *elf, size_t size);

/* libbfd messages routed into slink's diagnostics (oformat.c) */
void oformat_bfd_init(struct ctx *ctx);

#endif
