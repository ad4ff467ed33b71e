# GOT slots in position-independent output (-pie, -shared -Bsymbolic), as GNU ld makes them:
# a slot of __start_SEC / __stop_SEC (the linker's, defined after the GOT is sized) needs a
# RELATIVE relocation like any address of the module (ld-i386/mov2a), and a dynamic link's
# non-empty .got has the entry size.  Without -Bsymbolic, a default-visibility symbol of a
# shared object is preemptible: GNU ld reaches it through GLOB_DAT, symbolic relocations and
# PLT entries, which slink does not make, so it says so instead of binding it here.
as_obj m32.o --32 <<'E'
	.section my_section,"aw",@progbits
	.long 0x12345678
	.text
	.globl foo
	.type foo, @function
foo:	ret
	.globl _start
	.type _start, @function
_start:	movl foo@GOT+1(%ecx), %eax
	movl __start_my_section@GOT+1(%ecx), %eax
	movl __stop_my_section@GOT+1(%ecx), %eax
E
as_obj g64.o --64 -mrelax-relocations=no <<'E'
	.text
	.globl _start
_start:	addq x@GOTPCREL(%rip), %rax
	addq __start_my_section@GOTPCREL(%rip), %rax
	.section my_section,"aw",@progbits
	.quad 1
	.data
	.globl x
	.hidden x
x:	.quad 0
E
for kind in -pie "-shared -Bsymbolic"; do
	link_both -m elf_i386 $kind m32.o
	compare_outputs
	link_both $kind g64.o
	compare_outputs
done
link_both g64.o -shared
compare_outputs
as_obj p.o --64 <<'E'
	.text
	.globl foo
	.type foo,@function
foo:	ret
	.globl _start
_start:	call foo
	.data
	.globl dv
dv:	.quad dv
E
expect_fail "p.o:\(\.text\+0x[0-9a-f]+\): reference to .foo', which users of the shared object may preempt" \
	-shared p.o
# -Bsymbolic-functions binds the functions: the data symbol is still preemptible
expect_fail "p.o:\(\.data\+0x0\): reference to .dv', which users of the shared object may preempt" \
	-shared -Bsymbolic-functions p.o
link_both -shared -Bsymbolic p.o
compare_outputs
# GOT loads that all relax (R_386_GOT32X to lea/GOTOFF): no GOT slot is left and no relocation
# names _GLOBAL_OFFSET_TABLE_, so GNU ld strips the empty .got.plt (its place is still the GOT
# base) and drops the symbol (ld-i386/lea1a..c)
as_obj lea32.o --32 -mrelax-relocations=yes <<'E'
	.section my_section,"aw",@progbits
	.long 0x12345678
	.text
	.globl foo
	.type foo, @function
foo:	ret
	.globl _start
	.type _start, @function
_start:	movl foo@GOT(%ecx), %eax
	movl bar@GOT(%ecx), %eax
	movl __start_my_section@GOT(%ecx), %eax
	.comm bar,4,4
E
for kind in "" -pie "-shared -Bsymbolic"; do
	link_both -m elf_i386 $kind lea32.o
	compare_outputs
done
