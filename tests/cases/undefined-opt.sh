# -u SYM / --undefined=SYM: the symbol is treated as undefined, so archive members that
# define it are extracted; an undefined -u symbol that nothing defines is no error.
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
as_obj m2.o <<'EOF'
	.globl m2
m2:	ret
EOF
make_archive libm.a m1.o m2.o
link_both -u m1 main.o libm.a
compare_outputs
link_both --undefined=m2 -u m1 main.o libm.a
compare_outputs
link_both --undefined m2 main.o libm.a
compare_outputs
link_both -u nowhere main.o libm.a
compare_outputs
run_both
