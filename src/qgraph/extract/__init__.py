"""The ``extract`` stage: rules and the curated lexicon turn a :class:`Document` into an
:class:`Extraction` — entities and facts, each with the character span it was read from.

>>> from qgraph.model import Document
>>> from qgraph.sources import split_sentences
>>> text = "枣庄市市场监督管理局副局长李震介绍，全市抽查产品685批次，合格率为96.2%。"
>>> ex = extract(Document("d", "d.txt", text, place="枣庄市", sentences=split_sentences(text)))
>>> sorted({e.name for e in ex.entities if e.kind.value == "Person"})
['李震']
"""

from __future__ import annotations

import re
from collections import Counter

from ..lexicon import Lexicon, PlaceInfo, load_lexicon, per_lexicon
from ..model import Document, Extraction, Kind
from .chains import claim_cluster_names, find_chain_awards, find_chain_lists, find_chain_projects, find_chains, find_stations
from .bodies import (find_addressed_bureaus, find_bodies, find_leader_list_bodies, find_heads_named_first, find_party_committees, find_zone_bodies,
                     find_people_named_first)
from .context import Ctx
from .byline_runs import find_byline_runs
from .credits import find_credits
from .vertical_offices import find_vertical_offices
from .inner_places import unmention_inner_places
from .town_bodies import find_town_bodies
from .policy_forms import merge_policy_place_forms
from .recurring_meetings import drop_meetings_held_everywhere
from .shared_system_heads import find_shared_system_heads
from .stamp_outlets import find_stamp_outlets
from .closing_names import find_closing_names
from .places import joined_county
from .blank_brackets import strip_blank_brackets
from .sanction_lists import drop_sanction_lists
from .addressees import drop_addressee_mentions
from .area_frames import mark_area_holdings
from .shared_rates import share_rates_among_checks
from .deference import drop_deference_mentions
from .elided import find_elided_departments
from .groups import find_groups
from .bureau_lists import find_bureau_lists
from .attendees import find_leader_lists
from .bracketed_posts import find_bracketed_posts
from .bare_groups import find_bare_groups
from .chain_departments import find_chain_departments
from .firm_short_names import find_bare_short_firms, find_firm_short_names
from .winners import find_person_winners, drop_team_recipients
from .award_counts import find_award_counts
from .award_places import elided_award_home
from .calibrate import calibrate_confidence, drop_headline_repeats, flag_collisions, merge_repeats
from .certainty import drop_restated, drop_rounded_restatements, mark_uncertain_places
from .example_owners import mark_example_makers
from .joined_grades import mark_joined_grades
from .procedure_counts import mark_procedure_counts
from .rank_ranges import drop_rank_range_ends
from .ranked_categories import ranked_lists
from .back_shared_values import share_back_referenced_values
from .milestones import mark_future_milestones
from .segment_categories import list_segment_categories
from .placed_quotes import place_quoted_programmes
from .dedupe import (full_suffix_forms, mark_rementions, merge_check_short_forms, merge_event_short_forms, merge_listings,
                     merge_programme_short_forms, merge_short_forms)
from .enumerations import (
    date_listings,
    find_category_lists,
    find_mixed_lists,
    find_numbered_lists,
    find_regional_brands,
)
from .owners import projects_of_place
from .programmes import chain_projects_of_listings, find_batch_lists, link_chain_programmes
from .listings import find_listings
from .co_recipients import find_co_recipients
from .honour_items import find_honour_items
from .named_winners import find_named_winners, find_unquoted_grants, winners_in_next_sentence
from .ordinal_events import find_ordinal_events
from .honour_series import split_honour_series
from .published_lists import find_published_lists
from .named import (
    QUOTE_RE,
    TITLE_RE,
    find_lexicon_programmes,
    find_policies,
    find_quotes,
)
from .event_names import place_event_names
from .meetings import find_events_before_verb, find_framed_meetings, find_meetings, join_before_ji, restore_elided_places, trim_event_leads
from .orgs import find_organizations
from .people import MEDIA_HINT, find_bylines, find_comrades, find_people
from .gates import mark_unsure_subjects
from .subject_owners import assign_subject_owners
from .false_gates import gate_false_figures
from .clause_scope import scope_subjects
from .honour_titles import find_honour_titles
from .homes import national_title, weakly_placed
from .indexes import place_name_prefixes
from .preliminary import drop_preliminary_listings, mark_preliminary_figures
from .short_names import resolve_short_names
from .speakers import find_speakers
from .outlets import paper_then_outlet, drop_outlet_roles, find_dateline_outlets, find_media_lists, find_outlets
from .drive_groups import find_drive_groups
from .places import find_place_pairs, find_places, find_province_composites, find_towns
from .quoted_items import find_quoted_items
from .recipients import find_line_lists, listed_examples, winners_named_after
from .running_totals import find_running_totals
from .award_holdings import find_award_holdings
from .place_listings import find_place_listings
from .place_honour_lists import find_place_honour_lists
from .flow_periods import as_of_programme_totals, flow_periods, stock_periods
from .periods import date_award_figures
from .share_parts import share_parts
from .figure_qualifiers import mark_share_places
from .occasion_months import occasion_months
from .platforms import find_platforms
from .unquoted_plans import find_unquoted_plans
from .sibling_programmes import find_sibling_programmes
from .certification_marks import find_certification_marks, mark_user_counts
from .winner_figures import find_winner_figures
from .award_winners import find_award_winners
from .prize_money import (find_prize_money, find_prizes_after_winners, find_prizes_per_winner, mark_each_winners_prizes,
                          unsure_after_coordinated_awards)
