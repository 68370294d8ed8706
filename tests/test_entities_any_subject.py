"""Entities for any subject (issue 13, item 3): one test per shape the extractor reads.

Every article here is written for the test: bylines, titles and captions, acronyms beside their
long forms, other names, names with accents, types from context, news shapes (datelines,
credits, lowercase nouns), Arabic and Hebrew names without a model, names matched across
scripts, and names linked across articles.
"""

from __future__ import annotations

import pytest

from generator.extract.cues import cues
from generator.extract.entities import EntityExtractor, Extraction
from generator.extract.knowledge import Knowledge
from generator.extract.matcher import NameMatcher
from generator.extract.ner import NerSpan
from generator.extract.script_names import find_script_names, skeleton
from generator.extract.shapes import is_title_case, shapes
from generator.model import Article, Entity, Paragraph

KNOWLEDGE = Knowledge(entities=(
    Entity("hamas", "Hamas", "organization", {"ar": ("حماس",), "he": ("חמאס",)}),
    Entity("afp", "Agence France-Presse", "organization", {"en": ("AFP",)}),
    Entity("united-states", "United States", "place", {"en": ("U.S.", "US")}),
    Entity("hassan-nasrallah", "Hassan Nasrallah", "person"),
    Entity("palestinian-authority", "Palestinian Authority", "organization",
           {"he": ("הרשות הפלסטינית",), "ar": ("السلطة الفلسطينية",)}),
    Entity("israel", "Israel", "place", {"he": ("ישראל",)}, demonyms=("Israeli",)),
))


def script(text: str) -> str:
    if any("\u0590" <= c <= "\u05ff" for c in text):
        return "he"
    return "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"


def make_article(*body: str, title: str | None = None, byline: str | None = None,
                 captions: tuple[str, ...] = (), authors: tuple[str, ...] = (),
                 name: str = "a") -> Article:
    """An article as the parser makes it: the title and byline come first in the source and
    last among the paragraphs, with indices after the body's."""
    head = [(kind, text) for kind, text in (("title", title), ("byline", byline)) if text]
    rest = [("text", text) for text in body] + [("caption", text) for text in captions]
    offsets, position = {}, 0
    for kind, text in head + rest:
        offsets[(kind, text)] = position
        position += len(text) + 2
    paragraphs = tuple(
        Paragraph(index, text, offsets[(kind, text)], offsets[(kind, text)] + len(text),
                  script(text), kind)  # type: ignore[arg-type]
        for index, (kind, text) in enumerate(rest + head))
    return Article(id=name, source_file=f"{name}.txt", index_in_file=0, sha256="0",
                   title=title, display_title=title or "untitled", date=None, publisher=None,
                   languages=("en",), paragraphs=paragraphs, authors=authors)


def extract(*articles: Article, knowledge: Knowledge = KNOWLEDGE) -> Extraction:
    """The rules without the model (they run with NER on; NER off is the knowledge base)."""
    return EntityExtractor(knowledge).extract(list(articles), ner=False, rules=True)


def linked(result: Extraction, article: str = "a") -> list[tuple[str, str]]:
    return [(m.surface, m.entity) for m in result.mentions if m.article == article]


def types(result: Extraction) -> dict[str, str]:
    return {e.id: e.type for e in result.entities}


# --- bylines, titles, captions ----------------------------------------------------------------

def test_bylined_authors_are_people_in_their_byline_even_with_ner_off() -> None:
    article = make_article("Roe said the port had reopened after the storm passed.",
                           title="Port reopens", byline="By Jane Roe and Omar Haddad",
                           authors=("Jane Roe", "Omar Haddad"))
    result = EntityExtractor(KNOWLEDGE).extract([article], ner=False)
    byline = next(p for p in article.paragraphs if p.kind == "byline")
    authors = [(m.surface, m.entity) for m in result.mentions if m.paragraph == byline.index]
    assert authors == [("Jane Roe", "jane-roe"), ("Omar Haddad", "omar-haddad")]
    assert types(result)["jane-roe"] == types(result)["omar-haddad"] == "person"
    assert ("Roe", "jane-roe") in linked(result)  # her surname later in the text


def test_an_author_the_byline_does_not_print_is_found_in_the_text_or_not_at_all() -> None:
    article = make_article("The port reopened. (Reporting by Jane Roe; editing by staff)",
                           authors=("Jane Roe", "Nobody Printed"))
    assert linked(extract(article)) == [("Jane Roe", "jane-roe")]


