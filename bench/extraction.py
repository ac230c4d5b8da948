#!/usr/bin/env python3
"""Article extraction against Readability's test pages: runs `dateline extract PAGE --json` on
every page folder's source.html and writes the predictions as JSON Lines for
shared/bench/score_extraction.py, then scores them.

    cargo build --release --bin dateline
    python3 bench/extraction.py [--pages ../shared/data/readability-pages/dev]
        [--dateline target/release/dateline] [--out extraction.pred.jsonl] [--no-score]

A page the CLI refuses is written with empty fields (and its message printed), so it counts as
a miss rather than vanishing from the score.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main():
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default=SHARED / "data/readability-pages/dev", type=Path)
    ap.add_argument("--dateline", default=target / "release/dateline", type=Path)
    ap.add_argument("--out", default=Path("extraction.pred.jsonl"), type=Path)
    ap.add_argument("--no-score", action="store_true", help="only write the predictions")
    a = ap.parse_args()
    failed = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for page in sorted(p for p in a.pages.iterdir() if (p / "source.html").exists()):
            run = subprocess.run(
                [str(a.dateline), "extract", str(page / "source.html"), "--json"],
                capture_output=True,
                text=True,
            )
            if run.returncode == 0:
                line = json.loads(run.stdout)
            else:
                failed += 1
                print(f"{page.name}: {run.stderr.strip()}", file=sys.stderr)
                line = {"title": "", "byline": None, "site_name": None, "published": None,
                        "lang": None, "paragraphs": []}
            out.write(json.dumps({"id": page.name, **line}, ensure_ascii=False) + "\n")
    print(f"wrote {a.out} ({failed} pages refused)", file=sys.stderr)
    if not a.no_score:
        scorer = SHARED / "bench/score_extraction.py"
        sys.exit(subprocess.run([sys.executable, str(scorer), str(a.pages), str(a.out)]).returncode)


if __name__ == "__main__":
    main()
