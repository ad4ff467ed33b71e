# An archive without a symbol index (`ar rcS`): GNU ld refuses it ("archive has no index;
# run ranlib to add one"); slink scans the members' symbols instead.  Intended difference:
# slink's output must equal ld.bfd's for the same archive with an index.
as_obj main.o <<'EOF'
	.globl _start
_start:	call	f1
	movl	$60, %eax
	movl	$3, %edi
	syscall
EOF
as_obj f1.o <<'EOF'
	.globl f1
f1:	call	f2
	ret
EOF
as_obj f2.o <<'EOF'
	.globl f2
f2:	ret
EOF
as_obj unused.o <<'EOF'
	.globl unused
unused:	ud2
EOF
rm -f noindex.a indexed.a
ar rcS noindex.a unused.o f2.o f1.o
ar rcs indexed.a unused.o f2.o f1.o
link_bfd main.o indexed.a
link_slink main.o noindex.a
compare_outputs
run_both
