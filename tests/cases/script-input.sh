# An input file that is not ELF is read as a linker script: INPUT(...) adds files,
# GROUP(...) adds archives searched as a group (here a cyclic pair).
as_obj main.o <<'EOF'
	.globl _start
_start:	call	a1
	call	extra
	movl	$60, %eax
	movl	$0, %edi
	syscall
EOF
as_obj extra.o <<'EOF'
	.globl extra
extra:	ret
EOF
as_obj a1.o <<'EOF'
	.globl a1
a1:	call	b1
	ret
EOF
as_obj a2.o <<'EOF'
	.globl a2
a2:	ret
EOF
as_obj b1.o <<'EOF'
	.globl b1
b1:	call	a2
	ret
EOF
make_archive liba.a a1.o a2.o
make_archive libb.a b1.o
cat > inputs.ld <<'EOF'
/* a comment */
INPUT(extra.o)
GROUP ( liba.a libb.a )
EOF
link_both main.o inputs.ld
compare_outputs
run_both
# The classic "libc.so is a script" shape, found through -l: libboth.a is a script.
mkdir -p lib
cp liba.a libb.a lib/
printf 'GROUP(liba.a libb.a)\n' > lib/libboth.a
link_both -L lib main.o extra.o -lboth
compare_outputs
# A script read as an input file that makes output sections: GNU ld warns and runs its
# statements after everything else, the built-in script's included
echo 'SECTIONS { .mysec : { LONG(0x12345678) } } ENTRY(extra)' > outsec.ld
link_both main.o extra.o outsec.ld a1.o a2.o b1.o
compare_outputs
grep -q "warning: outsec.ld contains output sections; did you forget -T?" slink.stderr ||
	fail "no 'did you forget -T?' warning"
# -dT stands in for the built-in script: its INPUT files load after the command line's, its
# ENTRY counts; with a -T that does not INSERT it is not read at all
ld.bfd --verbose | sed -n '/^======/,/^======/p' | sed '1d;$d' > builtin.ld
{ echo 'INPUT(extra.o) ENTRY(extra)'; cat builtin.ld; } > dflt.ld
link_both -dT dflt.ld main.o a1.o a2.o b1.o
compare_outputs
link_both --default-script=dflt.ld -T builtin.ld main.o extra.o a1.o a2.o b1.o
compare_outputs
