# The kernel's arch/x86/kernel/vmlinux.lds.S (Linux 6.1, Debian's linux-source-6.1) preprocessed
# as kbuild does, for x86-64 and i386: it parses and executes, and on small objects gives GNU
# ld's layout (PHDRS, AT(), percpu at 0, `. = ASSERT(...)`, orphans, /DISCARD/, NOBITS sections
# made by `. +=`).  Skipped only without the linux-source package.
. "$TESTS/lib/kernel.sh"
kernel_tree

# ---- x86-64 ----
kernel_lds vmlinux.lds arch/x86/kernel/vmlinux.lds.S
cat > k.s <<'EOF2'
	.section .head.text,"ax"
	.globl startup_64
startup_64: ret
	.text
	.globl foo
foo:	call bar
	ret
	.section .text.unlikely,"ax"
bar:	ret
	.section .text..__x86.rethunk_untrain,"ax"
	.globl srso_alias_untrain_ret
srso_alias_untrain_ret: ret
	.section .rodata,"a"
	.long 1
	.data
	.long 2
	.globl jiffies_64
jiffies_64: .quad 0
	.section .data..percpu,"aw"
	.quad 3
	.section .init.text,"ax"
	.globl x86_64_start_kernel
x86_64_start_kernel: ret
	.section .init.data,"aw"
	.long 5
	.section .altinstructions,"a"
	.long 6
	.bss
	.zero 4096
	.section .bss..page_aligned,"aw",@nobits
	.zero 4096
	.section .note.myn,"a",@note
	.long 4,4,1
	.ascii "Lin\0"
	.long 0
	.section .orphan.data,"aw"
	.long 7
EOF2
FLAGS=(-m elf_x86_64 -z max-page-size=0x200000 -z noexecstack --no-warn-rwx-segments)
kernel_stub_undefined k.s k.o "${FLAGS[@]}" -T vmlinux.lds k.o
# The real script's ASSERTs fail on these objects: both linkers must say so, in the same words.
expect_fail_both 'fixed_percpu_data is not at start of per-cpu area' "${FLAGS[@]}" -T vmlinux.lds k.o
sed 's/^[^:]*: //' bfd-fail.stderr | grep -v warning | sort > bfd.msgs
grep -o 'error: .*' fail.stderr | sed 's/^error: //' | sort > slink.msgs
diff bfd.msgs slink.msgs || fail "the ASSERT messages differ"
# Without the ASSERTs, the layout
python3 - vmlinux.lds vmlinux-noassert.lds <<'PY'
import sys
s = open(sys.argv[1]).read()
out, i = [], 0
while True:
    j = s.find('ASSERT', i)
    if j < 0:
        out.append(s[i:])
        break
    k = s.rfind('.', i, j)
    st = k if k >= 0 and s[k:j].replace(' ', '').replace('\n', '') == '.=' else j
    q = s.index('(', j)
    depth = 0
    while True:
        depth += {'(': 1, ')': -1}.get(s[q], 0)
        if depth == 0:
            break
        q += 1
    e = q + 1
    if e < len(s) and s[e] == ';':
        e += 1
    out.append(s[i:st])
    i = e
open(sys.argv[2], 'w').write(''.join(out))
PY
link_both "${FLAGS[@]}" -T vmlinux-noassert.lds k.o
compare_outputs

# ---- i386 ----
kernel_lds vmlinux32.lds arch/x86/kernel/vmlinux.lds.S i386
cat > k32.s <<'EOF2'
	.section .head.text,"ax"
	.globl startup_32
startup_32: ret
	.text
	.globl foo
foo:	ret
	.section .rodata,"a"
	.long 1
	.data
	.globl jiffies_64
jiffies_64: .quad 0
	.section .data..percpu,"aw"
	.long 3
	.section .init.text,"ax"
	.byte 0x90
	.bss
	.zero 4096
	.globl kexec_control_code_size
	.set kexec_control_code_size, 16
EOF2
FLAGS32=(-m elf_i386 -z noexecstack --no-warn-rwx-segments)
KSTUB_AS_FLAGS=--32 kernel_stub_undefined k32.s k32.o "${FLAGS32[@]}" -T vmlinux32.lds k32.o
link_both "${FLAGS32[@]}" -T vmlinux32.lds k32.o
compare_outputs
