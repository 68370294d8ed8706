"""Who said what (generator/extract/quotes.py): each shape of quotation and reported speech,
speakers from the article's own resolution, pronouns only when certain, Arabic and Hebrew,
and the export and entity page that show them. Every sentence here is written for the test."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from generator.config import Config
from generator.export import corpus_document
from generator.extract.entities import EntityExtractor
from generator.extract.knowledge import load_knowledge
from generator.extract.quotes import article_quotes, find_spans, quote_cues
from generator.model import Article, Paragraph, Quote
from generator.pipeline import build_corpus
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent


@cache
def extractor() -> EntityExtractor:
    return EntityExtractor(load_knowledge(ROOT / "knowledge"))


def article(*paragraphs: str) -> Article:
    """An article of these paragraphs, each in the language its script says."""
    text, parts = "", []
    for index, body in enumerate(paragraphs):
        text += "\n\n" if text else ""
        start = len(text)
        text += body
        lang = ("he" if any("\u0590" <= c <= "\u05ff" for c in body) else
                "ar" if any("\u0600" <= c <= "\u06ff" for c in body) else "en")
        parts.append(Paragraph(index, body, start, len(text), lang))
    return Article(id="a", source_file="a.txt", index_in_file=0, sha256="0" * 64, title="T",
                   display_title="T", date=None, publisher=None, languages=("en",),
                   paragraphs=tuple(parts))


def quotes(*paragraphs: str) -> list[Quote]:
    found = article(*paragraphs)
    return list(article_quotes(found, extractor().names_in(found, []), extractor().by_id))


def said(*paragraphs: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker, first words) of each quote."""
    return [(q.kind, q.speaker, " ".join(q.text.split()[:3])) for q in quotes(*paragraphs)]


# --- the marks ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "inner"), [
    ("He said “we will win the war” today.", ["we will win the war"]),
    ("Er sagte „wir werden siegen“ heute.", ["wir werden siegen"]),
    ("وقال «لن نتراجع أبدا» اليوم.", ["لن نتراجع أبدا"]),
    ("وقال « لن نتراجع أبدا » اليوم.", [" لن نتراجع أبدا "]),
    ('He said "we will win the war" today.', ["we will win the war"]),
    ('the engineer."We accuse the agency," said a statement.', ["We accuse the agency,"]),
    ('דובר צה"ל אמר "הכוחות ימשיכו לפעול" הערב.', ["הכוחות ימשיכו לפעול"]),
    ('و"كانت الصلاة حلمه الأكبر" كما قال.', ["كانت الصلاة حلمه الأكبر"]),
    ("“The first part goes on,\n", ["The first part goes on,\n"]),
])
def test_quotation_marks(text: str, inner: list[str]) -> None:
    assert [text[a:b] for a, b in find_spans(text)] == inner


def test_every_cue_of_the_data_file_is_read() -> None:
    cues = quote_cues()
    assert cues.min_words >= 2 and set(cues.openers) == {"“", "„", "«", '"'}
    for code in ("en", "ar", "he"):
        language = cues.languages[code]
        assert language.reported_verbs <= language.verbs, code
        for verb in language.verbs:
            assert language.cue.search(f"x {verb} x"), (code, verb)
            assert language.verb(verb) == verb
        for prefix in language.prefixes:
            assert all(language.verb(prefix + verb) == verb for verb in language.verbs)
    english = cues.languages["en"]
    assert english.verb("Said") is None  # "Said Jalili" is a name
    assert english.reported_bare <= english.reported_verbs


