# Malformed .eh_frame input: GNU ld reports it and keeps the section unedited (and writes
# .eh_frame_hdr without its table); slink does the same, naming the file and the offset of
# the bad entry, and never crashes.  Good sections of other files are still edited.
as_obj good.o <<'EOF2'
	.text
	.globl	_start
	.type	_start,@function
_start:
	.cfi_startproc
	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.cfi_endproc
	.data
	.quad	1
	.section .note.GNU-stack,"",@progbits
EOF2
# a CIE whose length runs past the end of the section
as_obj trunc.o <<'EOF2'
	.text
f1:	ret
	.section .eh_frame,"a",@progbits
	.long	0x40
	.long	0
	.byte	1
	.string	"zR"
	.byte	0, 0, 0, 0
	.section .note.GNU-stack,"",@progbits
EOF2
# an FDE whose CIE pointer points nowhere
as_obj badptr.o <<'EOF2'
	.text
f2:	ret
	.section .eh_frame,"a",@progbits
	.long	0x14
	.long	0
	.byte	1
	.string	"zR"
	.uleb128 1
	.sleb128 -8
	.uleb128 16
	.uleb128 1
	.byte	0x1b
	.byte	0x0c, 7, 8
	.byte	0x90, 1
	.byte	0, 0
	.long	0x14
	.long	0x99
	.long	f2-.
	.long	1
	.uleb128 0
	.byte	0, 0, 0, 0, 0, 0, 0
	.section .note.GNU-stack,"",@progbits
EOF2
# an unknown call frame instruction in an FDE
as_obj badop.o <<'EOF2'
	.text
f3:	ret
	.section .eh_frame,"a",@progbits
	.long	0x14
	.long	0
	.byte	1
	.string	"zR"
	.uleb128 1
	.sleb128 -8
	.uleb128 16
	.uleb128 1
	.byte	0x1b
	.byte	0x0c, 7, 8
	.byte	0x90, 1
	.byte	0, 0
	.long	0x14
	.long	0x1c
	.long	f3-.
	.long	1
	.uleb128 0
	.byte	0x3f, 0, 0, 0, 0, 0, 0
	.section .note.GNU-stack,"",@progbits
EOF2
for bad in trunc badptr badop; do
	link_both --eh-frame-hdr good.o $bad.o
	expect_grep 'error in .*'$bad'\.o\(\.eh_frame\)' bfd.stderr
	expect_grep $bad'\.o\(\.eh_frame\) at offset 0x' slink.stderr
	compare_outputs
	link_both $bad.o good.o
	compare_outputs
	run_both
done
