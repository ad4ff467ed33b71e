# @file response files: whitespace-separated arguments, quotes, a nested @file, and a file
# name with a space in it.
as_obj main.o <<'EOF'
	.globl _start
_start:	call	f
	movl	$60, %eax
	movl	$4, %edi
	syscall
EOF
as_obj 'f obj.o' <<'EOF'
	.globl f
f:	ret
EOF
cat > inner.rsp <<'EOF'
"f obj.o"
-e _start
EOF
cat > args.rsp <<'EOF'
main.o
  @inner.rsp
--defsym 'answer=42'
EOF
link_both @args.rsp
compare_outputs
run_both
