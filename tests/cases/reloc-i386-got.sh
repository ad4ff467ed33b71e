# i386 GOT relocations that keep their meaning in a static executable: R_386_GOTPC, GOTOFF,
# GOT32 with a base register (slot offset from the GOT base) and without one (the slot's
# address), and R_386_GOT32X with an addend, which GNU ld never relaxes.
as_obj a.o --32 <<'EOF_'
	.globl _start
	.text
_start:
	call 1f
1:	popl %ebx
	addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx  # R_386_GOTPC
	leal foo@GOTOFF(%ebx), %eax             # R_386_GOTOFF
	cmpl $foo, %eax
	jne bad
	movl foo@GOT(%ebx), %ecx                # R_386_GOT32X, base register
	cmpl $foo, %ecx
	jne bad
	movl bar@GOT+4(%ebx), %ecx              # GOT32X with addend 4: kept, reads past the slot
	xorl %ebx, %ebx
	movl $1, %eax
	int $0x80
bad:	movl $1, %ebx
	movl $1, %eax
	int $0x80
	.data
	.long foo@GOTOFF - 4                    # R_386_GOTOFF with an addend
EOF_
as_obj b.o --32 -mrelax-relocations=no <<'EOF_'
	.globl foo, bar, g2
	.text
g2:	movl foo@GOT(%ebx), %eax                # R_386_GOT32 with base: G - GOT
	movl foo@GOT, %eax                      # as always emits GOT32X here: mov $foo
	pushl bar@GOT                           # R_386_GOT32 without base: the slot's address
	popl %eax
	leal bar@GOT, %eax                      # lea without base: still G - GOT
	call *bar@GOT(%ebx)                     # R_386_GOT32 is never relaxed
	ret
foo:	ret
	.data
bar:	.long 42
EOF_
objdump -r b.o | grep -q 'R_386_GOT32 ' || fail "as did not emit R_386_GOT32"
link_both -m elf_i386 -static a.o b.o
compare_outputs
run_both qemu-i386
