# Script symbols as GNU ld defines them: an expression reading one symbol copies its type and
# visibility (only the taken branch of ?: counts), DEFINED() sees a script symbol only once its
# assignment has run, NEXT() is absolute, and the default entry _start is not a reference.
cat > v.s <<'E'
	.text
	.globl _start
_start: ret
	.globl hf
	.hidden hf
	.type hf,@function
hf: ret
	.globl pf
	.protected pf
pf: ret
	.data
	.quad hf
E
as_obj v.o --64 v.s
printf '\t.data\n\t.byte 133\n' > e.s
as_obj e.o --64 e.s
cat > s1.ld <<'E'
SECTIONS { .text 0x1000 : { *(.text) } s3 = hf; s4 = pf + 1; HIDDEN(s1 = 0x10); s5 = ALIGN(s1, 0x400);
  s6 = 1 ? pf : hf; s7 = hf + pf; d1 = DEFINED(l1) ? 1 : 2; l1 = 5; n1 = NEXT(0x1000); .data : { *(.data) } }
E
link_both --no-warn-rwx-segments -T s1.ld v.o
compare_outputs
echo 'SECTIONS { . = 0x101000; .text : { *(.text) } .data : { *(.data) } }' > s2.ld
link_both -T s2.ld e.o
compare_outputs
# `x -= 4` reads x: GNU ld makes that assignment only in the final pass, so the address of .foo,
# fixed while sizing, sees x before it; an absolute x assigned earlier in the same walk counts
cat > s3.ld <<'E2'
SECTIONS { . = 0x10000e8; .init : { x = ALIGN(8); x -= 4; *(.text) }
  .foo (x % 0x100) : { *(.data) } a = 0x40; a = a + 0x10; .bar (a) : { BYTE(1) } }
E2
link_both --no-warn-rwx-segments -T s3.ld v.o
compare_outputs
# GNU ld's rel_from_abs is a flag of the evaluation: `.`, SEGMENT_START, ALIGN(n) set it, and
# ABSOLUTE (or mixing two sections) evaluated after them clears it, which leaves the symbol
# absolute; evaluated before them it does not
cat > s4.ld <<'E2'
SECTIONS { .text 0x400800 : { *(.text) }
  a1 = ~SEGMENT_START("bss", 0) + ABSOLUTE(2);
  a2 = ABSOLUTE(2) + ~SEGMENT_START("bss", 0);
  a3 = . + ABSOLUTE(0x10);
  a4 = ABSOLUTE(0x10) + .;
  a5 = ALIGN(0x1000, 0x200) && SEGMENT_START("text-segment", 0x10000);
  a6 = . > 0x10;
  .data : { *(.data) } }
E2
link_both --no-warn-rwx-segments -T s4.ld v.o
compare_outputs
# data statements are folded outside any section: a number in one is absolute, so an operator
# mixing it with a section-relative symbol works on addresses
cat > s5.ld <<'E2'
SECTIONS { .text 0x110000 : { *(.text) . = 0x20; s1 = .; }
  .d : { SHORT(-s1 % 16); SHORT(-s1); LONG(s1 % 7); LONG(~s1); QUAD(s1 / 3); LONG(. % 5) } }
E2
link_both --no-warn-rwx-segments -T s5.ld v.o
compare_outputs
# a `.`-relative value assigned before the first output section belongs to a section found by
# walking back along bfd's section list (the section headers' order), not the script's
as_obj sd.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .init,"ax"
	.p2align 4
	.globl f_init
f_init:	ret
	.section .rodata,"a"
	.quad 7
	.section .bss.z,"aw",@nobits
	.zero 4
EOF2
cat > sd.ld <<'EOF2'
ENTRY(_start)
sym1 = ALIGN(32);
SECTIONS
{
  . = 0x1000000;
  .text (INFO) : { *(.init*) }
  .bss : { . = ALIGN(., 0x20); *(.bss .bss.z) }
  .rodata : { KEEP(*(.rodata)) }
}
EOF2
link_both --gc-sections -T sd.ld sd.o
compare_outputs
# inside an output section too: an absolute value computed while `.` was read (a ?:
# condition on `.` choosing LOADADDR) is made relative to the current section
as_obj le.o <<'EOF2'
	.text
	.globl _start
