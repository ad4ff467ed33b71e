#!/usr/bin/env python3
"""Check the invariants of slink's --layout-json output (docs/layout-json.md).

usage: layoutcheck.py LAYOUT.json [INPUT.o ...]

  * the document has every top-level member of the schema with the right types;
  * ids are dense and references (file, output, section, segment) point at existing entries;
  * every input section of an output section appears exactly once, and each output section's
    size is the sum of its inputs' and data's padding and sizes plus its tail padding;
  * with INPUT.o files given: every content section of those objects (not symbol, string,
    relocation or group tables) appears exactly once, either placed or discarded.
Prints the first problems found and exits 1, else exits 0.
"""
import json
import struct
import sys

errors = []


def err(msg):
    errors.append(msg)


def need(obj, key, types, where):
    if key not in obj:
        err(f'{where}: missing "{key}"')
        return None
    if not isinstance(obj[key], types):
        err(f'{where}: "{key}" has type {type(obj[key]).__name__}')
    return obj[key]


def is_hex(s):
    return isinstance(s, str) and s.startswith('0x') and all(c in '0123456789abcdef' for c in s[2:]) and len(s) > 2


def elf_content_sections(path):
    """(name, size) of the content sections of an ELF relocatable object."""
    data = open(path, 'rb').read()
    if data[:4] != b'\x7fELF':
        return []
    is64 = data[4] == 2
    if is64:
        shoff, = struct.unpack_from('<Q', data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    else:
        shoff, = struct.unpack_from('<I', data, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x2e)
    secs = []
    for i in range(shnum):
        off = shoff + i * shentsize
        if is64:
            name, typ, flags, addr, offset, size = struct.unpack_from('<IIQQQQ', data, off)
        else:
            name, typ, flags, addr, offset, size = struct.unpack_from('<IIIIII', data, off)
        secs.append((name, typ, offset, size))
    strtab = secs[shstrndx]
    out = []
    for i, (name, typ, offset, size) in enumerate(secs):
        if i == 0 or typ in (0, 2, 3, 4, 9, 17, 18, 11):  # NULL SYMTAB STRTAB RELA REL GROUP SYMTAB_SHNDX DYNSYM
            continue
        end = data.index(b'\0', strtab[2] + name)
        out.append((data[strtab[2] + name:end].decode(), size))
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    d = json.load(open(sys.argv[1]))
    for key, t in (('version', int), ('output', str), ('entry', str), ('files', list), ('regions', list),
                   ('segments', list), ('output_sections', list), ('input_sections', list),
                   ('symbols', list), ('discarded', list)):
        need(d, key, t, 'layout')
    if errors:
        print('\n'.join(errors))
        return 1
    files, osecs, isecs = d['files'], d['output_sections'], d['input_sections']
    for i, f in enumerate(files):
        if f.get('id') != i:
            err(f'files[{i}]: id {f.get("id")}')
        need(f, 'name', str, f'files[{i}]')
        by = f.get('extracted_by')
        if f.get('archive') and by is None:
            err(f'file {f["name"]}: archive member without extracted_by')
        if by and 'symbol' in by and by.get('file') is not None and not 0 <= by['file'] < len(files):
            err(f'file {f["name"]}: extracted_by.file out of range')
    for i, s in enumerate(d['segments']):
        for k in ('offset', 'vaddr', 'paddr'):
            if not is_hex(s.get(k)):
                err(f'segments[{i}].{k} is not a hex string')
    seen = {}
    for i, o in enumerate(osecs):
        w = f'output section {o.get("name")}'
        if o.get('id') != i:
            err(f'{w}: id {o.get("id")} at {i}')
        for k in ('vma', 'lma', 'file_offset'):
            if not is_hex(o.get(k)):
                err(f'{w}: {k} is not a hex string')
        if o.get('segment') is not None and not 0 <= o['segment'] < len(d['segments']):
            err(f'{w}: segment out of range')
        total = o['tail_padding']
        vma = int(o['vma'], 16)
        for sid in o['inputs']:
            if not 0 <= sid < len(isecs):
                err(f'{w}: input {sid} out of range')
                continue
            if sid in seen:
                err(f'{w}: input section {sid} also in {seen[sid]}')
            seen[sid] = o['name']
            s = isecs[sid]
            if s['output'] != i:
                err(f'{w}: input {sid} says it is in output section {s["output"]}')
            total += s['padding_before'] + s['size']
            a = int(s['vma'], 16)
            if o['in_output'] and not vma <= a <= vma + o['size']:
                err(f'{w}: input {s["name"]} at {s["vma"]} outside the section')
        for dd in o['data']:
            total += dd['padding_before'] + dd['size']
        if o['in_output'] and total != o['size']:
            err(f'{w}: inputs, data and padding add up to {total}, not its size {o["size"]}')
    for i, s in enumerate(isecs):
        if s.get('id') != i:
            err(f'input_sections[{i}]: id {s.get("id")}')
        if i not in seen:
            err(f'input section {i} ({s["name"]}) is in no output section')
        if not 0 <= s['file'] < len(files):
            err(f'input section {i}: file out of range')
        r = s.get('rule') or {}
        if r.get('kind') not in ('script', 'orphan'):
            err(f'input section {i}: rule kind {r.get("kind")}')
        if r.get('kind') == 'script' and not (r.get('file') and r.get('line')):
            err(f'input section {i}: script rule without a location')
    for i, y in enumerate(d['symbols']):
        if not is_hex(y.get('value')):
            err(f'symbol {y.get("name")}: value is not a hex string')
        if y.get('section') is not None and not 0 <= y['section'] < len(isecs):
            err(f'symbol {y.get("name")}: section out of range')
    for x in d['discarded']:
        if not x.get('reason'):
            err(f'discarded {x.get("name")}: no reason')
    # every content section of the given objects, once
    by_file = {}
    for s in isecs:
        by_file.setdefault(files[s['file']]['name'], []).append(s['name'])
    for x in d['discarded']:
        by_file.setdefault(files[x['file']]['name'], []).append(x['name'])
    for path in sys.argv[2:]:
        want = sorted(n for n, _ in elf_content_sections(path))
        got = sorted(n for n in by_file.get(path, []) if n != 'COMMON')
        if want != got:
            err(f'{path}: sections {want} but the layout has {got}')
    if errors:
        print('\n'.join(errors[:30]))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
