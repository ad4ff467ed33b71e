# -pie/-shared: a word relocation against a symbol the script makes absolute needs no
# R_*_RELATIVE; GNU ld counted a slot for it before layout, which stays an R_*_NONE (and
# DT_RELACOUNT counts only the RELATIVE ones); a section-relative one gets its RELATIVE
as_obj sa64.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.quad sabs, srel, _start
E
as_obj sa32.o --32 <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long sabs, srel, _start
E
cat > sa.ld <<'E'
SECTIONS {
  . = SIZEOF_HEADERS;
  .text : { *(.text) }
  sabs = SIZEOF_HEADERS;
  .data : { *(.data) srel = .; }
  .dynamic : { *(.dynamic) }
}
E
for m in 64 32; do
	emu=elf_x86_64; [ $m = 32 ] && emu=elf_i386
	for kind in -pie "-shared -Bsymbolic"; do
		# shellcheck disable=SC2086
		link_both -m $emu $kind -T sa.ld sa$m.o
		compare_outputs
	done
done
readelf -rW slink.out | grep -q R_386_NONE || fail "no R_386_NONE slot for the absolute symbol"
# ... but one whose value read `.' (bfd's rel_from_abs), even absolute in the end and before
# any section (the one before it is not allocated), is not absolute to bfd's backend: it gets
# its RELATIVE (of its value)
sed -e 's/sabs = SIZEOF_HEADERS;/sabs = ALIGN(8) >> 12;/' sa.ld > sr.ld
sed -e 's/^  sabs = SIZEOF_HEADERS;//' -e 's/^  . = SIZEOF_HEADERS;/  sabs = (. + 0x10) \& 0; .info (INFO) : { LONG(1) } &/' sa.ld > sr2.ld
for m in 64 32; do
	emu=elf_x86_64; [ $m = 32 ] && emu=elf_i386
	for sc in sr.ld sr2.ld; do
		link_both -m $emu -pie -T $sc sa$m.o
		compare_outputs
	done
done
# a symbol assigned `.'-relative outside any section belongs to the section before it, in
# .dynsym as in .symtab
cat > sd.ld <<'E'
SECTIONS {
  . = SIZEOF_HEADERS;
  .text : { *(.text) }
  PROVIDE(sdot = ALIGN(128));
  .data 0x10000 : { *(.data) }
}
E
as_obj sd.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.quad sdot
E
link_both -shared -Bsymbolic -T sd.ld sd.o
compare_outputs
readelf -W --dyn-syms slink.out | grep -q " 1 sdot" || fail "sdot is not in .text in .dynsym"
# GNU ld records the script's symbols for export before its sizing passes fold the section
# addresses: a PROVIDE only an address or AT names is defined, yet not dynamic; one an
# assignment also names is
cat > sz.ld <<'E'
SECTIONS {
  .text : { *(.text) PROVIDE(p_addr = 0x20000); PROVIDE(p_both = 0x30000); }
  PROVIDE(p_at = 0x40000);
  .data (p_addr) : AT(p_at) { *(.data) }
  .bss (p_both) : { *(.bss) }
  x = p_both;
}
E
as_obj sz.o --64 <<'E'
	.text
	ret
	.data
	.long 1
	.bss
	.zero 4
E
link_both -shared -Bsymbolic -T sz.ld sz.o --no-warn-rwx-segments
compare_outputs
# ... and so is one only a branch of a condition on an address names (no value before the
# sizing passes), the branch the condition takes in every pass where it has a value
as_obj sc.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.quad 1
E
for c in 'ADDR(.text) >= 0' 'ADDR(.text) & 0' '1 && ADDR(.text) >= 0 && 2' 'SIZEOF(.text) >= 0' \
	 'ADDR(.text) < 0 || 0' '1 < MAX(ADDR(.text), 0x1000)' 'MIN(ADDR(.text), 4) > 9' \
	 'MAX(ADDR(.text), 0x10) == 3'; do
	echo "PROVIDE(p = 1); PROVIDE(q = 2); SECTIONS { .text : { *(.text) } x = $c ? p : q; .data : { *(.data) } }" > sc.ld
	link_both -shared -Bsymbolic -T sc.ld sc.o
	compare_outputs
done
# -shared: an object's global in a section /DISCARD/ took stays a dynamic symbol, at 0 in the
# absolute section (bfd records it as it reads the object), also when the dynamic symbols are
# chosen again after mapping (an ONLY_IF_RW statement that does not stay)
as_obj dd.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .rodata.cst8,"aM",@progbits,8
	.globl m8
m8:	.quad 1
	.section .rodata.plain,"a"
	.globl p8
p8:	.quad 1
E
for ld in 'SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.rodata.cst8) *(.rodata.plain) } }' \
	  'SECTIONS { .text : { *(.text) } .other : ONLY_IF_RW { sym5 = 1; } /DISCARD/ : { *(.rodata.cst8) *(.rodata.plain) } }'; do
	echo "$ld" > dd.ld
	link_both -shared -T dd.ld dd.o
	compare_outputs
done
