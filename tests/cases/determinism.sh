# Linking twice gives identical bytes; the output is mode 0755 under umask 022 (like
# ld.bfd's); no temporary files are left beside the output.
umask 022
cc_obj a.o -O2 -g -fno-pic -ffreestanding <<'EOF'
int data_v = 4;
static int counter;
int f(int x) { return x + data_v + ++counter; }
EOF
as_obj s.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	syscall
EOF
make_archive lib.a a.o
mkdir out
link_slink s.o -u f lib.a --build-id
mv slink.out first.out
link_slink s.o -u f lib.a --build-id
cmp first.out slink.out || fail "two links of the same inputs differ"
[ "$(stat -c %a slink.out)" = 755 ] || fail "output mode is $(stat -c %a slink.out), not 755"
link_bfd s.o -u f lib.a --build-id
[ "$(stat -c %a bfd.out)" = 755 ] || fail "test assumption: ld.bfd's mode is $(stat -c %a bfd.out)"
compare_outputs
# Into another directory: nothing else appears there, and an existing file is replaced.
echo old > out/prog
_run_slink slink.stderr s.o -u f lib.a -o out/prog || fail "link into out/ failed"
[ "$(ls -A out)" = prog ] || fail "files left in out/: $(ls -A out | tr '\n' ' ')"
[ "$(head -c 4 out/prog | od -An -c | tr -d ' ')" = '177ELF' ] || fail "out/prog was not replaced by the output"
[ "$(stat -c %a out/prog)" = 755 ] || fail "output mode is $(stat -c %a out/prog), not 755"
