# GOTPCREL relaxation against absolute symbols in a static executable.  GNU ld rewrites a load
# into an immediate only when the value fits the immediate: sign-extended 32 bits with REX.W,
# zero-extended 32 bits without; otherwise the GOT slot stays.  A symbol from --defsym is not
# "absolute" to the relaxation (it is a linker-script definition) but its value is still checked.
as_obj a.o <<'EOF_'
	.globl _start, small, big, big2, neg
	.text
_start:
	movq small@GOTPCREL(%rip), %rax         # mov $0x12345, %rax
	movq big@GOTPCREL(%rip), %rax           # 32S does not fit: slot kept
	movl big@GOTPCREL(%rip), %eax           # 32 fits: mov $0x90000000, %eax
	movq big2@GOTPCREL(%rip), %rax          # neither fits
	movl big2@GOTPCREL(%rip), %eax
	addq neg@GOTPCREL(%rip), %rax           # 32S fits: add $-16, %rax
	movl neg@GOTPCREL(%rip), %eax           # 32 does not fit
	movq lbig@GOTPCREL(%rip), %rax          # local: slot kept
	movl lbig@GOTPCREL(%rip), %eax          # local: mov $0x90000000, %eax
	movq ds@GOTPCREL(%rip), %rax            # --defsym ds=0x1234: mov $0x1234, %rax
	call *ds@GOTPCREL(%rip)                 # addr32 call 0x1234
	movq dbig@GOTPCREL(%rip), %rax          # --defsym dbig=0x90000000: slot kept
	movl dbig@GOTPCREL(%rip), %eax          # mov $0x90000000, %eax
	xorl %edi, %edi
	movl $60, %eax
	syscall
	# set after use: as would fold an earlier equate into a constant
	.set small, 0x12345
	.set big, 0x90000000
	.set big2, 0x190000000
	.set neg, -16
	.set lbig, 0x90000000                   # local
EOF_
link_both -static --defsym ds=0x1234 --defsym dbig=0x90000000 a.o
compare_outputs
