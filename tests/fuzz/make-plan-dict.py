#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/fuzz/plan.dict, libFuzzer's dictionary for fuzz-plan, from
data/matplan.rng: every element and attribute name and every token of the
format, and the XML around them. Run it again when the format changes:

    python3 tests/fuzz/make-plan-dict.py data/matplan.rng > tests/fuzz/plan.dict
"""
import re
import sys

rng = open(sys.argv[1], encoding="utf-8").read()
elements = sorted(set(re.findall(r'<element name="([^"]+)"', rng)))
attributes = sorted(set(re.findall(r'<attribute name="([^"]+)"', rng)))
values = sorted(set(v for v in re.findall(r"<value[^>]*>([^<]*)</value>", rng) if v))

entries = []
for name in elements:
    entries += ["<" + name + ">", "</" + name + ">", "<" + name + " "]
entries += [" " + name + '="' for name in attributes]
entries += values
entries += ['<?xml version="1.0" encoding="UTF-8"?>', 'xmlns="urn:io.github.cohorts:matplan"',
            'format-version="5"', "<!DOCTYPE", "<!ENTITY", "<![CDATA[", "]]>", "<!--", "-->", "/>",
            "&amp;", "&#x", 'xmlns:x="urn:example"', "<x:e>", "</x:e>", 'encoding="ISO-8859-1"',
            "2027-09-01", '"true"', '"false"']

print("# libFuzzer's dictionary for fuzz-plan, made from data/matplan.rng by")
print("# tests/fuzz/make-plan-dict.py: do not edit.")
seen = set()
for entry in entries:
    if entry not in seen:
        seen.add(entry)
        print('"' + entry.replace("\\", "\\\\").replace('"', '\\"') + '"')
