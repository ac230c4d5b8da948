#!/usr/bin/env python3
"""Trunk post-build hook: allow exactly the inline scripts Trunk generated, by hash.

Trunk's loader is an inline <script type="module">; a static site cannot send a per-request
nonce, so the Content-Security-Policy in index.html lists the SHA-256 of each inline script
instead (placeholder `'inline-script-hashes'`).
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp_hash.py runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    for s in scripts
)
if "'inline-script-hashes'" not in html:
    sys.exit("index.html has no 'inline-script-hashes' placeholder in its CSP")
html = html.replace("'inline-script-hashes'", hashes)
open(path, "w", encoding="utf-8").write(html)
