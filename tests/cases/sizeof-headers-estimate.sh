# SIZEOF_HEADERS starts from bfd's guess at the number of program headers (two PT_LOADs, plus
# PT_GNU_STACK, PT_GNU_RELRO when a relro section exists, PT_NOTE runs, PT_TLS, ...), then
# follows the count the layout gives.  Layouts with more than one stable count (here 7 or 8
# program headers, from a fuzz-found script) end where GNU ld's start leads.
as_obj a.o <<'EOF2'
	.section .data.x,"aw",@progbits
	.globl f0_data_x
f0_data_x:
	.quad sym3
	.long f0_mycode
	.byte 178
	.quad sym5
	.section .rodata.str1.1,"aMS",@progbits,1
	.globl f0_rodata_str1_1
f0_rodata_str1_1:
	.asciz "world"
	.asciz "o"
	.section .text.foo,"ax",@progbits
	.p2align 6
	.globl f0_text_foo
	.type f0_text_foo,@function
f0_text_foo:
	mov $sym5, %eax
	.section .myro,"a",@progbits
	.p2align 4
	.globl f0_myro
f0_myro:
	.byte 191
	.quad sym3
	.long 0x344ab6d1
	.quad sym5
	.data
	.balign 2
	.globl f0_data
f0_data:
	.quad f0_text_unlikely_z
	.byte 149
	.long 0xf174299f
	.bss
	.globl f0_bss
f0_bss:
	.zero 8
	.zero 4096
	.text
	.balign 1
	.globl f0_text
	.type f0_text,@function
f0_text:
	.globl _start
_start:
	nop
	ret
	.section .text.unlikely.z,"ax",@progbits
	.p2align 2
	.globl f0_text_unlikely_z
	.type f0_text_unlikely_z,@function
f0_text_unlikely_z:
	nop
	ret
	nop
	ret
	.section .mycode,"ax",@progbits
	.p2align 0
	.globl f0_mycode
	.type f0_mycode,@function
f0_mycode:
	mov $sym5, %eax
	.section .note.GNU-stack,"",@progbits
EOF2
cat > s.ld <<'EOF2'
ENTRY(f0_text)
PROVIDE(f0_text = -ABSOLUTE(CONSTANT(COMMONPAGESIZE) >= CONSTANT(COMMONPAGESIZE) ? CONSTANT(MAXPAGESIZE) : 256));
SECTIONS
{
  . = SEGMENT_START("text-segment", 0x10000) + SIZEOF_HEADERS;
  .mycode :
  {
    KEEP(*(.mycode))
    PROVIDE(f0_bss = ABSOLUTE(0x40 / 4));
  }
  .text : AT(ADDR(.mycode) + 0x8)
  {
    PROVIDE_HIDDEN(sym3 = 64);
    *(.text .text.*)
  }
  .text.unlikely.z :
  {
    sym4 = SIZEOF_HEADERS;
    . = ALIGN(8);
    KEEP(*(.text.unlikely.z))
  }
  .rodata :
  {
    sym5 = 0x0;
    *(.rodata.str1.*)
  }
  .data : SUBALIGN(0x20)
  {
    *(.data)
  }
  .data.x 0x10800 (NOLOAD) : AT(0x811800)
  {
    *(.data.x*)
  }
  . = 0x21800;
  .bss 0x22800 : ONLY_IF_RW
  {
    *(.bss)
  }
  sym6 = CONSTANT(MAXPAGESIZE);
sym6 <<= 1;
}
EOF2
link_both -T s.ld -z separate-code a.o --no-warn-rwx-segments
compare_outputs
# SIZEOF_HEADERS in a branch GNU ld never folds (DEFINED of a symbol assigned just before is
# true in every pass) does not ask for the headers to be loaded
as_obj h.o <<'EOF2'
	.text
	.globl _start
_start:	ret
EOF2
cat > h.ld <<'EOF2'
SECTIONS { s1 = 4; .text 0x100000 : { s2 = s1 && DEFINED(s1) ? 8 : SIZEOF_HEADERS; . += 16; *(.text) } }
EOF2
link_both -T h.ld h.o
compare_outputs

