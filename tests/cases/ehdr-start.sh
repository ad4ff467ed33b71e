# __ehdr_start, referenced and defined by nothing: GNU ld defines it hidden at the file header
# when a PT_LOAD holds the headers (relative to that segment's first section, or the first
# loaded section), which a PIE relocates; with no loaded headers a weak reference stays 0.
as_obj e.o <<'EOF2'
	.text
	.globl _start
_start:
	lea __ehdr_start(%rip), %rax
	ret
	.section .rodata,"a"
	.globl foo
foo:
	.weak __ehdr_start
	.dc.a __ehdr_start
	.data
	.quad 1
EOF2
link_both e.o
compare_outputs
link_both -pie e.o
compare_outputs
link_both -z separate-code -e _start --build-id e.o
compare_outputs
# a script that loads the headers (SIZEOF_HEADERS), one that does not, PHDRS with FILEHDR
echo 'SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } .rodata : { *(.rodata) } .data : { *(.data) } }' > h.ld
link_both -T h.ld e.o
compare_outputs
echo 'SECTIONS { . = 0x400000; .text : { *(.text) } .rodata : { *(.rodata) } .data : { *(.data) } }' > n.ld
link_both -T n.ld e.o
compare_outputs
cat > p.ld <<'EOF2'
PHDRS { hdr PT_LOAD FILEHDR PHDRS; text PT_LOAD; }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .rodata : { *(.rodata) } :hdr
           .text : { *(.text) } :text .data : { *(.data) } }
EOF2
link_both -T p.ld e.o
compare_outputs
# defined by the program itself: left alone
as_obj own.o <<'EOF2'
	.data
	.globl __ehdr_start
__ehdr_start: .quad 7
EOF2
link_both e.o own.o
compare_outputs
# a strong reference with no loaded headers: an undefined reference, as in GNU ld
as_obj strong.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.dc.a __ehdr_start
EOF2
expect_fail_both "undefined reference to .__ehdr_start'" -e _start -T n.ld --no-dynamic-linker strong.o
