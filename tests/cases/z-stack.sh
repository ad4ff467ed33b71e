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
as_obj nosections.o < /dev/null
objcopy -R .text -R .data -R .bss nosections.o
make_archive lib.a nonote.o
# the warnings name the object asking for the stack: the first with an executable note, else
# the last without a note (an archive member by its member name; one with no section at all
# asks nothing); -z execstack warns only with --warn-execstack
for args in "a.o" "-z noexecstack a.o" "-z execstack a.o" "a.o nonote.o" "a.o execnote.o" \
	    "-z noexecstack a.o execnote.o" "-z execstack -z noexecstack a.o" \
	    "nonote.o a.o execnote.o" "a.o nonote.o nosections.o" "a.o -u g lib.a" \
	    "--warn-execstack -z execstack a.o" "--no-warn-execstack a.o execnote.o" \
	    "-z stack-size=4096 nonote.o -e g" "nonote.o -e g"; do
	echo "== $args" >&2
	link_both $args
	compare_outputs
	compare_warnings
done
link_both -r a.o nonote.o
compare_warnings
# a LOAD segment both writable and executable is worth a warning too
cat > rwx.ld <<'EOF2'
SECTIONS { .text : { *(.text) *(.data) } }
EOF2
as_obj w.o <<'EOF2'
	.globl _start
_start:	ret
	.data
	.long 1
	.section .note.GNU-stack,"",@progbits
EOF2
link_both -T rwx.ld w.o
compare_warnings
link_both -T rwx.ld w.o --no-warn-rwx-segments
compare_warnings
link_both a.o
run_both
