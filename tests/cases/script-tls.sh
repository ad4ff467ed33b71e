# Thread-local sections placed by a script: a TLS symbol's value is its offset from the first
# output section holding thread-local data (bfd's tls_sec), in .symtab and .dynsym; a local
# one loses its type when no TLS section is left.  PT_TLS spans the TLS sections.
for m in 64 32; do
	as_obj t$m.o --$m <<'E'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.globl td
	.long 1
td:	.long 2
ltd:	.long 3
	.section .tbss,"awT",@nobits
	.globl tb
	.zero 8
tb:	.zero 4
ltb:	.zero 4
	.data
	.long 9
	.bss
	.zero 4
E
done
while IFS= read -r sc; do
	echo "$sc" > tls.ld
	for m in 64 32; do
		emu=elf_x86_64; [ $m = 32 ] && emu=elf_i386
		link_both -m $emu -T tls.ld t$m.o
		compare_outputs
	done
done <<'E'
SECTIONS { . = 0x10000; .text : { *(.text) } .data : { *(.data) } .tdata : { *(.tdata) } .tbss : { *(.tbss) } }
SECTIONS { . = 0x10000; .text : { *(.text) } . = ALIGN(64); .tdata : { *(.tdata) } .tbss : { *(.tbss) } .data : { *(.data) } }
SECTIONS { . = 0x10000; .text : { *(.text) } .data : { *(.data) *(.tbss) } .tdata : { *(.tdata) } }
SECTIONS { . = 0x10000; .text : { *(.text) } .data : { *(.data) } /DISCARD/ : { *(.tdata) *(.tbss) } }
E
link_both -shared -Bsymbolic -soname t.so t64.o
compare_outputs
# PT_TLS's p_memsz grows by the gaps between the sections' LMAs (bfd treats it as a PT_LOAD
# there) and its p_filesz runs to the file end of its last section with contents
as_obj t2.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.byte 1
	.section .tdata.b,"awT",@progbits
	.balign 16
	.long 2
	.section .tbss,"awT",@nobits
	.zero 8
E
cat > lma.ld <<'E'
MEMORY { ROM : ORIGIN = 0x100000, LENGTH = 0x10000
         RAM : ORIGIN = 0x200000, LENGTH = 0x10000 }
SECTIONS {
  .text : { *(.text) } >ROM
  .tdata : { *(.tdata) } >RAM AT>ROM
  .tdata.b : { *(.tdata.b) } >RAM AT>ROM
  .tbss : { *(.tbss) } >RAM
}
E
link_both -T lma.ld t2.o
compare_outputs
# -r: a .tbss takes room like any section (the next one follows it), as GNU ld sizes it there
for sc in 'SECTIONS { .text : { *(.text) } .tbss : { *(.tbss) } .data : { *(.data) } }' \
	'SECTIONS { .text : { *(.text) } .data : { *(.data) } }' \
	'MEMORY { RAM : ORIGIN = 0, LENGTH = 64K } SECTIONS { .tbss : { *(.tbss) } >RAM AT>RAM .d2 : { *(.tdata) } >RAM }' \
	'SECTIONS { .text : { *(.text) } .bss : AT(0x1000) { *(.bss) } }' \
	'SECTIONS { .text : { *(.text) } .tbss : { *(.tbss) } .bss ALIGN(4) : { *(.bss) } }'; do
	echo "$sc" > r.ld
	link_both -r -T r.ld t64.o
	compare_outputs
done
# an unallocated TLS section (INFO) still makes PT_TLS, which SIZEOF_HEADERS counts
echo 'SECTIONS { . = SIZEOF_HEADERS; .text : { *(.text) } .other 0x1800 (INFO) : { *(.tdata) } .tbss : { *(.tbss) } .data : { *(.data) } }' > info.ld
link_both -T info.ld t64.o
compare_outputs
# a .tbss that no PT_LOAD holds: its file offset (and PT_TLS's) is where a PT_LOAD of its own
# would put it
as_obj lone.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .tbss,"awT",@nobits
	.zero 8
	.data
	.long 1
E
for sc in 'SECTIONS { . = 0x10000; .text : { *(.text) } .data : { *(.data) } .tbss 0x412000 : { *(.tbss) } }' \
	'SECTIONS { . = 0x10000; .text : { *(.text) } .data : { *(.data) } . = 0x412000; .tbss : { *(.tbss) } .bss : { *(.bss) } }'; do
	echo "$sc" > lone.ld
	link_both -T lone.ld lone.o
	compare_outputs
