"""The gazetteer: spellings resolve to one key, different entities never merge, bad data fails loudly."""

from __future__ import annotations

import importlib.util
import re
import pickle
from pathlib import Path

import pytest
import yaml

from kg.errors import RulesError
from kg.gazetteer import (
    ACTORS_FILE,
    AMBIGUOUS_FILE,
    COUNTRIES_FILE,
    OVERRIDES_FILE,
    Gazetteer,
    dump_entries,
    load_gazetteer,
    load_readings,
    normalize,
)
from kg.model import ENTITY_KINDS
from kg.paths import ontology_dir
from tests.conftest import SHARED, require


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # one person, every romanisation the seed outlets use
        ("Yoon Suk Yeol", "yoon-suk-yeol"),
        ("Yoon Suk-yeol", "yoon-suk-yeol"),
        ("Yoon Seok-yol", "yoon-suk-yeol"),
        ("Yun Seok-yol", "yoon-suk-yeol"),
        ("Yun Seok-yul", "yoon-suk-yeol"),
        ("Yun Suk-yeol", "yoon-suk-yeol"),
        ("Zelensky", "volodymyr-zelensky"),
        ("Zelenskiy", "volodymyr-zelensky"),
        ("Zelenskyy", "volodymyr-zelensky"),
        ("Volodymyr Zelensky", "volodymyr-zelensky"),
        ("Vladimir Zelensky", "volodymyr-zelensky"),
        ("Kim Jong Un", "kim-jong-un"),
        ("Kim Jong-un", "kim-jong-un"),
        ("Putin", "vladimir-putin"),
        ("Vladimir Putin", "vladimir-putin"),
        ("Kirill Budanov", "kyrylo-budanov"),
        ("Kyrylo Budanov", "kyrylo-budanov"),
        ("Erdoğan", "recep-tayyip-erdogan"),
        ("Erdogan", "recep-tayyip-erdogan"),
        # countries by name, code, capital and demonym
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Kiev’s", "UKR"),
        ("Hungarian", "HUN"),
        ("Hungarians", "HUN"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States of America", "USA"),
        ("Washington", "USA"),
        ("Russian Federation", "RUS"),
        ("Moscow", "RUS"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Pyongyang", "PRK"),
        ("North Korean", "PRK"),
        ("South Korea's", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Seoul", "KOR"),
        ("the Netherlands", "NLD"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Taipei", "TWN"),
        ("Tehran", "IRN"),
        ("Türkiye", "TUR"),
        ("Kosovo", "XKX"),
        ("Soviet Union", "SUN"),
        # organisations, bodies, armed groups, media, places
        ("Kremlin", "RUS"),  # seats of government are metonyms of their state, like capitals
        ("the Kremlin", "RUS"),
        ("White House", "USA"),
        ("Pentagon", "USA"),
        ("Department of Defense", "us-dod"),
        ("NATO", "NATO"),
        ("U.N.", "UN"),
        ("UN Security Council", "UNSC"),
        ("IAEA", "IAEA"),
        ("European Union", "EU"),
        ("Islamic State", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("al Qaeda", "al-qaeda"),
        ("Hezbollah", "hezbollah"),
        ("Wagner Group", "wagner-group"),
        ("Bloomberg", "bloomberg"),
        ("Associated Press", "ap"),
        ("KCNA", "kcna"),
        ("Kursk Region", "kursk-region"),
        ("Kursk region", "kursk-region"),
        ("Gaza Strip", "gaza"),
        ("Crimea", "crimea"),
        ("Russia's Foreign Ministry", "rus-mfa"),
        ("National Security and Defense Council", "ukr-nsdc"),
        ("HUR", "hur"),
    ],
)
def test_lookup_resolves_spellings(gaz: Gazetteer, text: str, key: str) -> None:
    assert gaz.lookup(text) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Jung"),
        ("Kim Jong Un", "Kim Yo Jong"),
        ("Kim Jong Un", "Kim Jong Il"),
        ("Vladimir Putin", "Vladimir Zelensky"),
        ("North Korea", "South Korea"),
        ("North Korean", "South Korean"),
        ("Pyongyang", "Seoul"),
        ("South Korea's National Security Council", "US National Security Council"),
        ("National Security and Defense Council", "US National Security Council"),
        ("George W. Bush", "George H. W. Bush"),
        ("Democratic Republic of the Congo", "Republic of the Congo"),
        ("Niger", "Nigeria"),
        ("Sudan", "South Sudan"),
        ("Hamas", "Palestinian Islamic Jihad"),
        ("UN Security Council", "UN General Assembly"),
    ],
)
def test_different_entities_never_merge(gaz: Gazetteer, a: str, b: str) -> None:
    assert gaz.lookup(a) is not None and gaz.lookup(b) is not None
    assert gaz.lookup(a) != gaz.lookup(b)


@pytest.mark.parametrize("text", ["Kim", "Lee", "Congo", "Korea", "Korean", "National Security Council",
                                  "Foreign Ministry", "Brussels", "Al-Aqsa", "Georgia Tech", ""])
def test_ambiguous_or_unknown_names_resolve_to_nothing(gaz: Gazetteer, text: str) -> None:
    assert gaz.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [("Hungary", "name"), ("Kyiv", "capital"), ("Kiev", "capital"), ("Hungarian", "demonym"),
     ("Putin", "name"), ("Singapore", "name"), ("Nobody Known", None)],
)
def test_alias_role(gaz: Gazetteer, text: str, role: str | None) -> None:
    assert gaz.alias_role(text) == role