# --- direct quotations --------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "“We will not stop until the hostages are home,” Benjamin Netanyahu said on Sunday.",
    "“We will not stop until the hostages are home,” said Benjamin Netanyahu, Israel’s prime "
    "minister.",
    "Benjamin Netanyahu said: “We will not stop until the hostages are home.”",
    "Israeli Prime Minister Benjamin Netanyahu told reporters, “We will not stop until the "
    "hostages are home.”",
    '"We will not stop until the hostages are home," Benjamin Netanyahu said.',
    "Benjamin Netanyahu said that «we will not stop until the hostages are home».",
    "Benjamin Netanyahu said: „We will not stop until the hostages are home.“",
    "Benjamin Netanyahu was quoted as saying, “We will not stop until the hostages are home.”",
    "According to Benjamin Netanyahu, “we will not stop until the hostages are home.”",
])
def test_direct_quote_shapes(paragraph: str) -> None:
    [(kind, speaker, start)] = said(paragraph)
    assert (kind, speaker) == ("direct", "benjamin-netanyahu")
    assert start.lower() == "we will not"


def test_the_subject_with_an_appositive_is_the_speaker() -> None:
    assert said("“The talks are over for now,” Osama Hamdan, a senior figure of the movement "
                "abroad, told the channel.") == [("direct", "osama-hamdan", "The talks are")]
    assert said("Osama Hamdan, a senior figure of the movement abroad, said: “The talks are "
                "over for now.”") == [("direct", "osama-hamdan", "The talks are")]


def test_a_quote_split_by_its_attribution() -> None:
    assert said("“The first part of the plan is ready,” Yoav Gallant said, “and the second "
                "is not.”") == [("direct", "yoav-gallant", "The first part"),
                                ("direct", "yoav-gallant", "and the second")]
    assert said("“The army is ready on every front,” Yoav Gallant said. “We will act when "
                "we must.”") == [("direct", "yoav-gallant", "The army is"),
                                 ("direct", "yoav-gallant", "We will act")]
    assert said("“The army is ready on every front,” Yoav Gallant said, adding: “We will act "
                "when we must.”") == [("direct", "yoav-gallant", "The army is"),
                                      ("direct", "yoav-gallant", "We will act")]


def test_a_quote_over_two_paragraphs_and_he_added() -> None:
    assert said("Yoav Gallant said: “The army is ready on every front.",
                "“We will act when we must,” he added.",
                "“Nobody should doubt it.”") == [
        ("direct", "yoav-gallant", "The army is"), ("direct", "yoav-gallant", "We will act"),
        ("direct", "yoav-gallant", "Nobody should doubt")]


def test_a_term_in_quotation_marks_is_no_quote_but_a_short_reply_is() -> None:
    assert said("A “glitch” stopped the raid that night.") == []
    assert said("“Never,” Benjamin Netanyahu said.") == [("direct", "benjamin-netanyahu",
                                                           "Never")]


@pytest.mark.parametrize("paragraph", [
    "“Nobody will be spared in this war,” a Hamas official said.",
    "“Nobody will be spared in this war,” the leader of Hamas said.",
    "“Nobody will be spared in this war,” Hamas and Fatah said in a joint statement.",
    "“Nobody will be spared in this war,” read a banner in the square.",
    "“Nobody will be spared in this war.”",
])
def test_a_quote_with_no_speaker(paragraph: str) -> None:
    assert said(paragraph) == [("direct", None, "Nobody will be")]


# --- reported speech ----------------------------------------------------------------------------

@pytest.mark.parametrize(("paragraph", "speaker", "start"), [
    ("Hamas said that the talks in Cairo had failed over the new demands.", "hamas",
     "the talks in"),
    ("Hamas said on Friday that the talks in Cairo had failed over the demands.", "hamas",
     "the talks in"),
    ("Hamas said the talks in Cairo had failed over the new demands.", "hamas", "the talks in"),
    ("The talks in Cairo failed over the new demands, Hamas said on Friday.", "hamas",
     "The talks in"),
    ("According to Hezbollah, four fighters died in the raid on the hills.", "hezbollah",
     "four fighters died"),
    ("Six fighters were killed in the strike, according to Hezbollah.", "hezbollah",
     "Six fighters were"),
    ("Israel's Minister of Defense Yoav Gallant says the army is ready for every front.",
     "yoav-gallant", "the army is"),
])
def test_reported_speech(paragraph: str, speaker: str, start: str) -> None:
    assert said(paragraph) == [("reported", speaker, start)]


