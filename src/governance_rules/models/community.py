"""The community a dossier is about, and the jurisdiction chain that picks rule overlays."""

from __future__ import annotations

from pydantic import Field

from ._base import RecordModel
from ._types import Count, Day, Slug, Text


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
