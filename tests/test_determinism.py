"""The same input gives byte-identical output, whatever the hash seed, and the same organisation
gets one IRI across documents (GUIDE §3 "IRIs: deterministic and stable")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from qgraph.pipeline import build_dataset
from qgraph.rdf import ONTOLOGY_GRAPH, SHARED, graph_iri
from qgraph.vocab import OA, QG

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "graph.nq", "graph.jsonld", "void.ttl")


def run_build(out: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        [sys.executable, "-c", "from qgraph.cli import main; main()", "build", "data/corpus", "-o", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("determinism")
    first, second = base / "seed-1", base / "seed-2"
    run_build(first, "1")
    run_build(second, "4242")
    return first, second


@pytest.mark.parametrize("name", OUTPUTS)
def test_outputs_are_byte_identical_across_hash_seeds(two_builds: tuple[Path, Path], name: str) -> None:
    first, second = two_builds
    a, b = (first / name).read_bytes(), (second / name).read_bytes()
    assert a, f"{name} is empty"
    if a != b:
        la, lb = a.decode().splitlines(), b.decode().splitlines()
        i = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
        pytest.fail(f"{name} differs first at line {i + 1}:\n  {la[i] if i < len(la) else '<eof>'}\n"
                    f"  {lb[i] if i < len(lb) else '<eof>'}")


# --------------------------------------------------------------------------- IRIs across documents

SPRING = """---
title: 枣庄市春季产品质量抽查情况通报
date: 2025-04-10
publisher: 枣庄日报
place: 枣庄市
---
4月10日，枣庄市市场监督管理局通报春季产品质量监督抽查情况。按照山东省市场监督管理局统一部署，今年一季度共抽查食品相关产品210批次，合格率为97.1%。
"""

AUTUMN = """---
title: 枣庄市秋季质量工作推进情况
date: 2025-10-15
publisher: 枣庄日报
place: 枣庄市
---
10月15日，山东省市场监督管理局调研组到枣庄市督导质量强市工作。枣庄市市场监督管理局汇报，全市今年共抽查工业产品530批次，合格率为95.8%。
"""

ORGS = ("枣庄市市场监督管理局", "山东省市场监督管理局")


def org_iris(ds, graph: URIRef, label: str) -> set[URIRef]:
    """Organisations labelled ``label`` (in the shared descriptions) with evidence in ``graph``."""
    g, shared = ds.graph(graph), ds.graph(SHARED)
    return {s for s in shared.subjects(RDFS.label, Literal(label, lang="zh"))
            if any(True for _ in g.subjects(OA.hasBody, s))
            and (s, RDF.type, QG.GovernmentDepartment) in shared}


@pytest.fixture
def two_docs(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "spring.txt").write_text(SPRING, encoding="utf-8")
    (corpus / "autumn.txt").write_text(AUTUMN, encoding="utf-8")
    return corpus


def test_same_organisation_in_two_documents_has_one_iri(two_docs: Path) -> None:
    ds, extractions, errors = build_dataset([two_docs])
    assert not errors
    assert sorted(ex.document.doc_id for ex in extractions) == ["autumn", "spring"]
    graphs = {g.identifier for g in ds.graphs() if len(g)}
    assert graphs == {graph_iri("spring"), graph_iri("autumn"), SHARED, ONTOLOGY_GRAPH}
    for name in ORGS:
        in_spring = org_iris(ds, graph_iri("spring"), name)
        in_autumn = org_iris(ds, graph_iri("autumn"), name)
        assert len(in_spring) == 1, (name, in_spring)
        assert in_spring == in_autumn, (name, in_spring, in_autumn)
    # two organisations, two IRIs
    assert org_iris(ds, graph_iri("spring"), ORGS[0]) != org_iris(ds, graph_iri("spring"), ORGS[1])


def test_iri_does_not_depend_on_the_other_documents_of_the_build(two_docs: Path) -> None:
    together, _, _ = build_dataset([two_docs])
    alone, _, _ = build_dataset([two_docs / "spring.txt"])
    for name in ORGS:
        assert org_iris(together, graph_iri("spring"), name) == org_iris(alone, graph_iri("spring"), name)


def test_each_document_graph_holds_only_its_own_mentions(two_docs: Path) -> None:
    ds, _, _ = build_dataset([two_docs])
    for doc_id in ("spring", "autumn"):
        g = ds.graph(graph_iri(doc_id))
        docs = set(g.objects(None, QG.mentionedIn))
        assert docs == {URIRef(f"https://w3id.org/qgraph/id/doc/{doc_id}")}, docs
