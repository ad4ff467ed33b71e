# DEFINED of a symbol an object defines stays true once a script assignment takes it over
# (bfd's by_object), also when the script's first fold defined it before the object was read
# (the object's definition replaces that one: ldscript_def); a common symbol a plain
# assignment sets is the script's before commons are allocated, so no .bss is made for it.
# The cases of GNU ld's own ld-scripts/defined3 and defined6 tests.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	.long 1
	.data
	.long 2
EOF2
as_obj def.o <<'EOF2'
	.globl	defined
	defined == 1
	.globl undef
	.comm common,1
	.weak weak
	weak == 2
	.weak undefweak
	.data
	.dc.a undefweak
EOF2
cat > d3.ld <<'EOF2'
defined4 = DEFINED (sym1) ? 1 : 0;
sym1 = 42;
defined3 = DEFINED (defined1) ? defined1 + 1 : 256;
defined1 = DEFINED (defined1) ? defined1 + 1 : 512;
defined2 = DEFINED (defined1) ? defined1 + 1 : 1024;
defined5 = DEFINED (sym1) ? sym1 : 0;
defined = DEFINED (defined) ? defined : 42;
EOF2
cat > d6.ld <<'EOF2'
SECTIONS
{
  . = SIZEOF_HEADERS;
  .text : { *(.text) }
  .data : { *(.data) }
  .bss  : { *(.bss) *(COMMON) }
}
defined_pre = DEFINED (defined);
defined = 1;
defined_post = DEFINED (defined);
undef_pre = DEFINED (undef);
undef = 1;
undef_post = DEFINED (undef);
common_pre = DEFINED (common);
common = 1;
common_post = DEFINED (common);
weak_pre = DEFINED (weak);
weak = 1;
weak_post = DEFINED (weak);
undefweak_pre = DEFINED (undefweak);
undefweak = 1;
undefweak_post = DEFINED (undefweak);
EOF2
link_both -T d3.ld a.o def.o
compare_outputs
# the script before the objects, and after them
link_both -T d6.ld a.o def.o
compare_outputs
link_both a.o def.o -T d6.ld
compare_outputs
# a --defsym of a common symbol takes it too; a PROVIDE leaves it common (allocated)
link_both --defsym common=5 a.o def.o
compare_outputs
printf 'PROVIDE (common = 7);\n' > prov.ld
link_both a.o def.o prov.ld
compare_outputs
