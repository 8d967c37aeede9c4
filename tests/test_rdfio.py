"""Safe reading, deterministic writing and round trips of every export format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from qgraph import rdfio
from qgraph.errors import InputError
from rdf_samples import graph_iri, make_dataset

TESTS = Path(__file__).parent


def union(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def named(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    out: dict[str, rdflib.Graph] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        out.setdefault(str(g), rdflib.Graph()).add((s, p, o))
    return out


@pytest.mark.parametrize("fmt", rdfio.FORMATS)
def test_round_trip_is_isomorphic(fmt: str, tmp_path: Path) -> None:
    ds = make_dataset()
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(rdfio.serialize(ds, fmt))
    back = rdfio.read_rdf_dataset(path)
    assert isomorphic(union(back), union(ds))
    if fmt in ("nq", "trig"):
        assert named(back).keys() == named(ds).keys()
        for iri, graph in named(ds).items():
            assert isomorphic(named(back)[iri], graph), iri
    # rdflib reads our output too (no qgraph-only dialect)
    other = rdflib.Dataset()
    other.parse(data=path.read_bytes(), format={"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt])
    assert isomorphic(union(other), union(ds))


@pytest.mark.parametrize("fmt", rdfio.FORMATS)
def test_output_does_not_depend_on_insertion_order(fmt: str) -> None:
    first = rdfio.serialize(make_dataset(shuffle_seed=1), fmt)
    assert first == rdfio.serialize(make_dataset(shuffle_seed=2), fmt)
    assert first == rdfio.serialize(make_dataset(shuffle_seed=1), fmt)


def test_output_does_not_depend_on_hash_seed() -> None:
    code = (
        "import sys, hashlib; from qgraph import rdfio; from rdf_samples import make_dataset\n"
        "ds = make_dataset(shuffle_seed=7)\n"
        "print(' '.join(hashlib.sha256(rdfio.serialize(ds, f)).hexdigest() for f in rdfio.FORMATS))\n"
    )
    digests = set()
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(TESTS)}
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        digests.add(run.stdout)
    assert len(digests) == 1


def test_turtle_has_prefixes_and_no_escaped_local_names() -> None:
    text = rdfio.serialize(make_dataset(), "ttl").decode()
    assert "@prefix qgid: <https://w3id.org/qgraph/id/> ." in text
    assert "\\/" not in text and "\\." not in text
    assert "qgid:org-x" in text
    assert "qgorg:a-b_c" in text and "@prefix qgorg: <https://w3id.org/qgraph/id/org/> ." in text
    trig = rdfio.serialize(make_dataset(), "trig").decode()
    assert "\\/" not in trig and "qggraph:zz-2025 {" in trig and str(graph_iri("zz-2025")).endswith("/graph/zz-2025")


def test_jsonld_is_compact_and_embeds_the_bundled_context() -> None:
    doc = json.loads(rdfio.serialize(make_dataset(), "jsonld"))
    bundled = json.loads(rdfio.context_path().read_text(encoding="utf-8"))
    assert doc["@context"] == bundled["@context"]
    assert all(not isinstance(v, str) or not v.startswith("http") or k in bundled["@context"] for k, v in doc.items())
    ids = {node["@id"] for node in doc["@graph"]}
    assert "qgdoc:zz-2025/obs/5" in ids


def test_context_file_is_generated_from_prefixes_and_is_a_real_file() -> None:
    path = rdfio.context_path()
    assert not path.is_symlink()
    assert path.read_bytes() == rdfio.context_document()


def test_to_oxigraph_keeps_named_graphs() -> None:
    ds = make_dataset()
    store = rdfio.to_oxigraph(ds)
    assert len(store) == len(list(ds.quads((None, None, None, None))))
    assert ox.NamedNode(str(graph_iri("zz-2025"))) in set(store.named_graphs())
    existing = ox.Store()
    assert rdfio.to_oxigraph(ds, existing) is existing


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix a: <http://x/> .\na:b a:c a:d ;\n  a:e "unterminated\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        rdfio.read_rdf(bad)
    assert str(err.value).startswith(f"{bad}:3:")
    assert "Parser error" not in str(err.value)


def test_bad_json_reports_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text('{\n  "@id": "http://a",\n  oops\n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonld:3:3: "):
        rdfio.read_rdf(bad)


def test_rdfxml_with_doctype_or_entity_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY lol "lol">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="http://a"><rdf:value>&lol;</rdf:value></rdf:Description></rdf:RDF>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="DOCTYPE or ENTITY"):
        rdfio.read_rdf(bomb)


def test_plain_rdfxml_is_read(tmp_path: Path) -> None:
    good = tmp_path / "ok.owl"
    good.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="http://a"><rdf:value xml:lang="zh">枣庄</rdf:value></rdf:Description></rdf:RDF>',
        encoding="utf-8",
    )
    assert len(rdfio.read_rdf(good)) == 1


def test_remote_jsonld_context_is_never_fetched(tmp_path: Path) -> None:
    remote = tmp_path / "remote.jsonld"
    remote.write_text('{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://a", "http://p": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match="not fetched"):
        rdfio.read_rdf(remote)
    imported = tmp_path / "import.jsonld"
    imported.write_text('{"@context": {"@import": "http://127.0.0.1:9/c"}, "@id": "http://a"}', encoding="utf-8")
    with pytest.raises(InputError, match="@import"):
        rdfio.read_rdf(imported)


def test_qgraph_context_iri_uses_the_bundled_file(tmp_path: Path) -> None:
    doc = tmp_path / "ours.jsonld"
    doc.write_text(json.dumps({"@context": rdfio.CONTEXT_IRI, "@id": "qgid:org/a", "rdfs:label": {"@value": "甲", "@language": "zh"}}), encoding="utf-8")
    quads = list(rdfio.read_rdf(doc))
    assert [str(q.subject) for q in quads] == ["<https://w3id.org/qgraph/id/org/a>"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.ttl", None, "no such file"),
        ("graph.csv", "a,b", "unknown RDF file extension"),
        ("gbk.nt", "<http://a> <http://b> \"枣庄\" .\n".encode("gb18030"), "UTF-8"),
    ],
)
def test_unreadable_input_is_an_input_error(tmp_path: Path, name: str, content: object, problem: str) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as err:
        rdfio.read_rdf(path)
    assert str(path) in str(err.value)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        rdfio.serialize(make_dataset(), "xml")


def test_literals_keep_their_lexical_form_and_datatype(tmp_path: Path) -> None:
    from rdflib.namespace import XSD

    ds = rdflib.Dataset()
    g = ds.graph(graph_iri("lex"))
    s, p = rdflib.URIRef("https://w3id.org/qgraph/id/obs/1"), rdflib.URIRef("https://w3id.org/qgraph/def#value")
    for lex, dt in [("685.0", XSD.decimal), ("7", XSD.int), ("-3", XSD.integer)]:
        g.add((s, p, rdflib.Literal(lex, datatype=dt)))
    nt = rdfio.serialize(ds, "nt").decode()
    for expected in ('"685.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"7"^^<http://www.w3.org/2001/XMLSchema#int>',
                     '"-3"^^<http://www.w3.org/2001/XMLSchema#integer>'):
        assert expected in nt
    ttl = rdfio.serialize(ds, "ttl").decode()
    assert " 685.0" in ttl and " -3" in ttl and '"7"^^xsd:int' in ttl
    path = tmp_path / "lex.ttl"
    path.write_text(ttl, encoding="utf-8")
    assert isomorphic(union(rdfio.read_rdf_dataset(path)), union(ds))
