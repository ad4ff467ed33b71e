# Weak symbols: a weak definition is overridden by a strong one (whichever comes first);
# an undefined weak symbol is 0 and does not extract an archive member; a weak definition
# alone is used.
as_obj main.o <<'EOF'
	.globl _start
	.weak	maybe, wdef2, from_archive
_start:	movq	$maybe, %rax
	testq	%rax, %rax
	jne	bad
	leaq	from_archive(%rip), %rax
	testq	%rax, %rax
	jne	bad
	call	wdef1
	call	wdef2
	movl	$60, %eax
	movl	value(%rip), %edi
	syscall
bad:	movl	$60, %eax
	movl	$99, %edi
	syscall
	.data
	.quad	maybe
	.quad	from_archive
EOF
as_obj weak1.o <<'EOF'
	.weak	wdef1, value
wdef1:	movl	$1, value(%rip)
	ret
	.data
value:	.long	10
EOF
as_obj strong.o <<'EOF'
	.globl	wdef1, value
wdef1:	addl	$5, value(%rip)
	ret
	.data
value:	.long	20
EOF
as_obj weak2.o <<'EOF'
	.weak	wdef2
wdef2:	addl	$7, value(%rip)
	ret
EOF
as_obj arch.o <<'EOF'
	.globl from_archive
from_archive: ud2
EOF
make_archive libw.a arch.o
link_both main.o weak1.o strong.o weak2.o libw.a
compare_outputs
run_both
[ "$(cat slink.status)" = 32 ] || fail "expected exit status 32 (20 + 5 + 7), got $(cat slink.status)"
# Strong first, weak second: the strong one still wins.
link_both main.o strong.o weak1.o weak2.o libw.a
compare_outputs
run_both
