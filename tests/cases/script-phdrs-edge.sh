# PHDRS shapes that leave sections without a PT_LOAD, empty or header-only PT_LOADs, -N/-n,
# -r, and the errors GNU ld gives for a PHDRS list it cannot use (lang_record_phdrs,
# lang_new_phdr, bfd's assign_file_positions_for_load_sections).
as_obj a.o --64 <<'EOF'
	.text
	.globl _start
_start:	ret
	.data
	.quad 1
EOF
as_obj c.o --64 <<'EOF'
	.text
	.globl _start
_start:	.zero 4104
EOF
as_obj x.o --64 <<'EOF'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.quad 5
	.section .note.foo,"a",@note
	.long 4,4,1
	.ascii "abc\0"
	.long 7
	.section .tdata,"awT",@progbits
	.long 3
	.section .tbss,"awT",@nobits
	.zero 8
	.data
	.quad 1
	.bss
	.zero 64
EOF

# no section names a program header: fatal in GNU ld (slink used to write .text out of bounds)
echo 'PHDRS { data PT_LOAD; }' > none.ld
expect_fail_both 'no sections assigned to phdrs' -T none.ld c.o

# sections in no segment (:NONE) get file offsets after the loaded bytes, their address modulo
# the page; NOBITS ones offset 0.  Every section of a PT_NOTE is made a note, NOBITS or not.  Empty PT_LOADs sit at the file position reached.
n=0
while IFS= read -r script; do
	n=$((n + 1))
	echo "$script" > s$n.ld
	for obj in a.o x.o; do
		for m in "" -N -n; do
			# shellcheck disable=SC2086
			link_both $m -T s$n.ld $obj
			compare_outputs
		done
	done
done <<'EOF'
PHDRS { text PT_LOAD; } SECTIONS { .text : { *(.text) } :text .data : { *(.data) } :NONE }
PHDRS { text PT_LOAD; data PT_LOAD; } SECTIONS { .text : { *(.text) } .data : { *(.data) } :data }
PHDRS { text PT_LOAD; } SECTIONS { .text : { *(.text) } :NONE .data : { *(.data) } }
PHDRS { text PT_LOAD; } SECTIONS { .text : { *(.text) } :NONE .data : { *(.data) } :NONE }
PHDRS { hdr PT_LOAD FILEHDR PHDRS; text PT_LOAD; } SECTIONS { . = 0x10000; .text : { *(.text) } :text }
PHDRS { text PT_LOAD; } SECTIONS { . = 0x10000; .text : { *(.text) } :text .bss : { *(.bss) } :NONE .data : { *(.data) } :NONE .rodata : { *(.rodata) } :text }
PHDRS { text PT_LOAD; } SECTIONS { . = 0x10000; .text : { *(.text) } :text .bss : { *(.bss) } .data : { *(.data) } }
PHDRS { text PT_LOAD FILEHDR PHDRS; } SECTIONS { . = 0x401000; .text : { *(.text) } :text }
PHDRS { text PT_LOAD FILEHDR PHDRS; } SECTIONS { . = 0x1000 + SIZEOF_HEADERS; .text : { *(.text) } :text }
PHDRS { text PT_LOAD AT(0x100000); data PT_LOAD FLAGS(7); } SECTIONS { . = 0x10000; .text : { *(.text) } :text .data 0x20000 : AT(0x5000) { *(.data) } :data .bss : { *(.bss) } }
PHDRS { text PT_LOAD; data PT_LOAD; } SECTIONS { . = 0x10000; .data : { *(.data) } :data .text 0x8000 : { *(.text) } :text }
PHDRS { phdr PT_PHDR PHDRS; text PT_LOAD FILEHDR PHDRS; data PT_LOAD; note PT_NOTE; tls PT_TLS; } SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } :text .rodata : { *(.rodata) } .note : { *(.note*) } :text :note . = ALIGN(0x1000); .tdata : { *(.tdata) } :data :tls .tbss : { *(.tbss) } :data :tls .data : { *(.data) } :data .bss : { *(.bss) } }
PHDRS { text PT_LOAD; relro PT_GNU_RELRO; } SECTIONS { .text : { *(.text) } :text .data : { *(.data) } }
PHDRS { text PT_LOAD; note PT_NOTE; } SECTIONS { . = 0x10000; .text : { *(.text) } :text .data : { *(.data) } .bss 0x32000 : { *(.bss) } :note }
EOF