from .designations import find_designations
from .applicants import find_applicants, find_round_counts
from .failed_items import find_failed_items
from .certified_counts import find_certified_counts
from .notice_lists import find_notice_lists
from .programme_parts import find_programme_parts
from .stats import find_statistics
from .table_rows import find_table_rows
from .stat_tables import find_stat_tables
from .owned_product_lists import find_owned_product_lists
from .glued_names import find_glued_names
from .sub_awards import find_sibling_grades
from .cause_shares import find_cause_shares
from .check_containers import find_contained_parts
from .check_reach import limit_check_reach
from .wider_wholes import mark_wider_wholes
from .system_scope import mark_system_reach
from .kind_counts import mark_named_category_kinds, mark_shared_value_readings
from .joined_levels import mark_joined_level_programmes
from .quoted_product_figures import quoted_product_figures
from .zone_references import zone_references
from .stock_parts import stock_parts
from .own_list_clauses import own_list_clauses
from .back_places import back_places
from .object_places import reassign_object_places
from .unnamed_actors import mark_unnamed_actors
from .member_groups import find_member_groups
from .rule_articles import mark_rule_articles
from .bare_lists import mark_bare_lists

if getattr(re, "_MAXCACHE", 4096) < 4096:
    # The rules match about 900 distinct literal patterns (re.search(r"…", …) inside functions); re's
    # own cache keeps 512, so at that size it thrashed and recompiled patterns on every document.
    re._MAXCACHE = 4096

__all__ = ["extract", "document_place"]

WIRE_DATELINE_RE = re.compile(r"(?:本报|新华社|中新社|中新网|人民网|新华网|央视网)(?P<place>[\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日电")
"""``本报北京3月2日电``: where the reporter filed from, not what the report is about."""
NATIONAL_RE = re.compile(r"我国|全国|市场监管总局|国家市场监督管理总局")
NATIONAL_TITLE_RE = re.compile(r"(?:市场监管总局|国家市场监督管理总局|国家质检总局|质检总局|国务院|国家[\u4e00-\u9fff]{0,8}?局)(?:关于|发布|公布|通报)")
"""``市场监管总局关于2023年…国家监督抽查情况的公告``: a national body's report; the provinces it ranks are not its place."""
SOURCE_RE = re.compile(r"[（(]?来源[：:][ \t\u3000]*(?P<src>(?:(?!\d{4}[-/.年]\d{1,2})[^\s）)，,。〡|｜/、：:]){2,20})")
"""A page stamp's source field, up to a date glued to it (``来源: 某某网2023-01-10 09:30``: the date is no part)."""


