#!/usr/bin/env python3
"""relcmp: compare two relocatable objects (ld -r outputs) through readelf.

  relcmp.py REF OUT [--by-name]     exit 0 if equal, 1 if they differ (a diff is printed)

Compared: the ELF header (type, machine, OS/ABI, entry), every section header (name, type,
address, file offset, size, entsize, flags, link, info, alignment), the symbol table (in
order, with st_shndx), every relocation section (offset, type, symbol index and name,
addend) and the section groups (members by name).

--by-name: ignore the order of sections, symbols and relocation sections, and file offsets;
section indices (sh_link, st_shndx, symbol indices) are replaced by names.  For outputs whose
layout legitimately differs (orphan placement) while their contents must agree.
"""

import re
import subprocess
import sys


def readelf(args, path):
    return subprocess.run(['readelf', '-W'] + args + [path], check=True, capture_output=True,
                          text=True, env={'LC_ALL': 'C'}).stdout


def sections(path):
    out = []
    for line in readelf(['-S'], path).splitlines():
        m = re.match(r'\s*\[\s*(\d+)\]\s+(.*)$', line)
        if not m:
            continue
        idx = int(m.group(1))
        rest = m.group(2)
        # the name may hold spaces only in theory; readelf columns are fixed after it
        f = rest.split()
        if idx == 0:
            out.append({'idx': 0, 'name': '', 'fields': f})
            continue
        name, typ, addr, off, size, es = f[0:6]
        tail = f[6:]
        flags = tail[0] if len(tail) == 4 else ''
        lk, inf, al = tail[-3:]
        out.append({'idx': idx, 'name': name, 'type': typ, 'addr': addr, 'off': off, 'size': size,
                    'es': es, 'flags': flags, 'link': int(lk), 'info': int(inf), 'align': al})
    return out


def header(path):
    keep = ('Class', 'Type', 'Machine', 'OS/ABI', 'Entry point address', 'Number of program headers')
    return [l.strip() for l in readelf(['-h'], path).splitlines() if l.strip().split(':')[0] in keep]


def symbols(path):
    syms = []
    for line in readelf(['-s'], path).splitlines():
        m = re.match(r'\s*(\d+):\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$', line)
        if m:
            syms.append(m.groups())
    return syms


def relocs(path):
    rels = {}
    cur = None
    for line in readelf(['-r'], path).splitlines():
        m = re.match(r"Relocation section '([^']*)'", line)
        if m:
            cur = m.group(1)
            rels[cur] = []
            continue
        if cur is None or not re.match(r'^[0-9a-f]{8}', line):
            continue
        rels[cur].append(line.split())
    return rels


def groups(path):
    out = []
    for line in readelf(['-g'], path).splitlines():
        line = line.strip()
        if line.startswith('COMDAT group') or line.startswith('group section'):
            out.append(re.sub(r'\[\s*\d+\]', '[]', line))
        elif re.match(r'\[\s*\d+\]', line):
            out.append('  ' + line.split(None, 1)[1].split()[-1])
    return out


def dump(path, by_name):
    secs = sections(path)
    names = {s['idx']: s['name'] for s in secs}
    lines = ['header: ' + h for h in header(path)]
    sl = []
    for s in secs[1:]:
        link = names.get(s['link'], s['link']) if by_name else s['link']
        info = s['info']
        if by_name and s['type'] in ('REL', 'RELA'):
            info = names.get(info, info)
        fields = [s['name'], s['type'], s['addr'], s['size'], s['es'], s['flags'] or '-', str(link),
                  str(info) if not (by_name and s['type'] in ('SYMTAB', 'GROUP')) else '*', s['align']]
        if not by_name:
            fields.insert(0, '[%d]' % s['idx'])
            fields.insert(4, s['off'])
        sl.append('section: ' + ' '.join(fields))
    lines += sorted(sl) if by_name else sl
    syms = []
    for num, value, size, typ, bind, vis, ndx, name in symbols(path):
        if by_name and ndx.isdigit():
            ndx = names.get(int(ndx), ndx)
        if typ == 'SECTION' and by_name:
            name = ndx
        fields = [value, size, typ, bind, vis, ndx, name]
        if not by_name:
            fields.insert(0, num + ':')
        syms.append('symbol: ' + ' '.join(fields))
    lines += sorted(syms) if by_name else syms
    rels = relocs(path)
    for sec in (sorted(rels) if by_name else rels):
        lines.append('relocations: ' + sec)
        for r in rels[sec]:
            # offset info type [value name [+/- addend]]: drop the symbol index when by name
            if by_name and len(r) >= 2:
                r = [r[0], r[1][-8:]] + r[2:]
            lines.append('  ' + ' '.join(r))
    lines += ['group: ' + g for g in groups(path)]
    return lines


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    by_name = '--by-name' in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    a, b = dump(args[0], by_name), dump(args[1], by_name)
    if a == b:
        print('relcmp: %s and %s agree (%d lines)' % (args[0], args[1], len(a)))
        return 0
    import difflib
    for line in difflib.unified_diff(a, b, 'ld.bfd', 'slink', lineterm='', n=2):
        print(line)
    return 1


if __name__ == '__main__':
    sys.exit(main())
