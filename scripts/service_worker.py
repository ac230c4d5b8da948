#!/usr/bin/env python3
"""Trunk post-build step: write the service worker (sw.js) with the bundle's precache list.

Trunk hashes the app's file names, so the list of files to cache is only known after the build.
This lists every file in the staging directory and splits it in two: the reading app (index.html,
the app's js/wasm/css, the favicon and icons, the manifest, the bundled articles) is precached on
install; the analysis engine (the worker's loader/js/wasm and the model) and the page worker
(`dateline-page-worker*`, which reads saved pages) are cached the first time the reader uses
them, so reading never pays for either. It fills in the template scripts/sw.js and writes sw.js
beside index.html. The cache version is a digest of
every listed file's path and contents, so any change to the bundle installs a new cache.
Runs after csp_hash.py, because it hashes the final index.html.
"""
import hashlib
import json
import os
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("service_worker.py runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)")

files = []
for root, dirs, names in os.walk(staging):
    dirs.sort()
    for name in sorted(names):
        relative = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
        if relative != "sw.js":
            files.append(relative)
files.sort()
if "index.html" not in files:
    sys.exit("service_worker.py: no index.html in %s" % staging)

digest = hashlib.sha256()
for relative in files:
    digest.update(relative.encode("utf-8") + b"\0")
    with open(os.path.join(staging, relative), "rb") as f:
        digest.update(hashlib.sha256(f.read()).digest())
version = digest.hexdigest()[:16]

template_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sw.js")
template = open(template_path, encoding="utf-8").read()
for placeholder in ("'__VERSION__'", "__PRECACHE__"):
    if placeholder not in template:
        sys.exit("scripts/sw.js has no %s placeholder" % placeholder)
def is_engine(relative):
    # The analysis worker, its model, and the page worker (saved pages on the Analyze page).
    return (
        relative.startswith("dateline-worker")
        or relative.startswith("dateline-page-worker")
        or relative.startswith("models/")
    )


precache = [f for f in files if not is_engine(f)]
on_demand = [f for f in files if is_engine(f)]
if "__ON_DEMAND__" not in template:
    sys.exit("scripts/sw.js has no __ON_DEMAND__ placeholder")
sw = (
    template.replace("'__VERSION__'", json.dumps(version))
    .replace("__PRECACHE__", json.dumps(precache, indent=2))
    .replace("__ON_DEMAND__", json.dumps(on_demand, indent=2))
)
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(sw)
