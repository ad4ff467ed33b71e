#!/usr/bin/env python3
"""Compare slink's map file with GNU ld's for the same link.

usage: mapcmp.py [--placed] GNU.map SLINK.map

Only the differences listed in docs/map-differences.md are normalized away:
  * GNU ld's x86 backend makes empty dynamic sections (.iplt, .got, .got.plt, .igot.plt, .plt,
    .rel(a).*) in the first input object even for static links;
    slink makes them for static executables, but otherwise only the sections a link needs.
    Zero-size input lines slink's map does not have are dropped from GNU ld's map; an output section left with no input and no assignment loses its address
    (slink does not create it), and one left with no lines at all (an orphan) is dropped.
    GNU ld's cross reference line for its own _GLOBAL_OFFSET_TABLE_ goes with them.
  * OUTPUT(file format): the two links write different files.
  * GNU ld's "Merging program properties" block (x86 property notes), which slink does not
    print yet (docs/map-differences.md, "Not yet printed").
With --placed only the placed contents are compared: archive members, common symbols,
discarded sections, memory configuration, and in the script part the output sections of
nonzero size, input sections of nonzero size and symbols (for the default script, whose
empty-section bookkeeping is covered by the full comparisons of -T links).
Exit status 0 when equal; otherwise a unified diff and status 1.
"""
import difflib
import re
import sys

LINKER_MADE = {'.iplt', '.rela.iplt', '.rela.got', '.got', '.got.plt', '.igot.plt', '.plt', '.rela.plt'}


def linker_made(name):
    # .rela<section> / .rel<section>: the dynamic relocation sections made for each input
    # section with relocations
    return name in LINKER_MADE or name.startswith('.rel')


INPUT_RE = re.compile(r'^ (\S+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+) (.*)$', re.S)
HEADER_RE = re.compile(r'^(\S+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+)( load address 0x[0-9a-f]+)?$')


def split_blocks(lines):
    """Split the script part into blocks: each output section starts at a line that begins
    with a non-space (after a blank line)."""
    blocks, cur = [], []
    for ln in lines:
        if ln and not ln[0].isspace() and cur:
            blocks.append(cur)
            cur = []
        cur.append(ln)
    if cur:
        blocks.append(cur)
    return blocks


def join_wrapped(lines):
    """A long input section name goes on a line of its own, its address on the next: join
    them (with a marker to split them again) so that one regular expression sees both."""
    out, i = [], 0
    while i < len(lines):
        ln = lines[i]
        if re.match(r'^ \S+$', ln) and i + 1 < len(lines) and re.match(r'^ {16}0x[0-9a-f]+ +0x[0-9a-f]+ ', lines[i + 1]):
            out.append(ln + WRAP + lines[i + 1])
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


WRAP = '\x00'


def first_object(lines):
    """GNU ld's dynobj: the object its empty .iplt belongs to (else the first LOAD)."""
    for i, ln in enumerate(lines):
        m = re.match(r'^ \.iplt +0x[0-9a-f]+ +0x0 (.*)$', ln)
        if m:
            return m.group(1)
    for ln in lines:
        if ln.startswith('LOAD '):
            return ln[5:]
    return None


def header_names(lines):
    """(name, has address) of each output section header line of the script part, in order."""
    try:
        start = lines.index('Linker script and memory map')
    except ValueError:
        return []
    res = []
    for b in split_blocks(lines[start + 1:]):
        h = b[0]
        if h and not h[0].isspace() and not h.startswith(('LOAD ', 'OUTPUT(', 'START GROUP', 'END GROUP')):
            res.append((h.split()[0], HEADER_RE.match(h) is not None))
    return res