done
# a .tbss first in a PT_LOAD that holds the headers: its file offset is where its address puts
# it (bfd moves the file position to a segment's first section), and the code after it follows
echo 'SECTIONS { .tbss 0x10800 : { *(.tbss) } .text : { *(.text) } .data : { *(.data) } }' > first.ld
link_both -T first.ld lone.o
compare_outputs
# ... and p_memsz reaches its address, a NOBITS section after it sits there too, p_filesz stays
# the headers' when the segment has no contents
as_obj tb.o <<'E'
	.text
	.globl _start
_start:	ret
	.bss
	.zero 16
	.section .tbss,"awT",@nobits
	.zero 8
E
for sc in 'SECTIONS { . = 0x10000; .tbss : { *(.tbss) } .bss : { *(.bss) } .text ALIGN(0x400) : { *(.text) } .dynamic : { *(.dynamic) } }' \
	'SECTIONS { . = 0x10000; .tbss : { *(.tbss) } .text 0x20000 : { *(.text) } .bss : { *(.bss) } .dynamic : { *(.dynamic) } }'; do
	echo "$sc" > hd.ld
	link_both -pie -T hd.ld tb.o -z noseparate-code --no-warn-rwx-segments
	compare_outputs
done
# -z relro needs a section with contents between DATA_SEGMENT_ALIGN and RELRO_END: a .tbss
# there counts as empty (bfd's IGNORE_SECTION), so the default script leaves relro off and
# the data segment starts where DATA_SEGMENT_ALIGN puts it
for m in 64 32; do
	emu=elf_x86_64; [ $m = 32 ] && emu=elf_i386
	as_obj tro$m.o --$m <<'E'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.byte 1,2,3
	.data
	.long 5
	.section .tbss,"awT",@nobits
	.zero 5
E
	link_both -m $emu tro$m.o
	compare_outputs
done
# a .tbss no input makes TLS (only `.' moves in it) has SHF_TLS from its name in its header,
# but bfd lays it out as an ordinary NOBITS section: `.' moves past it, no PT_TLS, and a
# PT_LOAD holds it (its size not in p_memsz, as the header says TLS)
as_obj notls.o <<'E'
	.text
	.globl _start
_start:	ret
	.bss
	.zero 4
E
echo 'SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } .tbss 0x410000 : { t0 = .; . = . + 32; } .bss : { b0 = .; *(.bss) } }' > notls.ld
link_both -T notls.ld notls.o
compare_outputs
# GNU ld's default segments need the thread-local sections to follow one another in the
# section list: a non-TLS section between them fails the link, naming each section of the run
# (PHDRS, making the segments itself, lets it through)
as_obj na.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.long 1
	.section .tbss,"awT",@nobits
	.zero 8
	.data
	.long 2
E
echo 'SECTIONS { .text : { *(.text) } .tdata : { *(.tdata) } .data : { *(.data) } .tbss : { *(.tbss) } }' > na.ld
expect_fail_both 'TLS sections are not adjacent:' -T na.ld na.o
for l in '	    TLS: .tdata' '	non-TLS: .data' '	    TLS: .tbss'; do
	grep -qF -- "$l" "$WORK/bfd-fail.stderr" || fail "ld.bfd does not list '$l': the test is wrong"
	grep -qF -- "$l" "$WORK/fail.stderr" || fail "slink does not list '$l'"
done
echo 'PHDRS { text PT_LOAD; tls PT_TLS; } SECTIONS { .text : { *(.text) } :text .tdata : { *(.tdata) } :text :tls .data : { *(.data) } :text .tbss : { *(.tbss) } :text :tls }' > nap.ld
link_both -T nap.ld na.o --no-warn-rwx-segments
compare_outputs
# the first TLS section takes the largest alignment of the TLS run before sizing, a statement's
# ALIGN(n) included (GNU ld sets it when making the section), -r as well
as_obj ta.o --32 <<'E'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.long 4, 5, 6
	.section .tbss,"awT",@nobits
	.zero 104
E
echo 'SECTIONS { .tdata : { *(.tdata) } .tbss : ALIGN(0x800) { *(.tbss) } }' > ta.ld
link_both -m elf_i386 -T ta.ld ta.o
compare_outputs
link_both -m elf_i386 -r -T ta.ld ta.o
compare_outputs
# PT_TLS takes its sections sorted as bfd sorts a segment's (by LMA first): an unallocated
# (INFO) TLS section below the .tbss's load address comes first and sets the segment's start
as_obj ts.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.section .tdata,"awT",@progbits
	.long 4, 5
	.section .tbss,"awT",@nobits
	.zero 104