def extract(document: Document, lexicon: Lexicon | None = None) -> Extraction:
    """Read every entity and fact of ``document``."""
    lex = lexicon or load_lexicon()
    ctx = Ctx(doc=document, lex=lex)
    home = document_place(document, lex)
    _set_home(ctx, home)
    award_home = elided_award_home(ctx)
    if award_home is not None and home is None:  # 县长质量奖 in a county's decision: the county is the document's place
        _set_home(ctx, award_home[0])
        home = award_home[0]
    elif award_home is not None and award_home[1]:  # a city's report of a county's award: the award's place only
        ctx.award_place = award_home[0]
    ctx.home_weak = weakly_placed(document, lex, home)
    if document.date is not None:
        ctx.year = str(document.date.year)
    for m in TITLE_RE.finditer(document.text):
        ctx.claim(m.start(), m.end())
    for m in QUOTE_RE.finditer(document.text):
        ctx.claim(m.start(), m.end())
    _publisher(ctx)
    find_stamp_outlets(ctx)
    find_outlets(ctx)
    find_dateline_outlets(ctx)
    find_media_lists(ctx)
    find_credits(ctx)
    find_vertical_offices(ctx)
    find_drive_groups(ctx)
    find_organizations(ctx)
    find_elided_departments(ctx)
    find_groups(ctx)
    find_bare_groups(ctx)
    find_chain_departments(ctx)
    full_suffix_forms(ctx)
    find_firm_short_names(ctx)
    find_bare_short_firms(ctx)
    find_mixed_lists(ctx)
    find_bodies(ctx)
    find_leader_list_bodies(ctx)
    find_bureau_lists(ctx)
    find_party_committees(ctx)
    find_town_bodies(ctx)
    find_zone_bodies(ctx)
    find_addressed_bureaus(ctx)
    find_elided_departments(ctx)  # again: after a Party committee's department (县委宣传部、网信办)
    find_policies(ctx)
    find_unquoted_plans(ctx)
    find_events_before_verb(ctx)
    find_quotes(ctx)
    find_meetings(ctx)
    find_ordinal_events(ctx)
    join_before_ji(ctx)
    find_framed_meetings(ctx)
    place_event_names(ctx)
    find_regional_brands(ctx)
    find_shared_system_heads(ctx)
    find_lexicon_programmes(ctx)
    find_certification_marks(ctx)
    find_platforms(ctx)
    find_sibling_programmes(ctx)
    find_sibling_grades(ctx)
    resolve_short_names(ctx)
    find_person_winners(ctx)
    find_people(ctx)
    find_comrades(ctx)
    find_leader_lists(ctx)
    find_bracketed_posts(ctx)
    find_people_named_first(ctx)
    find_heads_named_first(ctx)
    find_bylines(ctx)
    find_closing_names(ctx)
    find_speakers(ctx)
    find_byline_runs(ctx)
    claim_cluster_names(ctx)
    find_chain_lists(ctx)
    find_chains(ctx)
    find_chain_projects(ctx)
    find_chain_awards(ctx)
    link_chain_programmes(ctx)
    find_batch_lists(ctx)
    find_stations(ctx)
    find_published_lists(ctx)
    find_listings(ctx)
    split_honour_series(ctx)
    find_unquoted_grants(ctx)
    find_honour_titles(ctx)
    find_quoted_items(ctx)
    find_numbered_lists(ctx)
    find_line_lists(ctx)
    find_table_rows(ctx)
    find_owned_product_lists(ctx)
    find_glued_names(ctx)
    chain_projects_of_listings(ctx)
    find_province_composites(ctx)
    find_place_pairs(ctx)
    find_places(ctx)
    find_towns(ctx)
    find_place_honour_lists(ctx)
    mark_rementions(ctx)
    find_statistics(ctx)
    find_stat_tables(ctx)
    find_cause_shares(ctx)
    find_award_counts(ctx)
    listed_examples(ctx)
    winners_named_after(ctx)
    find_named_winners(ctx)
    find_winner_figures(ctx)
    find_award_winners(ctx)
    winners_in_next_sentence(ctx)
    drop_team_recipients(ctx)
    find_prize_money(ctx)
    find_prizes_after_winners(ctx)
    find_prizes_per_winner(ctx)
    unsure_after_coordinated_awards(ctx)
    find_applicants(ctx)
    find_round_counts(ctx)
    find_designations(ctx)
    find_programme_parts(ctx)
    find_running_totals(ctx)
    find_certified_counts(ctx)
    find_failed_items(ctx)
    find_notice_lists(ctx)
    find_award_holdings(ctx)
    find_place_listings(ctx)
    flow_periods(ctx)
    stock_periods(ctx)
    as_of_programme_totals(ctx)
    share_parts(ctx)
    mark_share_places(ctx)
    find_category_lists(ctx)
    find_co_recipients(ctx)
    find_honour_items(ctx)
    _link_places(ctx)
    date_listings(ctx)
    strip_blank_brackets(ctx)
    merge_short_forms(ctx)
    merge_programme_short_forms(ctx)
    merge_policy_place_forms(ctx)
    place_quoted_programmes(ctx)
    trim_event_leads(ctx)
    drop_meetings_held_everywhere(ctx)
    restore_elided_places(ctx)
    merge_event_short_forms(ctx)
    merge_check_short_forms(ctx)
    merge_listings(ctx)
    drop_preliminary_listings(ctx)
    list_segment_categories(ctx)
    drop_headline_repeats(ctx)
    projects_of_place(ctx)
    date_award_figures(ctx)
    merge_repeats(ctx)
    drop_restated(ctx)
    drop_rounded_restatements(ctx)
    drop_rank_range_ends(ctx)
    flag_collisions(ctx)
    find_contained_parts(ctx)
    limit_check_reach(ctx)
    reassign_object_places(ctx)
    mark_rule_articles(ctx)
    mark_bare_lists(ctx)
    mark_unsure_subjects(ctx)
    drop_outlet_roles(ctx)
    mark_preliminary_figures(ctx)
    mark_uncertain_places(ctx)
    mark_wider_wholes(ctx)
    mark_unnamed_actors(ctx)
    find_member_groups(ctx)
    mark_example_makers(ctx)
    mark_joined_grades(ctx)
    mark_procedure_counts(ctx)
    occasion_months(ctx)
    mark_user_counts(ctx)
    drop_addressee_mentions(ctx)
    drop_deference_mentions(ctx)
    drop_sanction_lists(ctx)
    unmention_inner_places(ctx)
    assign_subject_owners(ctx)
    ranked_lists(ctx)
    share_back_referenced_values(ctx)
    scope_subjects(ctx)
    share_rates_among_checks(ctx)
    mark_each_winners_prizes(ctx)
    gate_false_figures(ctx)
    mark_area_holdings(ctx)
    mark_future_milestones(ctx)
    mark_system_reach(ctx)
    mark_named_category_kinds(ctx)
    mark_shared_value_readings(ctx)
    mark_joined_level_programmes(ctx)
    quoted_product_figures(ctx)
    zone_references(ctx)
    stock_parts(ctx)
    own_list_clauses(ctx)
    back_places(ctx)
    calibrate_confidence(ctx)
    return Extraction(
        document=document,
        entities=tuple(ctx.entities),
        relations=tuple(ctx.relations),
        posts=tuple(ctx.posts),
        listings=tuple(ctx.listings),
        chain_projects=tuple(ctx.chain_projects),
        observations=tuple(ctx.observations),
        warnings=tuple(ctx.warnings),
    )


