# sh_addralign is bfd's: the alignment lowered to what a script-forced address is aligned to
# (elf_fake_sections), with -r (where it also aligns the file offset) and in a final link.
# And with -r, a symbol given SEGMENT_START() outside the sections is relative to a nearby
# section (bfd's rel_from_abs), not absolute.
as_obj o.o <<'EOF2'
	.globl _start
	.text
_start:	.quad sym1
	.data
	.balign 64
	.long 1
	.section .note.GNU-stack,"",@progbits
EOF2
cat > s.ld <<'EOF2'
sym1 = SEGMENT_START("bss", 0x40);
SECTIONS {
	.text 0x100800 : { *(.text) }
	.data 0x110114 : { *(.data) }
}
EOF2
link_both -r -T s.ld o.o
compare_outputs
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's"
readelf -SW slink.out | grep -Eq ' \.data +PROGBITS +0+110114 [0-9a-f]+ [0-9a-f]+ 00 +WA +0 +0 +4$' || fail "sh_addralign of .data is not 4"
link_both --no-warn-rwx-segments -T s.ld o.o
compare_outputs

# -r sizes sections once: SUBALIGN raises the output alignment only after the section's start
# was aligned to its inputs' own, so the start stays unaligned (and sh_addralign follows it)
as_obj p.o <<'EOF2'
	.text
	.fill 10, 1, 0x90
	.section myro,"a",@progbits
	.globl in_myro
in_myro: .quad in_myro
	.section .note.GNU-stack,"",@progbits
EOF2
echo 'SECTIONS { .text 0x2000 : { *(.text) } myro : SUBALIGN(16) { *(myro) } }' > sub.ld
link_both -r -T sub.ld p.o
compare_outputs
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's (SUBALIGN)"
# ... unless a DATA_SEGMENT_END makes GNU ld size them again (relro, or a page to save): the
# second pass starts the section at the raised alignment
for seg in '. = DATA_SEGMENT_ALIGN(0x1000, 0x1000); . = DATA_SEGMENT_RELRO_END(0, .);' \
	'. = DATA_SEGMENT_ALIGN(0x1000, 0x1000);'; do
	echo "SECTIONS { .text 0x2000 : { *(.text) } $seg .d1 : { BYTE(1) } myro : SUBALIGN(16) { *(myro) } . = DATA_SEGMENT_END(.); }" > sub2.ld
	link_both -r -T sub2.ld p.o
	compare_outputs
done
