#!/usr/bin/env python3
"""scriptgen: seeded generator of linker-script link cases for differential fuzzing.

  python3 tests/fuzz/scriptgen.py SEED OUTDIR

writes into OUTDIR (created if needed):
  a.s [b.s]        assembly inputs (assemble with `as --64`, or `as --32` when args has elf_i386)
  script.ld        the main linker script (absent when the case links with the default script)
  insert.ld        a second script with INSERT AFTER/BEFORE (some cases only)
  nogot.ld         script.ld plus a /DISCARD/ of GNU ld's always-created empty dynamic
                   sections (.got, .got.plt, .iplt, ...), to recognise the known gap
  args             the link arguments, one per line (inputs are a.o [b.o]; no -o)
  as-flags         `--64` or `--32`

Seeds from 20000 on also draw on a wider language (TLS, array and .ctors sections, commons,
an archive with `archive:member' patterns, INPUT_SECTION_FLAGS, REGION_ALIAS,
DATA_SEGMENT_ALIGN/RELRO_END/END, CREATE_OBJECT_SYMBOLS, BLOCK, -pie, -shared -Bsymbolic,
-z relro, --orphan-handling); smaller seeds give the cases they always gave.  With an archive
the case also has a file `ar' naming the members of lib.a.

Only the standard library is used; the same SEED always gives the same case.  The driver is
tests/fuzz/script-diff.sh (see there).
"""

