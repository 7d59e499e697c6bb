"""kg.dictionaries: the Phoenix converter reads each upstream syntax, applies its written rules, and
regenerates the committed tables byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.dictionaries import phoenix, regenerate, vendor_dir
from kg.dictionaries import cameo, discards, subdivisions
from kg.dictionaries.phoenix import (Actor, Record, Report, Restriction, load_codes, name_forms, parse_actors,
                                     parse_agents, parse_date, plural, split_name)
from kg.model import Role
from kg.paths import ontology_dir

needs_words = pytest.mark.skipif(importlib.util.find_spec("english_words") is None,
                                 reason="english-words is not installed (pip install -e '.[dictionaries]')")

ACTORS = """\
# a comment line
HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
ABU_NIDAL_ORGANIZATION [IMGMUSALQ] #  kkl 21 Mar 13
+FATAH_REVOLUTIONARY_COUNCIL_
JAMES_BYRNES_
\t[USAELI 18970101-450703]
\t[USAGOV 450703-470121]
\t[USAGOV <19450101]
BROKEN_
\t[EGYGOV 1920030320-20060520]
"""


def test_actors_a_plain_actor_synonyms_and_every_kind_of_restriction():
    karzai, nidal, byrnes, broken = parse_actors(ACTORS)
    assert karzai.names == ["HAMID_KARZAI_", "+KARZAI_"[1:], "PRESIDENT_KARZAI_"]
    assert karzai.restrictions == [Restriction("AFGELI", "1975-01-01", "2000-01-01"),   # dated
                                   Restriction("AFGGOV", "2001-12-22", None),           # open-ended
                                   Restriction("AFGELI")]                               # undated
    assert (nidal.names, nidal.restrictions) == (["ABU_NIDAL_ORGANIZATION", "FATAH_REVOLUTIONARY_COUNCIL_"],
                                                 [Restriction("IMGMUSALQ")])            # a code on the phrase line
    assert byrnes.restrictions[1] == Restriction("USAGOV", "1945-07-03", "1947-01-21")  # YYMMDD: 19YY after 30
    assert byrnes.restrictions[2] == Restriction("USAGOV", None, "1945-01-01")         # "<date": until then
    assert broken.restrictions == [] and "1920030320" in broken.problems[0]


@pytest.mark.parametrize("text, iso", [("450703", "1945-07-03"), ("300101", "2030-01-01"), ("310101", "1931-01-01"),
                                       ("20041207", "2004-12-07")])
def test_dates_read_as_petrarch_reads_them(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("bad", ["2004017", "201005011", "20100931", "abcdef"])
def test_a_date_that_is_no_calendar_day_is_refused(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
RIOT_POLICE {} [~COP] # ab 06 Jul 2005
GENDARMERY {GENDARMERIE} [~COP]
MILITIAMAN {MILITIAMEN} [~UAF]
REBEL [~REB]
ATTORNEY [~JUD]
AUTHORITY [~GOV]
FOREIGN_!MINIST! [~GOV]
HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001
#BANK [~BUS]
ISLAMIC_EXTREMIST
"""


def test_agents_sectors_plurals_and_substitution_sets():
    agents, skipped = parse_agents(AGENTS)
    table = {a.phrase: phoenix.agent_sector(a.code) for a in agents}
    assert table["police"] == "COP" and "polices" not in table                  # {}: no plural
    assert {"policeman", "policemen", "policewoman", "policewomen", "policeperson"} <= set(table)  # !PERSON!
    assert table["riot police"] == "COP"                                          # a multi-word agent
    assert table["gendarmerie"] == "COP" and "gendarmerys" not in table           # an irregular plural
    assert table["militiamen"] == "UAF" and table["rebels"] == "REB"              # regular plural
    assert table["attorneys"] == "JUD" and table["authorities"] == "GOV"          # -ys after a vowel, -ies after a consonant
    assert {"foreign minister", "foreign ministers", "foreign ministry", "foreign ministries"} <= set(table)
    assert table["human rights body"] == "NGO"                                    # "NGO~": the code before the actor's
    assert "bank" not in table
    assert [s[2] for s in skipped] == ["no agent code"]


@pytest.mark.parametrize("word, expected", [("rebel", "rebels"), ("boss", "bosses"), ("authority", "authorities"),
                                            ("attorney", "attorneys"), ("church", "churches")])
def test_plural(word, expected):
    assert plural(word) == expected


