#!/usr/bin/env bash
# Copyright 2026 The Parley Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Whole-process benchmark of parley-extract: builds a Release parley-extract
# (or takes one), writes a JSON Lines corpus of news-like text into a
# temporary directory, runs `parley-extract --jsonl` on it with one thread and
# with two, and prints for each run the text throughput (MB/s, 1 MB = 10^6
# bytes of document text), words/s (whitespace-separated words) and peak RSS,
# then the speedup of two threads over one.  A first run on an empty input
# gives the start-up cost (building the Extractor), which every run includes.
#
#   tests/bench/run_whole_process.sh [--extract PATH] [--build-dir DIR]
#       [--corpus DIR] [--size-mb N] [--budget-seconds S] [--keep]
#
#   --extract PATH      a Release parley-extract to use instead of building one
#   --build-dir DIR     where to build it (default /tmp/parley-bench-build)
#   --corpus DIR        texts (*.txt) to draw paragraphs from besides
#                       tests/bench/data/news_sample.txt
#                       (default ../shared/corpus/dev beside the repository;
#                       skipped when absent)
#   --size-mb N         corpus size in MB of text (default 50)
#   --budget-seconds S  wall-clock limit of each run (default 75)
#   --keep              keep the temporary directory and print its path
#
# Documents are 4 to 14 paragraphs drawn at random (fixed seed) from the
# texts, each with its own id and document date, so no two are alike.  A run
# that reaches its budget is stopped with SIGTERM and measured on the
# documents whose records it wrote, and its line says so: the figures are
# then a lower bound (records still in the tool's output buffer are not
# counted).  CPU seconds (user + system) are printed beside wall-clock
# seconds, since on a busy machine only the CPU time is comparable.
#
# Peak RSS is the kernel's figure, wait4's ru_maxrss, the one that
# `/usr/bin/time -v` reports as "Maximum resident set size".  The kernel
# counts the launching process's size before exec in it, so the launcher
# stays small (it never reads a whole output file) and says when a figure
# is not above its own size.
#
# It does not check the records (tests/parley_extract_test.cc does), measure
# single stages (the *_bench programs do), or pin CPUs: run it on an idle
# machine.  Needs bash, python3, and for building CMake and a compiler.

set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_DIR="$(cd "${SCRIPT_DIR}/../.." && pwd)"

extract=""
build_dir="/tmp/parley-bench-build"
corpus_dir="${REPO_DIR}/../shared/corpus/dev"
size_mb=50
budget_seconds=75
keep=0

usage() {
  sed -n '/^#   tests/,/^#   --keep/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --extract) extract="${2:?}"; shift 2 ;;
    --build-dir) build_dir="${2:?}"; shift 2 ;;
    --corpus) corpus_dir="${2:?}"; shift 2 ;;
    --size-mb) size_mb="${2:?}"; shift 2 ;;
    --budget-seconds) budget_seconds="${2:?}"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) usage ;;
  esac
done

if [[ -z "${extract}" ]]; then
  generator=()
  if command -v ninja > /dev/null; then generator=(-G Ninja); fi
  echo "building parley-extract (Release) in ${build_dir}" >&2
  cmake -S "${REPO_DIR}" -B "${build_dir}" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_TESTS=OFF \
    -DPARLEY_BUILD_EXAMPLES=ON > /dev/null
  cmake --build "${build_dir}" --target parley-extract -j "$(nproc)" \
    > /dev/null
  extract="${build_dir}/examples/parley-extract"
fi
if [[ ! -x "${extract}" ]]; then
  echo "not an executable: ${extract}" >&2
  exit 2
fi

work_dir="$(mktemp -d -t parley-bench.XXXXXX)"
if [[ "${keep}" -eq 1 ]]; then
  echo "keeping ${work_dir}" >&2
else
  trap 'rm -rf "${work_dir}"' EXIT
fi

# Writes corpus.jsonl and sizes.tsv (text bytes and words of each line).
python3 - "${SCRIPT_DIR}/data/news_sample.txt" "${corpus_dir}" \
  "${size_mb}" "${work_dir}" <<'EOF'
import datetime
import glob
import json
import os
import random
import sys

