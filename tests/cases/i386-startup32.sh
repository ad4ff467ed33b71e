# An i386 object in the style of a kernel's startup_32, linked with -m elf_i386 -e startup_32
# at -Ttext 0x1000 and at -Ttext 0x100000 (absolute R_386_32 and PC-relative relocations);
# it runs under qemu-i386.
as_obj head_32.o --32 <<'EOF'
	.code32
	.text
	.globl	startup_32
	.type	startup_32, @function
startup_32:
	cld
	movl	$stack_end, %esp
	call	1f
1:	popl	%ebp
	subl	$1b, %ebp
	leal	msg(%ebp), %ecx
	movl	$4, %eax
	movl	$1, %ebx
	movl	$msglen, %edx
	int	$0x80
	movl	self, %eax
	cmpl	$startup_32, %eax
	jne	2f
	call	helper
	movl	$1, %eax
	movl	$7, %ebx
	int	$0x80
2:	movl	$1, %eax
	movl	$1, %ebx
	int	$0x80
	.size	startup_32, .-startup_32
helper:	ret

	.data
msg:	.ascii	"startup_32 ok\n"
	msglen = . - msg
	.globl	self
self:	.long	startup_32
	.long	stack_end
	.long	msglen

	.bss
	.balign	16
stack:	.skip	4096
stack_end:
EOF
for addr in 0x1000 0x100000; do
	link_both -m elf_i386 -Ttext $addr -e startup_32 head_32.o
	compare_outputs
	run_both qemu-i386
done
