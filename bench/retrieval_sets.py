"""Builds the retrieval development sets in ``bench/data/`` from the authored sources in ``bench/data/retrieval/``.

Sources: ``handbook_en.txt`` (model banking conduct rules written for this project in the style of US federal
regulations) and ``pipl_zh.txt`` (the PRC Personal Information Protection Law, public domain under article 5 of the
PRC Copyright Law). Each section or article is one passage (one document); a definition is a passage of its own.

Questions come from two methods fixed before any ranking was measured, neither of which looks at a ranking:
* written by hand with each section, as a reader would ask it (the ``? `` lines), avoiding the section's wording
  where a reader would;
* templates: a reference to the section or article (``What does § 101.3 provide?``, ``第十三条是怎么规定的？``), its
  heading as a topic (``What are the rules on change in terms notice?``), and each defined term (``What does the term
  dormant account mean?``).

    python bench/retrieval_sets.py      # rewrites bench/data/retrieval_{en,zh}{,_questions}.jsonl
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).parent / "data"
SOURCES = DATA / "retrieval"
_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 as written in PRC statutes (十三, 二十, 七十四)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    return (("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else ""))


def english() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    passages: list[dict[str, object]] = []
    questions: list[dict[str, object]] = []
    section: dict[str, object] | None = None
    part = ""
    for line in (SOURCES / "handbook_en.txt").read_text().splitlines():
        if line.startswith("# ") or not line.strip():
            continue
        if line.startswith("## "):
            part = line[3:].strip()
        elif line.startswith("§ "):
            number, heading = line[2:].split(" ", 1)
            section = {"id": f"en-{number}", "title": f"§ {number} {heading}", "text": "", "part": part,
                       "number": number, "heading": heading.rstrip(".")}
            passages.append(section)
        elif line.startswith("? "):
            assert section is not None
            questions.append({"question": line[2:], "gold": [section["id"]], "kind": "written"})
        elif line.startswith("= "):
            assert section is not None
            term, definition = line[2:].split(": ", 1)
            pid = f"en-{section['number']}-{re.sub(r'[^a-z]+', '-', term.lower()).strip('-')}"
            passages.append({"id": pid, "title": f"§ {section['number']} Definitions: {term}",
                             "text": f"{term} means {definition}", "part": part})
            questions.append({"question": f"What does the term {term.lower()} mean?", "gold": [pid],
                              "kind": "defined-term"})
            questions.append({"question": f"Define {term.lower()} as used in the conduct rules.", "gold": [pid],
                              "kind": "defined-term"})
        else:
            assert section is not None
            section["text"] = (str(section["text"]) + "\n\n" + line).strip()
    for n, passage in enumerate(p for p in passages if "number" in p):
        ref = f"What does § {passage['number']} provide?" if n % 2 == 0 else \
            f"What does section {passage['number']} require?"
        questions.append({"question": ref, "gold": [passage["id"]], "kind": "reference"})
        questions.append({"question": f"What are the rules on {str(passage['heading']).lower()}?",
                          "gold": [passage["id"]], "kind": "heading"})
    for passage in passages:
        for key in ("number", "heading"):
            passage.pop(key, None)
    return passages, questions


def chinese() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    passages: list[dict[str, object]] = []
    questions: list[dict[str, object]] = []
    numbers = {chinese_number(n): n for n in range(1, 100)}
    for line in (SOURCES / "pipl_zh.txt").read_text().splitlines():
        if line.startswith("第"):
            head, text = line.split("\u3000", 1)
            n = numbers[head[1:-1]]
            passages.append({"id": f"zh-pipl-{n}", "title": f"个人信息保护法 {head}", "text": text})
            questions.append({"question": f"《个人信息保护法》{head}是怎么规定的？", "gold": [f"zh-pipl-{n}"],
                              "kind": "reference"})
            questions.append({"question": f"个人信息保护法第{n}条规定了什么内容？", "gold": [f"zh-pipl-{n}"],
                              "kind": "reference"})
        elif line.startswith("? "):
            questions.append({"question": line[2:], "gold": [passages[-1]["id"]], "kind": "written"})
    for term in ("个人信息处理者", "自动化决策", "去标识化", "匿名化"):
        questions.append({"question": f"什么是{term}？", "gold": ["zh-pipl-73"], "kind": "defined-term"})
    questions.append({"question": "什么是敏感个人信息？", "gold": ["zh-pipl-28"], "kind": "defined-term"})
    questions.append({"question": "个人信息的定义是什么？", "gold": ["zh-pipl-4"], "kind": "defined-term"})
    return passages, questions


def write(name: str, rows: list[dict[str, object]]) -> None:
    with (DATA / name).open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    for language, build in (("en", english), ("zh", chinese)):
        passages, questions = build()
        write(f"retrieval_{language}.jsonl", passages)
        write(f"retrieval_{language}_questions.jsonl", questions)
        print(f"{language}: {len(passages)} passages, {len(questions)} questions")
