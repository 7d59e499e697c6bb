"""Reading every input kind, one clear message for every bad input, and offset-keeping boilerplate masks."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError, RulesError
from kg.ingest import (
    datelines,
    derive_id,
    load_boilerplate,
    mask_boilerplate,
    parse_date,
    read_documents,
)
from kg.model import Document

from tests.conftest import PAGE_FOOTER, PAGE_NAV, SEEDS, SEEDS_JSONL, TROOPS_PAGE, require, web_page
from tests.conftest import write

ARTICLE = "South Korea is weighing supplying arms to Ukraine.\n"
OTHER = "North Korea sent troops to Russia.\n"


def read(sources, **options):
    """read_documents collecting warnings instead of printing them."""
    warnings: list[str] = []
    docs = list(read_documents([str(s) for s in sources], warn=warnings.append, **options))
    return docs, warnings



def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-11-14", "2024-11-14"),
        (" 2024-11-14 ", "2024-11-14"),
        ("2024-11-14T08:30:00", "2024-11-14"),
        ("2024-11-14T08:30:00Z", "2024-11-14"),
        ("2024-11-14 08:30:00+09:00", "2024-11-14"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_parse_date_accepts_dates_and_iso_datetimes(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "", "2024-13-01", "2023-02-29", "14/11/2024", "20241114", "2024-11", "2024-11-14Tnoon"])
def test_parse_date_rejects_non_dates_with_one_line(value):
    with pytest.raises(InputError) as error:
        parse_date(value)
    assert str(error.value) == f"--date: {value!r} is not a date (expected YYYY-MM-DD)"
    assert error.value.exit_code == 2


def test_bad_date_option_fails_before_reading(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(InputError, match=r"^--date: 'yesterday' is not a date \(expected YYYY-MM-DD\)$"):
        read_documents([path], date="yesterday")  # raised at call time, not on iteration


def test_derive_id_is_stable_sha1_prefix():
    assert derive_id("abc") == "doc-a9993e364706"
    assert derive_id("abc") != derive_id("abd")


# ---------------------------------------------------------------- input kinds


@pytest.mark.parametrize("name, expected_id", [
    ("000_abc.txt", "000_abc"),
    ("note.text", "note"),
    ("story.md", "story"),
    ("README", "README"),          # named explicitly and without extension: plain text
    ("a.b.txt", "a.b"),
])
def test_plain_text_file_id_is_file_name_without_extension(tmp_path, name, expected_id):
    path = write(tmp_path / name, ARTICLE)
    docs, warnings = read([path], date="2024-11-14")
    assert docs == [Document(expected_id, ARTICLE, "2024-11-14")]
    assert warnings == []


def test_jsonl_corpus_reads_all_fields_and_defaults(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl(
        {"id": "a", "text": ARTICLE, "date": "2024-11-14", "title": "T", "url": "https://x.test/a", "source": "Outlet", "extra": 1},
        "",
        {"text": OTHER},
        {"id": 7, "text": "Seven.", "date": "2024-10-01T12:00:00Z"},
        {"id": None, "text": "No id.", "date": None},
        {"id": "", "text": "Empty id and date.", "date": ""},
    ))
    docs, warnings = read([path], date="2024-01-02")
    assert docs == [
        Document("a", ARTICLE, "2024-11-14", "T", "https://x.test/a", "Outlet"),
        Document(derive_id(OTHER), OTHER, "2024-01-02"),  # --date fills in a missing date
        Document("7", "Seven.", "2024-10-01"),
        Document(derive_id("No id."), "No id.", "2024-01-02"),
        Document(derive_id("Empty id and date."), "Empty id and date.", "2024-01-02"),
    ]
    assert warnings == []


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    root = tmp_path / "corpus"
    # created out of order on purpose
    for rel, text in [("b/z.txt", "Z."), ("a.txt", "A."), ("b/a.md", "BA."), ("c.jsonl", jsonl({"id": "c1", "text": "C1."})),
                      ("B.text", "Upper."), (".hidden.txt", "Hidden."), (".git/x.txt", "Git."), ("README.md", "About."),
                      ("notes.json", "{}"), ("data.csv", "a,b")]:
        write(root / rel, text)
    first, warnings = read([root])
    # a folder's corpus files, then its text files, then its subfolders': c.jsonl, B.text, a.txt, b/a.md, b/z.txt
    assert [d.id for d in first] == ["c1", "B", "a", "a-2", "z"]
    assert [d.text for d in first] == ["C1.", "Upper.", "A.", "BA.", "Z."]
    assert warnings == ["%s: id 'a' already names a different text; renamed 'a-2'" % (root / "b" / "a.md")]
    again, _ = read([root])
    assert again == first


def test_a_corpus_line_wins_over_a_bare_copy_of_the_same_article(tmp_path):
    """The seed folder holds each article as x.txt and as a dated line of articles.jsonl: the date is kept."""
    root = tmp_path / "seeds"
    write(root / "x.txt", ARTICLE)
    write(root / "articles.jsonl", jsonl({"id": "x", "text": ARTICLE, "date": "2024-11-14", "title": "T"}))
    docs, warnings = read([root])
    assert [(d.id, d.date, d.title) for d in docs] == [("x", "2024-11-14", "T")]
    assert warnings == [f"{root / 'x.txt'}: skipped: same id and text as document 'x' read before"]


def test_sources_are_read_in_the_order_given(tmp_path):
    a = write(tmp_path / "a.txt", ARTICLE)
    b = write(tmp_path / "b.txt", OTHER)
    assert [d.id for d in read([b, a])[0]] == ["b", "a"]


@pytest.mark.parametrize("stream", [
    io.StringIO("  \n" + ARTICLE),
    io.BytesIO(b"\xef\xbb\xbf  \n" + ARTICLE.encode()),
])
def test_stdin_plain_text_is_one_document_with_derived_id(stream):
    text = "  \n" + ARTICLE
    docs, warnings = read(["-"], stdin=stream, date="2024-11-14")
    assert docs == [Document(derive_id(text), text, "2024-11-14")]
    assert warnings == []


@pytest.mark.parametrize("make", [io.StringIO, lambda s: io.BytesIO(s.encode())])
def test_stdin_json_lines_when_first_non_blank_char_is_brace(make):
    stream = make("\n\n" + jsonl({"id": "x", "text": ARTICLE}, {"id": "y", "text": OTHER, "date": "2024-11-01"}))
    docs, _ = read(["-"], stdin=stream)
    assert docs == [Document("x", ARTICLE), Document("y", OTHER, "2024-11-01")]


@pytest.mark.parametrize("stream", [io.StringIO(""), io.StringIO("\n  \n"), io.BytesIO(b"\xef\xbb\xbf\n")])
def test_empty_stdin_warns_then_fails(stream):
    warnings: list[str] = []
    with pytest.raises(InputError, match=r"^no readable documents in <stdin>$"):
        list(read_documents(["-"], stdin=stream, warn=warnings.append))
    assert warnings == ["<stdin>: skipped: empty document"]


def test_stdin_jsonl_errors_name_the_stream_and_line():
    with pytest.raises(InputError, match=r"^<stdin>:2: not valid JSON"):
        read(["-"], stdin=io.StringIO(jsonl({"text": "ok"}, "{oops")))


def test_jsonl_is_streamed_document_by_document():
    class Lines:
        """A stream that fails if read past the first record."""

        def __init__(self):
            self.lines = iter([json.dumps({"id": "1", "text": "One."}) + "\n"])

        def __iter__(self):
            return self

        def __next__(self):
            try:
                return next(self.lines)
            except StopIteration:
                raise AssertionError("read beyond the first document before it was consumed") from None

    docs = read_documents(["-"], stdin=Lines(), warn=lambda m: None)
    assert next(docs) == Document("1", "One.")


def test_bom_is_stripped_from_text_and_jsonl(tmp_path):
    bom = b"\xef\xbb\xbf"
    txt = write(tmp_path / "a.txt", bom + ARTICLE.encode())
    corpus = write(tmp_path / "c.jsonl", bom + jsonl({"id": "c", "text": OTHER}).encode())
    docs, warnings = read([txt, corpus])
    assert [d.text for d in docs] == [ARTICLE, OTHER]
    assert warnings == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_file_with_bom_is_decoded(tmp_path, encoding):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    path = write(tmp_path / "notepad.txt", bom + ARTICLE.encode(encoding))
    docs, warnings = read([path])
    assert docs == [Document("notepad", ARTICLE)] and warnings == []


def test_fifty_megabyte_single_line_file_is_one_document(tmp_path):
    sentence = "South Korea may send weapons to Ukraine. "
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)
    docs, warnings = read([path])
    assert len(docs) == 1 and warnings == []
    assert len(docs[0].text) == path.stat().st_size > 50 * 1024 * 1024
    masked = mask_boilerplate(docs[0].text)
    assert len(masked) == len(docs[0].text) and masked[:41] == sentence


def test_fifty_megabyte_jsonl_line_is_one_document(tmp_path):
    text = "x" * (50 * 1024 * 1024)
    path = write(tmp_path / "big.jsonl", jsonl({"id": "big", "text": text}, {"id": "small", "text": "Small."}))
    docs, _ = read([path])
    assert [(d.id, len(d.text)) for d in docs] == [("big", len(text)), ("small", 6)]


# ---------------------------------------------------------------- bad inputs: errors


@pytest.mark.parametrize("setup, message", [
    (lambda d: [d / "missing.txt"], r"^{d}/missing.txt: no such file or directory$"),
    (lambda d: [(d / "empty").mkdir() or d / "empty"], r"^{d}/empty: no readable documents in this directory \(expected \.txt, \.text, \.md, \.html, \.htm, \.jsonl files\)$"),
    (lambda d: [write(d / "x/readme.md", "About."), write(d / "x/a.pdf", "%PDF")][0].parent, None),
    (lambda d: [write(d / "a.pdf", "%PDF")], r"^{d}/a.pdf: unsupported file type '\.pdf' \(expected \.txt, \.text, \.md, \.html, \.htm, \.jsonl\)$"),
    (lambda d: ["-", "-"], r"^'-' \(stdin\) can be given only once$"),
    (lambda d: [], r"^no input documents given$"),
])
def test_bad_sources_fail_at_once_with_one_line(tmp_path, setup, message):
    sources = setup(tmp_path)
    if not isinstance(sources, list):  # a folder whose only files are a README and a PDF
        sources, message = [sources], r"^{d}/x: no readable documents in this directory"
    with pytest.raises(InputError, match=message.format(d=tmp_path)) as error:
        read_documents(sources, stdin=io.StringIO(ARTICLE))  # eager: no iteration needed
    assert "\n" not in str(error.value) and error.value.exit_code == 2


@pytest.mark.parametrize("line, reason", [
    ("{oops", r"not valid JSON \(Expecting property name enclosed in double quotes at column 2\)"),
    ('["text"]', r"expected a JSON object, got an array"),
    ('{"id": "x"}', r'missing "text"'),
    ('{"text": 3}', r'"text" must be a string, got a number'),
    ('{"text": "ok", "id": ["a"]}', r'"id" must be a string, got an array'),
    ('{"text": "ok", "date": "yesterday"}', r"\"date\": 'yesterday' is not a date \(expected YYYY-MM-DD\)"),
    ('{"text": "ok", "date": 20241114}', r'"date" must be a string \(YYYY-MM-DD\), got a number'),
    ('{"text": "ok", "title": false}', r'"title" must be a string, got a boolean'),
    ('{"text": "ok", "url": {}}', r'"url" must be a string, got an object'),
    ("[" * 100000, r"not valid JSON \(nested too deeply\)"),
], ids=lambda value: value[:40] if isinstance(value, str) else value)
def test_malformed_jsonl_line_names_file_and_line(tmp_path, line, reason):
    path = write(tmp_path / "c.jsonl", jsonl({"id": "good", "text": ARTICLE}, "", line, {"id": "after", "text": OTHER}))
    docs = read_documents([path], warn=lambda m: None)
    assert next(docs).id == "good"  # documents before the bad line are not lost
    with pytest.raises(InputError, match=rf"^{path}:3: {reason} \(use --skip-bad to skip bad lines\)$"):
        next(docs)


def test_skip_bad_carries_on_and_reports_what_it_skipped(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl({"id": "a", "text": ARTICLE}, "{oops", '{"id": "b"}', {"id": "c", "text": OTHER}))
    docs, warnings = read([path], skip_bad=True)
    assert [d.id for d in docs] == ["a", "c"]
    assert warnings == [
        f"{path}:2: skipped: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f'{path}:3: skipped: missing "text"',
        f"{path}: skipped 2 bad lines (line 2, 3)",
    ]


def test_skip_bad_caps_per_line_warnings_but_counts_all(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl({"text": ARTICLE}, *["{bad"] * 25))
    docs, warnings = read([path], skip_bad=True)
    assert len(docs) == 1
    assert len(warnings) == 11
    assert warnings[-1] == f"{path}: skipped 25 bad lines (line 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ...)"


def test_repeated_warnings_are_capped_with_a_count(tmp_path):
    lines = [b'{"id": "x%d", "text": "Caf\xe9 %d"}\n' % (i, i) for i in range(15)]
    lines += [b'{"id": "e%d", "text": " "}\n' % i for i in range(12)]
    lines += [b'{"id": "d", "text": "Same."}\n'] * 14
    path = write(tmp_path / "c.jsonl", b"".join(lines))
    docs, warnings = read([path])
    assert len(docs) == 16
    assert sum("invalid UTF-8 at byte" in w for w in warnings) == 10
    assert sum("skipped: empty text" in w for w in warnings) == 10
    assert sum("skipped: same id and text" in w for w in warnings) == 10
    assert f"{path}: lines with invalid UTF-8: 5 more not shown (15 in all)" in warnings
    assert f"{path}: lines with empty text: 2 more not shown (12 in all)" in warnings
    assert warnings[-1] == "duplicate ids: 3 more not shown (13 in all)"


def test_many_documents_reusing_one_id_are_all_kept(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl(*[{"id": "same", "text": f"Text {i}."} for i in range(500)]))
    docs, _ = read([path])
    assert [d.id for d in docs] == ["same"] + [f"same-{n}" for n in range(2, 501)]


# ---------------------------------------------------------------- bad inputs: warnings


@pytest.mark.parametrize("name, content, warning", [
    ("bin.txt", b"GIF89a\x00\x01\x02 binary", "{p}: skipped: binary file (NUL byte in the first 8 KiB)"),
    ("bin.jsonl", b'{"text": "a"}\n\x00\x00', "{p}: skipped: binary file (NUL byte in the first 8 KiB)"),
    ("empty.txt", b"", "{p}: skipped: empty document"),
    ("blank.md", b" \n\t\r\n ", "{p}: skipped: empty document"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "{p}: skipped: empty document"),
    ("empty-text.jsonl", b'{"id": "e", "text": "  "}\n', "{p}:1: skipped: empty text"),
])
def test_unreadable_documents_are_skipped_with_a_warning(tmp_path, name, content, warning):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", ARTICLE)
    docs, warnings = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    assert warnings == [warning.format(p=bad)]
    with pytest.raises(InputError, match=rf"^no readable documents in {bad}$"):
        read([bad])  # nothing readable at all is an error


def test_dangling_link_in_a_directory_is_skipped_with_a_warning(tmp_path):
    folder = tmp_path / "corpus"
    write(folder / "a.txt", ARTICLE)
    (folder / "b.txt").symlink_to(folder / "gone.txt")
    docs, warnings = read([folder])
    assert [d.id for d in docs] == ["a"]
    assert warnings == [f"{folder / 'b.txt'}: skipped: cannot read (No such file or directory)"]


def test_directory_of_only_unreadable_files_warns_then_fails(tmp_path):
    folder = tmp_path / "junk"
    write(folder / "a.txt", b"\x00\x01")
    write(folder / "b.txt", b"")
    with pytest.raises(InputError, match=rf"^no readable documents in {folder}$"):
        read([folder])
    good = write(tmp_path / "good.txt", ARTICLE)
    docs, warnings = read([folder, good])
    assert [d.id for d in docs] == ["good"]
    assert warnings[-1] == f"{folder}: no readable documents in this directory"


@pytest.mark.parametrize("content, byte", [
    (b"Caf\xe9 talks in Seoul.", 3),             # Latin-1 e-acute
    (b"\xef\xbb\xbfQuote \x93here\x94.", 9),      # cp1252 quotes after a BOM: offset counts the BOM
])
def test_invalid_utf8_is_decoded_with_replacement_and_a_warning(tmp_path, content, byte):
    path = write(tmp_path / "latin.txt", content)
    docs, warnings = read([path])
    assert "\ufffd" in docs[0].text and not docs[0].text.startswith("\ufeff")
    assert warnings == [f"{path}: invalid UTF-8 at byte {byte}; decoded with replacement characters (U+FFFD)"]


def test_invalid_utf8_in_jsonl_names_the_line(tmp_path):
    path = write(tmp_path / "c.jsonl", b'{"text": "ok"}\n{"id": "x", "text": "Caf\xe9"}\n')
    docs, warnings = read([path])
    assert docs[1] == Document("x", "Caf\ufffd")
    assert warnings == [f"{path}:2: invalid UTF-8 at byte 24 of the line; decoded with replacement characters (U+FFFD)"]


def test_duplicate_ids(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl(
        {"id": "a", "text": "One."},
        {"id": "a", "text": "One."},    # same id, same text: skipped
        {"id": "a", "text": "Two."},    # same id, other text: renamed a-2
        {"id": "a", "text": "Three."},  # renamed a-3
        {"id": "a", "text": "Two."},    # same as the renamed a-2: skipped
        {"id": "a-2", "text": "Four."}, # its own id was taken by the renaming: a-2-2
    ))
    docs, warnings = read([path])
    assert [(d.id, d.text) for d in docs] == [("a", "One."), ("a-2", "Two."), ("a-3", "Three."), ("a-2-2", "Four.")]
    assert warnings == [
        f"{path}:2: skipped: same id and text as document 'a' read before",
        f"{path}:3: id 'a' already names a different text; renamed 'a-2'",
        f"{path}:4: id 'a' already names a different text; renamed 'a-3'",
        f"{path}:5: skipped: same id and text as document 'a-2' read before",
        f"{path}:6: id 'a-2' already names a different text; renamed 'a-2-2'",
    ]


def test_same_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    docs, warnings = read([path, path])
    assert len(docs) == 1 and len(warnings) == 1 and "skipped: same id and text" in warnings[0]


def test_default_warning_is_one_stderr_line(tmp_path, capsys):
    write(tmp_path / "e.txt", "")
    write(tmp_path / "g.txt", ARTICLE)
    assert [d.id for d in read_documents([tmp_path])] == ["g"]
    assert capsys.readouterr().err == f"Warning: {tmp_path / 'e.txt'}: skipped: empty document\n"


# ---------------------------------------------------------------- seeds


def test_seed_corpus_and_seed_files_agree():
    from_jsonl, warnings = read([require(SEEDS_JSONL, "the seed articles")])
    from_files, _ = read(sorted(SEEDS.glob("*.txt")))
    assert len(from_jsonl) == 5 and warnings == []
    assert all(d.date for d in from_jsonl)
    assert [(d.id, d.text) for d in from_jsonl] == [(d.id, d.text) for d in from_files]


# ---------------------------------------------------------------- boilerplate


def masked_lines(text: str) -> list[str]:
    """The non-blank lines of `text` that mask_boilerplate blanked out."""
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    return [a.strip() for a, b in zip(text.split("\n"), masked.split("\n")) if a.strip() and not b.strip()]


BODY = "Seoul said on Tuesday that it would consider sending weapons to Ukraine if Pyongyang kept helping Moscow."


@pytest.mark.parametrize("text, expected", [
    (f"{BODY}\n\nAdvertisement\n\n{OTHER}", ["Advertisement"]),
    (f"{BODY}\nADVERTISEMENT\n{OTHER}", ["ADVERTISEMENT"]),
    (f"{BODY}\n\n  » Read more »  \n\nA caption, left, and a man.\nPutin ratifies treaty\n\n{OTHER}",
     ["» Read more »", "A caption, left, and a man.", "Putin ratifies treaty"]),
    (f"{BODY}\nRead more\nPutin ratifies treaty\n{BODY} Again.", ["Read more", "Putin ratifies treaty"]),  # body sentence ends the teaser
    (f"{BODY}\nREAD MORE: Putin ratifies treaty with Kim\n{OTHER}", ["READ MORE: Putin ratifies treaty with Kim"]),
    (f"Read more\n\n{BODY * 3}\nPutin ratifies treaty", ["Read more"]),  # a long body paragraph ends the teaser
    (f"Read more\n* * *\nPutin ratifies treaty\n{BODY}", ["Read more", "Putin ratifies treaty"]),
    (f"{BODY}\n\nGermany dodges sanctions\nOther Topics of Interest\n\nGermany dodges sanctions\n\n{OTHER}",
     ["Germany dodges sanctions", "Other Topics of Interest", "Germany dodges sanctions"]),
    (f"Headline Of The Story\n\nHeadline Of The Story\n\n{BODY}", ["Headline Of The Story"]),  # headline repeated as first body line
    (f"{BODY}\n{OTHER}{BODY}\n", [BODY]),  # repeated paragraph: the second is masked
    (f"{BODY}\n{OTHER}  {BODY.replace(' ', '  ')}\t\n", [BODY.replace(" ", "  ")]),  # after whitespace normalisation
    (f"Home » World » Headline\nby alex\n{BODY}\nLeave a Comment", ["Home » World » Headline", "by alex", "Leave a Comment"]),
    ("By then it was over.\nPublished reports say Russia attacked Kyiv.\nCopyright law changed in Seoul.", []),
    (f"{BODY}\nRelated events unfolded as Russia attacked Kyiv.", []),
    (f"{BODY}\nTo suggest a correction or clarification, write to us here\nYou can also highlight the text and press Ctrl + Enter",
     ["To suggest a correction or clarification, write to us here", "You can also highlight the text and press Ctrl + Enter"]),
    ("", []),
])
def test_mask_boilerplate_table(text, expected):
    assert masked_lines(text) == expected


@pytest.mark.parametrize("text, found", [
    (f"Headline\n\nJOHANNESBURG (Reuters) - {BODY}", ["JOHANNESBURG (Reuters) - "]),
    (f"KYIV, Ukraine (AP) — {BODY}\nWASHINGTON, Jan 5 (Reuters) - {BODY}", ["KYIV, Ukraine (AP) — ",
                                                                          "WASHINGTON, Jan 5 (Reuters) - "]),
    (f"  LA PAZ (AP) - {BODY}", ["LA PAZ (AP) - "]),
    # (not a name with a parenthesis in a sentence, nor capitals with lower-case parentheses, nor mid-paragraph)
    (f"Russia (Reuters) - {BODY}", []),
    (f"NATO (the alliance) - {BODY}", []),
    (f"{BODY} KYIV (Reuters) - {BODY}", []),
])
def test_datelines_are_found_at_the_start_of_paragraphs(text, found):
    assert [text[start:end] for start, end in datelines(text)] == found


def test_mask_keeps_offsets_and_newlines():
    text = f"{BODY}\r\nAdvertisement\r\n{OTHER}"
    masked = mask_boilerplate(text)
    start = text.index("North Korea")
    assert masked[start:start + 11] == "North Korea"
    assert masked == text.replace("Advertisement\r", " " * 14)


LINE_POOL = ["Advertisement", "Read more", "Putin signs a treaty", BODY, OTHER.strip(), "", "  ", "by alex", "Short.", "\u00a0x\ty "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINE_POOL) | st.text(max_size=30), max_size=12))
def test_mask_changes_only_whole_lines_to_spaces(lines):
    text = "\n".join(lines)
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    for original, result in zip(text.split("\n"), masked.split("\n"), strict=True):
        assert result == original or result == " " * len(original)
    assert mask_boilerplate(masked) == masked  # idempotent: masking never reveals anything


SEED_MASKED = {
    "000_707cf1e2e67d631c": ["Read more", "Russian President Vladimir Putin, left, and North Korea's leader Kim Jong Un.",
                             "North Korea ratifies landmark treaty with Russia"],
    "001_e639e432a76bde20": ["Home » Seoul Forced to Revise Plans to Supply Arms to Ukraine Due to Trump's Victory – Bloomberg",
                             "by alex", "Related topics:", "More news", "You may also like", "Leave a Comment"],
    "002_2e5d5c49a9a53cfd": ["Advertisement", "Sanctions Busting: Germany’s Role in Dodging Russian Sanctions", "Other Topics of Interest",
                             "Sanctions Busting: Germany’s Role in Dodging Russian Sanctions", "Advertisement",
                             "To suggest a correction or clarification, write to us here",
                             "You can also highlight the text and press Ctrl + Enter"],
    "003_541ab06f51c21198": [],
}


@pytest.mark.parametrize("doc_id, expected", sorted(SEED_MASKED.items()))
def test_seed_boilerplate_is_masked_and_body_kept(doc_id, expected):
    text = require(SEEDS / f"{doc_id}.txt", "the seed articles").read_text(encoding="utf-8")
    assert [line.replace("\u00a0", "").strip() for line in masked_lines(text)] == expected


def test_seed_004_repeated_paragraphs_are_read_once():
    text = require(SEEDS / "004_ffb854a21a1d4682.txt", "the seed articles").read_text(encoding="utf-8")
    lines = text.split("\n")
    masked = mask_boilerplate(text).split("\n")
    repeats = [i for i, line in enumerate(lines) if line in lines[:i]]
    assert len(repeats) == 4  # the seed prints four paragraphs twice
    for i in range(len(lines)):
        first = lines.index(lines[i]) == i
        assert masked[i] == (lines[i] if first else " " * len(lines[i]))
    kept = "\n".join(masked)
    assert kept.count("is weighing directly providing arms to Ukraine") == 1
    assert text.count("is weighing directly providing arms to Ukraine") == 2


# ---------------------------------------------------------------- boilerplate rules file


def test_shipped_rules_load_and_every_entry_has_a_comment():
    rules = load_boilerplate()
    assert len(rules.lines) >= 10 and len(rules.teasers) >= 2


@pytest.mark.parametrize("content, message", [
    ("lines:\n  - pattern: '(unclosed'\n    comment: broken\n", r"^bad\.yaml: lines\[0\]: bad regex '\(unclosed': missing \), unterminated subpattern"),
    ("lines:\n  - pattern: 'ok'\n    comment: fine\nteasers:\n  - pattern: 'x'\n", r"^bad\.yaml: teasers\[0\]: 'x' has no 'comment'"),
    ("lines:\n  - 'just a string'\n", r"^bad\.yaml: lines\[0\]: expected a mapping with a string 'pattern'$"),
    ("lines: nope\n", r"^bad\.yaml: 'lines' must be a list"),
    ("- a\n", r"^bad\.yaml: expected a mapping"),
    ("lines: [\n", r"^bad\.yaml: not valid YAML"),
    ("teaser:\n  max_lines: -1\n", r"^bad\.yaml: teaser_max_lines must be a non-negative integer, got -1$"),
    ("line:\n  - pattern: x\n", r"^bad\.yaml: unknown key 'line'"),
    ("datelines:\n  - pattern: '[A-Z'\n    comment: dateline\n", r"^bad\.yaml: datelines\[0\]: bad regex"),
])
def test_bad_rules_file_raises_rules_error_naming_file_and_entry(tmp_path, content, message):
    path = write(tmp_path / "bad.yaml", content)
    with pytest.raises(RulesError, match=message) as error:
        load_boilerplate(path)
    assert "\n" not in str(error.value)


def test_custom_rules_are_used(tmp_path):
    path = write(tmp_path / "rules.yaml", "lines:\n  - pattern: 'sponsored by .+'\n    comment: sponsor line\n")
    rules = load_boilerplate(path)
    assert mask_boilerplate("Sponsored by ACME\nAdvertisement", rules) == " " * 17 + "\nAdvertisement"


# ---------------------------------------------------------------- through the CLI


@pytest.mark.parametrize("args, message", [
    (["{d}/missing.txt"], "Error: {d}/missing.txt: no such file or directory"),
    (["--date", "yesterday", "{d}/a.txt"], "Error: --date: 'yesterday' is not a date (expected YYYY-MM-DD)"),
    (["{d}/empty"], "Error: {d}/empty: no readable documents in this directory (expected .txt, .text, .md, .html, .htm, .jsonl files)"),
    (["{d}/a.pdf"], "Error: {d}/a.pdf: unsupported file type '.pdf' (expected .txt, .text, .md, .html, .htm, .jsonl)"),
])
def test_cli_input_errors_are_one_line_with_exit_code_2(tmp_path, args, message):
    from typer.testing import CliRunner

    from kg.cli import app

    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "a.pdf", "%PDF")
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(app, ["extract", *[a.format(d=tmp_path) for a in args]])
    assert result.exit_code == 2
    assert result.stderr == message.format(d=tmp_path) + "\n"
    assert result.stdout == ""


def test_docstring_examples_hold():
    import doctest

    import kg.ingest

    assert doctest.testmod(kg.ingest).failed == 0


def test_a_fifo_in_a_directory_is_passed_over_not_read(tmp_path):
    """Reading a FIFO blocks until a writer comes: a directory walk takes regular files only."""
    import os

    from kg.ingest import read_documents

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("Russia attacked Ukraine.", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["a"]


def test_binary_stdin_is_skipped_like_a_binary_file():
    import io

    from kg.errors import InputError
    from kg.ingest import read_documents

    warnings: list[str] = []
    with pytest.raises(InputError, match="no readable documents"):
        list(read_documents(["-"], stdin=io.BytesIO(b"\x7fELF\x00\x01binary"), warn=warnings.append))
    assert warnings == ["<stdin>: skipped: binary input (NUL byte in the first 8 KiB)"]


def test_count_documents_counts_files_and_jsonl_lines_for_a_progress_bar(tmp_path):
    from kg.ingest import count_documents

    write(tmp_path / "d" / "a.txt", "One.")
    write(tmp_path / "d" / "sub" / "b.md", "Two.")
    write(tmp_path / "d" / "c.jsonl", '{"text": "x"}\n\n{"text": "y"}\nnot json\n')
    write(tmp_path / "e.txt", "Three.")
    assert count_documents([tmp_path / "d", tmp_path / "e.txt"]) == 2 + 3 + 1  # a bad line is counted: it is read
    assert count_documents(["-"]) is None


# ---------------------------------------------------------------- saved web pages


def test_a_saved_page_gives_its_main_text_title_date_url_and_site(tmp_path):
    write(tmp_path / "troops.html", web_page(**TROOPS_PAGE))
    docs, warnings = read([tmp_path / "troops.html"], date="2020-01-01")
    assert warnings == [] and len(docs) == 1
    doc = docs[0]
    assert (doc.id, doc.title, doc.date, doc.url, doc.source) == (
        "troops", "North Korea sends troops to Russia", "2024-10-18", "https://news.example.org/2024/10/troops",
        "The Daily Example")  # the page's date wins over --date, the site's name is left out of the title
    # the headline first, then one paragraph a line with blank lines between, as an article saved as text
    assert doc.text == "\n\n".join([TROOPS_PAGE["title"], *TROOPS_PAGE["paragraphs"]])
    assert not [line for line in (*PAGE_NAV, *PAGE_FOOTER) if line in doc.text]  # navigation and footer left out


def test_a_page_without_metadata_takes_the_date_given_and_its_heading_as_title(tmp_path):
    page = web_page("Talks in Algiers", ["Algeria hosted talks between Mali and Niger on Wednesday, officials said. "
                                          "The delegations agreed to meet again next month in the capital."], site=None)
    write(tmp_path / "talks.htm", page)
    [doc], _ = read([tmp_path / "talks.htm"], date="2024-09-20")
    assert (doc.title, doc.date, doc.url, doc.source) == ("Talks in Algiers", "2024-09-20", None, None)
    [doc], _ = read([tmp_path / "talks.htm"])
    assert doc.date is None and doc.text.startswith("Talks in Algiers\n\nAlgeria hosted talks")


def test_a_page_with_no_text_is_skipped_with_a_warning_like_an_empty_file(tmp_path):
    write(tmp_path / "pages" / "empty.html", "<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>")
    write(tmp_path / "pages" / "link.html", "https://news.example.org/2024/10/troops")  # a URL saved as a page: no HTML
    write(tmp_path / "pages" / "troops.html", web_page(**TROOPS_PAGE))
    docs, warnings = read([tmp_path / "pages"])
    assert [d.id for d in docs] == ["troops"]
    assert warnings == [f"{tmp_path / 'pages' / 'empty.html'}: skipped: no article text found in the page",
                        f"{tmp_path / 'pages' / 'link.html'}: skipped: not an HTML page"]
    with pytest.raises(InputError, match="^no readable documents in"):
        read([tmp_path / "pages" / "empty.html"])


def test_the_folder_a_browser_saves_beside_a_page_is_not_read(tmp_path):
    write(tmp_path / "Troops.html", web_page(**TROOPS_PAGE))
    write(tmp_path / "Troops_files" / "ad.html", web_page("Buy now", ["Poland accused Russia of sabotage, the advert said."]))
    write(tmp_path / "other_files" / "note.txt", "A folder named _files with no page beside it is read.")
    docs, _ = read([tmp_path])
    assert [d.id for d in docs] == ["Troops", "note"]


def test_a_page_on_stdin_is_read_as_a_page():
    docs, _ = read(["-"], stdin=io.BytesIO(web_page(**TROOPS_PAGE).encode("utf-8")))
    assert [d.title for d in docs] == ["North Korea sends troops to Russia"] and docs[0].id.startswith("doc-")


def test_a_page_in_another_charset_is_decoded_by_its_own_declaration(tmp_path):
    page = web_page("Talks in Bogotá", ["Colombia hosted talks in Bogotá on Wednesday, officials said. "
                                        "The delegations agreed to meet again next month in the capital."])
    data = page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("iso-8859-1")
    write(tmp_path / "talks.html", data)
    docs, warnings = read([tmp_path / "talks.html"])
    assert warnings == [] and docs[0].title == "Talks in Bogotá" and "Bogotá on Wednesday" in docs[0].text
