# Without -m, the emulation comes from the first object: i386 objects give an elf_i386
# link.  (ld.bfd's default emulation is fixed at build time, so it gets -m elf_i386.)
as_obj a.o --32 <<'EOF'
	.globl	_start
_start:	movl	$1, %eax
	movl	v, %ebx
	int	$0x80
	.data
v:	.long	4
EOF
link_bfd -m elf_i386 a.o
link_slink a.o
compare_outputs
run_both qemu-i386
