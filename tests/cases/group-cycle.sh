# Two archives that need each other: resolved only inside --start-group/--end-group (and
# the short forms -( -) ); without the group the second reference stays undefined.
as_obj main.o <<'EOF'
	.globl _start
_start:	call	a1
	movl	$60, %eax
	movl	$0, %edi
	syscall
EOF
as_obj a1.o <<'EOF'
	.globl a1
a1:	call	b1
	ret
EOF
as_obj a2.o <<'EOF'
	.globl a2
a2:	ret
EOF
as_obj b1.o <<'EOF'
	.globl b1
b1:	call	a2
	ret
EOF
make_archive liba.a a1.o a2.o
make_archive libb.a b1.o
link_both main.o --start-group liba.a libb.a --end-group
compare_outputs
run_both
link_both main.o '-(' liba.a libb.a '-)'
compare_outputs
expect_fail_both "undefined reference to \`a2'" main.o liba.a libb.a
expect_grep "undefined reference to \`a2'" fail.stderr
expect_grep "libb\.a\(b1\.o\)" fail.stderr
