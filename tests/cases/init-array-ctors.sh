# .ctors/.ctors.* placed in .init_array and .dtors/.dtors.* in .fini_array (GNU ld's default
# scripts do both) are copied in reverse order of address-size words: the old sections run
# last to first, the arrays first to last.  Relocations follow their word (-pie's RELATIVE
# relocations, --emit-relocs, -r).  A section whose size is not a whole number of words, or
# that has words without a relocation among relocated ones, is GNU ld's error.  The program
# calls its .init_array in order and exits with the order it saw (base 3 digits).
as_obj r.o <<'E'
	.text
	.globl _start
_start:	xorl %ebx, %ebx
	leaq __init_array_start(%rip), %r12
	leaq __init_array_end(%rip), %r13
1:	cmpq %r13, %r12
	je 2f
	call *(%r12)
	addq $8, %r12
	jmp 1b
2:	movl %ebx, %edi
	movl $60, %eax
	syscall
f1:	imull $3, %ebx
	addl $1, %ebx
	ret
f2:	imull $3, %ebx
	addl $2, %ebx
	ret
f3:	imull $3, %ebx
	ret
	.section .ctors,"aw",@progbits
	.quad f1, f2, f3
	.section .init_array,"aw",@init_array
	.quad f2
E
as_obj d.o <<'E'
	.text
g1:	ret
g2:	ret
	.section .dtors,"aw",@progbits
	.quad g1, g2
	.section .dtors.00010,"aw",@progbits
	.quad g1
	.quad g2
	.section .ctors.foo,"aw",@progbits
	.quad g1, g2
	.section .ctorsx,"aw",@progbits
	.quad g1, g2
E
as_obj d32.o --32 <<'E'
	.text
	.globl _start
_start:	ret
g1:	ret
g2:	ret
	.section .ctors,"aw",@progbits
	.long g1, g2, _start
	.section .dtors,"aw",@progbits
	.long g1, g2
E
link_both -static r.o
compare_outputs
run_both
for args in "r.o d.o" "-pie --no-dynamic-linker r.o d.o" "--emit-relocs r.o d.o" \
	    "-m elf_i386 d32.o" "-m elf_i386 -pie d32.o" "-m elf_i386 --emit-relocs d32.o"; do
	link_both $args
	compare_outputs
done
# a script of one's own, and -r: the same rule
echo 'SECTIONS { .text : { *(.text) } .init_array : { __init_array_start = .; *(.ctors*) __init_array_end = .; } .fini_array : { *(.dtors) } }' > r.ld
for args in "-T r.ld --no-warn-rwx-segments r.o d.o" "-r -T r.ld r.o d.o" "-m elf_i386 -r -T r.ld d32.o"; do
	link_both $args
	compare_outputs
done
# a raw image is not ELF: GNU ld's generic linker copies the sections as they are
link_both --oformat binary -Ttext=0x1000 r.o d.o
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "binary images differ"
# words that are not all relocated, and a size that is not a whole number of words
as_obj e.o <<'E'
	.section .ctors,"aw",@progbits
	.quad 1, 2
	.quad f
	.text
f:	ret
E
as_obj e2.o <<'E'
	.section .dtors,"aw",@progbits
	.quad f, f
	.long 0
	.text
f:	ret
E
expect_fail_both "e.o: size of section .ctors is not multiple of address size" r.o e.o
expect_fail_both "e2.o: size of section .dtors is not multiple of address size" r.o e2.o
# GNU ld relocates a .ctors section before it reverses its words into .init_array: a
# relocation across two words lands split, not past the section (which would clobber what
# follows)
as_obj rs64.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.section .ctors.00100,"aw"
	.long _start
	.quad _start + 1
	.long 0
	.section .data.rel.ro.local,"aw"
	.byte 0x3c
E
as_obj rs32.o --32 <<'E'
	.text
	.globl _start
_start:	ret
	.section .ctors,"aw"
	.reloc 0, R_386_NONE, _start
	.short 0
	.long _start + 1
	.short 0
	.section .data.rel.ro.local,"aw"
	.byte 0x3c
E
link_both rs64.o
compare_outputs
link_both -m elf_i386 rs32.o
compare_outputs
