# PT_GNU_RELRO as bfd sizes it: from the first non-empty section in the relro range, to the
# range's end, its file size trimmed to the bytes of the PT_LOAD holding it when the range
# ends in padding (here the next section starts a PT_LOAD of its own).
as_obj r.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .init_array,"aw",@init_array
	.p2align 2
	.quad 1
	.byte 2
	.section .mycode,"awx"
	.long 5
	.section .note.GNU-stack,"",@progbits
EOF2
printf 'SECTIONS { .mycode : { *(.mycode) } }\nINSERT AFTER .data;\n' > ri.ld
link_both -T ri.ld r.o --no-warn-rwx-segments
compare_outputs
link_both r.o --no-warn-rwx-segments
compare_outputs
# when the first PT_LOAD that reaches into the relro range has no section starting in it (with
# -n, sections at fixed addresses make one that spans the range), bfd warns and writes an
# all-zero program header in PT_GNU_RELRO's place
as_obj rn.o --32 <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .ctors.00100,"aw"
	.long 1, 2
	.section .data.rel.ro,"aw"
	.long 2
	.section .init_array,"aw",@init_array
	.long 3
	.section .preinit_array,"aw",@preinit_array
	.byte 4
	.section .rodata,"a"
	.long 9
	.bss
	.zero 16
EOF2
cat > rn.ld <<'EOF2'
SECTIONS {
  .text : { }
  .text.unlikely.z 0x100800 : { }
  .rodata : AT(0x910800) { }
  .rodata.cst8 : SUBALIGN(0x1) { }
  . = DATA_SEGMENT_ALIGN(0x1000, CONSTANT(COMMONPAGESIZE));
  .ctors.00100 : { }
  .fini_array (COPY) : AT(0x910900) ALIGN(4) { }
  .init_array 0x111900 : { }
  . = MAX(., 0x112100);
  .preinit_array : { *(.preinit_array) }
  .tbss (COPY) : AT(ADDR(.init_array) + 0x40) { }
  . = DATA_SEGMENT_RELRO_END(0x10, .);
  .bss 0x113100 : { }
  .comment.my : AT(ADDR(.ctors.00100) + 0x1000) { } =0xff
  . = DATA_SEGMENT_END(.);
}
EOF2
link_both -m elf_i386 -n -T rn.ld rn.o --no-warn-rwx-segments
compare_outputs
compare_warnings
readelf -lW bfd.out | grep -q '^  NULL' || fail "the test expects ld.bfd's all-zero program header"
# PT_GNU_RELRO is made only when a PT_LOAD starting in the range has a section with SEC_LOAD:
# .rodata here got only an unallocated input's bytes (allocated by `.' moving), so none
as_obj rl.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .mynonalloc,"",@progbits
	.byte 1, 2, 3, 4, 5
	.section .myro,"a"
	.long 1
	.section .data.x,"aw"
	.long 1
	.data
	.byte 1
EOF2
cat > rl.ld <<'EOF2'
SECTIONS {
  .text : { }
  . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE));
  .data (COPY) : { }
  .data.x 0x11000 : { *(.data.x) }
  . = DATA_SEGMENT_RELRO_END(24, .);
  .rodata : AT(ADDR(.data.x) + 0x100) { *(.mynonalloc*) . = ALIGN(4); }
  .myro : ALIGN(0x200) { }
  . = DATA_SEGMENT_END(.);
}
EOF2
link_both -T rl.ld rl.o --no-warn-rwx-segments
compare_outputs