def test_titles_and_captions_are_scanned_like_the_body() -> None:
    article = make_article("The group said it had no part in the attack on the port.",
                           title="Hamas denies role in port attack",
                           captions=("Smoke over the port. (Photo: Jane Roe / AFP)",))
    found = linked(extract(article))
    assert ("Hamas", "hamas") in found
    assert ("Jane Roe", "jane-roe") in found and ("AFP", "afp") in found


# --- acronyms and other names -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Fighters of the Rapid Support Forces (RSF) entered the town. Later the RSF withdrew.",
    "The RSF entered the town at dawn. A spokesman for the Rapid Support Forces (RSF) denied "
    "it.",
])
def test_an_acronym_and_its_long_form_are_one_entity_in_either_order(text: str) -> None:
    result = extract(make_article(text))
    assert {entity for _, entity in linked(result)} == {"rapid-support-forces"}
    assert sorted(surface for surface, _ in linked(result)) == ["RSF", "RSF",
                                                                "Rapid Support Forces"]
    [entity] = result.entities
    assert entity.aliases == {"en": ("RSF",)}


def test_letters_that_do_not_abbreviate_the_words_before_are_no_acronym() -> None:
    assert shapes().acronyms("The talks in Cairo (PVDN) went on.") == []


@pytest.mark.parametrize(("text", "alias"), [
    ("The cartel boss Ismael Zambada, known as El Mayo, was flown north. El Mayo denied it.",
     "El Mayo"),
    ("The gang leader Omar Haddad, also known as Karim, fled. Karim was caught in May.",
     "Karim"),
    ("The spokesman Omar Haddad, dubbed 'The Fox', was arrested on the border.", "The Fox"),
    ("Police named commander Omar Haddad (Abu Salim) as the driver.", "Abu Salim"),
])
def test_known_as_dubbed_and_parentheses_give_another_name(text: str, alias: str) -> None:
    result = extract(make_article(text))
    entities = {entity for surface, entity in linked(result) if surface == alias}
    assert entities and entities <= {"ismael-zambada", "omar-haddad"}


def test_a_place_takes_no_parenthesised_alias() -> None:
    assert shapes().other_names("Fighting near Tartus (AFP) went on.")  # the shape is seen,
    result = extract(make_article("Fighting went on near the port city of Tartus (Pinto) "
                                  "all night."))
    assert ("Pinto", "tartus") not in linked(result)  # but a place has no other name there


def test_a_nickname_inside_a_name_is_another_name_of_the_person() -> None:
    result = extract(make_article("The smuggler Ramón “El Zorro” Medina was sentenced. "
                                  "El Zorro said nothing."))
    assert linked(result) == [("Ramón “El Zorro” Medina", "ramon-medina"),
                              ("El Zorro", "ramon-medina")]


def test_a_company_is_also_named_without_its_legal_form() -> None:
    result = extract(make_article("Shares of Nordwind AG fell sharply. Nordwind said the "
                                  "audit was late."))
    assert linked(result) == [("Nordwind AG", "nordwind-ag"), ("Nordwind", "nordwind-ag")]


def test_capitals_printed_twice_are_an_acronym_and_common_ones_are_not() -> None:
    result = extract(make_article("Auditors at KPX signed the accounts, the CEO said. Later "
                                  "KPX said the CEO had deceived it."))
    assert linked(result) == [("KPX", "kpx"), ("KPX", "kpx")]
    assert types(result) == {"kpx": "organization"}


# --- the model's spans: accents, noise, types from context ------------------------------------

def ner_found(text: str, span: str, label: str) -> list[tuple[str, str]]:
    paragraph = Paragraph(0, text, 0, len(text), "en")
    start = text.index(span)
    items = EntityExtractor(KNOWLEDGE).from_ner(
        paragraph, NerSpan(start, start + len(span), label, span))
    return [(item.name or item.surface, item.label) for item in items]


@pytest.mark.parametrize(("text", "span"), [
    ("NOGALES, Ariz. — Agents seized the load.", "Ariz"),  # the model stops at the period
    ("A man from Antioch, Tenn., was charged.", "Tenn."),
])
def test_a_states_news_style_abbreviation_is_the_state(text: str, span: str) -> None:
    assert ner_found(text, span, "GPE") == [
        ({"Ariz": "Arizona", "Tenn.": "Tennessee"}[span], "GPE")]


@pytest.mark.parametrize("name", ["Recep Tayyip Erdoğan", "Volker Türk", "Thomas Müller",
                                  "Gabriel García Márquez", "Søren Kierkegaard", "Łukasz Nowak"])
