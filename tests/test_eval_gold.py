"""The gold annotation files of the evaluation sets are well formed.

Checks the format described in ``data/eval/README.md`` (and the v2 keys ``period``, ``qualifier``,
``listings`` and ``posts``) without running the extractor: keys present, numeric values, known units
and entity classes, every listed recipient, programme, person and organisation also among the
entities, and every fact's subject named in its document (possibly with its place suffix elided).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qgraph.model import Kind
from qgraph.sources import read_document

ROOT = Path(__file__).resolve().parent.parent / "data"
SETS = ("eval", "eval-holdout", "eval-awards", "eval-bulletins", "eval-real-shapes", "eval-honours",
        "eval-report-mechanisms")
V2_SETS = ("eval-awards", "eval-bulletins", "eval-real-shapes", "eval-honours")
"""Sets annotated in the v2 format: every fact carries a ``period`` and a subject named in the text."""
UNITS = frozenset(  # every unit of the lexicon (a qg:Unit of the ontology): the gold may use any of them
    line.split("\t")[1] for line in (ROOT / "lexicon" / "units.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#") and line.split("\t")[0] != "word")
KINDS = frozenset(k.value for k in Kind)
PERIOD = re.compile(r"^\d{4}(-H[12]|-Q[1-4]|-\d{2}(-\d{2})?)?(/\d{4}(-\d{2})?)?$")
PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|镇|自治州|自治区|特别行政区)$")
GOLDS = sorted(p for s in SETS for p in (ROOT / s).glob("*.gold.json"))


def _mentioned(name: str, text: str, place: str) -> bool:
    """True if ``name`` occurs in ``text``: in full, without its place suffix (赣州市 → 赣州), with the
    home place elided to its level (弥勒市检验检测中心 → 市检验检测中心), without quotes
    (企业标准“领跑者” → 企业标准领跑者), an award by its head alone (某县县长质量奖 → 县长质量奖), or as
    全市 / 我县 … for the home place."""
    if name in text or name in re.sub(r"[“”\"]", "", text):  # programmes are named without quotes
        return True
    short = PLACE_SUFFIX.sub("", name)
    if len(short) >= 2 and short in text:
        return True
    if name.startswith(place) and len(name) > len(place) and place[-1] + name[len(place):] in text:
        return True
    rest = name[len(place):] if name.startswith(place) else ""
    if rest.startswith(place[-1] + "长") and rest in text:  # 德清县县长质量奖 written 县长质量奖: the head holds the level
        return True
    return name == place and bool(re.search(r"[全我本该]" + re.escape(name[-1]), text))


def test_every_set_has_gold_files() -> None:
    for s in SETS:
        assert list((ROOT / s).glob("*.gold.json")), s
        assert (ROOT / s / ".qgraphignore").is_file(), s


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert {"document", "place", "entities", "facts"} <= gold.keys()
    doc = path.with_name(gold["document"])
    assert doc.is_file(), doc
    text = read_document(doc).text
    names = set()
    for e in gold["entities"]:
        assert e["type"] in KINDS, e
        assert e["name"] and e["name"] == e["name"].strip(), e
        assert (e["type"], e["name"]) not in {(t, n) for t, n in names}, f"listed twice: {e}"
        names.add((e["type"], e["name"]))
    entity_names = {n for _, n in names}
    v2 = path.parent.name in V2_SETS
    for f in gold["facts"]:
        assert isinstance(f["value"], (int, float)) and not isinstance(f["value"], bool), f
        assert f["unit"] in UNITS, f
        assert isinstance(f["approximate"], bool), f
        assert isinstance(f["measure"], str) and f["measure"], f
        assert isinstance(f["subject"], str) and f["subject"], f
        if v2:
            assert "period" in f, f
            assert _mentioned(f["subject"], text, gold["place"]), f
        if f.get("period") is not None:
            assert PERIOD.match(f["period"]), f
        if "qualifier" in f:
            assert isinstance(f["qualifier"], str) and f["qualifier"], f
    for item in gold.get("listings", []):
        assert item["recipient"] in entity_names and item["programme"] in entity_names, item
        assert item["year"] is None or re.fullmatch(r"\d{4}", item["year"]), item  # null: the text dates no listing
    people = {n for t, n in names if t == "Person"}
    for post in gold.get("posts", []):
        assert post["person"] in people and post["organization"] in entity_names and post["post"], post
