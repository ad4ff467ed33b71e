# A COMDAT group whose loser carries an FDE: GNU ld drops that FDE (its code section is
# discarded), keeps the CIE only when some kept FDE uses it, merges identical CIEs across
# files and rewrites the FDEs' CIE pointers; with and without --eh-frame-hdr.
as_obj a.o <<'EOF2'
	.text
	.globl	_start
	.type	_start,@function
_start:
	.cfi_startproc
	call	foo
	call	bar
	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.cfi_endproc
	.section .text.foo,"axG",@progbits,foo,comdat
	.globl	foo
	.type	foo,@function
foo:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	popq	%rbp
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.data
	.quad	1
	.section .note.GNU-stack,"",@progbits
EOF2
as_obj b.o <<'EOF2'
	.text
	.globl	bar
	.type	bar,@function
bar:
	.cfi_startproc
	call	foo
	ret
	.cfi_endproc
	.section .text.foo,"axG",@progbits,foo,comdat
	.globl	foo
	.type	foo,@function
foo:
	.cfi_startproc
	pushq	%rbx
	.cfi_def_cfa_offset 16
	.cfi_offset 3, -16
	popq	%rbx
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.section .note.GNU-stack,"",@progbits
EOF2
# only the loser's function has an FDE using a CIE of its own file
as_obj c.o <<'EOF2'
	.section .text.foo,"axG",@progbits,foo,comdat
	.globl	foo
	.type	foo,@function
foo:
	.cfi_startproc simple
	.cfi_def_cfa 7, 8
	.cfi_offset 16, -8
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.section .note.GNU-stack,"",@progbits
EOF2
link_both a.o b.o
compare_outputs
run_both
link_both a.o c.o b.o
compare_outputs
link_both --eh-frame-hdr b.o c.o a.o
compare_outputs
run_both
