#!/usr/bin/env python3
"""minimize: shrink a kept scriptdiff case by deleting lines while it stays the same kind of failure.

  python3 tests/fuzz/minimize.py CASE_DIR [NEW_DIR] [--slink PATH] [--match REGEX]

Copies CASE_DIR to NEW_DIR (default CASE_DIR.min) and repeatedly deletes chunks of lines (then
single lines) of script.ld, insert.ld, a.s, b.s and entries of args while the case keeps its
class (differ / slink-rejects / ...) and, for differ, the kind of the first difference (section
headers, program headers, symbols, bytes).  --match REGEX additionally requires REGEX to match
the diff (or the failing linker's stderr), to stay on one bug.  Prints the result.
"""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scriptdiff  # noqa: E402


def kind_of(d, cls):
    p = os.path.join(d, 'diff')
    text = open(p).read() if os.path.exists(p) and cls in ('differ', 'known-got') else ''
    for f in ('slink.stderr', 'bfd.stderr'):
        if cls.endswith('rejects') and os.path.exists(os.path.join(d, f)):
            text += open(os.path.join(d, f)).read()
    m = re.search(r'^--- ld.bfd (.*)$', text, re.M)
    first = m.group(1) if m else ''
    return first, text


def main():
    a = sys.argv[1:]
    slink = '/tmp/fuzz/slink'
    match = None
    if '--slink' in a:
        i = a.index('--slink')
        slink = a[i + 1]
        del a[i:i + 2]
    if '--match' in a:
        i = a.index('--match')
        match = re.compile(a[i + 1], re.M)
        del a[i:i + 2]
    src = a[0]
    dst = a[1] if len(a) > 1 else src.rstrip('/') + '.min'
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    for f in ('diff', 'class'):
        if os.path.exists(os.path.join(dst, f)):
            os.remove(os.path.join(dst, f))
    cls0, _ = scriptdiff.one(dst, slink)
    first0, text0 = kind_of(dst, cls0)
    print('class', cls0, '| first block:', first0)

    def ok():
        if os.path.exists(os.path.join(dst, 'diff')):
            os.remove(os.path.join(dst, 'diff'))
        cls, _ = scriptdiff.one(dst, slink)
        if cls != cls0:
            return False
        first, text = kind_of(dst, cls)
        if first != first0:
            return False
        return not match or bool(match.search(text))

    files = [f for f in ('script.ld', 'insert.ld', 'a.s', 'b.s', 'args')
             if os.path.exists(os.path.join(dst, f))]
    changed = True
    while changed:
        changed = False
        for f in files:
            path = os.path.join(dst, f)
            lines = open(path).read().split('\n')
            chunk = max(1, len(lines) // 4)
            while chunk >= 1:
                i = 0
                while i < len(lines):
                    cand = lines[:i] + lines[i + chunk:]
                    if f == 'args' and any(x in ('-T', 'a.o') or x.endswith('.ld')
                                           for x in lines[i:i + chunk]):
                        i += chunk
                        continue
                    open(path, 'w').write('\n'.join(cand))
                    if ok():
                        lines = cand
                        changed = True
                    else:
                        i += chunk
                open(path, 'w').write('\n'.join(lines))
                chunk //= 2
            if f == 'args' and 'b.o' not in lines and os.path.exists(os.path.join(dst, 'b.s')):
                os.remove(os.path.join(dst, 'b.s'))
                files = [x for x in files if x != 'b.s']
    scriptdiff.one(dst, slink)
    for f in files:
        print('==== %s' % f)
        print(open(os.path.join(dst, f)).read())
    for f in ('diff', 'bfd.stderr', 'slink.stderr'):
        p = os.path.join(dst, f)
        if os.path.exists(p) and os.path.getsize(p):
            print('==== %s' % f)
            print(open(p).read()[:3000])


if __name__ == '__main__':
    main()
