"""kg.errors: the message that lists the valid choices of an unknown value."""

from __future__ import annotations

from kg.errors import CHOICES_SHOWN, choose_from


def test_few_choices_are_all_listed_sorted():
    assert choose_from(["planned", "asserted", "negated"]) == "choose one of: asserted, negated, planned"
    assert choose_from([]) == "there is none to choose from"


def test_many_choices_list_the_closest_first_and_count_the_rest():
    labels = [f"Country {i:03d}" for i in range(100)] + ["South Korea", "North Korea"]
    text = choose_from(labels, "south kora", names=["Seoul"], more="`kg query aliases` lists them")
    shown = text.removeprefix("choose one of: ").split(" (and ")[0].split(", ")
    assert shown[:2] == ["South Korea", "North Korea"] and len(shown) == CHOICES_SHOWN
    assert text.endswith(f"(and {102 - CHOICES_SHOWN} more: `kg query aliases` lists them)")
    # an alias close to the value is offered as it is spelled
    assert choose_from(labels, "seol", names=["Seoul"]).startswith("choose one of: Seoul, Country 000")
