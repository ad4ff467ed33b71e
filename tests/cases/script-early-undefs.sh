# Undefined references GNU ld makes before reading any object (ldlang_add_undef): -u, EXTERN
# (in a -T script or one read as an input file) and the entry symbol pull archive members.
# A PROVIDE of a symbol still undefined where its -T script stands among the inputs is
# settled there: its value beats a later object's definition.  A script assignment keeps the
# type (and a definition's size) that objects gave the symbol.
as_obj main.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
EOF2
as_obj foo.o <<'EOF2'
	.globl foo
	.data
foo:	.long 5
EOF2
as_obj bar.o <<'EOF2'
	.globl bar
	.type bar,@function
	.text
bar:	ret
EOF2
make_archive lib.a foo.o bar.o
cat > ext.ld <<'EOF2'
EXTERN(foo undefined_one)
SECTIONS { .text : { *(.text) } .data : { *(.data) } }
EOF2
link_both -T ext.ld main.o lib.a --no-warn-rwx-segments
compare_outputs
echo 'EXTERN(bar)' > ext-input.ld
link_both main.o ext-input.ld lib.a
compare_outputs
cat > ent.ld <<'EOF2'
ENTRY(bar)
SECTIONS { .text : { *(.text) } .data : { *(.data) } }
EOF2
link_both -T ent.ld main.o lib.a --no-warn-rwx-segments
compare_outputs
# the built-in script's ENTRY(_start) pulls _start out of an archive
make_archive start.a main.o
link_both start.a lib.a
compare_outputs

as_obj def.o <<'EOF2'
	.text
	.globl f0_text
	.type f0_text,@function
f0_text:
	ret
	.size f0_text, 1
	.data
	.globl obj
	.type obj,@object
	.protected obj
obj:	.quad 1
	.size obj, 8
	.section .note.my,"a"
	.long 1
EOF2
as_obj ref.o <<'EOF2'
	.data
	.quad f0_text
	.quad ufunc
	.type ufunc,@function
EOF2
cat > prov.ld <<'EOF2'
SECTIONS {
  .other : { KEEP(*(.note.my)) PROVIDE(f0_text = .); }
  .text 0x20100 : { *(.text) }
  .data : { *(.data) }
  ufunc = 0x10;
}
EOF2
for order in "ref.o -T prov.ld def.o" "-T prov.ld ref.o def.o" "-T prov.ld def.o ref.o -u f0_text"; do
	# shellcheck disable=SC2086
	link_both $order --no-warn-rwx-segments
	compare_outputs
done
cat > over.ld <<'EOF2'
SECTIONS {
  .other : { KEEP(*(.note.my)) f0_text = 0x55; }
  .text 0x20100 : { *(.text) }
  .data : { *(.data) }
  obj = 0x99;
  ufunc = 0x10;
}
EOF2
link_both -T over.ld def.o ref.o --no-warn-rwx-segments
compare_outputs
# GNU ld folds the assignments in statement order between the files it opens: a file an input
# section description names plainly opens where that description stands, so a PROVIDE after
# it sees the file's undefined references (and settles the symbol), one before it does not
as_obj nref.o <<'EOF2'
	.text
	.globl _start
_start:	lea prov(%rip), %rax
EOF2
as_obj ndef.o <<'EOF2'
	.text
	.globl prov
prov:	ret
EOF2
for body in '.text : { nref.o(.text) } PROVIDE(prov = 256);' \
	    '.text : { nref.o(.text) } .d : { PROVIDE(prov = 256); }' \
	    'PROVIDE(prov = 256); .text : { nref.o(.text) }' \
	    '.text : { nref.o(.text) *(.text) } PROVIDE(prov = 256);'; do
	echo "SECTIONS { $body }" > named.ld
	for order in "nref.o ndef.o" "ndef.o nref.o"; do
		# shellcheck disable=SC2086
		link_both -T named.ld $order
		compare_outputs
	done
done

# A condition on a symbol the script gives a constant is known in GNU ld's later passes: only
# the branch it takes references anything (b is not provided), even when the first pass could
# not tell.
cat > pv.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.data
	.quad x
