"""kg.agents: the agent and sector tables load, validate, and the hand-written additions win."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.agents import load_agents, read_sectors
from kg.errors import RulesError
from kg.paths import ontology_dir


def test_the_shipped_tables():
    agents = load_agents()
    assert agents.sector_of("Riot  Police") == "COP" and agents.sector_of("militiamen") == "UAF"
    assert agents.sector_of("opposition") == "OPP"      # agents_extra.tsv fills what upstream lacks
    assert agents.sector_of("hackers") == "CRM" and agents.sector_of("critic") == "OPP"
    assert agents.sector_of("investigators") == "COP" and agents.sector_of("union leaders") == "LAB"
    assert agents.sectors["REB"].kind == "ArmedGroup" and agents.sectors["MED"].type == "media"
    assert {agents.sector_of(p) for p in agents.phrases} <= set(agents.sectors)


def _copy(tmp_path: Path, sectors: str | None = None, extra: str | None = None) -> Path:
    for name in ("agents.tsv", "sectors.yaml"):
        (tmp_path / name).write_text((ontology_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    if sectors is not None:
        (tmp_path / "sectors.yaml").write_text(sectors, encoding="utf-8")
    if extra is not None:
        (tmp_path / "agents_extra.tsv").write_text(extra, encoding="utf-8")
    return tmp_path


def test_a_hand_written_row_wins_over_the_generated_one(tmp_path):
    agents = load_agents(_copy(tmp_path, extra="agent\tsector\npolice\tMIL\n"))
    assert agents.sector_of("police") == "MIL"


@pytest.mark.parametrize(
    "sectors, extra, message",
    [
        (None, "agent\tsector\npolice\tXYZ\n", "sector 'XYZ' is not a code of sectors.yaml"),
        ("- {code: GOV, name: government, kind: Party, type: null}\n", None, "kind 'Party' is not one of"),
        ("- {code: gov, name: government, kind: Organization, type: null}\n", None, "'code' must be three capitals"),
    ],
)
def test_bad_tables_fail_loudly(tmp_path, sectors, extra, message):
    with pytest.raises(RulesError, match=message):
        load_agents(_copy(tmp_path, sectors, extra))


def test_read_sectors_refuses_a_code_listed_twice(tmp_path):
    path = tmp_path / "sectors.yaml"
    path.write_text("- {code: GOV, name: a, kind: Organization, type: null}\n"
                    "- {code: GOV, name: b, kind: Organization, type: null}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="listed twice"):
        read_sectors(path)
