# Common symbols: the largest size and the largest alignment win (GNU ld's rules), from
# assembler .comm and from C tentative definitions with -fcommon; a real definition beats
# a common one.
as_obj main.o <<'EOF'
	.globl _start
_start:	movq	$buf, %rax
	movq	$cbuf, %rbx
	movl	$60, %eax
	movl	defined_later(%rip), %edi
	syscall
	.comm	buf, 8, 8
	.comm	defined_later, 4, 4
EOF
as_obj c1.o <<'EOF'
	.comm	buf, 64, 4
	.comm	other, 3, 1
EOF
as_obj c2.o <<'EOF'
	.comm	buf, 4, 32
	.data
	.globl defined_later
defined_later: .long 6
EOF
cc_obj cc1.o -fcommon -O2 <<'EOF'
int cval; char cbuf[10]; long pad_after;
EOF
cc_obj cc2.o -fcommon -O2 <<'EOF'
int cval; char cbuf[100] __attribute__((aligned(64)));
int get(void) { return cval + cbuf[0]; }
EOF
link_both main.o c1.o c2.o cc1.o cc2.o
compare_outputs
run_both
dump=$(python3 "$TESTS/lib/elfcmp.py" dump slink.out)
grep -Eq '^buf +0x[0-9a-f]*[02468ace]0 size=64 ' <<<"$dump" || fail "buf is not 64 bytes aligned to 32: $(grep '^buf ' <<<"$dump")"

# --no-define-common / INHIBIT_COMMON_ALLOCATION: only for a shared object, where a common
# symbol is left undefined (to be allocated by the executable); a shared object lists every
# undefined symbol an object mentions, relocated or not.
cat > nd.s <<'EOF'
	.data
	.globl d
d:	.quad 1
	.comm cbuf,64,32
	.globl undef_noreloc
	.type undef_noreloc,@object
EOF
as_obj nd.o nd.s
echo INHIBIT_COMMON_ALLOCATION > nd.ld
expect_fail_both "no-define-common may not be used without -shared" --no-define-common nd.o
expect_fail_both "no-define-common may not be used without -shared" -T nd.ld nd.o
for a in "--no-define-common" "-T nd.ld" ""; do
	link_both -shared $a nd.o
	compare_outputs
done
