# --oformat binary (and --oformat=binary, OUTPUT_FORMAT(binary)): the memory image from the
# lowest to the highest LMA, gaps as zeros, fill patterns inside sections, trailing NOBITS not
# written; byte-identical to GNU ld's and to `objcopy -O binary` of the ELF with the same layout.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	movl	$1, %eax
	movq	$msg, %rsi
	movq	$buf, %rdi
	ret
	.p2align 4
	.byte	0xcc
	.section .rodata, "a"
msg:	.asciz	"rodata"
	.data
d:	.quad	_start, msg
	.bss
buf:	.space	64
EOF2
as_obj b.o <<'EOF2'
	.text
	.p2align 3
	.globl f
f:	ret
	.data
	.p2align 4
	.long	0x11223344
	.section .extra, "aw"
	.byte	1, 2, 3
EOF2

same() {   # cmp bfd.out slink.out, with a hex dump of the first difference
	if ! cmp bfd.out slink.out >&2; then
		cmp -l bfd.out slink.out | head -5 >&2
		ls -l bfd.out slink.out >&2
		fail "$1: raw images differ"
	fi
}

# the default script: SIZEOF_HEADERS is 0 for a raw output (no headers in it)
link_both --oformat binary a.o b.o
same "default script"
[ "$(stat -c %s slink.out)" -gt 4096 ] || fail "suspiciously small image"
link_both --oformat=binary a.o b.o
same "--oformat=binary"
# -Ttext bases
for base in 0x1000 0x100000; do
	link_both -Ttext $base --oformat binary a.o b.o
	same "-Ttext $base"
	# and the same as objcopy -O binary of slink's own ELF output with the same layout
	link_slink -Ttext $base a.o b.o
	mv slink.out slink.elf
	link_slink -Ttext $base --oformat binary a.o b.o
	objcopy -O binary slink.elf objcopy.bin
	# the ELF has headers before .text (SIZEOF_HEADERS), so compare from the ELF's layout only
	# when the first section starts at the same address: -Ttext pins it
	cmp objcopy.bin slink.out >&2 || fail "-Ttext $base: differs from objcopy -O binary of the ELF"
done

# a script: gaps, a fill pattern inside a section, several LMAs with AT(), NOBITS at the end
cat > gaps.lds <<'EOF2'
SECTIONS {
	. = 0x10000;
	.text : { *(.text) . = ALIGN(32); } = 0x90c3cc90
	.rodata 0x10100 : { *(.rodata) BYTE(0x7f) . = . + 5; SHORT(0xbeef) }
	.data 0x20000 : AT(0x10200) { *(.data) LONG(0xdeadbeef) . = ALIGN(16); }
	.extra 0x30000 : AT(0x10400) { *(.extra) FILL(0x5a5b5c5d); . += 7; BYTE(0xee) }
	.bss : { *(.bss) }
	/DISCARD/ : { *(.comment) *(.note*) }
}
EOF2
link_both -T gaps.lds --oformat binary a.o b.o
same "gaps, fills and AT()"
[ "$(stat -c %s slink.out)" = $((0x400 + 11)) ] || fail "image size $(stat -c %s slink.out), expected 0x40b bytes"
link_slink -T gaps.lds a.o b.o
mv slink.out slink.elf
objcopy -O binary slink.elf objcopy.bin
link_slink -T gaps.lds --oformat binary a.o b.o
cmp objcopy.bin slink.out >&2 || fail "gaps: differs from objcopy -O binary of the ELF"

# OUTPUT_FORMAT(binary) in the script does the same; --oformat elf64-x86-64 overrides it
{ echo 'OUTPUT_FORMAT(binary)'; cat gaps.lds; } > gaps-of.lds
link_both -T gaps-of.lds a.o b.o
same "OUTPUT_FORMAT(binary)"
link_both -T gaps-of.lds --oformat elf64-x86-64 a.o b.o
compare_outputs
# a script without OUTPUT_FORMAT: the last -b on the command line names the output format
link_both -T gaps.lds a.o b.o -b binary
same "-T with a trailing -b binary"