@pytest.fixture(scope="module")
def codes():
    return load_codes(ontology_dir())


@pytest.mark.parametrize("code, expected", [
    ("AFGGOVJUD", ("AFG", "GOV", None)),
    ("USAASMGOV", ("ASM", "GOV", None)),   # a territory with its own ISO code
    ("TMPGOV", ("TLS", "GOV", None)),      # a CAMEO code that is not ISO
    ("IGOUNOKID", ("UNICEF", None, None)),
    ("IGOWSTNAT", ("NATO", None, None)),
    ("ELI", (None, "ELI", None)),
    ("---", (None, None, None)),
    ("KNTGOV", (None, None, "unknown country code KNT")),
    ("MNCUSA", (None, None, "out of scope")),
])
def test_codes(codes, code, expected):
    assert codes.read(code) == expected


def test_name_forms_title_case_particles_and_hyphens():
    assert name_forms(["HAMID", "KARZAI"]) == ["Hamid Karzai"]
    assert "Bashar al-Assad" in name_forms(["BASHAR", "AL-ASSAD"])
    assert "Ban Ki-moon" in name_forms(["BAN", "KI-MOON"])
    assert name_forms(["UN", "SECRETARY", "OF", "STATE"])[0] == "UN Secretary of State"
    assert name_forms(["IAEA"]) == ["Iaea", "IAEA"] and name_forms(["MCCAIN"])[0] == "McCain"


def test_split_name_acronyms_disambiguators_and_index_forms():
    places = frozenset({"bolivia"})
    assert split_name("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", places) == ([["ADEN", "ABYAN", "ISLAMIC", "ARMY"], ["AAIA"]], None)
    assert split_name("NATIONAL_LIBERATION_ARMY_(BOLIVIA)_", places) == ([["NATIONAL", "LIBERATION", "ARMY"]], None)
    assert split_name("KOREA,_NORTH_", places)[1] == "an index form with a comma"
    assert split_name("THE_UNITED_NATIONS_", places)[0] == [["UNITED", "NATIONS"]]


def test_a_title_before_a_name_is_not_a_name():
    titles, owners = frozenset({"president", "foreign minister", "secretary of defense"}), frozenset({"russian", "us"})
    assert phoenix._titled("Russian President Putin", titles, owners)
    assert phoenix._titled("Foreign Minister Ghani", titles, owners)
    assert not phoenix._titled("US Secretary of Defense", titles, owners)  # an office: nothing after the title
    assert not phoenix._titled("Hamid Karzai", titles, owners)


def test_country_block_synonyms_are_spellings_of_the_state_or_places(codes):
    countries = {"AFG": {"key": "AFG", "label": "Afghanistan", "aliases": ["Afghanistan"], "capitals": ["Kabul"],
                         "demonyms": ["Afghan"]}}
    report = Report()
    record = Record(1, ["AFGHANISTAN_"])
    names = ["Afghanistan", "Afgjanistan", "Soviet Occupied Afghanistan", "Kabul", "Helmand", "Herat"]
    country, *places = phoenix._country_block(record, names, "AFG", countries, "x", report)
    assert country.kind == "Country" and country.names == ["Afghanistan", "Afgjanistan", "Soviet Occupied Afghanistan", "Kabul"]
    assert [(p.kind, p.names, p.country) for p in places] == [("Location", ["Helmand"], "AFG"), ("Location", ["Herat"], "AFG")]


@needs_words
def test_a_name_of_two_actors_is_dropped_from_both_and_namesakes_in_two_countries_are_two():
    a = Actor("x", 1, "Person", ["Abdul Ali", "Ali"], [Role("AFG", "GOV")], country="AFG")
    b = Actor("x", 2, "Person", ["Abdul Ali"], [Role("PAK", "GOV")], country="PAK")
    c = Actor("x", 3, "Person", ["Salva Kiir", "Kiir"], [Role("SSD", "GOV", "2011-07-09", None)], country="SSD")
    report = Report()
    merged = phoenix._merge_duplicates([a, b, c], report)
    assert len(merged) == 3  # undated roles in two countries: two people
    kept = {x.line: x.names for x in phoenix._drop_names(merged, report)}
    assert kept == {1: ["Ali"], 3: ["Salva Kiir", "Kiir"]}  # "Abdul Ali" named two people: neither keeps it
    assert ("x", 2, "", "no name left") in report.rows


