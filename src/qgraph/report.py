"""``qgraph report``: one self-contained, offline HTML file about a build.

The page has no script and fetches nothing (a Content-Security-Policy forbids it); charts are
inline SVG (:mod:`qgraph.svgcharts`), styles are inlined from ``resources/report.css``, and the
``explain`` view of every entity the page names is rendered into it (``#e-…`` anchors), so it
opens from a file:// URL on a machine without network. Every string from the documents is
HTML-escaped. Sections: the corpus at a glance, each place (spot checks over time, honours and
listings by programme and level, chain projects and innovation centres by level, figures over
time), the organisation–programme network, every figure with its source sentence, the entities.

>>> write_report(Path("out"), Path("out/report.html"))     # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from html import escape
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from . import analyze as an
from . import svgcharts as charts
from .explain import Explanation, explain_many
from .results import display
from .store import atomic_write, default_graph_source, output_name

ONTOLOGY_GRAPH = "https://w3id.org/qgraph/def"
_CENTRES = re.compile(r"(技术中心|研究中心|实验室|创新中心|工程中心)$")
_HIDDEN_CLASSES = ("oa:", "rdf:", "qb:", "qg:Mention", "qg:Sentence")
_QUERIES = {
    "documents": """SELECT DISTINCT ?doc ?title ?date ?place ?publisher WHERE { ?doc a qg:SourceDocument .
        OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:date ?date }
        OPTIONAL { ?doc qg:place ?place } OPTIONAL { ?doc dcterms:publisher ?publisher } } ORDER BY ?date ?doc""",
    "triples": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}",
    "classes": f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}
        GROUP BY ?c ORDER BY DESC(?n) ?c""",
    "figures": """SELECT DISTINCT ?obs ?subject ?m ?value ?unit ?qualifier ?level ?period ?area ?sentence ?doc ?date WHERE {
        ?obs a qg:Observation ; qg:measure ?m ; qg:value ?value .
        OPTIONAL { ?obs qg:subject ?subject } OPTIONAL { ?obs qg:qualifier ?qualifier }
        OPTIONAL { ?obs qg:unit ?u OPTIONAL { ?u skos:notation ?unot } BIND(COALESCE(?unot, REPLACE(STR(?u), "^.*[#/]", "")) AS ?unit) }
        OPTIONAL { ?obs qg:level ?level } OPTIONAL { ?obs qg:refPeriod ?period } OPTIONAL { ?obs sdmx-dimension:refArea ?area }
        OPTIONAL { ?obs ^oa:hasBody/qg:sentence/rdf:value ?sentence }
        OPTIONAL { ?obs qg:mentionedIn ?doc OPTIONAL { ?doc dcterms:date ?date } } } ORDER BY ?date ?obs""",
}


def _anchor(iri: str) -> str:
    return "e-" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12]


class _Page:
    """What the HTML is made from, read once from a build."""

    def __init__(self, build: Path, *, top: int, validate: bool, max_entities: int) -> None:
        self.build = Path(build)
        self.source = default_graph_source(self.build)
        self.facts = an.read_facts(self.source, extra=_QUERIES)
        self.rows = self.facts.rows
        self.top = top
        self.network = an.project(self.facts, "network")
        self.central = an.centrality(self.network, top=top)
        self.series = an.figure_series(self.facts)
        self.shacl = self._shacl() if validate else "SHACL: not checked (--no-validate)"
        self.figures = self._figures()
        wanted = [c.iri for c in self.central]
        for f in self.figures:
            wanted += [f["subject"], f["area"]]
        for r in self.rows["listings"]:
            wanted += [r["prog"].value, an._v(r.get("rec"))]
        for r in self.rows["chains"]:
            wanted += [r["chain"].value, an._v(r.get("place"))]
        wanted += [r["place"].value for r in self.rows["spot_checks"]] + [s.place for s in self.series]
        wanted += [an._v(r.get("docPlace")) for r in self.rows["listings"]]
        # documents are not explained here: their view would repeat every fact of the report
        # a place links to its own section of the page, not to an explain view (which would list every figure)
        iris = [iri for iri in dict.fromkeys(wanted) if iri and self.facts.kinds.get(iri) != "Place"][:max_entities]
        found = explain_many(self.source, [ox.NamedNode(i) for i in iris], timeout=None) if iris else {}
        self.explained: dict[str, Explanation] = {k.value: v for k, v in found.items()}
        self.places: set[str] = set()  # places with a section, filled by _place_sections

    def _shacl(self) -> str:
        from .validate import validate_file

        nq = self.build / output_name("nq")
        if not nq.exists():
            return f"SHACL: not checked (no {nq.name} in the build)"
        report = validate_file(nq)
        return report.text().splitlines()[0]

    def _figures(self) -> list[dict[str, str]]:
        seen: dict[str, dict[str, str]] = {}
        for r in self.rows["figures"]:
            obs = r["obs"].value
            if obs in seen:
                continue
            seen[obs] = {k: an._v(r.get(k)) for k in ("obs", "subject", "value", "unit", "qualifier", "period", "area",
                                                        "sentence", "doc", "date")}
            seen[obs]["measure"] = self.label(r["m"].value)
            seen[obs]["level"] = self.label(r["level"].value) if "level" in r else ""
        return list(seen.values())

    def label(self, iri: str) -> str:
        return self.facts.node(iri)["label"] if iri else ""

    def link(self, iri: str, text: str | None = None) -> str:
        shown = escape(text if text is not None else self.label(iri))
        if iri in self.places:
            return f'<a href="#place-{_anchor(iri)}">{shown}</a>'
        return f'<a href="#{_anchor(iri)}">{shown}</a>' if iri in self.explained else shown


