# CIEs with a personality routine ('zPLR', indirect pcrel through DW.ref and absolute) and
# LSDA pointers: CIEs with the same personality symbol merge across files, others not; the
# personality and LSDA relocations are applied where the entries moved to.
as_obj c.o <<'EOF2'
	.text
	.globl	_start
_start:	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.globl	pers
pers:	ret
	.type	withpers,@function
withpers:
	.cfi_startproc
	.cfi_personality 0x3, pers
	.cfi_lsda 0x3, .LLSDA0
	nop
	ret
	.cfi_endproc
	.type	plain,@function
plain:
	.cfi_startproc
	ret
	.cfi_endproc
	.type	withpers2,@function
withpers2:
	.cfi_startproc
	.cfi_personality 0x3, pers
	.cfi_lsda 0x3, .LLSDA0
	nop
	nop
	ret
	.cfi_endproc
	.section .gcc_except_table,"a",@progbits
.LLSDA0: .byte 0xff, 0xff, 1, 0
	.data
	.quad	1
	.section .note.GNU-stack,"",@progbits
EOF2
as_obj d.o <<'EOF2'
	.text
	.type	dwithpers,@function
dwithpers:
	.cfi_startproc
	.cfi_personality 0x3, pers
	.cfi_lsda 0x3, .LLSDA1
	nop
	ret
	.cfi_endproc
	.type	lpers,@function
lpers:
	.cfi_startproc
	.cfi_personality 0x3, lpers
	ret
	.cfi_endproc
	.type	dplain,@function
dplain:
	.cfi_startproc
	ret
	.cfi_endproc
	.section .gcc_except_table,"a",@progbits
.LLSDA1: .byte 0xff, 0xff, 1, 0
	.section .note.GNU-stack,"",@progbits
EOF2
link_both c.o d.o
compare_outputs
run_both
link_both --eh-frame-hdr d.o c.o
compare_outputs
