#!/usr/bin/env bash
# Runs the tool's reliability tests and renders docs/reliability.md from the counts that run recorded
# (bin/<configuration>/net10.0/reliability-results.tsv, written by Support/Reliability.cs). The document shows only
# numbers the run produced.
#
#   tests/ContentTags.Cli.Tests/write-reliability-doc.sh            # dotnet test, then render
#   tests/ContentTags.Cli.Tests/write-reliability-doc.sh --no-run   # render the last run's results again
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
config=${CONFIGURATION:-Release}
results="$here/bin/$config/net10.0/reliability-results.tsv"
doc="$root/docs/reliability.md"
summary_file="$here/bin/$config/net10.0/reliability-test-summary.txt"

if [[ "${1:-}" != "--no-run" ]]; then
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    start=$(date +%s)
    set +e
    dotnet test "$here" -c "$config" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    elapsed=$(( $(date +%s) - start ))
    {
        echo "exit=$status"
        echo "seconds=$elapsed"
        # The runner's closing line, such as "Passed!  - Failed: 0, Passed: 69, Skipped: 0, Total: 69, Duration: 1 m 2 s".
        echo "line=$(grep -E '^(Passed|Failed)!' "$log" | tail -1 | sed -E 's/ - ContentTags.Cli.Tests.dll.*//')"
    } > "$summary_file"
fi

[[ -f "$results" ]] || { echo "no results at $results: run the tests first" >&2; exit 1; }
[[ -f "$summary_file" ]] || { echo "no test summary at $summary_file: run without --no-run" >&2; exit 1; }
status=$(sed -n 's/^exit=//p' "$summary_file")
elapsed=$(sed -n 's/^seconds=//p' "$summary_file")
line=$(sed -n 's/^line=//p' "$summary_file")
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)

{
    cat <<'HEAD'
# Reliability

What the tool and the CSV tagger were put through, and whether it held. **This page is generated**: the tests in
`tests/ContentTags.Cli.Tests` record every check they make (see `Support/Reliability.cs`), and
`tests/ContentTags.Cli.Tests/write-reliability-doc.sh` runs them and writes this page from what they recorded. Every
number below was produced by that run; none is typed by hand.

HEAD
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$commit\`$dirty, $(nproc) cores, \`dotnet test -c $config\` exit code $status in ${elapsed} s."
    echo
    echo "Test runner: \`${line:-no closing line found}\`"
    echo
    echo "| Area | What was tried | Count | Checks | Held | Seconds |"
    echo "| --- | --- | ---: | ---: | --- | ---: |"
    # One row per kind of check: counts and times summed over its test cases; "held" only if every case held.
    awk -F'\t' 'NR > 1 {
        key = $1 "\t" $2
        if (!(key in count)) order[++n] = key
        count[key] += $3; checks[key]++; secs[key] += $5
        if ($4 != "held" && !(key in failed)) failed[key] = $4
    }
    END {
        for (i = 1; i <= n; i++) {
            key = order[i]; split(key, part, "\t")
            held = (key in failed) ? "**" failed[key] "**" : "yes"
            printf "| %s | %s | %d | %d | %s | %.1f |\n", part[1], part[2], count[key], checks[key], held, secs[key]
        }
    }' <(head -1 "$results"; tail -n +2 "$results" | sort -t$'\t' -k1,1 -s)
    cat <<'TAIL'

**Count** is what the check counts: cells, rows, tables, runs or calls (a fault scenario counts 1). **Checks** is how
many test cases made it. **Seconds** is wall time on the machine above, which may have been shared with other work.

## What each area means

- **CSV hazards (tool process)**: inputs written byte by byte by the test, tagged by the real `contenttags` process
  (`dotnet ContentTags.Cli.dll`), its output parsed with CsvHelper and compared cell by cell with the cells written;
  `content_warnings` and the `cw_<tag>` scores compared with the same model in-process.
- **Faults injected (tool process)**: a missing, corrupt or truncated model; missing input, text column or output
  folder; a read-only output folder (`chmod 555`, and `chattr +i` where the tests run as root); ragged rows and broken quoting; bad options; `/dev/full` as the output file, as stdout and behind stdin. Each
  must give the contract's exit code (1 bad input, 2 usage), one message naming file, line or column, and no file under
  the final output name (an older one there is kept).
- **Ordering**: 20,000 rows tagged on every core come out in input order, none lost or repeated; in-process, batch
  sizes and batches in flight change no byte of the output.
- **Sharding**: a folder of part files split over processes with `--shard K/N` gives byte for byte the files of one
  process (the local form of [scaling.md](scaling.md)).
- **Cancellation**: `kill -INT` / `kill -TERM` to a running tool: exit 130, no file under the final name, no temporary
  file left, an older output kept.
- **Generated tables / generated ragged tables (in-process)**: FsCheck generates tables full of hazards, CsvHelper's
  writer writes them, `CsvContentTagger.TagAsync` tags them; the output less the added column must equal the input cell
  by cell, a ragged row must be reported at the line it starts on, and with a bad-rows stream every ragged row must
  arrive there verbatim.
- **Threads x calls (in-process)**: one `ContentTagger` shared by 8 threads gives bit-identical results to one thread.
TAIL
} > "$doc"

echo "wrote $doc"
exit "$status"
