"""The HTML-block shortcut (generator/html_blocks.py) gives exactly Python-Markdown's HTML, for
the shapes the generator writes and for the shapes it must leave to Python-Markdown."""

from __future__ import annotations

import markdown
import pytest

from generator.html_blocks import HtmlBlocks, anchor_ids, html_elements, split_blocks

EXTENSIONS = ["toc", "attr_list", "tables"]

SHAPES = {
    "one element": '<div class="a">\n<p id="p0">Text</p>\n</div>\n',
    "siblings without a blank line": "<h3>Publisher <span>(2)</span></h3>\n<ul>\n<li>x</li>\n</ul>",
    "same tag nested": "<div>\n<div>inner</div>\n<div>two</div>\n</div>\n\nAfter *this*.",
    "a script of JSON": '<script type="application/ld+json">{"a": "<div>"}</script>\n\n# Head',
    "Markdown between blocks": "# Title\n\n<dl>\n<dt>Date</dt><dd>x</dd>\n</dl>\n\n- a\n- b\n",
    "text after the end tag": "<div>one</div> and *more*\n\nnext",
    "an element left open": "<div>\n<p>never closed\n\nstill *open*",
    "a blank line inside": "<div>\n<p>one</p>\n\n<p>two</p>\n</div>",
    "a comment": "<div><!-- </div> --></div>\n\ntext",
    "an inline tag first": '<a href="x">link</a> then words\n\n<span>s</span>',
    "a void tag": '<hr>\n\n<p>x<br/>y</p>\n\n<link rel="stylesheet" href="a.css">',
    "a table": "| a | b |\n|---|---|\n| 1 | 2 |\n\n<table><tr><td>1</td></tr></table>",
    "indented start": "  <div>x</div>\n\ntext",
    "escaped article text": '<p id="p1">&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis*</p>',
    "end of document": "<nav>\n<a href=\"../\">Home</a>\n</nav>",
}


def convert(text: str, shortcut: bool) -> str:
    extensions = [*EXTENSIONS, HtmlBlocks()] if shortcut else EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", SHAPES)
def test_the_html_is_python_markdowns(name: str) -> None:
    assert convert(SHAPES[name], shortcut=True) == convert(SHAPES[name], shortcut=False)


def test_the_generators_blocks_take_the_shortcut_and_odd_ones_do_not() -> None:
    md = markdown.Markdown()

    def taken(name: str) -> bool:
        blocks = [block for block in split_blocks(SHAPES[name].split("\n")) if block]
        return html_elements(blocks[0], md) is not None

    assert all(taken(name) for name in ("one element", "siblings without a blank line",
                                        "same tag nested", "a script of JSON"))
    assert not any(taken(name) for name in ("text after the end tag", "an element left open",
                                            "a blank line inside", "a comment",
                                            "an inline tag first", "indented start"))


def test_anchor_ids_are_those_of_elements_not_of_escaped_text() -> None:
    html = '<p id="p1">a</p><h2 id="entities">b</h2><p>id=&quot;fake&quot; id="x" in text</p>'
    assert anchor_ids(html) == {"p1", "entities"}
