"""A Python-Markdown extension that passes the generator's HTML blocks through unparsed.

The generated pages are mostly HTML blocks (article text escaped inside them, so that it can
never become Markdown structure). Python-Markdown finds where a raw HTML block ends by feeding
the whole page to an HTML parser, and MkDocs feeds it to another one to collect anchor ids:
together about 40 % of MkDocs' time on a large site. The blocks this extension recognises are
those whose ends can be told without parsing: a block between blank lines made of elements
that each open with a block-level tag at the start of a line and close it at the end of one
(a script or style at its first end tag), with no comment, self-closing tag or preformatted
text inside (where counting tags could be wrong). It stores such a block as Python-Markdown's
own HTML-block step would (the same stash, the same trailing newline), so the page's HTML is
unchanged (tests/test_html_blocks.py); every other block goes through the usual parsing.
The anchor ids in stored blocks are added back by the plugin (`anchor_ids`), so MkDocs still
checks links to them.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# After Python-Markdown's whitespace normalisation (30), before MkDocs' anchor scan (21) and
# Python-Markdown's own HTML-block step (20).
PRIORITY = 25
OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>]")
# Content in which a tag is not a tag, or which Python-Markdown treats specially.
# (A self-closing tag, `<br/>`, is one Python-Markdown handles apart; `hr` is always empty.)
UNSAFE = re.compile(r"<!--|<!\[|<\?|<(?:pre|textarea|title|hr)[\s>/]|/>|\t", re.IGNORECASE)
# Elements whose content is text up to their first end tag (HTML's raw text elements).
RAW_TEXT = ("script", "style")
RAW_TEXT_OPENING = re.compile(r"<(?:script|style)[\s>]", re.IGNORECASE)
ANCHOR_ID = re.compile(r"""<[a-zA-Z][^<>]*?\sid="([^"<>]*)\"""")


class HtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(StashHtmlBlocks(md), "generator_html_blocks", PRIORITY)


class StashHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        blocks = split_blocks(lines)
        out: list[str] = []
        for number, block in enumerate(blocks):
            elements = html_elements(block, self.md) if block else None
            if elements is None:
                out += [*block, ""]
                continue
            for element in elements[:-1]:
                out += [self.md.htmlStash.store(element), ""]
            # Python-Markdown keeps the newline of a blank line after a raw block
            last = elements[-1] + ("\n" if number + 1 < len(blocks) else "")
            out += [self.md.htmlStash.store(last), ""]
        return out[:-1]


def split_blocks(lines: list[str]) -> list[list[str]]:
    """The runs of lines between blank lines (empty runs kept, so blank lines are kept)."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        else:
            blocks.append([])
    return blocks


def html_elements(block: list[str], md: Markdown) -> list[str] | None:
    """The elements of a block that Python-Markdown would take as raw HTML blocks and nothing
    else, told without an HTML parser: each opens with a block-level tag at the start of a
    line and closes that tag at the end of a line; None when the block is not only those."""
    text = "\n".join(block)
    if UNSAFE.search(text):
        return None
    elements: list[str] = []
    start = 0
    while start < len(text):
        end = element_end(text, start, md)
        if end is None:
            return None
        elements.append(text[start:end])
        start = end + 1  # after the newline
    return elements


def element_end(text: str, start: int, md: Markdown) -> int | None:
    """Where the element opening at `start` closes, if it is a block-level one that closes at
    the end of a line."""
    first = OPENING_TAG.match(text, start)
    tag = first.group(1).lower() if first else ""
    if not md.is_block_level(tag):
        return None
    end = raw_text_end(text, start, tag) if tag in RAW_TEXT else nested_end(text, start, tag)
    if end is None or text[end - 1] != ">" or end not in (len(text), text.find("\n", end)):
        return None
    return end


def raw_text_end(text: str, start: int, tag: str) -> int | None:
    """A script's or style's end: its first end tag, whatever precedes it."""
    close = re.compile(f"</{tag}>", re.IGNORECASE).search(text, start)
    return None if close is None else close.end()


def nested_end(text: str, start: int, tag: str) -> int | None:
    """The end tag that closes the element opening at `start`, counting same-named ones
    nested in it; None when a script or style inside could hide tags from the count."""
    depth = 0
    for match in re.compile(rf"<(/?){tag}[\s>]", re.IGNORECASE).finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            end = match.end()
            return None if RAW_TEXT_OPENING.search(text, start, end) else end
    return None


def anchor_ids(html: str) -> set[str]:
    """The ids of the elements in a page's HTML (attributes the generator writes in double
    quotes; article text is escaped, so it holds none)."""
    return set(ANCHOR_ID.findall(html))
