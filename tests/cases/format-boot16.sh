# 16-bit boot code as the 2.4 kernel links bootsect and setup:
#   ld -m elf_i386 -Ttext 0x0 -s --oformat binary -e begtext setup.o -o setup
# byte-identical to GNU ld (cmp), with .data after .text and .bss at the end.
as_obj bootsect.o --32 <<'EOF2'
	.code16
	.text
	.globl	_start
_start:	ljmp	$0x07c0, $go
go:	movw	%cs, %ax
	movw	%ax, %ds
	movw	$msg, %si
1:	lodsb
	orb	%al, %al
	jz	2f
	movb	$0x0e, %ah
	int	$0x10
	jmp	1b
2:	hlt
	jmp	2b
msg:	.asciz	"Loading"
	.org	497
setup_sects:	.byte 4
	.word	0, 0, 0
	.org	510
	.word	0xaa55
EOF2
as_obj setup.o --32 <<'EOF2'
	.code16
	.text
	.globl	begtext
begtext:
	jmp	start
	.ascii	"HdrS"
	.word	0x0201
start:	movw	$msg, %si
	call	print
	lgdt	gdt_48
	movl	$0x1000, %eax
	call	far_away
	ljmp	$0x10, $0x1000
print:	lodsb
	orb	%al, %al
	jz	1f
	movb	$0x0e, %ah
	int	$0x10
	jmp	print
1:	ret
	.data
msg:	.asciz	"setup\r\n"
	.p2align 2
gdt:	.quad	0, 0, 0x00cf9a000000ffff, 0x00cf92000000ffff
gdt_48:	.word	0x800
	.long	gdt
	.bss
stack:	.space	256
EOF2
as_obj far.o --32 <<'EOF2'
	.code16
	.text
	.globl	far_away
far_away:
	pushw	%ax
	popw	%ax
	ret
	.data
	.long	far_away, begtext
EOF2
link_both -m elf_i386 -Ttext 0x0 -s --oformat binary bootsect.o
cmp bfd.out slink.out >&2 || fail "bootsect differs"
[ "$(stat -c %s slink.out)" = 512 ] || fail "bootsect is $(stat -c %s slink.out) bytes, not 512"
[ "$(tail -c 2 slink.out | od -An -tx1 | tr -d ' ')" = 55aa ] || fail "no boot signature"
link_both -m elf_i386 -Ttext 0x0 -s --oformat binary -e begtext setup.o far.o
cmp bfd.out slink.out >&2 || { cmp -l bfd.out slink.out | head >&2; fail "setup differs"; }
link_both -m elf_i386 -Ttext 0x0 -e begtext -s --oformat binary setup.o far.o
cmp bfd.out slink.out >&2 || fail "setup (options reordered) differs"
# the same image as objcopy -O binary of the ELF link
link_slink -m elf_i386 -Ttext 0x0 -e begtext setup.o far.o
objcopy -O binary slink.out objcopy.bin
cmp bfd.out objcopy.bin >&2 || fail "objcopy -O binary of slink's ELF differs from ld.bfd --oformat binary"