COUNTY_DOC_RE = re.compile(r"全县|县委|县政府|我县|本县|该县|全区|区委|区政府|我区|县市场监管局|县市场监督管理局|县政协|县人大"
                           r"|(?<![\u4e00-\u9fff])县融媒体中心"
                           r"|区市场监管局|区市场监督管理局|(?<=[、，,])县[\u4e00-\u9fff]{1,5}?(?:局|委)")
"""Words of a county's (or district's) own report: 全县, 县委, 县政协, its bureau (某县市场监管局), its newsroom
opening a byline (（县融媒体中心记者…）), its departments listed
(…联合县卫健委、县农业农村局…): twice make the county named in the text the report's place."""


COUNTY_SELF_WORDS_RE = re.compile(r"我县|本县|全县")
"""A county's words for itself."""


RANKING_FRAME_RE = re.compile(r"(?:走在|位居|位列|居于|处于|排在|跻身)[^，。；,;\n]{0,24}?前列")
"""A ranking frame (``各项工作走在某市、全省乃至全国前列``): the places in it are yardsticks the report measures
its own place against, never the report's place."""


@per_lexicon
def _yardstick_re(lex: Lexicon) -> re.Pattern[str]:
    """A yardstick frame (``仅次于甲省和乙省``; ``yardstick_leads.txt``) up to the end of its clause."""
    leads = lex.alternation("yardstick_leads.txt")
    return re.compile(rf"(?:{leads})[^，。；,;\n\d]{{0,16}}")


COUNTY_SELF_RE = re.compile(r"该县|全县|我县|本县")
"""How a county's report names the county again."""
def _province_city(lex: Lexicon, place: PlaceInfo) -> bool:
    """Whether ``place`` is a county-level city under its province directly (no prefecture above it, 济源市): in a
    city's report (我市, 市委) naming its province it stands for the city, as a prefecture does."""
    parent = lex.place(place.parent) if place.parent else None
    return place.level == "county" and place.name.endswith("市") and parent is not None and parent.level == "province"


