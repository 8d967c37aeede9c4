"""The local shapes checked in the map stage (:mod:`qgraph.shacl_local`) against the store.

The check is a screen: whenever the compiled constraints of the local shapes find a row on a
document (its graph, its shared lines and the ontology in a store), the worker's check must say
"not sure" (False). Documents are generated (``benchmarks/gen_corpus.py``), mapped, then broken
one statement at a time; and a build whose worker could not vouch for a document validates it on
the store and reports the same violations as a build that runs every constraint.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus  # noqa: E402

from qgraph import shards as shards_module  # noqa: E402
from qgraph.extract import extract  # noqa: E402
from qgraph.lexicon import load_lexicon  # noqa: E402
from qgraph.mapping import map_document  # noqa: E402
from qgraph.pipeline import build, read_documents  # noqa: E402
from qgraph.shacl_local import check_document, check_shard, local_constraints  # noqa: E402
from qgraph.shacl_sparql import constraint_rows, qgraph_constraints  # noqa: E402
from qgraph.union import ontology_lines  # noqa: E402
from qgraph.vocab import ID  # noqa: E402

QG = "https://w3id.org/qgraph/def#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[list[str], list[str], str]]:
    root = tmp_path_factory.mktemp("local")
    write_corpus(4, root / "docs", seed=11)
    lex = load_lexicon()
    docs, errors = read_documents([root / "docs"], lexicon=lex)
    assert not errors
    out = []
    for doc in docs:
        shard = map_document(extract(doc, lex), lex)
        own = f"<{ID}doc/{doc.doc_id}>"
        assert check_shard(shard, own) == check_document(shard.lines, shard.shared, own)  # statements = lines
        assert shard.statements is not None
        out.append((list(shard.lines), list(shard.shared), own))
    return out


def _local_rows(lines: list[str], shared: list[str]) -> list[tuple[int, str]]:
    store = ox.Store()
    data = "\n".join([*lines, *shared, *ontology_lines()]) + "\n"
    store.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    compiled = qgraph_constraints()
    return [(i, str(f)) for i in sorted(local_constraints(compiled)) for f, _ in constraint_rows(store, compiled[i].query)]


def test_generated_documents_pass_and_have_no_local_rows(mapped) -> None:
    assert len(local_constraints(qgraph_constraints())) > 50  # mentions, sentences, observations …
    for lines, shared, own in mapped:
        assert _local_rows(lines, shared) == []
        assert check_document(lines, shared, own)


def _mutations(lines: list[str], own: str) -> list[tuple[str, list[str]]]:
    """Broken copies of a document's lines, each with a name."""
    prefix = own[:-1] + "/"
    out: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        s, p, rest = line.split(" ", 2)
        if not (s.startswith(prefix) or s == own):
            continue
        o, g = rest[:-2].rsplit(" ", 1)
        kind = p
        if kind in seen:
            continue
        seen.add(kind)
        out.append((f"drop {p}", lines[:i] + lines[i + 1:]))
        if o.startswith('"'):
            out.append((f"{p} as an IRI", lines[:i] + [f"{s} {p} <{ID}x/1> {g} ."] + lines[i + 1:]))
            out.append((f"{p} negative", lines[:i] + [f'{s} {p} "-5"^^<{XSD}integer> {g} .'] + lines[i + 1:]))
            out.append((f"{p} 150.5", lines[:i] + [f'{s} {p} "150.5"^^<{XSD}decimal> {g} .'] + lines[i + 1:]))
            out.append((f"{p} a word", lines[:i] + [f'{s} {p} "abc"^^<{XSD}integer> {g} .'] + lines[i + 1:]))
            out.append((f"{p} a bad date", lines[:i] + [f'{s} {p} "2024-02-30"^^<{XSD}date> {g} .'] + lines[i + 1:]))
            out.append((f"{p} untyped", lines[:i] + [f'{s} {p} "12" {g} .'] + lines[i + 1:]))
        else:
            out.append((f"{p} twice", lines + [f"{s} {p} <{ID}x/2> {g} ."]))
            out.append((f"{p} to a literal", lines[:i] + [f'{s} {p} "x"@zh {g} .'] + lines[i + 1:]))
    first = lines[0].rsplit(" ", 2)[1]
    other = f"<{ID}doc/zz-other/m1>"
    out.append(("a line about another document's node", lines + [f'{other} <{QG}exact> "x" {first} .']))
    out.append(("a shared node typed as a mention", lines + [f"<{ID}place/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{QG}Mention> {first} ."]))
    out.append(("a subclass outside the ontology", lines + [f"<{QG}Thing> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{QG}Mention> {first} ."]))
    return out


