"""A generator of hostile and broken inputs: what scrapers and strangers put in .txt files."""

from __future__ import annotations

from pathlib import Path

BODY = ("Officials said on Sunday that the talks would resume next week in Cairo, and that both "
        "delegations had agreed to an agenda drawn up by the mediators.")

INJECTIONS = {
    "html.txt": ("<img src=x onerror=alert(1)> Ceasefire <script>alert(2)</script> talks\n\n"
                 "<script>alert(3)</script> " + BODY + "\n"
                 "An image <img src=x onerror=\"alert(4)\"> and a frame "
                 "<iframe src=\"javascript:alert(5)\"></iframe>, a [link](javascript:alert(6)) "
                 "and <a href=\"javascript:alert(7)\">click</a>.\n"
                 "AFTER-HTML paragraph renders normally.\n"),
    "markdown.txt": ("Markdown structure in text\n\n" + BODY + "\n# Not a heading\n"
                     "| not | a | table |\n|---|---|---|\n```\nunterminated fence\n"
                     "<!-- unterminated comment\nAFTER-MARKDOWN paragraph renders normally.\n"),
    "jinja.txt": ("Template syntax {{ 7*7 }} in a title\n\n" + BODY + "\n"
                  "{{ config }} {% for x in range(3) %}loop{% endfor %} {# open comment\n"
                  "AFTER-JINJA paragraph renders normally.\n"),
    "frontmatter.txt": "---\ntitle: injected\nlayout: evil\n---\n\nFront matter first\n\n" + BODY,
    "bidi.txt": ("Names with hidden characters\n\n" + BODY + " Ha\u202emas\u202c and "
                 "Hez\u200cbollah and zero\u200bwidth.\n"),
    "climb.txt": "../../x\n\n" + BODY + "\n",
}


def write_hostile_corpus(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in INJECTIONS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return INJECTIONS
