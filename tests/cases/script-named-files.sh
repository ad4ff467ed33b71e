# Files a script names, opened where GNU ld opens them: a -T script's INPUT, GROUP and STARTUP
# files where the -T stands on the command line, and a file an input section description
# names plainly is opened when the SECTIONS are reached (GNU ld's lookup_name): before its own
# place on the command line, or added to the link from the -L path if nothing named it.  The
# load order is the order of sections that wildcards collect.
as_obj a.o <<'E'
	.globl _start
_start:	call foo
	call s0
	.data
	.long 1
E
as_obj b.o <<'E'
	.globl foo
foo:	ret
	.data
	.long 2
E
as_obj c.o <<'E'
	.globl s0
s0:	ret
	.data
	.long 3
E
make_archive libb.a b.o
mkdir -p sub
cp c.o sub/d.o
echo 'SECTIONS { .text 0x1000 : { b.o(.text) *(.text) } .data : { *(.data) } }' > named.ld
# b.o opens before a.o: its .data comes first
link_both -T named.ld a.o b.o c.o
compare_outputs --bytes '.data'
# after the inputs, the order stays
link_both a.o b.o c.o -T named.ld
compare_outputs --bytes '.data'
# INPUT and GROUP of a -T script, where the -T stands
printf 'INPUT(c.o)\nGROUP(libb.a)\nSECTIONS { .text 0x1000 : { *(.text) } .data : { *(.data) } }\n' > input.ld
link_both a.o -T input.ld
compare_outputs --bytes '.data'
# ...so an archive grouped before the object that needs it is searched too early
expect_fail_both "undefined reference to .foo'" -T input.ld a.o
printf 'INPUT(c.o)\nSECTIONS { .text 0x1000 : { *(.text) } .data : { *(.data) } }\n' > input2.ld
link_both -T input2.ld a.o b.o
compare_outputs --bytes '.data'
# a file only the script names, found along -L
echo 'SECTIONS { .text 0x1000 : { d.o(.text) *(.text) } .data : { *(.data) } }' > search.ld
link_both -T search.ld -L sub a.o b.o
compare_outputs --bytes '.data'
# STARTUP opens its file first of all
printf 'STARTUP(c.o)\nSECTIONS { .text 0x1000 : { *(.text) } .data : { *(.data) } }\n' > startup.ld
link_both a.o b.o -T startup.ld
compare_outputs --bytes '.data'
# a plain archive name takes none of its members
echo 'SECTIONS { .text 0x1000 : { libb.a(.text) } .t2 : { *(.text) } .data : { *(.data) } }' > arch.ld
link_both a.o c.o libb.a -T arch.ld
compare_outputs
echo 'SECTIONS { .text : { nonexist.o(.text) *(.text) } }' > missing.ld
expect_fail_both 'cannot find nonexist.o: No such file or directory' -T missing.ld a.o b.o c.o
# a statement whose file-specific pattern matches nothing is made only when an orphan of its
# name joins it, after every section the mapping walk made: its header comes last
as_obj nm.o <<'E'
	.section .mycode,"ax"
	.long 4
	.section .comment.my,"MS",@progbits,1
	.asciz "x"
E
echo 'SECTIONS { .mycode : { a.o(.mycode) } .text : { *(.text) } .data : { *(.data) } }' > late.ld
link_both -T late.ld a.o b.o c.o nm.o
compare_outputs
# ... unless a later statement's AT names it first: then it is made there, before the orphan
echo 'SECTIONS { .mycode : { a.o(.mycode) } .data : { *(.data) } .text 0x10000 : AT(ADDR(.mycode) + 256) { *(.text) } }' > late2.ld
link_both -T late2.ld a.o b.o c.o nm.o
compare_outputs

# A file a section description names is opened there, so a PROVIDE after it is settled there
# (its symbol referenced by that file); what that PROVIDE's expression references counts too.
cat > pn.s <<'EOF'
	.text
	.globl _start
_start:	.long sym3
EOF
as_obj pn.o pn.s
echo 'SECTIONS { .text : { } .mycode : { pn.o(.data.*) PROVIDE(sym2 = .); } .data.rel.ro : { PROVIDE_HIDDEN(sym3 = sym2); } }' > pn.ld
link_both -T pn.ld pn.o --no-warn-rwx-segments
compare_outputs
