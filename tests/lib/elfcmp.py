#!/usr/bin/env python3
"""elfcmp: compare two ELF executables the way the slink tests need.

It reads ELF with its own small parser (standard library only, no libbfd,
no readelf), so a malformed output is reported, never trusted.

  elfcmp.py compare REF OUT [options]   exit 0 if equal, 1 if they differ, 2 on bad use/input
  elfcmp.py dump FILE [options]         print the normalised view that `compare` diffs
  elfcmp.py check-build-id FILE ALGO    exit 0 if FILE's build-id is the ALGO (sha1, md5)
                                        hash GNU ld would compute for it

What is compared:
  * ELF header: class, e_type, e_machine, e_entry
  * section headers in file order: name, type, flags, addr, size, addralign, entsize
    (offsets are ignored)
  * program headers in order: type, offset, vaddr, paddr, filesz, memsz, flags, align
  * .symtab symbols as a sorted multiset: name, value, size, type, bind, visibility,
    section name (a section symbol is named after its section)
  * the bytes of every SHF_ALLOC section that is not SHT_NOBITS (paired by name)

Options (each exclusion needs a reason, which is printed, so intended
differences are documented where they are made):
  --exclude-section PATTERN REASON   leave sections matching the fnmatch PATTERN out
                                     of the header and byte comparisons
  --exclude-symbol PATTERN REASON    leave symbols matching PATTERN out
  --ignore-phdr-offsets REASON       do not compare p_offset
  --no-symbols REASON                do not compare symbol tables
  --bytes PATTERN                    also compare the bytes of matching non-alloc
                                     sections (e.g. .comment)
  --ref-name NAME / --out-name NAME  labels used in the diff (default ld.bfd / slink)
"""

import difflib
import fnmatch
import struct
import sys

SHF = [(0x1, 'W'), (0x2, 'A'), (0x4, 'X'), (0x10, 'M'), (0x20, 'S'), (0x40, 'I'),
       (0x80, 'L'), (0x100, 'O'), (0x200, 'G'), (0x400, 'T'), (0x800, 'C'),
       (0x80000000, 'E')]
SHT = {0: 'NULL', 1: 'PROGBITS', 2: 'SYMTAB', 3: 'STRTAB', 4: 'RELA', 5: 'HASH',
       6: 'DYNAMIC', 7: 'NOTE', 8: 'NOBITS', 9: 'REL', 10: 'SHLIB', 11: 'DYNSYM',
       14: 'INIT_ARRAY', 15: 'FINI_ARRAY', 16: 'PREINIT_ARRAY', 17: 'GROUP',
       18: 'SYMTAB_SHNDX', 0x6ffffff6: 'GNU_HASH', 0x6ffffffd: 'VERDEF',
       0x6ffffffe: 'VERNEED', 0x6fffffff: 'VERSYM', 0x6ffffff5: 'GNU_ATTRIBUTES',
       0x70000001: 'X86_64_UNWIND'}
PT = {0: 'NULL', 1: 'LOAD', 2: 'DYNAMIC', 3: 'INTERP', 4: 'NOTE', 5: 'SHLIB', 6: 'PHDR',
      7: 'TLS', 0x6474e550: 'GNU_EH_FRAME', 0x6474e551: 'GNU_STACK',
      0x6474e552: 'GNU_RELRO', 0x6474e553: 'GNU_PROPERTY'}
