/*
 * kernel/head.S — the tiny kernel's entry point.  It must be the first byte of the kernel's
 * raw image, because the decompressor jumps to KERNEL_LOAD, the start of what it inflated;
 * kernel.lds puts .text.head first.  %esi points at the boot header.
 */
	.section .text.head, "ax"
	.globl	kernel_start
kernel_start:
	/* The raw image holds no .bss (objcopy -O binary stops at the last byte of data), and
	 * the memory behind it was never ours to assume clear: zero .bss ourselves. */
	movl	$__bss_start, %edi
	movl	$__bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb
	movl	$stack_end, %esp
	pushl	%esi
	call	kernel_main

	/* Power off.  QEMU's PC machine has ACPI's PM1a control register at port 0x604
	 * (SeaBIOS puts it there): SLP_EN with sleep type 0 means "soft off". */
	movw	$0x604, %dx
	movw	$0x2000, %ax
	outw	%ax, %dx
1:	cli				/* not QEMU, or no ACPI: just stop */
	hlt
	jmp	1b

	.bss
	.balign	16
stack:	.skip	4096
stack_end:

	/* No executable stack wanted (GNU ld warns about objects that do not say so). */
	.section .note.GNU-stack, "", @progbits
