# Global symbols in SHF_MERGE sections, as GNU ld gives them: a script expression sees the
# symbol's unmerged offset (GNU ld moves global symbols to their merged entries only when it
# writes the output), the output's symbol table and relocations see the merged entry, unless
# no merged input lies in an output section with contents (all of them NOLOAD): then globals
# keep their unmerged offsets while local symbols and relocations through sections still move.
as_obj a.o <<'E'
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "hello"
	.globl g1
g1:	.asciz "xyz"
l1:	.asciz "lo"
	.text
	.globl _start
_start:	lea g1(%rip), %rax
	lea g2(%rip), %rax
	lea l1(%rip), %rax
	lea .rodata.str1.1+6(%rip), %rax
E
as_obj b.o <<'E'
	.section .rodata.str1.1,"aMS",@progbits,1
	.globl g2
g2:	.asciz "xyz"
	.asciz "hello"
	.globl g3
g3:	.asciz "o"
E
cat > t.ld <<'E'
SECTIONS {
	.text : { *(.text) }
	.rodata : { *(.rodata*) }
	s1 = g1; s2 = g2; s3 = ABSOLUTE(g3);
	.data : { LONG(g2) LONG(g3 - g1) }
}
E
cat > nl.ld <<'E'
SECTIONS {
	.text : { *(.text) }
	.rodata (NOLOAD) : { *(.rodata*) }
	s2 = g2;
	.data : { LONG(g2) }
}
E
for script in t.ld nl.ld; do
	link_both -T $script a.o b.o --no-warn-rwx-segments
	compare_outputs
done
# i386 (REL: the addends are in the places)
as_obj a32.o --32 <<'E'
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "hello"
	.globl g1
g1:	.asciz "xyz"
l1:	.asciz "lo"
	.text
	.globl _start
_start:	movl $g1, %eax
	movl $g2, %eax
	movl $l1, %eax
	movl $.rodata.str1.1+6, %eax
E
as_obj b32.o --32 <<'E'
	.section .rodata.str1.1,"aMS",@progbits,1
	.globl g2
g2:	.asciz "xyz"
	.asciz "hello"
	.globl g3
g3:	.asciz "o"
E
for script in t.ld nl.ld; do
	link_both -m elf_i386 -T $script a32.o b32.o --no-warn-rwx-segments
	compare_outputs
done
