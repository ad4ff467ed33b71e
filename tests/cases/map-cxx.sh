# C++ symbols in the map and the cross reference table are demangled as GNU ld prints them
# (and sorted by their demangled names), unless --no-demangle.
need_cmd g++
cat > a.cc <<'EOF2'
namespace ns { int counter; int add(int a, int b) { return a + b + counter; } }
template <typename T> T twice(T x) { return x + x; }
extern "C" void _start() { ns::counter = twice(3) + ns::add(1, 2); for (;;) {} }
static const char msg[] = "hello";
const char *get() { return msg; }
int zeta;
EOF2
g++ -O1 -fno-exceptions -fno-asynchronous-unwind-tables -c a.cc -o a.o || fail "g++ failed"
cat > t.ld <<'EOF2'
SECTIONS {
  . = 0x400000;
  .text : { *(.text .text.*) }
  .rodata : { *(.rodata .rodata.*) }
  .data : { *(.data .data.*) }
  .bss : { *(.bss .bss.*) *(COMMON) }
  /DISCARD/ : { *(.comment) *(.note.GNU-stack) }
}
EOF2
ld.bfd -T t.ld a.o -Map=bfd.map --cref -o bfd.out || fail "ld.bfd failed"
link_slink -T t.ld a.o -Map=slink.map --cref
python3 "$TESTS/lib/mapcmp.py" bfd.map slink.map || fail "the maps differ"
expect_grep '^ +0x[0-9a-f]+ +ns::add\(int, int\)$' slink.map
ld.bfd -T t.ld a.o -Map=bfd2.map --cref --no-demangle -o bfd2.out || fail "ld.bfd failed"
link_slink -T t.ld a.o -Map=slink2.map --cref --no-demangle
python3 "$TESTS/lib/mapcmp.py" bfd2.map slink2.map || fail "the --no-demangle maps differ"
expect_grep '^ +0x[0-9a-f]+ +_ZN2ns3addEii$' slink2.map
