"""RDF readers and ``validate`` on hostile sizes: long literals, deep nesting (linear, or one clear line)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from qgraph import rdfio
from qgraph.cli import main
from qgraph.errors import InputError
from qgraph.rdfcheck import MAX_DEPTH, json_depth

QG = "https://w3id.org/qgraph/def#"
DOC = "https://w3id.org/qgraph/id/doc/long"


def long_turtle(path: Path, megabytes: float) -> Path:
    text = "全市抽查产品685批次，合格率为96.2%。\\n“好品山东”\\\\ " * int(megabytes * 1_000_000 / 64)
    path.write_text(f'@prefix qg: <{QG}> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n'
                    f'<{DOC}> a qg:SourceDocument ; dcterms:source <https://example.org/r> ; qg:text "{text}" .\n',
                    encoding="utf-8")
    return path


def test_validate_turtle_with_one_10_mb_literal(tmp_path: Path) -> None:
    # rdflib's N-Triples parser took time quadratic in a line's length (about ten minutes here).
    path = long_turtle(tmp_path / "long.ttl", 10)
    assert path.stat().st_size > 10_000_000
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_long_literal_reaches_rdflib_intact(tmp_path: Path) -> None:
    path = long_turtle(tmp_path / "long.ttl", 1)
    dataset = rdfio.read_rdf_dataset(path)
    (text,) = list(dataset.objects(rdflib.URIRef(DOC), rdflib.URIRef(QG + "text")))
    assert len(str(text)) > 300_000 and str(text).startswith("全市抽查产品685批次，合格率为96.2%。\n“好品山东”\\ ")


def test_to_rdflib_is_the_same_graph_as_rdflibs_own_parser() -> None:
    data = (b'<http://e/a> <http://e/p> "x"@zh <http://e/g> .\n'
            b'<http://e/a> <http://e/p> "1.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
            b'<http://e/b> <http://e/p> "plain" <http://e/g> .\n')
    ours = rdfio.to_rdflib(rdfio.NQuads(data))
    theirs = rdflib.Dataset().parse(data=data, format="nquads")
    # the same quads; their order follows rdflib's store, which other tests can change (exports sort them)
    assert sorted(rdfio.nquads_of(ours).splitlines()) == sorted(rdfio.nquads_of(theirs).splitlines())


def deep_jsonld(depth: int) -> str:
    return '{"@id": "http://e/a", "http://e/p": ' * depth + '"x"' + "}" * depth


def deep_rdfxml(depth: int) -> str:
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:e="http://e/"><rdf:Description rdf:about="http://e/a">'
            + "<e:p><rdf:Description>" * depth + "</rdf:Description></e:p>" * depth + "</rdf:Description></rdf:RDF>")


@pytest.mark.parametrize("name, content, problem", [
    ("deep.jsonld", deep_jsonld(5000), "JSON nested deeper than 256 levels is refused (5000 levels)"),
    ("deep.rdf", deep_rdfxml(5000), "XML nested deeper than 256 elements is refused"),
])
def test_deep_nesting_is_one_line_refusal(tmp_path: Path, name: str, content: str, problem: str) -> None:
    # JSON-LD 5,000 deep was a RecursionError traceback (and kills pyoxigraph's parser outright);
    # RDF/XML took time quadratic in the depth.
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", "from qgraph.cli import main; main()", "validate", str(path)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(path) in result.stderr and problem in result.stderr


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    for name, content, triples in [("ok.jsonld", deep_jsonld(MAX_DEPTH - 1), MAX_DEPTH - 1),
                                   ("ok.rdf", deep_rdfxml((MAX_DEPTH - 2) // 2), (MAX_DEPTH - 2) // 2)]:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        assert len(rdfio.parse_rdf(path)) == triples


def test_json_depth_ignores_brackets_in_strings() -> None:
    assert json_depth(b'{"a": "[[[{{{\\"]]]", "b": [[1], {"c": [2]}]}') == 4
    assert json_depth(b'"just a string"') == 0
    assert json_depth(b"[" * 10_000 + b"]" * 10_000) == 10_000


@pytest.mark.parametrize("name, body", [
    ("huge.ttl", lambda text: f'<http://e/a> <http://e/p> "{text}" .\n'),
    ("huge.jsonld", lambda text: json.dumps({"@id": "http://e/a", "http://e/p": text})),
])
def test_a_term_too_long_for_the_parser_is_refused(tmp_path: Path, name: str, body: object) -> None:
    # pyoxigraph caps one token at 16 MiB (8 MiB in JSON-LD): a MemoryError traceback before.
    path = tmp_path / name
    path.write_text(body("a" * 17_000_000), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(InputError, match="too long for the parser"):
        rdfio.read_nquads(path)


def test_doctests() -> None:
    import doctest

    import qgraph.rdfcheck

    assert doctest.testmod(qgraph.rdfcheck).failed == 0


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_doctype_in_utf16_without_bom_is_refused(tmp_path: Path, encoding: str) -> None:
    # the byte search for <!DOCTYPE only read UTF-8 and UTF-16 with a BOM; the XML parser sees every encoding
    doc = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    path = tmp_path / "u16.rdf"
    path.write_bytes(doc.encode(encoding))
    with pytest.raises(InputError, match="DOCTYPE or ENTITY declaration is refused"):
        rdfio.read_nquads(path)


def test_readers_never_use_rdflibs_line_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the cause of the quadratic time: rdflib's N-Triples/N-Quads reader rescans its buffer per 2 KB read
    from rdflib.plugins.parsers import ntriples

    def refuse(*args: object) -> None:
        raise AssertionError("rdflib's N-Triples parser was used")

    monkeypatch.setattr(ntriples.W3CNTriplesParser, "readline", refuse)
    path = long_turtle(tmp_path / "long.ttl", 0.1)
    assert len(rdfio.read_rdf_dataset(path)) == 3
    assert len(rdfio.to_rdflib(rdfio.read_nquads(path))) == 3


def test_a_long_value_in_a_violation_is_cut_in_the_text_report(tmp_path: Path) -> None:
    path = tmp_path / "place.ttl"
    path.write_text(f'@prefix qg: <{QG}> .\n<https://w3id.org/qgraph/id/place/x> a qg:Place ; '
                    f'qg:adminCode "{"1" * 1_000_000}" .\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "six digits" in result.output and "(1,000,000 characters)" in result.output
    assert len(result.output) < 5_000
