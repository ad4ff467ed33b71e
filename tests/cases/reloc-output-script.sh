# ld -r with -T scripts: a kernel module link (scripts/module.lds of Linux 6.1, --build-id=sha1,
# /DISCARD/, SORT, KEEP, ALIGN, SHF_LINK_ORDER __patchable_function_entries), a script that
# gives addresses, and the kernel's piggy.o (-b binary blob, -T with LONG()).
relcmp() {
	python3 "$TESTS/lib/relcmp.py" bfd.out slink.out "$@" >&2 || fail "-r output differs from ld.bfd's"
}
cat > module.lds <<'EOF'
SECTIONS {
	/DISCARD/ : {
		*(.discard)
		*(.discard.*)
	}

	__ksymtab		0 : { *(SORT(___ksymtab+*)) }
	__ksymtab_gpl		0 : { *(SORT(___ksymtab_gpl+*)) }
	__kcrctab		0 : { *(SORT(___kcrctab+*)) }
	__kcrctab_gpl		0 : { *(SORT(___kcrctab_gpl+*)) }

	.ctors			0 : ALIGN(8) { *(SORT(.ctors.*)) *(.ctors) }
	.init_array		0 : ALIGN(8) { *(SORT(.init_array.*)) *(.init_array) }

	.altinstructions	0 : ALIGN(8) { KEEP(*(.altinstructions)) }
	__bug_table		0 : ALIGN(8) { KEEP(*(__bug_table)) }
	__jump_table		0 : ALIGN(8) { KEEP(*(__jump_table)) }

	__patchable_function_entries : { *(__patchable_function_entries) }
}
EOF
cc_obj m.o -O2 -fpatchable-function-entry=16,16 -fno-pic -mcmodel=kernel -ffunction-sections <<'EOF'
struct ks { unsigned long v; const char *n; };
int counter;
static int hidden_state[4];
int exported_fn(int x) { return x + counter + hidden_state[x & 3]; }
int exported_gpl(int x) { return x * 3; }
static const char name_exported_fn[] __attribute__((section("__ksymtab_strings"), used)) = "exported_fn";
static const char name_exported_gpl[] __attribute__((section("__ksymtab_strings"), used)) = "exported_gpl";
static const struct ks ks1 __attribute__((section("___ksymtab+exported_fn"), used)) = { (unsigned long)exported_fn, name_exported_fn };
static const struct ks ks2 __attribute__((section("___ksymtab_gpl+exported_gpl"), used)) = { (unsigned long)exported_gpl, name_exported_gpl };
static void __attribute__((constructor)) ctor(void) { counter++; }
static int discard_me __attribute__((section(".discard.test"), used)) = 5;
struct jent { int code, target; long key; };
static struct jent jt __attribute__((section("__jump_table"), used)) = { 1, 2, (long)&counter };
int init_module(void) { return exported_fn(1); }
EOF
cc_obj mod.o -O2 <<'EOF'
const char modname[] __attribute__((section(".gnu.linkonce.this_module"))) = "crc";
static const char vermagic[] __attribute__((section(".modinfo"), used, aligned(1))) = "vermagic=6.1";
EOF
link_both -r -m elf_x86_64 -z noexecstack --build-id=sha1 -T module.lds m.o mod.o
# slink places the orphans (.note.gnu.build-id, .bss) elsewhere: compare contents by name
relcmp --by-name
python3 "$TESTS/lib/elfcmp.py" check-build-id slink.out sha1 >&2 || fail "the build-id is not GNU ld's sha1 of the file"
readelf -SW slink.out | grep -q '__patchable_function_entries .* WAL *[1-9]' || fail "SHF_LINK_ORDER or its sh_link lost"
! readelf -SW slink.out | grep -q '\.discard' || fail "/DISCARD/ sections kept"

# a script that gives addresses (relocations stay section-relative)
cat > addr.lds <<'EOF'
SECTIONS {
	.text 0x1000 : { *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) }
	.data 0x4000 : { *(.data) *(__jump_table) }
	.bss : { *(.bss) }
}
EOF
link_both -r -T addr.lds m.o mod.o
# (slink puts the non-allocated orphans .comment and .note.GNU-stack before .bss: by name)
relcmp --by-name

# piggy.o: a binary blob, a section symbol for .data, no program headers
head -c 3000 /dev/urandom > blob.bin
gzip -n -9 < blob.bin > blob.gz
echo "SECTIONS { .data : { input_len = .; LONG(input_data_end - input_data) input_data = .; *(.data) input_data_end = .; }}" > piggy.lnk
for m in "" "-m elf_i386"; do
	# shellcheck disable=SC2086
	link_both $m -r -b binary blob.gz -b elf32-i386 -T piggy.lnk
	relcmp
	compare_outputs
	cmp bfd.out slink.out || fail "piggy.o ($m) is not byte-identical to ld.bfd's"
done

# -r and NOLOAD: an allocated NOLOAD section is NOBITS because its PT_LOAD makes it so, and
# -r has none: a name with a type of its own (.init_array, .fini_array) keeps it.
cat > nl.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .init_array,"aw",@init_array
	.quad 1
	.section .fini_array,"aw",@fini_array
	.quad 1
	.section .foo,"aw",@init_array
	.quad 3
	.section .note.x,"a",@note
	.long 0
EOF
as_obj nl.o nl.s
echo 'SECTIONS { .text : { *(.text) } .init_array (NOLOAD) : { *(.init_array) } .fini_array (NOLOAD) : { *(.fini_array) } .foo (NOLOAD) : { *(.foo) } .note.x (NOLOAD) : { *(.note.x) } }' > nl.ld
link_both -r -T nl.ld nl.o
compare_outputs
link_both -T nl.ld nl.o --no-warn-rwx-segments
compare_outputs

# -r with an input lacking .note.GNU-stack: bfd marks the output section that took the last
# input .note.GNU-stack executable, whatever its name.
cat > gs1.s <<'EOF'
	.section .note.GNU-stack,"",@progbits
	.data
	.quad 1
EOF
cat > gs2.s <<'EOF'
	.data
	.quad 2
EOF
as_obj gs1.o gs1.s
as_obj gs2.o gs2.s
echo 'SECTIONS { .data : { *(.data) } .mine : { *(.note.*) } }' > gs.ld
link_both -r -T gs.ld gs1.o gs2.o
compare_outputs
link_both -r gs1.o gs2.o
compare_outputs
# ... SEC_CODE, which pads that section with no-ops where its inputs leave gaps
cat > gs3.s <<'EOF2'
	.section .note.GNU-stack,"",@progbits
	.section .note.my,"a",@note
	.long 4, 4, 1
	.ascii "GNU\0"
	.byte 7
EOF2
as_obj gs3.o gs3.s
echo 'SECTIONS { .data : { *(.data) } .mine : SUBALIGN(0x40) { *(.note.*) } }' > gs3.ld
link_both -r -T gs3.ld gs3.o gs2.o gs1.o
compare_outputs
