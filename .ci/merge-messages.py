#!/usr/bin/env python3
"""Git merge driver for _locales/*/messages.json: a three-way merge by message key, so two branches
that each add keys never conflict. Set up with `git config merge.messages.driver
'python3 .ci/merge-messages.py %O %A %B'` (see .gitattributes). A key changed differently on both
sides is a real conflict: the driver keeps ours and exits 1 so git reports it."""
import json
import sys

base_path, ours_path, theirs_path = sys.argv[1:4]


def load(path):
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


base, ours, theirs = load(base_path), load(ours_path), load(theirs_path)
out = dict(ours)
conflict = False
for key, value in theirs.items():
    if key not in ours:
        if key not in base or base[key] != value:
            out[key] = value
    elif ours[key] != value:
        if base.get(key) == ours[key]:
            out[key] = value
        elif base.get(key) != value:
            conflict = True
for key in base:
    if key not in theirs and key in ours and ours[key] == base[key]:
        out.pop(key, None)
with open(ours_path, 'w', encoding='utf-8') as f:
    f.write(json.dumps(out, indent=2, ensure_ascii=False) + '\n')
sys.exit(1 if conflict else 0)
