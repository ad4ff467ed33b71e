# -s (strip all symbols), -S (strip debug sections), -x (discard all locals),
# -X (discard temporary .L locals) — output compared with ld.bfd for each.
as_obj start.o -L <<'EOF'
	.globl _start
_start:	call	f
.Ltemp:	movl	$60, %eax
	movl	$0, %edi
	syscall
local_label:
	ret
EOF
cc_obj f.o -O2 -g -fno-pic <<'EOF'
static int hidden_counter;
int f(void) { return ++hidden_counter; }
EOF
for opt in "" -s -S -x -X --strip-all --strip-debug --discard-all --discard-locals "-S -x"; do
	echo "== $opt" >&2
	link_both $opt start.o f.o
	compare_outputs
done
run_both
