# The kernel's boot-time linker scripts (Linux 6.1, Debian's linux-source-6.1) preprocessed as
# kbuild does: arch/x86/boot/compressed/vmlinux.lds.S (static and -pie, as kbuild links it),
# arch/x86/boot/setup.ld and arch/x86/realmode/rm/realmode.lds.S (i386, also as flat binaries
# the way the build objcopies them).  Skipped only without the linux-source package.
. "$TESTS/lib/kernel.sh"
kernel_tree

# ---- compressed/vmlinux.lds ----
kernel_lds zo.lds arch/x86/boot/compressed/vmlinux.lds.S
as_obj zo.o <<'EOF2'
	.section .head.text,"ax"
	.globl startup_64
startup_64: call main
	ret
	.section .rodata..compressed,"a"
	.fill 100,1,0x55
	.text
	.globl main
main:	ret
	.section .text.extract,"ax"
	ret
	.section .rodata,"a"
	.asciz "hello"
	.data
	.long 1
	.section .data.rel.local,"aw"
	.quad 5
	.bss
	.zero 100
	.section .pgtable,"aw",@nobits
	.zero 4096
	.section .note.GNU-stack,"",@progbits
	.comm comm_var,64,32
EOF2
ZFLAGS=(-m elf_x86_64 --no-ld-generated-unwind-info -z noexecstack --no-warn-rwx-segments -T zo.lds)
link_both "${ZFLAGS[@]}" zo.o
compare_outputs
link_both -pie --no-dynamic-linker "${ZFLAGS[@]}" zo.o
compare_outputs

# ---- setup.ld (not preprocessed) ----
cp "$KSRC/arch/x86/boot/setup.ld" setup.ld
as_obj setup.o --32 <<'EOF2'
	.code16
	.section .bstext,"ax"
	.globl bootsect_start
bootsect_start: ljmp $0x7c0, $1f
1:	int $0x19
	.section .header,"a"
	.byte 1,2
	.globl hdr
hdr:	.byte 0
	.word setup_sects
	.long setup_size
	.globl _start
_start:	.byte 0xeb, 0x00
	.section .entrytext,"ax"
	.byte 0xfa
	.section .inittext,"ax"
	.byte 0x90,0x90
	.section .initdata,"a"
	.long 0
	.text
	.globl main
main:	ret
	.section .text32,"ax"
	.code32
	ret
	.section .pecompat,"a"
	.globl pecompat_fstart
pecompat_fstart: .long pecompat_fsize
	.section .rodata.str,"aMS",@progbits,1
	.asciz "abc"
	.section .videocards,"a"
	.long 1,2
	.data
	.long 3
	.bss
	.zero 32
	.section .note.foo,"a",@note
	.long 0,0,0
EOF2
SFLAGS=(-m elf_i386 -z noexecstack --no-warn-rwx-segments -T setup.ld setup.o)
link_both "${SFLAGS[@]}"
compare_outputs
link_both "${SFLAGS[@]}" --oformat binary
cmp bfd.out slink.out || fail "setup.bin images differ"

# ---- realmode.lds ----
kernel_lds realmode.lds arch/x86/realmode/rm/realmode.lds.S i386
as_obj rm.o --32 <<'EOF2'
	.section .header,"a"
	.long pa_text_start, real_mode_seg
	.section .rodata,"a"
	.byte 1
	.section .videocards,"a"
	.long 2
	.text
	.code16
	.globl trampoline
trampoline: ljmpw $0, $1f
1:	ret
	.section .text32,"ax"
	.code32
	ret
	.section .text64,"ax"
	.byte 0x48, 0xc3
	.data
	.long trampoline
	.bss
	.zero 8
	.section .signature,"a"
	.long 0x5a5aaa55
	.section .note.x,"a",@note
	.long 0,0,0
EOF2
RFLAGS=(-m elf_i386 -z noexecstack --no-warn-rwx-segments -T realmode.lds rm.o)
link_both "${RFLAGS[@]}"
compare_outputs
link_both "${RFLAGS[@]}" --oformat binary
cmp bfd.out slink.out || fail "realmode.bin images differ"
