"""Quizzes (hooks/editions/quiz.py): parsing, every checking error with file:line, translations
against the Kazakh original, safe HTML for hostile text, and the real site's quizzes."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, lesson_md
from hooks.content import catalog
from hooks.editions import quiz
from hooks.content.strings import STRINGS, Translator
from hooks.content.yamlsrc import ContentError

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
TODAY = dt.date(2026, 11, 22)
PATH = "docs/kk/fraud/sample.md"

# A body that starts on line 5 of its file: the fence is on line 7, "questions:" on 8.
GOOD = """Intro text.

```quiz
questions:
  - id: first
    type: single
    text: Which one?
    options:
      - text: This one
        correct: true
      - text: That one
        explain: No, *that* is wrong.
    explain: Because.
```
"""


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def problems(body: str, first_line: int = 5) -> list[str]:
    found: list = []
    quiz.parse_quizzes(body, PATH, first_line, found)
    return [e.format() for e in found]


# ----- parsing -------------------------------------------------------------------
def test_parse_returns_questions_with_raw_markdown_and_file_lines():
    quizzes = quiz.parse_quizzes(GOOD, PATH, 5)
    assert len(quizzes) == 1 and quizzes[0].line == 7
    (q,) = quizzes[0].questions
    assert (q.id, q.type, q.text, q.line, q.answer) == ("first", "single", "Which one?", 9, None)
    assert [(o.text, o.correct, o.explain, o.line) for o in q.options] == [
        ("This one", True, "", 13), ("That one", False, "No, *that* is wrong.", 15)]
    assert q.explain == "Because." and q.source == "" and q.correct == [0]


def test_parse_all_three_types_from_the_fixture():
    (sample,) = quiz.parse_quizzes(fixture("sample.en.md"), "docs/en/fraud/sample.md", 20)
    kinds = [(q.id, q.type, len(q.options), q.answer, q.correct) for q in sample.questions]
    assert kinds == [("sms-code", "single", 3, None, [1]), ("scam-signs", "multiple", 3, None, [0, 1]),
                     ("mule-crime", "truefalse", 0, True, [0])]
    assert sample.questions[0].source.startswith("[Law on payments](https://")
    assert sample.line == 20 + 6


def test_a_page_without_quiz_has_none_and_an_example_inside_another_fence_is_not_a_quiz():
    assert quiz.parse_quizzes("Just text.\n", PATH, 1) == []
    example = "````markdown\n" + GOOD + "````\n"
    assert quiz.parse_quizzes(example, PATH, 1) == []
    assert len(quiz.parse_quizzes(GOOD.replace("```", "~~~~"), PATH, 1)) == 1


def test_an_indented_quiz_would_be_code_and_is_reported():
    body = "1. A list item\n\n    ```quiz\n    questions: []\n    ```\n"
    assert problems(body, first_line=10) == [
        f"{PATH}:12: this quiz is indented, so it would be shown as code, not as a quiz — start the ```quiz line "
        "and the closing ``` at the beginning of the line"]
    # ...but not inside an example fence
    assert problems("````markdown\n    ```quiz\n````\n") == []


def test_without_an_error_list_the_first_problem_is_raised():
    with pytest.raises(ContentError) as err:
        quiz.parse_quizzes(GOOD.replace("    text: Which one?\n", ""), PATH, 5)
    assert err.value.path == PATH and err.value.line == 9


# ----- checking: each error names the file and the real line -------------------------------
@pytest.mark.parametrize("old, new, expected", [
    ("    text: Which one?\n", "    text: [Which one?\n",
     r"^docs/kk/fraud/sample\.md:1[1-3]: invalid YAML"),
    ("questions:\n", "title: My quiz\nquestions:\n",
     r"^docs/kk/fraud/sample\.md:8: unknown key 'title' in the quiz — a quiz has only 'questions:'"),
    ("    type: single\n", "    type: single\n    anwser: true\n",
     r"^docs/kk/fraud/sample\.md:11: question 1 \('first'\): unknown key 'anwser' — the keys of a question are: id"),
    ("        correct: true\n", "        correct: true\n        why: because\n",
     r"^docs/kk/fraud/sample\.md:15: question 1 \('first'\), option 1: unknown key 'why'"),
    ("    text: Which one?\n", "    text: ''\n",
     r"^docs/kk/fraud/sample\.md:11: question 1 \('first'\): the question text is empty"),
    ("    text: Which one?\n", "",
     r"^docs/kk/fraud/sample\.md:9: question 1 \('first'\): the question text is empty"),
    ("      - text: That one\n", "      - text: ' '\n",
     r"^docs/kk/fraud/sample\.md:15: question 1 \('first'\), option 2 is empty — write the option after 'text:'"),
    ("      - text: That one\n", "      - text:\n",
     r"^docs/kk/fraud/sample\.md:15: question 1 \('first'\), option 2 is empty"),
    ("      - text: That one\n", "      - text: 102\n",
     r"^docs/kk/fraud/sample\.md:15: .*option 2 must be text, not 102 — put the text in quotes"),
    ("        explain: No, *that* is wrong.\n", "        correct: true\n",
     r"^docs/kk/fraud/sample\.md:12: question 1 \('first'\): a single-choice question needs exactly one option "
     r"with 'correct: true', it has 2"),
    ("        correct: true\n", "",
     r"^docs/kk/fraud/sample\.md:12: .*single-choice question needs exactly one option with 'correct: true', it has 0"),
    ("        correct: true\n", "        correct: 'yes'\n",
     r"^docs/kk/fraud/sample\.md:14: question 1 \('first'\), option 1: 'correct' must be true or false"),
    ("    type: single\n", "    type: multiple\n", None),
    ("    type: single\n", "    type: choice\n",
     r"^docs/kk/fraud/sample\.md:10: question 1 \('first'\): 'type' must be single, multiple, truefalse or open"),
    ("  - id: first\n", "  - id: First Question\n",
     r"^docs/kk/fraud/sample\.md:9: question 1: the id 'First Question' must be lowercase ASCII"),
    ("  - id: first\n", "  - type: single\n",
     r"^docs/kk/fraud/sample\.md:10: the key 'type' is written twice — keep one of them"),
    ("questions:\n", "question:\n", r"^docs/kk/fraud/sample\.md:8: a quiz must start with 'questions:'"),
    ("```\n", "", r"^docs/kk/fraud/sample\.md:7: the quiz block is not closed — close the quiz with a line of three"),
    ("    explain: Because.\n", "    explain: Because.\n    other: &a x\n    more: *a\n",
     r"^docs/kk/fraud/sample\.md:19: YAML aliases \(\*name\) are not allowed"),
])
def test_each_problem_is_reported_with_file_line_and_fix(old, new, expected):
    body = GOOD.replace(old, new, 1) if old != "```\n" else GOOD[: GOOD.rindex("```")]
    found = problems(body)
    if expected is None:
        assert found == []
        return
    assert any(re.search(expected, m) for m in found), found


def test_multiple_without_a_correct_option():
    body = GOOD.replace("type: single", "type: multiple").replace("        correct: true\n", "")
    assert problems(body) == ["docs/kk/fraud/sample.md:12: question 1 ('first'): a multiple-choice question needs "
                              "at least one option with 'correct: true' — mark the right options 'correct: true'"]


@pytest.mark.parametrize("answer, line", [("", None), ("    answer: 'yes'\n", 12), ("    answer: maybe\n", 12)])
def test_truefalse_needs_a_boolean_answer(answer, line):
    body = ("\n\n```quiz\nquestions:\n  - id: tf\n    type: truefalse\n    text: Is it?\n"
            f"{answer}```\n")
    found = problems(body, first_line=5)
    expected_line = line or 9
    assert found == [f"{PATH}:{expected_line}: question 1 ('tf'): a truefalse question needs 'answer: true' or "
                     "'answer: false' — write answer: true or answer: false (without quotes)"], found


def test_truefalse_with_options_and_single_with_answer_are_errors():
    body = ("```quiz\nquestions:\n  - id: tf\n    type: truefalse\n    text: Is it?\n    answer: true\n"
            "    options:\n      - text: a\n  - id: one\n    type: single\n    text: Which?\n    answer: true\n"
            "    options:\n      - text: a\n        correct: true\n      - text: b\n```\n")
    found = problems(body, first_line=1)
    assert f"{PATH}:7: question 1 ('tf'): a truefalse question has no options" in found[0]
    assert f"{PATH}:12: question 2 ('one'): 'answer' is only for truefalse questions" in found[1]


def test_a_single_question_needs_two_options():
    body = GOOD.replace("      - text: That one\n        explain: No, *that* is wrong.\n", "")
    assert problems(body) == [f"{PATH}:12: question 1 ('first'): it needs 'options:' with at least two options "
                              "— list the options as '- text: ...'"]


def test_duplicate_question_ids_even_across_two_quizzes_of_a_page():
    body = GOOD + "\nMore text.\n\n" + GOOD
    found = problems(body)
    second = 5 + GOOD.count("\n") + 3 + 4   # text lines, then the second block's "- id:"
    assert found == [f"{PATH}:{second}: the question id 'first' is used twice on this page (first on line 9) "
                     "— give every question of the lesson its own id"]


def test_errors_are_collected_and_the_good_quizzes_still_returned():
    bad = GOOD.replace("id: first", "id: second").replace("    text: Which one?\n", "")
    found: list = []
    quizzes = quiz.parse_quizzes(GOOD + "\n" + bad, PATH, 1, found)
    assert len(quizzes) == 1 and len(found) == 1


# ----- translations against the Kazakh original ----------------------------------
def build(tmp_path, files: dict) -> catalog.Catalog:
    for rel, text in files.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return catalog.build(tmp_path / "docs", TODAY)


def sample_files(**override) -> dict:
    files = {f"{lang}/fraud/sample.md": lesson_md(body=fixture(f"sample.{lang}.md")) for lang in ("kk", "ru", "en")}
    files.update(override)
    return files


def test_the_translated_fixture_passes(tmp_path):
    cat = build(tmp_path, sample_files())
    assert [e.format() for e in cat.errors] == []


@pytest.mark.parametrize("old, new, expected", [
    ("  - id: mule-crime\n", "  - id: card-crime\n",
     r"^docs/ru/fraud/sample\.md:(\d+): the quiz has the questions sms-code, scam-signs, card-crime but the Kazakh "
     r"original docs/kk/fraud/sample\.md has sms-code, scam-signs, mule-crime — translate the quiz"),
    ("      - text: Общее сообщение в приложении банка.\n        explain: Это обычное сообщение.\n", "",
     r"^docs/ru/fraud/sample\.md:(\d+): question 'scam-signs' has 2 options but the Kazakh original has 3"),
    ("    answer: true\n", "    answer: false\n",
     r"^docs/ru/fraud/sample\.md:(\d+): question 'mule-crime' has a different right answer than the Kazakh original"),
    ("    type: multiple\n", "    type: single\n", None),
])
def test_a_translation_must_keep_the_questions_of_the_original(tmp_path, old, new, expected):
    ru = fixture("sample.ru.md").replace(old, new)
    if expected is None:  # the translation states another type than the original
        cat = build(tmp_path, sample_files(**{"ru/fraud/sample.md": lesson_md(body=ru)}))
        assert any("question 'scam-signs' is single but in the Kazakh original it is multiple" in e.format()
                   for e in cat.errors), [e.format() for e in cat.errors]
        return
    cat = build(tmp_path, sample_files(**{"ru/fraud/sample.md": lesson_md(body=ru)}))
    found = [e.format() for e in cat.errors]
    assert len(found) == 1 and re.search(expected, found[0]), found
    # the line is the quiz's or the question's line in the Russian file
    text = lesson_md(body=ru).split("\n")
    line = int(re.search(expected, found[0]).group(1))
    assert text[line - 1].strip() in ("```quiz", "- id: scam-signs", "- id: mule-crime"), text[line - 1]


def test_a_translation_without_the_quiz_is_reported(tmp_path):
    en = fixture("sample.en.md")
    en = en[: en.index("```quiz")]
    cat = build(tmp_path, sample_files(**{"en/fraud/sample.md": lesson_md(body=en)}))
    assert [e.format() for e in cat.errors] == [
        "docs/en/fraud/sample.md:1: this page has 0 quiz block(s) but the Kazakh original docs/kk/fraud/sample.md "
        "has 1 — translate the quiz of docs/kk/fraud/sample.md question by question and option by option, "
        "in the same order; leave out id, type, correct, answer and lines (they come from the original)"]


def test_the_real_lessons_quizzes_pass_the_checks():
    cat = catalog.build(ROOT / "docs", TODAY)
    quiz_errors = [e.format() for e in cat.errors if "quiz" in e.message or "question" in e.message]
    assert quiz_errors == []


# ----- HTML ------------------------------------------------------------------------
class Tags(HTMLParser):
    """Every start tag and attribute of a fragment, and its text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list = []
        self.text: list = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def render(body: str, lang: str = "kk", content_lang: str | None = None) -> str:
    md, count = quiz.render_markdown(body, PATH, 1, Translator(lang), f"{lang}:fraud/sample", content_lang)
    assert count == 1 and "```" not in md
    return md


