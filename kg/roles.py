"""Dated roles: whom an entity acts for, and as what, at a given date.

A person of the Phoenix dictionaries acted for Afghanistan's government from 2001 and
as a private elite before; an envoy acted for South Korea, then for the UN. The role
held at a document's (or an event's) date decides the country and sector the entity
acts for there. Pure functions over `kg.model.Role`, so that canonicalisation, the
merge and the exports give the same answer.

The rules, written once:
- A date may be partial (`YYYY`, `YYYY-MM`): a role holds at it when the role's span
  overlaps that year or month. Role limits are inclusive, as upstream reads them.
- Several roles holding at one date: the first listed wins (upstream's order).
- No role holds at the date: the undated role (upstream's "otherwise" code), else none.
- No date at all: the most recent role, an open-ended one counting as running to today
  (ties: the later start, then the first listed); only an entity with no dated role
  takes its undated role. So an undated text sees the office the dictionary knew last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.model import Entity, Role

_OPEN_END = "9999-12-31"
_OPEN_START = "0000-01-01"


def period(date: str) -> tuple[str, str]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD date, as ISO text that compares as dates.

    >>> period("2024-02")
    ('2024-02-01', '2024-02-31')
    """
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"  # compared as text only: '-31' follows every day of a month
    return date, date


def is_dated(role: Role) -> bool:
    """True for a role with a start or an end; False for the undated ("otherwise") role."""
    return role.start is not None or role.end is not None


def holds(role: Role, date: str) -> bool:
    """True when a dated role's span overlaps the day, month or year `date`."""
    first, last = period(date)
    return (role.start or _OPEN_START) <= last and (role.end or _OPEN_END) >= first


DICTIONARIES_END = "2015-01-01"
"""The vendor actor dictionaries stop about here (shared/vendor/README.md): a role they left open-ended, begun
before it, may have ended any time since."""


def serves(role: Role, date: str) -> bool:
    """True when a dated role is known to be held at `date`: it holds then, and its end is known (a role open
    since the dictionaries stopped, as the hand-made office holders' are, runs to today)."""
    return is_dated(role) and holds(role, date) and (role.end is not None or (role.start or "") >= DICTIONARIES_END)


def role_at(roles: Iterable[Role], date: str | None) -> Role | None:
    """The role held at `date` (None: no date known), by the rules of this module's docstring."""
    roles = tuple(roles)
    dated = [r for r in roles if is_dated(r)]
    undated = next((r for r in roles if not is_dated(r)), None)
    if date is None:
        if not dated:
            return undated
        order = {id(r): n for n, r in enumerate(dated)}
        return max(dated, key=lambda r: (r.end or _OPEN_END, r.start or _OPEN_START, -order[id(r)]))
    return next((r for r in dated if holds(r, date)), undated)


def acting(entity: Entity, date: str | None) -> Entity:
    """The entity as it acts at `date`: country and sector of the role held then (itself if it has no role then)."""
    role = role_at(entity.roles, date)
    if role is None:
        return entity
    return replace(entity, country=role.country, sector=role.sector)
