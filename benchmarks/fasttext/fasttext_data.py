#!/usr/bin/env python3
"""Helpers for compare.sh: convert labeled CSV to fastText format, and score predictions with macro-F1.

  fasttext_data.py convert CSV OUT_LABELED OUT_TEXTS [REPEAT]   fastText training/eval lines and bare text lines
  fasttext_data.py tags CSV                                     the taxonomy: every tag in the file, one per line
  fasttext_data.py f1-fasttext CSV PREDICTIONS TAGS_FILE         PREDICTIONS from `fasttext predict-prob ... -1 T`
  fasttext_data.py f1-contenttags CSV TAGGED_CSV TAGS_FILE       TAGGED_CSV from `contenttags tag` (content_warnings)
  fasttext_data.py sweep-fasttext CSV ALL_PROBS TAGS_FILE        ALL_PROBS from `predict-prob ... -1 0`: the best single
                                                                threshold on this very file (optimistic for fastText)
  fasttext_data.py repeat CSV OUT_CSV N                           the CSV's rows N times (for throughput timing)
"""
import csv
import re
import sys

csv.field_size_limit(1 << 30)
_PUNCT = re.compile(r"([.!?,;:'\"()\[\]/\u2019\u201c\u201d\u2014\u2013-])")


def normalize(text):
    """The usual fastText preprocessing: one line, lower case, punctuation split off as its own token."""
    text = _PUNCT.sub(r" \1 ", text.lower())
    return " ".join(text.split())


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def tags_of(cell):
    return [t.strip() for t in (cell or "").split(";") if t.strip()]


def convert(path, labeled_out, texts_out, repeat=1):
    rows = read_rows(path)
    with open(labeled_out, "w", encoding="utf-8") as labeled, open(texts_out, "w", encoding="utf-8") as texts:
        for _ in range(repeat):
            for row in rows:
                tags = tags_of(row["tags"]) or ["none"]
                text = normalize(row["text"])
                labeled.write(" ".join("__label__" + t for t in tags) + " " + text + "\n")
                texts.write(text + "\n")


def macro_f1(gold, predicted, taxonomy):
    f1s = []
    lines = []
    for tag in taxonomy:
        tp = sum(1 for g, p in zip(gold, predicted) if tag in g and tag in p)
        fp = sum(1 for g, p in zip(gold, predicted) if tag not in g and tag in p)
        fn = sum(1 for g, p in zip(gold, predicted) if tag in g and tag not in p)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        f1s.append(f1)
        lines.append(f"  {tag:<20} F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return sum(f1s) / len(f1s), lines


def read_fasttext(path, threshold=0.0):
    """Lines of "__label__a 0.93 __label__b 0.61" (labels at or above predict-prob's threshold; empty for none)."""
    predicted = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            tokens = line.split()
            labels = {}
            for label, p in zip(tokens[0::2], tokens[1::2]):
                if label.startswith("__label__") and float(p) >= threshold:
                    labels[label[len("__label__"):]] = float(p)
            labels.pop("none", None)
            predicted.append(set(labels))
    return predicted


def report(name, gold, predicted, taxonomy):
    if len(gold) != len(predicted):
        sys.exit(f"{name}: {len(predicted)} predictions for {len(gold)} rows")
    score, lines = macro_f1(gold, predicted, taxonomy)
    print("\n".join(lines), file=sys.stderr)
    print(f"{score:.3f}")


def main(argv):
    command = argv[1]
    if command == "convert":
        convert(argv[2], argv[3], argv[4], int(argv[5]) if len(argv) > 5 else 1)
    elif command == "tags":
        seen = sorted({t for row in read_rows(argv[2]) for t in tags_of(row["tags"])})
        print("\n".join(seen))
    elif command == "f1-fasttext":
        gold = [set(tags_of(r["tags"])) for r in read_rows(argv[2])]
        taxonomy = open(argv[4], encoding="utf-8").read().split()
        report("fastText", gold, read_fasttext(argv[3]), taxonomy)
    elif command == "sweep-fasttext":
        gold = [set(tags_of(r["tags"])) for r in read_rows(argv[2])]
        taxonomy = open(argv[4], encoding="utf-8").read().split()
        best = max((macro_f1(gold, read_fasttext(argv[3], t / 100), taxonomy)[0], t / 100) for t in range(5, 100, 5))
        print(f"{best[0]:.3f} {best[1]:.2f}")
    elif command == "f1-contenttags":
        gold = [set(tags_of(r["tags"])) for r in read_rows(argv[2])]
        taxonomy = open(argv[4], encoding="utf-8").read().split()
        predicted = [set(tags_of(r["content_warnings"])) for r in read_rows(argv[3])]
        report("ContentTags", gold, predicted, taxonomy)
    elif command == "repeat":
        rows = read_rows(argv[2])
        with open(argv[3], "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
            writer.writeheader()
            for _ in range(int(argv[4])):
                writer.writerows(rows)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