def test_generic_names_need_their_country(gaz: Gazetteer) -> None:
    assert gaz.lookup_generic("National Security Council", "KOR") == "kor-nsc"
    assert gaz.lookup_generic("National Security Council", "USA") == "usa-nsc"
    assert gaz.lookup_generic("Foreign Ministry", "RUS") == "rus-mfa"
    assert gaz.lookup_generic("the president's office", "KOR") == "kor-presidential-office"
    assert gaz.lookup_generic("Foreign Ministry", "ATA") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Seoul’s National Intelligence Service", "kor-nis"),
        ("South Korean National Security Council", "kor-nsc"),
        ("Seoul's National Security Council", "kor-nsc"),
        ("US National Security Council", "usa-nsc"),
        ("Ukraine's Foreign Ministry", "ukr-mfa"),
        ("Russia's Far East", "russian-far-east"),
        ("Russian President Putin", None),  # a title is not a name
        ("North Korean National Security Council", None),  # no such body in the gazetteer
        ("American Kim Jong Un", None),  # the owner must be the country the entity acts for
    ],
)
def test_country_owned_names_resolve_after_their_country(gaz: Gazetteer, text: str, key: str | None) -> None:
    assert gaz.lookup(text) == key


def test_surnames_media_and_kinds(gaz: Gazetteer) -> None:
    assert gaz.surname_of("yoon-suk-yeol") == "Yoon"
    assert gaz.surname_of("kim-jong-un") == "Kim"
    assert gaz.lookup("Yoon") is None  # a shared surname is never an alias on its own
    assert gaz.surname_of("KOR") is None
    assert gaz.is_media("bloomberg") and gaz.is_media("kcna") and gaz.is_media("reuters")
    assert not gaz.is_media("KOR") and not gaz.is_media("RUS") and not gaz.is_media("nope")
    assert gaz.kind_of("hamas") == "ArmedGroup"
    assert gaz.kind_of("kursk-region") == "Location"
    # the persons news names by surname come alone when there are any (not every Bush of the Phoenix tables)
    assert gaz.bearers("Bush") == ("george-h-w-bush", "george-w-bush")
    assert gaz.bearers("kohl") == ("helmut-kohl",) and gaz.bearers("Nobodyname") == ()


def test_normalize() -> None:
    assert normalize("the Democratic People’s Republic of Korea's") == "democratic people's republic of korea"
    assert normalize("Kim  Jong–un") == "kim jong un"
    assert normalize("Côte d'Ivoire") == normalize("Cote d’Ivoire")
    assert normalize("Philippines'") == "philippines"
    # transliterations of Arabic names: the article inside a name, the Prophet's name; a first word is kept
    assert normalize("Omar el-Bashir") == normalize("Omar al-Bashir") == "omar al bashir"
    assert normalize("Mohamed Bazoum") == normalize("Muhammad Bazoum")
    assert normalize("El Salvador") == "el salvador" and normalize("the El Paso shooting") == "el paso shooting"


