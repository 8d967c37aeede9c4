"""Measure extraction against gold annotations (``data/eval/NAME.gold.json``).

Entities match on (class, normalised canonical name); figures match on value and unit, with the
gold measure keyword found in the extracted measure or subject. Scores are micro-averaged over
the set, per entity class and for figures; every miss and false positive is listed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from .errors import InputError
from .extract import extract
from .lexicon import Lexicon, load_lexicon
from .model import Extraction, Kind
from .sources import read_document

SCORED_KINDS = frozenset(k.value for k in Kind) - {
    "ChainProject", "ProductCategory", "ProductSpotCheck", "TestingService", "EnforcementInspection",
    "ConstructionCheck", "Inspection", "ServiceStation", "Facility", "WorkModel", "Organization", "Brand",
}
_TRANS = str.maketrans({"(": "（", ")": "）", "“": "", "”": "", '"': "", "《": "", "》": "", " ": "", "　": ""})


def norm(name: str) -> str:
    return name.translate(_TRANS)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class EvalReport:
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    entities: Score = field(default_factory=Score)
    facts: Score = field(default_factory=Score)
    facts_strict: Score = field(default_factory=Score)
    """Figures whose measure or subject also contains the gold measure word."""
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    documents: int = 0

    def text(self, *, details: bool = True) -> str:
        lines = [f"documents: {self.documents}", "", f"{'class':<26}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}"]
        for name, s in sorted(self.by_type.items()):
            lines.append(f"{name:<26}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
        for name, s in (("entities (micro)", self.entities), ("numeric facts (micro)", self.facts),
                        ("facts, measure too", self.facts_strict)):
            lines.append(f"{name:<26}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
        if details:
            lines += ["", f"misses ({len(self.misses)}):", *(f"  - {m}" for m in self.misses)]
            lines += ["", f"false positives ({len(self.false_positives)}):", *(f"  + {m}" for m in self.false_positives)]
        return "\n".join(lines)


def predicted_entities(ex: Extraction) -> set[tuple[str, str]]:
    out = set()
    for e in ex.entities:
        if e.kind.value not in SCORED_KINDS or dict(e.attributes).get("implicit") == "true":
            continue
        out.add((e.kind.value, norm(e.name)))
    return out


def score_document(ex: Extraction, gold: dict, report: EvalReport) -> None:
    doc = ex.document.source
    gold_ents = {(g["type"], norm(g["name"])) for g in gold.get("entities", []) if g["type"] in SCORED_KINDS}
    pred = predicted_entities(ex)
    for kind in {k for k, _ in gold_ents | pred}:
        g = {n for k, n in gold_ents if k == kind}
        p = {n for k, n in pred if k == kind}
        s = Score(len(g & p), len(p - g), len(g - p))
        report.by_type[kind].add(s)
        report.entities.add(s)
        report.misses += [f"{doc}: {kind} {n}" for n in sorted(g - p)]
        report.false_positives += [f"{doc}: {kind} {n}" for n in sorted(p - g)]
    _score_facts(ex, gold.get("facts", []), report)


def _score_facts(ex: Extraction, gold_facts: list[dict], report: EvalReport) -> None:
    doc = ex.document.source
    preds = list(ex.observations)
    used: set[int] = set()
    strict_before = report.facts_strict.tp
    for g in gold_facts:
        value = Decimal(str(g["value"]))
        hit = None
        for i, o in enumerate(preds):
            if i in used or o.value != value or o.unit != g["unit"]:
                continue
            level = {"National": "国家级", "Provincial": "省级", "Municipal": "市级", "County": "县级"}.get(
                o.level.value if o.level else "", "")
            context = f"{level}{o.measure}{o.subject.name if o.subject else ''}{o.span.text}"
            if norm(g.get("measure", "")) in norm(context) or not g.get("measure"):
                hit = i
                break
        if hit is not None:
            report.facts_strict.tp += 1
        else:
            report.facts_strict.fn += 1
            hit = next((i for i, o in enumerate(preds) if i not in used and o.value == value and o.unit == g["unit"]), None)
        if hit is None:
            report.facts.fn += 1
            report.misses.append(f"{doc}: fact {g.get('subject', '')} {g.get('measure', '')} = {g['value']} {g['unit']}")
        else:
            used.add(hit)
            report.facts.tp += 1
    report.facts_strict.fp += len(preds) - (report.facts_strict.tp - strict_before)
    for i, o in enumerate(preds):
        if i not in used:
            report.facts.fp += 1
            report.false_positives.append(f"{doc}: fact {o.measure} = {o.value} {o.unit} «{o.span.text}»")


def evaluate(directory: Path, *, lexicon: Lexicon | None = None,
             on_document: Callable[[int, int, str], None] | None = None) -> EvalReport:
    """Score every ``*.gold.json`` of ``directory`` against the extraction of its document.

    ``on_document(done, total, name)`` is called after each document (for a progress line).
    """
    lex = lexicon or load_lexicon()
    directory = Path(directory)
    golds = sorted(directory.glob("*.gold.json"))
    if not golds:
        raise InputError(str(directory), "no *.gold.json annotation files here")
    report = EvalReport()
    for gpath in golds:
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(str(gpath), f"cannot read annotations: {exc}") from None
        doc_path = gpath.with_name(gold.get("document") or gpath.name.replace(".gold.json", ".txt"))
        ex = extract(read_document(doc_path), lex)
        score_document(ex, gold, report)
        report.documents += 1
        if on_document is not None:
            on_document(report.documents, len(golds), doc_path.name)
    return report

