# The entry point: _start by default, -e SYM / --entry=SYM, a number, and the fallback to
# the start of .text (with GNU ld's warning) when the symbol is missing.
as_obj a.o <<'EOF'
	.globl _start, other
	nop
	nop
_start:	movl	$60, %eax
	movl	$1, %edi
	syscall
other:	movl	$60, %eax
	movl	$2, %edi
	syscall
EOF
as_obj nostart.o <<'EOF'
	.globl main
	nop
main:	movl	$60, %eax
	movl	$3, %edi
	syscall
EOF
link_both a.o
compare_outputs
link_both -e other a.o
compare_outputs
run_both
[ "$(cat slink.status)" = 2 ] || fail "-e other did not take effect"
link_both --entry=other a.o
compare_outputs
link_both --entry other a.o
compare_outputs
link_both -e 0x401002 a.o
compare_outputs
link_both nostart.o
compare_outputs
expect_grep "cannot find entry symbol _start; defaulting to 0+401000" bfd.stderr
expect_grep "cannot find entry symbol _start; defaulting to 0+401000" slink.stderr
link_both -e main nostart.o
compare_outputs
