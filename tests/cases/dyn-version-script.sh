# --version-script FILE: its version nodes decide what a shared object exports and the
# versions it defines, as a script's VERSION block does; with both, GNU ld takes the nodes in
# command-line order.  An unused _GLOBAL_OFFSET_TABLE_ (gas names it for any GOT relocation)
# leaves both symbol tables, as bfd undefines it when .got.plt goes.
as_obj a.o <<'E'
	.text
	.globl foo, bar, baz, qux
	.type foo,@function
foo:	mov v@GOTPCREL(%rip),%rax
	ret
bar:	ret
baz:	ret
qux:	ret
	.data
	.globl v
v:	.quad foo
E
cat > vs <<'E'
V1 { global: foo; local: *; };
E
cat > vs2 <<'E'
V2 { global: baz; } V1;
E
cat > v3.ld <<'E'
VERSION { V3 { global: qux; } V2; }
E
dyn() {
	for f in bfd slink; do
		readelf -dW --dyn-syms -V -sW $f.out | sed "s/$f.out//" > $f.dyn
	done
	diff bfd.dyn slink.dyn || fail "dynamic sections differ ($*)"
}
link_both -shared -Bsymbolic -soname libt.so --version-script vs a.o
compare_outputs
dyn one version script
grep -q 'foo@@V1' slink.dyn || fail "foo is not versioned V1"
grep -q ' bar$' slink.dyn && grep -q 'LOCAL .* bar$' slink.dyn || fail "bar is not local"
grep -q _GLOBAL_OFFSET_TABLE_ slink.dyn && fail "_GLOBAL_OFFSET_TABLE_ listed"
link_both -shared -Bsymbolic -soname libt.so --version-script vs a.o v3.ld --version-script=vs2
compare_outputs
dyn two version scripts and a VERSION command
grep -q 'qux@@V3' slink.dyn || fail "qux is not versioned V3"
expect_fail_both 'cannot open linker script file nosuch' -shared --version-script nosuch a.o
