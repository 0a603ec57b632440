#!/usr/bin/env python3
"""Expands tools/patterns/verbs.in into data/patterns/verbs.txt (Dyad's verb patterns).

verbs.in holds the patterns as people write them, with two shorthands:
  {a,b,c}   alternatives: one pattern per choice ("SUBJ {hold,conduct} talks with OBJ" gives two lines);
  {a,}      an optional word (the empty choice drops it).
After the verb, the one-word alternatives of a group (not prepositions) are written as one pattern word "a|b|c",
which the coder matches as any of them; verbs, prepositions and several-word alternatives give patterns of their own.
Lines starting with '#' are copied as they are (comments and section headings); blank lines too.
Checks: every code is a CAMEO code of data/cameo/codes.tsv, every pattern reads SUBJ verb [words] OBJ [words],
and no pattern is given two different codes. Deterministic: the same input gives the same bytes.

Run from the repository root:  python3 tools/patterns/expand.py [--check]
  --check   do not write; exit 1 when data/patterns/verbs.txt differs from what verbs.in gives.
"""
import itertools
import re
import sys

SRC = "tools/patterns/verbs.in"
OUT = "data/patterns/verbs.txt"
CODES = "data/cameo/codes.tsv"
FLAGS = {"sym", "nopass", "rev", "direct"}

GROUP = re.compile(r"\{([^{}]*)\}")


# the coder's prepositions (VerbPatternSet.Prepositions): the word before the target, kept one per pattern
PREPOSITIONS = {"with", "to", "on", "against", "from", "in", "into", "at", "for", "of", "by", "between", "upon",
                "behind", "near", "about", "over", "toward", "towards", "out"}


def expand(template, merge=False):
    """All patterns a template stands for. With merge, the one-word alternatives of a group after the verb become
    one pattern word "a|b|c" (the coder matches any of them), so the coder tries one pattern instead of many."""
    parts = GROUP.split(template)
    # parts: text, group, text, group, ...
    choices = []
    for i, p in enumerate(parts):
        if i % 2 == 0:
            choices.append([p])
            continue
        alts = p.split(",")
        verb_slot = "".join(parts[:i]).strip() == "SUBJ"
        single = [a for a in alts if a and " " not in a and a not in PREPOSITIONS and a not in ("OBJ", "^")]
        if merge and not verb_slot and len(single) > 1:
            rest = [a for a in alts if a not in single]
            choices.append(["|".join(single)] + rest)
        else:
            choices.append(alts)
    for combo in itertools.product(*choices):
        yield " ".join("".join(combo).split())


def main():
    check = "--check" in sys.argv[1:]
    codes = set()
    with open(CODES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split("\t", 1)[0])
    out, errors = [], []
    seen = {}
    written = set()
    with open(SRC, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                out.append(line)
                continue
            fields = line.split("\t")
            if len(fields) < 2 or len(fields) > 3:
                errors.append(f"{SRC}:{n}: expected CODE<TAB>PATTERN[<TAB>flags]")
                continue
            code, template = fields[0].strip(), fields[1].strip()
            flags = fields[2].strip() if len(fields) == 3 else ""
            if code not in codes:
                errors.append(f"{SRC}:{n}: '{code}' is not a CAMEO event code in {CODES}")
            for flag in flags.split():
                if flag not in FLAGS:
                    errors.append(f"{SRC}:{n}: unknown flag '{flag}'")
            for pattern in expand(template):
                words = pattern.split(" ")
                if len(words) < 3 or words[0] != "SUBJ" or "OBJ" not in words[2:]:
                    errors.append(f"{SRC}:{n}: '{pattern}' must read SUBJ verb [words] OBJ [words]")
                    continue
                key = (pattern, "rev" in flags.split())
                if key in seen:
                    if seen[key][0] != code:
                        errors.append(f"{SRC}:{n}: '{pattern}' is {code} here but {seen[key][0]} at line {seen[key][1]}")
                    continue
                seen[key] = (code, n)
            for pattern in expand(template, merge=True):
                line_out = f"{code}\t{pattern}" + (f"\t{flags}" if flags else "")
                if line_out not in written:
                    written.add(line_out)
                    out.append(line_out)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    text = "\n".join(out).rstrip("\n") + "\n"
    if check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print(f"expand: {OUT} is not what {SRC} gives; run python3 tools/patterns/expand.py", file=sys.stderr)
                return 1
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"expand: wrote {len(written)} patterns to {OUT} ({len(seen)} phrasings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