# GNU ld folds a script's assignments once while it opens the inputs (open_input_bfds), where
# DEFINED sees only the objects opened so far: a SIZEOF_HEADERS that only this early fold
# reaches still loads the headers (the first PT_LOAD starts a page early), and one it does not
# reach (the object came first) does not.
cat > dh.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.quad 8
EOF
as_obj dh.o dh.s
cat > dh.ld <<'EOF'
x = DEFINED(_start) ? 0 : SIZEOF_HEADERS;
SECTIONS { . = 0x10000; .text : { *(.text) } .rodata : { *(.rodata) } }
EOF
link_both -T dh.ld dh.o
compare_outputs
link_both dh.o -T dh.ld
compare_outputs
# ... where a symbol an earlier assignment gave a value has it (a constant, or 0 when the fold
# found none and nothing had named the symbol)
for v in 'CONSTANT(MAXPAGESIZE)' 0x2000 'ALIGN(16)'; do
	for c in 's1 == 0x2000' 's1 == 0'; do
		printf 's1 = %s;\nx = DEFINED(_start) ? 1 : %s ? 2 : SIZEOF_HEADERS;\nSECTIONS { . = 0x10000; .text : { *(.text) } .rodata : { *(.rodata) } }\n' \
			"$v" "$c" > dv.ld
		link_both -T dv.ld dh.o
		compare_outputs
	done
done
# ... a fold where `.` is 0 and SEGMENT_START gives its value (or the command line's), in and
# out of output sections
for x in 'SEGMENT_START("data-segment", 0x40) <= ABSOLUTE(.)' '0x40 <= ABSOLUTE(.)' '. >= 0' \
	 'SEGMENT_START("text-segment", 0x40) > 0x100'; do
	echo "SECTIONS { . = 0x10000; .text : { *(.text) } .rodata : { *(.rodata) s1 = $x ? 1 : SIZEOF_HEADERS; } }" > dz.ld
	link_both -T dz.ld dh.o
	compare_outputs
	link_both -T dz.ld dh.o -Ttext-segment=0x1000
	compare_outputs
done
# GNU ld's mark-phase sizing pass (the one that decides which sections are empty) takes
# SIZEOF_HEADERS as 0: there `.` does not move in .mynonalloc, later it does, which makes it
# allocated for good
cat > mh.s <<'EOF2'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.section .mynonalloc,"",@progbits
	.long 2
EOF2
as_obj mh.o mh.s
echo 'SECTIONS { .text : { *(.text) } .data 0x800 : { *(.data) } .mynonalloc (SIZEOF_HEADERS % 0xb0) : { . = ALIGN(0x80); *(.mynonalloc) } }' > mh.ld
link_both -T mh.ld mh.o --no-warn-rwx-segments
compare_outputs
# ... where `/' and `%' fold as GNU ld's (signed): here the first fold reaches SIZEOF_HEADERS
# (DEFINED(_start) is false before the object is read), so the headers are loaded
cat > dm.ld <<'EOF'
SECTIONS {
  . = 0x10000;
  .text (NOLOAD) : { } =0x12345678
  .myro 0x11000 : { } =0x1234
  .mydata 0x21000 : { }
  .mynonalloc : { }
  s = ABSOLUTE(0x100) > CONSTANT(MAXPAGESIZE) % 0x8 ? DEFINED(_start) ? 0x1 : SIZEOF_HEADERS : 2;
}
EOF
link_both -T dm.ld -z noseparate-code dh.o
compare_outputs
# ... and GNU ld's mark phase, where SIZEOF_HEADERS is 0 and `.' moves only by assignments to
# it (no section has a size yet): ALIGN(16) and ALIGN(0x100) agree there, so SIZEOF_HEADERS is
# reached, though never in the later passes
echo 'SECTIONS { . = 0x400000; .text : { *(.text) } x = ALIGN(16) < ALIGN(0x100) ? 1 : ~SIZEOF_HEADERS <= 3 ? 2 : SIZEOF_HEADERS; .rodata : { *(.rodata) } }' > mp.ld
link_both -T mp.ld dh.o
compare_outputs
# an assignment whose condition reads LOADADDR() of a section not placed yet in the pass has no
# value there, so its SIZEOF_HEADERS (in a branch) is never reached
as_obj la.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .data.rel.ro,"aw"
	.quad 1
	.section .fini_array,"aw",@fini_array
	.quad 0
EOF2
echo 'SECTIONS { . = 0x400000; .text : { sym1 = LOADADDR(.data.rel.ro) > 2 ? 0x100 : 0x1000 != SIZEOF_HEADERS ? 1 : 2; . = ALIGN(16); *(.text) } OVERLAY : AT(0xd00800) { .data.rel.ro { KEEP(*(.data.rel.ro)) } .fini_array { *(.fini_array) } } }' > la.ld
link_both -T la.ld la.o --no-warn-rwx-segments
compare_outputs
