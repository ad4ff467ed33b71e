# SHF_MERGE groups as GNU ld 2.40 forms them (output section, SHF_STRINGS, entsize, alignment):
# every string stays in the input section that first brought it, tail merging across files,
# strings re-added when found with less alignment than needed, entsize-2 strings, and
# .rodata.cst4/.cst16 constants; section-symbol + addend references land inside kept strings.
as_obj a.o <<'EOF2'
	.globl _start
_start:	leaq	.LC0(%rip), %rsi
	leaq	.LS+3(%rip), %rdi
	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.data
	.quad	.rodata.str1.1+2
	.quad	.LC1
	.quad	.rodata.str1.8+8
	.quad	.rodata.cst16+16
	.section .rodata.str1.1,"aMS",@progbits,1
.LC0:	.string	"abc"
.LS:	.string	"xyzabc"
	.string	"abc"
.LC1:	.string	"zabc"
	.string	""
	.string	"q"
	.section .rodata.str1.8,"aMS",@progbits,1
	.align	8
	.string	"aligned"
	.string	"x"
	.align	8
	.string	"ned"
	.section .rodata.str2.2,"aMS",@progbits,2
	.align	2
	.short	65,66,0,66,0
	.section .rodata.cst16,"aM",@progbits,16
	.align	16
	.quad	1,2
	.quad	3,4
	.section .rodata.cst4,"aM",@progbits,4
	.align	4
	.long	7,8,7
	.section .note.GNU-stack,"",@progbits
EOF2
as_obj b.o <<'EOF2'
	.globl	f
f:	ret
	.data
	.quad	.rodata.str1.1+4
	.quad	.rodata.cst4+4
	.section .rodata.str1.1,"aMS",@progbits,1
	.string	"q"
	.string	"wxyzabc"
	.string	"abc"
	.section .rodata.str1.8,"aMS",@progbits,1
	.align	8
	.string	"ned"
	.section .rodata.str2.2,"aMS",@progbits,2
	.align	2
	.short	66,0,67,65,66,0
	.section .rodata.cst16,"aM",@progbits,16
	.align	16
	.quad	3,4
	.quad	5,6
	.section .rodata.cst4,"aM",@progbits,4
	.align	4
	.long	8,8,9
	.section .rodata.cst8,"aM",@progbits,8
	.align	8
	.quad	1
	.section .note.GNU-stack,"",@progbits
EOF2
# c.o brings nothing new: its sections are excluded (size 0, no alignment padding)
as_obj c.o <<'EOF2'
	.data
	.quad	.rodata.str1.1+1
	.section .rodata.str1.1,"aMS",@progbits,1
	.string	"abc"
	.string	"yzabc"
	.section .rodata.cst16,"aM",@progbits,16
	.align	16
	.quad	5,6
	.section .note.GNU-stack,"",@progbits
EOF2
link_both a.o b.o c.o
compare_outputs
link_both c.o b.o a.o
compare_outputs
link_both b.o a.o
compare_outputs
run_both
