# A PIE with a dynamic linker: GNU ld gives it PT_PHDR and PT_INTERP ahead of the PT_LOADs, and
# the first PT_LOAD holds the headers.  The programs are run through the real dynamic linker.
cat > e64.s <<'E'
	.text
	.globl _start
_start:
	lea	msg(%rip), %rsi
	mov	$1, %edi
	mov	$6, %edx
	mov	$1, %eax
	syscall
	mov	$60, %eax
	mov	$7, %edi
	syscall
	.section .rodata
msg:	.ascii "hello\n"
E
as_obj e64.o --64 e64.s
link_both -pie --dynamic-linker=/lib64/ld-linux-x86-64.so.2 e64.o
compare_outputs
readelf -lW "$WORK/slink.out" | grep -q 'INTERP' || fail "no PT_INTERP"
[ -x /lib64/ld-linux-x86-64.so.2 ] && run_both
# the default interpreter, and -z separate-code off
link_both -pie e64.o
compare_outputs
link_both -pie -z noseparate-code e64.o
compare_outputs

cat > e32.s <<'E'
	.text
	.globl _start
_start:
	call	1f
1:	pop	%ecx
	add	$(msg - 1b), %ecx
	mov	$4, %eax
	mov	$1, %ebx
	mov	$6, %edx
	int	$0x80
	mov	$1, %eax
	mov	$7, %ebx
	int	$0x80
	.section .rodata
msg:	.ascii "hello\n"
E
as_obj e32.o --32 e32.s
link_both -m elf_i386 -pie --dynamic-linker=/lib/ld-linux.so.2 e32.o
compare_outputs
[ -e /lib/ld-linux.so.2 ] && run_both qemu-i386
true