def document_place(document: Document, lex: Lexicon) -> PlaceInfo | None:
    """The place a document is about: its metadata, else the prefecture or province named most."""
    if document.place:
        cands = lex.place_names.get(document.place)
        if cands:
            return sorted(cands, key=lambda c: ("province prefecture county country".split().index(c.level), c.code))[0]
        nested = _nested_place(lex, document.place)
        if nested is not None:
            return nested
    if document.title and NATIONAL_TITLE_RE.match(document.title) and not _names_place(lex, document.title):
        return lex.places.get("000000")
    if national_title(lex, document.title, lambda t: _names_place(lex, t, below_country=True)):
        return lex.places.get("000000")  # 我国农产品地理标志已达…: the country's, whatever provinces it compares
    counts: Counter[str] = Counter()
    text = document.text[:4000]
    if document.title and document.title not in text[:200]:
        text = document.title + "\n" + text  # a title kept only in the header still names the report's place
    if len(NATIONAL_RE.findall(text)) >= 2:  # a national report filed from the capital is no report on Beijing
        text = WIRE_DATELINE_RE.sub(lambda m: " " * len(m.group()), text)
    text = RANKING_FRAME_RE.sub(lambda m: " " * len(m.group()), text)  # 走在某市、全省乃至全国前列: a yardstick
    text = _yardstick_re(lex).sub(lambda m: " " * len(m.group()), text)  # 仅次于甲省和乙省: yardsticks too
    county_doc = len(COUNTY_DOC_RE.findall(text)) >= 2
    venues = tuple(lex.words("place_venue_words.txt"))  # 在某地分会场: a short name of the place itself
    levels = ("prefecture", "province", "county")
    i = 0
    while i < len(text):
        for length in _name_lengths_at(lex, text, i):
            cands = [c for c in lex.place_names.get(text[i:i + length], ()) if c.level in levels and (
                c.level != "county" or county_doc or text.startswith(venues, i + length)
                or (c.name == text[i:i + length] and c.name.endswith("市")))
                and not joined_county(lex, text, i, i + length, c)]  # 政府和县质量发展委员会, 领导和县质监局: no 和县
            if len(cands) > 1:  # 晋城市城区: of the districts so named, the one of the city written before it
                own = [c for c in cands if (parent := lex.place(c.parent)) is not None
                       and any(len(f) >= 2 and text.endswith(f, 0, i) for f in (parent.name, *parent.short))]
                cands = own or cands
            if cands:
                full = any(c.name == text[i:i + length] for c in cands) or _prefecture_form(cands, text[i:i + length])
                follows = text[i + length:i + length + 1]
                if full or not ("\u4e00" <= follows <= "\u9fff") or follows == "的" \
                        or text.startswith(venues, i + length):  # not 山东 of 山东金锣食品; 某省的甲公司 is the place's
                    for cand in cands:
                        weight = {"prefecture": 2, "province": 1, "county": 3 if county_doc else 1}[cand.level]
                        counts[cand.code] += weight * (2 if full else 1) + (3 if not counts else 0)
                        # the first place a report names is usually its own
                i += length - 1
                break
            if length > 2 and any(c.name == text[i:i + length] and c.level == "county"
                                  for c in lex.place_names.get(text[i:i + length], ())):
                i += length - 1  # 巴州区 is a district's full name: no 巴州 (another prefecture's short name) in it
                break
        i += 1
    if not counts and re.search(r"我市|本市|全市", text):
        for i in range(len(text) - 1):  # 43家苏州企业…我市: a short name is all there is
            for length in (2, 3):
                for cand in lex.place_names.get(text[i:i + length], ()):
                    if cand.level == "prefecture" or (cand.level == "province" and cand.name.endswith("市")):
                        counts[cand.code] += 1  # 本市…对某直辖市的讲话: a municipality is a city too
    if not counts and county_doc and re.search(r"我县|本县|全县", text):
        common = set(lex.words("common_word_place_names.txt"))
        for i in range(len(text) - 1):  # 某地杨梅…我县: a county's report that writes only its short name
            word = text[i:i + 2]
            cands = [c for c in lex.place_names.get(word, ()) if c.level == "county" and c.name != word]
            if len(cands) == 1 and word not in common:
                counts[cands[0].code] += 1
        if len(counts) > 1:
            counts.clear()  # several counties written short: no guess
    if not counts and (_province_doc(text, False) or (PROVINCE_SELF_RE.search(text) and not CITY_DOC_RE.search(text))):
        for i in range(len(text) - 1):  # 我省…打造某省特色品牌: a province's report that writes only its short name
            for length in (2, 3):
                for cand in lex.place_names.get(text[i:i + length], ()):
                    if cand.level == "province":
                        counts[cand.code] += 1
    if not counts and PROVINCE_DOC_RE.search(text) and not (CITY_DOC_RE.search(text) or COUNTY_DOC_RE.search(text)):
        named = {cand.code for i in range(len(text) - 1) for length in (2, 3)
                 for cand in lex.place_names.get(text[i:i + length], ()) if cand.level == "province"}
        if len(named) == 1:  # 全省…对某省工作的指示…新某省: a province's plan that never writes 我省, its one name
            counts[named.pop()] = 1
    if not counts:
        counties = _full_counties(lex, text)
        parents = {lex.place(c.parent) for c in counties}
        city = parents.pop() if len(parents) == 1 else None
        if len(counties) >= 3 and city is not None and city.level == "prefecture":
            counts[city.code] = 1  # 巴州区、恩阳区、南江县… and no city named: the one city they are all in
        elif len(counties) == 1 and COUNTY_SELF_RE.search(text):
            counts[next(iter(counties)).code] = 1  # 今年某县…，该县…: the one county named in full, speaking of itself
    if not counts:
        owner = _publishing_county_city(lex, document.publisher or "", None)
        return owner if owner is not None and CITY_DOC_RE.search(text) else None
    counties = [c for c in counts if lex.places[c].level == "county"]
    if county_doc and len(counties) == 1 and COUNTY_SELF_WORDS_RE.search(text) and all(
            c in {a.code for a in lex.ancestors(lex.places[counties[0]])} for c in counts if c != counties[0]):
        return lex.places[counties[0]]  # 我县…《某省…计划》涉及某县的目标: a county's report, the rest its province, city
    raw = Counter(counts)
    if not county_doc:  # 祁阳市…东安县… in a 永州 report: its counties' mentions speak of the city too
        for code, n in list(counts.items()):
            parent = lex.places[code].parent
            if lex.places[code].level == "county" and parent in counts and lex.places[parent].level == "prefecture":
                counts[parent] += n
    code, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if lex.places[code].level == "prefecture":
        own = _own_county(lex, raw, code, len(COUNTY_DOC_RE.findall(text)) >= 3, document.title or "")
        if own is not None:
            return own
        owner = _publishing_county_city(lex, document.publisher or "", code)
        if owner is not None and CITY_DOC_RE.search(text):
            return owner
    city_words = len(CITY_DOC_RE.findall(text))
    city_doc = city_words >= 2
    if lex.places[code].level == "prefecture":
        province = _own_province(lex, raw, code)
        if province is not None and _province_doc(text, province.name.endswith("自治区")):
            return province
    if not city_doc:
        region = _own_region(lex, text, code)
        if region is not None:
            return region
        province = _own_province_words(lex, text, code)
        if province is not None:
            return province
    if city_doc and lex.places[code].level == "province":
        cities = {c: n for c, n in counts.items() if lex.places[c].level == "prefecture" or _province_city(lex, lex.places[c])}
        if not cities:  # 聊城有效注册商标… in a city's report naming 山东省著名商标: the city's short name counts
            cities = Counter(c.code for i in range(len(text) - 1) for length in (2, 3)
                             for c in lex.place_names.get(text[i:i + length], ())
                             if (c.level == "prefecture" or _province_city(lex, c)) and c.parent == code)
        if cities:
            code, _ = max(cities.items(), key=lambda kv: (kv[1], kv[0]))
    return lex.places[code]