EOF
as_obj pv.o pv.s
cat > pv.ld <<'EOF'
PROVIDE_HIDDEN(a = 16);
SECTIONS {
  .text : { *(.text) }
  PROVIDE_HIDDEN(b = a);
  .data : { *(.data) }
  PROVIDE_HIDDEN(x = ~a <= 32 ? b : SIZEOF_HEADERS);
  PROVIDE_HIDDEN(y = a > 8 ? c : 0);
  PROVIDE(c = 5);
}
EOF
link_both -T pv.ld pv.o --no-warn-rwx-segments
compare_outputs
# SEGMENT_START has a value in every pass, in a section too: only the branch taken references
cat > pvseg.ld <<'EOF'
k = 0x1000;
SECTIONS {
  .text : { *(.text) }
  PROVIDE(p = 0x11);
  .data : { *(.data) HIDDEN(x = -k < SEGMENT_START("bss", 0x8) ? p : 0x20); }
}
EOF
link_both -T pvseg.ld pv.o --no-warn-rwx-segments
compare_outputs
# SIZEOF_HEADERS is 0 in GNU ld's mark phase and the headers' size in its sizing passes: a
# PROVIDE named only in a branch neither takes is not defined; each branch one takes counts
cat > pvhdr.ld <<'EOF'
SECTIONS {
  .text : { *(.text) }
  PROVIDE(p = 0x11); PROVIDE(q = 0x12); PROVIDE(r = 0x13);
  .data : { *(.data) }
  x = 256 != SIZEOF_HEADERS ? 2 : p;
  y = SIZEOF_HEADERS > 0 ? q : r;
}
EOF
link_both -T pvhdr.ld pv.o --no-warn-rwx-segments
compare_outputs
# ... LENGTH() and ORIGIN() of a region are constants there too
cat > pvmem.ld <<'EOF'
MEMORY { ROM (rwx) : ORIGIN = 0x10000, LENGTH = 0x100000 }
PROVIDE(p = 0x11);
x = LENGTH(ROM) > SIZEOF_HEADERS ? 2 : p;
SECTIONS { .text : { *(.text) } >ROM .data : { *(.data) } >ROM }
EOF
link_both -T pvmem.ld pv.o --no-warn-rwx-segments
compare_outputs
# `.' set to constants outside the sections has its value in every pass: NEXT() and ALIGN()
# of it are known, so only the branch taken references anything (with -r too)
cat > pvdot.ld <<'EOF'
PROVIDE(p = 0x2000);
SECTIONS {
  . = 0x100000;
  PROVIDE(x = NEXT(64) < 2 ? LOG2CEIL(p) : 1);
  PROVIDE(y = ALIGN(16) == 0x100000 ? 3 : q);
  .text : { *(.text) }
  .data : { *(.data) }
  PROVIDE(q = 7);
}
EOF
link_both -T pvdot.ld pv.o --no-warn-rwx-segments -u x -u y
compare_outputs
link_both -r -T pvdot.ld pv.o -u x -u y
compare_outputs
# GNU ld folds the script's statements one by one where it reaches them: a PROVIDE that only a
# later statement references is not settled then, so an object opened afterwards defines the
# symbol (and a reference before it settles it: the script's value wins)
as_obj pdef.o <<'EOF2'
	.text
	.globl _start, pv
_start:	ret
pv:	ret
EOF2
for sc in 'PROVIDE(pv = 3); z = pv;' 'z = pv; PROVIDE(pv = 3);' 'PROVIDE(pv = 3); SECTIONS { .text : { *(.text) z = pv; } }'; do
	echo "$sc" > late.ld
	link_both -T late.ld pdef.o
	compare_outputs
	link_both pdef.o -T late.ld
	compare_outputs
done
# ... where the fold gives the assignment no value (one-argument ALIGN, NEXT, ADDR, SIZEOF,
# DATA_SEGMENT_*... need the layout), a symbol already referenced stays undefined, so an
# archive member still defines it; a PROVIDE folded there is settled all the same and its
# value wins.  A script after the archive comes too late to keep the member out.
as_obj pa.o <<'EOF2'
	.text
	.globl _start
_start: ret
EOF2
as_obj pb.o <<'EOF2'
	.data
	.globl pv
pv:	.long 7
EOF2
make_archive libp.a pb.o
for a in 'PROVIDE(pv = ALIGN(8))' 'pv = ALIGN(8)' 'PROVIDE(pv = 4)' 'pv = 4'; do
	echo "SECTIONS { .text : { *(.text) } .data : { *(.data) } } $a;" > pv.ld
	for order in "-T pv.ld pa.o -u pv libp.a" "pa.o -u pv libp.a -T pv.ld" "pa.o -T pv.ld -u pv libp.a"; do
		# shellcheck disable=SC2086
		link_both $order --no-warn-rwx-segments
		compare_outputs
	done
