"""The community a dossier is about, and the jurisdiction chain that picks rule overlays."""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import RecordModel, field_error
from ._types import Count, Day, Slug, Text


class CoveredPeriod(RecordModel):
    """From and to (both included) the records of a dossier are complete."""

    from_: Day = Field(alias="from")
    to: Day

    @model_validator(mode="after")
    def _ordered(self) -> CoveredPeriod:
        if self.to < self.from_:
            raise field_error(self, ("to",), f"records_cover ends ({self.to}) before it starts "
                              f"({self.from_})", self.to.isoformat(),
                              zh=f"记录覆盖期间的结束日（{self.to}）早于开始日（{self.from_}）")
        return self


class Community(RecordModel):
    """A community (社区) and its place in the administrative hierarchy.

    ``jurisdiction`` runs from the country down, e.g. ``[cn, shandong, qingdao, sifang]``;
    the rulebook applies the overlays of every prefix of it.

    >>> Community(id="haliang-3", name="哈量三社区", jurisdiction=["cn", "heilongjiang"]).id
    'haliang-3'
    """

    id: Slug
    name: Text
    jurisdiction: list[Slug] = Field(min_length=1, max_length=12)
    households: Count | None = None
    residents: Count | None = None
    established: Day | None = None
    special_circumstances: Text | None = None
    single_estate: bool = Field(
        default=False, description="the community is one property-managed estate (一个物业管理"
        "小区, SQ-SIFANG:150): it meets RC-COMMUNITY-SIZE whatever its household count")
    adopts: list[Slug] = Field(
        default_factory=list, max_length=20,
        description="source documents the community has adopted outside their own scope, by id "
        "(e.g. HLS-356 for a community that runs its consultation committee by that method)")
    charter_adopted_on: Day | None = Field(
        default=None, description="the day the member representative assembly adopted the "
        "community charter (SQ-SIFANG annex 6): the charter's own clauses bind from that day")
    records_cover: CoveredPeriod | None = Field(
        default=None, description="the period the dossier's records are complete for: the "
        "default checked window of cadence rules")