def _publishing_county_city(lex: Lexicon, publisher: str, code: str | None) -> PlaceInfo | None:
    """A county-level city (under the prefecture ``code``, if given) whose body publishes the report
    (``政协某某市委员会``, ``某某市人民政府``): its 全市 / 市委 / 市政协 are its own, not the prefecture's."""
    body = publisher.removeprefix("政协").removeprefix("中共")
    if not re.search(r"(?:委员会|人民政府|政府|局|委)$", body):
        return None
    for n in range(min(8, len(body)), 2, -1):
        cands = [c for c in lex.place_names.get(body[:n], ()) if c.level == "county" and code in (None, c.parent)
                 and c.name == body[:n] and c.name.endswith("市")]
        if len(cands) == 1:
            return cands[0]
    return None


CITY_DOC_RE = re.compile(r"全市|市委|市政府|我市|本市|市市场监管局|市市场监督管理局")
"""Words of a city's own report (全市, 我市, 市政府 …)."""

PROVINCE_DOC_RE = re.compile(r"全省(?![第前平均首排])|全区(?![第前平均首排])")
"""Words of a province's own report (全省 — not in a ranking or a comparison: 位居全省第一, 高于全省平均). With
its words for itself (``PROVINCE_SELF_RE``, at least one), more of them than of a city's, at least two, make a
report naming several of the province's cities the province's own. Bodies (省政府, 省市场监管局) are no such
words: a city's report names them as actors."""

PROVINCE_SELF_RE = re.compile(r"我省|本省")
REGION_SELF_RE = re.compile(r"我区|自治区(?:党委|政府|人民政府|[\u4e00-\u9fff]{1,4}?(?:局|厅|委))")
"""A province's words for itself (我省); an autonomous region's (我区, 自治区质监局 — its own bodies written short)."""


def _province_doc(text: str, region: bool) -> bool:
    """``text`` is a province's own report by its words (``PROVINCE_DOC_RE``), not a city's; ``region``: the
    province is an autonomous region, whose self-words (``REGION_SELF_RE``) count too."""
    selfs = len(PROVINCE_SELF_RE.findall(text)) + (len(REGION_SELF_RE.findall(text)) if region else 0)
    return selfs >= 1 and selfs + len(PROVINCE_DOC_RE.findall(text)) >= max(2, len(CITY_DOC_RE.findall(text)) + 1)


def _own_province(lex: Lexicon, raw: Counter[str], city: str) -> PlaceInfo | None:
    """The province whose own report this is (我省…甲市…、乙市…、丙市… in a provincial press release): the
    winning city's province, when the text names the province itself or two or more of its cities — one city
    named with 全省 (位居全省第一) stays the city's report, as the caller asks for more province words than city
    words."""
    parent = lex.places[city].parent
    if parent is None or parent not in lex.places or lex.places[parent].level != "province":
        return None
    cities = {c for c in raw if lex.places[c].level == "prefecture" and lex.places[c].parent == parent}
    if parent in raw or len(cities) >= 2:
        return lex.places[parent]
    return None


REGION_OWN_RE = re.compile(r"(?:全区|全自治区|质量强区|自治区(?!级|主席|人民政府|党委)(?=[\u4e00-\u9fff]))")
"""A region's own words (全区, 自治区质监局…, 质量强区) in a report the rules placed in one of its cities."""


PROVINCE_OWN_RE = re.compile(r"我省|全省|本省|省委|省政府")


def _own_province_words(lex: Lexicon, text: str, code: str) -> PlaceInfo | None:
    """``我省坚持试点带动…赣州市现代家具产业…``: a province's own report (its own words written three times, no
    city's) that names one of its cities most is still the province's — unless the first line names that city
    (``铁岭一产业链入围…``, a city's report that speaks of 全省 twice)."""
    place = lex.places[code]
    if place.level != "prefecture" or place.parent is None or len(PROVINCE_OWN_RE.findall(text)) < 3:
        return None
    first = text.lstrip().split("\n", 1)[0]
    if any(n in first for n in (place.name, *place.short)):
        return None
    return lex.places.get(place.parent)


def _prefecture_form(cands: list[PlaceInfo], word: str) -> bool:
    """``红河州``, ``黔东南州``: an autonomous prefecture's written form (its short name and 州) is as sure a
    mention as its full name, also glued to what follows (红河州人民政府)."""
    return word.endswith("州") and any(c.name.endswith("自治州") and c.name != word for c in cands)


