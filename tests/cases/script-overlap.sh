# GNU ld's lang_check_section_addresses: overlapping load addresses of loaded sections, then
# (when no two sections start together, as overlays do) overlapping addresses of allocated
# ones, and sections wrapping around the address space fail the link; --no-check-sections
# lets it through.  Addresses print with the target's width.
as_obj a.o --64 <<'EOF'
	.text
	.globl _start
_start:	ret
	.data
	.quad 1
EOF
as_obj b.o --64 <<'EOF'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.byte 2
	.data
	.quad 1
	.bss
	.zero 16
EOF
as_obj a32.o --32 <<'EOF'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
EOF

echo 'SECTIONS { .text 0x1000 : { *(.text) } .data 0x1000 : { *(.data) } }' > vma.ld
expect_fail_both 'section \.data LMA \[0000000000001000,0000000000001007\] overlaps section \.text LMA \[0000000000001000,0000000000001000\]' -T vma.ld a.o
expect_fail_both 'section \.data LMA \[00001000,00001003\] overlaps section \.text LMA \[00001000,00001000\]' -m elf_i386 -T vma.ld a32.o

echo 'SECTIONS { .text 0x1000 : { *(.text) } .data 0x2000 : AT(0x1000) { *(.data) } }' > lma.ld
expect_fail_both 'section \.data LMA \[0000000000001000,0000000000001007\] overlaps section \.text LMA \[0000000000001000,0000000000001000\]' -T lma.ld a.o
# the orphan .rodata loads after .data, inside it: reported too
expect_fail_both 'section \.rodata LMA \[0000000000001001,0000000000001001\] overlaps section \.data LMA' -T lma.ld b.o

# a section starting below the previous one's start
echo 'SECTIONS { .text 0x1000 : { *(.text) } .data 0xfff : { *(.data) } }' > below.ld
expect_fail_both 'section \.text LMA \[0000000000001000,0000000000001000\] overlaps section \.data LMA \[0000000000000fff,0000000000001006\]' -T below.ld a.o

# NOBITS has no load address to overlap: only its VMA is checked
echo 'SECTIONS { .text 0x3000 : { *(.text) } .data 0x1000 : { *(.data) } .bss 0x1004 : { *(.bss) } }' > bss.ld
expect_fail_both 'section \.bss VMA \[0000000000001004,0000000000001013\] overlaps section \.data VMA \[0000000000001000,0000000000001007\]' -T bss.ld b.o

# two sections at one address look like overlays: VMAs are not checked at all
echo 'SECTIONS { .text 0x1000 : { *(.text) } .bss 0x1000 : { *(.bss) } .data 0x1004 : { *(.data) } }' > ovl.ld
link_both -T ovl.ld b.o
compare_outputs

echo 'SECTIONS { .text 0xfffffffffffffff0 : { *(.text) } .data : { *(.data) } }' > wrap.ld
expect_fail_both 'section \.bss VMA wraps around address space' -T wrap.ld b.o

# --no-check-sections: the same layouts link (a bss-only PT_LOAD keeps its p_offset within the
# first page, and the file position does not move for it)
for s in vma lma below bss; do
	link_both --no-check-sections -T $s.ld b.o
	compare_outputs
done
# -r does not check unless asked
link_both -r -T vma.ld a.o

# Sections at one address go into segments smaller first (bfd's elf_sort_sections), so the
# small one gets the PT_LOAD of its own; with SIZEOF_HEADERS the count that decides where
# everything goes follows from it.
cat > same.s <<'EOF'
	.text
	.globl _start
_start:	.fill 0x50, 1, 0x90
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "abcdefgh"
	.section .rodata,"a"
	.quad 1
EOF
as_obj same.o same.s
echo 'SECTIONS { . = 0x4000e8; .text : { *(.text) } .rodata : { *(.rodata) } .rodata.str1.1 0x400100 : { *(.rodata.str1.1) } }' > same1.ld
echo 'SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : ALIGN(64) { *(.text) } .rodata : { *(.rodata) } .rodata.str1.1 0x400100 : { *(.rodata.str1.1) } }' > same2.ld
for s in same1 same2; do
	link_both --no-check-sections -T $s.ld same.o
	compare_outputs
done
