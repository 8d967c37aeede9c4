"""Typed values passed between pipeline stages.

Every value is a frozen dataclass. Offsets are Unicode code points into
:attr:`Document.text`, and ``document.text[span.start:span.end] == span.text``
holds for every span the extractor produces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum


class Kind(str, Enum):
    """Entity classes the extractor emits; values are local names in the ``qg:`` ontology."""

    GOVERNMENT_BODY = "GovernmentBody"
    DEPARTMENT = "GovernmentDepartment"
    ENTERPRISE = "Enterprise"
    RESEARCH_INSTITUTE = "ResearchInstitute"
    UNIVERSITY = "University"
    INSPECTION_BODY = "InspectionBody"
    RESEARCH_CENTRE = "ResearchCentre"
    MEDIA = "MediaOrganization"
    ASSOCIATION = "Association"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PLACE = "Place"
    POLICY = "Policy"
    INDUSTRY_CHAIN = "IndustryChain"
    CHAIN_PROJECT = "ChainProject"
    TRADEMARK = "Trademark"
    GEOGRAPHICAL_INDICATION = "GeographicalIndication"
    SERVICE_BRAND = "ServiceBrand"
    BRAND = "Brand"
    HONOUR = "HonourProgramme"
    CERTIFICATION_SCHEME = "CertificationScheme"
    PROTECTION_LIST = "ProtectionList"
    CULTIVATION_POOL = "CultivationPool"
    QUALITY_SYSTEM = "QualitySystem"
    WORK_MODEL = "WorkModel"
    PRESS_CONFERENCE = "PressConference"
    MEETING = "Meeting"
    EVENT = "Event"
    PRODUCT_SPOT_CHECK = "ProductSpotCheck"
    TESTING_SERVICE = "TestingService"
    ENFORCEMENT = "EnforcementInspection"
    CONSTRUCTION_CHECK = "ConstructionCheck"
    INSPECTION = "Inspection"
    PRODUCT_CATEGORY = "ProductCategory"
    SERVICE_STATION = "ServiceStation"
    FACILITY = "Facility"

    @property
    def is_organization(self) -> bool:
        return self in ORGANIZATION_KINDS

    @property
    def is_programme(self) -> bool:
        return self in PROGRAMME_KINDS


ORGANIZATION_KINDS = frozenset({
    Kind.GOVERNMENT_BODY, Kind.DEPARTMENT, Kind.ENTERPRISE, Kind.RESEARCH_INSTITUTE,
    Kind.UNIVERSITY, Kind.INSPECTION_BODY, Kind.RESEARCH_CENTRE, Kind.MEDIA,
    Kind.ASSOCIATION, Kind.ORGANIZATION,
})
PROGRAMME_KINDS = frozenset({
    Kind.HONOUR, Kind.CERTIFICATION_SCHEME, Kind.PROTECTION_LIST, Kind.CULTIVATION_POOL,
    Kind.QUALITY_SYSTEM,
})
INSPECTION_KINDS = frozenset({
    Kind.PRODUCT_SPOT_CHECK, Kind.TESTING_SERVICE, Kind.ENFORCEMENT, Kind.CONSTRUCTION_CHECK,
    Kind.INSPECTION,
})


class Level(str, Enum):
    """Administrative / programme level; values are ``qg:`` concept local names."""

    NATIONAL = "National"
    PROVINCIAL = "Provincial"
    MUNICIPAL = "Municipal"
    COUNTY = "County"
    TOWNSHIP = "Township"


class Rel(str, Enum):
    """Binary relations between entities; values are prefixed predicate names."""

    ISSUED_BY = "eli:passed_by"
    LOCATED_IN = "qg:place"
    SUB_ORGANIZATION_OF = "org:subOrganizationOf"
    CHAIN = "qg:chain"
    PERFORMED_BY = "qg:performedBy"
    SERVED = "qg:served"
    CATEGORY = "qg:category"
    ORGANIZER = "qg:organizer"
    SPEAKER = "qg:speaker"
    SUB_EVENT = "schema:subEvent"
    HOLDER = "qg:holder"
    PARENT_PLACE = "qg:parent"
    MEMBER_OF = "org:memberOf"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of a document and its text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class Document:
    """A source document after reading: normalised text and metadata."""

    doc_id: str
    """Stable identifier (a slug of the file name), used in IRIs."""
    source: str
    """Where the document came from, as the user named it (a path)."""
    text: str
    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    place: str | None = None
    """Canonical name of the place the document is about (e.g. 枣庄市), if known."""
    url: str | None = None
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an entity by class and canonical name (resolved to an IRI later)."""

    kind: Kind
    name: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity mention with its canonical name and what the text says about it."""

    kind: Kind
    name: str
    span: Span
    aliases: tuple[str, ...] = ()
    level: Level | None = None
    place: str | None = None
    """Canonical name of the place the entity belongs to (organisations, projects, facilities)."""
    attributes: tuple[tuple[str, str], ...] = ()
    """Further literal attributes as (qg local name, value) pairs, e.g. ("batch", "4")."""

    @property
    def ref(self) -> Ref:
        return Ref(self.kind, self.name)


@dataclass(frozen=True, slots=True)
class Relation:
    """A binary fact ``subject predicate object`` read from one span."""

    subject: Ref
    predicate: Rel
    object: Ref
    span: Span


@dataclass(frozen=True, slots=True)
class PostHolding:
    """A person holds a post (role) in an organisation."""

    person: Ref
    role: str
    organization: Ref | None
    span: Span


@dataclass(frozen=True, slots=True)
class Listing:
    """Something was listed in, or awarded, a programme."""

    programme: Ref
    recipients: tuple[Ref, ...]
    span: Span
    count: int | None = None
    recipient_type: str | None = None
    batch: int | None = None
    year: str | None = None
    certification: bool = False
    confidence: float | None = None
    """Below 1 when the parse was doubtful (more named items than the count the text states)."""


@dataclass(frozen=True, slots=True)
class ChainProject:
    """An industry-chain project at a level, in a place."""

    chain: Ref
    level: Level | None
    place: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure of the text: ``value unit`` of ``measure`` about ``subject``."""

    measure: str
    """The measured thing in the words of the text, normalised (e.g. 省级企业技术中心)."""
    value: Decimal
    unit: str
    """Local name of a ``qg:Unit`` (e.g. ``Jia``, ``Percent``, ``Yuan``)."""
    span: Span
    subject: Ref | None = None
    qualifier: str | None = None
    level: Level | None = None
    period: str | None = None
    place: str | None = None
    examples: tuple[Ref, ...] = ()
    categories: tuple[Ref, ...] = ()
    breakdown: str | None = None
    """The breakdown a figure is one part of (生产领域, 新增, 种植业, 目标 …): a dimension of the observation."""
    period_words: str | None = None
    """The words the period was read from (上半年, 截至今年4月底, 全年 …); ``period`` is normalised."""
    subject_inferred: bool = False
    """True when the rules could not tell the subject and the document's place was taken."""
    period_inferred: bool = False
    """True when no time words govern the figure and the document's year was taken."""
    confidence: float = 0.9
    """How far the figure can be trusted (see :data:`CONFIDENCE`)."""
    restated: tuple[Span, ...] = ()
    """Where the text states the same figure again (the headline, a lead repeated in the body): one
    observation, each statement a mention of it."""

    def restating(self, other: Observation) -> Observation:
        """This figure, also stated where ``other`` (the same figure, read again) stands."""
        spans = tuple(s for s in (*self.restated, other.span, *other.restated)
                      if s.end <= self.span.start or self.span.end <= s.start)  # one number read twice: no second statement
        return replace(self, restated=tuple(dict.fromkeys(spans)))

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None

    def with_subject_inferred(self) -> Observation:
        """This figure with its subject marked inferred: the rules cannot vouch for it, so its
        confidence is at most :data:`CONFIDENCE` ``inferred``."""
        return replace(self, subject_inferred=True, confidence=min(self.confidence, CONFIDENCE["inferred"]))


CONFIDENCE = {"named": 0.9, "carried": 0.8, "document": 0.7, "inferred": 0.4}
"""Confidence levels: the subject and period are named in the figure's clause (0.9); carried from the
head of the sentence or paragraph (0.8); the document's own place or year with no competitor (0.7);
the subject could not be told and the document's place was taken (0.4, ``subject_inferred``)."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    posts: tuple[PostHolding, ...] = ()
    listings: tuple[Listing, ...] = ()
    chain_projects: tuple[ChainProject, ...] = ()
    observations: tuple[Observation, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def spans(self) -> list[Span]:
        """Every span of every entity and fact (for invariant checks)."""
        out = [e.span for e in self.entities]
        out += [r.span for r in self.relations]
        out += [p.span for p in self.posts]
        out += [x.span for x in self.listings]
        out += [c.span for c in self.chain_projects]
        out += [o.span for o in self.observations]
        return out
