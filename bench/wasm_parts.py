#!/usr/bin/env python3
"""What each part of the reading app's wasm costs: a size benchmark (a program, not a test).

    cargo build -p dateline-app --target wasm32-unknown-unknown --profile wasm-release
    python3 bench/wasm_parts.py [APP.wasm]

Reads the app's wasm as cargo leaves it (before wasm-bindgen and wasm-opt, so its function names
are still there) with `twiggy top` (`cargo install twiggy`), sums each function's own size by the
part of the app its name belongs to, and prints the parts largest first. Generic code is counted
where it was instantiated; code and data without a name (most of "other") are not attributed.
The sizes are before wasm-opt -Oz and gzip: compare parts with each other, not with the bundle.
"""
import collections
import csv
import io
import os
import re
import subprocess
import sys

DEFAULT = os.path.join(
    os.environ.get("CARGO_TARGET_DIR", "target"),
    "wasm32-unknown-unknown/wasm-release/dateline-app.wasm",
)

# First match wins. The parts only the Analyze page and the reader's own articles need come first.
PARTS = [
    ("Analyze page", r"pages::analyze|\banalyze::"),
    ("reader's articles: IndexedDB store, migration", r"dateline_app::store|dateline_app::migrate|Idb"),
    ("import, batch import, saved pages", r"dateline_app::import|dateline_app::batch|dateline_app::page::"),
    ("analysis session (engine.rs, worker messages)", r"dateline_app::engine|protocol::"),
    ("corrections", r"corrections|correction_panel"),
    ("reader's article page and tools", r"pages::mine|mine_tools"),
    ("export (JSON, TimelineJS, HTML)", r"dateline_app::export|export_bar"),
    ("library page and shelf", r"pages::library|dateline_app::library"),
    ("library index format and builder", r"dateline_format::library"),
    ("entity page", r"pages::entity"),
    ("story timeline page", r"pages::story"),
    ("reading view components", r"components::|pages::reader|prerendered"),
    ("article format (validator, serde)", r"dateline_format::"),
    ("other app code (loading, dates, routes, start)", r"dateline_app::"),
    ("yew, yew-router", r"\byew(_router)?::|implicit_clone"),
    ("serde_json", r"serde_json"),
    ("serde", r"serde"),
    ("jiff", r"jiff"),
    ("std, core, alloc", r"^(core|alloc|std)\b|<(core|alloc|std)\b|dlmalloc|hashbrown"),
    ("wasm-bindgen, js-sys, web-sys, gloo", r"wasm_bindgen|js_sys|web_sys|gloo"),
    ("read-only data", r'^data segment'),
]


def main() -> None:
    wasm = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    if not os.path.exists(wasm):
        sys.exit(f"{wasm} is missing: build it first (see the docstring)")
    out = subprocess.run(
        ["twiggy", "top", "-n", "1000000", "--format", "csv", wasm],
        check=True, capture_output=True, text=True,
    ).stdout
    sizes = collections.Counter()
    total = 0
    for row in csv.DictReader(io.StringIO(out)):
        name, size = row["Name"], int(row["ShallowSize"])
        if name.startswith("custom section") or "subsection" in name or "__wbindgen_describe" in name:
            continue  # names and wasm-bindgen's descriptors: gone after wasm-bindgen and wasm-opt
        total += size
        part = next((p for p, pattern in PARTS if re.search(pattern, name)), "other (unnamed code, tables)")
        sizes[part] += size
    print(f"{wasm}: {total:,} bytes of code and data (before wasm-opt), by part")
    for part, size in sizes.most_common():
        print(f"  {size:>9,}  {100 * size / total:5.1f} %  {part}")
    only_mine = sum(sizes[p] for p, _ in PARTS[:6])
    print(f"  parts only the Analyze page and the reader's own articles need: {only_mine:,} bytes "
          f"({100 * only_mine / total:.1f} %)")


if __name__ == "__main__":
    main()