@pytest.mark.parametrize("paragraph", [
    "A senior official said the talks in Cairo had failed over the new demands.",
    "Benjamin Netanyahu's office confirmed the truce on Friday evening.",
    "Hezbollah vowed revenge after the strike on its commanders in the south.",
    "Yoav Gallant met Benjamin Netanyahu, and the two said nothing to the press.",
])
def test_no_reported_speech_without_a_speaker_or_a_clause(paragraph: str) -> None:
    assert said(paragraph) == []


# --- pronouns -----------------------------------------------------------------------------------

def test_a_pronoun_with_a_certain_antecedent() -> None:
    assert said("Yoav Gallant toured the northern border on Sunday.",
                "“We are ready for every scenario,” he said.") == [
        ("direct", "yoav-gallant", "We are ready")]
    assert said("Yoav Gallant toured the northern border on Sunday. He said the army was "
                "ready for every scenario.") == [("reported", "yoav-gallant", "the army was")]


@pytest.mark.parametrize("first", [
    "Yoav Gallant met Benjamin Netanyahu on Sunday.",  # two people
    "Yoav Gallant met a senior official on Sunday.",  # a person the text does not name
    "Yoav Gallant met Jane Roe on Sunday.",  # a name no entity claims
    "The army toured the northern border on Sunday.",  # nobody
])
def test_a_pronoun_without_a_certain_antecedent_names_nobody(first: str) -> None:
    assert said(first, "“We are ready for every scenario,” he said.") == [
        ("direct", None, "We are ready")]


def test_a_pronoun_of_the_other_gender_is_not_the_antecedent() -> None:
    assert said("Yoav Gallant toured the northern border on Sunday.",
                "“We are ready for every scenario,” she said.") == [
        ("direct", None, "We are ready")]


# --- Arabic and Hebrew --------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "وقال إسماعيل هنية: «لن نتراجع عن مطالبنا في المفاوضات».",
    "«لن نتراجع عن مطالبنا في المفاوضات»، قال إسماعيل هنية.",
    'وأضاف إسماعيل هنية: "لن نتراجع عن مطالبنا في المفاوضات".',
    "وأكد إسماعيل هنية «لن نتراجع عن مطالبنا في المفاوضات».",
])
def test_arabic_direct_quotes(paragraph: str) -> None:
    assert said(paragraph) == [("direct", "ismail-haniyeh", "لن نتراجع عن")]


def test_arabic_reported_speech_and_a_verb_without_subject() -> None:
    assert said("وقال إسماعيل هنية إن المفاوضات في القاهرة متوقفة منذ أسبوع.") == [
        ("reported", "ismail-haniyeh", "المفاوضات في القاهرة")]
    assert said("وصل إسماعيل هنية إلى القاهرة مساء أمس.",
                "وأضاف: «لن نتراجع عن مطالبنا في المفاوضات».") == [
        ("direct", "ismail-haniyeh", "لن نتراجع عن")]
    # "the spokesman of Hamas said": the head is the spokesman, not Hamas
    assert said("وقال المتحدث باسم حماس: «لن نتراجع عن مطالبنا في المفاوضات».") == [
        ("direct", None, "لن نتراجع عن")]


@pytest.mark.parametrize("paragraph", [
    'בנימין נתניהו אמר: "לא נעצור עד שננצח במלחמה".',
    '"לא נעצור עד שננצח במלחמה", אמר בנימין נתניהו.',
    '"לא נעצור עד שננצח במלחמה", הוסיף בנימין נתניהו.',
])
def test_hebrew_direct_quotes(paragraph: str) -> None:
    assert said(paragraph) == [("direct", "benjamin-netanyahu", "לא נעצור עד")]