fixture, corpus_dir, size_mb, work_dir = sys.argv[1:]
texts = [fixture] + sorted(glob.glob(os.path.join(corpus_dir, "*.txt")))
paragraphs = []
for path in texts:
    with open(path, encoding="utf-8") as f:
        paragraphs += [p.strip() for p in f.read().split("\n\n") if p.strip()]

rng = random.Random(20260101)
first_day = datetime.date(2015, 1, 1).toordinal()
last_day = datetime.date(2025, 12, 31).toordinal()
target = int(float(size_mb) * 1e6)
total = 0
count = 0
with open(os.path.join(work_dir, "corpus.jsonl"), "w", encoding="utf-8") as out, \
     open(os.path.join(work_dir, "sizes.tsv"), "w") as sizes:
    while total < target:
        text = "\n\n".join(rng.sample(paragraphs, rng.randint(4, 14))) + "\n"
        day = datetime.date.fromordinal(rng.randint(first_day, last_day))
        record = {"id": f"bench-{count:06d}", "document_date": day.isoformat(),
                  "text": text}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        size = len(text.encode("utf-8"))
        sizes.write(f"{size}\t{len(text.split())}\n")
        total += size
        count += 1
print(f"corpus: {count} documents, {total / 1e6:.1f} MB of text from "
      f"{len(texts)} files ({len(paragraphs)} paragraphs)")
EOF
: > "${work_dir}/empty.jsonl"

# Runs parley-extract once and prints its figures.
python3 - "${extract}" "${work_dir}" "${budget_seconds}" <<'EOF'
import os
import resource
import signal
import subprocess
import sys
import time

extract, work_dir, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
with open(os.path.join(work_dir, "sizes.tsv")) as f:
    sizes = [tuple(int(v) for v in line.split("\t")) for line in f]


def run(name, input_path, threads):
    """Returns (wall seconds, CPU seconds, peak RSS in KiB, records written,
    whether it was stopped at the budget)."""
    out_path = os.path.join(work_dir, f"{name}.out")
    with open(out_path, "wb") as out, \
         open(os.path.join(work_dir, f"{name}.err"), "wb") as err:
        start = time.monotonic()
        process = subprocess.Popen(
            [extract, "--jsonl", "--threads", str(threads), input_path],
            stdout=out, stderr=err)
        stopped = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > budget and not stopped:
                os.kill(process.pid, signal.SIGTERM)
                stopped = True
            time.sleep(0.05)
        seconds = time.monotonic() - start
    if not stopped and os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{name}: parley-extract failed "
                 f"(exit {os.waitstatus_to_exitcode(status)}); see {name}.err")
    records = 0
    with open(out_path, "rb") as f:
        while chunk := f.read(1 << 20):
            records += chunk.count(b"\n")
    return (seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
            records, stopped)


def notes(rss, stopped):
    text = ""
    if rss <= resource.getrusage(resource.RUSAGE_SELF).ru_maxrss:
        text += "  (RSS not above the launcher's own: an upper bound)"
    if stopped:
        text += f"  (stopped at the {budget:.0f} s budget)"
    return text


seconds, cpu, rss, _, stopped = run(
    "startup", os.path.join(work_dir, "empty.jsonl"), 1)
print(f"start-up (empty input): {seconds:.2f} s wall, {cpu:.2f} s CPU, "
      f"peak RSS {rss / 1024:.0f} MiB{notes(rss, stopped)}")
rates = {}
for threads in (1, 2):
    seconds, cpu, rss, records, stopped = run(
        f"threads{threads}", os.path.join(work_dir, "corpus.jsonl"), threads)
    text_bytes = sum(size for size, _ in sizes[:records])
    words = sum(count for _, count in sizes[:records])
    rates[threads] = text_bytes / seconds
    print(f"--threads {threads}: {records} documents, "
          f"{text_bytes / 1e6:.1f} MB in {seconds:.1f} s wall "
          f"({cpu:.1f} s CPU): {text_bytes / 1e6 / seconds:.3f} MB/s, "
          f"{words / seconds:,.0f} words/s, "
          f"peak RSS {rss / 1024:.0f} MiB{notes(rss, stopped)}")
if rates[1] > 0:
    print(f"speedup of 2 threads over 1: {rates[2] / rates[1]:.2f}x")
EOF