@needs_words
def test_a_plural_possessive_written_without_its_apostrophe_gets_the_written_form_unless_taken():
    a = Actor("x", 1, "ArmedGroup", ["Tigray Peoples Liberation Front"], [Role("ETH", "REB")], country="ETH")
    b = Actor("x", 2, "ArmedGroup", ["Sudan Peoples Liberation Movement"], [Role("SDN", "REB")], country="SDN")
    c = Actor("x", 3, "ArmedGroup", ["Sudan People's Liberation Movement"], [Role("SSD", "REB")], country="SSD")
    kept = {x.line: x.names for x in phoenix._drop_names([a, b, c], Report())}
    assert kept[1] == ["Tigray Peoples Liberation Front", "Tigray People's Liberation Front"]
    assert kept[2] == ["Sudan Peoples Liberation Movement"]  # the written form is another actor's name


def test_one_person_in_two_files_is_one_actor():
    """Catherine-Ashton-like: British until 2009 in one file, the EU's from 2009 in the other."""
    a = Actor("countries", 1, "Person", ["Jane Doe"], [Role("GBR", "GOV", "1999-01-01", "2009-11-30")], country="GBR")
    b = Actor("international", 2, "Person", ["Jane Doe"], [Role("EU", None, "2009-12-01", "2014-10-31")], country="EU")
    merged = phoenix._merge_duplicates([a, b], Report())
    assert len(merged) == 1 and merged[0].country == "EU" and len(merged[0].roles) == 2


@needs_words
@pytest.mark.parametrize("word, ordinary", [("Bush", True), ("Rice", True), ("Guardian", True), ("Karzai", False),
                                            ("Hamas", False), ("Geneva", False)])
def test_ordinary_english_words(word, ordinary):
    assert phoenix.is_ordinary_word(word) is ordinary


@needs_words
def test_regenerating_gives_the_committed_tables_byte_for_byte(tmp_path: Path):
    if not (vendor_dir() / "petrarch2").is_dir():
        pytest.skip("vendor/ is not in this installation (a source checkout has it)")
    written = regenerate(out=tmp_path)
    assert sorted(p.name for p in written) == sorted([*phoenix.GENERATED, phoenix.AGENTS_OUT, phoenix.DROPPED_OUT,
                                                      cameo.VERBS_FILE, cameo.CODES_FILE, cameo.DROPPED_FILE, discards.TABLE,
                                                      subdivisions.TABLE])
    for path in written:
        assert path.read_bytes() == (ontology_dir() / path.name).read_bytes(), f"{path.name} is stale: run python -m kg.dictionaries"
        assert path.read_text(encoding="utf-8").startswith("# GENERATED by `python -m kg.dictionaries`")
    assert "CC BY-SA 3.0" in (tmp_path / phoenix.COUNTRIES_OUT).read_text(encoding="utf-8").split("\n{", 1)[0]
    assert "START TOPS" in (tmp_path / phoenix.NONSTATE_OUT).read_text(encoding="utf-8")[:2000]


def test_a_country_and_an_agent_of_its_sector_name_an_office_not_an_actor():
    agents, owners = {"president": "GOV", "national council": "GOV"}, frozenset({"us", "united states", "syrian"})
    assert phoenix._office("US President", agents, owners) == "GOV"
    assert phoenix._office("President of the United States", agents, owners) == "GOV"
    assert phoenix._office("Syrian National Council", agents, owners) == "GOV"  # dropped only if the actor is GOV too
    assert phoenix._office("Hamid Karzai", agents, owners) is None


@needs_words
def test_a_lone_given_name_is_not_one_persons_name():
    hassan = Actor("x", 1, "Person", ["Hassan"], [Role("MAR", "GOV")], country="MAR")
    rouhani = Actor("x", 2, "Person", ["Hassan Rouhani", "Rouhani"], [Role("IRN", "GOV", "2013-08-03", None)], country="IRN")
    report = Report()
    kept = {a.line: a.names for a in phoenix._drop_names([hassan, rouhani], report)}
    assert kept == {2: ["Hassan Rouhani", "Rouhani"]}
    assert ("x", 1, "Hassan", "a lone name that is other people's given name") in report.rows