def test_html_is_a_form_with_fieldsets_native_inputs_and_a_key():
    html = render(fixture("sample.en.md"), "en")
    parsed = Tags(html)
    tags = parsed.tags
    forms = [a for t, a in tags if t == "form"]
    assert len(forms) == 1 and forms[0]["data-zb-quiz"] == "en:fraud/sample:1"
    assert forms[0]["data-s-check"] == "Check" and "{n}" in forms[0]["data-s-score"]
    fieldsets = [a for t, a in tags if t == "fieldset"]
    assert [f["id"] for f in fieldsets] == ["q-sms-code", "q-scam-signs", "q-mule-crime"]
    assert [f["data-answer"] for f in fieldsets] == ["1", "0 1", "0"]
    assert html.count("<legend>") == 3
    inputs = [a for t, a in tags if t == "input"]
    assert [i["type"] for i in inputs] == ["radio"] * 3 + ["checkbox"] * 3 + ["radio"] * 2
    assert {i["name"] for i in inputs[:3]} == {"q-sms-code"}
    # every input is inside its label
    assert len(re.findall(r'<label class="zb-quiz__option" for="([^"]+)"><input [^>]*id="\1"', html)) == 8
    # True/false statements are answered Yes/No in the reader's language, the key in a <details>
    assert '<span>Yes</span>' in html and '<span>No</span>' in html
    assert re.search(r"<details class=\"zb-quiz__key\"><summary>Answers and explanations</summary>", html)
    key = html[html.index("<details"):]
    assert "Hang up and call the number on the card <strong>myself</strong>." in key
    assert "Whoever has the code can take your money." in key
    assert '<a href="https://adilet.zan.kz/eng/docs/Z1600000011">Law on payments</a>' in key
    # polite live regions exist before the script writes into them
    assert html.count('aria-live="polite"') == 4
    assert not [t for t, _a in tags if t == "script"]
    assert "onclick" not in html and "style=" not in html


