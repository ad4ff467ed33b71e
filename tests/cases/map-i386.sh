# -Map of an i386 link: 8-digit addresses, the elf32-i386 output format, discarded COMDAT
# duplicates and their .group sections, SHF_EXCLUDE sections, a writable orphan.
as_obj a.o --32 <<'EOF2'
	.globl _start
_start:	call	inl
	ret
	.section .text.inl,"axG",@progbits,inl,comdat
	.weak inl
inl:	ret
	.section .note.GNU-stack,"",@progbits
EOF2
as_obj b.o --32 <<'EOF2'
	.globl bfun
bfun:	call	inl
	.section .text.inl,"axG",@progbits,inl,comdat
	.weak inl
inl:	ret
	.section .data.rel.local,"aw"
	.long 0
	.section .myorphan,"aw"
	.long 1
	.section .excl,"e"
	.long 2
	.section .note.GNU-stack,"",@progbits
EOF2
cat > t.ld <<'EOF2'
SECTIONS {
  . = 0x8048000;
  .text : { *(.text .text.*) }
  .data : { *(.data .data.*) }
  .bss : { *(.bss) }
  /DISCARD/ : { *(.comment) }
}
EOF2
ld.bfd -m elf_i386 -T t.ld a.o b.o -Map=bfd.map --cref -o bfd.out || fail "ld.bfd failed"
link_slink -m elf_i386 -T t.ld a.o b.o -Map=slink.map --cref
python3 "$TESTS/lib/mapcmp.py" bfd.map slink.map || fail "the maps differ"
