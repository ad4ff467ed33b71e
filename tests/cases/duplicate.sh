# Duplicate definitions: GNU ld's "multiple definition of `x'; FILE:(SEC+OFF): first
# defined here", for data and for functions; exit 1, no output.
as_obj a.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	syscall
	.data
	.globl x
	.long	0
x:	.long	1
EOF
as_obj b.o <<'EOF'
	.data
	.globl x
x:	.long	2
	.text
	.globl	_start
	.type	_start, @function
_start:	ret
	.size	_start, .-_start
EOF
expect_fail_both "multiple definition of \`x'; a\.o:\(\.data\+0x4\): first defined here" a.o b.o
expect_grep "\(\.data\+0x0\): multiple definition of \`x'" fail.stderr
expect_grep "multiple definition of \`_start'; a\.o:\(\.text\+0x0\): first defined here" fail.stderr
# A weak and a common definition are no duplicate of a strong one.
as_obj w.o <<'EOF'
	.weak	x
	.data
x:	.long	3
	.comm	y, 4, 4
EOF
as_obj y.o <<'EOF'
	.data
	.globl	y
y:	.long	4
EOF
link_both a.o w.o y.o
compare_outputs