def test_a_country_block_may_carry_dated_codes(codes):
    """Iraq's block is "[IRQ <20030320] [IRQOCC ...] [IRQ >20060520]": a country, not a person."""
    records = parse_actors("IRAQ_\n+IRAQI_\n+ANBAR\n\t[IRQ <20030320]\n\t[IRQ >20060520]\n")
    countries = {"IRQ": {"key": "IRQ", "label": "Iraq", "aliases": ["Iraq"], "capitals": ["Baghdad"], "demonyms": ["Iraqi"]}}
    actors = phoenix.convert_records(records, phoenix.COUNTRIES_SRC, codes, frozenset(), countries, Report())
    assert [(a.kind, a.names) for a in actors] == [("Country", ["Iraq", "IRAQ", "Iraqi", "IRAQI"]), ("Location", ["Anbar"])]


def test_a_territory_coded_as_its_own_acts_for_its_state_when_it_is_a_place_of_one(codes):
    """Phoenix's "PUERTO_RICO_ [USAPRI]": the block stays the territory, a place of the USA, and so do its places;
    a governor coded USAPRIGOV acts for the USA, as a governor of Texas does."""
    records = parse_actors("PUERTO_RICO_\n+BORINQUEN_\n\t[USAPRI]\n\n"
                           "JANE_ROE_\n\t[USAPRIGOV 20010101-20050101]\n\n"
                           "JOHN_ROE_\n\t[ABWGOV]\n")
    countries = {"PRI": {"key": "PRI", "label": "Puerto Rico", "kind": "Location", "country": "USA", "aliases": ["Puerto Rico"]},
                 "ABW": {"key": "ABW", "label": "Aruba", "kind": "Country", "country": "ABW", "aliases": ["Aruba"]},
                 "USA": {"key": "USA", "label": "United States", "kind": "Country", "country": "USA", "aliases": ["United States"]}}
    codes = phoenix.Codes(frozenset(countries), {}, frozenset(), {}, frozenset(), frozenset({"GOV"}))
    actors = phoenix.convert_records(records, phoenix.COUNTRIES_SRC, codes, frozenset(), countries, Report())
    assert [(a.kind, a.names[0], a.country) for a in actors] == [
        ("Location", "Puerto Rico", "USA"), ("Location", "Borinquen", "USA"), ("Person", "Jane Roe", "USA"),
        ("Person", "John Roe", "ABW")]
    assert actors[2].roles == [Role("USA", "GOV", "2001-01-01", "2005-01-01")]


def test_a_dependent_territorys_subdivisions_act_for_its_state():
    rows, _ = subdivisions.entries({"GRL": "DNK"})
    greenland = [r for r in rows if r["key"].startswith("GL-")]
    assert greenland and all(r["country"] == "DNK" for r in greenland)
    assert {r["country"] for r in subdivisions.entries()[0] if r["key"].startswith("GL-")} == {"GRL"}


def test_subdivisions_are_places_of_their_country_keyed_by_iso_3166_2():
    rows, dropped = subdivisions.entries()
    by_key = {r["key"]: r for r in rows}
    assert by_key["US-WI"] == {"key": "US-WI", "label": "Wisconsin", "kind": "Location", "country": "USA",
                               "aliases": ["Wisconsin"]}
    assert "Ile-de-France" in by_key["FR-IDF"]["aliases"]  # the unaccented spelling too
    assert by_key["RU-DA"]["label"] == "Dagestan"  # an index form keeps the name before its comma
    assert ("Central", "an ordinary English word") in dropped
    assert ("Gulf", "a word of direction or of a kind of place") in dropped  # Papua New Guinea's, not the Gulf
    assert not any(r["label"] in ("Eastern", "South", "Delta") for r in rows)


def test_a_subdivision_names_its_country_unless_another_entity_has_the_name(nlp):
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.entities[gaz.lookup("Wisconsin")].country == "USA"
    assert gaz.lookup("Georgia") == "GEO"  # the country keeps its name


@pytest.mark.parametrize(("code", "sector"), [
    ("~GOVMED", "GOV"), ("NGO~", "NGO"), ("~MUS", "MUS"),
    ("~MUSUAF", "UAF"),   # "Islamic militants": what they do, not their faith
    ("~MUSRAD", "RAD"), ("~RELUAF", "UAF"), ("~BUDEDU", "EDU"),
    ("~REBMUS", "REB"),   # a function first stays first
    ("~CHRMAR", "CHR"),   # a denomination after a faith is still a faith
])
def test_an_agent_code_gives_its_function_before_a_faith(code: str, sector: str) -> None:
    assert phoenix.agent_sector(code) == sector