_start:	nop
EOF2
for e in 'LOADADDR(.text)' '(-8) > . ? LOADADDR(.text) : 0' '(. < 1) ? 5 : LOADADDR(.text)' 'ABSOLUTE(.) + 1'; do
	for t in '' '(INFO)'; do
		echo "SECTIONS { . = 0x10000; .text : { *(.text) } .other 0x12000 $t : { LONG(1) sym4 = $e; } }" > le.ld
		link_both -T le.ld le.o
		compare_outputs
	done
done
# a PROVIDE counts as referenced only by a branch of ?: GNU ld folds: DEFINED of a symbol
# nothing defines takes the other branch, so its symbol stays out of the output; so does an
# operand that absorbs the other (x * 0), and a condition of constants and pure functions
# (CONSTANT, ALIGN(x, n), MAX, LOG2CEIL, shifts, ?:); DEFINED of an object's symbol is known
# once the objects are read (GNU ld folds no DEFINED before); a condition whose value changes between passes
# (SIZEOF_HEADERS is 0 in the mark pass) references both branches.  An assignment is also
# folded where the inputs are opened, with DEFINED seeing only the objects opened so far: a
# branch taken then references too (-T before the object, then after it).  A bitwise or
# logical or with a side that is never 0 is true in every pass, whatever the other side's
# value (`.', an address); a logical and with a false side is false.
n=0
while IFS= read -r sc; do
	n=$((n + 1))
	echo "$sc" > p$n.ld
	link_both --no-warn-rwx-segments -T p$n.ld v.o
	compare_outputs
	link_both --no-warn-rwx-segments v.o -T p$n.ld
	compare_outputs
done <<'E2'
PROVIDE(p1 = 16); SECTIONS { .text 0x1000 : { *(.text) } s = DEFINED(_start) ? 1 : ~p1; .data : { *(.data) } }
PROVIDE_HIDDEN(p1 = 16); SECTIONS { .text 0x1000 : { *(.text) } PROVIDE(p2 = 4); s = DEFINED(p2) ? p1 : 3; .data : { *(.data) } }
PROVIDE(p1 = 16); SECTIONS { .text 0x1000 : { *(.text) } s = DEFINED(hf) ? p1 : 3; t = !DEFINED(nothing) || 0 ? 5 : p3; .data : { *(.data) } } PROVIDE(p3 = 1);
PROVIDE(p1 = 16); SECTIONS { .text 0x1000 : { *(.text) } s = DEFINED(later) ? p1 : 3; later = 1; .data : { *(.data) } }
PROVIDE(p1 = 16); PROVIDE(p2 = 2); SECTIONS { .text 0x1000 : { *(.text) } s = SIZEOF_HEADERS * 0 == 1 ? p1 : 3; t = (SIZEOF_HEADERS || 1) + 2 == 3 ? 4 : p2; .data : { *(.data) } }
PROVIDE(p1 = 16); PROVIDE(p2 = 2); SECTIONS { .text 0x1000 : { *(.text) } s = SIZEOF_HEADERS == 0 ? p1 : 3; t = (ADDR(.text) & 0) ? p2 : 1; .data : { *(.data) } }
PROVIDE_HIDDEN(p1 = 16); SECTIONS { .text 0x1000 : { *(.text) } .data : { QUAD(DEFINED(_start) ? 1 : p1) *(.data) } }
PROVIDE_HIDDEN(p1 = 16); PROVIDE(p2 = 2); SECTIONS { .text 0x1000 : { *(.text) } .data : { s = ALIGN(4, 4) >= CONSTANT(MAXPAGESIZE) ? -p1 : 3; t = MAX(1 << 4, LOG2CEIL(9)) == 16 ? (0 ? p2 : 5) : p2; *(.data) } }
PROVIDE_HIDDEN(p1 = 16); PROVIDE(p2 = 2); SECTIONS { .text 0x1000 : { *(.text) } .data : { s = ABSOLUTE(.) | 0x10 < 0x1000 ? 1 : p1; t = !(ADDR(.text) || 2) && . ? p2 : 1; *(.data) } }
E2
# `sym = .' outside output sections belongs to the section before it (or, after a `.'
# assignment, the next one, unless that follows `_end'); a TLS or stripped one gives way to the
# allocated non-TLS section before it in bfd's list (ldlang.c section_for_dot)
cat > fd.s <<'E2'
	.text
	.globl _start