E
echo 'SECTIONS { .text 0x1000 : { *(.text) } .data : AT(0x800000) { *(.data) } .tbss 0x2000 : { *(.tbss) } .tdata 0x3000 (INFO) : { *(.tdata) } }' > ts.ld
link_both -T ts.ld ts.o
compare_outputs
# a thread-local section whose contents are all unallocated inputs has no SEC_LOAD: to GNU ld
# it is a .tbss (IS_TBSS), taking no room from `.` and left out of the overlap checks
as_obj tm.o --64 <<'E'
	.text
	.globl _start
_start: ret
	.section .tbss,"awT",@nobits
	.zero 16
	.section .cm,"",@progbits
	.ascii "xyz"
	.section .mybss,"aw",@nobits
	.zero 5
E
echo 'SECTIONS { .text : { *(.text) } .t 0x30800 : { *(.cm) *(.tbss) } .d : { LONG(0x11223344) } }' > tm.ld
link_both -T tm.ld tm.o --oformat binary
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the images differ"
# an unallocated (DSECT) TLS section at an address its alignment does not divide: its file
# offset follows sh_addralign as the address lowered it (PT_TLS shows the offset)
as_obj dt.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.balign 4
	.long 1,2,3
E
echo 'SECTIONS { .text 0x1000 : { *(.text) } .tdata 0x101d (DSECT) : { *(.tdata) } }' > dt.ld
link_both -T dt.ld dt.o
compare_outputs
# PT_TLS's p_filesz runs from its first section's file offset to the end of its last one with
# contents, as bfd computes it even when that ends before the start (a .tbss an OVERLAY put
# at a later offset than .tdata): the size wraps
as_obj ov.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .rodata.x,"a"
	.quad 1
	.section .tbss,"awT",@nobits
	.zero 0x1004
	.section .tdata,"awT",@progbits
	.long 1, 2, 3, 4
E
cat > ov.ld <<'E'
SECTIONS {
  .text 0x110000 : { *(.text) }
  OVERLAY 0x111800 : { .rodata { *(.rodata.*) } .tbss { *(.tbss) } }
  .tdata ALIGN(0x8) : { *(.tdata) }
}
E
link_both -T ov.ld ov.o
compare_outputs
# a .tbss that got non-allocated contents (type PROGBITS, no SEC_LOAD) is still a .tbss to
# GNU ld: it takes no room from `.` or its region, the .bss after it shares its PT_LOAD, and
# that PT_LOAD, grown LMA by LMA, moves the .bss's LMA past it (with GNU ld's warning)
as_obj tc.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .tbss,"awT",@nobits
	.zero 0x75
	.section .comment.my,"MS",@progbits,1
	.asciz "abcdefgh"
	.bss
	.zero 12
E
cat > tc.ld <<'E'
MEMORY { ROM (rx) : ORIGIN = 0x8000000, LENGTH = 0x1000 }
SECTIONS {
  .text : { *(.text) } >ROM
  .other : { *(.tbss* .comment.my) } >ROM
}
E
link_both -T tc.ld tc.o --no-warn-rwx-segments
compare_outputs
compare_warnings
# the first TLS section takes the largest alignment of the run of TLS sections it starts in
# bfd's section list: mydata_c, between them in the script, gets its input only as an orphan
# joining it by name (its pattern names no file), so bfd makes it last and .data follows .tdata
as_obj tr.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.long 1
	.section .tbss,"awT",@nobits
	.p2align 5
	.zero 4
	.section .data.x,"aw"
	.long 3
E
as_obj trm.o <<'E'
	.section mydata_c,"aw"
	.globl f1
f1:	.long 2
E
make_archive tr.a trm.o
cat > tr.ld <<'E'
SECTIONS {
  .text : { *(.text) }
  .tdata 0x1000 : { tr.o(.tdata) }
  mydata_c 0x2000 : { :tr.o(mydata_c*) }
  . = ALIGN(., 0x20);
  .data : { *(.tbss .data.x) }
}
E
link_both -T tr.ld tr.o -u f1 tr.a --no-warn-rwx-segments
compare_outputs
# the first TLS section's alignment is raised by the ELF back end only: a binary image keeps
# the inputs' own (here a byte-aligned .tdata before a word-aligned .tbss)
as_obj tb.o <<'E'
	.text
	.globl _start
_start:	ret
	.byte 0
	.section .tdata,"awT",@progbits
	.long 1, 2
	.section .tbss,"awT",@nobits
	.p2align 2
	.zero 4
E
echo 'SECTIONS { .text 0x1000 : { *(.text) } .tdata : { *(.tdata) } .tbss : { *(.tbss) } .data : { LONG(ADDR(.tdata)) } }' > tb.ld
link_both -T tb.ld tb.o --oformat binary
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the images differ"
