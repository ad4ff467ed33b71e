# ld -r with a script: where non-allocated orphans (.note.GNU-stack, other PROGBITS) go.  bfd
# first looks for an output section with exactly their flags (type matched), else puts them
# after the last output section of any type (a NOBITS .bss too).
as_obj o.o <<'EOF2'
	.text
	nop
	.data
	.long 1
	.bss
	.zero 8
	.section .mycomment,"",@progbits
	.byte 1
	.section .myinfo,"",@progbits
	.byte 2
	.section .note.GNU-stack,"",@progbits
EOF2
# no non-alloc section in the script: after .bss
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } .bss : { *(.bss) } }' > o1.ld
link_both -r -T o1.ld o.o
compare_outputs
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's (o1.ld)"
# a non-alloc section in the middle matches exactly: the orphans follow it
echo 'SECTIONS { .text : { *(.text) } .mycomment 0 : { *(.mycomment) } .data : { *(.data) } .bss : { *(.bss) } }' > o2.ld
link_both -r -T o2.ld o.o
compare_outputs
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's (o2.ld)"