# the lowest LMA first even when its section comes later in the file
cat > lma.lds <<'EOF2'
SECTIONS {
	.text 0x5000 : AT(0x8000) { *(.text) }
	.data 0x6000 : AT(0x7000) { *(.data) }
	/DISCARD/ : { *(*) }
}
EOF2
link_both -T lma.lds --oformat binary a.o
same "LMA order"
[ "$(head -c 1 slink.out | od -An -tx1 | tr -d ' ')" = "$(section_hex a.o .data | cut -c1-2)" ] ||
	fail "the image does not start with .data (lowest LMA)"

# PHDRS the ELF writer would reject (no room for the headers below the first section, a
# PT_PHDR no PT_LOAD covers) are no concern of a raw image: GNU ld writes it
cat > phdrs.lds <<'EOF2'
PHDRS { hdr PT_PHDR PHDRS; text PT_LOAD FILEHDR PHDRS; }
SECTIONS { .text 0 : { *(.text) } :text .data : { *(.data) } :text /DISCARD/ : { *(*) } }
EOF2
link_both -T phdrs.lds --oformat binary a.o
same "PHDRS with no room for the headers"
cat > phdr2.lds <<'EOF2'
PHDRS { hdr PT_PHDR PHDRS; text PT_LOAD; }
SECTIONS { .text 0x1000 : { *(.text) } :text .data : { *(.data) } :text /DISCARD/ : { *(*) } }
EOF2
link_both -T phdr2.lds --oformat binary a.o
same "PT_PHDR not in a PT_LOAD"
# INPUT_SECTION_FLAGS asks the output's target, which for a binary image cannot tell: GNU ld
# says so for each section the rule's patterns match, and the rule takes nothing (here the
# sections go on to the next rule, or become orphans)
cat > isf.lds <<'EOF2'
SECTIONS { .text 0x1000 : { INPUT_SECTION_FLAGS(SHF_EXECINSTR) *(.text) *(.text) } .data : { INPUT_SECTION_FLAGS(SHF_WRITE) *(.data) } }
EOF2
link_both -T isf.lds --oformat binary a.o
same "INPUT_SECTION_FLAGS with a binary image"
[ "$(grep -c 'INPUT_SECTION_FLAGS are not supported' bfd.stderr)" = "$(grep -c 'INPUT_SECTION_FLAGS are not supported' slink.stderr)" ] ||
	fail "not one message per matched section, as GNU ld"
# ... while ONLY_IF_RO / ONLY_IF_RW still look at what the rule's patterns match: a dropped
# statement takes no orphan of its name and says nothing
cat > isf2.lds <<'EOF2'
SECTIONS { .text 0x1000 : { *(.text) } .data 0x1100 : ONLY_IF_RO { INPUT_SECTION_FLAGS(SHF_WRITE) *(.data) } .x 0x1200 : { LONG(5) } }
EOF2
link_both -T isf2.lds --oformat binary a.o
same "INPUT_SECTION_FLAGS in a constraint-dropped statement"
[ "$(grep -c 'INPUT_SECTION_FLAGS are not supported' bfd.stderr)" = "$(grep -c 'INPUT_SECTION_FLAGS are not supported' slink.stderr)" ] ||
	fail "a dropped statement's rule is not matched, GNU ld says nothing"
# a bss in a PT_NOTE of PHDRS: the ELF writer would make it a note, a binary image leaves it out
cat > pn.lds <<'EOF2'
PHDRS { text PT_LOAD FILEHDR PHDRS; note PT_NOTE; }
SECTIONS { . = 0; .text : { *(.text) } :text .data : { *(.data) } :note .bss : { *(.bss) *(COMMON) } }
EOF2
as_obj pn.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.comm cm,4,4
EOF2
link_both -T pn.lds --oformat binary pn.o
same "a bss in a PT_NOTE"
