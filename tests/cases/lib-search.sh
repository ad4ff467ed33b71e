# -l/-L: search order of -L directories, -lNAME and -l:FILE, -Bstatic/-static.
mkdir -p d1 d2
as_obj main.o <<'EOF'
	.globl _start
_start:	call	foo
	call	bar
	movl	$60, %eax
	movl	which(%rip), %edi
	syscall
EOF
as_obj foo1.o <<'EOF'
	.globl foo, which
foo:	ret
	.data
which:	.long 1
EOF
as_obj foo2.o <<'EOF'
	.globl foo, which
foo:	ret
	.data
which:	.long 2
EOF
as_obj bar.o <<'EOF'
	.globl bar
bar:	ret
EOF
make_archive d1/libfoo.a foo1.o
make_archive d2/libfoo.a foo2.o
make_archive d2/special.a bar.o
link_both -L d1 -L d2 main.o -lfoo -l:special.a
compare_outputs
run_both
[ "$(cat slink.status)" = 1 ] || fail "-lfoo did not come from the first -L directory"
link_both -Ld2 -Ld1 -static main.o -Bstatic -lfoo --library=:special.a
compare_outputs
run_both
[ "$(cat slink.status)" = 2 ] || fail "-lfoo did not come from the first -L directory"
link_both -nostdlib --library-path=d1 main.o --library foo d2/special.a
compare_outputs
expect_fail_both "cannot find -lnosuch" -L d1 main.o -lnosuch -lfoo d2/special.a