def test_names_with_accents_and_other_latin_letters_pass_the_filters(name: str) -> None:
    assert ner_found(f"On Friday {name} spoke.", name, "PERSON") == [(name, "PERSON")]


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Stocks fell on Monday in the city.", "Monday", "ORG"),
    ("In this photo from the Office for the Western Region of the state.",
     "Office for the Western Region of", "ORG"),
    ("Tension rose on the U.S.-Canada frontier.", "U.S.-Canada", "GPE"),
    ("Cartel killers left a note.", "Cartel", "ORG"),
    ("The CEO resigned.", "CEO", "ORG"),
    ("troops stayed in the rebel-held Strip all week", "Strip", "GPE"),
    ("Print Reddit Telegram LinkedIn Pinterest Share on Reddit", "LinkedIn Pinterest", "ORG"),
    ("Read more in the World News section.", "World News", "ORG"),
])
def test_spans_that_are_no_name_are_dropped(text: str, span: str, label: str) -> None:
    assert ner_found(text, span, label) == []


@pytest.mark.parametrize(("text", "span", "wrong", "right"), [
    ("a statement by spokesman Olaf Berg said", "Olaf Berg", "ORG", "PERSON"),
    ("shares of Baltic Bank fell", "Baltic Bank", "PERSON", "ORG"),
    ("a strike hit the southern city of Nabatia at dawn", "Nabatia", "ORG", "GPE"),
    ("payments firm Nordwind denied it", "Nordwind", "PERSON", "ORG"),
])
def test_the_type_follows_the_context_where_the_model_errs(text: str, span: str, wrong: str,
                                                           right: str) -> None:
    assert ner_found(text, span, wrong) == [(span, right)]


@pytest.mark.parametrize("text", [
    "The raid was led by Gen. Lars Holm at dawn.",
    "The raid was led by commander Lars Holm at dawn.",
    "The group's spokesman Lars Holm said the raid failed.",
    "The defence minister Lars Holm said the raid failed.",
    "The raid was ordered by President Lars Holm last year.",
    "The raid was ordered by Mr. Lars Holm last year.",
    "The raid was ordered by Deputy Foreign Minister Lars Holm last year.",
    "DEA Administrator Lars Holm said the raid failed.",
])
def test_a_name_after_a_title_is_a_person(text: str) -> None:
    found = [(text[c.start:c.end], c.label) for c in shapes().find(text, is_title_case(text))]
    assert ("Lars Holm", "PERSON") in found


@pytest.mark.parametrize("name", ["Nordic Mining Group", "Baltic Bank", "Interior Ministry",
                                  "Green Party", "Martyrs Brigades", "Nordwind AG", "Acme Inc"])
def test_a_name_ending_in_an_organisation_word_is_an_organisation(name: str) -> None:
    text = f"Officials said {name} had been fined."
    found = [(text[c.start:c.end], c.label) for c in shapes().find(text, False)]
    assert (name, "ORG") in found


def test_cue_words_come_from_the_data_file() -> None:
    words = cues()
    assert {"gen.", "commander", "spokesman", "minister", "president", "mr."} <= \
        words.person_titles
    assert {"group", "bank", "ministry", "party", "brigades", "ag", "inc."} <= words.org_suffixes
    assert words.scripts["ar"].given and words.scripts["he"].given


# --- shapes of news text ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("BEIRUT (Reuters) — Talks resumed on Monday.", [("Beirut", "GPE"), ("Reuters", "ORG")]),
    ("SAN JOSE, May 9 (AP) – Talks resumed.", [("San Jose", "GPE"), ("AP", "ORG")]),
    ("Puerto Nuevo (PNDN) – Talks resumed.", [("Puerto Nuevo", "GPE"), ("PNDN", "ORG")]),
])
def test_a_dateline_names_a_place_and_an_agency(text: str, expected: list) -> None:
    assert [(c.name, c.label) for c in shapes().dateline(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel’s Channel 12 reported on Monday that talks resumed.", ("Channel 12", "ORG")),
])
def test_a_broadcaster_named_by_its_number_is_an_organisation(text: str, expected: tuple) -> None:
    assert expected in [(c.name, c.label) for c in shapes().find(text, False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("כך דיווחו הערב חדשות 12 וגם ערוץ 14, אבל חדשות רעות הגיעו",
     [("חדשות 12", "ORG"), ("ערוץ 14", "ORG")]),
    ("وذكرت القناة 13 العبرية أن", [("القناة 13", "ORG")]),
])
def test_an_arabic_or_hebrew_channel_number_names_a_broadcaster(text: str,
                                                                 expected: list) -> None:
    assert script_names(text) == expected


