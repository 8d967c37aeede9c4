"""networkx views of a built graph: who works with whom, who was listed where, how figures move.

The graph is read from a build's store with SPARQL (:func:`read_facts`) and projected into
networkx graphs (:func:`project`). Every node is keyed by its IRI and keeps ``iri``, ``label``
(Chinese), ``label_en`` and ``kind`` (its class, e.g. ``GovernmentDepartment``); every edge has a
``weight`` (how many facts support it) and ``relation``. The projections:

``listings``       organisation ↔ programme. A node is a programme (honour list, certification,
                   cultivation pool, quality system) or whoever was listed in one (an organisation,
                   a brand, a place); an edge means "listed in", weighted by the number of listings.
``organisations``  organisation ↔ organisation. An edge means the two were named together: as
                   co-issuers of one policy, as co-organisers of one event (its organisers and the
                   organisations its speakers hold posts in), or in one list (the recipients of one
                   listing, the clients of one inspection service with the body that served them).
``places``         the place hierarchy (an edge joins a place to its parent) with the facts per place
                   as node attributes: documents, observations, listings, chain projects, organisations.
``chains``         chain ↔ place ↔ enterprise. A chain is joined to the places with a project for it
                   (edge attribute ``level``), an enterprise or facility to its place and to a chain
                   it is linked to.
``network``        ``listings`` and ``organisations`` together: the organisation–programme network.

Measures: degree and betweenness centrality (:func:`centrality`), connected components, Louvain
communities with a fixed seed (:func:`communities`), per-place rankings (:func:`place_rankings`)
and figure series over time per place and measure (:func:`figure_series`). Exports: GraphML,
GEXF and node-link JSON (:func:`export_graph`).

>>> a = analyze(Path("out"), projection="organisations")     # doctest: +SKIP
>>> print(format_analysis(a))                                 # doctest: +SKIP
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .errors import QueryError
from .store import default_graph_source, open_graph
from .vocab import PREFIXES

PROJECTIONS = ("network", "listings", "organisations", "places", "chains")
FORMATS = ("table", "json", "graphml", "gexf")
SEED = 42
QG = "https://w3id.org/qgraph/def#"
_LEVEL_ORDER = {"国家级": 1, "省级": 2, "市级": 3, "县级": 4, "区级": 4}

def queries() -> dict[str, str]:
    """The SPARQL the projections are made from (``resources/analysis.rq``), by name."""
    text = (resources.files("qgraph") / "resources" / "analysis.rq").read_text(encoding="utf-8")
    blocks = re.split(r"^#- (\S+)\n", text, flags=re.M)
    return {name: body.strip() for name, body in zip(blocks[1::2], blocks[2::2])}


@dataclass(frozen=True, slots=True)
class Facts:
    """The rows a projection is made from, read once from the store (``rows[name]``: list of dicts)."""

    rows: dict[str, list[dict[str, ox.NamedNode | ox.Literal]]]
    labels: dict[str, tuple[str, str]]  # iri -> (zh, en)
    kinds: dict[str, str]               # iri -> class local name

    def node(self, iri: str) -> dict[str, str]:
        zh, en = self.labels.get(iri, ("", ""))
        return {"iri": iri, "label": zh or en or _local(iri), "label_en": en, "kind": self.kinds.get(iri, "")}


@dataclass(frozen=True, slots=True)
class Central:
    iri: str
    label: str
    kind: str
    degree: float
    betweenness: float


@dataclass(frozen=True, slots=True)
class PlaceRank:
    iri: str
    label: str
    honours: int
    pass_rate: float | None
    batches: float | None
    reported: str  # date of the latest spot check ("" without one)


@dataclass(frozen=True, slots=True)
class Point:
    date: str
    value: float
    observation: str
    document: str


@dataclass(frozen=True, slots=True)
class Series:
    """One measure of one place (and level) across documents of different dates."""

    place: str
    place_label: str
    measure: str
    measure_label: str
    level: str
    unit: str
    points: tuple[Point, ...]
    subject_kind: str = ""  # the class of what the figure is about (ProductSpotCheck, Place, …)


@dataclass(frozen=True, slots=True)
class Analysis:
    projection: str
    graph: nx.Graph
    central: tuple[Central, ...]
    components: tuple[tuple[str, ...], ...]
    communities: tuple[tuple[str, ...], ...]
    rankings: tuple[PlaceRank, ...]
    series: tuple[Series, ...]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _v(term: ox.NamedNode | ox.Literal | None) -> str:
    return "" if term is None else term.value


def read_facts(source: Path, *, extra: Mapping[str, str] | None = None) -> Facts:
    """Run the projections' SPARQL (and the ``extra`` SELECT queries, by name) over ``source``.

    ``source`` is a store directory or an RDF file: :func:`qgraph.store.default_graph_source`
    finds the one of a build directory. The default graph is the union of the named graphs.
    """
    store = open_graph(source)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    rows: dict[str, list[dict[str, ox.NamedNode | ox.Literal]]] = {}
    for name, text in {**queries(), **(extra or {})}.items():
        try:
            result = store.query(text, prefixes=prefixes, use_default_graph_as_union=True)
        except (SyntaxError, OSError) as exc:
            raise QueryError(f"analysis query {name!r} failed: {exc}") from None
        names = [v.value for v in result.variables]
        found = [{n: s[n] for n in names if s[n] is not None} for s in result]
        if "ORDER BY" not in text:  # the engine's order may change from run to run; outputs must not
            found.sort(key=lambda r: tuple(_v(r.get(n)) for n in names))
        rows[name] = found
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for r in sorted(rows.pop("labels"), key=lambda r: (r["e"].value, r["l"].value)):
        lang = getattr(r["l"], "language", None) or ""
        labels[r["e"].value].setdefault("en" if lang == "en" else "zh" if lang in ("zh", "") else lang, r["l"].value)
    kinds: dict[str, str] = {}
    for r in sorted(rows.pop("kinds"), key=lambda r: r["t"].value):  # several classes: the first by name
        kinds.setdefault(r["e"].value, _local(r["t"].value))
    return Facts(rows, {e: (d.get("zh", ""), d.get("en", "")) for e, d in labels.items()}, kinds)


# --------------------------------------------------------------------------- projections


def _add_edge(g: nx.Graph, facts: Facts, a: str, b: str, relation: str) -> None:
    for n in (a, b):
        if n not in g:
            g.add_node(n, **facts.node(n))
    if g.has_edge(a, b):
        data = g.edges[a, b]
        data["weight"] += 1
        if relation not in data["relation"].split("; "):
            data["relation"] = "; ".join(sorted([*data["relation"].split("; "), relation]))
    else:
        g.add_edge(a, b, weight=1, relation=relation)


def project(facts: Facts, name: str) -> nx.Graph:
    """The networkx graph of projection ``name`` (one of :data:`PROJECTIONS`)."""
    g = nx.Graph(projection=name)
    if name == "network":
        g = nx.compose(project(facts, "listings"), project(facts, "organisations"))
        g.graph["projection"] = name
        return g
    if name == "listings":
        for r in facts.rows["listings"]:
            if "rec" in r:
                _add_edge(g, facts, r["rec"].value, r["prog"].value, "listed in")
            elif r["prog"].value not in g:
                g.add_node(r["prog"].value, **facts.node(r["prog"].value))
    elif name == "organisations":
        members: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in facts.rows["together"]:
            members[(r["x"].value, r["rel"].value)].add(r["o"].value)
        for r in facts.rows["organisations"]:
            g.add_node(r["o"].value, **facts.node(r["o"].value))
        for (_, relation), orgs in sorted(members.items()):
            for a, b in combinations(sorted(orgs), 2):
                _add_edge(g, facts, a, b, relation)
    elif name == "places":
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for r in facts.rows["place_facts"]:
            counts[r["p"].value][r["what"].value] = int(r["n"].value)
        for r in facts.rows["places"]:
            p = r["p"].value
            g.add_node(p, **facts.node(p), admin_level=_local(_v(r.get("level"))), code=_v(r.get("code")),
                       **{k: counts[p][k] for k in ("documents", "observations", "listed", "chain_projects", "organisations")})
            if "parent" in r:
                _add_edge(g, facts, p, r["parent"].value, "part of")
    elif name == "chains":
        for r in facts.rows["chains"]:
            x, chain = r["x"].value, r["chain"].value
            if r["isProject"].value == "true":
                if "place" in r:
                    _add_edge(g, facts, chain, r["place"].value, "project in")
                    g.edges[chain, r["place"].value]["level"] = _local(_v(r.get("level")))
                elif chain not in g:
                    g.add_node(chain, **facts.node(chain))
            else:
                _add_edge(g, facts, x, chain, "works on")
        for r in facts.rows["enterprises"]:
            if "place" in r:
                _add_edge(g, facts, r["e"].value, r["place"].value, "located in")
    else:
        raise QueryError(f"unknown projection {name!r}; expected one of {', '.join(PROJECTIONS)}")
    return g


# --------------------------------------------------------------------------- measures


def centrality(g: nx.Graph, *, top: int | None = 10) -> tuple[Central, ...]:
    """Nodes by degree centrality, then betweenness centrality (ties broken by label and IRI)."""
    if g.number_of_nodes() == 0:
        return ()
    degree = nx.degree_centrality(g)
    between = nx.betweenness_centrality(g)
    ranked = sorted(g.nodes, key=lambda n: (-degree[n], -between[n], g.nodes[n]["label"], n))
    return tuple(Central(n, g.nodes[n]["label"], g.nodes[n]["kind"], round(degree[n], 4), round(between[n], 4))
                 for n in ranked[:top])


def components(g: nx.Graph) -> tuple[tuple[str, ...], ...]:
    """Connected components, largest first, each sorted by IRI."""
    return tuple(sorted((tuple(sorted(c)) for c in nx.connected_components(g)), key=lambda c: (-len(c), c)))


def communities(g: nx.Graph, *, seed: int = SEED) -> tuple[tuple[str, ...], ...]:
    """Louvain communities (``networkx.community.louvain_communities``, fixed seed: deterministic)."""
    if g.number_of_edges() == 0:
        return ()
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return tuple(sorted((tuple(sorted(c)) for c in found if len(c) > 1), key=lambda c: (-len(c), c)))


def place_rankings(facts: Facts) -> tuple[PlaceRank, ...]:
    """Places by honours won (listed recipients), then by their latest spot-check pass rate and batches.

    The pass rate and batches are those of the latest check (:func:`spot_checks`).

    A listing counts for the place it names as recipient, else its recipient's place, else the
    place of the document it was read from; it counts its stated recipient count, else one per
    recipient.
    """
    honours: Counter[str] = Counter()
    per_listing: dict[str, tuple[str, int, set[str]]] = {}
    for r in facts.rows["listings"]:
        rec = _v(r.get("rec"))
        place = (rec if facts.kinds.get(rec) == "Place" else _v(r.get("recPlace"))) or _v(r.get("docPlace"))
        _, count, recs = per_listing.get(r["listing"].value, (place, 0, set()))
        stated = int(float(r["count"].value)) if "count" in r else 0
        per_listing[r["listing"].value] = (place, max(count, stated), recs | ({rec} if rec else set()))
    for place, count, recs in per_listing.values():
        if place:
            honours[place] += max(count, len(recs), 1)
    latest = {place: days[-1] for place, days in spot_checks(facts).items()}
    places = set(honours) | set(latest)
    ranks = [PlaceRank(p, facts.node(p)["label"], honours[p], *latest.get(p, (None, None, ""))) for p in places]
    return tuple(sorted(ranks, key=lambda r: (-r.honours, -(r.pass_rate or 0), -(r.batches or 0), r.label)))


def spot_checks(facts: Facts) -> dict[str, list[tuple[float | None, float | None, str]]]:
    """Per place, one product spot check per report date: ``(pass rate, batches, date)``, oldest first.

    The rate and batches are those of one check; of several checks reported on one day, the largest.
    """
    checks: dict[tuple[str, str], dict[str, float | str]] = defaultdict(dict)
    for r in facts.rows["spot_checks"]:
        found = checks[(r["place"].value, r["check"].value)]
        found["rate" if r["unit"].value == QG + "Percent" else "batches"] = float(r["value"].value)
        found["date"] = max(str(found.get("date", "")), _v(r.get("date")))
    days: dict[str, dict[str, dict[str, float | str]]] = defaultdict(dict)
    for (place, _), found in sorted(checks.items()):
        best = days[place].get(str(found["date"]))
        size = lambda c: (float(c.get("batches", 0.0)), "rate" in c)  # noqa: E731
        if best is None or size(found) > size(best):
            days[place][str(found["date"])] = found
    return {place: [(_opt(c.get("rate")), _opt(c.get("batches")), date) for date, c in sorted(by_date.items())]
            for place, by_date in days.items()}


def _opt(x: float | str | None) -> float | None:
    return None if x is None else float(x)


def figure_series(facts: Facts, *, min_points: int = 1) -> tuple[Series, ...]:
    """Every measure per place (and level) over the dates of the documents that state it."""
    groups: dict[tuple[str, str, str, str, str], list[Point]] = defaultdict(list)
    subjects: dict[tuple[str, str, str, str, str], str] = {}
    for r in facts.rows["observations"]:
        # the same check in two reports has IRIs …/doc/A/inspection/x and …/doc/B/inspection/x
        subject = re.sub(r"/doc/[^/]+/", "/doc/*/", _v(r.get("subject")))
        level = facts.node(r["level"].value)["label"] if "level" in r else ""
        key = (r["place"].value, r["m"].value, level, _v(r.get("unit")), subject)
        groups[key].append(Point(r["date"].value, float(r["value"].value), r["obs"].value, r["doc"].value))
        subjects[key] = _v(r.get("subject"))
    out = []
    for (place, measure, level, unit, key), points in groups.items():
        by_date: dict[str, Point] = {}
        for p in sorted(points, key=lambda p: (p.date, p.observation)):
            by_date.setdefault(p.date, p)
        if len(by_date) >= min_points:
            out.append(Series(place, facts.node(place)["label"], measure, facts.node(measure)["label"], level, unit,
                              tuple(by_date.values()), facts.kinds.get(subjects[(place, measure, level, unit, key)], "")))
    return tuple(sorted(out, key=lambda s: (s.place_label, s.measure_label, _LEVEL_ORDER.get(s.level, 9), s.unit)))


def analyze(build: Path, *, projection: str = "network", top: int = 10) -> Analysis:
    """Read a build directory's graph and compute the measures of one projection."""
    if projection not in PROJECTIONS:
        raise QueryError(f"unknown projection {projection!r}; expected one of {', '.join(PROJECTIONS)}")
    facts = read_facts(default_graph_source(build))
    g = project(facts, projection)
    return Analysis(projection, g, centrality(g, top=top), components(g), communities(g),
                    place_rankings(facts), figure_series(facts, min_points=2))


