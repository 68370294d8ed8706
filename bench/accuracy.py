"""Accuracy on real articles: build each dev-corpus group and score it against its manifest.

    python -m bench.accuracy                      # every group under ../shared/dev-corpus
    python -m bench.accuracy DIR [DIR ...]        # any folders holding a manifest.yaml
    python -m bench.accuracy --no-ner --details   # knowledge base only; per-file rows too

Each folder is built with `python -m generator generate` (the Markdown and data/corpus.json,
without MkDocs: the scores read only the export) and scored with the shared
`score_corpus.py`. One summary row per group is printed; `--details` also prints the
scorer's per-file table and the entities it missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "dev-corpus"
SCORER = SHARED / "tools" / "score_corpus.py"


def groups(folders: list[Path]) -> list[Path]:
    if folders:
        return folders
    return sorted(p.parent for p in DEV_CORPUS.glob("*/manifest.yaml"))


def build(folder: Path, out: Path, ner: bool) -> int:
    command = [sys.executable, "-m", "generator", "generate", "--input", str(folder),
               "--out", str(out), "-q"] + ([] if ner else ["--no-ner"])
    return subprocess.run(command, cwd=ROOT).returncode


def score(folder: Path, out: Path, details: bool) -> dict:
    summary_file = out.parent / f"{folder.name}.json"
    result = subprocess.run([sys.executable, str(SCORER), str(folder / "manifest.yaml"),
                             str(out), "--json", str(summary_file)],
                            capture_output=True, text=True, check=True)
    if details:
        print(result.stdout)
    return json.loads(summary_file.read_text(encoding="utf-8"))


def row(name: str, s: dict) -> str:
    def part(found: int, total: int) -> str:
        return f"{found}/{total}"
    return (f"{name:<15} titles {part(s['title'], s['files']):>6}  "
            f"dates {part(s['stated_dates_found'], s['stated_dates']):>6} "
            f"invented {s['invented_dates']:<2} "
            f"publishers {part(s['publishers_named_found'], s['publisher_in_text']):>6}  "
            f"authors {part(s['authors_found'], s['authors_gold']):>6} "
            f"extra {s['authors_extra']:<2}  key-entity-R {s['key_entity_recall']:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, help="folders with a manifest.yaml")
    ap.add_argument("--no-ner", action="store_true", help="build with NER off")
    ap.add_argument("--details", action="store_true", help="print the scorer's tables too")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="accuracy-") as tmp:
        for folder in groups(args.folders):
            out = Path(tmp) / folder.name / "docs"
            status = build(folder.resolve(), out, ner=not args.no_ner)
            if status not in (0, 3):
                rows.append(f"{folder.name:<15} build failed (exit {status})")
                continue
            rows.append(row(folder.name, score(folder.resolve(), out, args.details)))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