done
# that fold defines a symbol (for DEFINED further on in the same walk) with the value it
# finds, or with 0 when it finds none and nothing has named the symbol yet: a symbol the entry
# or -u named stays undefined there, so DEFINED takes the other branch once and references
# what that names (p is then PROVIDEd).  GNU ld's mark phase walks the statements again
# before any section has an address: an ADDR or LOADADDR has no value there, so DEFINED is
# false after such an assignment in that walk (and true in the later ones).
for v in 's1 = SIZEOF_HEADERS' 's1 = ADDR(.text)' 's1 = LOADADDR(.data)' 's1 = ALIGN(16)' 's1 = 0x120' \
	 's1 = SIZEOF(.data)'; do
	for e in '' 'ENTRY(s1)'; do
		cat > fd.ld <<EOF2
$e
$v;
SECTIONS { .text 0x100000 : { *(.text) } .data : { *(.data) x = DEFINED(s1) ? 1 : p; }
  PROVIDE_HIDDEN(p = 0x1234); }
EOF2
		link_both -T fd.ld main.o --no-warn-rwx-segments
		compare_outputs
		link_both -T fd.ld main.o -u s1 --no-warn-rwx-segments
		compare_outputs
		cat > fs.ld <<EOF2
$e
SECTIONS { .text 0x100000 : { *(.text) } $v; .data : { *(.data) x = DEFINED(s1) ? 1 : p; }
  PROVIDE_HIDDEN(p = 0x1234); }
EOF2
		link_both -T fs.ld main.o --no-warn-rwx-segments
		compare_outputs
	done
done
# many assignments in that fold, each reading the ones before (run under the sanitizers too)
{
	echo 's0 = 1;'
	for i in $(seq 1 40); do echo "s$i = DEFINED(s$((i - 1))) && s$((i - 1)) == $i ? SIZEOF_HEADERS : s$((i - 1)) + 1;"; done
	echo 'SECTIONS { .text 0x100000 : { *(.text) } .data : { *(.data) } }'
} > many.ld
link_both -T many.ld main.o --no-warn-rwx-segments
compare_outputs
# a condition on `.` its operands' ranges decide (MAX(., C) >= C) names only the branch it
# takes: the PROVIDE the other branch names is not taken
as_obj dr.o <<'E2'
	.text
	.globl _start
_start:	ret
	.section .tdata,"awT",@progbits
	.long 1
E2
cat > dr.ld <<'E2'
SECTIONS {
  .text : { *(.text) }
  PROVIDE_HIDDEN(sym4 = SIZEOF_HEADERS);
  PROVIDE(sym6 = 6);
  .tdata : { sym5 = ALIGN((1) < MAX(., CONSTANT(MAXPAGESIZE)) ? 0x2 : 0x2000 >> sym4, 0x1000);
             sym7 = MIN(., 0x10) > 0x20 ? sym6 : 1; *(.tdata) }
}
E2
link_both -T dr.ld dr.o
compare_outputs
# the first fold's DEFINED sees what it assigned before (even with no value): the PROVIDE's
# SIZEOF_HEADERS branch has no value that early, so -u's symbol stays undefined and the
# archive member defining it is loaded
as_obj pa.o <<'E2'
	.text
	.globl _start
_start:	ret
E2
as_obj pb.o <<'E2'
	.data
	.globl f1
f1:	.quad 7
E2
make_archive libp.a pb.o
cat > pd.ld <<'E2'
SECTIONS {
  .text : { *(.text) }
  .myro : { sym2 = BLOCK(4); }
  PROVIDE(f1 = DEFINED(sym2) ? SIZEOF_HEADERS : 0 / 4);
  .data : { *(.data) }
}
E2
link_both -T pd.ld pa.o -u f1 libp.a
compare_outputs
# GNU ld's mark phase runs before any output section exists: in a section, `.' is the value the
# statements outside gave it, moved only by data statements (a section's address, size and its
# own `.' assignments count only later).  A condition on it there takes a branch in that walk:
# 2 < . holds (. is 0x10004 there, 0 relative to .b in the later passes, which take the other
# branch), so p1 is provided and SIZEOF_HEADERS read, which loads the headers.
cat > mdot.ld <<'EOF2'
SECTIONS
{
  . = 0x10000;
  .text : { *(.text) LONG(1) }
  .b 0x11000 : { x = 2 < . ? p1 + SIZEOF_HEADERS : 1; *(.data) }
  PROVIDE(p1 = 0x77);
}
EOF2
link_both -T mdot.ld pv.o --no-warn-rwx-segments
compare_outputs
