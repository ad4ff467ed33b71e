# __start_SEC / __stop_SEC for sections named like C identifiers (defined when referenced and
# an output section SEC holds them; -z start-stop-visibility, protected by default),
# .startof.SEC / .sizeof.SEC for any output section, and a script mapping SEC elsewhere.
as_obj f.o <<'EOF2'
	.text
	.globl _start
_start:	lea __start_my_sec(%rip), %rax
	lea __stop_my_sec(%rip), %rax
	lea .startof..data(%rip), %rax
	movabs $.sizeof..data, %rax
	.weak __start_nothere
	lea __start_nothere(%rip), %rax
	lea __stop_other_sec(%rip), %rax
	ret
	.section my_sec,"aw"
	.long 1
	.section other_sec,"aw"
	.long 2
	.data
	.quad 1
EOF2
link_both f.o
compare_outputs
link_both -z start-stop-visibility=hidden f.o
compare_outputs
link_both -z start-stop-visibility=default f.o
compare_outputs
# a script that defines __start_my_sec itself wins; other_sec keeps its own
cat > own.ld <<'EOF2'
SECTIONS { . = 0x10000; .text : { *(.text) } my_sec : { __start_my_sec = . + 1; *(my_sec) } .data : { *(.data) } other_sec : { *(other_sec) } }
EOF2
link_both -T own.ld f.o
compare_outputs
# my_sec mapped into .data: no __start_my_sec, an undefined reference as in GNU ld
cat > moved.ld <<'EOF2'
SECTIONS { . = 0x10000; .text : { *(.text) } .data : { *(my_sec) *(.data) } other_sec : { *(other_sec) } }
EOF2
expect_fail_both "undefined reference to \`__start_my_sec'" -T moved.ld f.o
# --gc-sections: a reference to __start_SEC keeps every SEC section of every file; with
# -z start-stop-gc it keeps none (GNU ld's ld-gc/pr19167, start2)
as_obj ssa.o <<'E2'
	.globl _start
_start:
	.dc.a __start__foo
	.section _foo,"aw",%progbits
	.ascii "This is "
E2
as_obj ssb.o <<'E2'
	.section _foo,"aw",%progbits
	.ascii "a test.\0"
E2
link_both --gc-sections -e _start ssa.o ssb.o
compare_outputs
expect_fail_both "undefined reference to .__start__foo'" --gc-sections -e _start -z start-stop-gc ssa.o
# a __start_SEC the objects refer to is the linker's (protected) before the script's PROVIDE
# of it is wanted: the PROVIDE counts only when SEC goes to an output section of another
# name; -shared relocates it, .startof./.sizeof. too (GNU ld's ld-elf/pr21562*, startofb,
# sizeofb)
as_obj pv.o <<'E2'
	.section scnfoo,"aw",%progbits
	.zero 0x10
	.globl bar
	.data
	.align 8
bar:
	.dc.a __start_scnfoo
E2
as_obj pw.o <<'E2'
	.data
	.dc.a .startof.(scnfoo)
	.dc.a .sizeof.(scnfoo)
E2
for sc in 'SECTIONS { PROVIDE (__start_scnfoo = 0x1234); scnfoo : { *(scnfoo) } }' \
	  'SECTIONS { .foo : { PROVIDE (__start_scnfoo = . + 4); *(scnfoo) } }' \
	  'SECTIONS { scnfoo : { *(scnfoo) } }'; do
	echo "$sc" > pv.ld
	link_both -shared -z defs --gc-sections -T pv.ld pv.o
	compare_outputs
done
link_both -shared pv.o pw.o
compare_outputs