def test_a_capitalised_word_and_a_dash_is_no_dateline() -> None:
    assert shapes().dateline("Hamas — the group said — would not comment.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mourners gather. (Jane Roe/AFP/Getty Images)",
     [("Jane Roe", "PERSON"), ("AFP", "ORG"), ("Getty Images", "ORG")]),
    ("A man walks past. REUTERS/John Doe", [("REUTERS", "ORG"), ("John Doe", "PERSON")]),
    ("File photo by Jane Roe/UPI. The court met on Monday to hear the case.",
     [("Jane Roe", "PERSON"), ("UPI", "ORG")]),
    ("צילום: יוסי כהן, פלאש90", [("יוסי כהן", "PERSON"), ("פלאש90", "ORG")]),
])
def test_credits_name_photographers_and_agencies(text: str, expected: list) -> None:
    found = list(dict.fromkeys((c.name, c.label) for c in shapes().credits(text)))
    assert found == expected


def test_a_sentence_after_a_credit_cue_is_no_credit() -> None:
    assert shapes().credits("Video: fighters attack a post near the border at night") == []


@pytest.mark.parametrize(("text", "name"), [
    ("the leader of the Tarragona cartel was seen", "Tarragona cartel"),
    ("a raid by the Lebanese army on the camp", "Lebanese army"),
    ("the state-run Pars news agency said", "Pars news agency"),
])
def test_a_lowercase_noun_makes_a_name_an_organisation(text: str, name: str) -> None:
    assert (name, "ORG") in [(c.name, c.label) for c in shapes().org_heads(text)]


def test_a_nationality_before_a_media_noun_is_no_name() -> None:
    text = "An Israeli newspaper and a German newspaper reported the deal on Monday."
    article = make_article(text)
    start = text.index("German")
    german = NerSpan(start, start + len("German"), "NORP", "German")  # the model's word
    assert linked(extract(article)) == [("Israeli", "israel"),  # the knowledge base's word
                                        ("German newspaper", "german-newspaper")]
    names = EntityExtractor(KNOWLEDGE).names_in(article, [(0, german)], rules=True)
    assert [(m.surface, m.entity) for m in names.mentions] == [("Israeli", "israel")]


def test_a_lowercase_noun_after_a_name_makes_it_a_place() -> None:
    found = [(c.name, c.label) for c in shapes().place_heads(
        "a blast in Hebron’s Harat district and in the Jezzine region")]
    assert ("Harat", "GPE") in found and ("Jezzine", "GPE") in found


def test_title_case_headlines_are_told_from_sentences() -> None:
    assert is_title_case("The Fall and Rise of the Harbour Lighthouse")
    assert not is_title_case("President Lars Holm met Gen. Omar Haddad on the border.")
    assert not is_title_case("Hamas fires rockets at the port")


# --- Arabic and Hebrew ------------------------------------------------------------------------