def test_every_entity_acts_for_a_known_country_or_organisation(gaz: Gazetteer) -> None:
    for key, entity in gaz.entities.items():
        assert entity.kind in ENTITY_KINDS
        if entity.country is None:  # only a region across borders belongs to no one country
            assert entity.kind == "Location", key
            continue
        assert entity.country in gaz.entities, key
        if entity.sector and not entity.aliases:  # a country's agents in a sector ("TUR-gov") are nameless
            assert key == f"{entity.country}-{entity.sector.lower()}", key
            continue
        assert entity.aliases and entity.label in entity.aliases, key


def test_every_country_has_an_alpha3_key_acting_for_itself(gaz: Gazetteer) -> None:
    countries = [e for e in gaz.entities.values() if e.kind == "Country"]
    assert len(countries) >= 235
    for c in countries:
        assert len(c.key) == 3 and c.key.isupper() and c.key.isalpha()
        assert c.country == c.key


@pytest.mark.parametrize(("territory", "state", "names"), [
    ("PRI", "USA", ["Puerto Rico", "Puerto Rican", "San Juan"]),
    ("GRL", "DNK", ["Greenland", "Nuuk"]),
    ("GIB", "GBR", ["Gibraltar"]),
    ("GUM", "USA", ["Guam"]),
    ("NCL", "FRA", ["New Caledonia"]),
])
def test_a_dependent_territory_is_a_place_of_its_state_as_cameo_codes_it(gaz: Gazetteer, territory: str, state: str,
                                                                         names: list[str]) -> None:
    entity = gaz.entities[territory]
    assert (entity.kind, entity.country) == ("Location", state)
    for name in names:
        assert gaz.lookup(name) == territory, name


@pytest.mark.parametrize("country", ["HKG", "BMU", "ABW", "CYM", "WSM"])
def test_a_territory_cameo_codes_on_its_own_stays_a_country(gaz: Gazetteer, country: str) -> None:
    assert (gaz.entities[country].kind, gaz.entities[country].country) == ("Country", country)


def test_the_sovereigns_are_the_territories_the_vendored_cameo_codes_spell_with_their_state() -> None:
    """Phoenix writes "PUERTO_RICO_ [USAPRI]": a six-letter code of a state then an ISO territory."""
    import re

    vendored = require(SHARED / "vendor" / "petrarch2" / "Phoenix.Countries.actors.txt", "the vendored Phoenix countries")
    overrides = yaml.safe_load((ontology_dir() / OVERRIDES_FILE).read_text(encoding="utf-8"))
    iso = {e["key"] for e in yaml.safe_load((ontology_dir() / "countries.yaml").read_text(encoding="utf-8"))}
    coded = {}
    for line in vendored.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"^[A-Z_]+\s+\[([A-Z]{3})([A-Z]{3})\]", line)
        if match and match[1] in iso and match[2] in iso and match[1] != match[2]:
            coded[match[2]] = match[1]
    assert overrides["sovereigns"] == coded


def test_seed_entities_carry_the_expected_identity(gaz: Gazetteer) -> None:
    kor = gaz.entities["KOR"]
    assert (kor.label, kor.wikidata) == ("South Korea", "Q884")
    assert gaz.entities["yoon-suk-yeol"].country == "KOR"
    assert gaz.entities["kim-jong-un"].country == "PRK"
    assert gaz.entities["UNSC"].country == "UN"


def test_patterns_are_deterministic_and_labelled(gaz: Gazetteer) -> None:
    patterns = gaz.patterns()
    assert patterns == load_gazetteer().patterns()
    assert patterns == sorted(patterns, key=lambda p: (p["id"], p["label"], p["pattern"]))
    found = {(p["pattern"], p["label"], p["id"]) for p in patterns}
    assert ("Kiev", "GPE", "UKR") in found
    assert ("Hungarian", "NORP", "HUN") in found
    assert ("Yoon Seok-yol", "PERSON", "yoon-suk-yeol") in found
    assert ("NATO", "ORG", "NATO") in found
    assert ("Kursk region", "LOC", "kursk-region") in found
    assert ("Democratic People’s Republic of Korea", "GPE", "PRK") in found  # curly twin
    # spellings that normalise alike but tokenise differently are all patterns
    for spelling in ("Yoon Suk-yeol", "Yoon Suk Yeol"):
        assert (spelling, "PERSON", "yoon-suk-yeol") in found
    for spelling in ("Côte d'Ivoire", "Cote d'Ivoire"):
        assert (spelling, "GPE", "CIV") in found
    assert not any(p["pattern"] in ("Kim", "Congo") for p in patterns)


