# --emit-relocs: a final link that keeps each output section's relocations in .rela.X / .rel.X
# (numbered right after X, placed after .strtab), at final addresses, against the output's
# symbols (section symbols for every output section come first in .symtab), with addends moved
# for merged strings and edited .eh_frame; x86-64 (C++ with COMDAT and -g, run) and i386
# (a realmode.elf-like script, REL).
need_cmd g++
cat > h.h <<'EOF'
struct S { int v; S(int x) : v(x) {} int get() const { return v * 2; } };
template <class T> T twice(T x) { static T last; last = x; return x + x; }
EOF
cat > a.cc <<'EOF'
#include "h.h"
int fa(int x) { S s(x); return s.get() + twice(x); }
EOF
cat > b.cc <<'EOF'
#include "h.h"
int fb(int x) { S s(x + 1); return s.get() + twice(x) + (int)twice(1.0); }
EOF
cat > m.cc <<'EOF'
#include "h.h"
int fa(int); int fb(int);
static const char *msgs[] = {"hello", "world", "hello world"};
extern "C" int cmain() { return (fa(3) + fb(4) + twice(5) + msgs[2][6]) & 63; }
EOF
for f in a b m; do
	g++ -g -O2 -fno-inline -ffreestanding -fno-exceptions -fno-rtti -fno-pic -fno-stack-protector -c $f.cc -o $f.o ||
		fail "g++ failed"
done
as_obj start.o <<'EOF'
	.globl _start
_start:	andq	$-16, %rsp
	call	cmain
	movl	%eax, %edi
	movl	$60, %eax
	syscall
	.section .note.GNU-stack,"",@progbits
EOF
for extra in "" --discard-none; do
	# shellcheck disable=SC2086
	link_both --emit-relocs $extra -e _start start.o m.o a.o b.o
	python3 "$TESTS/lib/relcmp.py" bfd.out slink.out >&2 || fail "--emit-relocs $extra: output differs from ld.bfd's"
	compare_outputs
	run_both
	readelf -SW slink.out | grep -q '\.rela\.text .* I ' || fail "no .rela.text"
done

# i386, as the kernel's realmode.elf: -m elf_i386 --emit-relocs -T script, 16- and 32-bit code
cat > rm.lds <<'EOF'
OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(pa_text_start)
SECTIONS
{
	real_mode_seg = 0;
	. = 0;
	.header : { pa_real_mode_base = .; *(.header) }
	. = ALIGN(4);
	.rodata : { *(.rodata) *(.rodata.*) }
	. = ALIGN(4096);
	pa_text_start = .;
	.text : { *(.text) *(.text.*) }
	.text32 : { *(.text32) *(.text32.*) }
	.data : { *(.data) *(.data.*) }
	.bss : { *(.bss*) }
	.comment 0 : { *(.comment) }
	/DISCARD/ : { *(.note*) *(.debug*) }
	. = ALIGN(16);
	pa_end = .;
}
EOF
as_obj h.o --32 <<'EOF'
	.section .header,"a"
	.globl real_mode_header
real_mode_header:
	.long	pa_text_start
	.long	tramp
	.long	data_word
	.text
	.code16
	.globl tramp
tramp:	movw	$data_word, %ax
	call	helper
	ljmpl	$0x10, $pa_startup_32
	.section .text32,"ax"
	.code32
	.globl pa_startup_32
pa_startup_32:
	movl	$data_word, %eax
	movl	local_tab(,%eax,4), %ebx
	jmp	helper32
	.data
data_word: .long 0x1234
local_tab: .long tramp, pa_startup_32, 0
	.section .note.GNU-stack,"",@progbits
EOF
cc_obj c.o -m32 -O2 -ffreestanding -fno-pic -fno-asynchronous-unwind-tables <<'EOF'
static const char msg[] = "hi there";
const char *volatile msgp = msg;
int counter;
void helper(void) { counter += msgp[1]; }
void helper32(void) { counter += 2; }
EOF
link_both -m elf_x86_64 -z noexecstack -m elf_i386 --emit-relocs -T rm.lds h.o c.o
python3 "$TESTS/lib/relcmp.py" bfd.out slink.out >&2 || fail "i386 --emit-relocs: output differs from ld.bfd's"
compare_outputs
readelf -SW slink.out | grep -q '\.rel\.text32 .* I ' || fail "no .rel.text32"
