#!/usr/bin/env bash
# Retrains the embedded default model from data/corpus.csv (fixed seed), then rewrites docs/evaluation.md from the
# held-out rows in data/heldout.csv, which training never sees. One command; deterministic for the same data.
# Extra arguments go to the evaluation tool, e.g. --sentence-cache FILE to keep the accurate tier's sentence
# embeddings between runs (embedding the corpus is most of the time).
set -euo pipefail
cd "$(dirname "$0")/.."
model=src/ContentTags/Model/default-model.zip
dotnet run --project src/ContentTags.Cli -c Release -- train data/corpus.csv -o "$model" --seed 42 --quiet
dotnet build src/ContentTags -c Release --nologo -v quiet   # re-embed the new model
dotnet run --project tools/ContentTags.Evaluation -c Release -- --model "$model" --ablation "$@"
