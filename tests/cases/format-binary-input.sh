# -b binary / --format=binary inputs: each blob becomes an object with a .data section holding
# the file and _binary_<path>_{start,end,size}, the path mangled as GNU ld's bfd/binary.c does
# (every non-alphanumeric character to `_`); -b elf64-x86-64 / -b default switch back.
mkdir -p sub.dir/deeper-x
printf 'hello, blob\n' > sub.dir/deeper-x/my-blob.v1.bin
head -c 777 /dev/urandom > 'odd name+1.dat'
: > empty.bin
as_obj use.o <<'EOF2'
	.globl _start
_start:	movq	$_binary_sub_dir_deeper_x_my_blob_v1_bin_start, %rax
	movq	$_binary_sub_dir_deeper_x_my_blob_v1_bin_end, %rbx
	movq	$_binary_sub_dir_deeper_x_my_blob_v1_bin_size, %rcx
	movq	$_binary_odd_name_1_dat_start, %rdx
	movq	$_binary_odd_name_1_dat_size, %rsi
	movq	$_binary_empty_bin_end, %rdi
	.data
	.quad	_binary_odd_name_1_dat_end
EOF2
as_obj other.o <<'EOF2'
	.data
	.globl other
other:	.long 0x11223344
EOF2

# symbol names and values, final link: blobs before, between and after ELF objects
check_syms() {
	nm bfd.out > bfd.nm
	nm slink.out > slink.nm
	diff -u bfd.nm slink.nm >&2 || fail "symbols differ (- ld.bfd, + slink)"
	expect_grep '^0+0000000c A _binary_sub_dir_deeper_x_my_blob_v1_bin_size$' slink.nm
	expect_grep '^0+00000309 A _binary_odd_name_1_dat_size$' slink.nm
	expect_grep '^0+00000000 A _binary_empty_bin_size$' slink.nm
}
link_both use.o -b binary sub.dir/deeper-x/my-blob.v1.bin 'odd name+1.dat' empty.bin -b elf64-x86-64 other.o
compare_outputs
check_syms
link_both --format=binary sub.dir/deeper-x/my-blob.v1.bin -b default use.o --format binary 'odd name+1.dat' empty.bin
compare_outputs
check_syms
link_both -b binary 'odd name+1.dat' -b elf64-x86-64 use.o -b binary empty.bin sub.dir/deeper-x/my-blob.v1.bin
compare_outputs
check_syms
# the blob's bytes land in .data unchanged
python3 - <<'PY' || fail "the blob's bytes are not in slink's output"
data = open('slink.out', 'rb').read()
blob = open('odd name+1.dat', 'rb').read()
assert blob in data
PY

# i386
as_obj use32.o --32 <<'EOF2'
	.globl _start
_start:	movl	$_binary_sub_dir_deeper_x_my_blob_v1_bin_start, %eax
	movl	$_binary_sub_dir_deeper_x_my_blob_v1_bin_size, %ebx
	movl	$_binary_sub_dir_deeper_x_my_blob_v1_bin_end, %ecx
EOF2
link_both -m elf_i386 use32.o -b binary sub.dir/deeper-x/my-blob.v1.bin
compare_outputs

# the blob's object as ld -r makes it: section flags and alignment, symbols
link_both -r -b binary sub.dir/deeper-x/my-blob.v1.bin
readelf -SW bfd.out | grep -E ' \.data ' | sed 's/ 0[0-9a-f]\{5\} / OFF /' > bfd.sec
readelf -SW slink.out | grep -E ' \.data ' | sed 's/ 0[0-9a-f]\{5\} / OFF /' > slink.sec
diff -u bfd.sec slink.sec >&2 || fail ".data of the -r object differs"
expect_grep 'PROGBITS .* 00000c 00  WA  0   0  1$' slink.sec
readelf -sW bfd.out | awk '$4 != "SECTION" && NR > 3 {print $2, $4, $5, $7, $8}' | sort > bfd.syms
readelf -sW slink.out | awk '$4 != "SECTION" && NR > 3 {print $2, $4, $5, $7, $8}' | sort > slink.syms
diff -u bfd.syms slink.syms >&2 || fail "symbols of the -r object differ"
[ "$(wc -l < slink.syms)" -ge 3 ] || fail "too few symbols in the -r object"
