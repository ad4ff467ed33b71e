# --gc-sections keeps what a script symbol stands for: GNU ld's mark phase, before sections
# are collected, leaves `NMI_Handler = Default_Handler` relative to Default_Handler's input
# section, so a reference to NMI_Handler keeps that section (the vector-table idiom); a
# condition known then picks the branch (ld-elf/pr23648); `x + 4` outside sections is
# absolute there and keeps nothing, inside an output section it keeps x's section.
as_obj v.o <<'EOF2'
	.section .vectors,"a"
	.quad _start
	.quad NMI_Handler
	.quad HardFault_Handler
	.quad Bus_Handler
	.quad Sel_Handler
	.quad In_Handler
	.section .text._start,"ax"
	.globl _start
_start: nop
	.section .text.Default_Handler,"ax"
	.globl Default_Handler
Default_Handler: ret
	.section .text.Fault,"ax"
	.globl Fault
Fault: ret
	.section .text.test0,"ax"
	.globl test0
test0: .quad 0
	.section .text.test1,"ax"
	.globl test1
test1: .quad 1
	.section .text.other,"ax"
	.globl other
other: ret
EOF2
cat > v.ld <<'EOF2'
MEMORY { code : ORIGIN = 0, LENGTH = 8M }
ENTRY(_start)
SECTIONS {
  .vectors : { KEEP(*(.vectors)) } >code
  .text : { *(.text*) In_Handler = other + 1; } >code
}
PROVIDE(NMI_Handler = Default_Handler);
Alias = Fault;
HardFault_Handler = Alias;
Bus_Handler = Default_Handler + 0;
Sel_Handler = LENGTH (code) != 8M ? test0 : test1;
EOF2
link_both --gc-sections -T v.ld v.o
compare_outputs
# A symbol an object defines that the script assigns anyway has the script's value in that
# phase: a plain assignment, or a PROVIDE the first fold settled (the entry named it before the
# object was opened); gc then keeps what the script's value stands for, not the object's section.
as_obj t.o <<'EOF2'
	.section .text.f,"ax"
	.globl f
f:	ret
	.section .text.g,"ax"
	.globl g
g:	ret
	.section .rodata.a,"a"
	.quad 1
EOF2
for body in 'PROVIDE(f = .);' 'f = .;' 'f = g;' 'PROVIDE(f = g);'; do
	cat > take.ld <<EOF2
ENTRY(f)
SECTIONS { .text 0x401000 : { *(.text*) } .rodata : { *(.rodata.a) $body } }
EOF2
	link_both -T take.ld --gc-sections t.o
	compare_outputs
	# (the object opened first: its f stands, a PROVIDE does nothing)
	link_both t.o -T take.ld --gc-sections
	compare_outputs
done
