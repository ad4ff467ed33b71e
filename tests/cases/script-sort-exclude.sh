# SORT_* nestings (and --sort-section), EXCLUDE_FILE before the file pattern and inside the
# section list, INPUT_SECTION_FLAGS, ONLY_IF_RO / ONLY_IF_RW alternatives, /DISCARD/.
as_obj d.o <<'EOF2'
	.text
	.globl _start
_start:	lea __start_my_sec(%rip), %rax
	lea __stop_my_sec(%rip), %rax
	call f2
	ret
	.section .text.f1,"ax"
	.globl f1
f1:	ret
	.section .text.f2,"ax"
	.globl f2
f2:	call f3
	ret
	.section .text.f3,"ax"
f3:	ret
	.section my_sec,"aw"
	.long 1
	.section other_sec,"aw"
	.long 2
	.section .data.a,"aw"
	.long 3
	.section .rodata.b,"a"
	.balign 16
	.long 4
	.section .rodata.a,"a"
	.balign 4
	.long 5
	.section .rodata.c,"a"
	.balign 8
	.long 6
EOF2
as_obj e.o <<'EOF2'
	.section .text.e,"ax"
	.globl e1
e1:	ret
	.section .rodata.e,"a"
	.long 9
EOF2
cat > srt.ld <<'EOF2'
SECTIONS {
  . = 0x10000;
  .text : { *(.text) }
  .rodata : { *(SORT_BY_ALIGNMENT(SORT_BY_NAME(.rodata.*))) }
  .r2 : { *(SORT_BY_NAME(SORT_BY_ALIGNMENT(.rodata.*))) }
  .data : { EXCLUDE_FILE(e.o) *(.data.*) *(EXCLUDE_FILE(d.o) .text.e) }
  my_sec : { *(my_sec) }
  .flags : { INPUT_SECTION_FLAGS(SHF_WRITE & !SHF_EXECINSTR) *(other_sec) }
  .ro : ONLY_IF_RO { *(.rodata.e) }
  .ro : ONLY_IF_RW { *(.text.f1) }
  /DISCARD/ : { *(.text.f1) }
}
EOF2
for opt in "" --sort-section=name --sort-section=alignment; do
	# shellcheck disable=SC2086
	link_both -T srt.ld d.o e.o --no-warn-rwx-segments $opt
	compare_outputs
done
# a `.` assignment in a section its constraint drops is GNU ld's error
echo 'SECTIONS { .text : ONLY_IF_RW { . += 4; *(.text) } }' > dotdrop.ld
expect_fail_both 'invalid assignment to location counter' -T dotdrop.ld d.o
# ... unless an ADDR/LOADADDR before it made the section while its constraint was unchecked.
# GNU ld never strips that section (dropped statements are skipped then): it stays, empty and
# without flags, where it was made in the section list, and an orphan placed after the
# dropped statement follows it
for pre in 'x = LOADADDR(.text);' 'SECTIONS { .a : { y = ADDR(.text); } }'; do
	echo "$pre SECTIONS { .text : ONLY_IF_RW { . += 4; *(.text) } }" > dotdrop2.ld
	link_both -T dotdrop2.ld d.o --no-warn-rwx-segments
	compare_outputs
done
printf '\t.text\n\t.globl _start\n_start: ret\n\t.section .rodata.cst8,"aM",@progbits,8\n\t.quad 1\n\t.section .note.x,"",@note\n\t.long 0\n\t.data\n\t.long 2\n' > gh.s
as_obj gh.o gh.s
for body in 'x = ADDR(.rodata.cst8); SECTIONS { .text 0x1000 : { *(.text) } .rodata.cst8 : ONLY_IF_RW { *(.rodata.cst8) } .data : { *(.data) } }' \
	    'x = ADDR(.note.x); SECTIONS { .text 0x1000 : { *(.text) } .data : { *(.data) } .note.x : ONLY_IF_RW { *(.note.x) } }'; do
	echo "$body" > ghost.ld
	link_both -T ghost.ld gh.o --no-warn-rwx-segments
	compare_outputs
done
echo 'SECTIONS { .text : ONLY_IF_RW { . += 4; *(.text) } x = ADDR(.text); }' > dotdrop3.ld
expect_fail_both 'invalid assignment to location counter' -T dotdrop3.ld d.o
# the sort is GNU ld's binary tree, built in the order sections are met: a section of an
# unsorted pattern goes at the right end, a sorted one descends comparing by its own pattern's
# sort (SORT_BY_INIT_PRIORITY by the trailing number where both have one, else by name),
# SORT(file pattern) compares file names (an archive's, then its member's) first
as_obj p1.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "s1"
	.section .note.my,"a",@note
	.long 4, 4, 1
	.asciz "GNU"
	.long 1
	.section .rodata.cst8,"aM",@progbits,8
	.quad 8
	.section .init_array.00200,"aw"
	.quad 2
	.section .init_array,"aw"
	.quad 0
	.section .ctors.00300,"aw"
	.quad 3
	.section .init_array.00100,"aw"
	.quad 1
	.section .sa,"a"
	.byte 1
EOF2
as_obj p2.o <<'EOF2'
	.section .rodata.b,"a"
	.long 11
	.section .note.my,"a",@note
	.long 4, 4, 1
	.asciz "GNU"
	.long 2
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "s2"
	.section .init_array.00150,"aw"
	.quad 15
	.section .sa,"a"
	.byte 2
EOF2
make_archive libp.a p2.o
cat > prio.ld <<'EOF2'
SECTIONS {
  .text 0x1000 : { *(.text) }
  .rodata : { *(SORT_BY_INIT_PRIORITY(.rodata.*) SORT_BY_INIT_PRIORITY(.note.my) SORT_BY_INIT_PRIORITY(.rodata.str1.*)) }
  .init_array : { *(SORT_BY_INIT_PRIORITY(.init_array.*) SORT_BY_INIT_PRIORITY(.ctors.*) .init_array) }
  .sa : { SORT(*)(.sa) }
}
EOF2
link_both -T prio.ld p1.o p2.o --no-warn-rwx-segments
compare_outputs
link_both -T prio.ld libp.a p1.o --no-warn-rwx-segments -u f_none --whole-archive
compare_outputs
echo 'SECTIONS { .text 0x1000 : { *(.text) } .rodata : { *(.sa SORT_BY_NAME(.rodata.*) .note.my) } }' > mixed.ld
link_both -T mixed.ld p1.o p2.o --no-warn-rwx-segments
compare_outputs
link_both -T mixed.ld p1.o p2.o --no-warn-rwx-segments --sort-section=alignment
compare_outputs
# GNU ld's sort tree holds every section a rule's patterns name, in the order it meets them,
# also those an earlier statement took: here .rodata.str1.1 (init priority 1, from its
# trailing number) shapes the tree, so .rodata comes out before .ctors.00100
as_obj ip.o <<'EOF2'
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "ab"
	.section .ctors.00100,"aw"
	.quad 1
	.section .rodata,"a"
	.long 2
	.text
	.globl _start
_start:	ret
EOF2
cat > ip.ld <<'EOF2'
SECTIONS {
  .text : { *(.text) }
  .rodata.str1.1 : { *(.rodata.str1.1) }
  .rodata : { *(SORT_BY_INIT_PRIORITY(.rodata.*) SORT_BY_INIT_PRIORITY(.rodata) SORT_BY_INIT_PRIORITY(.ctors.00100)) }
}
EOF2
link_both -T ip.ld ip.o --no-warn-rwx-segments
compare_outputs
