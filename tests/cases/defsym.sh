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
# a --defsym after -T is assigned after the script's statements (the script's DEFINED does not
# see it, and its value wins in the end); one before -T comes first
as_obj st.o <<'E'
	.text
	.globl _start
_start:	ret
E
cat > st.ld <<'E'
_stack_size = DEFINED(_stack_size) ? _stack_size : 0x1000;
SECTIONS {
	.text 0x10000 : { *(.text) }
	.stack (NOLOAD) : { . += _stack_size; _estack = .; }
	_after = _estack;
}
E
for args in "--defsym _stack_size=0x2000 -T st.ld" "-T st.ld --defsym _stack_size=0x2000" \
	    "-T st.ld --defsym _after=0x55" "--defsym _after=0x55 -T st.ld" "-T st.ld --defsym x=_estack+1"; do
	# shellcheck disable=SC2086
	link_both $args st.o
	compare_outputs
done
