"""E-mail reader (.eml, .mbox): one document per message, attachments as documents of their own,
header names and addresses only in known_pii."""

from __future__ import annotations

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources import discover, read_unit
from curation.sources.formats import Blob, ReadContext, ReaderOptions, read_blob
from scripts.sample_files.mail import eml_bytes, write_eml, write_mbox

JANE = ("Jane Doe", "jane.doe@example.com")
BOB = ("Bob Stone", "bob.stone@example.org")
TARO = ("田中 太郎", "t.tanaka@example.jp")
HANAKO = ("佐藤 花子", "hanako.sato@example.jp")
BODY_EN = "Hi Bob,\n\nthe quarterly figures are attached; the export now runs nightly.\n\nRegards, Jane\n"
BODY_JA = "佐藤様\n\nお世話になっております。会議の資料を添付いたします。\nご確認のほどよろしくお願いいたします。\n\n田中"
SECRETS = ("Jane", "Doe", "jane.doe", "Bob Stone", "bob.stone", "田中 太郎", "t.tanaka", "佐藤 花子", "hanako.sato")


def read(data: bytes, suffix: str = ".eml", **options) -> list:
    ctx = ReadContext(SourceInfo("mail", license="MIT"), "mail/x" + suffix, options=ReaderOptions(**options))
    return list(read_blob(Blob.of_bytes(data, suffix), ctx))


def documents(items: list) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def assert_no_header_value_outside_known_pii(items: list, values=SECRETS) -> None:
    for item in items:
        shown = [item.provenance, str(item.record)]
        shown += [item.message] if isinstance(item, Quarantine) else [str(item.metadata)]
        for value in values:
            assert not any(value in s for s in shown), (value, item)


def test_english_message_is_one_document_of_subject_and_body():
    (doc,) = read(eml_bytes(JANE, [BOB], "Quarterly figures", BODY_EN, cc=[("Ann Lee", "ann@example.org")]))
    assert doc.text.startswith("Quarterly figures\n\n") and "the export now runs nightly" in doc.text
    assert doc.record == 0 and doc.provenance == "" and doc.metadata == {}


def test_header_names_and_addresses_are_known_pii_and_in_no_text_metadata_or_provenance():
    (doc,) = read(eml_bytes(JANE, [BOB], "Figures", "The figures are attached.", cc=[("Ann Lee", "ann@example.org")]))
    assert set(doc.known_pii) == {("PERSON", "Jane Doe"), ("EMAIL_ADDRESS", "jane.doe@example.com"),
                                  ("PERSON", "Bob Stone"), ("EMAIL_ADDRESS", "bob.stone@example.org"),
                                  ("PERSON", "Ann Lee"), ("EMAIL_ADDRESS", "ann@example.org")}
    for value in ("Jane", "jane.doe", "Bob", "Ann Lee", "example.org"):
        assert value not in doc.text
    assert "Jane" not in repr(doc)  # known_pii is left out of the repr, like canaries
    assert_no_header_value_outside_known_pii([doc])


def test_japanese_iso_2022_jp_message_is_decoded_with_names_from_encoded_words():
    data = eml_bytes(TARO, [HANAKO], "会議資料の送付", BODY_JA, charset="iso-2022-jp")
    assert b"iso-2022-jp" in data and "会議".encode() not in data  # really ISO-2022-JP on the wire
    (doc,) = read(data)
    assert doc.text.startswith("会議資料の送付\n\n佐藤様") and "会議の資料を添付いたします" in doc.text
    assert ("PERSON", "田中 太郎") in doc.known_pii and ("PERSON", "佐藤 花子") in doc.known_pii
    assert ("EMAIL_ADDRESS", "t.tanaka@example.jp") in doc.known_pii


