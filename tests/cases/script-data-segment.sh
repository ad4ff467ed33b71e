# DATA_SEGMENT_ALIGN / DATA_SEGMENT_RELRO_END / DATA_SEGMENT_END in a script, with -z relro and
# -z norelro: with relro kept (some input with contents between DATA_SEGMENT_ALIGN and
# DATA_SEGMENT_RELRO_END, or the end of the script when there is none) `.` is aligned to the
# page, else it keeps its offset in the page; a data segment that can save a page is moved
# (commonpagesize < maxpagesize); the relro range is padded to end on a page; PT_GNU_RELRO.
for m in 64 32; do
	as_obj d$m.o --$m <<'E'
	.text
	.globl _start
_start:	ret
	.fill 0x123, 1, 0x90
	.section .data.rel.ro,"aw"
	.long 1, 2, 3
	.section .init_array,"aw",@init_array
	.long 4
	.data
	.long 5
	.fill 0x40, 1, 7
	.bss
	.zero 0x20
E
done
n=0
while IFS= read -r sc; do
	n=$((n + 1))
	echo "$sc" > ds$n.ld
	for m in 64 32; do
		emu=elf_x86_64; [ $m = 32 ] && emu=elf_i386
		for z in relro norelro; do
			link_both -m $emu -z $z -T ds$n.ld d$m.o
			compare_outputs
		done
	done
done <<'E'
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE)); .init_array : { *(.init_array) } .data.rel.ro : { *(.data.rel.ro) } . = DATA_SEGMENT_RELRO_END(0, .); .data : { *(.data) } .bss : { *(.bss) } . = DATA_SEGMENT_END(.); }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE)); .data : { *(.data) *(.data.rel.ro) *(.init_array) } .bss : { *(.bss) } . = DATA_SEGMENT_END(.); }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } . = DATA_SEGMENT_ALIGN(0x200000, 0x1000); .init_array : { *(.init_array) } . = DATA_SEGMENT_RELRO_END(24, .); .data : { *(.data) *(.data.rel.ro) } .bss : { *(.bss) } . = DATA_SEGMENT_END(.); }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } . = DATA_SEGMENT_ALIGN(0x10000, 0x1000); .data : { *(.data) *(.data.rel.ro) *(.init_array) } . = DATA_SEGMENT_END(.); .bss : { *(.bss) } }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE)); .empty : { *(.nothing) } . = DATA_SEGMENT_RELRO_END(0, .); .data : { *(.data) *(.data.rel.ro) *(.init_array) } .bss : { *(.bss) } . = DATA_SEGMENT_END(.); }
E
# -r: GNU ld keeps -z relro without looking for relro sections, so the data segment is laid
# out (and the relro end page-aligned) as for -z relro
n=0
while IFS= read -r sc; do
	n=$((n + 1))
	echo "$sc" > rs$n.ld
	for z in relro norelro; do
		link_both -r -z $z -T rs$n.ld d64.o
		compare_outputs
	done
done <<'E'
SECTIONS { .text : { *(.text) } . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), 0x1000); . = DATA_SEGMENT_RELRO_END(24, .); .data : { *(.data) } .bss : { *(.bss) } . = DATA_SEGMENT_END(.); }
SECTIONS { .text : { *(.text) } . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE)); .init_array : { *(.init_array) } . = DATA_SEGMENT_RELRO_END(0, .); .data : { *(.data) } . = DATA_SEGMENT_END(.); }
E
# out of order (an END or RELRO_END with no ALIGN before it, a second END) or inside an output
# section, GNU ld finds no value, and `.` cannot take it; a symbol can, from the final pass
while IFS= read -r sc; do
	echo "$sc" > bad.ld
	expect_fail_both 'invalid assignment to location counter' -T bad.ld d64.o
done <<'E'
SECTIONS { .text : { *(.text) } . = DATA_SEGMENT_END(.); }
SECTIONS { .text : { *(.text) } . = DATA_SEGMENT_RELRO_END(0, .); }
SECTIONS { .text : { *(.text) . = DATA_SEGMENT_ALIGN(0x1000, 0x1000); } }
SECTIONS { . = DATA_SEGMENT_ALIGN(0x1000, 0x1000); .text : { *(.text) } . = DATA_SEGMENT_END(.); . = DATA_SEGMENT_END(.); }
E
echo 'SECTIONS { .text : { *(.text) } x = DATA_SEGMENT_END(.); y = DATA_SEGMENT_RELRO_END(4, .); }' > sym.ld
link_both -T sym.ld d64.o
compare_outputs
# The relro sections are moved up walking GNU ld's section list backwards, not the addresses
# or the statements: an ADDR() before its statement makes .data.rel.ro ahead of .init_array
as_obj al.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .data.rel.ro,"aw"
	.p2align 6
	.quad 1, 2, 3
	.section .init_array,"aw",@init_array
	.p2align 3
	.quad 4
	.data
	.long 5
E
cat > order.ld <<'E'
SECTIONS {
  .text 0x400000 : { *(.text) }
  . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE));
  q = ADDR(.data.rel.ro);
  .init_array : { KEEP(*(.init_array)) }
  .data.rel.ro : { *(.data.rel.ro) }
  . = DATA_SEGMENT_RELRO_END(0, .);
  .data : { *(.data) }
  . = DATA_SEGMENT_END(.);
}
E
link_both -z relro -T order.ld al.o
compare_outputs
