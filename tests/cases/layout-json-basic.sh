# --layout-json: the layout's invariants (tests/lib/layoutcheck.py: every input section once,
# sizes add up with padding), the rule that placed each section (script file and line, or
# orphan), discard reasons, and which reference pulled each archive member.
as_obj main.o <<'EOF2'
	.globl _start
_start:	call	f1
	call	inl
	movl	v3(%rip), %edi
	.comm cbuf,64,16
	.section .rodata
	.string "hi"
	.section .comment,"",@progbits
	.string "c"
	.section .myorphan,"aw"
	.long 7
	.section .text.inl,"axG",@progbits,inl,comdat
	.weak inl
inl:	ret
EOF2
as_obj f1.o <<'EOF2'
	.globl f1
f1:	call	f2
	ret
	.section .text.f1,"ax"
	.p2align 4
	.globl f1_aligned
f1_aligned:
	ret
	.section .text.inl,"axG",@progbits,inl,comdat
	.weak inl
inl:	ret
	.section .excl,"e"
	.long 2
EOF2
as_obj f2.o <<'EOF2'
	.globl f2
f2:	ret
	.data
	.globl v3
v3:	.long 5
EOF2
make_archive libx.a f2.o f1.o
cat > t.ld <<'EOF2'
ENTRY(_start)
SECTIONS {
  . = 0x10000;
  .text : {
    *(.text)
    *(.text.*)
  }
  .rodata : { *(.rodata) LONG(0x1234) . = . + 3; BYTE(1) }
  .data : { *(.data) }
  .bss : { *(.bss) *(COMMON) }
  /DISCARD/ : { *(.comment) }
}
EOF2
link_slink -T t.ld main.o libx.a --layout-json=layout.json
python3 "$TESTS/lib/layoutcheck.py" layout.json main.o || fail "layout.json breaks its invariants"
python3 - <<'EOF2' || fail "layout.json content is wrong"
import json, sys
d = json.load(open('layout.json'))
files = {f['name']: f for f in d['files']}
fid = {f['name']: f['id'] for f in d['files']}
isec = lambda name, file: [s for s in d['input_sections'] if s['name'] == name and s['file'] == fid[file]]
bad = []
t = isec('.text', 'main.o')[0]
if t['rule'] != {'kind': 'script', 'file': 't.ld', 'line': 5, 'col': 5, 'pattern': '*(.text)', 'keep': False}:
    bad.append('rule of main.o(.text): %r' % t['rule'])
a = isec('.text.f1', 'libx.a(f1.o)')[0]
if a['rule']['line'] != 6 or a['align'] != 16 or a['padding_before'] == 0:
    bad.append('.text.f1: %r' % a)
o = isec('.myorphan', 'main.o')[0]
if o['rule']['kind'] != 'orphan' or o['rule']['placement'] != 'new-section':
    bad.append('.myorphan: %r' % o['rule'])
c = isec('COMMON', 'main.o')[0]
if d['output_sections'][c['output']]['name'] != '.bss' or c['size'] != 64:
    bad.append('COMMON: %r' % c)
reasons = {(d['files'][x['file']]['name'], x['name']): x for x in d['discarded']}
if reasons.get(('main.o', '.comment'), {}).get('reason') != '/DISCARD/' or reasons[('main.o', '.comment')]['rule']['line'] != 11:
    bad.append('.comment: %r' % reasons.get(('main.o', '.comment')))
if reasons.get(('libx.a(f1.o)', '.text.inl'), {}).get('reason') != 'comdat':
    bad.append('.text.inl: %r' % reasons.get(('libx.a(f1.o)', '.text.inl')))
if reasons.get(('libx.a(f1.o)', '.excl'), {}).get('reason') != 'SHF_EXCLUDE':
    bad.append('.excl: %r' % reasons.get(('libx.a(f1.o)', '.excl')))
by = files['libx.a(f1.o)']['extracted_by']
if by != {'symbol': 'f1', 'file': fid['main.o'], 'file_name': 'main.o'}:
    bad.append('f1.o extracted_by %r' % by)
if files['libx.a(f2.o)']['extracted_by']['symbol'] not in ('f2', 'v3'):
    bad.append('f2.o extracted_by %r' % files['libx.a(f2.o)']['extracted_by'])
syms = {s['name']: s for s in d['symbols']}
s = syms.get('f1_aligned')
if not s or d['input_sections'][s['section']]['name'] != '.text.f1' or s['value'] != a['vma']:
    bad.append('f1_aligned: %r' % s)
ro = [o for o in d['output_sections'] if o['name'] == '.rodata'][0]
if [x['size'] for x in ro['data']] != [4, 1] or ro['data'][1]['padding_before'] != 3:
    bad.append('.rodata data: %r' % ro['data'])
text = [o for o in d['output_sections'] if o['name'] == '.text'][0]
if text['script'] != {'file': 't.ld', 'line': 4, 'col': 3} or d['segments'][text['segment']]['type'] != 'LOAD':
    bad.append('.text: %r' % {k: text[k] for k in ('script', 'segment')})
print('\n'.join(bad))
sys.exit(1 if bad else 0)
EOF2
