# --defsym SYM=EXPR: absolute values, expressions over other symbols, both spellings.
as_obj a.o <<'EOF'
	.globl _start
_start:	movq	$abs_val, %rax
	movq	$rel_val, %rbx
	leaq	alias(%rip), %rcx
	call	alias
	movl	$60, %eax
	movl	$expr_val, %edi
	syscall
	.globl	target
target:	ret
	.data
	.quad	abs_val, rel_val, expr_val
EOF
link_both --defsym abs_val=0x12345678 --defsym=rel_val=target+0x10 --defsym alias=target \
	--defsym 'expr_val=(3*4)+1' a.o
compare_outputs
run_both
[ "$(cat slink.status)" = 13 ] || fail "expr_val is not 13"
