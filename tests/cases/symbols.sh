# Symbol kinds in the output .symtab: locals of the same name from two files, FILE symbols,
# hidden/protected/internal visibility, absolute (SHN_ABS) symbols, typed and sized symbols,
# and symbols at the end of sections.
as_obj a.o <<'EOF'
	.file	"a.s"
	.globl	_start, vis_hidden, vis_protected, vis_internal
	.hidden	vis_hidden
	.protected vis_protected
	.internal vis_internal
	.type	_start, @function
_start:	call	helper
	call	vis_hidden
	movl	$60, %eax
	movl	$abs_sym, %edi
	syscall
	.size	_start, .-_start
	.type	helper, @function
helper:	ret
	.size	helper, .-helper
vis_hidden:	ret
vis_protected:	ret
vis_internal:	ret
	.globl	abs_sym
	.set	abs_sym, 0x2a
	.set	local_abs, 0x1234
	.data
	.type	obj, @object
	.size	obj, 12
obj:	.long	1, 2, 3
end_of_data:
	.section .note.GNU-stack,"",@progbits
EOF
as_obj b.o <<'EOF'
	.file	"b.s"
	.type	helper, @function
helper:	ret
	.size	helper, .-helper
	.globl	b_func
	.type	b_func, @function
b_func:	jmp	helper
	.size	b_func, .-b_func
	.bss
	.type	counter, @object
	.size	counter, 8
counter: .zero	8
	.section .note.GNU-stack,"",@progbits
EOF
link_both a.o b.o
compare_outputs
run_both
[ "$(cat slink.status)" = 42 ] || fail "abs_sym is not 42"

# bfd's hash entry takes a type from any later sighting while it has none (a typed reference
# after an untyped definition), and a common symbol after a definition without size or type
# gives them (in either order the result is the same)
cat > td.s <<'EOF'
	.globl foo, bar, _start
	.text
_start:	ret
	.data
foo:	.long 1
bar:	.long 2
EOF
cat > tr.s <<'EOF'
	.type foo,@object
	.comm bar,4,4
	.data
	.quad foo
EOF
as_obj td.o td.s
as_obj tr.o tr.s
for order in "td.o tr.o" "tr.o td.o"; do
	# shellcheck disable=SC2086
	link_both $order
	compare_outputs
	# shellcheck disable=SC2086
	link_both -r $order
	compare_outputs
done
