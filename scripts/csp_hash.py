#!/usr/bin/env python3
"""Trunk post-build hook: allow exactly the inline scripts Trunk generated, by hash.

Trunk's loader is an inline <script type="module">; a static site cannot send a per-request
nonce, so the Content-Security-Policy in index.html lists the SHA-256 of each inline script
instead (placeholder `'inline-script-hashes'`). Runs after the prerender step, which writes
each page's loader.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp_hash.py runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)")
# index.html and every page the prerender step made from it: each has its own loader script
# (it names the files that page reads), so each gets its own hashes.
pages = [
    os.path.join(folder, name)
    for folder, _, names in os.walk(staging)
    for name in names
    if name.endswith(".html")
]
for path in sorted(pages):
    html = open(path, encoding="utf-8").read()
    if "'inline-script-hashes'" not in html:
        if os.path.relpath(path, staging) == "index.html":
            sys.exit("index.html has no 'inline-script-hashes' placeholder in its CSP")
        continue
    # Only scripts that run: JSON-LD and other data blocks need no hash.
    scripts = re.findall(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>",
        html,
        flags=re.S,
    )
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
    )
    html = html.replace("'inline-script-hashes'", hashes)
    open(path, "w", encoding="utf-8").write(html)
