# --emit-relocs keeps relocations against undefined weak symbols, so those symbols stay in
# .symtab (a plain static link drops them).  The kernel's first kallsyms link with
# CONFIG_RELOCATABLE refers to its not yet generated kallsyms_* tables this way.
as_obj a.o <<'EOF2'
	.globl _start
	.weak kallsyms_names
_start:	movq $kallsyms_names, %rax
	leaq kallsyms_names(%rip), %rdi
	mov $60, %eax
	xor %edi, %edi
	syscall
EOF2
link_both --emit-relocs a.o
compare_outputs
readelf -rW slink.out | grep -q 'kallsyms_names' || fail "no relocation against kallsyms_names kept"
diff <(readelf -rW bfd.out | sed 1,2d) <(readelf -rW slink.out | sed 1,2d) >&2 || fail "kept relocations differ from GNU ld's"
run_both
