# --whole-archive takes every member of the archives that follow it, until
# --no-whole-archive; later archives are searched lazily again.
as_obj main.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	movl	$0, %edi
	syscall
EOF
as_obj w1.o <<'EOF'
	.globl w1
w1:	ret
	.data
	.globl wdata
wdata:	.quad w1
EOF
as_obj w2.o <<'EOF'
	.globl w2
w2:	ret
EOF
as_obj l1.o <<'EOF'
	.globl l1
l1:	ret
EOF
make_archive libw.a w1.o w2.o
make_archive libl.a l1.o
link_both main.o --whole-archive libw.a --no-whole-archive libl.a
compare_outputs
run_both
dump=$(python3 "$TESTS/lib/elfcmp.py" dump slink.out)
grep -q '^w2 ' <<<"$dump" || fail "w2 was not taken by --whole-archive"
! grep -q '^l1 ' <<<"$dump" || fail "l1 was taken after --no-whole-archive"
