# A relocation type the target does not know is an error naming the place and the number, on
# both x86 targets.  as accepts no unknown type, so an R_*_NONE is patched into type 100.
patch_type() {   # OBJ RELSEC ENTRY-TYPE-OFFSET: set the type byte of the first relocation to 100
	local off
	off=$(readelf -SW "$1" | sed -n "s/.* $2 *RELA\{0,1\} *[0-9a-f]* \([0-9a-f]*\) .*/\1/p")
	[ -n "$off" ] || fail "no $2 in $1"
	printf '\144' | dd of="$1" bs=1 seek=$((0x$off + $3)) conv=notrunc 2>/dev/null
}
as_obj a.o <<'EOF_'
	.globl _start
_start:	nop
	.reloc ., R_X86_64_NONE, _start
	.long 0
EOF_
patch_type a.o .rela.text 8
readelf -r a.o | grep -q ' 000100000064 ' || fail "patching the relocation type failed"
expect_fail "a\.o:\(\.text\+0x1\): unknown relocation type 100" -static a.o

as_obj b.o --32 <<'EOF_'
	.globl _start
_start:	nop
	.reloc ., R_386_NONE, _start
	.long 0
EOF_
patch_type b.o .rel.text 4
readelf -r b.o | grep -q ' 00000164 ' || fail "patching the relocation type failed"
expect_fail "b\.o:\(\.text\+0x1\): unknown relocation type 100" -m elf_i386 -static b.o