def test_every_pattern_looks_up_to_its_own_id(gaz: Gazetteer) -> None:
    wrong = [(p["pattern"], p["id"], gaz.lookup(p["pattern"])) for p in gaz.patterns()
             if gaz.lookup(p["pattern"]) != p["id"]]
    assert wrong == []


def test_patterns_drive_a_spacy_entity_ruler(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.patterns())
    doc = nlp("Hungarian officials met Yoon Seok-yol in Kiev after NATO spoke.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Hungarian", "NORP", "HUN"), ("Yoon Seok-yol", "PERSON", "yoon-suk-yeol"),
        ("Kiev", "GPE", "UKR"), ("NATO", "ORG", "NATO")]


# --- validation --------------------------------------------------------------------------------

_GOOD_COUNTRY = {"key": "KOR", "label": "South Korea", "kind": "Country", "country": "KOR",
                 "aliases": ["South Korea"], "capitals": ["Seoul"], "demonyms": ["South Korean"]}


def _write(tmp_path: Path, actors: object, countries: object = None, ambiguous: object = None) -> Path:
    (tmp_path / COUNTRIES_FILE).write_text(yaml.safe_dump(countries if countries is not None else [_GOOD_COUNTRY]))
    (tmp_path / ACTORS_FILE).write_text(yaml.safe_dump(actors))
    if ambiguous is not None:
        (tmp_path / AMBIGUOUS_FILE).write_text(yaml.safe_dump(ambiguous))
    return tmp_path


def _person(**fields: object) -> dict:
    return {"key": "yoon", "label": "Yoon Suk Yeol", "kind": "Person", "country": "KOR", **fields}


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        ([_person(kind="Persn")],
         "actors.yaml: entry 1 (key 'yoon'): kind 'Persn' is not one of Country, Organization, Person"),
        ([_person(), _person()], "actors.yaml: entry 2 (key 'yoon'): duplicate key, first defined at actors.yaml: entry 1"),
        ([_person(country="XXX")], "actors.yaml: entry 1 (key 'yoon'): country 'XXX' is not the key"),
        ([{"key": "yoon", "kind": "Person", "country": "KOR"}], "actors.yaml: entry 1 (key 'yoon'): 'label' is required"),
        ([_person(alias=["x"])], "actors.yaml: entry 1 (key 'yoon'): unknown field 'alias'"),
        ([_person(aliases="Yoon")], "actors.yaml: entry 1 (key 'yoon'): 'aliases' must be a list"),
        ([_person(type="militia")], "actors.yaml: entry 1 (key 'yoon'): type 'militia' is not one of"),
        ([_person(wikidata="884")], "actors.yaml: entry 1 (key 'yoon'): wikidata '884' is not a Q-id"),
        ([_person(key="Yoon Suk Yeol")], "actors.yaml: entry 1 (key 'Yoon Suk Yeol'): key 'Yoon Suk Yeol' must be"),
        ([_person(capitals=["Seoul"])], "actors.yaml: entry 1 (key 'yoon'): 'capitals' is only for kind Country"),
        ([_person(), {"key": "yoon2", "label": "Yoon Seok-yol", "kind": "Person", "country": "KOR",
                      "aliases": ["Yoon Suk-yeol"]}],
         "actors.yaml: entry 2 (key 'yoon2'): alias 'Yoon Suk-yeol' is also a name of 'yoon'"),
        ([_person(aliases=["Seoul"])], "actors.yaml: entry 1 (key 'yoon'): alias 'Seoul' is also a name of 'KOR'"),
        ([_person(country=None)], "actors.yaml: entry 1 (key 'yoon'): 'country' is required"),
        ([_person(surname=3)], "actors.yaml: entry 1 (key 'yoon'): 'surname' is a string"),
        (["just a string"], "actors.yaml: entry 1: expected a mapping"),
        ({"key": "yoon"}, "actors.yaml: expected a list of entries, got dict"),
    ],
)
def test_bad_entries_raise_rules_error_naming_file_and_entry(tmp_path: Path, actors: object, message: str) -> None:
    with pytest.raises(RulesError) as excinfo:
        load_gazetteer(_write(tmp_path, actors))
    assert str(excinfo.value).startswith(message)


