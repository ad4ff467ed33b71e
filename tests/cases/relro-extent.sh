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