def test_hebrew_reported_speech() -> None:
    assert said("לדברי בנימין נתניהו, המבצע יימשך עוד חודשים רבים.") == [
        ("reported", "benjamin-netanyahu", "המבצע יימשך עוד")]
    assert said("בנימין נתניהו אמר כי המבצע יימשך עוד חודשים רבים.") == [
        ("reported", "benjamin-netanyahu", "המבצע יימשך עוד")]
    # "a Hezbollah man said": nobody the text names
    assert said('איש חיזבאללה אמר כי "הארגון ישיב בזמן שיבחר בעצמו".') == [
        ("direct", None, "הארגון ישיב בזמן")]


def test_quotes_point_into_the_source_text() -> None:
    found = article("Yoav Gallant said: “The army is ready on every front.”")
    text = "\n\n".join(p.text for p in found.paragraphs)
    for quote in quotes(*(p.text for p in found.paragraphs)):
        assert text[quote.start:quote.end] == quote.text


# --- the site -----------------------------------------------------------------------------------

ARTICLE = ("Netanyahu vows to press on in Gaza\n\n"
           "Israeli Prime Minister Benjamin Netanyahu spoke to reporters in Jerusalem on "
           "Sunday.\n\n"
           "“We will keep going until every hostage is home,” Benjamin Netanyahu said. "
           "“No one will <b>stop</b> us.”\n\n"
           "Hamas said that the talks in Cairo had failed because of the Israeli demands.\n\n"
           "“The talks are over,” a senior official said.\n")


@pytest.fixture(scope="module")
def quoted_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, dict]:
    folder = tmp_path_factory.mktemp("quotes")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    config = Config(input_dir=folder, knowledge_dir=ROOT / "knowledge", ner=False)
    corpus = build_corpus(config)
    site = render_site(corpus, config)
    return corpus_document(corpus), site.pages, site.files


def test_the_export_lists_quotes_and_validates(quoted_site: tuple[dict, dict, dict]) -> None:
    document, _, files = quoted_site
    schema = json.loads((ROOT / "tests/data/corpus.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert [(q["kind"], q["speaker"]) for q in document["quotes"]] == [
        ("direct", "benjamin-netanyahu"), ("direct", "benjamin-netanyahu"),
        ("reported", "hamas"), ("direct", None)]
    assert json.loads(files["data/corpus.json"])["quotes"] == document["quotes"]
    rows = list(csv.DictReader(io.StringIO(files["data/quotes.csv"])))
    assert [row["speaker_name"] for row in rows] == ["Benjamin Netanyahu"] * 2 + ["Hamas", ""]
    assert rows[0]["url"] == document["quotes"][0]["url"]


def test_the_entity_page_shows_its_quotes_with_a_working_anchor(
        quoted_site: tuple[dict, dict, dict]) -> None:
    document, pages, _ = quoted_site
    page = pages["entities/benjamin-netanyahu.md"]
    section = page[page.index("## Quotes"):]
    first = document["quotes"][0]
    link = f'href="../../articles/{first["article"]}/#p{first["paragraph"]}"'
    assert link in section and "We will keep going until every hostage is home" in section
    assert "&lt;b&gt;stop&lt;/b&gt;" in section and "<b>stop</b>" not in section  # escaped
    assert f'id="p{first["paragraph"]}"' in pages[f"articles/{first['article']}.md"]
    assert "The talks are over" not in page  # nobody's quote is on no one's page
    assert "(reported)" in pages["entities/hamas.md"]
    assert "quotes.csv" in pages["downloads.md"]


def test_a_quote_printed_again_is_listed_once_on_the_page(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Netanyahu vows", "Netanyahu says he will")
                                    .replace("on Sunday.", "on Monday."), encoding="utf-8")
    config = Config(input_dir=tmp_path, knowledge_dir=ROOT / "knowledge", ner=False)
    corpus = build_corpus(config)
    assert sum(q.speaker == "benjamin-netanyahu" for q in corpus.quotes) == 4  # all exported
    page = render_site(corpus, config).pages["entities/benjamin-netanyahu.md"]
    section = page[page.index("## Quotes"):page.index("## ", page.index("## Quotes") + 3)]
    assert section.count("We will keep going until every hostage is home") == 1
