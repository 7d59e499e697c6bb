"""kg.roles: the role an entity holds at a date decides whom it acts for, by the module's written rules."""

from __future__ import annotations

import pytest

from kg.model import Entity, Role
from kg.roles import acting, period, role_at

# Hamid Karzai as the Phoenix countries file gives him: elite, then head of government, else elite
KARZAI = (Role("AFG", "ELI", "1975-01-01", "2000-01-01"), Role("AFG", "GOV", "2001-12-22", None), Role("AFG", "ELI"))
# Ban Ki-moon: South Korea's foreign minister, then the UN's Secretary-General (no undated role)
BAN = (Role("UN", None, "2007-01-01", None), Role("KOR", "GOV", "2004-01-17", "2006-12-01"))


@pytest.mark.parametrize(
    "roles, date, expected",
    [
        (KARZAI, "1990-06-01", KARZAI[0]),
        (KARZAI, "2000-01-01", KARZAI[0]),   # limits are inclusive
        (KARZAI, "2000-06-01", KARZAI[2]),   # between spans: the undated role
        (KARZAI, "2010-05-05", KARZAI[1]),   # open-ended
        (KARZAI, None, KARZAI[1]),           # no date: the latest role, open-ended first
        (BAN, "2005-01-01", BAN[1]),
        (BAN, "2006-12", BAN[1]),            # a month overlapping the span
        (BAN, "2006", BAN[1]),               # a year: the UN role starts only in 2007
        (BAN, "2007", BAN[0]),
        (BAN, "1990-01-01", None),           # no role then and no undated role
        (BAN, None, BAN[0]),
        ((Role("AFG", "ELI"),), None, Role("AFG", "ELI")),  # only an undated role
        ((), "2020-01-01", None),
    ],
)
def test_role_at(roles, date, expected):
    assert role_at(roles, date) == expected


def test_overlapping_roles_the_first_listed_wins():
    roles = (Role("AFG", "GOV", "2005-01-01", "2006-05-31"), Role("AFG", "MIL", "2005-06-01", None))
    assert role_at(roles, "2005").sector == "GOV"
    assert role_at(roles, "2005-07-01").sector == "GOV"  # both hold: the first listed
    assert role_at(roles, "2006-07-01").sector == "MIL"


def test_with_no_date_the_role_that_ended_last_wins():
    roles = (Role("AFG", "GOV", "1978-04-27", "1978-04-30"), Role("AFG", "ELI", "1962-01-01", "1978-04-27"), Role("AFG", "ELI"))
    assert role_at(roles, None) == roles[0]


def test_period_of_partial_dates():
    assert period("2024") == ("2024-01-01", "2024-12-31")
    assert period("2024-02") == ("2024-02-01", "2024-02-31")
    assert period("2024-02-29") == ("2024-02-29", "2024-02-29")


def test_an_entity_acts_for_its_role_at_the_date_and_keeps_its_roles():
    ban = Entity("ban-ki-moon", "Ban Ki-moon", "Person", "UN", roles=BAN)
    then = acting(ban, "2005-03-01")
    assert (then.country, then.sector, then.roles) == ("KOR", "GOV", BAN)
    assert acting(ban, "1990-01-01") == ban  # no role then: as the gazetteer gives it
    plain = Entity("KOR", "South Korea", "Country", "KOR")
    assert acting(plain, "2005-03-01") is plain