# bfd carries the last :phdr list from one PHDRS entry to the next: the sections before the
# first :phdr go into both PT_LOADs (the second one gives them their file offsets), and the
# LMAs of sections overlapping inside a segment are moved up (with GNU ld's warning)
echo 'PHDRS { a PT_LOAD; b PT_LOAD; } SECTIONS { . = 0x10000; .text : { *(.text) } .rodata : { *(.rodata) } .data : { *(.data) } :a .bss : { *(.bss) } :b }' > two.ld
link_both -T two.ld x.o
compare_outputs
echo 'PHDRS { a PT_LOAD; b PT_LOAD; } SECTIONS { . = 0x10000; .text : { *(.text) } .data 0x10000 : { *(.data) } :a .bss : { *(.bss) } :b }' > adj.ld
link_both --no-check-sections -T adj.ld x.o
compare_outputs
expect_grep 'section \.data lma 0x10000 adjusted to 0x10001' slink.stderr

# -r: the PHDRS list is checked but no program header is written; SIZEOF_HEADERS is the ELF
# header alone
relcmp() {
	python3 "$TESTS/lib/relcmp.py" bfd.out slink.out "$@" >&2 || fail "-r output differs from ld.bfd's"
}
echo 'PHDRS { text PT_LOAD FILEHDR PHDRS; } SECTIONS { .text 0x1000 : { *(.text) } :text }' > r.ld
link_both -r -T r.ld a.o
relcmp
compare_outputs
echo 'SECTIONS { .text SIZEOF_HEADERS : { *(.text) } .data : { *(.data) } }' > rsh.ld
link_both -r -T rsh.ld a.o
relcmp
compare_outputs
expect_fail_both 'no sections assigned to phdrs' -r -T none.ld c.o

# the errors
echo 'PHDRS { text PT_LOAD; data PT_LOAD; } SECTIONS { .text : { *(.text) } :text :foo .data : { *(.data) } :bar }' > e1.ld
expect_fail_both "section \`\.data' assigned to non-existent phdr \`bar'" -T e1.ld x.o
expect_grep "section \`\.text' assigned to non-existent phdr \`foo'" fail.stderr
expect_fail_both "section \`\.text' assigned to non-existent phdr \`foo'" -r -T e1.ld x.o
echo 'PHDRS { phdr PT_PHDR PHDRS; text PT_LOAD; } SECTIONS { .text : { *(.text) } :text }' > e2.ld
expect_fail_both 'PHDR segment not covered by LOAD segment' -T e2.ld x.o
echo 'PHDRS { text PT_LOAD; hdr PT_LOAD FILEHDR PHDRS; } SECTIONS { . = 0x10000; .text : { *(.text) } :text }' > e3.ld
expect_fail_both 'e3\.ld:1:.*PHDRS and FILEHDR are not supported when prior PT_LOAD headers lack them' -T e3.ld x.o
echo 'PHDRS { text PT_LOAD; note PT_NOTE FILEHDR; } SECTIONS { . = 0x10000; .text : { *(.text) } :text .note : { *(.note*) } :text :note }' > e4.ld
expect_fail_both 'non-load segment 1 includes file header and/or program header' -T e4.ld x.o
echo 'PHDRS { text PT_LOAD; dyn PT_DYNAMIC; } SECTIONS { . = 0x10000; .text : { *(.text) } :text .rodata : { *(.rodata) } :text :dyn .data : { *(.data) } :text :dyn }' > e5.ld
expect_fail_both 'The first section in the PT_DYNAMIC segment is not the .dynamic section' -T e5.ld x.o
echo 'PHDRS { text PT_LOAD FILEHDR PHDRS; } SECTIONS { . = 0x10; .text : { *(.text) } :text }' > e6.ld
expect_fail_both 'not enough room for program headers, try linking with -N' -T e6.ld x.o
# a NOLOAD section PHDRS puts in a PT_NOTE becomes a note, yet it has no contents (bfd took
# SEC_HAS_CONTENTS away): its bytes stay zero, relocations and data statements included
as_obj nl.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.quad _start
	.long 7
EOF2
cat > nl.ld <<'EOF2'
PHDRS { text PT_LOAD; note PT_NOTE; }
SECTIONS { .text 0x1000 : { *(.text) } :text .rodata (NOLOAD) : { *(.rodata) LONG(5) } :note .other (NOLOAD) : { LONG(6) } :note }
EOF2
link_both -T nl.ld nl.o
compare_outputs
# orphans placed before every statement take the program headers of the first statement
# after them that names some, even one its ONLY_IF_RW constraint dropped (lang_record_phdrs
# scans the whole statement list)
cat > drop.ld <<'E2'
PHDRS { text PT_LOAD FILEHDR PHDRS; data PT_LOAD FLAGS(5); }
SECTIONS { . = 0x100000 + SIZEOF_HEADERS; .text 0x100100 : ONLY_IF_RW { *(.text) } :text
  .rodata : { *(.rodata) } :data .data : { *(.data) } :data }
E2
link_both -T drop.ld x.o -n
compare_outputs

