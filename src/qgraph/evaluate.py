"""Measure extraction against gold annotations (``data/eval/NAME.gold.json``).

The headline is **complete figures**: a gold figure counts only when an extracted one matches its
value, unit, measure (the gold keyword found in the extracted measure, subject or breakdown),
subject, period and — when the gold names one — qualifier. A **false figure** is an extracted figure
that states something wrong: its value and unit match a gold figure of the document but its subject
or qualifier does not, or it matches no gold figure at all. Figures the extractor marks as
low-confidence (an inferred subject) are counted apart, as neither; figures about 全国 (a comparison
baseline) are tolerated. One fact written in either of the gold sets' conventions is one reading
(:func:`_area_reading`, :func:`_qualifier_spelled`, a check's category breakdown). Entities match on
(class, normalised canonical name).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from .errors import InputError
from .extract import extract
from .extract.stats import DEFAULT_LABEL
from .lexicon import Lexicon, load_lexicon
from .model import INSPECTION_KINDS, Extraction, Kind, Observation
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
    gold_figures: int = 0
    complete: int = 0
    scored_figures: int = 0
    """Extracted figures that are scored (not low-confidence, not about 全国)."""
    false_figures: int = 0
    low_confidence: int = 0
    complete_low: int = 0
    """Gold figures read right by a figure the extractor marks as low-confidence (not counted complete)."""
    incomplete: list[str] = field(default_factory=list)
    false_list: list[str] = field(default_factory=list)
    listings: Score = field(default_factory=Score)
    """Recipient → programme links, in documents whose gold has ``listings``."""
    posts: Score = field(default_factory=Score)
    """Person → post → organisation, all three right, in documents whose gold has ``posts``."""
    link_misses: list[str] = field(default_factory=list)
    by_confidence: dict[float, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    """Scored figures by the extractor's confidence: [scored, false] — how far each way of finding a
    subject can be trusted."""

    @property
    def complete_rate(self) -> float:
        return self.complete / self.gold_figures if self.gold_figures else 1.0

    @property
    def false_rate(self) -> float:
        return self.false_figures / self.scored_figures if self.scored_figures else 0.0

    def headline(self) -> list[str]:
        lines = [f"complete figures: {self.complete}/{self.gold_figures} = {self.complete_rate:.1%}",
                f"false figures: {self.false_figures}/{self.scored_figures} = {self.false_rate:.1%}"
                f" (low-confidence, not scored: {self.low_confidence}, of which right: {self.complete_low})"]
        for name, sc in (("recipient → programme links", self.listings), ("person → post → organisation", self.posts)):
            if sc.tp + sc.fn:
                lines.append(f"{name}: {sc.tp}/{sc.tp + sc.fn} = {sc.recall:.1%} (precision {sc.precision:.1%})")
        honours = self.by_type.get("HonourProgramme")
        if honours is not None and honours.tp + honours.fn:
            lines.append(f"honours / programmes found: {honours.tp}/{honours.tp + honours.fn} = {honours.recall:.1%}")
        if self.by_confidence:
            lines.append("false figures by confidence: " + ", ".join(
                f"{c:.2f}: {f}/{n}" for c, (n, f) in sorted(self.by_confidence.items(), reverse=True)))
        found, total = self.checklist
        parts = ", ".join(f"{name} {sc.tp}/{sc.tp + sc.fn}" for name, sc in self._checklist_parts() if sc.tp + sc.fn)
        lines.append(f"gold checklist recall: {found}/{total} = {found / total if total else 1.0:.1%} ({parts})")
        return lines

    def _checklist_parts(self) -> list[tuple[str, Score]]:
        return [("entities", self.entities), ("figures with their measure", self.facts_strict),
                ("links", self.listings), ("posts", self.posts)]

    @property
    def checklist(self) -> tuple[int, int]:
        """Gold items found: entities (class and name), figures (value, unit and measure word), recipient →
        programme links and person → post → organisation — what a reader checks a document's graph against."""
        parts = [sc for _, sc in self._checklist_parts()]
        return sum(sc.tp for sc in parts), sum(sc.tp + sc.fn for sc in parts)

    def text(self, *, details: bool = True) -> str:
        lines = [f"documents: {self.documents}", *self.headline(), "",
                 f"{'class':<26}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}"]
        for name, s in sorted(self.by_type.items()):
            lines.append(f"{name:<26}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
        for name, s in (("entities (micro)", self.entities), ("numeric facts (micro)", self.facts),
                        ("facts, measure too", self.facts_strict)):
            lines.append(f"{name:<26}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
        if details:
            lines += ["", f"incomplete figures ({len(self.incomplete)}):", *(f"  - {m}" for m in self.incomplete)]
            lines += ["", f"false figures ({len(self.false_list)}):", *(f"  + {m}" for m in self.false_list)]
            lines += ["", f"misses ({len(self.misses)}):", *(f"  - {m}" for m in self.misses)]
            lines += ["", f"false positives ({len(self.false_positives)}):", *(f"  + {m}" for m in self.false_positives)]
            if self.link_misses:
                lines += ["", f"links missed (-) or wrong (+) ({len(self.link_misses)}):", *(f"  {m}" for m in self.link_misses)]
        return "\n".join(lines)


def predicted_entities(ex: Extraction) -> set[tuple[str, str]]:
    out = set()
    for e in ex.entities:
        if e.kind.value not in SCORED_KINDS or dict(e.attributes).get("implicit") == "true":
            continue
        out.add((e.kind.value, norm(e.name)))
    return out


def score_document(ex: Extraction, gold: dict, report: EvalReport, lexicon: Lexicon | None = None) -> None:
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
    score_figures(ex, gold.get("facts", []), report, lexicon)
    score_links(ex, gold, report)


def score_links(ex: Extraction, gold: dict, report: EvalReport) -> None:
    """Recipient → programme links and person → post → organisation, when the gold annotates them.

    A post matches when person and organisation are equal and the gold post is part of the extracted
    role (党组书记、局长 holds 局长)."""
    doc = ex.document.source
    if "listings" in gold:
        g = {(norm(x["recipient"]), norm(x["programme"])) for x in gold["listings"]}
        p = {(norm(r.name), norm(x.programme.name)) for x in ex.listings for r in x.recipients}
        s = Score(len(g & p), len(p - g), len(g - p))
        report.listings.add(s)
        report.link_misses += [f"- {doc}: {r} → {q}" for r, q in sorted(g - p)]
        report.link_misses += [f"+ {doc}: {r} → {q}" for r, q in sorted(p - g)]
    if "posts" in gold:
        preds = {(norm(x.person.name), x.role, norm(x.organization.name) if x.organization else "") for x in ex.posts}
        hit = set()
        for x in gold["posts"]:
            key = (norm(x["person"]), x["post"], norm(x["organization"]))
            match = next((q for q in sorted(preds) if q[0] == key[0] and q[2] == key[2] and key[1] in q[1]), None)
            if match is None:
                report.posts.fn += 1
                said = [f"{q[1]}@{q[2] or '?'}" for q in sorted(preds) if q[0] == key[0]]
                report.link_misses.append(f"- {doc}: {key[0]} {key[1]} {key[2]}" + (f" (read: {', '.join(said)})" if said else ""))
            else:
                report.posts.tp += 1
                hit.add(match)
        gold_pairs = {(norm(x["person"]), norm(x["organization"])) for x in gold["posts"]}
        gold_people = {p for p, _ in gold_pairs}
        # another post of a gold person in a gold organisation (党组书记 beside 局长) is not wrong
        wrong = [q for q in sorted(preds - hit) if q[0] in gold_people and (q[0], q[2]) not in gold_pairs]
        report.posts.fp += len(wrong)
        report.link_misses += [f"+ {doc}: {q[0]} {q[1]} {q[2] or '?'}" for q in wrong]


UNIT_ALIASES = {"Ming": "Ren", "Wei": "Ren"}
"""Units the gold files write one way: 名, 位 and 人 all count persons (the gold writes Ren)."""


def _same_unit(extracted: str, gold: str) -> bool:
    return UNIT_ALIASES.get(extracted, extracted) == UNIT_ALIASES.get(gold, gold)


BASELINE_SUBJECTS = frozenset({"全国", "中国", "中华人民共和国"})
LOW_CONFIDENCE = 0.5


def _low(o: Observation) -> bool:
    return o.confidence < LOW_CONFIDENCE or o.subject_inferred


def _level_word(o: Observation) -> str:
    return {"National": "国家级", "Provincial": "省级", "Municipal": "市级", "County": "县级"}.get(
        o.level.value if o.level else "", "")


def _government(name: str) -> str:
    """``浙江省人民政府质量奖`` is also written ``省政府质量奖``: 人民政府 and 政府 name one government."""
    return name.replace("人民政府", "政府")


def _names(words: str, o: Observation, lex: Lexicon) -> bool:
    """Whether gold ``words`` (a qualifier or a measure) name the subject of ``o``, exactly: the same
    name; the name less the place it starts with (``省名牌产品`` for 河南省名牌产品, ``驰名商标`` for
    中国驰名商标, ``市政府质量奖`` for 咸宁市人民政府质量奖); or the name followed by a word of the extracted
    measure (``食品抽检合格率`` for 食品抽检 with measure 合格率). A generic head alone (``品牌`` for
    中国500最具价值品牌) names nothing."""
    w = _government(norm(words))
    n = _government(norm(o.subject.name)) if o.subject else ""
    if not w or not n:
        return False
    if w == n:
        return True
    if n.endswith(w) and lex.place_named(n[:-len(w)]) is not None:
        return True
    rest = w[len(n):]
    return w.startswith(n) and bool(rest) and rest in norm(o.measure)


def _area_reading(o: Observation, g: dict, lex: Lexicon) -> tuple[str, ...]:
    """One fact written two ways: a place's count of a programme's items, or a place's figure of a check,
    annotated as the place's figure with the programme or check named in its qualifier or measure
    (``本市共有21家组织荣获某奖``, ``我市有中国驰名商标36件``, ``全市食品抽检合格率98%``) and read as the
    programme's or the check's figure with the place as its area (``sdmx-dimension:refArea``; the
    convention of ``data/eval/README.md``): the same statement when the area is written in the graph
    (a place the lexicon knows) and the gold words name the extracted subject (:func:`_names`) — or the
    check has no name in the text (the extractor's default label: ``该局共抽查103家企业`` annotated as the
    place's 103 firms). Returns the gold keys that name it (empty: no such reading)."""
    if o.subject is None or not (o.subject.kind.is_programme or o.subject.kind in INSPECTION_KINDS
                                 or o.subject.kind is Kind.PRODUCT_CATEGORY) \
            or not o.place or not g.get("subject"):
        return ()  # (a product category's rate, 公路工程 with measure 公路工程抽检合格率: the same reading)
    if norm(o.place) != norm(g["subject"]) or lex.place_named(o.place) is None:
        return ()
    if o.subject.kind in INSPECTION_KINDS and re.sub(r"（\d+）$", "", o.subject.name) in UNNAMED_CHECKS:
        return ("area",)  # 该局共抽查103家企业: a check the text gives no name, the place's figure written another way
    return tuple(key for key in ("qualifier", "measure") if _names(g.get(key) or "", o, lex))


UNNAMED_CHECKS = frozenset(DEFAULT_LABEL.values())
"""The names the extractor gives a check the text does not name."""


def _qualifier_spelled(o: Observation, g: dict) -> bool:
    """The gold qualifier written into the extracted subject's name or measure, next to the gold's own:
    ``辽宁省省长质量奖银奖`` for 辽宁省省长质量奖 with qualifier 银奖, measure ``每千人抽检量`` for 抽检量
    with qualifier 每千人 — and ``累计`` for a count as of the same date (``截至2025年底…共有4家``, period
    2025-12-31): a stock counted as of a date is the running total."""
    q = norm(g["qualifier"])
    if o.subject is not None and g.get("subject") and norm(o.subject.name) == norm(g["subject"]) + q:
        return True
    if g.get("measure") and norm(o.measure) == q + norm(g["measure"]):
        return True
    return q == "累计" and o.period == g.get("period") and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", o.period or ""))


def _candidates(o: Observation, g: dict, lex: Lexicon) -> bool:
    """Candidates written in the gold with the text's word of the stage (``拟授予``, ``公示``; the extractor's
    ``preliminary_words.txt``) and read with the breakdown ``候选``: one reading."""
    return o.breakdown == "候选" and g["qualifier"] in {w for w in lex.words("preliminary_words.txt") if not w.startswith("-")}


def _faults(o: Observation, g: dict, lex: Lexicon | None = None) -> list[str]:
    """What is wrong with ``o`` as a reading of gold figure ``g`` (empty: complete)."""
    faults = []
    keyword = norm(g.get("measure", ""))
    subject = norm(o.subject.name) if o.subject else ""
    level = _level_word(o)
    verb = re.match(r"新增|新认定|新培育|新建", o.measure)
    readings = [f"{level}{o.measure}", f"{level[:-1]}{o.measure}" if level else "",  # 国家级 / 国家, 省级 / 省
                f"{verb.group()}{level}{o.measure[verb.end():]}" if verb else ""]  # 新增 + 省级 + 企业技术中心
    context = norm("|".join(readings) + f"|{o.subject.name if o.subject else ''}|{o.breakdown or ''}")
    area = _area_reading(o, g, lex or load_lexicon())
    if keyword and keyword not in context and "measure" not in area:  # a gold measure naming the subject is its reading
        faults.append(f"wrong measure ({o.measure})")
    gold_subject = norm(g.get("subject") or "")
    category_of_check = (o.subject is not None and o.subject.kind in INSPECTION_KINDS and not g.get("qualifier")
                         and o.breakdown is not None and norm(o.breakdown) == gold_subject)
    check_named_short = (o.subject is not None and o.subject.kind in INSPECTION_KINDS and len(subject) >= 4
                         and subject in gold_subject  # 食品专项抽检 for the gold's “某某”食品专项抽检活动: one check
                         and re.sub(r"（\d+）$", "", o.subject.name) not in UNNAMED_CHECKS)  # a name read, not given
    if gold_subject and not (subject == gold_subject or gold_subject in subject or category_of_check
                             or check_named_short or area):
        faults.append(f"wrong subject ({o.subject.name if o.subject else None})")
    if "period" in g and g["period"] != o.period:
        faults.append(f"wrong period ({o.period})")
    if g.get("qualifier") and g["qualifier"] not in (o.breakdown, level or None) \
            and "qualifier" not in area and not _qualifier_spelled(o, g) and not _candidates(o, g, lex or load_lexicon()):
        faults.append(f"wrong qualifier ({o.breakdown})")
    return faults


def score_figures(ex: Extraction, gold_facts: list[dict], report: EvalReport, lexicon: Lexicon | None = None) -> None:
    """Complete and false figures of one document (see the module's docstring); ``lexicon`` tells which
    areas the graph writes (default: the bundled one)."""
    lex = lexicon or load_lexicon()
    doc = ex.document.source
    preds = list(ex.observations)
    report.gold_figures += len(gold_facts)
    candidates = {gi: [i for i, o in enumerate(preds) if o.value == Decimal(str(g["value"])) and _same_unit(o.unit, g["unit"])]
                  for gi, g in enumerate(gold_facts)}
    taken: dict[int, int] = {}
    for gi, g in enumerate(gold_facts):  # complete readings first, then the closest partial one
        free = [i for i in candidates[gi] if i not in taken.values()]
        best = min(free, key=lambda i: (len(_faults(preds[i], g, lex)), i), default=None)
        if best is not None and not _faults(preds[best], g, lex):
            taken[gi] = best
    for gi, g in enumerate(gold_facts):
        if gi in taken and _low(preds[taken[gi]]):
            report.complete_low += 1  # right, but the extractor itself does not vouch for it
            report.incomplete.append(f"{doc}: {g.get('subject', '')} {g.get('measure', '')} = {g['value']} "
                                     f"{g['unit']} [{g.get('period')}]: low confidence")
            continue
        if gi in taken:
            report.complete += 1
            continue
        free = [i for i in candidates[gi] if i not in taken.values()]
        best = min(free, key=lambda i: (len(_faults(preds[i], g, lex)), i), default=None)
        label = f"{doc}: {g.get('subject', '')} {g.get('measure', '')} = {g['value']} {g['unit']} [{g.get('period')}]"
        if best is None:
            report.incomplete.append(f"{label}: missing")
            continue
        taken[gi] = best
        report.incomplete.append(f"{label}: {', '.join(_faults(preds[best], g, lex))}")
    by_pred = {i: gi for gi, i in taken.items()}
    for i, o in enumerate(preds):
        if o.subject is not None and o.subject.name in BASELINE_SUBJECTS:
            continue
        if _low(o):
            report.low_confidence += 1
            continue
        report.scored_figures += 1
        tally = report.by_confidence[round(o.confidence, 2)]
        tally[0] += 1
        shown = (f"{doc}: {o.subject.name if o.subject else ''} {o.measure} = {o.value} {o.unit} «{o.span.text}»"
                 f" (confidence {o.confidence:.2f})")
        if i not in by_pred:
            tally[1] += 1
            report.false_figures += 1
            report.false_list.append(f"{shown}: matches no gold figure")
            continue
        wrong = [f for f in _faults(o, gold_facts[by_pred[i]], lex) if f.startswith(("wrong subject", "wrong qualifier"))]
        if wrong:
            tally[1] += 1
            report.false_figures += 1
            report.false_list.append(f"{shown}: {', '.join(wrong)}")


def _score_facts(ex: Extraction, gold_facts: list[dict], report: EvalReport) -> None:
    doc = ex.document.source
    preds = list(ex.observations)
    used: set[int] = set()
    strict_before = report.facts_strict.tp
    for g in gold_facts:
        value = Decimal(str(g["value"]))
        hit = None
        for i, o in enumerate(preds):
            if i in used or o.value != value or not _same_unit(o.unit, g["unit"]):
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
            hit = next((i for i, o in enumerate(preds) if i not in used and o.value == value and _same_unit(o.unit, g["unit"])), None)
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
        ex = extract(read_document(doc_path, lexicon=lex), lex)
        score_document(ex, gold, report, lex)
        report.documents += 1
        if on_document is not None:
            on_document(report.documents, len(golds), doc_path.name)
    return report

