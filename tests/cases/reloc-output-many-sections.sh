# ld -r past 0xff00 sections: section indices go to .symtab_shndx (SHN_XINDEX), the counts to
# section header 0 (e_shnum 0, e_shstrndx SHN_XINDEX), byte-identical to GNU ld.  33000
# functions, each in its own section with its relocation section: 66000+ sections.
python3 - <<'EOF'
n = 33000
with open('big.s', 'w') as f:
    for i in range(n):
        f.write('\t.section .text.f%d,"ax",@progbits\n\t.globl f%d\nf%d:\tcall f%d\n\tret\n' % (i, i, i, (i + 1) % n))
    f.write('\t.section .note.GNU-stack,"",@progbits\n')
EOF
as_obj big.o big.s
link_both -r big.o
readelf -hW slink.out | grep -q 'Number of section headers: *0 (66' || fail "e_shnum is not 0 with the count in section 0"
readelf -SW slink.out | grep -q 'SYMTAB SECTION INDICES' || fail "no .symtab_shndx"
python3 "$TESTS/lib/relcmp.py" bfd.out slink.out >&2 || fail "-r output differs from ld.bfd's"
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's"