def script_names(text: str) -> list[tuple[str, str]]:
    return [(n.name, n.label) for n in find_script_names(text, script(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال أحمد سلامة إن الشرطة اعتقلت ورياض سلامة من المدينة",
     [("أحمد سلامة", "PERSON"), ("رياض سلامة", "PERSON")]),
    ("قال وزير الاقتصاد محمد جواد رضائي نجاد إن", [("محمد جواد رضائي نجاد", "PERSON")]),
    ("وقال أبو عبد الله قاسم وهو قيادي بارز", [("أبو عبد الله قاسم", "PERSON")]),
    ("وقال ايهاب الخطيب المتحدث باسم وزارة الداخلية",
     [("ايهاب الخطيب", "PERSON"), ("وزارة الداخلية", "ORG")]),
    ("ويقول علي إن الوضع صعب على الجميع", []),  # "علي" alone: an ordinary word too
    # a given name only the long derived list holds: a title before it vouches for it
    ("وقال الدكتور مدحت السويدي إن الأسعار سترتفع", [("مدحت السويدي", "PERSON")]),
    ("وقال مدحت السويدي إن الأسعار سترتفع", []),
    ("אמר פרופ' יולי ברקוביץ כי המצב קשה", [("יולי ברקוביץ", "PERSON")]),
    # ... or a frequent family name right after it; a given name after it does not
    ("אמרה מירי לוי בטקס", [("מירי לוי", "PERSON")]),
    ("ولد بهاء سليم أبو العطا في حي الشجاعية",
     [("سليم أبو العطا", "PERSON"), ("الشجاعية", "GPE")]),
    ("الرئيس اللبناني السابق حسن سليمان خلال جولة", [("حسن سليمان", "PERSON")]),
    ("وصدر الحكم على مالك العقار أمس", []),  # "على" ("on") folds onto "علي" (Ali)
    ("وقال جورج نصّار إن المحكمة قررت", [("جورج نصار", "PERSON")]),  # a shadda in the name
])
def test_arabic_people_start_with_a_given_name(text: str, expected: list) -> None:
    assert script_names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("כך אמר חסן חליל דאהר, יליד סוריה, שנעצר",
     [("חסן חליל דאהר", "PERSON"), ("Syria", "GPE")]),
    ("עבדאללה חמדאן ועבאס א-זין מופיעים ברשימה",
     [("עבדאללה חמדאן", "PERSON"), ("עבאס א-זין", "PERSON")]),
    ("ההרוג הוא עלי מוסאווי, מפקד היחידה", [("עלי מוסאווי", "PERSON")]),
    ("הוא אמר עלי דברים קשים", []),
    ("מפקד הג'יהאד חליל עודה נהרג", [("חליל עודה", "PERSON")]),
    ("אמר רון שפירא כי", [("רון שפירא", "PERSON")]),  # a common given name, a family name
    ("ראה גיא את הים", []),
])
def test_hebrew_people_start_with_a_given_name(text: str, expected: list) -> None:
    assert script_names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وذكرت صحيفة هآرتس في تقرير لها", [("هآرتس", "ORG")]),
    ("وقع انفجار في حي المزة يوم الأحد", [("المزة", "GPE")]),
    ("ذكرت وكالة «مهر» الإيرانية", [("مهر", "ORG")]),
    ("נעצר חשוד בשכונת רמת אשכול, לאחר מרדף", [("רמת אשכול", "GPE")]),
    ("הוא נעצר בכלא מגידו", [("כלא מגידו", "GPE")]),
    ("דובר ארגון הטרור אמר", []),  # "the terror organisation"
    # an institution's noun heads a chain of definite words, up to a verb or a weekday
    ("قررت وزارة التربية والتعليم تعليق الدوام", [("وزارة التربية والتعليم", "ORG")]),
    ("وقال الجهاز المركزي للتعبئة العامة والإحصاء إن",
     [("الجهاز المركزي للتعبئة العامة والإحصاء", "ORG")]),
    ("وقالت وزارة الصحة الفلسطينية الأحد إن", [("وزارة الصحة الفلسطينية", "ORG")]),
    ("משרד הבריאות הודיע הבוקר", [("משרד הבריאות", "ORG")]),
    ("בית המשפט המחוזי בחיפה דחה", [("בית המשפט המחוזי", "ORG"), ("Haifa", "GPE")]),
    ("פיקוד העורף הורה לתושבים", [("פיקוד העורף", "ORG")]),
    ("אמרו באוניברסיטת תל אביב כי", [("אוניברסיטת תל אביב", "ORG")]),  # a place of two words
])
def test_arabic_and_hebrew_nouns_name_what_follows(text: str, expected: list) -> None:
    assert script_names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an office's own words between its title and the name, no punctuation between
    ("وأوضحت المتحدثة الرسمية لهيئة النقل سلوى الدباغ أن الخدمة ستعود",
     [("سلوى الدباغ", "PERSON"), ("هيئة النقل", "ORG")]),
    ("ראש מועצת הכפר הירוק יניב טל אמר כי", [("יניב טל", "PERSON")]),
    # ... but a title that is no office does not reach as far ("the suspect ... next Monday")
    ("החשוד היה עתיד להשתחרר מהכלא ביום שני הקרוב", []),
    # the subject of a verb of saying: after the name in Hebrew, before it in Arabic
    ("עינב גרוס אמרה כי התוכנית תיבחן", [("עינב גרוס", "PERSON")]),
    ("وأكد للصحفيين ابتسام القحطاني أن النتائج جيدة", [("ابتسام القحطاني", "PERSON")]),
    ("وقال الحزب في بيان رسمي إن الاجتماع تأجل", []),  # a noun after a preposition
    # a noun for a person in apposition after the name
    ("وقال طلال النمر، خبير الطقس، إن الأمطار ستستمر", [("طلال النمر", "PERSON")]),
    # a frequent family name is not a prefix letter and a function word ("כהן" is not כ + הן)
    ("מזכ\"ל האיגוד, עזרא כהן, קרא לממשלה", [("עזרא כהן", "PERSON")]),
    # an honorific right before a given name no list holds
    ("وتحدثت الدكتورة رلى عواد عن التجربة", [("رلى عواد", "PERSON")]),
    ("אמרה ד\"ר נועה זילבר כי", [("נועה זילבר", "PERSON")]),
    ("وقال الشاعر الراحل في قصيدته", []),  # an adjective after it, no name
    # ... with a nationality between them; a profession before a listed given name
    ("بعد التعاقد مع المدرب البرتغالي روي ماتيوس لموسم", [("روي ماتيوس", "PERSON")]),
    ("وحصدت الطالبة أروى سالم الحداد المركز الأول", [("أروى سالم الحداد", "PERSON")]),
    # "، وهو ...": the pronoun after the comma says a person was named
    ("ويرى عمر الكتبي، وهو وسيط عقاري، أن", [("عمر الكتبي", "PERSON")]),
    ("وقالت فاطمة أيت باها، رئيسة التعاونية", [("فاطمة أيت باها", "PERSON")]),  # Berber "Ait"
    ("אמרה נוי אזולאי, תלמידת י\"א בבית הספר", [("נוי אזולאי", "PERSON")]),
    # a title word with the article at the end of the clause is a family name
    ("وأوضح المهندس طارق السيد، رئيس الهيئة", [("طارق السيد", "PERSON")]),
    # a listed given name after a preposition is no subject of the verb after it
    ("הרשות להגנת הצרכן ולסחר הוגן הודיעה", [("הרשות להגנת הצרכן", "ORG")]),
    # "عبد" and its word are one given name, the family name comes after
    ("وقال مدير المؤسسة، عبد الحكيم النوري، إن", [("عبد الحكيم النوري", "PERSON")]),
    # a name ends before "on behalf of", "for us"
    ("הגיש עו\"ד אורי בן נון בשם הצרכנית", [("אורי בן נון", "PERSON")]),
])
def test_arabic_and_hebrew_people_named_by_their_office_or_their_words(text: str,
                                                                      expected: list) -> None:
    assert script_names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("נערך טקס בקיבוץ גבעת חיים", [("גבעת חיים", "GPE")]),
    ("המשחק נערך באצטדיון טדי", [("אצטדיון טדי", "GPE")]),
    ("وأقيمت المباراة على ملعب الجلاء أمس", [("ملعب الجلاء", "GPE")]),
    ("תלמידי ישיבת הכותל יצאו לרחובות", [("ישיבת הכותל", "ORG")]),
    # a head with the article names an institution only with a definite adjective after it
    ("חוקרת מהאוניברסיטה העברית אמרה", [("האוניברסיטה העברית", "ORG")]),
    ("הרשות תאפשר לחקלאים לקבל פיצוי", []),
    ("وأعلن المركز الوطني للأرصاد أن", [("المركز الوطني للأرصاد", "ORG")]),
    ("وقال إن الهيئة ستنسق مع الوزارات", []),
    # ... or "for" and a noun before a definite one; not an infinitive
    ("הרשות להגנת הצרכן הודיעה", [("הרשות להגנת הצרכן", "ORG")]),
    ("הרשות לקצץ את התקציב", []),
    # an adjective or a plural noun after a trigger describes, it names nothing
    ("وتعاقدت الوزارة مع شركة هندسية لتنفيذ المشروع", []),
    ("وافتتحت محطة جديدة في المدينة", []),
    ("وفازت شركة مقاولات بالعقد", []),
    # a town's name that starts a phrase of the page's chrome ("contact us")
    ("צור קשר | אודות | תנאי שימוש", []),
    # a court or an organisation with the article, then a verb; a noun and its adjective
    ("בית המשפט דחה את הערעור", []),
    ("הארגון ידרוש פיצוי מהמדינה", []),
    ("בכיכר מרכזית בעיר נערכה הפגנה", []),
    ("בית המשפט המחוזי קבע", [("בית המשפט המחוזי", "ORG")]),
    # a Hebrew town of 30,000 people or more; an Arabic one-word name under 50,000 is none
    ("המרתון נערך בטבריה", [("Tiberias", "GPE")]),
    ("وأصدرت الوزارة بيان رسمي", []),
])
def test_arabic_and_hebrew_places_and_institutions_named_by_their_noun(text: str,
                                                                        expected: list) -> None:
    assert script_names(text) == expected


