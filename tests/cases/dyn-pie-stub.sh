# The kernel's compressed stub: -pie --no-dynamic-linker with a script that discards the
# dynamic sections and ASSERTs that no GOT/PLT/dynamic relocations remain.  GOTPCREL loads
# relax to lea, hidden symbols stay global (PLT-called hidden ones become local), the dynamic
# sections GNU ld makes are discarded, and its orphan warnings for .gnu.version* match.
cat > hidden.h <<'E'
#pragma GCC visibility push(hidden)
E
cat > head.S <<'E'
	.section .head.text,"ax"
	.globl startup_64
startup_64:
	leaq	_head(%rip), %rbp
	movq	_end@GOTPCREL(%rip), %rax
	leaq	_bss(%rip), %rdi
	call	extract_kernel
	leaq	_ehead(%rip), %rax
	jmp	*%rax
	.section .rodata..compressed,"a"
	.globl input_data
input_data: .byte 1,2,3,4
	.data
	.quad 0
	.section .pgtable,"aw",@nobits
	.balign 4096
	.fill 4096,1,0
E
gcc -fPIE -Wa,-mrelax-relocations=no -c head.S -o head.o
cc_obj misc.o -O2 -fPIE -fno-jump-tables -mno-red-zone -ffreestanding -fno-stack-protector \
	-fno-asynchronous-unwind-tables -Wa,-mrelax-relocations=no -include "$WORK/hidden.h" <<'E'
extern char input_data[];
extern char _end[];
static int counter;
int global_var = 3;
int *ptr_in_data;
void __putstr(const char *s);
unsigned long extract_kernel(void *rmode, unsigned char *output)
{
	counter += global_var;
	__putstr("hello");
	return (unsigned long)input_data + (unsigned long)_end + counter + (unsigned long)output;
}
void __putstr(const char *s) { while (*s) counter += *s++; }
E
cat > vmlinux.lds <<'E'
OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(startup_64)
SECTIONS
{
	. = 0;
	.head.text : {
		_head = . ;
		KEEP(*(.head.text))
		_ehead = . ;
	}
	.rodata..compressed : {
		*(.rodata..compressed)
	}
	.text :	{
		_text = .; 	/* Text */
		*(.text)
		*(.text.*)
		_etext = . ;
	}
	.rodata : {
		_rodata = . ;
		*(.rodata)	 /* read-only data */
		*(.rodata.*)
		_erodata = . ;
	}
	.data :	ALIGN(0x1000) {
		_data = . ;
		*(.data)
		*(.data.*)
		. = ALIGN(. + 4, 0x200);
		_edata = . ;
	}
	. = ALIGN(64);
	.bss : {
		_bss = . ;
		*(.bss)
		*(.bss.*)
		*(COMMON)
		. = ALIGN(8);	/* For convenience during zeroing */
		_ebss = .;
	}
       . = ALIGN(4096);
       .pgtable : {
		_pgtable = . ;
		*(.pgtable)
		_epgtable = . ;
	}
	. = ALIGN(4096);	/* keep ZO size page aligned */
	_end = .;
	.comment 0 : { *(.comment) }
	.symtab 0 : { *(.symtab) }
	.strtab 0 : { *(.strtab) }
	.shstrtab 0 : { *(.shstrtab) }
	/DISCARD/ : { *(.exit.text) *(.exitcall.exit) *(.discard) *(.discard.*) *(.modinfo) *(.note.GNU-stack) }
	/DISCARD/ : {
		*(.dynamic) *(.dynsym) *(.dynstr) *(.dynbss)
		*(.hash) *(.gnu.hash)
		*(.note.*)
	}
	.got.plt (INFO) : {
		*(.got.plt)
	}
	ASSERT(SIZEOF(.got.plt) == 0 ||
	       SIZEOF(.got.plt) == 0x18,
	       "Unexpected GOT/PLT entries detected!")
	.got : {
		*(.got)
	}
	ASSERT(SIZEOF(.got) == 0, "Unexpected GOT entries detected!")
	.plt : {
		*(.plt) *(.plt.*)
	}
	ASSERT(SIZEOF(.plt) == 0, "Unexpected run-time procedure linkages detected!")
	.rel.dyn : {
		*(.rel.*) *(.rel_*)
	}
	ASSERT(SIZEOF(.rel.dyn) == 0, "Unexpected run-time relocations (.rel) detected!")
	.rela.dyn : {
		*(.rela.*) *(.rela_*)
	}
	ASSERT(SIZEOF(.rela.dyn) == 0, "Unexpected run-time relocations (.rela) detected!")
}
E
link_both -m elf_x86_64 --no-ld-generated-unwind-info -pie --no-dynamic-linker --orphan-handling=warn \
	-z noexecstack --no-warn-rwx-segments -T vmlinux.lds head.o misc.o
compare_outputs
grep 'orphan section' bfd.stderr | sed 's/^ld.bfd: //' > bfd.orphans
grep 'orphan section' slink.stderr | sed 's/^slink: //' > slink.orphans
diff bfd.orphans slink.orphans || fail "orphan warnings differ"
[ -s slink.orphans ] || fail "no orphan warnings for .gnu.version*"

# a data pointer needs a RELATIVE relocation: the script's ASSERT fires, as with GNU ld
cc_obj ptr.o -O2 -fPIE -ffreestanding <<'E'
static int x;
int *p = &x;
E
expect_fail_both 'Unexpected run-time relocations \(.rela\) detected' -m elf_x86_64 -pie --no-dynamic-linker \
	-T vmlinux.lds head.o misc.o ptr.o
