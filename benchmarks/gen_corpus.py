"""Generate a corpus of genre documents for the build benchmarks.

Templates are the project's own texts: the bundled sample and the evaluation documents
(``data/corpus``, ``data/eval*``). Each generated document takes one template and varies it:

- the template's home city (and its short form) becomes another prefecture-level city of the
  lexicon (``data/lexicon/places.tsv``), its province follows;
- the people named in the template's gold file get other names (surnames from the lexicon);
- every Arabic number is scaled by a random factor (years, months and days are kept as years,
  months and days, shifted to another year between 2016 and 2025);
- the metadata header carries the new title, date and place.

The output is deterministic for a given ``--seed``.

    python benchmarks/gen_corpus.py 1000 out/bench-corpus-1000
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = ("data/corpus", "data/eval", "data/eval-holdout")
_HEADER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=\s*(?:年|—|-|－))")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]*\s*(?:年|月|日|号|版|届|批|期|条例))")
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志宏立新文斌海峰玉兰春晓东"


@dataclass(frozen=True)
class Template:
    name: str
    text: str          # body, without a metadata header
    title: str
    city: str          # the home city as written in full (枣庄市), or "" when unknown
    short: str         # its short form (枣庄)
    province: str      # its province (山东省)
    people: tuple[str, ...]


@dataclass(frozen=True)
class City:
    name: str
    short: str
    province: str
    province_short: str


def _places() -> tuple[dict[str, City], list[City]]:
    rows = list(csv.DictReader((ROOT / "data/lexicon/places.tsv").open(encoding="utf-8"), delimiter="\t"))
    by_code = {r["code"]: r for r in rows}
    cities: dict[str, City] = {}
    for r in rows:
        if r["level"] not in ("prefecture", "city") or not r["name"].endswith("市"):
            continue
        prov = by_code.get(r["parent"])
        if prov is None:
            continue
        short = (r["short"].split("|")[0] or r["name"][:-1])
        cities[r["name"]] = City(r["name"], short, prov["name"], prov["short"].split("|")[0] or prov["name"][:2])
    return cities, sorted(cities.values(), key=lambda c: c.name)


def _surnames() -> list[str]:
    lines = (ROOT / "data/lexicon/surnames.txt").read_text(encoding="utf-8").split()
    return [s for s in lines if not s.startswith("#") and len(s) == 1]


def load_templates(cities: dict[str, City]) -> list[Template]:
    out: list[Template] = []
    for d in TEMPLATE_DIRS:
        for path in sorted((ROOT / d).glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            meta: dict[str, str] = {}
            m = _HEADER.match(raw)
            if m:
                for line in m.group(1).splitlines():
                    k, _, v = line.partition(":")
                    meta[k.strip()] = v.strip()
                raw = raw[m.end():]
            gold_path = path.with_name(path.stem + ".gold.json")
            gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
            place = meta.get("place") or gold.get("place") or ""
            city = cities.get(place)
            people = tuple(e["name"] for e in gold.get("entities", []) if e.get("type") == "Person")
            title = meta.get("title") or raw.strip().split("\n", 1)[0][:60]
            out.append(Template(path.stem, raw, title, city.name if city else "", city.short if city else "",
                                city.province if city else "", people))
    return out


def _vary_number(m: re.Match[str], rng: random.Random) -> str:
    text = m.group(1)
    if m.string.startswith(("%", "％"), m.end()):   # a percentage stays a plausible one
        value = float(text)
        decimals = len(text.split(".")[1]) if "." in text else 0
        return f"{min(99.9 if decimals else 99, value * rng.uniform(0.97, 1.02)):.{decimals}f}"
    if "." in text:
        decimals = len(text.split(".")[1])
        value = float(text)
        if value <= 100 and value >= 50:   # a rate: keep it a plausible rate
            return f"{min(99.9, value * rng.uniform(0.97, 1.02)):.{decimals}f}"
        return f"{value * rng.uniform(0.5, 2.0):.{decimals}f}"
    value = int(text)
    if value < 3 or 1990 <= value <= 2035:   # small counts and years stay as they are
        return text
    return str(max(1, round(value * rng.uniform(0.5, 2.0))))


def generate(template: Template, city: City, year: int, rng: random.Random, surnames: list[str]) -> tuple[str, str]:
    """One document varied from ``template``: (title, body)."""
    text, title = template.text, template.title
    if template.city:
        for old, new in ((template.city, city.name), (template.province, city.province), (template.short, city.short)):
            if old:
                text, title = text.replace(old, new), title.replace(old, new)
    for person in template.people:
        new = rng.choice(surnames) + "".join(rng.choice(_GIVEN) for _ in range(max(1, len(person) - 1)))
        text = text.replace(person, new)
    shift = None

    def year_sub(m: re.Match[str]) -> str:
        nonlocal shift
        if shift is None:
            shift = year - int(m.group(1))
        return str(min(2025, max(2010, int(m.group(1)) + shift)))

    text, title = _YEAR.sub(year_sub, text), _YEAR.sub(year_sub, title)
    text = _NUMBER.sub(lambda m: _vary_number(m, rng), text)
    return title, text


def write_corpus(n: int, out_dir: Path, *, seed: int = 20250919) -> list[Path]:
    """Write ``n`` documents to ``out_dir`` (created) and return their paths."""
    cities, city_list = _places()
    templates = load_templates(cities)
    surnames = _surnames()
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i in range(n):
        template = templates[i % len(templates)]
        city = rng.choice(city_list)
        year = rng.randint(2016, 2025)
        title, body = generate(template, city, year, rng, surnames)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        header = f"---\ntitle: {title}\ndate: {date}\nplace: {city.name}\n---\n"
        path = out_dir / f"doc-{i:05d}-{template.name}.txt"
        path.write_text(header + body, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=20250919)
    args = ap.parse_args()
    paths = write_corpus(args.n, args.out_dir, seed=args.seed)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"wrote {len(paths)} documents, {chars:,} characters, to {args.out_dir}")


if __name__ == "__main__":
    main()
