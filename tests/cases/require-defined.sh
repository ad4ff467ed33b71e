# --require-defined=SYM: like -u, and the link fails if SYM ends up undefined, with GNU ld's
# message "required symbol `SYM' not defined".
as_obj main.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	xorl	%edi, %edi
	syscall
EOF
as_obj m1.o <<'EOF'
	.globl m1
m1:	ret
EOF
make_archive libm.a m1.o
link_both --require-defined=m1 main.o libm.a
compare_outputs
link_both --require-defined m1 main.o libm.a
compare_outputs
expect_fail_both "required symbol \`nosuch' not defined" --require-defined=nosuch main.o libm.a
