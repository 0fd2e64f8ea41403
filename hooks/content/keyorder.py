"""Quiz option order that does not give the key away.

Every question's options are shown in an order derived from a seed of lesson id + question id,
so the order is the same in every language and on the page, worksheet, answer key and Braille
edition (all of them ask this module), yet the right answer is not always "B".

Seeded shuffling alone leaves a small course lopsided (five questions can easily put three keys
at "B"), so ``plan`` places the keys of a course's single-choice questions at the least-used
position so far, visiting the questions in seed order; the other options fill the remaining
places in seed order. Multiple-choice questions are shuffled by their seed. A question with
``order: fixed`` keeps the order it is written in (ages, yes/no, numbers in sequence).

Everything here is a pure function of the lesson ids, question ids, option counts and which
options are keys — never of the option texts, so every language gets the same order.
"""
from __future__ import annotations

import hashlib

FIXED = "fixed"


def _rank(seed: str, *more) -> bytes:
    return hashlib.sha256("\x00".join((seed,) + tuple(str(m) for m in more)).encode("utf-8")).digest()


def seed(lesson_id: str, question_id: str) -> str:
    return f"{lesson_id}/{question_id}"


def permutation(lesson_id: str, question_id: str, count: int) -> list[int]:
    """Original option indices in seed order (a pure function of its arguments)."""
    s = seed(lesson_id, question_id)
    return sorted(range(count), key=lambda i: _rank(s, i))


def _keys(question: dict) -> list[int]:
    return [i for i, o in enumerate(question.get("options") or []) if isinstance(o, dict) and o.get("correct")]


def plan(questions) -> dict:
    """Shown order of every question of one course.

    ``questions``: iterable of (lesson_id, question dict) from the original language.
    Returns {(lesson_id, question_id): [original index shown first, second, ...]}.
    """
    items = [(lid, q) for lid, q in questions if isinstance(q, dict) and q.get("options")]
    items.sort(key=lambda item: _rank(seed(item[0], str(item[1].get("id", "")))))
    used: dict = {}
    result: dict = {}
    for lid, q in items:
        qid = str(q.get("id", ""))
        count = len(q["options"])
        natural = list(range(count))
        if q.get("order") == FIXED:
            result[(lid, qid)] = natural
            continue
        shuffled = permutation(lid, qid, count)
        keys = _keys(q)
        if q.get("type") != "single" or len(keys) != 1:
            result[(lid, qid)] = shuffled
            continue
        s = seed(lid, qid)
        target = min(range(count), key=lambda p: (used.get(p, 0), _rank(s, "place", p)))
        used[target] = used.get(target, 0) + 1
        others = [i for i in shuffled if i != keys[0]]
        others.insert(target, keys[0])
        result[(lid, qid)] = others
    return result


def order(shown: list[int] | None, options: list) -> list:
    """``options`` (of any language) in the shown order; ``None`` (no plan) keeps them as written."""
    if shown is None or len(shown) != len(options):
        return list(options)
    return [options[i] for i in shown]


def _as_dict(question) -> dict:
    """A parsed question (hooks/content/quizdata.py) in the shape ``plan`` reads."""
    if isinstance(question, dict):
        return question
    return {"id": question.id, "type": question.type, "order": getattr(question, "order", ""),
            "options": [{"correct": bool(o.correct)} for o in question.options]}


def apply(catalog) -> None:
    """Put every lesson's quiz options, in every language, in the shown order of its course.

    Runs once after the catalogue is read (hooks/content/catalog.py), so the quiz page, the worksheet,
    the answer key and the Braille edition, which all read ``entry.quizzes``, agree.
    The plan comes from the Kazakh originals of the course's published lessons.
    """
    from hooks.content.rules import COURSE_IDS, ORIGINAL

    shown: dict = {}
    for course in COURSE_IDS:
        items = []
        for lesson_id in catalog.lesson_ids(course):
            original = catalog.lesson(lesson_id, ORIGINAL)
            for quiz in original.quizzes or []:
                items += [(lesson_id, _as_dict(q)) for q in quiz.questions]
        shown.update(plan(items))
    for entry in catalog.entries.values():
        if entry.kind != "lesson" or not entry.quizzes:
            continue
        for quiz in entry.quizzes:
            for question in quiz.questions:
                order_ = shown.get((entry.slug, question.id))
                if order_ is not None and question.options:
                    question.options = order(order_, question.options)
