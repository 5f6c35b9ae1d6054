#!/usr/bin/env python3
"""What a user's own script would do: parse every data file with Debian's python3-yaml.

    py_baseline.py safe_load|csafe PATH...

safe_load: yaml.safe_load (the pure-Python loader most scripts call);
csafe: yaml.load with yaml.CSafeLoader (libyaml's C parser, Python objects built in C).
A PATH that is a folder stands for every *.yaml / *.yml file below it, found as wijk finds its
data files (names starting with '.' skipped, and the root's wijk.yaml). Parse only: the
documents are built and dropped, nothing is checked. Prints the number of files parsed.
"""
import os
import sys

import yaml


def collect(root, out):
    if not os.path.isdir(root):
        out.append(root)
        return
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            if folder == root and name == "wijk.yaml":
                continue
            out.append(os.path.join(folder, name))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("safe_load", "csafe"):
        sys.exit("usage: py_baseline.py safe_load|csafe PATH...")
    if sys.argv[1] == "csafe":
        if not getattr(yaml, "__with_libyaml__", False):
            sys.exit("py_baseline.py: this python3-yaml has no libyaml (CSafeLoader)")
        loader = yaml.CSafeLoader

        def load(f):
            return yaml.load(f, Loader=loader)
    else:
        load = yaml.safe_load
    files = []
    for root in sys.argv[2:]:
        collect(root, files)
    files.sort()
    count = 0
    for path in files:
        with open(path, "rb") as f:
            load(f)
        count += 1
    print("{} files parsed ({})".format(count, sys.argv[1]))


if __name__ == "__main__":
    main()
