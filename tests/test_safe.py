"""kg.safe: text made safe for XML files, spreadsheets, terminals and messages, whatever it holds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import networkx as nx

from kg import safe

HOSTILE = "A\x01B\x0bC\x1b[31mred\x1b[0m\ud800\ufffe\u202eevil\u2028line\x7f"


def test_xml_text_keeps_what_xml_allows_and_replaces_the_rest():
    assert safe.xml_text("tab\tnew\nline\r ok é 😀") == "tab\tnew\nline\r ok é 😀"
    cleaned = safe.xml_text(HOSTILE)
    ET.fromstring(f"<a>{cleaned.replace('&', '&amp;').replace('<', '&lt;')}</a>".encode("utf-8", "surrogatepass"))
    assert "\x01" not in cleaned and "\ud800" not in cleaned and "\ufffe" not in cleaned
    assert cleaned.startswith("A\ufffdB\ufffdC\ufffd[31mred")


def test_xml_safe_network_cleans_ids_keys_and_text_attributes_and_keeps_numbers():
    g = nx.MultiDiGraph()
    g.add_node("a\x01", label="bad\x02label", events=3, x=0.5)
    g.add_edge("a\x01", "b", key="e\x03", evidence="said\x0c so", weight=2.0)
    clean = safe.xml_safe_network(g)
    assert dict(clean.nodes(data=True))["a\ufffd"] == {"label": "bad\ufffdlabel", "events": 3, "x": 0.5}
    (u, v, key, data), = clean.edges(keys=True, data=True)
    assert (u, v, key) == ("a\ufffd", "b", "e\ufffd") and data == {"evidence": "said\ufffd so", "weight": 2.0}
    assert "a\x01" in g  # the original is left alone


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+2", "'=1+2"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-3", "-3"),  # a number is a number
    ("+1.5e3", "+1.5e3"),
    ("North Korea", "North Korea"),
    ("", ""),
])
def test_spreadsheet_cells_that_would_run_as_formulas_get_a_quote(cell, expected):
    assert safe.spreadsheet_cell(cell) == expected


def test_terminal_text_escapes_controls_bidi_marks_and_surrogates():
    shown = safe.terminal_text(HOSTILE)
    assert shown.isascii() and shown.isprintable()
    assert "\\x1b[31mred" in shown and "\\u202e" in shown and "\\x01" in shown and "\\ud800" in shown
    assert safe.terminal_text("Yoon Suk-yeol — 윤석열") == "Yoon Suk-yeol — 윤석열"


def test_scrub_removes_credentials_cuts_and_keeps_one_line():
    body = ("Unauthorized request from alice.\nEcho: Authorization: Basic YWxpY2U6czNjcmV0LXB3\r\n"
            "token=abc123def456&x=1 password: s3cret-pw \x1b[2J" + "x" * 500)
    shown = safe.scrub(body, secrets=("s3cret-pw", "YWxpY2U6czNjcmV0LXB3"))
    assert "YWxpY2U6czNjcmV0LXB3" not in shown and "s3cret-pw" not in shown and "abc123def456" not in shown
    assert "\n" not in shown and "\x1b" not in shown and len(shown) <= safe.MESSAGE_CHARS + 10
    assert shown.startswith("Unauthorized request from alice. Echo: Authorization: ***")
    bearer = safe.scrub('{"error": "bad token", "got": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"}')
    assert "eyJhbGci" not in bearer