def _own_region(lex: Lexicon, text: str, code: str) -> PlaceInfo | None:
    """``2018年全区“质量月”活动启动仪式在银川市某广场举行。自治区质监局、农牧厅…``: the winning city is only
    the venue of an autonomous region's own report. Its elided 自治区 (outside the region's full name) and
    全区 written three times, and the city named by no 市 word (全市, 市委, …), make it the region's."""
    place = lex.places[code]
    if place.level != "prefecture" or place.parent is None:
        return None
    region = lex.places.get(place.parent)
    if region is None or not region.name.endswith("自治区"):
        return None
    bare = text.replace(region.name, "")
    return region if len(REGION_OWN_RE.findall(bare)) >= 3 else None


def _own_county(lex: Lexicon, raw: Counter[str], city: str, county_doc: bool, title: str) -> PlaceInfo | None:
    """A county of the winning city that is the report's own: in a county's report (its own words, 全县 /
    县政府 / 县某局, three times) the one county of that city it names (廊坊市…会议后，固安县立即召开…); in any
    report a county-level city named more than its city (宁国市 three times, 宣城 once) when the title does
    not name the city (永州12个品牌入选…: the city's report, whatever its counties' firms)."""
    kids = {c: n for c, n in raw.items() if lex.places[c].level == "county" and lex.places[c].parent == city}
    if county_doc and len(kids) == 1:
        return lex.places[next(iter(kids))]
    if lex.places[city].name[:2] in title:
        return None
    cities = [c for c, n in kids.items() if lex.places[c].name.endswith("市") and n > raw.get(city, 0)]
    return lex.places[cities[0]] if len(cities) == 1 and len(kids) == 1 else None


def _nested_place(lex: Lexicon, written: str) -> PlaceInfo | None:
    """``济南市市中区``: a district or county written after its city (a name several cities' districts share),
    the one whose parent the head names."""
    for i in range(2, len(written) - 1):
        parents = {c.code for c in lex.place_names.get(written[:i], ())}
        found = [c for c in lex.place_names.get(written[i:], ()) if c.parent in parents]
        if parents and len(found) == 1:
            return found[0]
    return None


def _names_place(lex: Lexicon, text: str, below_country: bool = False) -> bool:
    """``text`` names a place (with ``below_country``, one that is not the country: 我国 is none)."""
    return any(not below_country or any(c.level != "country" for c in lex.place_names.get(text[i:i + n], ()))
               for i in range(len(text)) for n in _name_lengths_at(lex, text, i))


def _full_counties(lex: Lexicon, text: str) -> set[PlaceInfo]:
    """The county-level places ``text`` names by their full names (巴州区, 南江县)."""
    out: set[PlaceInfo] = set()
    for i in range(len(text) - 2):
        for length in (3, 4, 5):
            for c in lex.place_names.get(text[i:i + length], ()):
                if c.level == "county" and c.name == text[i:i + length]:
                    out.add(c)
    return out


def _name_lengths_at(lex: Lexicon, text: str, i: int) -> list[int]:
    """The lengths from 8 down to 2 at which ``text[i:i + length]`` is a place name (what trying every
    length finds, walking only the names' beginnings; at the text's end what is left counts)."""
    names, prefixes = lex.place_names, place_name_prefixes(lex)
    n = len(text)
    out: list[int] = []
    end = i + 1
    while end <= min(i + 8, n) and text[i:end] in prefixes:
        if end - i >= 2 and text[i:end] in names:
            out.append(end - i)
        end += 1
    if n - i < 2 and text[i:] in names:
        out.append(2)  # a slice past the end is what is left of the text
    return out[::-1]


def _set_home(ctx: Ctx, place: PlaceInfo | None) -> None:
    if place is None or place.level == "country":
        ctx.country = ctx.lex.places.get("000000")
        return
    chain = [place, *ctx.lex.ancestors(place)]
    for p in chain:
        if p.level == "county" and ctx.county is None:
            ctx.county = p
        elif p.level == "prefecture" and ctx.city is None:
            ctx.city = p
        elif p.level == "province" and ctx.province is None:
            ctx.province = p
    if ctx.city is None and ctx.province is not None and ctx.province.code[2:4] == "00" and ctx.province.name in ("北京市", "天津市", "上海市", "重庆市"):
        ctx.city = ctx.province


def _source_name(ctx: Ctx, written: str) -> str:
    """A ``来源：`` line's outlet without the stamp that runs on after it (``来源：某号收集编辑：某号``) or its channel
    (``某某网-某地频道``, ``channel_endings.txt``): cut at a colon, then at a stamp word (``publication_stamp_words.txt``: 编辑) or a word of relaying
    (``source_tail_words.txt``: 收集, 整理) ending it."""
    name = re.split(r"[：:]", written, maxsplit=1)[0]
    dash = re.search(r"[-－—]+", name)
    if dash is not None and dash.start() >= 2 and name.endswith(ctx.lex.words("channel_endings.txt")):
        name = name[:dash.start()]  # 某某在线-某地频道: the outlet, its channel is no organisation
    tails = tuple(ctx.lex.words("publication_stamp_words.txt", longest_first=True)) \
        + tuple(ctx.lex.words("source_tail_words.txt", longest_first=True))
    changed = True
    while changed and len(name) > 2:
        changed = False
        for w in tails:
            if len(w) >= 2 and name.endswith(w) and len(name) - len(w) >= 2:
                name, changed = name[:-len(w)], True
                break
    return name


