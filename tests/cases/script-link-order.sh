# SHF_LINK_ORDER inputs (GNU ld's ld-elf/pr25022, pr24526, pr26256): a section linked to one
# /DISCARD/ took goes too, down the chain; in the output, the inputs one statement gave a
# section follow the order of the sections they are linked to, those linked to none first;
# the output section keeps SHF_LINK_ORDER (from its first input) and sh_link to where that
# input's linked-to section went.
as_obj d.o <<'EOF2'
	.section .foo,"a"
	.dc.a 0
	.section .moo,"ao",%progbits,.zed
	.dc.a 0
	.section .bar,"ao",%progbits,.foo
	.dc.a 0
	.section .zed,"ao",%progbits,.foo
	.dc.a 0
	.text
	.globl _start
_start:	ret
EOF2
echo 'SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.foo) } }' > d.ld
link_both -T d.ld d.o
compare_outputs
as_obj o.o <<'EOF2'
	.section .text,"ax",%progbits,unique,0
	.globl text0
text0:	nop
	.section .text,"ax",%progbits,unique,1
	.globl text1
text1:	nop
	.section .linkorder,"ao",%progbits,0,unique,0
	.globl linkorder2
linkorder2: .byte 0
	.section .linkorder,"ao",%progbits,text1
	.globl linkorder1
linkorder1: .byte 1
	.section .linkorder,"ao",%progbits,text0
	.globl linkorder0
linkorder0: .byte 2
	.section .linkorder,"a",%progbits
	.globl linkorder3
linkorder3: .byte 3
	.section .rodata.b,"ao",%progbits,text1
	.byte 4
	.section .rodata.a,"ao",%progbits,text0
	.byte 5
	.text
	.globl _start
_start:	nop
EOF2
for ld in 'SECTIONS { .linkorder : { *(.linkorder) } .text : { *(.text) } .rodata : { *(.rodata.*) } }' \
	  'SECTIONS { .text : { *(.text) } .rodata : { *(.rodata.b) *(.linkorder .rodata.a) } }' \
	  'SECTIONS { .text : { *(.text) } }'; do
	echo "$ld" > o.ld
	link_both -T o.ld o.o
	compare_outputs
done
link_both o.o
compare_outputs
