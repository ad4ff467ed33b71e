# -pie and -shared refuse 8-, 16- and 32-bit absolute relocations in allocated sections, whatever
# the symbol (nothing could relocate them at run time): GNU ld's elf_x86_64_need_pic message,
# naming the symbol's kind (undefined, hidden...) or the section; debug sections may use them.
n=0
while IFS='|' read -r ins re; do
	n=$((n + 1))
	as_obj p$n.o <<E
	.text
	.globl _start, sym8, hid
	.hidden hid
	.weak ext_w
_start:	$ins
hid:	ret
	.set sym8, 3
	.data
loc:	.long 1
	.section .debug_info,"",@progbits
	.long loc
E
	expect_fail_both "p$n.o: relocation $re can not be used when making a PIE object; recompile with -fPIE" -pie p$n.o
	expect_fail_both "p$n.o: relocation $re can not be used when making a shared object" -shared p$n.o
done <<'E'
mov $_start, %eax|R_X86_64_32 against symbol `_start'
movl $ext_w, %eax|R_X86_64_32 against undefined symbol `ext_w'
.byte sym8|R_X86_64_8 against symbol `sym8'
.word loc|R_X86_64_16 against `.data'
movq $loc, %rax|R_X86_64_32S against `.data'
E
as_obj h.o <<'E'
	.text
	.globl _start, hid
	.hidden hid
_start:	mov $hid, %eax
hid:	ret
E
expect_fail_both "h.o: relocation R_X86_64_32 against hidden symbol \`hid' can not be used when making a PIE object$" -pie h.o
# only in allocated sections: a debug section's 32-bit references are fine
as_obj ok.o <<'E'
	.text
	.globl _start
_start:	lea loc(%rip), %rax
	ret
	.data
loc:	.quad loc
	.section .debug_info,"",@progbits
	.long loc
E
link_both -pie ok.o
compare_outputs
