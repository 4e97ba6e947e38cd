#!/usr/bin/env bash
# Compares ContentTags with fastText (one-vs-all) on the same data: both learn from data/corpus.csv and are scored on
# data/heldout.csv (macro-F1 over the 15 tags), and both are timed on the held-out texts (texts/s, wall clock of the
# whole command, so model loading and process start are included; a second timing on the held-out rows repeated
# REPEAT times shows the steady rate).
#
#   benchmarks/fasttext/compare.sh            # from anywhere inside the repository
#   KEEP=1 WORK=/tmp/ft benchmarks/fasttext/compare.sh
#
# Settings (environment): THRESHOLD (fastText probability threshold, default 0.5), EPOCH (25), LR (0.5), DIM (50),
# REPEAT (20). ContentTags runs with its embedded model (trained from data/corpus.csv with tuned per-tag thresholds);
# set MODEL=path.zip to use another model file.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/benchmarks/fasttext
THRESHOLD=${THRESHOLD:-0.5}
EPOCH=${EPOCH:-25}
LR=${LR:-0.5}
DIM=${DIM:-50}
REPEAT=${REPEAT:-20}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

if ! command -v fasttext >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "compare.sh: fasttext is not installed and installing it needs root (apt-get install -y fasttext)" >&2
    exit 1
  fi
  echo "== installing Debian's fasttext package" >&2
  if ! apt-get install -y fasttext >&2; then
    apt-get update >&2
    apt-get install -y fasttext >&2
  fi
fi
command -v python3 >/dev/null || { echo "compare.sh: python3 is needed" >&2; exit 1; }

now() { date +%s.%N; }
rate() { python3 -c "import sys; n, a, b = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]); print(f'{n / (b - a):,.0f}')" "$@"; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$@"; }

echo "== converting data/corpus.csv and data/heldout.csv to fastText format in $WORK" >&2
python3 "$HERE/fasttext_data.py" convert data/corpus.csv "$WORK/train.txt" "$WORK/train-texts.txt"
python3 "$HERE/fasttext_data.py" convert data/heldout.csv "$WORK/heldout.txt" "$WORK/heldout-texts.txt"
python3 "$HERE/fasttext_data.py" tags data/corpus.csv > "$WORK/tags.txt"
python3 "$HERE/fasttext_data.py" repeat data/heldout.csv "$WORK/heldout-x$REPEAT.csv" "$REPEAT"
python3 "$HERE/fasttext_data.py" convert "$WORK/heldout-x$REPEAT.csv" "$WORK/heldout-x$REPEAT.txt" "$WORK/heldout-x$REPEAT-texts.txt"
N=$(wc -l < "$WORK/heldout-texts.txt")
NR=$(wc -l < "$WORK/heldout-x$REPEAT-texts.txt")
TAGS=$(wc -l < "$WORK/tags.txt")
echo "   $(wc -l < "$WORK/train.txt") training rows, $N held-out rows, $TAGS tags" >&2

echo "== fastText: train (-loss ova -thread 1 -seed 0 -wordNgrams 2 -minn 4 -maxn 4 -dim $DIM -epoch $EPOCH -lr $LR)" >&2
t0=$(now)
fasttext supervised -input "$WORK/train.txt" -output "$WORK/ft" -loss ova -thread 1 -seed 0 \
  -wordNgrams 2 -minn 4 -maxn 4 -dim "$DIM" -epoch "$EPOCH" -lr "$LR" -verbose 0
t1=$(now)
echo "   trained in $(secs "$t0" "$t1") s; model $(du -h "$WORK/ft.bin" | cut -f1)" >&2

t0=$(now)
fasttext predict-prob "$WORK/ft.bin" "$WORK/heldout-texts.txt" -1 "$THRESHOLD" > "$WORK/ft-pred.txt"
t1=$(now)
fasttext predict-prob "$WORK/ft.bin" "$WORK/heldout-x$REPEAT-texts.txt" -1 "$THRESHOLD" > /dev/null
t2=$(now)
fasttext predict-prob "$WORK/ft.bin" "$WORK/heldout-texts.txt" -1 0 > "$WORK/ft-all.txt"
read -r FT_BEST_F1 FT_BEST_T < <(python3 "$HERE/fasttext_data.py" sweep-fasttext data/heldout.csv "$WORK/ft-all.txt" "$WORK/tags.txt")
FT_F1=$(python3 "$HERE/fasttext_data.py" f1-fasttext data/heldout.csv "$WORK/ft-pred.txt" "$WORK/tags.txt" 2> "$WORK/ft-f1.txt")
FT_RATE=$(rate "$N" "$t0" "$t1")
FT_RATE_R=$(rate "$NR" "$t1" "$t2")

echo "== ContentTags: contenttags tag (Release build of src/ContentTags.Cli)" >&2
dotnet build src/ContentTags.Cli -c Release -v quiet -nologo >&2
# The built program itself, as the installed tool runs it: `dotnet run` would add a project evaluation (about a second)
# to every timing.
CONTENTTAGS=(dotnet "$ROOT/src/ContentTags.Cli/bin/Release/net10.0/ContentTags.Cli.dll")
MODEL_ARGS=()
[ -n "${MODEL:-}" ] && MODEL_ARGS=(--model "$MODEL")
t0=$(now)
"${CONTENTTAGS[@]}" tag data/heldout.csv -o "$WORK/ct-pred.csv" -q "${MODEL_ARGS[@]}"
t1=$(now)
"${CONTENTTAGS[@]}" tag "$WORK/heldout-x$REPEAT.csv" -o "$WORK/ct-pred-x$REPEAT.csv" -q "${MODEL_ARGS[@]}"
t2=$(now)
CT_F1=$(python3 "$HERE/fasttext_data.py" f1-contenttags data/heldout.csv "$WORK/ct-pred.csv" "$WORK/tags.txt" 2> "$WORK/ct-f1.txt")
CT_RATE=$(rate "$N" "$t0" "$t1")
CT_RATE_R=$(rate "$NR" "$t1" "$t2")

echo "== per-tag F1 (fastText | ContentTags)" >&2
paste -d '|' "$WORK/ft-f1.txt" "$WORK/ct-f1.txt" >&2
echo
echo "Held-out: $N texts from data/heldout.csv; throughput also on the same rows x$REPEAT ($NR texts); $(nproc) cores"
printf '%-46s macro-F1 %s   %8s texts/s (%d texts, incl. start-up)   %8s texts/s (%d texts)\n' \
  "fastText 0.9.2 ova, threshold $THRESHOLD, 1 thread" "$FT_F1" "$FT_RATE" "$N" "$FT_RATE_R" "$NR"
printf '%-46s macro-F1 %s   (threshold picked on the held-out file itself, so optimistic)\n' \
  "fastText 0.9.2 ova, best threshold $FT_BEST_T" "$FT_BEST_F1"
printf '%-46s macro-F1 %s   %8s texts/s (%d texts, incl. start-up)   %8s texts/s (%d texts)\n' \
  "ContentTags (contenttags tag, tuned thresholds)" "$CT_F1" "$CT_RATE" "$N" "$CT_RATE_R" "$NR"