# --------------------------------------------------------------------------- sections


def _table(header: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """A table; ``rows`` hold HTML already escaped by the caller."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _figure(title: str, svg: str, caption: str = "") -> str:
    cap = f'<figcaption>{escape(title)}{"：" + caption if caption else ""}</figcaption>'
    return f'<figure class="chart-box">{cap}{svg}</figure>'


def _num(x: float | str) -> str:
    v = float(x)
    return f"{v:g}" if abs(v) < 1e6 else f"{v:,.0f}"


def _overview(p: _Page) -> str:
    docs = p.rows["documents"]
    per_place = Counter(p.label(an._v(d.get("place"))) or "（未知地区）" for d in docs)
    triples = int(p.rows["triples"][0]["n"].value) if p.rows["triples"] else 0
    classes = [(display(r["c"]), int(r["n"].value)) for r in p.rows["classes"]]
    classes = [(c, n) for c, n in classes if not c.startswith(_HIDDEN_CLASSES)]
    doc_rows = [[escape(an._v(d.get("date"))), p.link(an._v(d.get("place"))),
                 p.link(d["doc"].value, an._v(d.get("title")) or display(d["doc"])), p.link(an._v(d.get("publisher")))]
                for d in docs]
    conforms = "conforms" in p.shacl
    return (f'<section id="overview"><h2>概览 Corpus at a glance</h2>'
            f'<div class="stats"><div><b>{len(docs)}</b>份文件 documents</div><div><b>{triples:,}</b>条三元组 triples</div>'
            f'<div><b>{sum(n for _, n in classes):,}</b>个实体 entities</div>'
            f'<div class="{"ok" if conforms else "bad"}"><b>{"✓" if conforms else "✗"}</b>{escape(p.shacl)}</div></div>'
            + '<div class="grid">'
            + _figure("各地文件数 Documents by place", charts.bar_chart(sorted(per_place.items(), key=lambda kv: -kv[1])[:12],
                                                                      unit=" 份", label="documents by place", width=460))
            + _figure("各年文件数 Documents by year", charts.bar_chart(
                sorted(Counter(an._v(d.get("date"))[:4] or "（未知）" for d in docs).items())[-12:], unit=" 份",
                label="documents by year", color="#48a9a6", width=460))
            + _figure("各类实体数 Entities per class (top 8)", charts.bar_chart(classes[:8], label="entities per class",
                                                                              color="#5d6d7e", width=460))
            + "</div>" + _table(["日期 date", "地区 place", "文件 document", "发布 publisher"], doc_rows)
            + "</section>")


def _place_sections(p: _Page) -> str:
    checks = defaultdict(list, an.spot_checks(p.facts))
    listings: dict[str, dict[tuple[str, str], dict]] = defaultdict(dict)
    counted: set[str] = set()  # listings whose stated count was added
    for r in p.rows["listings"]:
        rec = an._v(r.get("rec"))
        place = (rec if p.facts.kinds.get(rec) == "Place" else an._v(r.get("recPlace"))) or an._v(r.get("docPlace"))
        key = (r["prog"].value, p.label(an._v(r.get("level"))))
        entry = listings[place].setdefault(key, {"recipients": [], "count": 0})
        if rec and rec not in entry["recipients"]:
            entry["recipients"].append(rec)
        if "count" in r and r["listing"].value not in counted:
            counted.add(r["listing"].value)
            entry["count"] += int(float(r["count"].value))
    chains: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in p.rows["chains"]:
        if r["isProject"].value == "true" and "place" in r:
            chains[r["place"].value][p.label(an._v(r.get("level")))].add(r["chain"].value)
    stated: dict[str, dict[str, float]] = defaultdict(dict)
    centres: dict[str, dict[tuple[str, str], tuple[str, float]]] = defaultdict(dict)
    for f in p.figures:
        if "产业链项目" in f["measure"] and f["level"]:
            stated[f["area"]][f["level"]] = max(stated[f["area"]].get(f["level"], 0), float(f["value"]))
        if _CENTRES.search(f["measure"]) and f["level"]:
            key = (f["level"], f["measure"])
            if f["date"] >= centres[f["area"]].get(key, ("", 0))[0]:
                centres[f["area"]][key] = (f["date"], float(f["value"]))
    series = defaultdict(list)
    for s in p.series:
        if len(s.points) >= 2 and s.subject_kind != "ProductSpotCheck":  # those have a section of their own
            series[s.place].append(s)
    places = set(checks) | set(listings) | set(chains) | set(centres) | set(series)
    places.discard("")
    p.places = places
    ranked = sorted(places, key=lambda x: (-(len(checks[x]) + len(listings[x]) + len(chains[x]) + len(series[x])), p.label(x)))
    ranks = [[p.link(r.iri, r.label), str(r.honours), "" if r.pass_rate is None else f"{_num(r.pass_rate)}%",
              "" if r.batches is None else _num(r.batches), escape(r.reported)] for r in an.place_rankings(p.facts)]
    out = ['<section id="places"><h2>各地 By place</h2>',
           _table(["地区 place", "入选 honours", "最新抽查合格率 pass rate", "抽查批次 batches", "报告日期 reported"], ranks)]
    for place in ranked:
        name = p.label(place)
        out.append(f'<article class="place" id="place-{_anchor(place)}"><h3>{p.link(place, name)}</h3>')
        if series[place]:
            out.append('<h4>指标变化 Figures over time</h4><div class="grid">')
            for s in series[place]:
                unit = "%" if s.unit == "%" else ""
                arrow = " → ".join(f"{_num(pt.value)}{s.unit if s.unit == '%' else ''}" for pt in s.points)
                title = f"{s.level}{s.measure_label}" + (f"（{s.unit}）" if s.unit and s.unit != "%" else "")
                out.append(_figure(title, charts.line_chart([(pt.date, pt.value) for pt in s.points], unit=unit,
                                                            label=f"{name} {title}"), escape(arrow)))
            out.append("</div>")
        if checks[place]:
            rate = [(d or "（无日期）", r) for r, _, d in checks[place] if r is not None]
            batches = [(d or "（无日期）", b) for _, b, d in checks[place] if b is not None]
            out.append('<h4>产品质量监督抽查 Spot checks</h4><div class="grid">')
            if rate:
                out.append(_figure("抽查合格率 pass rate", charts.line_chart(rate, unit="%", label=f"{name} 抽查合格率"),
                                   escape(" → ".join(f"{_num(v)}%" for _, v in rate))))
            if batches:
                out.append(_figure("抽查批次 batches", charts.bar_chart([(d, v) for d, v in batches], unit=" 批次",
                                                                      label=f"{name} 抽查批次", color="#16a085", width=460)))
            out.append("</div>")
        if listings[place]:
            rows, bars = [], []
            for (prog, level), e in sorted(listings[place].items(), key=lambda kv: (p.label(kv[0][0]))):
                n = max(e["count"], len(e["recipients"]))
                rows.append([p.link(prog), escape(level), str(n) if n else "",
                             "、".join(p.link(r) for r in e["recipients"])])
                if n:
                    bars.append((p.label(prog), float(n)))
            out.append('<h4>荣誉与入选名单 Honours and listings</h4>')
            if bars:
                out.append(_figure("入选数量 listed", charts.bar_chart(sorted(bars, key=lambda b: -b[1]),
                                                                    label=f"{name} 入选数量", color="#d9822b")))
            out.append(_table(["名单 programme", "级别 level", "数量 count", "入选 recipients"], rows))
        if chains[place] or stated[place]:
            levels = sorted(set(chains[place]) | set(stated[place]), key=lambda lv: an._LEVEL_ORDER.get(lv, 9))
            bars = [(lv, max(stated[place].get(lv, 0), len(chains[place][lv]))) for lv in levels]
            out.append('<h4>产业链项目 Chain projects by level</h4>'
                       + _figure("项目数 projects", charts.bar_chart(bars, unit=" 条", label=f"{name} 产业链项目",
                                                                  color="#8e44ad"))
                       + _table(["级别 level", "项目 projects", "产业链 named chains"],
                                [[escape(lv), _num(n), "、".join(p.link(c) for c in sorted(chains[place][lv]))]
                                 for lv, n in bars]))
        if centres[place]:
            bars = [(level + measure, v) for (level, measure), (_, v) in
                    sorted(centres[place].items(), key=lambda kv: (kv[0][1], an._LEVEL_ORDER.get(kv[0][0], 9)))]
            out.append('<h4>创新平台 Technology centres by level</h4>'
                       + _figure("最新数量 latest counts", charts.bar_chart(bars, unit=" 家", label=f"{name} 创新平台",
                                                                        color="#2e86c1")))
        out.append("</article>")
    return "".join(out) + "</section>"


def _network(p: _Page) -> str:
    g = p.network
    keep: list[str] = []  # the most central nodes, each with its neighbours, while there is room
    for c in an.centrality(g, top=None):
        for n in [c.iri, *sorted(g.neighbors(c.iri), key=lambda n: (-g.degree[n], n))]:
            if len(keep) < p.top and n not in keep and g.degree[n] > 0:
                keep.append(n)
    keep = [n for n in keep if any(m in keep for m in g.neighbors(n))]
    if not keep:
        return ('<section id="network"><h2>机构与名单网络 Organisation–programme network</h2>'
                '<p class="note">没有相互连接的机构或名单。No organisation or programme is linked to another.</p></section>')
    sub = g.subgraph(keep).copy()
    svg = charts.network_chart(sub, href=lambda iri: f"#{_anchor(iri)}" if iri in p.explained else None,
                               label="organisation–programme network")
    rows = [[p.link(c.iri, c.label), escape(c.kind), f"{c.degree:.3f}", f"{c.betweenness:.3f}"]
            for c in p.central[:15] if c.degree > 0]
    comms = an.communities(g)
    items = "".join("<li>" + "、".join(p.link(n) for n in c) + "</li>" for c in comms)
    return (f'<section id="network"><h2>机构与名单网络 Organisation–programme network</h2>'
            f'<p class="note">按度中心性排名前 {len(keep)} 个有连接的节点；边：入选名单、联合发文、共同主办、同列一份名单。'
            f'The {len(keep)} most central connected nodes of {g.number_of_nodes()}, by degree; an edge joins a '
            f'recipient to its programme, or two organisations named together (co-issuers, co-organisers, one list).</p>'
            + _figure("网络 network", svg)
            + _table(["实体 entity", "类型 kind", "度 degree", "介数 betweenness"], rows)
            + f"<h4>社区 Communities (Louvain)</h4><ol>{items}</ol></section>")


def _figures_table(p: _Page) -> str:
    rows = []
    for f in p.figures:
        value = _num(f["value"]) + (f["unit"] if f["unit"] else "") + (f" ({f['qualifier']})" if f["qualifier"] else "")
        rows.append([p.link(f["subject"]) if f["subject"] else "", escape(f["level"] + f["measure"]),
                     f'<span class="num">{escape(value)}</span>', escape(f["period"]), p.link(f["area"]),
                     f'<span class="quote">{escape(f["sentence"])}</span>', escape(f["date"])])
    return ('<section id="figures"><h2>全部数据 Every figure with its source sentence</h2>'
            + _table(["对象 about", "指标 measure", "数值 value", "时期 period", "地区 area", "原文 source sentence",
                      "报告日期 reported"], rows, "figures") + "</section>")


def _explanations(p: _Page) -> str:
    def value(st) -> str:  # noqa: ANN001
        iri = st.value.value if isinstance(st.value, ox.NamedNode) else ""
        text = st.label or display(st.value)
        return p.link(iri, text) if iri else escape(text)

    def quote(ev) -> str:  # noqa: ANN001
        sentence = escape(ev.sentence)
        if ev.exact and escape(ev.exact) in sentence:
            sentence = sentence.replace(escape(ev.exact), f"<mark>{escape(ev.exact)}</mark>", 1)
        src = f' <cite>{escape(ev.title)}</cite>' if ev.title else ""
        return f"<blockquote>{sentence}{src}</blockquote>"

    out = ['<section id="entities"><h2>实体详情 Entities (explain)</h2>']
    for iri, e in sorted(p.explained.items(), key=lambda kv: (p.label(kv[0]), kv[0])):
        kinds = "、".join(escape(display(t.value)) for t in e.types)
        props = "".join(f"<tr><th>{escape(display(s.predicate))}</th><td>{value(s)}</td></tr>" for s in e.statements)
        labels = " · ".join(dict.fromkeys(escape(s.value.value) for s in e.labels))
        facts = "".join(
            f'<li><b>{p.link(f.iri.value, _fact_name(f))}</b> <span class="kind">'
            f'{"、".join(escape(display(t)) for t in f.types)} {"←" if f.direction == "in" else "→"} '
            f'{escape(display(f.link))}</span>'
            + "".join(f"<div>{escape(display(s.predicate))}: {value(s)}</div>" for s in f.statements
                      if s.predicate.value not in _NAMES)
            + "".join(quote(ev) for ev in f.evidence) + "</li>" for f in e.facts)
        out.append(f'<article class="entity" id="{_anchor(iri)}"><h3>{escape(p.label(iri))}</h3>'
                   f'<p class="iri">{escape(iri)}<br>{kinds}{" · " + labels if labels else ""}</p>'
                   + (f"<table class=\"props\">{props}</table>" if props else "")
                   + "".join(quote(ev) for ev in e.evidence)
                   + (f"<details><summary>{len(e.facts)} 条相关事实 facts</summary><ul>{facts}</ul></details>" if facts else "")
                   + "</article>")
    return "".join(out) + "</section>"


_NAMES = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://purl.org/dc/terms/title"}


def _fact_name(fact: object) -> str:
    """A fact's own name (its title or label), else its IRI shortened."""
    names = [s.value.value for s in fact.statements if s.predicate.value in _NAMES]  # type: ignore[attr-defined]
    return names[0] if names else display(fact.iri)  # type: ignore[attr-defined]


def render_report(build: Path, *, top: int = 30, validate: bool = True, max_entities: int = 2000) -> str:
    """The HTML report of a build directory (``top``: nodes drawn in the network)."""
    p = _Page(build, top=top, validate=validate, max_entities=max_entities)
    by_place = _place_sections(p)  # first: it decides which places have a section to link to
    css = (resources.files("qgraph") / "resources" / "report.css").read_text(encoding="utf-8")
    places = sorted({p.label(an._v(d.get("place"))) for d in p.rows["documents"]} - {""})
    title = f"质量工作知识图谱报告 · {'、'.join(places[:3])}" if places else "质量工作知识图谱报告"
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return ("<!doctype html>\n"
            f'<html lang="zh"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{csp}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"<style>{css}</style></head><body>"
            f'<header><h1>{escape(title)}</h1><p>qgraph report · {len(p.rows["documents"])} 份文件 · '
            f'<a href="#overview">概览</a> · <a href="#places">各地</a> · <a href="#network">网络</a> · '
            f'<a href="#figures">全部数据</a> · <a href="#entities">实体</a></p></header><main>'
            + _overview(p) + by_place + _network(p) + _figures_table(p) + _explanations(p)
            + "</main></body></html>\n")


def write_report(build: Path, output: Path, **options: object) -> Path:
    """Render the report of ``build`` and write it to ``output`` atomically."""
    return atomic_write(Path(output), render_report(build, **options).encode("utf-8"))  # type: ignore[arg-type]
