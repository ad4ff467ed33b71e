/*
 * setup.S — the real-mode setup code, in the sectors after the boot sector.
 *
 * Its first bytes continue the boot header the boot sector starts at 0x1f1: a boot loader
 * recognises a kernel by "HdrS" at 0x202 and reads the fields after it (the Linux/x86 boot
 * protocol, here version 2.03, the late-2.4 one).  QEMU's -kernel is such a loader.  For a
 * bzImage (loadflags LOADED_HIGH) it puts boot sector + setup at segment S = 0x1000 and the
 * system at code32_start (1 MiB); for a zImage, S = 0x9000 and the system at 0x10000.  It
 * writes its loader id into type_of_loader and jumps to S+0x20:0, i.e. to begtext below.
 * A loader may write any field of the header version we claim (QEMU 7.2 writes
 * initrd_addr_max even without an initrd), so the code must start after all of them.
 * Our own bootsect jumps to the same place with S = 0x9000, the system at 0x10000 and
 * type_of_loader 0.
 *
 * Setup then switches to 32-bit protected mode with flat segments and jumps to the
 * decompressor's startup_32 at code32_start, with %esi pointing at the boot header ("zero
 * page") as Linux does.  A real kernel's setup also asks the BIOS for the memory map,
 * video mode, disks, ...; we need none of that.
 *
 * Linked with  $(LD) -m elf_i386 -Ttext 0x0 -s --oformat binary -e begtext : every label's
 * value is its offset from the start of setup.  Setup does not know S in advance, so it
 * runs with %ds = %cs (offsets work as is) and computes the linear addresses that protected
 * mode needs (the GDT's, the 32-bit entry's) from %cs at run time.
 */
#define BOOT_CS		0x10		/* GDT selectors, the numbers Linux uses */
#define BOOT_DS		0x18
#define SYSSEG_ADDR	0x10000		/* where a "low" system is loaded */

/*
 * Assembled twice, as in 2.4: with -D__BIG_KERNEL__ for the bzImage (bsetup), whose system
 * runs at 1 MiB and may be loaded there directly by a boot loader (LOADED_HIGH); and without
 * for the zImage (setup), whose system is always loaded at 0x10000 and runs at 0x1000.
 */
#ifdef __BIG_KERNEL__
#define LOADFLAGS	1		/* LOADED_HIGH */
#define CODE32_START	0x100000
#else
#define LOADFLAGS	0
#define CODE32_START	0x1000
#endif

	.code16
	.text
	.globl	begtext
begtext:
	.byte	0xeb, start_of_setup - 1f /* 0x200: a 2-byte "jmp short" over the header */
1:	.ascii	"HdrS"			/* 0x202: header signature */
	.word	0x0203			/* 0x206: boot protocol version 2.03 */
realmode_swtch:	.long	0		/* 0x208: loader hook (unused) */
start_sys_seg:	.word	0x1000		/* 0x20c: obsolete */
		.word	kernel_version	/* 0x20e: version string, offset from 0x200 */
type_of_loader:	.byte	0		/* 0x210: written by a boot loader; 0 = bootsect */
loadflags:	.byte	LOADFLAGS	/* 0x211: bit 0 LOADED_HIGH: load the system high */
setup_move_size: .word	0x8000		/* 0x212: unused here */
code32_start:	.long	CODE32_START	/* 0x214: where the system runs (startup_32) */
ramdisk_image:	.long	0		/* 0x218: no initrd */
ramdisk_size:	.long	0		/* 0x21c */
bootsect_kludge: .long	0		/* 0x220: obsolete */
heap_end_ptr:	.word	0		/* 0x224: written by the loader */
		.word	0		/* 0x226: padding */
cmd_line_ptr:	.long	0		/* 0x228: written by the loader (we ignore it) */
initrd_addr_max: .long	0x37ffffff	/* 0x22c: highest initrd address (2.03) */

start_of_setup:
	cli				/* no interrupts from here on: we have no IDT */
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es

	call	serial_init
	movw	$msg_setup, %si
	call	puts

	/* %ebx = linear address of begtext; the boot header starts 0x200 before it. */
	xorl	%ebx, %ebx
	movw	%cs, %bx
	shll	$4, %ebx
	movl	%ebx, %eax
	addl	$gdt, %eax
	movl	%eax, gdt_desc + 2	/* the GDT's linear address */
	movl	%ebx, %eax
	addl	$pm32, %eax
	movl	%eax, pm32_ptr		/* the 32-bit entry's linear address */

	/* The A20 line: without it, address bit 20 is forced to 0 and 1 MiB aliases 0. */
	inb	$0x92, %al		/* "fast A20" through system control port A */
	orb	$0x02, %al
	andb	$0xfe, %al		/* (bit 0 would reset the machine) */
	outb	%al, $0x92

	movb	$0xff, %al		/* mask every interrupt at both PICs */
	outb	%al, $0xa1
	outb	%al, $0x21

	lgdtl	gdt_desc
	movl	%cr0, %eax
	orb	$1, %al			/* PE: protected mode */
	movl	%eax, %cr0
	ljmpl	*pm32_ptr		/* far jump loads %cs = BOOT_CS: now 32-bit code */

	.code32
pm32:
	movw	$BOOT_DS, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	/* Flat segments now: memory operands are linear addresses, so setup's own fields
	 * are reached through %ebx (an offset plus setup's base). */
	/* Where is the system?  At 0x10000, unless this is a bzImage and a boot loader
	 * (type_of_loader != 0) loaded it high, i.e. right at code32_start. */
	movl	code32_start(%ebx), %edi
	movl	$SYSSEG_ADDR, %esi
	testb	$1, loadflags(%ebx)
	jz	1f
	cmpb	$0, type_of_loader(%ebx)
	je	1f
	movl	%edi, %esi
1:	cmpl	%esi, %edi
	je	2f
	/* Move it to code32_start: down to 0x1000 (zImage) or up to 1 MiB (bzImage from our
	 * bootsect).  A forward copy is right for the move down; the move up never overlaps,
	 * as a system loaded at 0x10000 is smaller than 0x80000 bytes. */
	movzwl	-0x200+0x1f4(%ebx), %ecx /* syssize, in 16-byte units */
	shll	$2, %ecx		/* ... in 4-byte units */
	rep movsl
	movl	code32_start(%ebx), %edi
2:	leal	-0x200(%ebx), %esi	/* %esi = the boot header, for the kernel */
	jmp	*%edi			/* startup_32 in compressed/head.S */

	.code16
#include "serial16.inc"

	.p2align 3
gdt:	.quad	0			/* 0x00: the null descriptor */
	.quad	0			/* 0x08: unused */
	.quad	0x00cf9a000000ffff	/* 0x10 BOOT_CS: code, base 0, limit 4 GiB, 32-bit */
	.quad	0x00cf92000000ffff	/* 0x18 BOOT_DS: data, base 0, limit 4 GiB */
gdt_end:
gdt_desc:
	.word	gdt_end - gdt - 1	/* limit */
	.long	0			/* base: filled in above */
pm32_ptr:
	.long	0			/* offset: filled in above */
	.word	BOOT_CS			/* selector */

kernel_version:	.asciz	"0.1 (slink zimage example)"
msg_setup:	.asciz	"setup: entering protected mode\r\n"

	/* No executable stack wanted (GNU ld warns about objects that do not say so). */
	.section .note.GNU-stack, "", @progbits