OWN_SITE_MARKS = ("本网", "本报", "本台", "本站", "本刊")
"""How a page names its own site (来源：本网, 本站原创): no outlet's name."""
OWN_PAPER_RE = re.compile(r"本报(?=讯|记者|评论员|通讯员)")
"""How a paper names itself at the head of its own article (本报讯): the header's publisher."""


def _stamp_label(ctx: Ctx, name: str) -> bool:
    """Whether a ``来源：`` field's text is only the label of the next field (``来源： 作者：``: an empty source)."""
    return name in ctx.lex.words("publication_stamp_words.txt")


def _publisher(ctx: Ctx) -> None:
    for m in SOURCE_RE.finditer(ctx.text):
        name = _source_name(ctx, m.group("src"))
        if name.startswith(OWN_SITE_MARKS) or name in ("网络", "综合") or _stamp_label(ctx, name) or re.search(r"(?:局|厅|委|部|办公室|政府|办|中心)$", name):
            continue  # a government source is found by the organisation rules
        if not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
            continue  # 来源:   2017-11-28 10:00: a page stamp's date, no outlet
        alias = ctx.lex.org_aliases.get(name)
        ctx.add(alias.kind if alias else Kind.MEDIA, alias.canonical if alias else name, m.start("src"), m.end("src"))
        ctx.claim(m.start("src"), m.end("src"))
        written = m.group("src")
        if written != name:  # 某某在线-某地频道讯: the source written again in the dateline is the same outlet
            at = ctx.text.find(written, m.end("src"), m.end("src") + 300)
            if at != -1 and not ctx.overlaps_claim(at, at + len(written)):
                ctx.add(alias.kind if alias else Kind.MEDIA, alias.canonical if alias else name, at, at + len(written))
                ctx.claim(at, at + len(written))
    pub = _source_name(ctx, ctx.doc.publisher or "")
    if not pub or pub.startswith(OWN_SITE_MARKS) or _stamp_label(ctx, pub):
        return  # 来源：本网, 本站原创 — the page's own site, no name; 来源： 作者： — an empty field before a label
    alias = ctx.lex.org_aliases.get(pub)
    if alias is None and not MEDIA_HINT.search(pub):
        return  # a government publisher is found by the organisation rules
    i = ctx.text.find(pub)
    kind = alias.kind if alias else Kind.MEDIA
    name = alias.canonical if alias else pub
    if i == -1 and (own := OWN_PAPER_RE.search(ctx.text, 0, 120)) is not None and kind is Kind.MEDIA:
        ctx.add(kind, name, own.start(), own.end(), aliases=(own.group(),))  # 本报讯 under a paper's header: the paper
        ctx.claim(own.start(), own.end())
        return
    if i == -1 or i > 200 or ctx.overlaps_claim(i, i + len(pub)):
        return
    parts = re.split(r"[-－—]", pub)
    if alias is None and len(parts) > 1 and all(len(p) >= 2 and MEDIA_HINT.search(p) for p in parts):
        at = i  # 某某新闻网-某某报: two outlets of one dateline, each a media organisation
        for part in parts:
            ctx.add(Kind.MEDIA, part, at, at + len(part))
            at += len(part) + 1
        ctx.claim(i, i + len(pub))
        return
    cut = paper_then_outlet(pub) if alias is None else None
    if cut is not None:  # 某某都市报某某新闻: a paper and its news app, two outlets
        ctx.add(Kind.MEDIA, pub[:cut], i, i + cut)
        ctx.add(Kind.MEDIA, pub[cut:], i + cut, i + len(pub))
    else:
        ctx.add(kind, name, i, i + len(pub))
    ctx.claim(i, i + len(pub))


NAME_ONLY_PLACE = frozenset({Kind.ENTERPRISE, Kind.UNIVERSITY, Kind.RESEARCH_INSTITUTE, Kind.RESEARCH_CENTRE,
                             Kind.ASSOCIATION, Kind.MEDIA})


def _link_places(ctx: Ctx) -> None:
    """Every place an entity names becomes a Place entity of the document too (without a mention of
    its own it still needs provenance: it takes the span of the entity naming it)."""
    have = {e.name for e in ctx.entities if e.kind is Kind.PLACE}
    for e in list(ctx.entities):
        if e.kind in NAME_ONLY_PLACE:
            continue  # 厦门ABB…有限公司, 中国计量大学: a place inside a company's name is no place mention
        if e.place and e.place not in have and e.kind is not Kind.PLACE:
            info = ctx.lex.place_named(e.place)
            if info is None:
                continue
            ctx.add(Kind.PLACE, info.name, e.span.start, e.span.end, level=info.admin_level,
                    attributes=(("code", info.code), ("implicit", "true")))
            have.add(info.name)