def test_shift_jis_body_with_windows_characters_and_quoted_printable_utf8_are_decoded():
    sjis = (b"From: a@example.jp\nSubject: test\nContent-Type: text/plain; charset=Shift_JIS\n\n"
            + "①番の件、㈱山田商事様に確認済みです。".encode("cp932"))
    (doc,) = read(sjis)
    assert "①番の件、㈱山田商事様に確認済みです。" in doc.text
    qp = (b"From: a@example.jp\nSubject: =?utf-8?b?5pel5pys6Kqe?=\nContent-Type: text/plain; charset=utf-8\n"
          b"Content-Transfer-Encoding: quoted-printable\n\n=E6=97=A5=E6=9C=AC=E8=AA=9E=E3=81=AE=E6=9C=AC=E6=96=87\n")
    (doc,) = read(qp)
    assert doc.text == "日本語\n\n日本語の本文"


def test_html_only_body_is_read_as_the_visible_text():
    html = "<html><head><style>p{}</style></head><body><p>Visible paragraph.</p><script>x()</script></body></html>"
    (doc,) = read(eml_bytes(JANE, [BOB], "Newsletter", html, html=True))
    assert doc.text == "Newsletter\n\nVisible paragraph."


def test_attachments_become_documents_of_their_own_with_attachment_provenance():
    inner = eml_bytes(("Carol Grey", "carol@example.net"), [JANE], "Original", "The original request text.")
    data = eml_bytes(JANE, [BOB], "Fwd: files", "See the attached files.",
                     attachments=[("minutes of Bob Stone.txt", b"Minutes of the weekly meeting."),
                                  ("rows.csv", b"text,id\nFirst row text,1\nSecond row text,2\n"),
                                  ("forwarded.eml", inner)])
    items = read(data)
    assert [(i.record, i.provenance) for i in items] == [
        (0, ""), (1, "attachment 1 (.txt)"), (2, "attachment 2 (.csv)"), (3, "attachment 2 (.csv)"),
        (4, "attachment 3 (.eml)")]
    assert [i.text for i in items[1:]] == ["Minutes of the weekly meeting.", "First row text", "Second row text",
                                          "Original\n\nThe original request text."]
    # An attachment's documents carry its message's header values; a nested message its own as well.
    assert all(("PERSON", "Jane Doe") in i.known_pii for i in items)
    assert ("EMAIL_ADDRESS", "carol@example.net") in items[4].known_pii
    assert_no_header_value_outside_known_pii(items, SECRETS + ("minutes", "forwarded", "rows", "Carol"))


def test_a_japanese_text_attachment_in_its_declared_charset_is_read_as_text():
    data = eml_bytes(TARO, [HANAKO], "議事録", "議事録を添付します。", attachments=[("議事録.txt", "本日の議事録です。")],
                     charset="iso-2022-jp")
    _, memo = read(data)
    assert memo.text == "本日の議事録です。" and memo.provenance == "attachment 1 (.txt)"


def test_attachment_of_an_unknown_type_is_quarantined_without_its_file_name():
    data = eml_bytes(JANE, [BOB], "Tool", "The tool is attached.", attachments=[("jane-doe-salary.exe", b"MZ\x00\x01")])
    _, attached = read(data)
    assert isinstance(attached, Quarantine) and attached.reason in ("unsupported_format", "binary_file")
    assert attached.provenance == "attachment 1" and "salary" not in attached.message + attached.provenance


def test_attachments_past_the_member_limit_are_not_read():
    data = eml_bytes(JANE, [BOB], "Many", "Many files.", attachments=[(f"{n}.txt", b"Some text.") for n in range(4)])
    items = read(data, archive_max_members=2)
    assert [getattr(i, "reason", i.provenance) for i in items] == [
        "", "archive_limits", "attachment 1 (.txt)", "attachment 2 (.txt)"]
    assert "4 attachments" in items[1].message


def test_mbox_messages_are_numbered_and_their_attachments_follow_them():
    messages = [eml_bytes(JANE, [BOB], f"Note {n}", f"Body of note {n}.\nFrom the team, line two.")
                for n in (1, 2, 3)]
    messages[1] = eml_bytes(JANE, [BOB], "Note 2", "Body of note 2.", attachments=[("a.txt", b"Attached text.")])
    items = read(bytes(write_mbox_bytes(messages)), ".mbox")
    assert [(i.record, i.provenance) for i in items] == [
        (0, "message 1"), (1, "message 2"), (2, "message 2 attachment 1 (.txt)"), (3, "message 3")]
    assert items[0].text == "Note 1\n\nBody of note 1.\nFrom the team, line two."  # mboxrd ">From " unescaped
    assert_no_header_value_outside_known_pii(items)


