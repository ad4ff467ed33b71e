# SHF_EXCLUDE sections are left out of an executable, even when named like a kept section.
as_obj a.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.section .excluded,"ae",@progbits
	.quad	1, 2, 3
	.section .text.excluded,"axe",@progbits
	ud2
	.section .note.GNU-stack,"",@progbits
EOF
link_both a.o
compare_outputs
run_both
! python3 "$TESTS/lib/elfcmp.py" dump slink.out | grep -q excluded || fail "an SHF_EXCLUDE section was kept"
