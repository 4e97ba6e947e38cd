#!/usr/bin/env python3
"""Adds written rows to the corpus and applies label corrections, keeping the split stable.

  python3 tools/corpus/merge.py [--drop id,id...] [--labels corrections.csv] [rows.jsonl ...]
  python3 tools/corpus/merge.py --unseen rows.jsonl ...   (evaluation-only rows: data/unseen-writers.csv)

A row goes to data/heldout.csv when sha256(id) % 100 < 15, else to data/corpus.csv, so a row's side never depends
on what else is in the corpus. --drop removes rows (a near-duplicate pair the corpus test found, say); corrections.csv (id,tags) replaces the tags of rows already there. Rows whose id is
already present are skipped; every new row must pass validate.py's checks first."""
import csv, hashlib, io, json, os, sys
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
HEADER = ["id", "kind", "text", "tags", "hard"]
CORPUS, HELDOUT, UNSEEN = (os.path.join(ROOT, "data", n) for n in ("corpus.csv", "heldout.csv", "unseen-writers.csv"))
def read(f): return list(csv.reader(open(f, newline="")))[1:] if os.path.exists(f) else []
def held(i): return int(hashlib.sha256(i.encode()).hexdigest(), 16) % 100 < 15
args = sys.argv[1:]
unseen = args[:1] == ["--unseen"]
if unseen:
    # Rows by writers whose text never enters training or held-out: all of them go to one evaluation file.
    args = args[1:]
FILES = {"unseen": UNSEEN} if unseen else {False: CORPUS, True: HELDOUT}
side_of = (lambda i: "unseen") if unseen else held
tables = {k: read(f) for k, f in FILES.items()}
# An id is taken once across all three files, whichever one this run writes.
present = {r[0] for f in (CORPUS, HELDOUT, UNSEEN) for r in read(f)}
if args[:1] == ["--drop"]:
    drop = set(args[1].split(","))
    args = args[2:]
    for k in tables:
        tables[k] = [r for r in tables[k] if r[0] not in drop]
    print(f"dropped {len(drop & present)} rows")
if args[:1] == ["--labels"]:
    fixes = {r["id"]: r["tags"] for r in csv.DictReader(open(args[1]))}
    args = args[2:]
    changed = 0
    for rows in tables.values():
        for r in rows:
            if r[0] in fixes and r[3] != fixes[r[0]]: r[3] = fixes[r[0]]; changed += 1
    print(f"labels changed on {changed} rows")
added = {k: 0 for k in FILES}
for path in args:
    for line in open(path):
        if not line.strip(): continue
        r = json.loads(line)
        if r["id"] in present: continue
        present.add(r["id"]); side = side_of(r["id"])
        tables[side].append([r["id"], r["kind"], " ".join(r["text"].split()), r["tags"], "true" if r["hard"] else "false"])
        added[side] += 1
for side, f in FILES.items():
    out = io.StringIO(); w = csv.writer(out, lineterminator="\n"); w.writerow(HEADER); w.writerows(tables[side])
    open(f, "w", newline="").write(out.getvalue())
print("added " + ", ".join(f"{n} rows to {os.path.relpath(FILES[k], ROOT)} (now {len(tables[k])})" for k, n in added.items()))
