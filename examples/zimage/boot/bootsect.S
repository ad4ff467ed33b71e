/*
 * bootsect.S — the boot sector: the first 512 bytes of the image.
 *
 * Two ways in:
 *  - Booting the image as a disk: the BIOS reads this sector to 0x7c00 and jumps to it with
 *    the drive number in %dl.  We then do what the 2.4 kernel's bootsect did: move ourselves
 *    out of the way to INITSEG, read the setup sectors right behind us (INITSEG:0x200) and
 *    the compressed system to SYSSEG:0, and jump to setup.  We read with the BIOS's
 *    "extended read" (int 0x13, %ah=0x42, LBA addressing), which every BIOS with hard-disk
 *    support has; the 2.4 code used CHS floppy reads, which need the disk geometry.
 *  - A boot loader (QEMU's -kernel, GRUB, ...) never runs this code: it only reads the
 *    header fields at 0x1f1..0x1ff below, loads setup and system itself and jumps to setup.
 *
 * Linked with  $(LD) -m elf_i386 -Ttext 0x0 -s --oformat binary  (as in 2.4's
 * arch/i386/boot/Makefile): addresses are offsets from the start of the sector, which is
 * right because we run with %cs = %ds = the segment the sector starts at.
 */
#define BOOTSEG		0x07c0		/* where the BIOS loads us (0x7c00) */
#define INITSEG		0x9000		/* where we move ourselves (0x90000) */
#define SETUPSEG	0x9020		/* setup follows us (0x90200) */
#define SYSSEG		0x1000		/* the system goes to 0x10000; setup moves it */
#define CHUNK		64		/* sectors per BIOS call: 32 KiB, a safe size */

	.code16
	.text
	.globl	_start
_start:
	cli
	cld
	movw	$BOOTSEG, %ax		/* copy the 512 bytes at 0x7c00 to INITSEG:0 */
	movw	%ax, %ds
	movw	$INITSEG, %ax
	movw	%ax, %es
	xorw	%si, %si
	xorw	%di, %di
	movw	$256, %cx
	rep movsw
	ljmp	$INITSEG, $go		/* continue in the copy */
go:
	movw	%ax, %ds		/* %ax is still INITSEG */
	movw	%ax, %ss
	movw	$0xf000, %sp		/* stack at 0x9f000, below the BIOS data at 0x9fc00 */
	sti
	movb	%dl, boot_drive		/* the BIOS told us which drive we came from */

	call	serial_init
	movw	$msg_loading, %si
	call	puts

	/* Setup: setup_sects sectors from LBA 1 (0 means 4, for very old images). */
	movzbw	setup_sects, %cx
	testw	%cx, %cx
	jnz	1f
	movw	$4, %cx
1:	movl	$1, %eax
	movw	$SETUPSEG, %bx
	call	read_sectors		/* leaves %eax = the next LBA, the system's first */

	/* System: syssize is in 16-byte units ("paragraphs"); 32 of them per sector. */
	movzwl	syssize, %ecx
	addl	$31, %ecx
	shrl	$5, %ecx
	movw	$SYSSEG, %bx
	call	read_sectors

	movw	$msg_ok, %si
	call	puts
	ljmp	$SETUPSEG, $0		/* on to setup.S; %ds = INITSEG still */

/*
 * read_sectors: read %cx sectors starting at LBA %eax into memory at %bx:0, CHUNK sectors
 * per BIOS call.  Returns %eax advanced by the count; clobbers %bx, %cx.
 */
read_sectors:
	jcxz	3f
	movw	$CHUNK, %di
	cmpw	%cx, %di
	jbe	2f
	movw	%cx, %di		/* %di = this call's count = min(%cx, CHUNK) */
2:	movw	%di, dap_count
	movw	%bx, dap_seg
	movl	%eax, dap_lba
	pushal				/* the BIOS may clobber registers; popal keeps CF */
	movb	$0x42, %ah		/* extended read, described by the packet at %ds:%si */
	movb	boot_drive, %dl
	movw	$dap, %si
	int	$0x13
	popal
	jc	disk_error
	movzwl	%di, %edx
	addl	%edx, %eax		/* next LBA */
	shlw	$5, %dx			/* sectors -> paragraphs */
	addw	%dx, %bx		/* next buffer segment */
	subw	%di, %cx
	jmp	read_sectors
3:	ret

disk_error:
	movw	$msg_error, %si
	call	puts
4:	hlt
	jmp	4b

#include "serial16.inc"

/* The disk address packet of int 0x13 %ah=0x42. */
	.p2align 2
dap:		.byte	0x10, 0		/* packet size, reserved */
dap_count:	.word	0		/* sectors to read */
		.word	0		/* buffer offset ... */
dap_seg:	.word	0		/* ... and segment */
dap_lba:	.long	0, 0		/* 64-bit start sector */

boot_drive:	.byte	0
msg_loading:	.asciz	"bootsect: loading setup and system\r\n"
msg_ok:		.asciz	"bootsect: starting setup\r\n"
msg_error:	.asciz	"bootsect: disk read error\r\n"

/*
 * The boot sector's part of the header (the "zero page" layout every Linux boot loader
 * knows).  scripts/zimage-build.c fills in setup_sects and syssize; the .org fails the
 * assembly if the code above grows into it.
 */
	.org	0x1f1
setup_sects:	.byte	0		/* 0x1f1: number of setup sectors (patched) */
root_flags:	.word	0		/* 0x1f2: mount root read-only (unused) */
syssize:	.word	0		/* 0x1f4: system size in 16-byte units (patched) */
swap_dev:	.word	0		/* 0x1f6: unused */
ram_size:	.word	0		/* 0x1f8: ramdisk flags (unused) */
vid_mode:	.word	0xffff		/* 0x1fa: "normal" video mode */
root_dev:	.word	0		/* 0x1fc: root device (patched when given) */
boot_flag:	.word	0xaa55		/* 0x1fe: the BIOS boots only sectors ending so */

	/* No executable stack wanted (GNU ld warns about objects that do not say so). */
	.section .note.GNU-stack, "", @progbits
