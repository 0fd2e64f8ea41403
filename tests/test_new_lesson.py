"""tools/new-lesson: a new lesson in three languages with easy-read editions, refused while a
placeholder is left (tools/check and the build alike, each placeholder with file:line), built
in every language once filled — the translations carrying text only."""
from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_site, mkdocs_build
from mutants import small_docs

SLUG = "financial-pyramids"
FILES = [f"{lang}/fraud/{SLUG}{suffix}" for lang in ("kk", "ru", "en") for suffix in (".md", ".easy.md")]


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, timeout=900)


def placeholders(docs) -> list[str]:
    """'docs/<file>:<line>' of every TODO: in the new files, read from the files themselves."""
    out = []
    for rel in FILES:
        for number, line in enumerate((docs / rel).read_text(encoding="utf-8").split("\n"), 1):
            if "TODO:" in line:
                out.append(f"docs/{rel}:{number}")
    return out


def fill(text: str) -> str:
    """What an editor does: write the text where each placeholder was."""
    text = text.replace('"TODO: 2026-01-01"', "2026-11-30")
    text = re.sub(r"\s*# TODO:.*", "", text)  # the hints after audience: and duration:
    return text.replace("TODO: ", "")


@pytest.fixture(scope="module")
def new_lesson(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("newlesson")
    small_docs(tmp / "docs")  # every page, one real lesson per course (tests/mutants.py)
    cfg = fixture_site(tmp, {})
    made = run(str(ROOT / "tools/new-lesson"), "fraud", SLUG, "--docs", str(tmp / "docs"))
    assert made.returncode == 0, made.stderr
    return tmp, cfg, made


def test_the_command_creates_six_files_with_the_next_order(new_lesson):
    tmp, _cfg, made = new_lesson
    for rel in FILES:
        assert f"created {tmp / 'docs' / rel}" in made.stdout
    kk = (tmp / "docs/kk/fraud" / f"{SLUG}.md").read_text(encoding="utf-8")
    taken = [int(m.group(1)) for f in (tmp / "docs/kk/fraud").glob("*.md")
             if not f.name.endswith(".easy.md") and f.stem != SLUG
             for m in [re.search(r"(?m)^order: (\d+)$", f.read_text(encoding="utf-8"))] if m]
    assert taken
    assert re.search(rf"(?m)^order: {max(taken) + 1}$", kk)  # the next free number of the course
    ru = (tmp / "docs/ru/fraud" / f"{SLUG}.md").read_text(encoding="utf-8")
    for fact in ("order:", "audience:", "duration:", "course:", "correct:", "answer:", "type:", "sources:"):
        assert fact not in ru, fact  # the translation carries text only
    again = run(str(ROOT / "tools/new-lesson"), "fraud", SLUG, "--docs", str(tmp / "docs"))
    assert again.returncode == 1 and "exist already" in again.stderr


def test_unknown_course_or_bad_name_is_refused(tmp_path):
    bad = run(str(ROOT / "tools/new-lesson"), "crime", SLUG, "--docs", str(tmp_path))
    assert bad.returncode == 1 and "unknown course 'crime'" in bad.stderr
    bad = run(str(ROOT / "tools/new-lesson"), "fraud", "Финансовые пирамиды", "--docs", str(tmp_path))
    assert bad.returncode == 1 and "cannot be a file name" in bad.stderr
    assert not any(tmp_path.iterdir())


def test_unfilled_lesson_fails_check_and_build_naming_each_placeholder(new_lesson):
    tmp, cfg, _made = new_lesson
    wanted = placeholders(tmp / "docs")
    assert len(wanted) > 30
    check = run(str(ROOT / "tools/check"), "--docs", str(tmp / "docs"), "--quiet")
    assert check.returncode == 1
    build = mkdocs_build(tmp / "site", config=cfg)
    assert build.returncode != 0 and "Traceback" not in build.stderr
    assert not (tmp / "site" / "fraud").exists()
    for where in wanted:
        assert f"ERROR   {where}: placeholder not filled in: " in check.stdout, where
        assert re.search(rf"ERROR +- +{re.escape(where)}: placeholder not filled in: ", build.stderr), where


def test_filled_lesson_passes_check_and_builds_in_three_languages(new_lesson):
    tmp, cfg, _made = new_lesson
    for rel in FILES:
        path = tmp / "docs" / rel
        path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert placeholders(tmp / "docs") == []
    check = run(str(ROOT / "tools/check"), "--docs", str(tmp / "docs"), "--quiet")
    assert check.returncode == 0, check.stdout[-3000:]
    build = mkdocs_build(tmp / "site", config=cfg)
    assert build.returncode == 0, build.stderr[-4000:]
    site = tmp / "site"
    expected = {"kk": ("сабақтың тақырыбы", "9–11-сыныптар", "45 мин"),
                "ru": ("название урока", "9–11 классы", "45 мин"),
                "en": ("the lesson's title", "Grades 9–11", "45 min")}
    for lang, (title, audience, minutes) in expected.items():
        prefix = "" if lang == "kk" else f"{lang}/"
        soup = BeautifulSoup((site / f"{prefix}fraud/{SLUG}/index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.h1.get_text(strip=True) == title
        assert soup.select_one(".zb-text")["lang"] == lang and soup.select_one(".zb-notice") is None
        facts = soup.select_one(".zb-facts").get_text(" ", strip=True)
        assert audience in facts and minutes in facts, facts
        # the quiz: the translation's text, the Kazakh original's ids and answers
        fieldsets = soup.select("form.zb-quiz fieldset")
        assert [f["id"] for f in fieldsets] == ["q-question-1", "q-question-2"]
        assert [f["data-answer"] for f in fieldsets] == ["0", "0"]
        assert (site / f"{prefix}fraud/{SLUG}.easy/index.html").is_file()
        assert (site / f"{prefix}fraud/{SLUG}.teacher/index.html").is_file()
    # the act cited once, in the Kazakh original: its title and link in each language (registry)
    for lang, title, url in (("kk", "Қазақстан Республикасының Қылмыстық кодексі", "kaz"),
                             ("ru", "Уголовный кодекс Республики Казахстан", "rus"),
                             ("en", "Criminal Code of the Republic of Kazakhstan", "rus")):
        prefix = "" if lang == "kk" else f"{lang}/"
        page_ = BeautifulSoup((site / f"{prefix}fraud/{SLUG}/index.html").read_text(encoding="utf-8"), "html.parser")
        (cited,) = page_.select(".zb-sources li")
        assert cited.a.get_text(strip=True) == title
        assert cited.a["href"] == f"https://adilet.zan.kz/{url}/docs/K1400000226"
        assert "232-1" in cited.get_text()
        assert (site / f"{prefix}fraud/{SLUG}.braille/{SLUG}.{lang}.txt").read_text(encoding="utf-8-sig").strip()


def count_values(node, key="", prose=frozenset()) -> int:
    if isinstance(node, dict):
        return sum(count_values(v, k, prose) for k, v in node.items())
    if isinstance(node, list):
        return sum(count_values(v, key, prose) for v in node)
    return 0 if key in prose else 1


def test_a_new_lesson_needs_at_most_30_values_outside_the_prose():
    """Every YAML value of the six template files, except the text a reader reads (titles,
    summaries, objectives, key points, question/option/explanation text), counted. The
    number is the one CONTRIBUTING.md states."""
    import yaml

    from hooks.content import quizdata, sources

    prose = frozenset({"summary", "objectives", "key_points", "discussion", "source_note", "text", "explain"})
    total = 0
    for rel in FILES:
        lang, _course, name = rel.split("/")
        template = ROOT / "tools/lesson-template" / lang / name.replace(SLUG, "lesson")
        src = sources.read(template, str(template))
        meta = dict(src.meta.value)
        total += 0 if "title" in meta else 1
        meta.pop("title", None)  # the page title is prose; a source's title is counted
        total += count_values(meta, prose=prose)
        for block in quizdata.find_blocks(src.body):
            total += count_values(yaml.safe_load(block.yaml), prose=prose)
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    stated = re.search(r"needs (\d+) values outside the prose", guide)
    assert stated, "CONTRIBUTING.md must state the count"
    assert total == int(stated.group(1)) and total <= 30, total


def test_a_course_with_a_fact_list_gets_claims_to_fill(tmp_path):
    """law-basics asks for claims: (hooks/data/courses.yml fact_list: required): the new lesson has
    them, as placeholders, and passes tools/check once they are filled."""
    small_docs(tmp_path / "docs")
    made = run(str(ROOT / "tools/new-lesson"), "law-basics", "new-topic", "--docs", str(tmp_path / "docs"))
    assert made.returncode == 0, made.stderr
    kk = tmp_path / "docs/kk/law-basics/new-topic.md"
    assert "claims:\n  - says:" in kk.read_text(encoding="utf-8")
    check = run(str(ROOT / "tools/check"), "--docs", str(tmp_path / "docs"), "--quiet")
    assert check.returncode == 1
    number = next(n for n, line in enumerate(kk.read_text(encoding="utf-8").split("\n"), 1) if "- says:" in line)
    assert f"ERROR   docs/kk/law-basics/new-topic.md:{number}: placeholder not filled in: " in check.stdout
    for lang in ("kk", "ru", "en"):
        for suffix in (".md", ".easy.md"):
            path = tmp_path / "docs" / lang / "law-basics" / f"new-topic{suffix}"
            path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    check = run(str(ROOT / "tools/check"), "--docs", str(tmp_path / "docs"), "--quiet")
    assert check.returncode == 0, check.stdout[-3000:]
