# Nested thin archives as `ar cDPrST` makes them for the kernel (built-in.a inside
# built-in.a, then vmlinux.a): no symbol index, full member paths, linked with
# --whole-archive; and the same with an index and lazy extraction.
mkdir -p drivers/net kernel
as_obj init.o <<'EOF'
	.globl _start
_start:	call	net_init
	call	sched_init
	movl	$60, %eax
	movl	result(%rip), %edi
	syscall
EOF
as_obj drivers/net/core.o <<'EOF'
	.globl net_init
net_init: addl	$3, result(%rip)
	ret
EOF
as_obj drivers/net/extra.o <<'EOF'
	.globl net_extra
net_extra: ret
EOF
as_obj kernel/sched.o <<'EOF'
	.globl sched_init
sched_init: addl $4, result(%rip)
	ret
	.data
	.globl result
result:	.long 1
EOF
make_nested_thin_archive drivers/net/built-in.a drivers/net/core.o drivers/net/extra.o
make_nested_thin_archive drivers/built-in.a drivers/net/built-in.a
make_nested_thin_archive kernel/built-in.a kernel/sched.o
make_nested_thin_archive vmlinux.a drivers/built-in.a kernel/built-in.a
echo "vmlinux.a members: $(ar t vmlinux.a | tr '\n' ' ')" >&2
link_both init.o --whole-archive vmlinux.a --no-whole-archive
compare_outputs
run_both
# With a symbol index: only the members needed are extracted.
rm -f indexed.a
ar cDPrT indexed.a drivers/built-in.a kernel/built-in.a
link_both init.o indexed.a
compare_outputs
run_both
