# MEMORY origins and lengths that name symbols: GNU ld folds them once, after the inputs are
# open, with what the first fold of the assignments gave (a PROVIDE the region asks for, a
# --defsym before the script, a plain assignment anywhere), an object's symbol as its offset
# in its section, an earlier region's ORIGIN; a symbol with no value there leaves the region
# at 0 with GNU ld's message, and the link goes on.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.space 15
	.globl objsym
objsym:	nop
	.data
	.long 1
	.globl abssym
	.set abssym, 0x5000
EOF2
for origin in mem_origin objsym abssym later 'ORIGIN(OTHER) + 0x10' provided 'ORIGIN(ALIAS) + 1' \
	      undef_sym 'ADDR(.text)' viaprov; do
	cat > mem.ld <<EOF2
PROVIDE (provided = 0x7000);
PROVIDE (viaprov = provided + 0x10);
PROVIDE (mem_length = 0x2000);
mem_origin = 0x100;
MEMORY { OTHER : ORIGIN = 0x9000, LENGTH = 0x100
         FOO : ORIGIN = $origin, LENGTH = mem_length }
REGION_ALIAS("ALIAS", OTHER);
SECTIONS { .text : { *(.text) } >FOO  .data : { *(.data) } >FOO
           foo_len = LENGTH(FOO); }
later = 0x3000;
EOF2
	link_both -T mem.ld a.o
	compare_outputs
	compare_warnings
done
# a --defsym given before the script stops its PROVIDE; given after, the PROVIDE stands
cat > prov.ld <<'EOF2'
PROVIDE (mem_origin = 0x100);
PROVIDE (mem_length = 0x200);
MEMORY { FOO : ORIGIN = mem_origin, LENGTH = mem_length }
SECTIONS { .text : { *(.text) } >FOO  .data : { *(.data) } >FOO }
EOF2
link_both --defsym=mem_origin=0x300 -T prov.ld a.o
compare_outputs
link_both --defsym=mem_length=0x400 -T prov.ld a.o
compare_outputs
link_both -T prov.ld --defsym=mem_origin=0x300 a.o
compare_outputs