def normalize_gnu(lines, mine):
    dynobj = first_object(lines)
    out = []
    try:
        start = lines.index('Linker script and memory map')
    except ValueError:
        return lines
    # whether slink's map gives the nth output section statement of a name an address
    theirs = {}
    for name, has in header_names(mine):
        theirs.setdefault(name, []).append(has)
    # the empty linker sections slink makes too (those of static executables) are compared
    mine_empty = set()
    for ln in join_wrapped(mine):
        m = INPUT_RE.match(ln.replace(WRAP, ''))
        if m and linker_made(m.group(1)) and m.group(2) == '0':
            mine_empty.add((m.group(1), m.group(3)))
    seen = {}
    head, body = lines[:start + 1], join_wrapped(lines[start + 1:])
    for b in split_blocks(body):
        header = b[0]
        name = header.split()[0] if header.strip() else ''
        nth = seen.get(name, 0)
        seen[name] = nth + 1
        kept, dropped = [], False
        for ln in b[1:]:
            m = INPUT_RE.match(ln.replace(WRAP, ''))
            if m and linker_made(m.group(1)) and m.group(2) == '0' and m.group(3) == dynobj and \
                    (m.group(1), m.group(3)) not in mine_empty:
                dropped = True
                continue
            kept.append(ln)
        if dropped:
            has_input = any(INPUT_RE.match(ln) for ln in kept)
            has_wild = any(re.match(r'^ \S.*\(', ln) and not INPUT_RE.match(ln) for ln in kept)
            m = HEADER_RE.match(header)
            if not has_input and not has_wild:
                # an orphan made only of linker sections: slink has no such statement; the
                # lines after it are top-level statements
                if out and out[-1] == '':
                    out.pop()
                out.extend(kept)
                seen[name] = nth
                continue
            slink_has = theirs.get(name, [])
            if m and m.group(2) == '0' and not has_input and nth < len(slink_has) and not slink_has[nth]:
                header = m.group(1)
        out.append(header)
        out.extend(kept)
    res = head + [p for ln in out for p in ln.split(WRAP)]
    # the cross reference entry of GNU ld's own GOT symbol
    res = [ln for ln in res if not re.match(r'^_GLOBAL_OFFSET_TABLE_\s+' + re.escape(dynobj or '') + '$', ln)]
    return res


def drop_property_merging(lines):
    """GNU ld's "Merging program properties" block (not printed by slink yet)."""
    try:
        i = lines.index('Merging program properties')
    except ValueError:
        return lines
    j = i + 2
    while j < len(lines) and lines[j].startswith(('Removed property', 'Updated property')):
        j += 1
    return lines[:i - 1] + lines[j:]


def common(lines):
    return [re.sub(r'^OUTPUT\(\S+ ', 'OUTPUT(<output> ', ln) for ln in lines]


def placed(lines):
    """Header sections, then only what occupies space in the script part."""
    try:
        start = lines.index('Linker script and memory map')
    except ValueError:
        return lines
    out = lines[:start + 1]
    for ln in join_wrapped(lines[start + 1:]):
        m = HEADER_RE.match(ln)
        if m and m.group(2) != '0':
            out.append(ln)
            continue
        m = INPUT_RE.match(ln)
        if m and m.group(2) != '0' and not ln.startswith(' *fill*'):
            out.append(ln)
            continue
        if re.match(r'^ {16}0x[0-9a-f]+ {16}\S+$', ln):
            out.append(ln)
    return [p for ln in out for p in ln.split(WRAP)]


def main():
    args = sys.argv[1:]
    only_placed = False
    if args and args[0] == '--placed':
        only_placed, args = True, args[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gnu = open(args[0]).read().split('\n')
    mine = open(args[1]).read().split('\n')
    gnu = common(drop_property_merging(normalize_gnu(gnu, mine)))
    mine = common(mine)
    if only_placed:
        gnu, mine = placed(gnu), placed(mine)
    if gnu == mine:
        return 0
    sys.stdout.writelines(l + '\n' for l in difflib.unified_diff(gnu, mine, 'ld.bfd map (normalized)', 'slink map', lineterm=''))
    return 1


if __name__ == '__main__':
    sys.exit(main())