def test_kazakh_interface_strings_and_untranslated_pages():
    kk = render(fixture("sample.kk.md"), "kk")
    assert "<span>Иә</span>" in kk and "<span>Жоқ</span>" in kk and "Жауаптар мен түсініктемелер" in kk
    assert " lang=" not in kk.replace("data-lang=", "")
    # A Russian reader on a page shown in Kazakh: interface strings carry lang="ru".
    ru = render(fixture("sample.kk.md"), "ru", content_lang="kk")
    assert '<span lang="ru">Да</span>' in ru and '<summary lang="ru">Ответы и пояснения</summary>' in ru
    assert 'data-lang="ru"' in ru


def test_all_quiz_strings_exist_in_three_languages_and_kazakh_uses_its_letters():
    keys = [k for k in STRINGS if k.startswith("quiz.")]
    needed = {"quiz.label", "quiz.intro", "quiz.intro_js", "quiz.true", "quiz.false", "quiz.key", "quiz.check",
              "quiz.right", "quiz.wrong", "quiz.score", "quiz.again", "quiz.clear", "quiz.cleared"}
    assert needed <= set(keys)
    for key in keys:
        assert all(str(STRINGS[key].get(lang) or "").strip() for lang in ("kk", "ru", "en")), key
    kk = " ".join(STRINGS[k]["kk"] for k in keys)
    assert re.search("[әғқңөұүһі]", kk)
    for key in ("quiz.score",):
        assert all("{n}" in STRINGS[key][lang] and "{total}" in STRINGS[key][lang] for lang in ("kk", "ru", "en"))