import os
import random
import sys


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.v2 = seed >= 20000

    # ---- helpers -------------------------------------------------------------------------
    def ch(self, *xs):
        return self.r.choice(xs)

    def p(self, prob):
        return self.r.random() < prob

    def num(self, small=False):
        if small:
            return self.r.choice([0, 1, 2, 3, 4, 8, 0x10, 0x20, 0x40, 0x100])
        return self.r.choice([0, 1, 4, 8, 0x10, 0x40, 0x100, 0x1000, 0x2000, 0x10000])

    def hexn(self, v):
        return self.ch('0x%x' % v, '%d' % v) if v < 1024 else '0x%x' % v

    def pow2(self, lo=0, hi=12):
        return 1 << self.r.randint(lo, hi)

    # ---- inputs ---------------------------------------------------------------------------
    # (name, section directive flags/type, kind)
    SECTION_POOL = [
        ('.text', None, 'x'),
        ('.text.foo', '"ax",@progbits', 'x'),
        ('.text.bar', '"ax",@progbits', 'x'),
        ('.text.unlikely.z', '"ax",@progbits', 'x'),
        ('.init', '"ax",@progbits', 'x'),
        ('.mycode', '"ax",@progbits', 'x'),
        ('.rodata', '"a",@progbits', 'r'),
        ('.rodata.a', '"a",@progbits', 'r'),
        ('.rodata.b', '"a",@progbits', 'r'),
        ('.rodata.str1.1', '"aMS",@progbits,1', 's'),
        ('.rodata.cst8', '"aM",@progbits,8', 'm'),
        ('.myro', '"a",@progbits', 'r'),
        ('myro_c', '"a",@progbits', 'r'),
        ('.data', None, 'w'),
        ('.data.x', '"aw",@progbits', 'w'),
        ('.data.y', '"aw",@progbits', 'w'),
        ('.data.rel.ro', '"aw",@progbits', 'w'),
        ('.mydata', '"aw",@progbits', 'w'),
        ('mydata_c', '"aw",@progbits', 'w'),
        ('.init_array', '"aw",@init_array', 'w'),
        ('.bss', None, 'b'),
        ('.bss.z', '"aw",@nobits', 'b'),
        ('.mybss', '"aw",@nobits', 'b'),
        ('.note.my', '"a",@note', 'n'),
        ('.mynonalloc', '"",@progbits', 'u'),
        ('.comment.my', '"MS",@progbits,1', 'u'),
    ]

    # seeds >= 20000 only ('T': TLS, never the target of a reference)
    SECTION_POOL_V2 = [
        ('.tdata', '"awT",@progbits', 'T'),
        ('.tbss', '"awT",@nobits', 'T'),
        ('.fini_array', '"aw",@fini_array', 'w'),
        ('.preinit_array', '"aw",@preinit_array', 'w'),
        ('.ctors.00100', '"aw",@progbits', 'w'),
        ('.text.hot.h', '"ax",@progbits', 'x'),
        ('.data.rel.ro.local', '"aw",@progbits', 'w'),
        ('.gnu.linkonce.r.x', '"a",@progbits', 'r'),
    ]

    def kind_of(self, name):
        return next(k for n, f, k in self.pool if n == name)

    def gen_inputs(self):
        nfiles = 2 if self.p(0.4) else 1
        pool = list(self.SECTION_POOL)
        if self.v2:
            pool += self.SECTION_POOL_V2
        self.pool = pool
        files = []
        for fi in range(nfiles):
            k = self.r.randint(3, 9)
            secs = self.r.sample(pool, k)
            if fi == 0 and not any(s[0] == '.text' for s in secs):
                secs.insert(0, pool[0])
            files.append(secs)
        self.files = files
        self.in_sections = sorted({s[0] for f in files for s in f})
        # global symbols defined per section: name -> section
        self.syms = {}
        self.sym_kind = {}
        for fi, secs in enumerate(files):
            for si, (name, _, kind) in enumerate(secs):
                sname = 'f%d_%s' % (fi, name.strip('.').replace('.', '_'))
                self.syms[sname] = name
                self.sym_kind[sname] = kind

    def asm_file(self, fi, script_syms):
        secs = self.files[fi]
        out = []
        allsyms = [x for x in self.syms if self.sym_kind[x] != 'T']
        i386 = self.i386
        for name, flags, kind in secs:
            if flags is None:
                out.append('\t%s' % name)
            else:
                out.append('\t.section %s,%s' % (name, flags))
            if kind == 's':
                al = 1
            elif kind == 'm':
                al = 8
            elif kind == 'T':
                al = 4
            else:
                al = self.pow2(0, 6) if self.p(0.7) else 1
            if self.p(0.6) and kind not in 's':
                out.append('\t.%s %d' % (self.ch('balign', 'p2align'), al) if True else '')
                if out[-1].startswith('\t.p2align'):
                    out[-1] = '\t.p2align %d' % (al.bit_length() - 1)
            sname = 'f%d_%s' % (fi, name.strip('.').replace('.', '_'))
            out.append('\t.globl %s' % sname)
            if kind == 'x':
                out.append('\t.type %s,@function' % sname)
            out.append('%s:' % sname)
            if fi == 0 and name == '.text':
                out.append('\t.globl _start')
                out.append('_start:')
            n = self.r.randint(1, 4)
            for _ in range(n):
                if kind == 'x':
                    t = self.r.randint(0, 3)
                    tgt = self.r.choice(allsyms)
                    if t == 0 and self.sym_kind[tgt] == 'x':
                        out.append('\tcall %s' % tgt)
                    elif t == 1 and not i386:
                        out.append('\tlea %s(%%rip), %%rax' % tgt)
                    elif t == 2 and script_syms:
                        if getattr(self, 'pic', False):
                            out.append('\tlea %s(%%rip), %%rax' % self.r.choice(script_syms))
                        else:
                            out.append('\tmov $%s, %%eax' % self.r.choice(script_syms))
                    else:
                        out.append('\tnop\n\tret')
                elif kind == 'b' or (kind == 'T' and 'bss' in name):
                    out.append('\t.zero %d' % self.ch(1, 4, 8, 16, 100, 0x1000))
                elif kind == 'T':
                    out.append('\t.long %d' % self.r.randint(0, 99))
                elif kind == 's':
                    out.append('\t.asciz "%s"' % self.ch('hello', 'lo', 'world', 'o', ''))
                elif kind == 'm':
                    out.append('\t.quad %d' % self.ch(1, 2, 3, 1))
                elif kind == 'n':
                    out.append('\t.long 4, 4, 1\n\t.asciz "GNU"\n\t.long %d' % self.r.randint(0, 9))
                    break
                else:
                    t = self.r.randint(0, 4)
                    if t == 0:
                        out.append('\t.byte %d' % self.r.randint(0, 255))
                    elif t == 1 and kind != 'u':
                        tgt = self.r.choice(allsyms)
                        wide = 'quad' if getattr(self, 'pic', False) else self.ch('quad', 'long')
                        out.append('\t.%s %s' % ('long' if i386 else wide, tgt))
                    elif t == 2 and script_syms and kind != 'u':
                        out.append('\t.%s %s' % ('long' if i386 else 'quad',
                                                 self.r.choice(script_syms)))
                    else:
                        out.append('\t.long 0x%x' % self.r.randint(0, 0xffffffff))
        if self.v2 and self.p(0.3):
            out.append('\t.comm cm%d_%d,%d,%d' % (fi, self.seed % 7, self.ch(4, 8, 100),
                                                  self.ch(4, 8, 32)))
        if self.p(0.9):
            out.append('\t.section .note.GNU-stack,"",@progbits')
        return '\n'.join(out) + '\n'

    # ---- expressions ----------------------------------------------------------------------
    def sec_ref(self):
        if self.out_names and self.p(0.9):
            return self.r.choice(self.out_names)
        return self.r.choice(self.in_sections) if self.in_sections else '.text'

    def expr(self, depth=0, ctx='sym'):
        """An expression.  ctx 'sym' for symbol values, 'addr' for addresses."""
        r = self.r
        if depth > 2 or self.p(0.35):
            t = r.randint(0, 6)
            if t == 0:
                return self.hexn(self.num())
            if t == 1:
                return '.' if self.dot_ok else self.hexn(self.num())
            if t == 2 and self.defined_syms:
                return r.choice(self.defined_syms)
            if t == 3:
                return 'SIZEOF_HEADERS'
            if t == 4:
                return 'CONSTANT(%s)' % self.ch('MAXPAGESIZE', 'COMMONPAGESIZE')
            if t == 5 and self.regions:
                return '%s(%s)' % (self.ch('ORIGIN', 'LENGTH'), r.choice(self.regions))
            return self.hexn(self.num(True))
        t = r.randint(0, 17)
        e = lambda: self.expr(depth + 1, ctx)
        if t == 0:
            return '%s %s %s' % (e(), self.ch('+', '-', '|', '&', '*', '<<', '>>'), e()) \
                if ctx == 'sym' else '%s + %s' % (e(), e())
        if t == 1:
            return '(%s)' % e()
        if t == 2:
            if self.v2 and self.p(0.2):
                return 'BLOCK(%s)' % self.hexn(self.pow2(0, 12))
            return 'ALIGN(%s)' % self.hexn(self.pow2(0, 12))
        if t == 3:
            return 'ALIGN(%s, %s)' % (e(), self.hexn(self.pow2(0, 12)))
        if t == 4:
            return '%s(%s)' % (self.ch('ADDR', 'LOADADDR', 'SIZEOF', 'ALIGNOF'), self.sec_ref())
        if t == 5:
            s = self.r.choice(self.defined_syms + ['undefined_sym', '_start'])
            return 'DEFINED(%s) ? %s : %s' % (s, e(), e())
        if t == 6:
            return '%s(%s, %s)' % (self.ch('MAX', 'MIN'), e(), e())
        if t == 7:
            return 'LOG2CEIL(%s)' % e()
        if t == 8:
            return 'ABSOLUTE(%s)' % e()
        if t == 9:
            return 'NEXT(%s)' % self.hexn(self.pow2(0, 12))
        if t == 10:
            return 'SEGMENT_START("%s", %s)' % (self.ch('text-segment', 'data-segment', 'bss'),
                                               self.hexn(self.num()))
        if t == 11:
            return '%s %s %s ? %s : %s' % (e(), self.ch('<', '>', '==', '!=', '<=', '>='), e(),
                                           e(), e())
        if t == 12:
            return '%s / %s' % (e(), self.hexn(self.pow2(0, 4)))
        if t == 13:
            return '%s %% %s' % (e(), self.hexn(self.pow2(1, 8)))
        if t == 14:
            return '~%s' % e() if ctx == 'sym' else e()
        if t == 15:
            return '-%s' % e() if ctx == 'sym' else e()
        if t == 16:
            return '%s && %s' % (e(), e()) if ctx == 'sym' else e()
        return 'ABSOLUTE(.)' if self.dot_ok else self.hexn(self.num())

    def new_sym(self):
        self.nsym += 1
        s = 'sym%d' % self.nsym
        return s

    def assignment(self, inside):
        """A symbol assignment statement."""
        s = self.new_sym()
        if self.p(0.5):
            v = '.' if self.dot_ok and self.p(0.6) else self.expr(1)
        else:
            v = self.expr()
        kind = self.r.randint(0, 9)
        if kind <= 4:
            st = '%s = %s;' % (s, v)
        elif kind == 5:
            st = 'PROVIDE(%s = %s);' % (s, v)
        elif kind == 6:
            st = 'PROVIDE_HIDDEN(%s = %s);' % (s, v)
        elif kind == 7:
            st = 'HIDDEN(%s = %s);' % (s, v)
        elif kind == 8:
            st = '%s = %s;\n%s %s %s;' % (s, v, s, self.ch('+=', '-=', '|=', '&=', '<<=', '*='),
                                          self.hexn(self.num(True)))
        else:
            # a PROVIDE of a symbol the inputs define (not overridden)
            if self.syms and self.p(0.5):
                s2 = self.r.choice(list(self.syms))
                return 'PROVIDE(%s = %s);' % (s2, v)
            st = '%s = %s;' % (s, v)
        self.defined_syms.append(s)
        return st

    def dot_move(self, inside):
        t = self.r.randint(0, 6)
        if t == 0:
            return '. = ALIGN(%s);' % self.hexn(self.pow2(0, 12))
        if t == 1:
            return '. += %s;' % self.hexn(self.num(True))
        if t == 2:
            return '. = . + %s;' % self.hexn(self.num(True))
        if t == 3:
            return '. = ALIGN(., %s);' % self.hexn(self.pow2(0, 8))
        if t == 4 and not inside:
            return '. = %s;' % self.hexn(self.addr())
        if t == 5:
            return '. = MAX(., %s);' % ('.' if inside else self.hexn(self.addr()))
        return '. = ALIGN(CONSTANT(MAXPAGESIZE)) + (. & (CONSTANT(MAXPAGESIZE) - 1));' \
            if not inside else '. = ALIGN(8);'

    def addr(self):
        self.cur_addr += self.r.choice([0x100, 0x1000, 0x10000, 0x800])
        return self.cur_addr

    # ---- input section descriptions -----------------------------------------------------
    def patterns_for(self, names):
        pats = []
        for n in names:
            if self.p(0.25) and '.' in n[1:]:
                pats.append(n[:n.rindex('.')] + '.*')
            elif self.p(0.15):
                pats.append(n + '*')
            else:
                pats.append(n)
        return pats

    def isd(self, names):
        pats = ' '.join(self.patterns_for(names))
        t = self.r.randint(0, 14)
        fil = '*'
        if len(self.files) > 1 and self.p(0.2):
            fil = self.ch('a.o', 'b.o', '*a.o', '[ab].o')
            if self.archive and self.p(0.6):
                fil = self.ch('lib.a:b.o', '*lib.a:', 'lib.a:*', ':a.o', '*:b.o', 'lib.a:')
        if self.v2 and self.p(0.06):
            fil = 'INPUT_SECTION_FLAGS(%s) %s' % (self.ch('SHF_WRITE', '!SHF_WRITE',
                                                         'SHF_ALLOC & !SHF_EXECINSTR',
                                                         'SHF_EXECINSTR', '!SHF_ALLOC',
                                                         'SHF_TLS', 'SHF_MERGE & SHF_STRINGS'),
                                                 fil)
        if t == 0:
            return 'KEEP(%s(%s))' % (fil, pats)
        if t == 1:
            srt = self.ch('SORT', 'SORT_BY_NAME', 'SORT_BY_ALIGNMENT', 'SORT_NONE',
                          'SORT_BY_INIT_PRIORITY')
            return '%s(%s)' % (fil, ' '.join('%s(%s)' % (srt, x) for x in pats.split()))
        if t == 2:
            return '%s(%s)' % (fil, ' '.join('SORT_BY_NAME(SORT_BY_ALIGNMENT(%s))' % x
                                             for x in pats.split()))
        if t == 3 and len(self.files) > 1:
            return '*(EXCLUDE_FILE(%s) %s)' % (self.ch('b.o', 'a.o', '*b.o'), pats)
        if t == 4 and len(self.files) > 1:
            return 'EXCLUDE_FILE(%s) *(%s)' % (self.ch('b.o', 'a.o'), pats)
        if t == 5:
            return '%s(%s) %s' % (fil, pats, '*(COMMON)' if self.p(0.3) else '')
        return '%s(%s)' % (fil, pats)

    # ---- output sections ----------------------------------------------------------------
    def data_stmt(self):
        t = self.r.randint(0, 5)
        kw = ['BYTE', 'SHORT', 'LONG', 'QUAD', 'SQUAD'][min(t, 4)]
        v = self.expr(1) if self.p(0.4) else self.hexn(self.num())
        return '%s(%s);' % (kw, v)

    def out_section(self, oname, in_names, kind):
        r = self.r
        head = [oname]
        if self.p(0.3) and not self.memory_mode:
            head.append(self.hexn(self.addr()))
        elif self.p(0.1):
            head.append('ALIGN(%s)' % self.hexn(self.pow2(2, 12)) if self.p(0.5)
                        else '(%s)' % self.expr(1, 'addr'))
        if self.p(0.12):
            ty = self.ch('NOLOAD', 'NOLOAD', 'INFO', 'COPY', 'DSECT', 'READONLY', 'OVERLAY')
            head.append('(%s)' % ty)
        head.append(':')
        if self.p(0.15) and not self.memory_mode:
            head.append('AT(%s)' % (self.hexn(0x800000 + self.addr()) if self.p(0.6)
                                    else 'ADDR(%s) + %s' % (self.sec_ref(), self.hexn(self.num()))))
        if self.p(0.12):
            head.append('ALIGN(%s)' % self.hexn(self.pow2(0, 12)))
        if self.p(0.04):
            head.append('ALIGN_WITH_INPUT')
        if self.p(0.1):
            head.append('SUBALIGN(%s)' % self.hexn(self.pow2(0, 6)))
        if self.p(0.08):
            head.append(self.ch('ONLY_IF_RO', 'ONLY_IF_RW'))
        body = []
        self.dot_ok = True
        names = list(in_names)
        r.shuffle(names)
        # split names into a few descriptions, interleaving statements
        while names or (not body and self.p(0.3)):
            if self.p(0.2):
                body.append(self.assignment(True))
            if self.p(0.1):
                body.append(self.dot_move(True))
            if self.p(0.08):
                body.append(self.data_stmt())
            if self.p(0.06):
                body.append('FILL(0x%x);' % r.choice([0x90, 0xdeadbeef, 0x1122, 0]))
            if self.v2 and self.p(0.03):
                body.append('CREATE_OBJECT_SYMBOLS')
            if not names:
                break
            k = r.randint(1, len(names))
            body.append(self.isd(names[:k]))
            names = names[k:]
        if self.p(0.15):
            body.append(self.assignment(True))
        if self.p(0.05):
            body.append('. = ALIGN(%s);' % self.hexn(self.pow2(0, 6)))
        self.dot_ok = False
        tail = []
        if self.memory_mode and self.regions:
            first, last = self.regions[0], self.regions[-1]
            if self.aliases and self.p(0.6):
                first, last = self.aliases[0], self.aliases[-1]
            if kind in ('x', 'r', 's', 'm', 'n'):
                tail.append('>%s' % first)
            else:
                tail.append('>%s' % last)
                if len(self.regions) > 1 and kind in ('w', 'T') and self.p(0.6):
                    tail.append('AT>%s' % first)
        if self.phdrs and kind != 'u':
            if self.p(0.7) or not self.phdr_assigned:
                ph = self.pick_phdr(kind)
                tail.append(':%s' % ph)
                self.phdr_assigned = True
        if self.p(0.12):
            tail.append('=0x%x' % r.choice([0x90, 0xcccccccc, 0x12345678, 0xff, 0x1234]))
        self.out_names.append(oname)
        s = '  %s\n  {\n%s\n  } %s' % (' '.join(head), '\n'.join('    ' + b for b in body),
                                       ' '.join(tail))
        return s.rstrip()

    def pick_phdr(self, kind):
        names = [p[0] for p in self.phdrs]
        if kind in ('x', 'r', 's', 'm') and 'text' in names:
            return 'text' if self.p(0.8) else self.r.choice(names)
        if kind in ('w', 'b', 'T') and 'data' in names:
            return 'data' if self.p(0.8) else self.r.choice(names)
        if kind == 'n' and 'note' in names:
            return 'note' if self.p(0.5) else 'text'
        return self.r.choice(names)

    def overlay(self, groups):
        r = self.r
        head = 'OVERLAY %s : %s %s' % (self.hexn(self.addr()) if self.p(0.7) else '',
                                      'NOCROSSREFS' if self.p(0.3) else '',
                                      'AT (%s)' % self.hexn(0x900000 + self.addr())
                                      if self.p(0.6) else '')
        body = []
        for gi, (oname, names, kind) in enumerate(groups):
            self.dot_ok = True
            inner = [self.isd(names)]
            if self.p(0.2):
                inner.append(self.assignment(True))
            self.dot_ok = False
            body.append('    %s { %s }' % (oname, ' '.join(inner)))
            self.out_names.append(oname)
        tail = ''
        if self.memory_mode and self.regions:
            tail = '>%s' % self.regions[-1]
        if self.phdrs and self.p(0.5):
            tail += ' :%s' % self.pick_phdr('w')
        return '  %s\n  {\n%s\n  } %s' % (head, '\n'.join(body), tail)

    # ---- whole script ---------------------------------------------------------------------
    def gen_script(self):
        r = self.r
        self.out_names = []
        self.defined_syms = []
        self.nsym = 0
        self.dot_ok = False
        self.cur_addr = r.choice([0x100000, 0x400000, 0x1000000, 0x10000, 0])
        self.regions = []
        self.aliases = []
        self.memory_mode = self.p(0.2)
        self.phdrs = []
        self.phdr_assigned = False
        top = []
        if self.p(0.6):
            top.append('ENTRY(%s)' % self.ch('_start', '_start', 'f0_text', 'sym1'))
        if self.memory_mode:
            regs = []
            base = r.choice([0x100000, 0x8000000, 0x1000])
            for nm, attr in (('ROM', '(rx)'), ('RAM', '(rwx)'), ('RAM2', '(!x)'))[:r.randint(1, 3)]:
                ln = r.choice([0x1000, 0x10000, 0x100000, 0x100000, 0x1000000, 0x40])
                regs.append('  %s %s : ORIGIN = 0x%x, LENGTH = 0x%x' %
                            (nm, self.ch(attr, '', '(w)', '(a)'), base, ln))
                self.regions.append(nm)
                base += r.choice([0x100000, 0x10000, ln])
            top.append('MEMORY\n{\n%s\n}' % '\n'.join(regs))
            if self.v2 and self.p(0.4):
                self.aliases = ['A_CODE', 'A_DATA']
                top.append('REGION_ALIAS("A_CODE", %s);\nREGION_ALIAS("A_DATA", %s);' %
                           (self.regions[0], self.regions[-1]))
        if self.p(0.15) and not self.memory_mode:
            ph = [('text', 'PT_LOAD', ' FILEHDR PHDRS' if self.p(0.5) else ''),
                  ('data', 'PT_LOAD', '')]
            if self.p(0.4):
                ph.append(('note', 'PT_NOTE', ''))
            if self.p(0.2):
                ph.append(('stack', 'PT_GNU_STACK', ' FLAGS(6)'))
            if self.p(0.2):
                ph.insert(0, ('hdr', 'PT_PHDR', ' PHDRS'))
            lines = []
            for nm, ty, extra in ph:
                if ty == 'PT_LOAD' and self.p(0.2):
                    extra += ' FLAGS(%d)' % r.choice([5, 6, 7, 4])
                if ty == 'PT_LOAD' and nm == 'data' and self.p(0.1):
                    extra += ' AT(0x%x)' % (0x2000000 + self.addr())
                lines.append('  %s %s%s;' % (nm, ty, extra))
            top.append('PHDRS\n{\n%s\n}' % '\n'.join(lines))
            self.phdrs = ph
        # pre-SECTIONS symbol assignments
        for _ in range(r.randint(0, 2)):
            top.append(self.assignment(False))

        # assign input sections to output sections
        groups = {}
        order = []
        for name in self.in_sections:
            if self.p(0.12):
                continue  # orphan
            kind = self.kind_of(name)
            if name.startswith('.text') or name == '.init':
                oname = self.ch('.text', '.text', name) if name != '.text' else '.text'
            elif name.startswith('.rodata'):
                oname = self.ch('.rodata', '.rodata', name)
            elif name.startswith('.data') and name != '.data.rel.ro':
                oname = self.ch('.data', '.data', name)
            elif name.startswith('.bss'):
                oname = self.ch('.bss', '.bss', name)
            else:
                oname = name if self.p(0.7) else self.ch('.rodata', '.data', '.other')
            if oname not in groups:
                groups[oname] = ([], kind)
                order.append(oname)
            groups[oname][0].append(name)
        body = []
        if self.p(0.5):
            body.append('  . = %s;' % (self.hexn(self.cur_addr) if self.p(0.7) else
                                        'SEGMENT_START("text-segment", 0x%x) + SIZEOF_HEADERS'
                                        % self.cur_addr))
        elif self.p(0.3):
            body.append('  . = 0x%x + SIZEOF_HEADERS;' % self.cur_addr)
        # a random output order, mostly keeping text before data before bss
        rank = {'x': 0, 'r': 1, 's': 1, 'm': 1, 'n': 1, 'w': 2, 'T': 2, 'b': 3, 'u': 4}
        dseg = self.v2 and not self.memory_mode and not self.phdrs and self.p(0.25)
        dseg_state = 0
        order.sort(key=lambda o: (rank[groups[o][1]] if self.p(0.9) else r.randint(0, 4)))
        i = 0
        while i < len(order):
            if self.p(0.15):
                body.append('  ' + self.assignment(False))
            if self.p(0.12):
                body.append('  ' + self.dot_move(False))
            if self.p(0.06) and i + 1 < len(order):
                g = [(o, groups[o][0], groups[o][1]) for o in order[i:i + 2]]
                body.append(self.overlay(g))
                i += 2
                continue
            o = order[i]
            if dseg and dseg_state == 0 and groups[o][1] in ('w', 'T', 'b'):
                body.append('  . = DATA_SEGMENT_ALIGN(%s, %s);' % (
                    self.ch('CONSTANT(MAXPAGESIZE)', '0x1000', '0x200000'),
                    self.ch('CONSTANT(COMMONPAGESIZE)', '0x1000')))
                dseg_state = 1
            if dseg and dseg_state == 1 and groups[o][1] in ('b',) or \
                    (dseg and dseg_state == 1 and not o.startswith(('.data.rel', '.init', '.fini',
                                                                    '.preinit', '.ctors', '.t'))
                     and self.p(0.5)):
                body.append('  . = DATA_SEGMENT_RELRO_END(%s, .);' % self.ch('0', '0', '24', '0x10'))
                dseg_state = 2
            body.append(self.out_section(o, groups[o][0], groups[o][1]))
            i += 1
        if dseg:
            body.append('  . = DATA_SEGMENT_END(.);')
        if self.p(0.25):
            disc = r.sample(self.in_sections, 1)
            body.append('  /DISCARD/ : { %s }' % ' '.join('*(%s)' % d for d in disc +
                                                         (['.comment'] if self.p(0.5) else [])))
        if self.p(0.2):
            body.append('  ' + self.assignment(False))
        if self.p(0.15) and self.out_names:
            body.append('  ASSERT(%s, "assertion %d")' % (
                self.ch('SIZEOF(%s) >= 0' % self.r.choice(self.out_names),
                        '. > 0', 'ADDR(%s) != 1' % self.r.choice(self.out_names),
                        'DEFINED(_start)'), self.seed))
        if self.p(0.1):
            body.append('  .comment 0 : { *(.comment) }')
        top.append('SECTIONS\n{\n%s\n}' % '\n'.join(body))
        if self.p(0.1):
            top.append(self.assignment(False))
        return '\n'.join(top) + '\n'

    def gen_insert(self, anchor_pool):
        r = self.r
        self.dot_ok = True
        names = [n for n in self.in_sections if n.startswith(('.my', 'my', '.note'))]
        if not names:
            names = [r.choice(self.in_sections)]
        names = names[:r.randint(1, len(names))]
        secs = []
        for n in names:
            self.dot_ok = True
            secs.append('  %s : { %s%s }' % (n, '%s ' % self.assignment(True)
                                             if self.p(0.3) else '', self.isd([n])))
            self.dot_ok = False
        pre = '  %s\n' % self.assignment(False) if self.p(0.3) else ''
        return 'SECTIONS\n{\n%s%s\n}\nINSERT %s %s;\n' % (
            pre, '\n'.join(secs), self.ch('AFTER', 'BEFORE'), r.choice(anchor_pool))

    def generate(self):
        self.out_names, self.defined_syms, self.nsym, self.dot_ok = [], [], 0, False
        self.regions, self.phdrs, self.memory_mode, self.cur_addr = [], [], False, 0x400000
        self.aliases = []
        self.i386 = self.p(0.12)
        self.gen_inputs()
        self.archive = self.v2 and len(self.files) > 1 and self.p(0.4)
        mode = self.r.choices(['script', 'insert-default', 'insert-script', 'r', 'binary'],
                              [70, 8, 7, 7, 8])[0]
        files = {}
        args = []
        if self.i386:
            args += ['-m', 'elf_i386']
        script = None
        if mode in ('script', 'insert-script', 'r', 'binary'):
            script = self.gen_script()
            files['script.ld'] = script
            args += ['-T', 'script.ld']
        if mode.startswith('insert'):
            anchors = ['.text', '.data', '.bss', '.rodata'] if mode == 'insert-default' \
                else (self.out_names or ['.text'])
            files['insert.ld'] = self.gen_insert(anchors)
            args += ['-T', 'insert.ld']
        if mode == 'r':
            args.append('-r')
        elif mode == 'binary':
            args += ['--oformat', 'binary']
        else:
            extra = self.r.choices([[], ['-N'], ['-n'], ['--gc-sections'],
                                    ['--no-relax'], ['-z', 'separate-code'],
                                    ['-z', 'noseparate-code']], [60, 8, 8, 12, 2, 5, 5])[0]
            args += extra
            if self.v2 and not self.i386:
                args += self.r.choices([[], ['-pie'], ['-shared', '-Bsymbolic'], ['-z', 'relro'],
                                        ['-z', 'norelro'], ['--orphan-handling=warn'],
                                        ['--sort-section=name'], ['--sort-common']],
                                       [50, 12, 8, 10, 5, 5, 5, 5])[0]
        if self.p(0.05) and mode != 'r':
            args += ['--defsym', 'dsym=0x%x' % self.num()]
        self.pic = '-pie' in args or '-shared' in args
        script_syms = [s for s in (self.defined_syms if script else [])]
        self.r.shuffle(script_syms)
        script_syms = script_syms[:2]
        files['a.s'] = self.asm_file(0, script_syms)
        args.append('a.o')
        if len(self.files) > 1:
            files['b.s'] = self.asm_file(1, script_syms)
            if self.archive:
                # the archive member is loaded by -u (a.o may not refer to it)
                files['ar'] = 'b.o\n'
                args += ['-u', next(s for s in self.syms if s.startswith('f1_')), 'lib.a']
            else:
                args.append('b.o')
        if script is not None:
            i = script.rindex('}')
            files['nogot.ld'] = (script[:i] + '  /DISCARD/ : { *(.got) *(.got.plt) *(.igot.plt)'
                                 ' *(.iplt) *(.rela.iplt) *(.rel.iplt) *(.rela.got) *(.rel.got) }\n'
                                 + script[i:])
        files['args'] = '\n'.join(args) + '\n'
        files['as-flags'] = ('--32' if self.i386 else '--64') + '\n'
        return files


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    seed = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, text in Gen(seed).generate().items():
        with open(os.path.join(out, name), 'w') as f:
            f.write(text)


if __name__ == '__main__':
    main()