def test_bad_country_entries_are_reported(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match=r"countries.yaml: entry 1 \(key 'Korea'\): a Country key must be"):
        load_gazetteer(_write(tmp_path, [], countries=[{**_GOOD_COUNTRY, "key": "Korea", "country": "Korea"}]))


def test_invalid_yaml_and_missing_file_are_rules_errors(tmp_path: Path) -> None:
    (tmp_path / COUNTRIES_FILE).write_text("- key: [unclosed\n")
    with pytest.raises(RulesError, match="countries.yaml: not valid YAML"):
        load_gazetteer(tmp_path)
    with pytest.raises(RulesError, match="countries.yaml: file not found"):
        load_gazetteer(tmp_path / "missing")


def test_repeated_field_in_one_entry_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, [])
    (tmp_path / ACTORS_FILE).write_text(
        "- {key: yoon, label: Yoon, kind: Person, country: KOR, aliases: [A], aliases: [B]}\n")
    with pytest.raises(RulesError, match="actors.yaml: not valid YAML.*duplicate key 'aliases'"):
        load_gazetteer(tmp_path)


def test_ambiguous_label_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match=r"entry 1 \(key 'yoon'\): label 'Yoon Suk Yeol' is listed in ambiguous"):
        load_gazetteer(_write(tmp_path, [_person()], ambiguous=[{"alias": "Yoon Suk Yeol"}]))


def test_listed_ambiguous_alias_is_dropped_not_fatal(tmp_path: Path) -> None:
    actors = [_person(aliases=["Seoul"])]
    gaz = load_gazetteer(_write(tmp_path, actors, ambiguous=[{"alias": "Seoul", "reason": "test"}]))
    assert gaz.lookup("Seoul") is None
    assert gaz.lookup("Yoon Suk Yeol") == "yoon" and gaz.lookup("South Korea") == "KOR"
    assert "Seoul" not in gaz.entities["KOR"].aliases


_NORTH = {**_GOOD_COUNTRY, "key": "PRK", "label": "North Korea", "country": "PRK", "aliases": ["North Korea"],
          "capitals": ["Pyongyang"], "demonyms": ["North Korean"]}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"candidates": ["KOR"]}, r"entry 1 \('Korea'\): 'candidates' must list at least two keys"),
        ({"candidates": ["KOR", "XXX"]}, r"entry 1 \('Korea'\): 'XXX' is no gazetteer key"),
        ({"candidates": ["KOR", "PRK"], "default": "JPN"}, r"'JPN' is no gazetteer key"),
        ({"candidates": ["KOR", "PRK"], "place": "JPN"}, r"'JPN' is no gazetteer key"),
        ({"candidates": ["KOR", "PRK"], "demonym": "yes"}, r"'demonym' must be true or false"),
        ({"candidates": "KOR PRK"}, r"'candidates' must be a list of non-empty strings"),
    ],
)
def test_bad_readings_of_an_ambiguous_name_are_rules_errors(tmp_path: Path, entry: dict, message: str) -> None:
    directory = _write(tmp_path, [], countries=[_GOOD_COUNTRY, _NORTH], ambiguous=[{"alias": "Korea", **entry}])
    with pytest.raises(RulesError, match=message):
        load_readings(directory)


@pytest.mark.parametrize("field", ["default", "place"])
def test_a_default_or_place_reading_must_be_a_candidate(tmp_path: Path, field: str) -> None:
    japan = {**_GOOD_COUNTRY, "key": "JPN", "label": "Japan", "country": "JPN", "aliases": ["Japan"], "capitals": [],
             "demonyms": []}
    directory = _write(tmp_path, [], countries=[_GOOD_COUNTRY, _NORTH, japan],
                       ambiguous=[{"alias": "Korea", "candidates": ["KOR", "PRK"], field: "JPN"}])
    with pytest.raises(RulesError, match=rf"'{field}' 'JPN' is not one of its candidates"):
        load_readings(directory)


def test_the_shipped_readings_name_known_states() -> None:
    readings = load_readings()
    assert readings[normalize("Congo")].candidates == ("COD", "COG") and readings[normalize("Congo")].default == "COD"
    assert readings[normalize("Korean")].demonym and readings[normalize("Korea")].default is None


