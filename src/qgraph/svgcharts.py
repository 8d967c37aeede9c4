"""Small charts as inline SVG for the HTML report: bars, lines over time, a network drawing.

Pure Python, no JavaScript and no fonts embedded: the text is SVG ``<text>`` and takes the
page's CJK font stack, so Chinese labels stay readable and searchable. Every string is escaped.
Each chart is one ``<svg class="chart">`` element with a ``viewBox`` that scales to the page.

>>> svg = bar_chart([("国家级", 1.0), ("省级", 2.0)], unit="个")
>>> svg.startswith('<svg class="chart"')
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

import networkx as nx

WIDTH = 720
PALETTE = {"organisation": "#2f6db5", "programme": "#d9822b", "place": "#3a9a5b", "brand": "#9b59b6",
           "other": "#7f8c8d"}
_PROGRAMMES = {"HonourProgramme", "CertificationScheme", "ProtectionList", "CultivationPool", "QualitySystem",
               "WorkModel", "Programme"}
_BRANDS = {"Trademark", "GeographicalIndication", "ServiceBrand", "Brand"}


def _num(x: float) -> str:
    return f"{x:,.1f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x):,}"


def _text_width(text: str, size: float) -> float:
    """Rough rendered width: CJK characters are one em wide, others about half."""
    return sum(size if ord(c) > 0x2E80 else size * 0.55 for c in text)


def _svg(width: float, height: float, body: list[str], label: str) -> str:
    return (f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{escape(label)}</title>' + "".join(body) + "</svg>")


def bar_chart(items: Sequence[tuple[str, float]], *, unit: str = "", label: str = "bar chart",
              color: str = "#2f6db5", width: float = WIDTH) -> str:
    """Horizontal bars, one per ``(label, value)``, the value written after each bar."""
    size, row = 13, 26
    left = min(width * 0.45, max([_text_width(t, size) for t, _ in items] + [40.0]) + 16)
    top = 8
    height = top + row * len(items) + 8
    peak = max([v for _, v in items] + [1e-9])
    room = width - left - 90
    body = []
    for i, (text, value) in enumerate(items):
        y = top + i * row
        w = max(1.0, room * value / peak) if value > 0 else 1.0
        body.append(f'<text x="{left - 8:.1f}" y="{y + 17}" text-anchor="end" font-size="{size}">{escape(text)}</text>'
                    f'<rect x="{left:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" rx="2" fill="{color}"/>'
                    f'<text x="{left + w + 6:.1f}" y="{y + 17}" font-size="{size}">{escape(_num(value) + unit)}</text>')
    return _svg(width, height, body, label)


def line_chart(points: Sequence[tuple[str, float]], *, unit: str = "", label: str = "line chart",
               color: str = "#c0392b", width: float = 460) -> str:
    """Values over time: one point per ``(date, value)``, equally spaced, each labelled."""
    height, left, right, top, bottom = 180, 50, 50, 30, 36
    values = [v for _, v in points] or [0.0]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.25 or max(abs(hi) * 0.1, 1.0)
    lo, hi = lo - pad, hi + pad
    span_x = width - left - right
    n = len(points)

    def x(i: int) -> float:
        return left + (span_x / 2 if n == 1 else span_x * i / (n - 1))

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - (v - lo) / (hi - lo))

    body = [f'<line x1="{left - 20}" y1="{height - bottom}" x2="{width - right + 20}" y2="{height - bottom}" stroke="#bbb"/>']
    if n > 1:
        path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
        body.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>')
    for i, (date, v) in enumerate(points):
        body.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="5" fill="{color}"/>'
                    f'<text x="{x(i):.1f}" y="{y(v) - 10:.1f}" text-anchor="middle" font-size="14" font-weight="bold">'
                    f'{escape(_num(v) + unit)}</text>'
                    f'<text x="{x(i):.1f}" y="{height - bottom + 20}" text-anchor="middle" font-size="13" fill="#555">'
                    f'{escape(date)}</text>')
    return _svg(width, height, body, label)


def kind_group(kind: str) -> str:
    """The colour group of a node kind: organisation, programme, place, brand or other."""
    if kind in _PROGRAMMES:
        return "programme"
    if kind in _BRANDS:
        return "brand"
    if kind == "Place":
        return "place"
    if kind.endswith(("Department", "Body", "Institute", "University", "Enterprise", "Centre", "Organization",
                      "Association")):
        return "organisation"
    return "other"


def _force(g: nx.Graph, nodes: list[str], iterations: int) -> dict[str, tuple[float, float]]:
    """Positions in the unit square: a circle for a small component, else Fruchterman–Reingold from a
    circle (deterministic)."""
    n = len(nodes)
    if n <= 2:  # one above the other: labels go to the right and never overlap
        return {v: (0.2, 0.5 if n == 1 else 0.15 + 0.7 * i) for i, v in enumerate(nodes)}
    if n <= 12:  # small: on a circle in breadth-first order from the best-connected node (labels stay apart)
        order = [min(nodes, key=lambda v: (-g.degree(v), v))]
        for v in order:  # breadth first, neighbours in a fixed order
            order += [w for w in sorted(g.neighbors(v), key=lambda w: (-g.degree(w), w)) if w not in order]
        return {v: (0.5 + 0.5 * math.cos(math.pi + 2 * math.pi * i / n), 0.5 + 0.5 * math.sin(math.pi + 2 * math.pi * i / n))
                for i, v in enumerate(order)}
    pos = {v: [0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)]
           for i, v in enumerate(nodes)}
    k, temperature = math.sqrt(1.0 / n), 0.1
    for _ in range(iterations):
        disp = {v: [0.0, 0.0] for v in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(math.hypot(dx, dy), 1e-4)
                f = 2.5 * k * k / d / d
                disp[a][0] += dx * f
                disp[a][1] += dy * f
                disp[b][0] -= dx * f
                disp[b][1] -= dy * f
        for a, b in g.edges(nodes):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            f = math.hypot(dx, dy) / k
            disp[a][0] -= dx * f
            disp[a][1] -= dy * f
            disp[b][0] += dx * f
            disp[b][1] += dy * f
        for v in nodes:
            d = max(math.hypot(*disp[v]), 1e-9)
            step = min(d, temperature)
            pos[v][0] += disp[v][0] / d * step
            pos[v][1] += disp[v][1] / d * step
        temperature = max(temperature * 0.985, 0.002)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {v: ((p[0] - min(xs)) / sx, (p[1] - min(ys)) / sy) for v, p in pos.items()}


def layout(g: nx.Graph, *, iterations: int = 300, aspect: float = 1.6,
           label_room: float = 1.6) -> dict[str, tuple[float, float]]:
    """A deterministic layout in the unit square: each connected component is laid out by force
    (Fruchterman–Reingold) in a cell of its own, cells sized by the component (with room for labels
    on both sides) and packed in rows."""
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    if not comps:
        return {}
    sizes = [(math.sqrt(len(c)) + 2 * label_room * (len(c) > 2) + label_room, math.sqrt(len(c)) + 0.6) for c in comps]
    row_width = max(max(w for w, _ in sizes), math.sqrt(sum(w * h for w, h in sizes) * aspect))
    cells, x, y, row_h = [], 0.0, 0.0, 0.0
    for w, h in sizes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        cells.append((x, y, w, h))
        x, row_h = x + w, max(row_h, h)
    total_w, total_h = max(cx + w for cx, _, w, _ in cells), max(cy + h for _, cy, _, h in cells)
    pos: dict[str, tuple[float, float]] = {}
    for comp, (cx, cy, w, h) in zip(comps, cells):
        inner = _force(g, comp, iterations)
        left = label_room if len(comp) > 2 else 0.2
        right = label_room if len(comp) > 2 else label_room + 0.2
        for v, (px, py) in inner.items():
            pos[v] = ((cx + left + px * (w - left - right)) / total_w, (cy + 0.3 + py * (h - 0.6)) / total_h)
    return pos


def network_chart(g: nx.Graph, *, href: Callable[[str], str | None] = lambda iri: None,
                  label: str = "network") -> str:
    """Draw ``g``: node size by degree, colour by kind, Chinese labels; a node links to ``href(iri)``."""
    width, height, margin = 960.0, 680.0, 20.0
    pos = layout(g)
    degree = dict(g.degree)
    peak = max(degree.values(), default=1) or 1
    body = []
    for a, b in sorted(tuple(sorted(e)) for e in g.edges):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        body.append(f'<line x1="{margin + x1 * (width - 2 * margin):.1f}" y1="{margin + y1 * (height - margin - 36):.1f}" '
                    f'x2="{margin + x2 * (width - 2 * margin):.1f}" y2="{margin + y2 * (height - margin - 36):.1f}" '
                    f'stroke="#9aa5b1" stroke-width="{min(1 + g.edges[a, b].get("weight", 1) * 0.5, 4):.1f}" '
                    f'stroke-opacity="0.7"/>')
    centre = {}  # labels point away from the middle of their component
    for comp in nx.connected_components(g):
        mid = sum(pos[v][0] for v in comp) / len(comp)
        centre.update({v: mid for v in comp})
    for v in sorted(g.nodes, key=lambda v: (degree[v], v)):
        x, y = margin + pos[v][0] * (width - 2 * margin), margin + pos[v][1] * (height - margin - 36)
        r = 5 + 9 * math.sqrt(degree[v] / peak)
        data = g.nodes[v]
        color = PALETTE[kind_group(data.get("kind", ""))]
        name = data.get("label") or v
        shown = name if len(name) <= 14 else name[:13] + "…"
        anchor = "end" if pos[v][0] < centre[v] - 1e-6 else "start"
        room = _text_width(shown, 12) + r + 4
        if anchor == "end" and x - room < 0 or anchor == "start" and x + room > width:
            anchor = "start" if anchor == "end" else "end"
        dx = r + 3 if anchor == "start" else -(r + 3)
        node = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{color}" stroke="#fff" stroke-width="1.5">'
                f'<title>{escape(name)} ({escape(data.get("kind", ""))})</title></circle>'
                f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="12" class="halo">{escape(shown)}</text>')
        link = href(v)
        body.append(f'<a href="{escape(link)}">{node}</a>' if link else node)
    for i, (group, color) in enumerate(PALETTE.items()):
        body.append(f'<circle cx="{16 + i * 140}" cy="{height - 12}" r="6" fill="{color}"/>'
                    f'<text x="{26 + i * 140}" y="{height - 8}" font-size="12">{escape(_GROUP_NAMES[group])}</text>')
    return _svg(width, height, body, label)


_GROUP_NAMES = {"organisation": "机构 organisation", "programme": "名单 programme", "place": "地区 place",
                "brand": "品牌 brand", "other": "其他 other"}
