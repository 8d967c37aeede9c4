"""Instance IRIs: a function of each entity's own key, valid as prefixed names, never merged.

Toneless pinyin makes different names one slug (章伟 / 章卫 → zhang-wei, 山西省 / 陕西省 →
shan-xi-sheng, 苏州 / 宿州, 泰州 / 台州, 伊春 / 宜春), and tones do not help either (李震 / 李振 are
both li3 zhen4). The documents below name each pair, the way reports of the genre do; the build
must keep them apart, conform, and give every entity the IRI it gets in any other build.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin
from rdflib import Dataset, URIRef
from rdflib.namespace import FOAF, ORG, RDF, SKOS

from qgraph.pipeline import build_dataset
from qgraph.resolve import IriCollision, Resolver, entity_iri, key_hash, name_local, slug, syllables
from qgraph.validate import data_graph, validate_graph
from qgraph.vocab import ID, PREFIXES, QG

DOCS = {
    # (file, place, date, post holder's bureau, person, second bureau of the text)
    "shanxi": ("山西省", "2025-06-12", "山西省市场监督管理局", "章伟"),
    "shaanxi": ("陕西省", "2025-06-13", "陕西省市场监督管理局", "章卫"),
    "suzhou": ("苏州市", "2025-06-14", "苏州市市场监督管理局", "李震"),
    "suzhou-anhui": ("宿州市", "2025-06-15", "宿州市市场监督管理局", "李振"),
    "taizhou": ("泰州市", "2025-06-16", "泰州市市场监督管理局", "王建国"),
    "taizhou-zhejiang": ("台州市", "2025-06-17", "台州市市场监督管理局", "王建国"),
    "yichun": ("伊春市", "2025-06-18", "伊春市市场监督管理局", "刘洋"),
    "yichun-jiangxi": ("宜春市", "2025-06-19", "宜春市市场监督管理局", "刘阳"),
}
PAIRS = [("章伟", "章卫"), ("李震", "李振"), ("刘洋", "刘阳"), ("山西省市场监督管理局", "陕西省市场监督管理局"),
         ("苏州市市场监督管理局", "宿州市市场监督管理局"), ("泰州市市场监督管理局", "台州市市场监督管理局"),
         ("伊春市市场监督管理局", "宜春市市场监督管理局")]


def write_doc(directory: Path, name: str, place: str, date: str, bureau: str, person: str, batches: int = 320) -> Path:
    level = "省级" if place.endswith("省") else "市级"
    scope = "全省" if place.endswith("省") else "全市"
    path = directory / f"{name}.txt"
    path.write_text(
        f"---\ntitle: {place}举行产品质量安全工作新闻发布会\ndate: {date}\npublisher: {place[:-1]}日报\nplace: {place}\n---\n"
        f"{int(date[5:7])}月{int(date[8:])}日，{place}人民政府新闻办公室举行产品质量安全工作新闻发布会。\n"
        f"{bureau}副局长{person}在发布会上介绍，上半年{scope}对电线电缆等重点工业产品开展{level}质量监督抽查"
        f"{batches}批次，合格率为95.6%。\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("collisions")
    for name, (place, date, bureau, person) in DOCS.items():
        write_doc(directory, name, place, date, bureau, person)
    return directory


@pytest.fixture(scope="module")
def built(corpus: Path) -> Dataset:
    ds, _, errors = build_dataset([corpus])
    assert not errors
    return ds


def by_label(ds: Dataset) -> dict[str, set[URIRef]]:
    """Chinese preferred label → the entity IRIs that carry it (people and organisations)."""
    found: dict[str, set[URIRef]] = {}
    for s, _, label, _ in ds.quads((None, SKOS.prefLabel, None, None)):
        if str(s).startswith(str(ID)) and "/doc/" not in str(s):
            found.setdefault(str(label), set()).add(s)
    return found


def test_homophone_names_get_distinct_iris_and_the_build_conforms(built: Dataset) -> None:
    labels = by_label(built)
    for a, b in PAIRS:
        assert len(labels[a]) == 1 and len(labels[b]) == 1, (a, labels.get(a), b, labels.get(b))
        assert labels[a] != labels[b], f"{a} and {b} share {labels[a]}"
        assert slug(a) == slug(b)  # the collision is real: only the key's hash tells them apart
    for s in set().union(*labels.values()):  # one label per entity: nothing was merged
        assert len({q[2] for q in built.quads((s, SKOS.prefLabel, None, None))}) == 1, s
    posts = {q[0] for q in built.quads((None, RDF.type, ORG.Post, None))}
    assert len(posts) == len(DOCS)  # one 副局长 post per bureau, none shared across provinces
    for post in posts:
        assert len({q[2] for q in built.quads((post, ORG.postIn, None, None))}) == 1
        assert len({q[2] for q in built.quads((post, ORG.heldBy, None, None))}) == 1
    report = validate_graph(data_graph(built))
    assert report.conforms, report.violations[:3]


def test_adding_an_unrelated_document_changes_no_existing_iri(corpus: Path, built: Dataset, tmp_path: Path) -> None:
    for f in corpus.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    write_doc(tmp_path, "extra", "宁波市", "2025-06-20", "宁波市市场监督管理局", "章玮", batches=99)  # zhang-wei again
    bigger, _, errors = build_dataset([tmp_path])
    assert not errors
    before, after = by_label(built), by_label(bigger)
    assert all(after[label] == iris for label, iris in before.items())
    assert len(after["章玮"]) == 1 and after["章玮"].isdisjoint(before["章伟"] | before["章卫"])
    # each document alone gives its entities the same IRIs as the whole corpus
    alone, _, _ = build_dataset([corpus / "shaanxi.txt"])
    assert by_label(alone)["章卫"] == before["章卫"]
    assert by_label(alone)["陕西省市场监督管理局"] == before["陕西省市场监督管理局"]
    persons = {q[0] for q in bigger.quads((None, RDF.type, FOAF.Person, None))}
    assert len(persons) == len(DOCS) + 1


def test_slugs_keep_latin_words_and_digits() -> None:
    assert slug("2025中国品牌日") == "2025-zhong-guo-pin-pai-ri"
    assert slug("ISO9001质量管理体系认证") == "iso9001-zhi-liang-guan-li-ti-xi-ren-zheng"
    assert slug("ISO 9001:2015") == "iso-9001-2015"
    assert slug("“好品山东”") == "hao-pin-shan-dong"
    assert slug("ＧＢ／Ｔ　２２６０") == "gb-t-2260"  # full-width forms read as their ASCII
    assert slug("绿色食品（A级）") == "lv-se-shi-pin-a-ji"
    assert len(slug("很长的名称" * 40)) <= 64


_NAME_CHARS = st.sampled_from("重庆长沙行银乐都会朝阳单县尉氏曾参市场监督管理局质量强市品牌A1-　（）·、 ")


@given(st.lists(st.text(_NAME_CHARS, min_size=1, max_size=14), min_size=1, max_size=20))
def test_memoised_syllables_are_lazy_pinyins(names: list[str]) -> None:
    # polyphonic characters (重庆 chong, 长沙 chang, 银行 hang) are read by phrase, so words repeat
    # in different neighbourhoods: the memo must give what pypinyin gives for the whole name
    for name in names:
        assert syllables(name) == lazy_pinyin(name, style=Style.NORMAL, errors=lambda s: [s])


def test_memoised_syllables_on_every_lexicon_name() -> None:
    from qgraph.lexicon import load_lexicon

    lex = load_lexicon()
    names = [*lex.place_names, *lex.org_aliases, *lex.posts, *lex.measures_en]
    assert len(names) > 1000
    for name in names + names[:-500:-1]:  # then some again, from the memo
        assert syllables(name) == lazy_pinyin(name, style=Style.NORMAL, errors=lambda s: [s]), name


@given(st.text(min_size=0, max_size=40))
def test_key_hash_is_the_first_characters_of_the_whole_digest(key: str) -> None:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    assert key_hash(key) == base64.b32encode(digest).decode("ascii")[:10].lower()


def test_iri_is_a_function_of_the_key_alone() -> None:
    assert entity_iri("person", "李震") == entity_iri("person", "李震")
    assert entity_iri("person", "李震") != entity_iri("person", "李振")
    assert entity_iri("person", "李震", "甲局") != entity_iri("person", "李震", "乙局")
    assert entity_iri("place", "x") != entity_iri("org", "x")
    assert re.fullmatch(r"li-zhen-[a-z2-7]{10}", name_local("李震"))


@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=30, unique=True))
def test_distinct_names_never_share_an_iri(names: list[str]) -> None:
    iris = [entity_iri("org", n) for n in names]
    assert len(set(iris)) == len(names)
    for iri in iris:  # every local name is a valid SPARQL / Turtle prefixed name after qgorg:
        local = str(iri)[len(str(PREFIXES["qgorg"])):]
        assert re.fullmatch(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", local), local


def test_a_hash_collision_is_an_error_not_a_merge() -> None:
    from qgraph.lexicon import load_lexicon

    res = Resolver(load_lexicon())
    iri = res.mint("org", "甲")
    res._seen[iri] = ("org", "乙")  # as if another key had hashed to the same IRI
    with pytest.raises(IriCollision, match="甲"):
        res.mint("org", "甲")


def test_every_instance_namespace_is_a_prefix_without_slash_in_the_local_name(built: Dataset) -> None:
    """Every entity IRI (not the nodes inside a document, nor the helper nodes queries read: chain
    tallies and figure series) is ``prefix:local`` with no ``/``."""
    DERIVED = (f"{ID}chain-tally/", f"{ID}figure-series/")
    namespaces = sorted((str(ns) for p, ns in PREFIXES.items() if p.startswith("qg") and p not in ("qg", "qgid")),
                        key=len, reverse=True)
    for s in {q[0] for q in built.quads((None, None, None, None))}:
        iri = str(s)
        if not iri.startswith(str(ID)) or iri.startswith((f"{ID}doc/", *DERIVED)):
            continue
        ns = next((n for n in namespaces if iri.startswith(n)), None)
        assert ns is not None and "/" not in iri[len(ns):], iri
    assert any(built.quads((None, QG.place, None, None)))
