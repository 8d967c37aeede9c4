"""The time window of a check carried to all of its figures.

A bulletin dates its check once, where it is introduced (``今年7月至10月，…开展了网络交易商品质量抽检``,
``2018年第二季度，该局组织…监督抽查``), and then reports the check's results sentence by sentence with no
time words of their own (``经检测，…278个批次合格``; ``无锡市抽检…54个批次``). Those results are of the
same window, not of the whole year: a figure read in a clause of the check whose period was only the
document's year takes the check's window when that window lies inside that year. A check dated by no
window of its own (a category's part, ``在日用及纺织品抽查中，…``) takes the window when the report dated
exactly one check of its kind (a testing service beside a dated spot check keeps its year).
"""

from __future__ import annotations

import dataclasses

from ..model import Entity, Observation


def check_window(windows: dict, check: Entity | None) -> str | None:
    """The window (month range, quarter, half year, month) ``check`` was dated with, or None."""
    if check is None:
        return None
    period = dict(check.attributes).get("refPeriod")
    own = windows.get(check.ref) or (period if period and "-" in period else None)
    kin = {w for ref, w in windows.items() if ref.kind is check.kind}
    if own is None and len(kin) == 1:
        return kin.pop()  # 在日用及纺织品抽查中，…: a part of the report's one dated check (of the same kind)
    return own


def in_check_window(windows: dict, obs: Observation, check: Entity | None, *, carried: bool = False) -> Observation:
    """``obs`` dated with its check's window when the rules gave it only the document's year — or, with
    ``carried`` (its sentence names no time of its own), only the year of the paragraph above
    (``2017年10月19日，某局发布…公告。该局于2017年5月至10月组织开展了…抽查。共抽查195批次``).
    ``windows`` keeps, per check, the window its first figure dated in its own words was given."""
    if check is None:
        return obs
    if obs.period_words and obs.period and "-" in obs.period and obs.subject == check.ref:
        windows.setdefault(check.ref, obs.period)  # 今年7月至10月，…抽检…595个批次: the check's window
        return obs
    window = check_window(windows, check)
    if window is None or not (obs.period_inferred and not obs.period_words or carried) or not obs.period \
            or len(obs.period) != 4 or not window.startswith(obs.period):
        return obs
    return dataclasses.replace(obs, period=window)