# --------------------------------------------------------------------------- output


def export_graph(g: nx.Graph, fmt: str) -> bytes:
    """``g`` as GraphML, GEXF or node-link JSON (``fmt``: ``graphml``, ``gexf`` or ``json``)."""
    if fmt == "json":
        data = nx.node_link_data(g, edges="links")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buffer, encoding="utf-8", prettyprint=True)
    elif fmt == "gexf":
        nx.write_gexf(g, buffer, encoding="utf-8", prettyprint=True)
        # networkx stamps today's date into <meta>; the same graph must give the same bytes
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected graphml, gexf or json")
    return buffer.getvalue()


def _names(g: nx.Graph, iris: Iterable[str], limit: int = 8) -> str:
    names = [g.nodes[n]["label"] for n in iris]
    return "、".join(names[:limit]) + (f" … (+{len(names) - limit})" if len(names) > limit else "")


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def format_analysis(a: Analysis) -> str:
    """The analysis as plain-text tables for a terminal."""
    from .results import width

    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]
        line = lambda cells: "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, cols)).rstrip()  # noqa: E731
        return [line(header), line(["-" * w for w in cols]), *(line(r) for r in rows)]

    g = a.graph
    out = [f"projection {a.projection}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
           f"{len(a.components)} connected components", "", "most central (degree, betweenness):"]
    out += table(["label", "kind", "degree", "betweenness"],
                 [[c.label, c.kind, f"{c.degree:.3f}", f"{c.betweenness:.3f}"] for c in a.central])
    out += ["", f"communities (Louvain, seed {SEED}):"]
    out += [f"  {i}. {_names(g, c)}" for i, c in enumerate(a.communities, 1)] or ["  (none)"]
    out += ["", "places (honours won, latest spot-check pass rate and batches):"]
    out += table(["place", "honours", "pass rate %", "batches", "reported"],
                 [[r.label, str(r.honours), _fmt(r.pass_rate), _fmt(r.batches), r.reported] for r in a.rankings])
    out += ["", "figures over time:"]
    out += table(["place", "measure", "level", "values"],
                 [[s.place_label, s.measure_label, s.level, " → ".join(f"{_fmt(p.value)} ({p.date})" for p in s.points)]
                  for s in a.series])
    return "\n".join(out)


def analysis_json(a: Analysis) -> str:
    """The analysis as JSON (IRIs and labels), with the graph itself as node-link data under ``graph``."""
    g = a.graph
    data = {
        "projection": a.projection, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "central": [asdict(c) for c in a.central],
        "components": [list(c) for c in a.components],
        "communities": [[{"iri": n, "label": g.nodes[n]["label"]} for n in c] for c in a.communities],
        "rankings": [asdict(r) for r in a.rankings],
        "series": [asdict(s) for s in a.series],
        "graph": nx.node_link_data(g, edges="links"),  # networkx.node_link_graph(data["graph"], edges="links")
    }
    return json.dumps(data, ensure_ascii=False, indent=1)