def write_mbox_bytes(messages: list[bytes]) -> bytes:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        return write_mbox(Path(tmp) / "m.mbox", messages).read_bytes()


def test_a_file_that_is_not_an_email_is_unreadable_email():
    (item,) = read(b"just some words\nwithout any header\n")
    assert item.reason == "unreadable_email" and "header" in item.message
    (item,) = read(b"Subject: not an mbox\n\nbody", ".mbox")
    assert item.reason == "unreadable_email" and "From " in item.message


def test_message_without_body_or_attachments_is_empty_text():
    (item,) = read(b"From: jane.doe@example.com\nSubject: Jane Doe's empty note\n\n\n")
    assert item.reason == "empty_text" and "Jane" not in item.message


def test_undecodable_body_is_quarantined_and_a_few_bad_bytes_are_replaced():
    header = b"From: a@example.com\nSubject: s\nContent-Type: text/plain; charset=utf-8\n\n"
    (item,) = read(header + bytes(range(0x80, 0x100)) * 4)
    assert item.reason == "undecodable_charset"
    line = b"A sentence with one bad byte \xff in the middle, and enough good text around it to stay well under one percent of the body. "
    (doc,) = read(header + line * 3)
    assert doc.text.count("\ufffd") == 3
    (doc,) = read(header.replace(b"utf-8", b"x-unknown-charset") + "Plain UTF-8 text, é.".encode())
    assert doc.text.endswith("Plain UTF-8 text, é.")


def test_messages_nested_past_the_depth_limit_are_archive_too_deep():
    innermost = eml_bytes(JANE, [BOB], "Level 2", "The innermost message.")
    middle = eml_bytes(JANE, [BOB], "Level 1", "The middle message.", attachments=[("m.eml", innermost)])
    outer = eml_bytes(JANE, [BOB], "Level 0", "The outer message.", attachments=[("m.eml", middle)])
    items = read(outer, archive_max_depth=1)
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Quarantine"]
    assert items[2].reason == "archive_too_deep" and items[2].provenance == "attachment 1 (.eml) attachment 1 (.eml)"


def test_random_and_truncated_mail_never_raises():
    good = eml_bytes(JANE, [BOB], "Files", "Body.", attachments=[("a.txt", b"x" * 200), ("b.eml", b"From: x")])
    for cut in range(0, len(good), 37):
        for item in read(good[:cut]) + read(b"From x\n" + good[:cut], ".mbox"):
            assert isinstance(item, RawDocument | Quarantine)


def test_inbox_with_eml_and_mbox_is_discovered_and_read(tmp_path):
    src = tmp_path / "inbox" / "mail"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\nowner: Support\npurpose: mail\n")
    write_eml(src / "Jane Doe - figures.eml", JANE, [BOB], "Figures", BODY_EN,
              attachments=[("notes.txt", b"Notes on the figures.")])
    write_mbox(src / "archive.mbox", [eml_bytes(TARO, [HANAKO], "会議", BODY_JA, charset="iso-2022-jp"),
                                      eml_bytes(BOB, [JANE], "Re: Figures", "Thanks, received.")])
    units = list(discover(tmp_path / "inbox"))
    items = [(unit, item) for unit in units for item in read_unit(unit)]
    assert [(i.record, i.provenance) for _, i in items] == [
        (0, ""), (1, "attachment 1 (.txt)"), (0, "message 1"), (1, "message 2")]
    assert all(isinstance(i, RawDocument) and i.source == "mail" for _, i in items)
    assert {u.stored.rsplit(".", 1)[1] for u in units} == {"eml", "mbox"}
    assert_no_header_value_outside_known_pii([i for _, i in items])
    assert all("Jane" not in u.stored for u in units)