def test_a_name_with_a_preposition_attached_does_not_follow_a_trigger_noun() -> None:
    result = extract(make_article("הוא ישב בכלא בישראל שנים רבות"))  # "in a prison in Israel"
    assert linked(result) == [("בישראל", "israel")]
    knowledge = Knowledge(entities=(Entity("damascus", "Damascus", "place",
                                           {"ar": ("دمشق",)}),))
    result = extract(make_article("وقع انفجار في حي المزة بدمشق"), knowledge=knowledge)
    assert [surface for surface, _ in linked(result)] == ["المزة", "بدمشق"]


def test_a_trigger_noun_gives_the_name_with_and_without_it() -> None:
    [name] = find_script_names("وذكرت صحيفة هآرتس في تقرير لها", "ar")
    assert (name.name, name.alias) == ("هآرتس", "صحيفة هآرتس")


@pytest.mark.parametrize(("english", "other"), [
    ("Hassan Nasrallah", "חסן נצראללה"), ("Hassan Nasrallah", "حسن نصر الله"),
    ("Saleh al-Arouri", "סאלח אל-ערורי"), ("Ismail Haniyeh", "إسماعيل هنية"),
    ("Moshe Ya'alon", "موشيه يعلون"), ("Khan Younis", "ח'אן יונס"),
])
def test_one_name_in_three_scripts_has_one_skeleton(english: str, other: str) -> None:
    assert skeleton(english) == skeleton(other)


