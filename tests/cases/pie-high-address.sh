# A PIE placed away from address 0 (a higher-half kernel's script, -Ttext-segment) is marked
# ET_EXEC, as GNU ld marks one whose lowest PT_LOAD does not start at 0; at 0 it stays ET_DYN.
# The script is a typical boot-protocol kernel's: PHDRS with a PT_DYNAMIC, .dynamic in two
# segments, the notes and unwind tables discarded.
cc_obj km.o -O2 -ffreestanding -fno-stack-protector -fPIE -mno-red-zone <<'E'
#include <stdint.h>
__attribute__((used, section(".requests"))) static volatile uint64_t req[4] = {1, 2, 3, 4};
static const char *names[] = { "alpha", "beta", "gamma" };
uint64_t counter;
void kmain(void)
{
	for (int i = 0; i < 3; i++)
		counter += (uint64_t)names[i][0] + req[i];
	for (;;)
		__asm__("hlt");
}
E
cat > hh.ld <<'E'
OUTPUT_FORMAT(elf64-x86-64)
ENTRY(kmain)
PHDRS
{
	text    PT_LOAD    FLAGS((1 << 0) | (1 << 2));
	rodata  PT_LOAD    FLAGS((1 << 2));
	data    PT_LOAD    FLAGS((1 << 1) | (1 << 2));
	dynamic PT_DYNAMIC FLAGS((1 << 1) | (1 << 2));
}
SECTIONS
{
	. = 0xffffffff80000000;
	.text : { *(.text .text.*) } :text
	. += CONSTANT(MAXPAGESIZE);
	.rodata : { *(.rodata .rodata.*) } :rodata
	. += CONSTANT(MAXPAGESIZE);
	.data : { *(.data .data.*) KEEP(*(.requests)) } :data
	.dynamic : { *(.dynamic) } :data :dynamic
	.bss : { *(COMMON) *(.bss .bss.*) } :data
	/DISCARD/ : { *(.eh_frame*) *(.note .note.*) }
}
E
sed 's/0xffffffff80000000/0/' hh.ld > low.ld
for args in "-T hh.ld" "-T low.ld" "-Ttext-segment=0x400000" ""; do
	# shellcheck disable=SC2086
	link_both -nostdlib -static -pie --no-dynamic-linker -z text -z max-page-size=0x1000 $args km.o
	compare_outputs
done