_start:	ret
	.data
	.long 7
	.section .tdata,"awT"
	.long 9
	.bss
	.zero 100
E2
as_obj fd.o fd.s
for body in '.data : { *(.data) } . = ALIGN(0x1000); _end = .;' \
	'.data : { *(.data) } .tdata : { *(.tdata) } . = ALIGN(0x1000); _end = .; .bss : { *(.bss) }' \
	'.tdata : { *(.tdata) } _end = .; .data : { *(.data) }' \
	'.tdata : { *(.tdata) } x = .; . = ALIGN(16); _end = .; .data : { *(.data) }'; do
	echo "SECTIONS { .text 0x1000 : { *(.text) } $body }" > fd.ld
	link_both -T fd.ld fd.o
	compare_outputs
done

# GNU ld folds operators of numbers as it parses them: LOG2CEIL(0x2000) or 3 < 4 is then a
# number, absolute outside the sections, so a section-relative symbol combined with it
# becomes absolute (unfolded, LOG2CEIL and comparisons give plain numbers, which keep it
# relative).
cat > fold.s <<'E'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
E
as_obj fold.o fold.s
cat > fold.ld <<'E'
SECTIONS {
  .text : { *(.text) }
  .data 0x101000 : { sym4 = .; *(.data) }
  sym5 = MAX(sym4, LOG2CEIL(0x2000));
  sym6 = MAX(sym4, 13);
  sym7 = MIN(sym4, 13);
  sym8 = sym4 + LOG2CEIL(0x2000);
  sym9 = sym4 + (3 < 4);
  .bss : { syma = sym4 + LOG2CEIL(0x2000); }
}
E
link_both -T fold.ld fold.o --no-warn-rwx-segments
compare_outputs

# A copy of a script symbol takes hidden visibility after bfd made the hidden symbols of a
# shared object local: it stays a global (hidden) symbol, in .symtab and .dynsym; the hidden
# source is local.  (A copy of an object's hidden symbol is made before: bfd lists it as a
# local symbol of .dynsym, which slink does not.)
as_obj hc.o <<'E'
	.text
	.globl _start, objhid
	.hidden objhid
_start:	ret
objhid:	ret
	.data
	.quad cp1
E
cat > hc.ld <<'E'
SECTIONS {
  .text : { *(.text) }
  .data : { *(.data) HIDDEN(hid = .); }
  PROVIDE(cp1 = hid);
}
E
link_both -shared -Bsymbolic -T hc.ld hc.o
compare_outputs
# a symbol of a removed (empty) section goes to the nearby section bfd would pick by its flags:
# a .data holding only data is read-only to bfd, like the note before it, so the earlier one
as_obj nb.o <<'E'
	.text
	.globl _start
_start: ret
	.section .note.my,"a",@note
	.long 4,4,1
	.ascii "abc\0"
	.long 7
E
echo 'SECTIONS { .text : { *(.text) } .note.my 0x3800 : { *(.note.my) } empty : { s2 = .; *(.nothing) } .data 0x14800 : { QUAD(16); *(.nothing) } /DISCARD/ : { *(.data) *(.bss) } }' > nb.ld
link_both -T nb.ld nb.o --no-warn-rwx-segments
compare_outputs
# A PROVIDE only a later statement wants is defined in GNU ld's sizing passes, and what its
# expression names is looked up only there, after bfd recorded the hidden and the dynamic
# symbols: h2 is hidden (local) but c4 = h2 stays default; -shared exports c4 and c5, not e3.
# (The -T script comes before v.o: the first fold's DEFINED(_start) is false.)
cat > late.ld <<'E'
PROVIDE_HIDDEN(h2 = 4);
PROVIDE(e3 = 8);
SECTIONS
{
  .text : { PROVIDE(c4 = h2); PROVIDE(c5 = e3); *(.text) }
  .data : { HIDDEN(x = DEFINED(_start) ? c4 + c5 : 0); *(.data) }
}
E
for kind in "" -shared; do
	link_both $kind -T late.ld v.o --no-warn-rwx-segments
	compare_outputs
done
