#!/usr/bin/env python3
"""Checks a corpus JSONL file: python3 tools/corpus/validate.py FILE.jsonl
Each line: {"id": "...", "kind": "synopsis|review|blurb|episode|game", "text": "...", "tags": "a;b" or "", "hard": true|false}"""
import csv, json, os, re, sys
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
TAGS = ["sexual-violence","sexual-content","violence","gore","torture","child-abuse","domestic-abuse","self-harm",
        "suicide","substance-abuse","animal-harm","kidnapping","human-trafficking","discrimination","eating-disorder"]
KINDS = {"synopsis","review","blurb","episode","game"}
def grams(t):
    w = re.findall(r"[a-z0-9']+", t.lower()); return {tuple(w[i:i+3]) for i in range(len(w)-2)}
existing = {}
for f in [os.path.join(ROOT, "data", n) for n in ("corpus.csv", "heldout.csv", "unseen-writers.csv") if os.path.exists(os.path.join(ROOT, "data", n))]:
    for r in csv.DictReader(open(f)): existing[r["id"]] = grams(r["text"])
# An index from 3-gram to the rows that have it: each new row is compared only with rows it shares a 3-gram with.
index = {}; sizes = {}
for oid, og in existing.items():
    sizes[oid] = len(og)
    for x in og: index.setdefault(x, []).append(oid)
path = sys.argv[1]; errors = 0; seen = set(); n = 0
for i, line in enumerate(open(path), 1):
    if not line.strip(): continue
    n += 1
    try: r = json.loads(line)
    except Exception as e: print(f"line {i}: not JSON: {e}"); errors += 1; continue
    pid = r.get("id")
    def bad(msg):
        global errors; errors += 1; print(f"line {i} ({pid}): {msg}")
    if not isinstance(pid, str) or not pid: bad("missing id"); continue
    if pid in seen or pid in existing: bad("duplicate id")
    if r.get("kind") not in KINDS: bad(f"kind {r.get('kind')!r} not one of {sorted(KINDS)}")
    text = r.get("text", "")
    wc = len(text.split())
    if not (10 <= wc <= 300): bad(f"{wc} words (10-300)")
    tags = [t for t in r.get("tags", "").split(";") if t]
    for t in tags:
        if t not in TAGS: bad(f"unknown tag {t!r}")
    if [t for t in TAGS if t in tags] != tags: bad("tags not in taxonomy order or repeated")
    if not isinstance(r.get("hard"), bool): bad("hard must be true or false")
    g = grams(text)
    if len(g) >= 5:
        hits = {}
        for x in g:
            for oid in index.get(x, ()): hits[oid] = hits.get(oid, 0) + 1
        for oid, k in hits.items():
            og = sizes[oid]
            if og >= 5 and k / min(len(g), og) > 0.5:
                bad(f"shares most of its word 3-grams with {oid}"); break
    seen.add(pid)
    sizes[pid] = len(g)
    for x in g: index.setdefault(x, []).append(pid)
print(f"{n} rows, {errors} problems")
