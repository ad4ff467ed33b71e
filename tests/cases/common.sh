# Common symbols: the largest size and the largest alignment win (GNU ld's rules), from
# assembler .comm and from C tentative definitions with -fcommon; a real definition beats
# a common one.
as_obj main.o <<'EOF'
	.globl _start
_start:	movq	$buf, %rax
	movq	$cbuf, %rbx
	movl	$60, %eax
	movl	defined_later(%rip), %edi
	syscall
	.comm	buf, 8, 8
	.comm	defined_later, 4, 4
EOF
as_obj c1.o <<'EOF'
	.comm	buf, 64, 4
	.comm	other, 3, 1
EOF
as_obj c2.o <<'EOF'
	.comm	buf, 4, 32
	.data
	.globl defined_later
defined_later: .long 6
EOF
cc_obj cc1.o -fcommon -O2 <<'EOF'
int cval; char cbuf[10]; long pad_after;
EOF
cc_obj cc2.o -fcommon -O2 <<'EOF'
int cval; char cbuf[100] __attribute__((aligned(64)));
int get(void) { return cval + cbuf[0]; }
EOF
link_both main.o c1.o c2.o cc1.o cc2.o
compare_outputs
run_both
dump=$(python3 "$TESTS/lib/elfcmp.py" dump slink.out)
grep -Eq '^buf +0x[0-9a-f]*[02468ace]0 size=64 ' <<<"$dump" || fail "buf is not 64 bytes aligned to 32: $(grep '^buf ' <<<"$dump")"

# --no-define-common / INHIBIT_COMMON_ALLOCATION: only for a shared object, where a common
# symbol is left undefined (to be allocated by the executable); a shared object lists every
# undefined symbol an object mentions, relocated or not.
cat > nd.s <<'EOF'
	.data
	.globl d
d:	.quad 1
	.comm cbuf,64,32
	.globl undef_noreloc
	.type undef_noreloc,@object
EOF
as_obj nd.o nd.s
echo INHIBIT_COMMON_ALLOCATION > nd.ld
expect_fail_both "no-define-common may not be used without -shared" --no-define-common nd.o
expect_fail_both "no-define-common may not be used without -shared" -T nd.ld nd.o
for a in "--no-define-common" "-T nd.ld" ""; do
	link_both -shared $a nd.o
	compare_outputs
done

# A file whose common symbol was in force when it was read has a COMMON section even where it
# ends up empty: -r leaves commons unallocated, a later larger common takes the symbol.  A
# script's *(COMMON) makes its output section (with COMMON's flags, so a same-named orphan
# that is loaded gets its own); -r leaves an unmatched one alone.
cat > cs1.s <<'EOF'
	.comm cm0,8,8
	.comm cm1,4,4
	.data
	.quad cm0
	.section .fini_array,"aw",@fini_array
	.quad 0
EOF
cat > cs2.s <<'EOF'
	.comm cm0,16,8
	.globl cm1
	.data
cm1:	.long 3
EOF
as_obj cs1.o cs1.s
as_obj cs2.o cs2.s
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } .c1 : { cs1.o(COMMON) } .c2 : { cs2.o(COMMON) } .fini_array 0x1900 : { cs2.o(.fini_array) *(COMMON) } }' > cs.ld
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } .c2 : { cs2.o(COMMON) } }' > cs2.ld
for opt in -r "-r -d" ""; do
	for sc in cs.ld cs2.ld; do
		# shellcheck disable=SC2086
		link_both $opt -e 0 -T $sc cs1.o cs2.o
		compare_outputs
	done
done

# --gc-sections in a shared object keeps an exported common symbol; with no *(COMMON) in the
# script, GNU ld makes a .bss for commons after the script's last section
cat > gcc1.s <<'EOF'
	.text
	.globl _start
_start:	ret
	.comm cmx,4,8
	.section .fini_array,"aw"
	.quad 0
	.data
	.long 1
	.section .rodata,"a"
	.long 2
EOF
as_obj gcc1.o gcc1.s
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } .other : { KEEP(*(.fini_array)) } .ro : { KEEP(*(.rodata)) } }' > gcc.ld
for opt in "" --gc-sections; do
	# shellcheck disable=SC2086
	link_both -shared -Bsymbolic $opt -T gcc.ld gcc1.o
	compare_outputs
done
# a .bss holding only data is NOBITS made PROGBITS, which bfd's ELF writer warns about, unless
# an input comes first to clear its type: the COMMON section does (it joins .bss whatever its
# flags), an orphan .bss of other flags gets a section of its own
as_obj tc.o <<'E'
	.text
	.globl _start
_start: ret
	.comm cc,4,4
E
as_obj tb.o <<'E'
	.text
	.globl _start
_start: ret
	.bss
	.zero 8
E
echo 'SECTIONS { .text : { *(.text) } .bss : { QUAD(0) } }' > qb.ld
for o in tc.o tb.o; do
	link_both -T qb.ld $o --orphan-handling=warn
	compare_outputs
	compare_warnings
done
# commons no *(COMMON) takes are given to .bss by GNU ld itself: not orphans, so
# --orphan-handling neither reports nor discards them
echo 'SECTIONS { .text : { *(.text) } }' > nb.ld
link_both -T nb.ld tc.o --orphan-handling=discard
compare_outputs
compare_warnings
expect_fail_both "unplaced orphan section \`.data' from \`tc.o'" -T nb.ld tc.o --orphan-handling=error
if grep -q COMMON "$WORK/fail.stderr"; then fail "slink reports COMMON as an orphan"; fi
# a COMMON section is no ELF section: an output section it came first in has no ELF type to
# bfd, so an orphan of the same name (NOBITS) does not join it but gets a section of its own
as_obj cz.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.comm cm,8,8
	.section .bss.z,"aw",@nobits
	.zero 16
EOF2
echo 'SECTIONS { .text : { *(.text) } .data : { LONG(1) } .bss.z : { *(COMMON) } }' > cz.ld
link_both -T cz.ld cz.o --no-warn-rwx-segments
compare_outputs
# --sort-common: commons allocated by alignment, largest first (or smallest first with
# =ascending), 16 and more as one group (GNU ld's lang_common)
as_obj sc.o <<'EOF2'
	.globl _start
_start:	ret
	.comm	c1, 1, 1
	.comm	c4, 4, 4
	.comm	c2, 2, 2
	.comm	c32, 8, 32
	.comm	c8, 8, 8
	.comm	c16, 16, 16
	.comm	c1b, 3, 1
EOF2
for o in --sort-common --sort-common=descending --sort-common=ascending; do
	link_both $o sc.o
	compare_outputs
done
