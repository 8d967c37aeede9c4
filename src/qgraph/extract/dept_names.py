"""Full names of departments and the word lists that name no organisation: ``县发改局`` → 某县发展和改革局
(``county_department_names.tsv``), ``电力公司`` names no company (``generic_firm_words.txt``)."""

from __future__ import annotations

from ..lexicon import Department, Lexicon, PlaceInfo, per_lexicon

__all__ = ["county_department_names", "dept_name", "generic_firm_words", "party_offices"]


def dept_name(lex: Lexicon, dep: Department, place: PlaceInfo | None, written: str | None = None) -> str:
    """The full name of ``dep`` at ``place``; ``written`` (the form in the text) picks the county-level
    name (``县发改局`` → 某县发展和改革局) unless it names the committee itself (``发改委``)."""
    if place is None:
        return dep.name
    municipality = place.level == "province" and place.name.endswith("市")  # 天津市工业和信息化局: 局, not 厅
    body = dep.province_name if place.level == "province" and not municipality else dep.name
    county = county_department_names(lex).get(dep.name)
    if place.level == "county" and county and written is not None and not written.endswith(("委", "委员会")):
        body = county
    local = provincial_department_names(lex).get((place.code[:2], dep.name))
    if local is not None and written is not None and written != dep.name:
        body = local  # 审批局 in a 河北 county's report: 行政审批局 (provincial_department_names.tsv)
    return place.name + body


@per_lexicon
def generic_firm_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("generic_firm_words.txt"))


@per_lexicon
def provincial_department_names(lex: Lexicon) -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in lex.table("provincial_department_names.tsv", columns=3, header="province")}


@per_lexicon
def county_department_names(lex: Lexicon) -> dict[str, str]:
    return {r[0]: r[1] for r in lex.table("county_department_names.tsv", columns=2, header="name")}


@per_lexicon
def party_offices(lex: Lexicon) -> dict[str, str]:
    """Offices of a Party committee written short → their names after 委员会 (``party_offices.tsv``):
    listed after one of the committee's departments with the committee elided (县委宣传部、网信办),
    glued to the committee (县委网信办) or after a committee post (县委常委、宣传部部长)."""
    return {r[0]: r[1] for r in lex.table("party_offices.tsv", columns=2, header="written")}


@per_lexicon
def government_heads(lex: Lexicon) -> dict[str, str]:
    """Posts of a government's head or deputy → the elided place prefix each stands for
    (``government_heads.tsv``: 副市长 → 市, 旗长 → 旗)."""
    return {r[0]: r[1] for r in lex.table("government_heads.tsv", columns=2, header="post")}
