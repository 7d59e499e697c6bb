"""kg.files helpers not covered through the commands: JSON Lines data files and path arguments."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import files
from kg.errors import InputError, RulesError


def test_a_json_lines_data_line_with_a_huge_number_is_a_bad_line_not_a_traceback():
    lines = ['{"ok": 1}', '{"n": ' + "9" * 4301 + "}"]
    with pytest.raises(RulesError, match=r"^rules.jsonl: line 2: not JSON here \(a number of more than 4300 digits\)$"):
        list(files.json_objects(lines, "rules.jsonl", RulesError))


def test_a_url_where_a_file_goes_is_refused_and_named_as_given():
    with pytest.raises(InputError, match=r"^https://w3id\.org/kg-geo/g\.trig: kg reads local files and fetches nothing"):
        files.local_path("https://w3id.org/kg-geo/g.trig")
    assert files.local_path("out/graph.trig") == Path("out/graph.trig") and files.local_path(Path("x")) == Path("x")