def test_gazetteer_pickles_and_hashes_by_identity(gaz: Gazetteer) -> None:
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone.lookup("Yun Seok-yol") == "yoon-suk-yeol"
    assert clone.patterns() == gaz.patterns()
    assert {gaz: 1}[gaz] == 1


def test_load_is_cached_per_directory(tmp_path: Path) -> None:
    assert load_gazetteer() is load_gazetteer(ontology_dir())
    small = load_gazetteer(_write(tmp_path, [_person()]))
    assert small is not load_gazetteer() and set(small.entities) == {"KOR", "yoon"}


# --- generation --------------------------------------------------------------------------------

_HAVE_LIBS = all(importlib.util.find_spec(m) for m in ("pycountry", "countryinfo"))


@pytest.mark.skipif(not _HAVE_LIBS, reason="pycountry/countryinfo (the gazetteer extra) not installed")
def test_regenerating_countries_gives_the_committed_file() -> None:
    from kg.gazetteer import _HEADER, generate_countries

    committed = (ontology_dir() / COUNTRIES_FILE).read_text(encoding="utf-8")
    assert dump_entries(generate_countries(), _HEADER) == committed, (
        "ontology/countries.yaml is stale: run `python -m kg.gazetteer`")


@pytest.mark.skipif(not _HAVE_LIBS, reason="pycountry/countryinfo (the gazetteer extra) not installed")
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"countries": {"XYZ": {"label": "Nowhere"}}}, "'XYZ' is not an ISO 3166-1 alpha-3 code"),
        ({"countries": {"KOR": {"aliases": ["North Korea"]}}}, r"'North Korea' \(KOR and PRK\)"),
    ],
)
def test_generator_rejects_bad_overrides(tmp_path: Path, overrides: dict, message: str) -> None:
    from kg.gazetteer import generate_countries

    path = tmp_path / "country_overrides.yaml"
    path.write_text(yaml.safe_dump(overrides))
    with pytest.raises(RulesError, match=message):
        generate_countries(path)


# --- generated tables merged into the hand-made ones --------------------------------------------

def _hand() -> list[tuple[str, list]]:
    countries = [{"key": "AFG", "label": "Afghanistan", "kind": "Country", "country": "AFG", "capitals": ["Kabul"],
                  "demonyms": ["Afghan"]},
                 {"key": "PAK", "label": "Pakistan", "kind": "Country", "country": "PAK"}]
    actors = [{"key": "karzai", "label": "Hamid Karzai", "kind": "Person", "country": "AFG"},
              {"key": "kim-jong-un", "label": "Kim Jong Un", "kind": "Person", "country": "PAK", "surname": "Kim"}]
    return [(COUNTRIES_FILE, countries), (ACTORS_FILE, actors)]


def _generated() -> list[tuple[str, list]]:
    return [("phoenix_test.jsonl", [
        {"key": "AFG", "label": "Afghanistan", "kind": "Country", "country": "AFG", "aliases": ["Afganistan", "Pakistan"]},
        {"key": "hamid-karzai", "label": "Hamid Karzai", "kind": "Person", "country": "AFG", "sector": "GOV",
         "aliases": ["Karzai"], "roles": [["AFG", "ELI", "1975-01-01", "2000-01-01"], ["AFG", "GOV", "2001-12-22", None]]},
        {"key": "AFG-helmand", "label": "Helmand", "kind": "Location", "country": "AFG", "aliases": ["Helmand", "Kabul"]},
        {"key": "kim", "label": "Kim", "kind": "Person", "country": "PAK", "roles": [["PAK", "GOV", None, None]]},
        {"key": "karzai", "label": "Someone Else", "kind": "Person", "country": "PAK"},
    ])]


