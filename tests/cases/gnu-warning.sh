# .gnu.warning.SYMBOL sections (glibc's "gets is dangerous"): a warning where SYMBOL is first
# referred to, the section left out of executables; a .gnu.warning section: a warning for its
# file, the section left empty (its symbol kept only when a relocation refers to it).
as_obj w.o <<'EOF2'
	.section .gnu.warning.symbol1
	.asciz "witty one-liner"
	.text
	.type symbol1,"function"
	.global symbol1
symbol1:
	.long 0
EOF2
as_obj wr.o <<'EOF2'
	.text
	.globl _start
_start:
	call symbol1
	call symbol1
	.data
	.quad symbol1
EOF2
as_obj w2.o <<'EOF2'
	.section .gnu.warning,"a",%progbits
	.global Foo
	.type Foo, %object
	.size Foo, 20
Foo:	.string "function 'Foo' used"
EOF2
as_obj w2r.o <<'EOF2'
	.data
	.dc.a Foo
EOF2
make_archive libw.a w.o
for args in "wr.o w.o" "w.o wr.o" "wr.o libw.a" "-pie wr.o libw.a" "-shared -Bsymbolic wr.o w.o" "-r wr.o w.o" \
	    "wr.o w.o w2.o" "wr.o w.o w2.o w2r.o"; do
	link_both $args
	compare_outputs
	compare_warnings
done
expect_fail_both "witty one-liner" --fatal-warnings wr.o w.o
# a script that leaves .gnu.warning an orphan: its empty output section goes, and the symbol
# with it moves to the section before (so it stays in .symtab)
echo 'SECTIONS { . = 0x1000; .text : { *(.text) } .data : { *(.data) } }' > t.ld
link_both -T t.ld wr.o w.o w2.o w2r.o
compare_outputs
compare_warnings
