# LD_FEATURE("SANE_EXPR"): numbers and absolute symbols outside output sections stay plain
# numbers, so arithmetic on a section-relative symbol keeps its section (GNU ld's
# ld-scripts/sane1); an unknown feature is an error.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	.long 1
	.data
	.long 2
EOF2
cat > sane.ld <<'EOF2'
LD_FEATURE("SANE_EXPR")
e1 = 0x100;
e2 = 0x80;
e3 = e1 * e2;
SECTIONS
{
  . = e3;
  .data :
  {
    d1 = 4;
    . += d1 + 5 << 2;
    d2 = .;
    s_diff = d2 - d1;
    s_sum = d2 + d1;
    s2 = d2 % 5;
    s4 = ABSOLUTE (d1) - 2;
    *(.data)
  }
  .text : { *(.text) }
  diff = d2 - d1;
  sum = d2 + d1;
  prod = d2 * d1;
  x1 = d1 - 2;
  x2 = d2 % 5;
  x3 = d2 / 5;
  x4 = ABSOLUTE (d1) - 2;
  x5 = ABSOLUTE (d2) % 5;
  n1 = 0x10;
  n2 = e1 + 1;
}
EOF2
link_both -T sane.ld a.o
compare_outputs
# the same script without the feature: GNU ld's usual rules
sed 1d sane.ld > plain.ld
link_both -T plain.ld a.o
compare_outputs
printf 'LD_FEATURE("NO_SUCH")\nSECTIONS { .text : { *(.text) } }\n' > bad.ld
expect_fail_both "unknown feature .NO_SUCH'" -T bad.ld a.o
