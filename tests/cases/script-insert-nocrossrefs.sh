# INSERT AFTER / INSERT BEFORE: a -T script that inserts into the built-in one (its statements
# move next to the named output section), and NOCROSSREFS / NOCROSSREFS_TO with GNU ld's
# "prohibited cross reference" errors.
as_obj c.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .text.hot,"ax"
	.byte 0xc3
	.section .rodata.x,"a"
	.long 1
	.data
	.long 2
	.section .data.rel.ro,"aw"
	.quad 3
	.bss
	.zero 4
EOF2
cat > ins.ld <<'EOF2'
SECTIONS { .mine : { *(.data.rel.ro) } mine_end = .; } INSERT AFTER .data;
SECTIONS { .pre : { *(.rodata.x) } } INSERT BEFORE .text;
EOF2
link_both -T ins.ld c.o
compare_outputs
cat > bad.ld <<'EOF2'
SECTIONS { .mine : { *(.data.rel.ro) } } INSERT AFTER .nosuch;
EOF2
expect_fail_both '\.nosuch not found for insert' -T bad.ld c.o
# a -T script without INSERT takes the built-in script's place, so a later INSERT script moves
# it all and finds no .text to insert before
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } }' > own.ld
echo 'SECTIONS { .pre : { *(.rodata.x) } } INSERT BEFORE .text;' > ins2.ld
expect_fail_both '\.text not found for insert' -T own.ld -T ins2.ld c.o
# two INSERT scripts both go into the built-in one
echo 'SECTIONS { .mine : { *(.data.rel.ro) } } INSERT AFTER .data;' > ins3.ld
link_both -T ins2.ld -T ins3.ld c.o
compare_outputs

as_obj nc.o <<'EOF2'
	.text
	.globl _start
_start:	call foo
	lea dvar(%rip), %rax
	lea lvar(%rip), %rax
	ret
	.section .text.x,"ax"
	.globl foo
foo:	lea dvar(%rip), %rax
	ret
	.data
	.globl dvar
dvar:	.quad 1
lvar:	.quad 2
	.quad foo
EOF2
printf 'NOCROSSREFS(.text .data)\nSECTIONS { . = 0x10000; .text : { *(.text) } .tx : { *(.text.x) } .data : { *(.data) } }\n' > nc.ld
expect_fail_both "prohibited cross reference from \.text to \`dvar' in \.data" -T nc.ld nc.o
grep -v warning bfd-fail.stderr | sed 's/^[^:]*: //' > bfd.msgs
grep -v warning fail.stderr | sed 's/^[^:]*: //' > slink.msgs
diff bfd.msgs slink.msgs || fail "NOCROSSREFS messages differ"
printf 'NOCROSSREFS_TO(.data .tx)\nSECTIONS { . = 0x10000; .text : { *(.text) } .tx : { *(.text.x) } .data : { *(.data) } }\n' > nc2.ld
expect_fail_both "prohibited cross reference from \.tx to \`dvar' in \.data" -T nc2.ld nc.o
grep -v warning bfd-fail.stderr | sed 's/^[^:]*: //' > bfd.msgs
grep -v warning fail.stderr | sed 's/^[^:]*: //' > slink.msgs
diff bfd.msgs slink.msgs || fail "NOCROSSREFS_TO messages differ"
# allowed: references within one section, and from sections not listed
printf 'NOCROSSREFS(.tx .data)\nSECTIONS { . = 0x10000; .text : { *(.text) } .tx : { *(.text.x) } .data : { *(.data) } }\n' > nc3.ld
expect_fail_both "prohibited cross reference from \.data to \`foo' in \.tx" -T nc3.ld nc.o
printf 'NOCROSSREFS(.text .bss)\nSECTIONS { . = 0x10000; .text : { *(.text) } .tx : { *(.text.x) } .data : { *(.data) } }\n' > ok.ld
link_both -T ok.ld nc.o --no-warn-rwx-segments
compare_outputs
# GNU ld walks an INSERT script's statements before the default script's: a section its
# expressions name is made (and numbered) first, while the sections INSERT moves follow
# their new place
as_obj insh.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.long 1
	.data
	.long 2
	.bss
	.zero 8
	.section .mybss,"aw",@nobits
	.zero 16
EOF2
for pre in '' 'HIDDEN(sym1 = -ADDR(.bss));' 'sym1 = ADDR(.mybss);' 'ASSERT(LOADADDR(.data) > 0, "x")'; do
	printf 'SECTIONS {\n %s\n .mybss : { *(.mybss) }\n}\nINSERT AFTER .rodata;\n' "$pre" > insh.ld
	link_both -T insh.ld insh.o
	compare_outputs
