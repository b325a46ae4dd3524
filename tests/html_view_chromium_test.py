#!/usr/bin/env python3
# Copyright 2026 The Parley Authors.
# SPDX-License-Identifier: Apache-2.0
"""The HTML view as a browser draws it.

Renders parley-extract's HTML view of the sample article in headless
Chromium and checks, in the rendered page, that every person, country,
office and date mention of the tool's own JSON output for the same file is
highlighted (visible, its text, the background colour of its kind in the
legend, the four colours distinct) and that the meetings table has one row
per meeting, each linked to its evidence sentence.

A small script appended to a copy of the page reads the computed styles and
layout once the page is drawn and writes what it saw into the DOM, which
Chromium's --dump-dom prints; the view itself has no script.

    html_view_chromium_test.py PARLEY_EXTRACT SAMPLE.txt

Exits 77 (reported by CTest as skipped) when chromium is not installed.
"""

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
DOCUMENT_DATE = "2025-03-24"
KINDS = {"people": "person", "countries": "country", "offices": "office",
         "dates": "date"}

CHECK_SCRIPT = """
<script>
(function () {
  const kinds = ["person", "country", "office", "date"];
  const legend = {};
  for (const kind of kinds) {
    const item = document.querySelector(".legend ." + kind);
    legend[kind] = item ? getComputedStyle(item).backgroundColor : null;
  }
  const marks = {};
  for (const el of document.querySelectorAll(".article .mention")) {
    const kind = kinds.find((k) => el.classList.contains(k));
    const key = kind + " " + el.dataset.begin + " " + el.dataset.end;
    const box = el.getBoundingClientRect();
    const mark = marks[key] || (marks[key] = {text: "", colors: [],
                                              visible: true});
    mark.text += el.textContent;
    mark.colors.push(getComputedStyle(el).backgroundColor);
    mark.visible = mark.visible && box.width > 0 && box.height > 0;
  }
  const rows = [];
  for (const row of document.querySelectorAll("table.meetings tbody tr")) {
    const link = row.querySelector("a[href^='#']");
    const target = link &&
        document.getElementById(link.getAttribute("href").slice(1));
    rows.push({id: row.dataset.meeting, cells: row.cells.length,
               evidence: target ? target.textContent : null});
  }
  const out = document.createElement("pre");
  out.id = "parley-check";
  out.textContent = JSON.stringify({legend: legend, marks: marks,
                                    rows: rows});
  document.body.appendChild(out);
})();
</script>
"""


def run_tool(tool, sample, view):
    result = subprocess.run(
        [tool, "--quiet", "--format", view, "--date", DOCUMENT_DATE, sample],
        stdout=subprocess.PIPE, check=True, timeout=60)
    return result.stdout


def render(chromium, page_path, profile):
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile, "--dump-dom", "file://" + page_path],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=90)
    if result.returncode != 0:
        sys.exit("chromium failed (%d): %s" %
                 (result.returncode, result.stderr.decode(errors="replace")))
    return result.stdout.decode("utf-8")


def main():
    tool, sample = sys.argv[1], sys.argv[2]
    chromium = os.environ.get("PARLEY_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("SKIP: chromium is not installed (apt-get install chromium)")
        return SKIP

    with open(sample, "rb") as f:
        text = f.read()
    record = json.loads(run_tool(tool, sample, "json"))
    page = run_tool(tool, sample, "html").decode("utf-8")
    if "</body>" not in page:
        sys.exit("the HTML view has no </body>")

    with tempfile.TemporaryDirectory() as tmp:
        page_path = os.path.join(tmp, "sample.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", CHECK_SCRIPT + "</body>", 1))
        profile = os.path.join(tmp, "profile")
        os.mkdir(profile)
        dom = render(chromium, page_path, profile)

    found = re.search(r'<pre id="parley-check">(.*?)</pre>', dom, re.S)
    if not found:
        sys.exit("the check script left no result; the page did not render")
    seen = json.loads(html.unescape(found.group(1)))

    failures = []
    legend = seen["legend"]
    for kind, color in legend.items():
        if color in (None, "", "transparent", "rgba(0, 0, 0, 0)"):
            failures.append("legend: %s has no colour" % kind)
    if len(set(legend.values())) != len(legend):
        failures.append("legend: colours are not distinct: %s" % legend)

    mentions = 0
    for field, kind in KINDS.items():
        for entity in record[field]:
            for mention in entity["mentions"]:
                mentions += 1
                key = "%s %d %d" % (kind, mention["begin"], mention["end"])
                mark = seen["marks"].get(key)
                where = "%s %s %r" % (entity["id"], key, mention["text"])
                if mark is None:
                    failures.append("not highlighted: " + where)
                    continue
                if mark["text"] != mention["text"]:
                    failures.append("highlighted text %r: %s" %
                                    (mark["text"], where))
                if not mark["visible"]:
                    failures.append("not visible: " + where)
                if any(color != legend[kind] for color in mark["colors"]):
                    failures.append("colours %s, legend %s: %s" %
                                    (mark["colors"], legend[kind], where))

    meetings = record["meetings"]
    rows = seen["rows"]
    if [row["id"] for row in rows] != [m["id"] for m in meetings]:
        failures.append("meeting rows %s, meetings %s" %
                        ([row["id"] for row in rows],
                         [m["id"] for m in meetings]))
    for row, meeting in zip(rows, meetings):
        evidence = meeting["evidence"]
        sentence = text[evidence["begin"]:evidence["end"]].decode("utf-8")
        if row["cells"] != 8:
            failures.append("%s: %d cells" % (row["id"], row["cells"]))
        if row["evidence"] != sentence:
            failures.append("%s: link leads to %r" % (row["id"],
                                                      row["evidence"]))

    # The sample has records of every kind: an empty page must not pass.
    if mentions == 0 or not meetings:
        failures.append("the sample gave %d mentions and %d meetings" %
                        (mentions, len(meetings)))
    for failure in failures:
        print("FAIL: " + failure)
    print("%d mentions highlighted, %d meeting rows, %d failures" %
          (mentions, len(rows), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
