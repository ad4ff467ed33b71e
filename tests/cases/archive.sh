# A regular archive: only the members that resolve an undefined symbol are extracted,
# including members needed only by other extracted members; unused members stay out.
as_obj main.o <<'EOF'
	.globl _start
_start:	call	f1
	movl	$60, %eax
	movl	v3(%rip), %edi
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
	.data
	.globl v3
v3:	.long 5
EOF
as_obj unused.o <<'EOF'
	.globl unused
unused:	ud2
EOF
make_archive libx.a unused.o f2.o f1.o
link_both main.o libx.a
compare_outputs
run_both
if python3 "$TESTS/lib/elfcmp.py" dump slink.out | grep -q '^unused '; then
	fail "the unused archive member was extracted"
fi