def test_an_arabic_or_hebrew_name_is_linked_to_the_english_name_of_the_same_person() -> None:
    result = extract(make_article("בנאום אמש אמר חסן נצראללה, מזכ\"ל הארגון, כי המלחמה "
                                  "תימשך."))
    assert ("חסן נצראללה", "hassan-nasrallah") in linked(result)


def test_an_arabic_name_takes_the_english_spelling_the_same_article_prints() -> None:
    article = make_article("وقال يوسف حداد إن المعبر أغلق.",
                           captions=("Smoke over the crossing. (Photo: Yousef Haddad / AFP)",))
    result = extract(article)
    assert {entity for surface, entity in linked(result)
            if surface in ("يوسف حداد", "Yousef Haddad")} == {"yousef-haddad"}
    [person] = [e for e in result.entities if e.id == "yousef-haddad"]
    assert "يوسف حداد" in person.all_names


def test_a_name_listed_with_its_article_is_found_where_a_preposition_swallowed_it() -> None:
    matcher = NameMatcher.for_entities(KNOWLEDGE.entities)
    found = [(m.surface, m.pattern.entity) for text in (
        "גורמים ברשות הפלסטינית אמרו", "التابعة للسلطة الفلسطينية اليوم", "רשות הפלסטינית")
        for m in matcher.find(text)]
    assert found == [("ברשות הפלסטינית", "palestinian-authority"),
                     ("للسلطة الفلسطينية", "palestinian-authority")]


# --- across articles --------------------------------------------------------------------------

def test_a_name_one_article_found_is_linked_where_another_only_prints_it() -> None:
    first = make_article("Shares of Nordwind AG fell. Nordwind said the audit was late.",
                         name="first")
    second = make_article("Investors sued Nordwind over the losses last year.", name="second")
    result = extract(first, second)
    assert linked(result, "second") == [("Nordwind", "nordwind-ag")]


def test_ner_off_is_the_knowledge_base_and_bylines_only() -> None:
    article = make_article("The raid was led by Gen. Lars Holm near Hamas positions.",
                           byline="By Jane Roe", authors=("Jane Roe",))
    result = EntityExtractor(KNOWLEDGE).extract([article], ner=False)
    assert linked(result) == [("Jane Roe", "jane-roe"), ("Hamas", "hamas")]
    names = EntityExtractor(KNOWLEDGE).names_in(article, [])  # what the pipeline passes
    assert [m.surface for m in names.mentions] == ["Jane Roe", "Hamas"]


def test_a_surname_alone_is_never_linked_across_articles() -> None:
    first = make_article("The raid was led by Gen. Lars Holm at dawn.", name="first")
    second = make_article("Holm was not available for comment on the raid.", name="second")
    assert linked(extract(first, second), "second") == []


# --- places the gazetteer knows ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وصل الوفد إلى جدة ثم الدمام قبل أن يعود إلى لندن",
     [("Jeddah", "GPE"), ("Dammam", "GPE"), ("London", "GPE")]),
    ("הוא טס ללונדון ומשם לסיאול", [("London", "GPE"), ("Seoul", "GPE")]),
    ("نقلت الشحنة من أم درمان", [("Omdurman", "GPE")]),  # a name of two words
    # town names that are ordinary words: "safety", "the city", "streets", "a blow"
    ("وقال إن الأمان مهم في المدينة", []),
    ("הם הלכו ברחובות וקיבלו מכה", []),
])
def test_arabic_and_hebrew_place_names_the_gazetteer_knows(text: str, expected: list) -> None:
    assert script_names(text) == expected


