/*
 * compressed/head.S — startup_32, the first instruction of the system, at code32_start:
 * the decompressor is linked with -Ttext 0x100000 -e startup_32 for a bzImage and with
 * -Ttext 0x1000 for a zImage.  setup.S jumps here in 32-bit protected mode with flat
 * segments and %esi = the boot header.
 *
 * We set up the segments and a stack, clear .bss, let misc.c's decompress_kernel() inflate
 * the kernel (it returns the kernel's entry point) and jump there, handing %esi on.
 */
#define BOOT_DS	0x18

	.text
	.globl	startup_32
startup_32:
	cld
	cli
	movw	$BOOT_DS, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss

	/* Zero .bss (__bss_start and _end come from the linker's default script).  The
	 * stack is in .bss too, so nothing may be pushed before this; %esi survives. */
	movl	$__bss_start, %edi
	movl	$_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb

	movl	$stack_end, %esp
	movl	%esi, boot_params
	call	decompress_kernel	/* misc.c; returns the kernel's entry point */
	movl	boot_params, %esi
	jmp	*%eax

	.bss
	.balign	16
boot_params:
	.skip	4
stack:	.skip	4096
stack_end:

	/* No executable stack wanted (GNU ld warns about objects that do not say so). */
	.section .note.GNU-stack, "", @progbits
