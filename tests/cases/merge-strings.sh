# SHF_MERGE|SHF_STRINGS sections from two objects: identical strings stored once, GNU ld's
# suffix merging, references with addends into the middle of strings, and fixed-size
# SHF_MERGE constants; the program prints through the merged strings.
as_obj a.o <<'EOF'
	.globl _start
_start:	leaq	.LC0(%rip), %rsi
	movl	$6, %edx
	call	out
	leaq	.LC1+6(%rip), %rsi      # "world\n" inside "hello world\n"
	movl	$6, %edx
	call	out
	call	b_print
	movq	.LK0(%rip), %rax
	movabsq	$0x1122334455667788, %rcx
	cmpq	%rcx, %rax
	jne	bad
	movl	$60, %eax
	xorl	%edi, %edi
	syscall
bad:	movl	$60, %eax
	movl	$1, %edi
	syscall
	.globl	out
out:	movl	$1, %eax
	movl	$1, %edi
	syscall
	ret
	.section .rodata.str1.1,"aMS",@progbits,1
.LC0:	.string	"same!\n"
.LC1:	.string	"hello world\n"
	.section .rodata.cst8,"aM",@progbits,8
	.align	8
.LK0:	.quad	0x1122334455667788
	.section .note.GNU-stack,"",@progbits
EOF
as_obj b.o <<'EOF'
	.globl b_print
b_print:
	leaq	.LB0(%rip), %rsi
	movl	$6, %edx
	call	out
	leaq	.LB1(%rip), %rsi
	movl	$6, %edx
	call	out
	movq	.LK1(%rip), %rax
	ret
	.section .rodata.str1.1,"aMS",@progbits,1
.LB1:	.string	"orld\n"
.LB0:	.string	"same!\n"
	.section .rodata.str1.8,"aMS",@progbits,1
	.align 8
	.string	"aligned"
	.section .rodata.cst8,"aM",@progbits,8
	.align	8
.LK1:	.quad	0x1122334455667788
	.quad	42
	.section .note.GNU-stack,"",@progbits
EOF
link_both a.o b.o
compare_outputs
run_both
expect_grep '^same!$' slink.stdout
[ "$(grep -c 'same!' slink.stdout)" = 2 ] || fail "expected 'same!' twice"

# An SHF_MERGE input whose strings all went to an earlier one is excluded: sizing passes it by,
# so not even SUBALIGN aligns `.` for it (here the section would end 2 bytes later).
cat > ms1.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "o"
	.asciz "hello"
EOF
cat > ms2.s <<'EOF'
	.section .rodata.b,"a",@progbits
	.long 1, 2
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz ""
	.asciz "hello"
EOF
as_obj ms1.o ms1.s
as_obj ms2.o ms2.s
echo 'SECTIONS { .text : { *(.text) } .rodata.b : SUBALIGN(8) { *(SORT_BY_NAME(.rodata.*)) } .end : { LONG(1) } }' > ms.ld
link_both -T ms.ld ms1.o ms2.o
compare_outputs
