# scripts/module.lds.S (Linux 6.1, Debian's linux-source-6.1) preprocessed as kbuild does, used
# as kbuild links a module: ld -r -T module.lds.  /DISCARD/, SORT() of ksymtab sections, KEEP,
# sections at address 0.  Skipped only without the linux-source package.
. "$TESTS/lib/kernel.sh"
kernel_tree
kernel_lds module.lds scripts/module.lds.S
as_obj mod.o <<'EOF2'
	.text
	.globl init_module
init_module: call printk
	ret
	.section .init_array,"aw"
	.quad init_module
	.section ___ksymtab+foo,"a"
	.quad init_module
	.section ___ksymtab+bar,"a"
	.quad init_module
	.section .discard.x,"a"
	.long 1
	.section __bug_table,"a"
	.long 0
	.section .modinfo,"a"
	.asciz "license=GPL"
EOF2
link_both -r -m elf_x86_64 -T module.lds mod.o
compare_outputs
