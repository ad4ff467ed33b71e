# PT_GNU_STACK: -z noexecstack, -z execstack, and the default from the objects'
# .note.GNU-stack sections (GNU ld 2.40 defaults to an executable stack when an object has
# no such note, with a warning).
as_obj a.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.section .note.GNU-stack,"",@progbits
EOF
as_obj nonote.o <<'EOF'
	.globl g
g:	ret
EOF
as_obj execnote.o <<'EOF'
	.globl h
h:	ret
	.section .note.GNU-stack,"x",@progbits
EOF
for args in "a.o" "-z noexecstack a.o" "-z execstack a.o" "a.o nonote.o" "a.o execnote.o" \
	    "-z noexecstack a.o execnote.o" "-z execstack -z noexecstack a.o"; do
	echo "== $args" >&2
	link_both $args
	compare_outputs
done
run_both
