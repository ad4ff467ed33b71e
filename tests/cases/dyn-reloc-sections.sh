# The dynamic relocations of a PIE or shared object live in one section per name of the
# sections they apply to (.rela.data, .rela.data.x, .rela.mydata...), those of GOT slots in
# .rela.got, as GNU ld makes them.  The default -z combreloc scripts gather them into
# .rela.dyn, sorted by place, with DT_RELACOUNT; -z nocombreloc, -n and -N pick GNU ld's
# scripts that keep them apart (each .rela.X pointing at its section with sh_info and
# SHF_INFO_LINK), in the order they were made; an orphan one goes to .rela.dyn (with
# -z combreloc) or keeps its name; DT_RELA/DT_RELASZ span all of them.  (.dynstr has the
# names of the symbols a script assigns in the order of the statements, INSERTs done.)
as_obj d64.o --64 -mrelax-relocations=no <<'E'
	.text
	.globl _start
_start:	movq lv@GOTPCREL(%rip), %rax
	movq dv@GOTPCREL(%rip), %rax
	ret
	.data
	.quad _start
	.globl dv
	.hidden dv
dv:	.quad dv
	.section .data.x,"aw"
lv:	.quad lv, _start
	.section .mydata,"aw"
	.quad dv, lv
	.section .data.rel.ro,"aw"
	.quad _start
	.section .tdata,"awT"
	.quad 0
E
as_obj d32.o --32 <<'E'
	.text
	.globl _start
_start:	call 1f
1:	popl %ebx
	addl $_GLOBAL_OFFSET_TABLE_+[.-1b], %ebx
	movl lv@GOT(%ebx), %eax
	ret
	.data
	.long _start
	.section .data.x,"aw"
lv:	.long lv, _start
	.section .mydata,"aw"
	.long lv
E
cat > insert.ld <<'E'
SECTIONS { .mydata : { mysym = .; *(.mydata) } } INSERT AFTER .bss;
E
cat > own.ld <<'E'
SECTIONS {
  .text 0x10000 : { *(.text) }
  .rela.dyn : { *(.rela.data .rela.got) }
  .rela.more : { *(.rela.*) }
  .data : { *(.data .data.* .mydata) }
  .dynamic : { *(.dynamic) }
  .got : { *(.got) }
}
E
check_links() {
	local f
	for f in bfd.out slink.out; do
		readelf -SW "$WORK/$f" | awk '/\] \.rel/ { print $2, $3, $(NF-3), $(NF-2), $(NF-1) }' > "$WORK/$f.rel"
	done
	diff "$WORK/bfd.out.rel" "$WORK/slink.out.rel" >&2 ||
		fail "relocation sections' type, flags, sh_link or sh_info differ (- ld.bfd, + slink)"
}
for obj in "d64.o" "d32.o -m elf_i386"; do
	for kind in -pie "-shared -Bsymbolic"; do
		for opt in "" "-z nocombreloc" "-n --no-dynamic-linker" "-N --no-dynamic-linker" "-z nocombreloc -z now" "-T insert.ld" \
			   "-T insert.ld -z nocombreloc" "-T insert.ld -N --no-dynamic-linker" "-T own.ld" \
			   "-T own.ld -z nocombreloc"; do
			link_both $obj $kind $opt --no-warn-rwx-segments
			compare_outputs
			check_links
		done
	done
done
# a --defsym after an INSERT script stands before the built-in script (read after the command
# line), as in .dynstr's order
for order in "-T insert.ld --defsym dsym=0x10" "--defsym dsym=0x10 -T insert.ld"; do
	link_both d64.o -shared -Bsymbolic $order -N --no-dynamic-linker --no-warn-rwx-segments
	compare_outputs
done
# two relocations at one place (overlapping sections) keep the order their sections have in
# .rela.dyn: bfd's sort is stable
cat > same.ld <<'E'
SECTIONS {
  .text 0x10000 : { *(.text) }
  .rela.dyn : { *(.rela.mydata) *(.rela.*) }
  .data 0x20000 : { *(.data.x) }
  .mydata 0x20000 : { *(.mydata) }
  .dynamic : { *(.dynamic) }
  .got : { *(.got) }
}
E
for obj in "d64.o" "d32.o -m elf_i386"; do
	link_both $obj -pie -T same.ld --no-check-sections --no-warn-rwx-segments
	compare_outputs
done
# a .rela.dyn that takes another type (here GNU ld's: an orphan after a section in a PT_NOTE
# segment is typed SHT_NOTE) is still sorted, but DT_RELACOUNT (DT_RELCOUNT) counts only
# relocations in a section of that type
cat > typed.ld <<'E'
PHDRS { text PT_LOAD FILEHDR PHDRS; data PT_LOAD; note PT_NOTE; }
SECTIONS {
  .data 0x10000 : { *(.data .data.* .mydata .tdata) } :data
  .interp : { *(.interp) }
  .dynsym : { *(.dynsym) }
  .dynstr : { *(.dynstr) }
  .hash : { *(.hash) }
  .gnu.hash : { *(.gnu.hash) }
  .dynamic : { *(.dynamic) } :data
  .got : { *(.got) }
  .text 0x20000 : { *(.text) } :note
}
E
for obj in "d64.o" "d32.o -m elf_i386"; do
	link_both $obj -pie -T typed.ld --no-warn-rwx-segments
	compare_outputs
done