done

# bfd's INSERT moves the sections of a block as one range of its section list: a section an
# ADDR in the block made between two of the block's sections goes along; one made after the
# block's last section stays at the front.
cat > ia.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .mycode,"ax"
	ret
	.section .mydata,"aw"
	.long 1
	.section .other,"aw"
	.long 2
	.data
	.long 3
	.bss
	.zero 16
	.section .rodata,"a"
	.long 4
EOF
as_obj ia.o ia.s
n=0
for body in '.mycode : { x = ADDR(.bss); *(.mycode) } .mydata : { *(.mydata) }' \
	'.mycode : { *(.mycode) } .mydata : { *(.mydata) y = ADDR(.rodata); }' \
	'.mycode : { x = ADDR(.bss); *(.mycode) } .other : { z = ADDR(.rodata); *(.other) } .mydata : { *(.mydata) }'; do
	n=$((n + 1))
	printf 'SECTIONS {\n  %s\n}\nINSERT BEFORE .bss;\n' "$body" > ia$n.ld
	link_both -T ia$n.ld ia.o --no-warn-rwx-segments
	compare_outputs
done

# A symbol the script defines inside an output section is defined in that section: a
# reference to it from another section of the list is a prohibited cross reference too.
cat > ncs.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .ov1,"ax"
	nop
	.section .ov2,"a"
	.quad in_ov1
EOF
as_obj ncs.o ncs.s
echo 'SECTIONS { . = 0x10000; .text : { *(.text) } OVERLAY 0x20000 : NOCROSSREFS { .ov1 { *(.ov1) HIDDEN(in_ov1 = .); } .ov2 { *(.ov2) } } }' > ncs.ld
expect_fail_both "\(\.ov2\+0x0\): prohibited cross reference from \.ov2 to \`in_ov1' in \.ov1" -T ncs.ld ncs.o
# ... but one whose section was removed belongs to the kept section its symbols went to
printf '\t.text\n\t.globl _start\n_start:\tmov $sym1, %%eax\n' > ncq.s
as_obj ncq.o ncq.s
echo 'SECTIONS { OVERLAY 0x10000 : NOCROSSREFS { .text { *(.text) } .gone { *(.nothing) HIDDEN(sym1 = 0x800); } } }' > ncq.ld
link_both -T ncq.ld ncq.o
compare_outputs
# an INSERT moves every statement before it, a --defsym given before its script included (which
# then reads `.' where the block lands); one given after stays before the built-in script
printf '.text\n.globl _start\n_start: ret\n.section .mydata,"aw"\n.quad 1\n.data\n.quad 2\n' > ds.s
as_obj ds.o ds.s
echo 'SECTIONS { .mydata : { mysym = .; *(.mydata) } } INSERT AFTER .text;' > ds.ld
for order in "--defsym ds=. -T ds.ld" "-T ds.ld --defsym ds=." "--defsym ds=mysym+1 -T ds.ld"; do
	link_both $order ds.o --no-warn-rwx-segments
	compare_outputs
done
# bfd moves an INSERT block's sections in its section list after the section of the statement
# they go after: with the block's script first, a section its AT names is made before all, and
# the block's section lands right after it (GNU ld's ld-elf/loadaddr1)
as_obj la.o <<'E2'
	.text
	.globl _start
_start:	.fill 16, 1, 0
	.section .bar,"ax","progbits"
	.fill 16, 1, 0
	.section .foo,"aw","progbits"
	.fill 16, 1, 0
	.data
	.fill 16, 1, 0
E2
cat > la1.t <<'E2'
SECTIONS
{
  .bar -0xa00000 : AT ((LOADADDR(.foo) + SIZEOF(.foo) + 4095) & ~(4095))
    { *(.bar) }
  . = LOADADDR(.bar) + 4096;
}
INSERT AFTER .foo;
E2
cat > la.t <<'E2'
SECTIONS
{
  . = -0x7ff00000;
  .text : {*(.text .text.*)}
  . = ALIGN(64);
  .foo : { *(.foo) }
  . = ALIGN(8192);
  .data : AT (ADDR(.data)) { *(.data) }
  /DISCARD/ : { *(.*) }
}
E2
link_both -T la1.t -T la.t -z max-page-size=0x200000 -z noseparate-code la.o
compare_outputs