# An unallocated section a PHDRS list puts in a segment other than a PT_LOAD stays in it (bfd's
# elf_modify_segment_map drops it only from PT_LOADs): a PT_NOTE makes it a note, and it gives
# the segment its address, file extent, alignment and flags, though no memory.
cat > na.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .note.a,"a",@note
	.long 4,4,1
	.asciz "GNU"
	.long 7
	.section .info1,"",@progbits
	.balign 16
	.quad 1
	.section .code1,"ax",@progbits
	.byte 0xc3
EOF
as_obj na.o na.s
n=0
for body in '.note.a : { *(.note.a) } :text :note
  .info1 (INFO) : { *(.info1) } :note' \
	'.info1 : { *(.info1) } :note
  .note.a : { *(.note.a) } :text :note' \
	'.code1 0x10000 (COPY) : { *(.code1) } :note
  .info1 : { *(.info1) } :stack' \
	'.info1 : { *(.info1) } :text :note'; do
	n=$((n + 1))
	cat > na$n.ld <<EOF
PHDRS { text PT_LOAD FILEHDR PHDRS; note PT_NOTE; stack PT_GNU_STACK; }
SECTIONS {
  . = 0x400000 + SIZEOF_HEADERS;
  .text : { *(.text) } :text
  $body
}
EOF
	link_both -T na$n.ld na.o
	compare_outputs
done

# A section of a PHDRS PT_LOAD outside the segment's extent (its address below the segment's,
# which starts at the lowest load address): bfd says so, lists the segment, and goes on.
cat > cs.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.quad 8
EOF
as_obj cs.o cs.s
cat > cs.ld <<'EOF'
PHDRS { text PT_LOAD; }
SECTIONS {
  .text 0x20000 : AT(0x20000) { *(.text) } :text
  .rodata 0x10000 : AT(0x20100) { *(.rodata) } :text
}
EOF
link_both -T cs.ld cs.o
compare_outputs
compare_warnings
grep -q "can't be allocated in segment 0" bfd.stderr || fail "the test lost its misplaced section"
# a PT_PHDR that no PT_LOAD covers is GNU ld's error (the script left no room for the headers)
echo 'PHDRS { hdr PT_PHDR PHDRS; text PT_LOAD; } SECTIONS { . = 0x400000; .text : { *(.text) } :text }' > nophdr.ld
expect_fail_both 'PHDR segment not covered by LOAD segment' -T nophdr.ld c.o
as_obj pie.o <<'E'
	.text
	.globl _start
_start:	lea _start(%rip), %rax
	ret
E
echo 'SECTIONS { . = 0x10000; .text : { *(.text) } .interp : { *(.interp) } .dynamic : { *(.dynamic) } }' > nophdr2.ld
expect_fail_both 'PHDR segment not covered by LOAD segment' -pie -N -T nophdr2.ld pie.o
# without PHDRS: a first PT_LOAD holding only the headers and bss (here by its LMA) has no
# file contents past the headers, so the next PT_LOAD's file offset follows the headers
# (bfd takes back its page adjustment), not the bss's place
as_obj hb.o --64 <<'EOF2'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.bss
	.zero 0x40
EOF2
echo 'SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text 0x401000 : AT(0xc11000) { *(.text) *(.data) } .bss : AT(0x401200) ALIGN(0x20) { *(.bss) } }' > hb.ld
link_both -T hb.ld hb.o --no-warn-rwx-segments
compare_outputs
# with PHDRS, a PT_PHDR is covered when a leading PT_LOAD asks for the program headers, even if
# the PT_PHDR lists a section that no PT_LOAD holds (which stretches its file extent)
cat > phsec.ld <<'EOF2'
PHDRS { hdr PT_PHDR PHDRS; text PT_LOAD FILEHDR PHDRS FLAGS(5); data PT_LOAD; }
SECTIONS {
  . = 0x100000 + SIZEOF_HEADERS;
  .text : { *(.text) } :text
  .data 0x101000 : { *(.data) . = ALIGN(64); } :data
  .rodata : { . = ALIGN(8); *(.rodata) } :hdr
}
EOF2
link_both -T phsec.ld -n x.o
compare_outputs
# a COPY or INFO section a PHDRS note holds: its file space counts in p_filesz, and in p_memsz
# when its header says SHF_ALLOC (a name bfd's table allocates, like .rodata)
as_obj ci.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .note.my,"a",@note
	.balign 4
	.long 4, 4, 1
	.ascii "GNU\0"
	.long 0
E
for ty in COPY INFO; do
	for n in .rodata .foo; do
	for body in '. += 64; *(.note.my)' '. += 64;' 'CREATE_OBJECT_SYMBOLS . += 64;'; do
		echo "PHDRS { text PT_LOAD FILEHDR PHDRS; note PT_NOTE; }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } :text $n ($ty) : { $body } :note }" > ci.ld
		link_both -T ci.ld ci.o
		compare_outputs
	done
	done
done
