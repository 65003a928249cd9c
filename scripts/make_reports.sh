#!/usr/bin/env bash
# Regenerate reports/ from the built-in example article (factcheck/examples/, see
# docs/example-article.md), so the example reports always show what the code does today.
#
#   reports/example.txt    the rich report as plain text: no colour, 100 columns
#   reports/example.json   the JSON output contract (DESIGN.md section 5)
#   reports/example.sarif  the same findings as SARIF 2.1.0
#   reports/example.svg    the coloured rich report, recorded by rich (Console(record=True))
#
# Usage, with the project's virtualenv active:  scripts/make_reports.sh
#
# The text, JSON and SARIF files come from the CLI:
#   factcheck check --example --format rich|json|sarif --no-color --fail-on never --output FILE
# The SVG needs a recording Console, which the CLI does not offer, so a short Python snippet
# runs the same CLI command in-process with the rich reporter swapped for one that keeps the
# results, then renders them with factcheck.report.rich.render_svg.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports

# Not a terminal, so rich would use $COLUMNS or 100; pin it so the file never depends on the
# shell that ran this script.
export COLUMNS=100

factcheck check --example --format rich --no-color --fail-on never --output reports/example.txt
factcheck check --example --format json --fail-on never --output reports/example.json
factcheck check --example --format sarif --fail-on never --output reports/example.sarif

python - <<'PY'
"""Record the example's rich report as SVG (reports/example.svg)."""
import sys

import factcheck.report as report
from factcheck.report.rich import render_svg

captured = []


def keep_results(results, out, *, color=True):
    captured.extend(results)


choose_reporter = report.get_reporter
report.get_reporter = lambda fmt: keep_results if fmt == "rich" else choose_reporter(fmt)

from factcheck import cli  # noqa: E402  (imported after the swap on purpose)

argv = ["check", "--example", "--format", "rich", "--fail-on", "never"]
sys.argv = ["factcheck", *argv]
try:
    cli.main(argv)
except SystemExit as exit_:
    if exit_.code not in (0, None):
        sys.exit(f"factcheck check --example failed with exit code {exit_.code}")
if not captured:
    sys.exit("the CLI did not pass results to factcheck.report.get_reporter('rich')")
render_svg(captured, "reports/example.svg", width=100, title="factcheck check --example")
print("wrote reports/example.svg")
PY

echo "wrote reports/example.txt reports/example.json reports/example.sarif"