ET = {0: 'NONE', 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE'}
EM = {3: 'i386', 62: 'x86-64', 183: 'aarch64', 40: 'arm'}
STT = {0: 'NOTYPE', 1: 'OBJECT', 2: 'FUNC', 3: 'SECTION', 4: 'FILE', 5: 'COMMON',
       6: 'TLS', 10: 'IFUNC'}
STB = {0: 'LOCAL', 1: 'GLOBAL', 2: 'WEAK', 10: 'UNIQUE'}
STV = {0: 'DEFAULT', 1: 'INTERNAL', 2: 'HIDDEN', 3: 'PROTECTED'}
SHN_SPECIAL = {0: 'UND', 0xfff1: 'ABS', 0xfff2: 'COM'}


class BadElf(Exception):
    pass


def name_of(table, value):
    return table.get(value, '0x%x' % value)


def flag_str(flags):
    s = ''.join(c for bit, c in SHF if flags & bit)
    rest = flags & ~sum(bit for bit, _ in SHF)
    if rest:
        s += '+0x%x' % rest
    return s or '-'


class Elf:
    def __init__(self, path):
        self.path = path
        try:
            with open(path, 'rb') as f:
                self.data = f.read()
        except OSError as e:
            raise BadElf('%s: cannot read: %s' % (path, e.strerror))
        d = self.data
        if len(d) < 16 or d[:4] != b'\x7fELF':
            raise BadElf('%s: not an ELF file' % path)
        if d[4] not in (1, 2):
            raise BadElf('%s: bad ELF class %d' % (path, d[4]))
        if d[5] != 1:
            raise BadElf('%s: only little-endian ELF is supported by elfcmp' % path)
        self.is64 = d[4] == 2
        if self.is64:
            h = self.unpack('<HHIQQQIHHHHHH', 16)
        else:
            h = self.unpack('<HHIIIIIHHHHHH', 16)
        (self.e_type, self.e_machine, _, self.e_entry, phoff, shoff, self.e_flags,
         _, phentsize, phnum, shentsize, shnum, shstrndx) = h
        self.sections = []
        self.phdrs = []
        self.symbols = []
        self.read_sections(shoff, shentsize, shnum, shstrndx)
        self.read_phdrs(phoff, phentsize, phnum)
        self.read_symbols()

    def unpack(self, fmt, off):
        size = struct.calcsize(fmt)
        if off < 0 or off + size > len(self.data):
            raise BadElf('%s: structure at 0x%x (0x%x bytes) is beyond the end of the file'
                         % (self.path, off, size))
        return struct.unpack_from(fmt, self.data, off)

    def cstr(self, off):
        if off >= len(self.data):
            raise BadElf('%s: string offset 0x%x beyond the end of the file' % (self.path, off))
        end = self.data.find(b'\0', off)
        if end < 0:
            raise BadElf('%s: unterminated string at 0x%x' % (self.path, off))
        return self.data[off:end].decode('utf-8', 'backslashreplace')

    def read_sections(self, shoff, shentsize, shnum, shstrndx):
        if shoff == 0:
            return
        fmt = '<IIQQQQIIQQ' if self.is64 else '<IIIIIIIIII'
        if shentsize != struct.calcsize(fmt):
            raise BadElf('%s: bad e_shentsize %d' % (self.path, shentsize))
        first = self.unpack(fmt, shoff)
        if shnum == 0:
            shnum = first[5]
        if shstrndx == 0xffff:
            shstrndx = first[6]
        raw = [self.unpack(fmt, shoff + i * shentsize) for i in range(shnum)]
        if shstrndx >= shnum:
            raise BadElf('%s: e_shstrndx %d out of range' % (self.path, shstrndx))
        stroff = raw[shstrndx][4]
        for i, r in enumerate(raw):
            name, typ, flags, addr, off, size, link, info, align, entsize = r
            self.sections.append({
                'index': i, 'name': self.cstr(stroff + name) if i else '',
                'type': typ, 'flags': flags, 'addr': addr, 'offset': off, 'size': size,
                'link': link, 'info': info, 'align': align, 'entsize': entsize})

    def read_phdrs(self, phoff, phentsize, phnum):
        if phnum == 0:
            return
        if self.is64:
            fmt = '<IIQQQQQQ'
        else:
            fmt = '<IIIIIIII'
        if phentsize != struct.calcsize(fmt):
            raise BadElf('%s: bad e_phentsize %d' % (self.path, phentsize))
        for i in range(phnum):
            r = self.unpack(fmt, phoff + i * phentsize)
            if self.is64:
                typ, flags, off, vaddr, paddr, filesz, memsz, align = r
            else:
                typ, off, vaddr, paddr, filesz, memsz, flags, align = r
            self.phdrs.append({'type': typ, 'flags': flags, 'offset': off, 'vaddr': vaddr,
                               'paddr': paddr, 'filesz': filesz, 'memsz': memsz,
                               'align': align})

    def section_bytes(self, sec):
        if sec['type'] == 8:
            return b''
        end = sec['offset'] + sec['size']
        if end > len(self.data):
            raise BadElf('%s: section %s (offset 0x%x size 0x%x) is beyond the end of the file'
                         % (self.path, sec['name'], sec['offset'], sec['size']))
        return self.data[sec['offset']:end]

    def read_symbols(self):
        symtabs = [s for s in self.sections if s['type'] == 2]
        if not symtabs:
            return
        st = symtabs[0]
        if st['link'] >= len(self.sections):
            raise BadElf('%s: .symtab sh_link %d out of range' % (self.path, st['link']))
        strtab = self.sections[st['link']]
        shndx_tab = None
        for s in self.sections:
            if s['type'] == 18 and s['link'] == st['index']:
                shndx_tab = self.section_bytes(s)
        data = self.section_bytes(st)
        strdata = self.section_bytes(strtab)
        fmt = '<IBBHQQ' if self.is64 else '<IIIBBH'
        esz = struct.calcsize(fmt)
        for i in range(1, len(data) // esz):
            r = struct.unpack_from(fmt, data, i * esz)
            if self.is64:
                name, info, other, shndx, value, size = r
            else:
                name, value, size, info, other, shndx = r
            if shndx == 0xffff and shndx_tab is not None:
                shndx = struct.unpack_from('<I', shndx_tab, i * 4)[0]
            if name >= len(strdata) and name:
                raise BadElf('%s: symbol %d name offset 0x%x out of range' % (self.path, i, name))
            end = strdata.find(b'\0', name)
            sname = strdata[name:end if end >= 0 else len(strdata)].decode('utf-8', 'backslashreplace')
            if shndx in SHN_SPECIAL:
                secname = SHN_SPECIAL[shndx]
            elif shndx < len(self.sections):
                secname = self.sections[shndx]['name']
            else:
                secname = '#%d(bad)' % shndx
            typ = info & 0xf
            if typ == 3 and not sname:
                sname = '[section %s]' % secname
            self.symbols.append({'name': sname, 'value': value, 'size': size,
                                 'type': typ, 'bind': info >> 4, 'vis': other & 3,
                                 'section': secname})


class Options:
    def __init__(self):
        self.ex_sections = []   # (pattern, reason)
        self.ex_symbols = []
        self.phdr_offsets = True
        self.symbols = True
        self.bytes = []
        self.ref_name = 'ld.bfd'
        self.out_name = 'slink'
        self.notes = []


def parse_options(args):
    o = Options()
    i = 0

    def need(n):
        vals = args[i + 1:i + 1 + n]
        if len(vals) < n or not all(vals):
            print('elfcmp: %s needs %d non-empty argument(s)' % (args[i], n), file=sys.stderr)
            sys.exit(2)

    while i < len(args):
        a = args[i]
        if a == '--exclude-section':
            need(2)
            o.ex_sections.append((args[i + 1], args[i + 2]))
            o.notes.append('not comparing section(s) %s: %s' % (args[i + 1], args[i + 2]))
            i += 3
        elif a == '--exclude-symbol':
            need(2)
            o.ex_symbols.append((args[i + 1], args[i + 2]))
            o.notes.append('not comparing symbol(s) %s: %s' % (args[i + 1], args[i + 2]))
            i += 3
        elif a == '--ignore-phdr-offsets':
            need(1)
            o.phdr_offsets = False
            o.notes.append('not comparing program header offsets: %s' % args[i + 1])
            i += 2
        elif a == '--no-symbols':
            need(1)
            o.symbols = False
            o.notes.append('not comparing symbols: %s' % args[i + 1])
            i += 2
        elif a == '--bytes':
            need(1)
            o.bytes.append(args[i + 1])
            i += 2
        elif a == '--ref-name':
            need(1)
            o.ref_name = args[i + 1]
            i += 2
        elif a == '--out-name':
            need(1)
            o.out_name = args[i + 1]
            i += 2
        else:
            print('elfcmp: unknown option %r' % a, file=sys.stderr)
            sys.exit(2)
    return o


def excluded(name, pats):
    return any(fnmatch.fnmatchcase(name, p) for p, _ in pats)


def header_lines(e, o):
    return ['class=%s type=%s machine=%s entry=0x%x' % (
        'ELF64' if e.is64 else 'ELF32', name_of(ET, e.e_type), name_of(EM, e.e_machine),
        e.e_entry)]


def section_lines(e, o):
    out = []
    for s in e.sections[1:]:
        if excluded(s['name'], o.ex_sections):
            continue
        out.append('%-24s %-14s %-5s addr=0x%08x size=0x%06x align=%-4d entsize=%d' % (
            s['name'], name_of(SHT, s['type']), flag_str(s['flags']), s['addr'], s['size'],
            s['align'], s['entsize']))
    return out


def phdr_lines(e, o):
    out = []
    for p in e.phdrs:
        fl = ''.join(c if p['flags'] & b else '-' for b, c in ((4, 'R'), (2, 'W'), (1, 'E')))
        if p['flags'] & ~7:
            fl += '+0x%x' % (p['flags'] & ~7)
        off = 'off=0x%06x ' % p['offset'] if o.phdr_offsets else ''
        out.append('%-12s %svaddr=0x%08x paddr=0x%08x filesz=0x%06x memsz=0x%06x %s align=0x%x' % (
            name_of(PT, p['type']), off, p['vaddr'], p['paddr'], p['filesz'], p['memsz'],
            fl, p['align']))
    return out


def symbol_lines(e, o):
    if not o.symbols:
        return []
    out = []
    for s in e.symbols:
        if excluded(s['name'], o.ex_symbols):
            continue
        out.append('%-32s 0x%08x size=%-5d %-7s %-6s %-9s %s' % (
            s['name'], s['value'], s['size'], name_of(STT, s['type']), name_of(STB, s['bind']),
            name_of(STV, s['vis']), s['section']))
    return sorted(out)


def compared_sections(e, o):
    """Sections whose bytes are compared, keyed by (name, occurrence)."""
    res = {}
    seen = {}
    for s in e.sections[1:]:
        if excluded(s['name'], o.ex_sections) or s['type'] == 8:
            continue
        if not (s['flags'] & 2) and not any(fnmatch.fnmatchcase(s['name'], p) for p in o.bytes):
            continue
        n = seen.get(s['name'], 0)
        seen[s['name']] = n + 1
        res[(s['name'], n)] = s
    return res


def where(e, addr):
    """Name the function/object symbol that covers addr, for readable byte diffs."""
    best = None
    for s in e.symbols:
        if s['type'] in (3, 4) or s['section'] in ('UND', 'ABS', 'COM'):
            continue
        if s['value'] <= addr and (addr < s['value'] + s['size'] or
                                   (s['size'] == 0 and addr - s['value'] < 0x100)):
            if best is None or s['value'] > best['value']:
                best = s
    if best is None:
        return ''
    return ' in %s+0x%x' % (best['name'], addr - best['value'])


def hexs(b):
    return ' '.join('%02x' % x for x in b)


def byte_diffs(ref, out, o):
    msgs = []
    rs = compared_sections(ref, o)
    os_ = compared_sections(out, o)
    for key in sorted(rs, key=lambda k: rs[k]['index']):
        if key not in os_:
            continue  # a missing section is already shown in the section header diff
        a, b = ref.section_bytes(rs[key]), out.section_bytes(os_[key])
        name = key[0]
        n = min(len(a), len(b))
        ranges = []
        i = 0
        while i < n:
            if a[i] != b[i]:
                j = i
                last = i
                while j < n and j - last < 8:
                    if a[j] != b[j]:
                        last = j
                    j += 1
                ranges.append((i, last + 1))
                i = last + 1
            else:
                i += 1
        ndiff = sum(1 for k in range(n) if a[k] != b[k])
        if not ranges and len(a) == len(b):
            continue
        head = 'bytes of %s differ: %d of %d compared byte(s)' % (name, ndiff, n)
        if len(a) != len(b):
            head += ' (sizes 0x%x vs 0x%x)' % (len(a), len(b))
        msgs.append(head)
        base = rs[key]['addr']
        for lo, hi in ranges[:8]:
            shown_hi = min(hi, lo + 32)
            msgs.append('  %s+0x%x (addr 0x%x%s):' % (name, lo, base + lo, where(ref, base + lo)))
            msgs.append('    %-7s %s%s' % (o.ref_name + ':', hexs(a[lo:shown_hi]),
                                          ' ...' if hi > shown_hi else ''))
            msgs.append('    %-7s %s%s' % (o.out_name + ':', hexs(b[lo:shown_hi]),
                                          ' ...' if hi > shown_hi else ''))
        if len(ranges) > 8:
            msgs.append('  ... and %d more differing range(s)' % (len(ranges) - 8))
    return msgs


def diff(title, a, b, o):
    d = list(difflib.unified_diff(a, b, '%s %s' % (o.ref_name, title),
                                  '%s %s' % (o.out_name, title), n=2, lineterm=''))
    return d


def dump(e, o):
    lines = ['# ELF header'] + header_lines(e, o)
    lines += ['# section headers'] + section_lines(e, o)
    lines += ['# program headers'] + phdr_lines(e, o)
    lines += ['# symbols'] + symbol_lines(e, o)
    return lines


def gnu_build_id(e, algo):
    """GNU ld's build-id of an output file: (stored id, id computed the way ld.bfd does).

    ld.bfd hashes, in order: the ELF header with e_phoff and e_shoff zeroed; every program
    header; then for each section its header with sh_offset zeroed, followed by its
    contents, except for SHT_NOBITS sections and for the sections that are not backed by
    a BFD section (.symtab, .strtab, .shstrtab: SHT_SYMTAB, SHT_SYMTAB_SHNDX and non-alloc
    SHT_STRTAB), and with the whole .note.gnu.build-id section zeroed (it is hashed before
    it is filled in).  Checked against ld.bfd 2.40's sha1 and md5 outputs."""
    import hashlib
    d = e.data
    notes = [s for s in e.sections if s['name'] == '.note.gnu.build-id']
    if not notes:
        raise BadElf('%s: no .note.gnu.build-id section' % e.path)
    note = notes[0]
    nb = e.section_bytes(note)
    if len(nb) < 16:
        raise BadElf('%s: .note.gnu.build-id is too small' % e.path)
    namesz, descsz, ntype = struct.unpack_from('<III', nb, 0)
    doff = 12 + ((namesz + 3) & ~3)
    if ntype != 3 or nb[12:12 + namesz] != b'GNU\0' or doff + descsz > len(nb):
        raise BadElf('%s: .note.gnu.build-id does not hold an NT_GNU_BUILD_ID note' % e.path)
    stored = nb[doff:doff + descsz]
    h = hashlib.new(algo)
    if e.is64:
        ehsz, phsz, shsz, phoff_at, shoff_at, shoffset = 64, 56, 64, 0x20, 0x28, (0x18, 8)
    else:
        ehsz, phsz, shsz, phoff_at, shoff_at, shoffset = 52, 32, 40, 0x1c, 0x20, (0x10, 4)
    w = 8 if e.is64 else 4
    eh = bytearray(d[:ehsz])
    phoff = int.from_bytes(eh[phoff_at:phoff_at + w], 'little')
    shoff = int.from_bytes(eh[shoff_at:shoff_at + w], 'little')
    eh[phoff_at:phoff_at + w] = bytes(w)
    eh[shoff_at:shoff_at + w] = bytes(w)
    h.update(eh)
    for i in range(len(e.phdrs)):
        h.update(d[phoff + i * phsz:phoff + (i + 1) * phsz])
    for sec in e.sections:
        sh = bytearray(d[shoff + sec['index'] * shsz:shoff + (sec['index'] + 1) * shsz])
        sh[shoffset[0]:shoffset[0] + shoffset[1]] = bytes(shoffset[1])
        h.update(sh)
        t = sec['type']
        if t == 8 or t in (2, 18) or (t == 3 and not sec['flags'] & 2):
            continue
        if sec is note:
            h.update(bytes(sec['size']))
        else:
            h.update(e.section_bytes(sec))
    return stored.hex(), h.hexdigest()


def main(argv):
    if len(argv) == 3 and argv[0] == 'check-build-id':
        try:
            stored, computed = gnu_build_id(Elf(argv[1]), argv[2])
        except BadElf as ex:
            print('elfcmp: %s' % ex)
            return 1
        if stored != computed:
            print('%s: build-id %s is not the %s that GNU ld computes for this file (%s)'
                  % (argv[1], stored, argv[2], computed))
            return 1
        print('%s: build-id %s is GNU ld\'s %s of the file' % (argv[1], stored, argv[2]))
        return 0
    if len(argv) >= 2 and argv[0] == 'dump':
        o = parse_options(argv[2:])
        try:
            e = Elf(argv[1])
        except BadElf as ex:
            print('elfcmp: %s' % ex, file=sys.stderr)
            return 2
        print('\n'.join(dump(e, o)))
        return 0
    if len(argv) < 3 or argv[0] != 'compare':
        print(__doc__, file=sys.stderr)
        return 2
    o = parse_options(argv[3:])
    try:
        ref = Elf(argv[1])
    except BadElf as ex:
        print('elfcmp: reference output is unreadable: %s' % ex)
        return 2
    try:
        out = Elf(argv[2])
    except BadElf as ex:
        print('elfcmp: %s' % ex)
        return 1
    for n in o.notes:
        print('note: %s' % n)
    report = []
    for title, fn in (('ELF header', header_lines), ('section headers', section_lines),
                      ('program headers', phdr_lines), ('symbols', symbol_lines)):
        report += diff(title, fn(ref, o), fn(out, o), o)
    try:
        report += byte_diffs(ref, out, o)
    except BadElf as ex:
        report.append('elfcmp: %s' % ex)
    if report:
        print('outputs differ (- %s, + %s):' % (o.ref_name, o.out_name))
        print('\n'.join(report))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