HOSTILE = ["<script", "</script", "<img", "<svg", "<iframe", "<style", "<b ", "<details open", "<a href=\"javascript"]


def test_hostile_text_is_escaped_and_javascript_links_are_dropped():
    html = render(fixture("hostile.md"))
    parsed = Tags(html)
    tags = [t for t, _a in parsed.tags]
    assert not {"script", "img", "svg", "iframe", "style", "b"} & set(tags), set(tags)
    assert tags.count("template") == 2 and tags.count("details") == 1
    for tag, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert quiz.safe_url(value) and not re.match(r"\s*(javascript|data|vbscript):", value, re.I), value
    lowered = html.lower()
    for needle in HOSTILE:
        assert needle not in lowered, needle
    assert "&lt;script&gt;window.__pwned" in html
    text = "".join(parsed.text)
    assert "<script>window.__pwned = 'text'; alert(1)</script> {{ 7*7 }} {% raw %}x{% endraw %}" in text
    assert "49" not in text
    assert "\x02" not in html and "\x03" not in html
    assert "click me" in text and "also" in text


@pytest.mark.parametrize("url, safe", [
    ("https://adilet.zan.kz", True), ("mailto:a@b.kz", True), ("tel:102", True), ("#q-first", True),
    ("../help/", True), ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    (" java\tscript:alert(1)", False), ("&#106;avascript:alert(1)", False), ("javascript&colon;alert(1)", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("&amp;#106;avascript:alert(1)", False),
])
def test_safe_url(url, safe):
    assert quiz.safe_url(url) is safe


def test_markdown_in_text_is_rendered_inline_and_html_is_text():
    assert quiz.inline("**bold** and *it* and `<code>`") == "<strong>bold</strong> and <em>it</em> and <code>&lt;code&gt;</code>"
    assert quiz.inline("# not a heading\n- not a list") == "# not a heading - not a list"
    assert quiz.inline("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert quiz.inline("[ok](https://e.kz) [bad](javascript:alert(1))") == '<a href="https://e.kz">ok</a> <span>bad</span>'
    assert quiz.block("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>"


# ----- the real site -------------------------------------------------------------------
def test_quiz_assets_load_only_on_pages_with_a_quiz(built_site):
    with_quiz = without = 0
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        has_form = 'class="zb-quiz"' in html
        has_script = re.search(r'<script src="[^"]*assets/javascripts/quiz\.js" defer></script>', html) is not None
        has_style = re.search(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/quiz\.css">', html) is not None
        # quiz.js and quiz.css wherever a lesson shows a quiz, nowhere without one; printed
        # teacher packs (hooks/editions/teacher.py) reuse the CSS and the markup but need no script.
        teacher = "print" in path.parts or any(".teacher" in part for part in path.parts)
        assert has_script <= has_form and (has_script or teacher or not has_form), path
        assert has_style or not has_form, path
        assert "```quiz" not in html, path
        with_quiz += has_form
        without += not has_form
    assert with_quiz >= 18 and without > 0
    assert (built_site / "assets/javascripts/quiz.js").is_file()


def test_quiz_script_is_small_and_has_no_eval_or_html_parsing():
    import gzip

    js = (ROOT / "overrides/assets/javascripts/quiz.js").read_bytes()
    assert len(gzip.compress(js, 9)) <= 5 * 1024
    code = js.decode("utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write",
                   "setTimeout(\"", "import("):
        assert banned not in code, banned


# ----- open questions (type: open) ---------------------------------------------------------------
OPEN = """Intro text.

```quiz
questions:
  - id: reply
    type: open
    text: Write a reply that says no.
    lines: 4
    model_answer: |
      A clear **no** and the reason.
  - id: tf
    type: truefalse
    text: Is it a crime?
    answer: true
```
"""


def test_an_open_question_is_parsed_with_its_lines_and_model_answer():
    (parsed,) = quiz.parse_quizzes(OPEN, PATH, 5)
    q = parsed.questions[0]
    assert (q.id, q.type, q.lines, q.model_answer, q.line, q.options, q.correct) == (
        "reply", "open", 4, "A clear **no** and the reason.\n", 9, [], [])
    assert not q.scored and parsed.questions[1].scored
    # saved answers belong to the scored questions: rewording or resizing the open one keeps them
    (other,) = quiz.parse_quizzes(OPEN.replace("lines: 4", "lines: 6"), PATH, 5)
    assert other.fingerprint() == parsed.fingerprint()


@pytest.mark.parametrize("old, new, expected", [
    ("    lines: 4\n", "",
     f"{PATH}:9: question 1 ('reply'): an open question needs 'lines:' (how many lines to write on paper) — "
     "write how many lines to leave for the answer, e.g. lines: 4 (1 to 20)"),
    ("    model_answer: |\n      A clear **no** and the reason.\n", "",
     f"{PATH}:9: question 1 ('reply'): an open question needs 'model_answer:' (what a good answer contains) — "
     "write the model answer after 'model_answer:'"),
    ("    lines: 4\n", "    lines: four\n",
     f"{PATH}:12: question 1 ('reply'): 'lines' must be a whole number from 1 to 20, not 'four' — "
     "write how many lines to leave for the answer, e.g. lines: 4 (1 to 20)"),
    ("    lines: 4\n", "    lines: 0\n",
     f"{PATH}:12: question 1 ('reply'): 'lines' must be a whole number from 1 to 20, not 0"),
    ("    model_answer: |\n      A clear **no** and the reason.\n", "    model_answer: ''\n",
     f"{PATH}:13: question 1 ('reply'): 'model_answer' must be non-empty text"),
    ("    lines: 4\n", "    lines: 4\n    modelanswer: x\n",
     f"{PATH}:13: question 1 ('reply'): unknown key 'modelanswer' — the keys of a question are: id, type, text, "
     "options, answer, lines, model_answer"),
    ("    lines: 4\n", "    lines: 4\n    options:\n      - text: a\n",
     f"{PATH}:13: question 1 ('reply'): an open question has no options: it is answered in writing"),
    ("    lines: 4\n", "    lines: 4\n    answer: true\n",
     f"{PATH}:13: question 1 ('reply'): an open question has no 'answer': it is answered in writing"),
    ("    answer: true\n", "    answer: true\n    lines: 3\n",
     f"{PATH}:19: question 2 ('tf'): 'lines' is only for open questions — remove the line, or write 'type: open'"),
    ("    type: open\n", "    type: essay\n",
     f"{PATH}:10: question 1 ('reply'): 'type' must be single, multiple, truefalse or open"),
])
def test_open_question_errors_name_the_file_and_line(old, new, expected):
    found = problems(OPEN.replace(old, new, 1))
    assert any(m.startswith(expected) for m in found), found


def open_files(**override) -> dict:
    files = {f"{lang}/fraud/open.md": lesson_md(lesson_id="open", body=fixture(f"open.{lang}.md"))
             for lang in ("kk", "ru", "en")}
    files.update(override)
    return files


def test_a_translated_open_question_takes_type_and_lines_from_the_original(tmp_path):
    cat = build(tmp_path, open_files())
    assert [e.format() for e in cat.errors] == []
    q = cat.get("ru", "fraud/open.md").quizzes[0].questions[0]
    assert (q.id, q.type, q.lines) == ("refuse-card", "open", 4)
    assert q.model_answer.startswith("В хорошем ответе есть **ясный отказ**")


@pytest.mark.parametrize("old, new, expected", [
    ("  - text: Друг просит", "  - type: single\n    text: Друг просит",
     "question 'refuse-card' is single but in the Kazakh original it is open"),
    ("  - text: Друг просит", "  - lines: 6\n    text: Друг просит",
     "question 'refuse-card' leaves 6 lines here but 4 in the Kazakh original"),
    ("    model_answer: |\n      В хорошем ответе есть **ясный отказ** и причина.\n\n"
     "      - Карту нельзя отдавать другому.\n", "",
     "question 'refuse-card' needs its 'model_answer:' in this language"),
    ("  - text: Отдать карту", "  - model_answer: Да.\n    text: Отдать карту",
     "question 'card-crime' is truefalse in the Kazakh original: 'lines' and 'model_answer' are only for open"),
    ("  - text: Друг просит", "  - lines: 4\n    type: open\n    text: Друг просит", None),
])
def test_a_translation_may_not_change_an_open_question(tmp_path, old, new, expected):
    ru = fixture("open.ru.md")
    assert old in ru
    text = lesson_md(lesson_id="open", body=ru.replace(old, new, 1))
    cat = build(tmp_path, open_files(**{"ru/fraud/open.md": text}))
    found = [e.format() for e in cat.errors]
    if expected is None:  # restating the original's type and lines is allowed
        assert found == []
        return
    assert len(found) == 1 and found[0].startswith("docs/ru/fraud/open.md:") and expected in found[0], found
    line = int(found[0].split(":")[1])
    assert text.split("\n")[line - 1].lstrip().startswith("- "), text.split("\n")[line - 1]


def test_an_open_question_renders_a_text_area_and_a_model_answer_in_details_not_scored():
    html = render(fixture("open.en.md").replace("- text: A friend", "- id: refuse-card\n    type: open\n"
                                                "    lines: 4\n    text: A friend").replace(
        "- text: Handing", "- id: card-crime\n    type: truefalse\n    answer: true\n    text: Handing"), "en")
    parsed = Tags(html)
    fieldsets = {a["id"]: a for t, a in parsed.tags if t == "fieldset"}
    assert fieldsets["q-refuse-card"]["data-type"] == "open" and "data-answer" not in fieldsets["q-refuse-card"]
    assert fieldsets["q-card-crime"]["data-answer"] == "0"
    # a text area with a label, no choices, and lines for print
    assert [t for t, a in parsed.tags if a.get("name") == "q-refuse-card"] == []
    area = next(a for t, a in parsed.tags if t == "textarea")
    assert area["id"] == "q-refuse-card-answer" and area["rows"] == "4"
    assert f'<label class="zb-quiz__open-label" for="q-refuse-card-answer">Your answer</label>' in html
    assert html.count('<span class="zb-line"></span>') == 4
    # the model answer in the question's own <details>, and in the key
    own = html[html.index('<details class="zb-quiz__model">'):html.index("</details>")]
    assert "<summary>Show model answer</summary>" in own and "Model answer:" in own
    assert "A good answer has <strong>a clear no</strong> and the reason." in own
    assert "<li>A card must not be handed to anyone else.</li>" in own and "Saying no is the right choice." in own
    key = html[html.index('<details class="zb-quiz__key">'):]
    assert "A good answer has <strong>a clear no</strong>" in key and "Correct answer:" in key


def _open_questions(lang: str) -> list:
    """(lesson as read in ``lang``, its open questions) for every published lesson that has one."""
    cat = catalog.build(ROOT / "docs", TODAY)
    out = []
    for lesson_id in cat.lesson_ids():
        entry = cat.best(lesson_id, lang)
        opens = [q for one in entry.quizzes or [] for q in one.questions if q.type == "open"]
        if opens:
            out.append((entry, opens))
    return out


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_lesson_pages_show_open_questions_with_the_model_answer_in_details(built_site, lang):
    from bs4 import BeautifulSoup
    from hooks.site.pages import url_of

    lessons = _open_questions(lang)
    assert {e.slug for e, _ in lessons} >= {"droppers", "bullying", "rights-and-responsibility"}
    t = Translator(lang)
    for entry, opens in lessons:
        page = BeautifulSoup((built_site / url_of(lang, entry.rel) / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        for q in opens:
            box = page.select_one(f"fieldset#q-{q.id}")
            assert box["data-type"] == "open" and not box.has_attr("data-answer"), entry.path
            assert box.select("input") == [] and box.select_one("textarea")
            label = page.select_one(f'label[for="{box.select_one("textarea")["id"]}"]')
            assert label.get_text(strip=True) == t.t("quiz.open_label")
            details = box.select_one("details.zb-quiz__model")
            assert details.summary.get_text(strip=True) == t.t("quiz.model_answer_show")
            shown = " ".join(details.get_text(" ").split())
            model = " ".join(BeautifulSoup(quiz.block(q.model_answer), "html.parser").get_text(" ").split())
            assert model and model in shown, (entry.path, q.id)
            assert len(box.select(".zb-quiz__lines .zb-line")) == q.lines
