# --build-id in every form GNU ld 2.40 accepts.  For sha1 and md5 the note must hold the
# hash GNU ld computes (bfd_elf_checksum_contents: ELF header with e_phoff/e_shoff zeroed,
# program headers, each section header with sh_offset zeroed followed by its contents except
# .symtab/.strtab/.shstrtab and SHT_NOBITS, the whole note hashed as zeros; see
# include/hash.h), so with identical layouts the two linkers' notes are byte-identical;
# elfcmp check-build-id also recomputes it independently from each file.  0xHEX: the bytes
# given, '-' and ':' skipped, and the note NOT padded to 4 bytes (ld.bfd makes a 16 + N
# byte section).
#
# Assembly only, so that nothing but the note can make the layouts differ: code, read-only
# data, data, bss (SHT_NOBITS: header hashed, no contents) and a non-alloc section (hashed).
as_obj start.o <<'EOF'
	.globl _start
_start:	call	f
	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.section .note.GNU-stack,"",@progbits
EOF
as_obj f.o <<'EOF'
	.text
	.globl f
f:	movl	data(%rip), %eax
	addl	zeros+20(%rip), %eax
	movsbl	msg(%rip), %ecx
	addl	%ecx, %eax
	subl	$101, %eax
	ret
	.section .rodata
msg:	.asciz	"build-id"
	.data
	.p2align 2
data:	.long	3
	.bss
	.p2align 5
zeros:	.zero	256
	.section .slink.info,"",@progbits
	.asciz	"non-alloc contents are hashed too"
	.section .note.GNU-stack,"",@progbits
EOF

for opt in --build-id --build-id=sha1 --build-id=md5 --build-id=0x0123456789abcdef \
	--build-id=0x0123456789abcdef00 --build-id=0x01-23:45 --build-id=none; do
	echo "== $opt" >&2
	link_both $opt start.o f.o
	compare_outputs
	case $opt in
	--build-id=none)
		if readelf -SW slink.out | grep -q build-id; then fail "--build-id=none made a note"; fi
		continue ;;
	esac
	bh=$(section_hex bfd.out .note.gnu.build-id)
	sh=$(section_hex slink.out .note.gnu.build-id)
	[ "$bh" = "$sh" ] || fail "$opt: build-id notes differ: ld.bfd $bh, slink $sh"
	case $opt in
	--build-id|--build-id=sha1)
		[ ${#sh} -eq $(( 2 * (16 + 20) )) ] || fail "$opt: note is not 36 bytes: $sh"
		python3 "$TESTS/lib/elfcmp.py" check-build-id bfd.out sha1 >&2 || fail "elfcmp's sha1 build-id is not ld.bfd's"
		python3 "$TESTS/lib/elfcmp.py" check-build-id slink.out sha1 >&2 || fail "slink's sha1 build-id is wrong" ;;
	--build-id=md5)
		[ ${#sh} -eq $(( 2 * (16 + 16) )) ] || fail "$opt: note is not 32 bytes: $sh"
		python3 "$TESTS/lib/elfcmp.py" check-build-id bfd.out md5 >&2 || fail "elfcmp's md5 build-id is not ld.bfd's"
		python3 "$TESTS/lib/elfcmp.py" check-build-id slink.out md5 >&2 || fail "slink's md5 build-id is wrong" ;;
	--build-id=0x0123456789abcdef)
		[ "$sh" = "040000000800000003000000474e55000123456789abcdef" ] || fail "$opt: note is $sh" ;;
	--build-id=0x0123456789abcdef00)
		[ "$sh" = "040000000900000003000000474e55000123456789abcdef00" ] || fail "$opt: note is $sh" ;;
	--build-id=0x01-23:45)
		[ "$sh" = "040000000300000003000000474e5500012345" ] || fail "$opt: note is $sh" ;;
	esac
done
run_both

# uuid is random: same layout, a 16-byte NT_GNU_BUILD_ID note, different each time.
echo "== --build-id=uuid" >&2
link_both --build-id=uuid start.o f.o
compare_outputs --exclude-section .note.gnu.build-id "--build-id=uuid is random"
readelf -nW slink.out > notes.txt
expect_grep '^ *GNU +0x00000010[[:space:]]+NT_GNU_BUILD_ID' notes.txt
h=$(section_hex slink.out .note.gnu.build-id)
[ "${h:0:32}" = "040000001000000003000000474e5500" ] && [ ${#h} -eq 64 ] || fail "bad uuid note: $h"
cp slink.out first.out
link_slink --build-id=uuid start.o f.o
[ "$(section_hex first.out .note.gnu.build-id)" != "$(section_hex slink.out .note.gnu.build-id)" ] || fail "--build-id=uuid gave the same id twice"