def test_a_place_named_in_arabic_takes_its_english_name() -> None:
    # the id an English "London" (found by the model) gets too: one entity in both scripts
    result = extract(make_article("وصل الوفد إلى لندن صباح الأحد."))
    assert ("لندن", "london") in linked(result)
    [london] = [e for e in result.entities if e.id == "london"]
    assert (london.name, london.type) == ("London", "place")


def test_titles_letters_and_openers_around_a_name_are_no_part_of_it() -> None:
    article = make_article(
        "Research economist Dr Kevin Furlong said rents were rising.",
        "Housing spokeswoman Aoife Brennan TD said the figures were damning.")
    assert linked(extract(article, knowledge=Knowledge(entities=()))) == [
        ("Kevin Furlong", "kevin-furlong"), ("Aoife Brennan", "aoife-brennan")]


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Outside Dublin, rents rose by a tenth.", "Outside Dublin", [("Dublin", "GPE")]),
    ("Jane Roe MP said the figures were damning.", "Jane Roe MP", [("Jane Roe", "PERSON")]),
])
def test_the_models_span_loses_a_sentence_opener_and_post_nominal_letters(
        text: str, span: str, expected: list) -> None:
    assert ner_found(text, span, expected[0][1]) == expected


@pytest.mark.parametrize(("label", "text", "surnames", "expected"), [
    ("PRODUCT", "Winnipeg", set(), "GPE"),  # "rain coated Winnipeg in ice"
    ("PERSON", "Glasgow", set(), "GPE"),
    ("PERSON", "Florence", set(), "PERSON"),  # a given name too
    ("PERSON", "Glasgow", {"Glasgow"}, "PERSON"),  # "Ellen Glasgow" named in full
    ("PRODUCT", "iPhone", set(), "PRODUCT"),
])
def test_a_big_city_the_model_calls_something_else_is_a_place(label: str, text: str,
                                                              surnames: set[str],
                                                              expected: str) -> None:
    from generator.extract.ner import retyped

    assert retyped(label, text, surnames) == expected


def test_an_office_up_to_a_persons_own_title_is_no_name() -> None:
    result = extract(make_article("The County Executive Committee Member for Agriculture Dr. "
                                  "Wanjiku Otieno said the spraying would start on Monday."))
    names = {entity.name: entity.type for entity in result.entities}
    assert names.get("Wanjiku Otieno") == "person"
    assert not any("Agriculture" in name and kind == "person" for name, kind in names.items())
    assert "Dr" not in names


def test_a_share_bars_buttons_are_no_names() -> None:
    from generator.extract.entities import is_share_button

    assert is_share_button("Print", "Share this story: Email | Print | Reprints")
    assert not is_share_button("WhatsApp", "Farmers swap warnings in WhatsApp groups.")


@pytest.mark.parametrize(("after", "expected"), [
    (", Minnesota, on Friday", True),
    (", Tenn., police said", True),
    (", New Mexico", True),
    (", Virginia's governor said", False),
    (", Smith said", False),
])
def test_a_name_before_its_us_state_is_a_town(after: str, expected: bool) -> None:
    from generator.extract.entities import before_a_state

    assert before_a_state(after) is expected


def test_a_pages_links_are_no_names() -> None:
    from generator.extract.entities import not_a_name

    assert not_a_name("Privacy Policy", {}) and not_a_name("Community", {})
    assert not not_a_name("Harbour Community Trust", {})


@pytest.mark.parametrize(("sentence", "person"), [
    ("State Senator Jane Roe of Hutchinson has proposed a bill.", "Jane Roe"),
    ("Co-author Dr Arjun Rao of the Goa centre said the test worked.", "Arjun Rao"),
    ("Lord Mayor Cllr Frank Dolan says the roads are closed.", "Frank Dolan"),
    ("Not everyone is convinced. Madam Tan Siew Lan, 67, sells noodles.", "Tan Siew Lan"),
])
def test_a_titled_persons_name_without_her_title_or_where_she_is_from(sentence: str,
                                                                        person: str) -> None:
    result = extract(make_article(sentence))
    names = {entity.name: entity.type for entity in result.entities}
    assert names.get(person) == "person"
    assert not any(" of " in name for name in names)