def test_every_broken_document_with_local_rows_is_not_vouched_for(mapped) -> None:
    broken = 0
    for lines, shared, own in mapped[:2]:
        for name, changed in _mutations(lines, own):
            rows = _local_rows(changed, shared)
            ok = check_document(changed, shared, own)
            if rows:
                broken += 1
                assert not ok, f"{name}: the store finds {rows[:3]} but the check vouched for the document"
    assert broken > 30  # the mutations do break the shapes


def test_the_checks_soundness_conditions(mapped) -> None:
    lines, shared, own = mapped[0]
    first = lines[0].rsplit(" ", 2)[1]
    assert not check_document(lines + [f'<{ID}doc/zz-other/m1> <{QG}exact> "x" {first} .'], shared, own)
    assert not check_document(lines, shared + [f'{own[:-1]}/m1> <{QG}exact> "x" <{ID}graph/shared> .'], own)
    typed = f"<{ID}org/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{QG}Observation> <{ID}graph/shared> ."
    assert not check_document(lines, shared + [typed], own)


def test_a_build_validates_on_the_store_what_a_worker_did_not_vouch_for(tmp_path: Path, monkeypatch) -> None:
    write_corpus(3, tmp_path / "docs", seed=5)
    clean = build([tmp_path / "docs"], tmp_path / "clean", formats=("nq",), jobs=1, use_cache=False)
    assert clean.conforms and clean.validation is not None and not clean.validation.violations
    original = map_document

    def broken(ex, lex):  # every observation's confidence out of range
        shard = original(ex, lex)
        lines = tuple(line.replace(f'"0.9"^^<{XSD}decimal>', f'"1.5"^^<{XSD}decimal>') for line in shard.lines)
        return dataclasses.replace(shard, lines=lines, statements=None)

    import qgraph.mapping

    monkeypatch.setattr(qgraph.mapping, "map_document", broken)
    report = build([tmp_path / "docs"], tmp_path / "bad", formats=("nq",), jobs=1, use_cache=False)
    assert not report.conforms
    messages = {v.message for v in report.validation.violations}
    assert "an observation has one confidence between 0 and 1" in messages
    assert shards_module  # the worker's check ran in this process (jobs=1)


def test_skipping_the_local_constraints_gives_the_same_report(tmp_path: Path, monkeypatch) -> None:
    write_corpus(3, tmp_path / "docs", seed=9)
    import qgraph.shacl_local
    import qgraph.shacl_sparql

    skipped: list[int] = []
    all_rows = qgraph.shacl_sparql.all_rows

    def recording(store, compiled, **kw):
        skipped.append(len(kw.get("empty", ())))
        return all_rows(store, compiled, **kw)

    monkeypatch.setattr(qgraph.shacl_sparql, "all_rows", recording)
    fast = build([tmp_path / "docs"], tmp_path / "fast", formats=("nq",), jobs=1, use_cache=False)
    monkeypatch.setattr(qgraph.shacl_local, "check_shard", lambda shard, own: False)
    full = build([tmp_path / "docs"], tmp_path / "full", formats=("nq",), jobs=1, use_cache=False)
    assert skipped == [len(local_constraints(qgraph_constraints())), 0]
    assert fast.validation.violations == full.validation.violations
    assert (tmp_path / "fast" / "graph.nq").read_bytes() == (tmp_path / "full" / "graph.nq").read_bytes()


def test_an_incremental_build_validates_a_document_its_worker_did_not_vouch_for(tmp_path: Path, monkeypatch) -> None:
    write_corpus(4, tmp_path / "all", seed=13)
    files = sorted((tmp_path / "all").iterdir())
    (tmp_path / "docs").mkdir()
    for f in files[:3]:
        (tmp_path / "docs" / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "out"
    first = build([tmp_path / "docs"], out, formats=("nq",), jobs=1)
    assert first.conforms
    import qgraph.mapping

    original = qgraph.mapping.map_document
    added = files[3]

    def broken(ex, lex):  # only the added document: its mentions lose their quote
        shard = original(ex, lex)
        if ex.document.source != str(tmp_path / "docs" / added.name):
            return shard
        lines = tuple(line for line in shard.lines if "<https://w3id.org/qgraph/def#exact>" not in line)
        return dataclasses.replace(shard, lines=lines, statements=None)

    monkeypatch.setattr(qgraph.mapping, "map_document", broken)
    (tmp_path / "docs" / added.name).write_bytes(added.read_bytes())
    report = build([tmp_path / "docs"], out, formats=("nq",), jobs=1)
    assert report.rebuild is None  # incremental
    fresh = build([tmp_path / "docs"], tmp_path / "fresh", formats=("nq",), jobs=1, use_cache=False)
    assert not report.conforms and report.validation.violations == fresh.validation.violations
    assert "a mention needs exactly one quote (qg:exact)" in {v.message for v in report.validation.violations}
