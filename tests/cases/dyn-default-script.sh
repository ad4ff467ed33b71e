# -pie and -shared with the built-in script: the x86 linker sections GNU ld makes in every
# such link (.rela.got, .got, .got.plt, .rela.ifunc) make .rela.dyn where its statement
# stands; the PLT's empty unwind info stays only where a KEEP matched it; .gnu.hash has at
# least two buckets; DT_INIT_ARRAY/DT_FINI_ARRAY/DT_PREINIT_ARRAY name the output sections of
# those names (bfd_elf_size_dynamic_sections).  The .dynamic bytes are compared too.
as_obj r.o <<'E'
	.text
	.globl f, _start
_start:
f:	ret
	.data
	.quad f
E
as_obj ia.o <<'E'
	.text
	.globl g
g:	ret
	.section .init_array,"aw",@init_array
	.quad g
	.section .fini_array,"aw",@fini_array
	.quad g
	.section .ctors,"aw"
	.quad g
E
as_obj pre.o <<'E'
	.section .preinit_array,"aw",@preinit_array
	.quad 0
E
for kind in "-shared -Bsymbolic" -pie; do
	link_both $kind r.o
	compare_outputs
	link_both $kind r.o ia.o
	compare_outputs
	# the PLT's empty unwind info: kept by KEEP only
	for eh in '.eh_frame : { KEEP(*(.eh_frame)) }' '.eh_frame : { *(.eh_frame) }'; do
		echo "SECTIONS { .text : { *(.text) } $eh .data : { *(.data) } .dynamic : { *(.dynamic) } }" > eh.ld
		link_both $kind -T eh.ld r.o --no-warn-rwx-segments --no-dynamic-linker
		compare_outputs
	done
done
link_both -pie r.o ia.o pre.o
compare_outputs
expect_fail_both "preinit_array section is not allowed in DSO" -shared r.o pre.o
