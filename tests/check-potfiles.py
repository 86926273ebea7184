#!/usr/bin/env python3
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in lists a file that does not exist or is not sorted.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = [line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
          if line.strip() and not line.startswith('#')]

marker = re.compile(r'\b(?:_|N_|C_|NC_)\s*\(|translatable="yes"|<summary>|<description>')
needed = []
for folder, patterns in (('src', ('*.c',)), ('ui', ('*.ui',)), ('data', ('*.gschema.xml', '*.desktop.in', '*.metainfo.xml.in'))):
    for pattern in patterns:
        for path in sorted((root / folder).rglob(pattern)):
            if marker.search(path.read_text(encoding='utf-8')):
                needed.append(str(path.relative_to(root)))

problems = []
for path in sorted(set(needed) - set(listed)):
    problems.append(f'po/POTFILES.in: {path} has translatable strings but is not listed')
for path in listed:
    if not (root / path).exists():
        problems.append(f'po/POTFILES.in: {path} does not exist')
if listed != sorted(listed):
    problems.append('po/POTFILES.in: the list is not sorted')

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
