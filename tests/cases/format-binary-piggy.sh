# The seed's piggy.o: `ld -r -o piggy.o -b binary piggy.gz -b elf32-i386 -T piggy.lnk` with a
# script that writes LONG(input_data_end - input_data) before the data.  With the script and
# no OUTPUT_FORMAT the last -b (elf32-i386) is the output format, even without -m, as in GNU
# ld.  Then the decompressor is linked at -Ttext 0x1000 (zImage) and 0x100000 (bzImage).
head -c 5000 /dev/urandom > vmlinux.bin
gzip -n -9 < vmlinux.bin > tmppiggy.gz
echo "SECTIONS { .data : { input_len = .; LONG(input_data_end - input_data) input_data = .; *(.data) input_data_end = .; }}" > tmppiggy.lnk

for m in "" "-m elf_i386"; do
	# shellcheck disable=SC2086
	link_both $m -r -b binary tmppiggy.gz -b elf32-i386 -T tmppiggy.lnk
	readelf -h slink.out | grep -q 'Class: *ELF32' || fail "piggy.o ($m) is not ELF32"
	readelf -h slink.out | grep -q 'Machine: *Intel 80386' || fail "piggy.o ($m) is not i386"
	[ "$(section_hex bfd.out .data)" = "$(section_hex slink.out .data)" ] || fail "piggy.o ($m): .data differs"
	readelf -sW bfd.out | awk '$4 != "SECTION" && NR > 3 {print $2, $4, $5, $7, $8}' | sort > bfd.syms
	readelf -sW slink.out | awk '$4 != "SECTION" && NR > 3 {print $2, $4, $5, $7, $8}' | sort > slink.syms
	diff -u bfd.syms slink.syms >&2 || fail "piggy.o ($m): symbols differ"
	expect_grep '^00000000 NOTYPE GLOBAL 1 input_len$' slink.syms
	expect_grep "^00000004 NOTYPE GLOBAL 1 _binary_tmppiggy_gz_start$" slink.syms
done
cp bfd.out piggy-bfd.o
cp slink.out piggy-slink.o
# input_len holds the size of the compressed data
len=$(section_hex piggy-slink.o .data | cut -c1-8)
[ "$len" = "$(printf '%08x' "$(stat -c %s tmppiggy.gz)" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/')" ] ||
	fail "input_len is $len, not the size of tmppiggy.gz"

as_obj head.o --32 <<'EOF2'
	.text
	.globl startup_32
startup_32:
	movl	$input_data, %esi
	movl	input_len, %ecx
	call	decompress
1:	hlt
	jmp	1b
EOF2
cc_obj misc.o -m32 -O2 -fno-pic -fno-asynchronous-unwind-tables -ffreestanding <<'EOF2'
extern unsigned char input_data[], input_data_end[];
extern unsigned int input_len;
unsigned int checksum;
void decompress(void)
{
	unsigned int s = 0;
	for (unsigned char *p = input_data; p < input_data_end; p++)
		s = s * 31 + *p;
	checksum = s + input_len;
}
EOF2
for base in 0x1000 0x100000; do
	ld.bfd -m elf_i386 -Ttext $base -e startup_32 head.o misc.o piggy-bfd.o -o bfd.out 2> bfd.stderr ||
		fail "ld.bfd failed"
	link_slink -m elf_i386 -Ttext $base -e startup_32 head.o misc.o piggy-slink.o
	compare_outputs
	readelf -h slink.out | grep -q "Entry point address: *$(printf '0x%x' $base)\$" ||
		fail "entry is not startup_32 at $base"
done