def test_generated_entries_merge_into_the_hand_made_ones_which_win():
    from kg.gazetteer import build_gazetteer, merge_generated

    sources, report = merge_generated(_hand(), _generated())
    gaz = build_gazetteer(sources)
    assert gaz.lookup("Afganistan") == "AFG"                   # a new spelling of a hand-made country
    assert gaz.lookup("Pakistan") == "PAK"                     # a name of another entity is not taken over
    karzai = gaz.entities["karzai"]
    assert gaz.lookup("Karzai") == "karzai" and "hamid-karzai" not in gaz.entities  # merged by name
    assert [r.sector for r in karzai.roles] == ["ELI", "GOV"] and karzai.sector == "GOV"  # its roles taken
    assert gaz.lookup("Helmand") == "AFG-helmand" and gaz.lookup("Kabul") == "AFG"  # a capital stays the country's
    assert "kim" not in gaz.entities                           # "Kim" is a hand-made surname, no name left
    assert "someone-else" not in gaz.entities and gaz.entities["karzai"].label == "Hamid Karzai"  # key taken: dropped
    assert ("phoenix_test.jsonl", "Pakistan", "dropped: a name of PAK") in report
    assert ("phoenix_test.jsonl", "Someone Else", "dropped: its key karzai is a hand-made entity's") in report


def test_roles_that_disagree_with_the_hand_made_country_are_not_taken():
    from kg.gazetteer import build_gazetteer, merge_generated

    hand = _hand()
    hand[1][1][0]["country"] = "PAK"
    sources, report = merge_generated(hand, _generated())
    assert build_gazetteer(sources).entities["karzai"].roles == ()
    assert any("roles not taken" in row[2] for row in report)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"roles": [["AFG", "GOV", "2001-12-22", None]], "country": "PAK"}, "whom its latest role acts for"),
        ({"roles": [["AFG", "GOV", "22/12/2001", None]]}, "is not YYYY-MM-DD"),
        ({"roles": [["AFG", "GOV", "2003-01-01", "2001-01-01"]]}, "ends (2001-01-01) before it starts"),
        ({"roles": [["AFG", "government", None, None]]}, "is not a three-letter code"),
        ({"roles": [["XXX", "GOV", "1990-01-01", "1991-01-01"], ["AFG", "GOV", "2001-01-01", None]]}, "not a key of the gazetteer"),
        ({"sector": "Gov"}, "is not a three-letter code"),
    ],
)
def test_bad_roles_and_sectors_fail_loudly(change, message):
    from kg.gazetteer import build_gazetteer

    hand = _hand()
    hand[1][1][0].update(change)
    with pytest.raises(RulesError, match=re.escape(message)):
        build_gazetteer(hand)


def test_the_shipped_gazetteer_merges_the_phoenix_tables(gaz: Gazetteer):
    karzai = gaz.entities[gaz.lookup("Hamid Karzai")]
    assert karzai.country == "AFG" and karzai.roles
    assert gaz.lookup("Vladimir Putin") == "vladimir-putin"   # a hand-made key wins
    assert gaz.entities["TUR-gov"].label == "Turkey (government)" and gaz.types["TUR-gov"] == "government"


def test_office_holders_add_roles_that_win_from_their_first_start():
    from kg.gazetteer import apply_offices, build_gazetteer

    hand = _hand()
    hand[1][1][0]["roles"] = [["AFG", "ELI", "1975-01-01", "2000-01-01"], ["AFG", "GOV", "2001-12-22", None],
                              ["AFG", "GOV", "2016-01-01", None], ["AFG", "ELI", None, None]]
    offices = [{"key": "karzai", "roles": [["AFG", "GOV", "2001-12-22", "2014-09-29"]]},
               {"key": "ashraf-ghani", "label": "Ashraf Ghani", "country": "AFG", "aliases": ["Ashraf Ghani"],
                "roles": [["AFG", "GOV", "2014-09-29", "2021-08-15"]]}]
    gaz = build_gazetteer(apply_offices(hand, offices))
    assert [(r.start, r.end) for r in gaz.entities["karzai"].roles] == [
        ("1975-01-01", "2000-01-01"), (None, None), ("2001-12-22", "2014-09-29")]  # the open-ended ones replaced
    ghani = gaz.entities["ashraf-ghani"]
    assert (ghani.kind, ghani.country, gaz.lookup("Ashraf Ghani")) == ("Person", "AFG", "ashraf-ghani")


def test_the_shipped_office_holders_close_stale_open_ended_roles(gaz: Gazetteer):
    from kg.roles import acting

    harper = gaz.entities["stephen-harper"]
    assert acting(harper, "2010-01-01").sector == "GOV" and acting(harper, "2019-01-01").sector != "GOV"
    assert acting(gaz.entities["charles-michel"], "2016-01-01").country == "BEL"
    assert gaz.entities["charles-michel"].country == "EU"
