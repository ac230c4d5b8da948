#!/usr/bin/env python3
"""Copy the freely licensed articles from shared/articles into content/articles, renamed.

    python3 scripts/import_articles.py [SHARED_ARTICLES]    (default: ../shared/articles)

Each `<name>.txt` and `<name>.meta.json` of `gum-wikinews/` and `re3d-public-domain/` is copied
byte for byte under a readable Dateline id: `GUM_news_nasa` -> `wikinews-news-nasa`,
`GUM_interview_ants` -> `wikinews-interview-ants`; re3d names (`centcom-001c9c3f`,
`state-2c271bb8`) are ids already. Nothing is edited: `dateline bundle` reads the metadata's
keys as they are (content/articles/README.md lists them). Run `cargo run --release --bin
dateline -- bundle` afterwards.
"""
import os
import re
import shutil
import sys

FOLDERS = ("gum-wikinews", "re3d-public-domain")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "content", "articles")


def dateline_id(name):
    """The Dateline id of a shared article's file stem."""
    gum = re.fullmatch(r"GUM_([a-z]+)_([a-z0-9]+)", name)
    article_id = f"wikinews-{gum.group(1)}-{gum.group(2)}" if gum else name
    if not re.fullmatch(r"[a-z0-9-]+", article_id):
        sys.exit(f"{name}: no id of the form [a-z0-9-]+ for it")
    return article_id


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "articles")
    copied = 0
    for folder in FOLDERS:
        directory = os.path.join(shared, folder)
        for text in sorted(n for n in os.listdir(directory) if n.endswith(".txt")):
            stem = text[: -len(".txt")]
            meta = os.path.join(directory, stem + ".meta.json")
            if not os.path.exists(meta):
                sys.exit(f"{os.path.join(directory, text)} has no {meta}")
            article_id = dateline_id(stem)
            shutil.copyfile(os.path.join(directory, text), os.path.join(OUT, article_id + ".txt"))
            shutil.copyfile(meta, os.path.join(OUT, article_id + ".meta.json"))
            copied += 1
    print(f"copied {copied} articles into {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
