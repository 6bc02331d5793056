"""Correspondence and deliberation records (mail threads, memos, minutes, 稟議書) apply no license.

A mail thread asking whether the team may ship an AGPL engine, a memo proposing to adopt
Apache-2.0 libraries, meeting notes or a 稟議書 (a request for approval) listing the libraries a
project wants to use: each names licenses as things under discussion, proposed or weighed. None
of them is the work's license file, and none applies a license to itself; a reviewer reads the
whole record as talk. Such a record is known by its form, not its words: a mail's header fields
(To, From and Subject), or a title naming the record's kind together with fields only a record has
(To/From, attendees, agenda, 申請者, 承認者, 出席者, 議題) -- never author or date, which any README or
dataset card carries. Quoted lines ("> From: ...") are someone else's mail, not this file's form.

A file is talk only where the record is all of it: a performative grant in the first person ("I
hereby license ...", "I agree to relicense ... under"), a "License:" field, a License section, or a
later section that states the work's license ("fastgrid is released under ...") each applies a
license. With a performative grant or a field the file is read as any other; a License section or
a later stated license ends the record there (`record_lines`): the record before it stays talk.
"""

from __future__ import annotations

import re

from curation.licenses.text import Line

# A record's fields are its head: the first of them within its first lines (after a title), all of
# them within a few more; a README that quotes a mail further down stays a README.
FIRST_FIELD_WITHIN = 3
HEAD_LINES = 10

_FIELD = re.compile(r"^\W*([^\W\d][\w\s.-]{0,24}?)\s*[:：]")
_MAIL_SUBJECT = {"subject", "件名"}
_MAIL_SENDER = {"from", "差出人", "送信者"}
_MAIL_RECIPIENT = {"to", "宛先"}
# fields only a record has: who it goes to or comes from, who attended, what was on the agenda, who
# applies and who approves; an author or a date line is on any README or dataset card
_RECORD_FIELDS = {
    "to", "from", "cc", "re", "subject", "sent", "attendees", "participants", "present", "agenda",
    "宛先", "差出人", "送信者", "件名", "出席者", "参加者", "欠席者", "議題",
    "申請者", "申請部署", "申請日", "申請番号", "起案者", "起案日", "承認者", "決裁者", "決裁日",
}
# a license said as a field ("License: CC BY 4.0") or a License section: the file applies one
_LICENSE_FIELD = re.compile(r"^\W*(?:licen[cs]e|licensing|ライセンス|利用許諾|利用条件)\s*[:：]", re.IGNORECASE)
_LICENSE_HEADING = re.compile(
    r"^\W*(?:licen[cs]e|licensing|copyright(?:\s+and\s+licen[cs]e)?|ライセンス|利用許諾|利用条件|著作権)"
    r"(?:\s*(?:[-—–:：]\s*.*)?)$", re.IGNORECASE)
# a performative grant: the writer applies a license by saying so, which is no talk about one
_PERFORMATIVE_GRANT = re.compile(
    r"\b(?:I|we)\b(?:\s*,[^,\n]{1,60},)?\s+(?:hereby\s+(?:license|grant|release|dedicate|place|make)"
    r"|(?:hereby\s+)?agree\s+to\s+(?:re-?)?licen[cs]e\b.{0,120}?\bunder\b)"
    r"|(?:ここに|本書により|本メールにより).{0,80}?(?:許諾します|ライセンスします|提供します|公開します)",
    re.IGNORECASE)
# a section after the record that states the work's license in the present: another document
_STATED_LICENSE = re.compile(
    r"\b(?:is|are)\s+(?:now\s+)?(?:released|licen[cs]ed|distributed|made\s+available|available)\s+under\b"
    r"|で(?:提供|公開|配布)(?:します|しています)|の下で(?:提供|公開|配布)(?:します|しています)", re.IGNORECASE)
# the record's kind named as its title: "稟議書：…", "Meeting notes — …", "MEMORANDUM", "Minutes of …";
# never a name that only contains the word ("Meeting Minutes Generator", "議事録要約データ")
_RECORD_TITLE = re.compile(
    r"^\W*(?:[^\W\d_][\w\s-]{0,20}?\s)?(?:memo(?:randum)?|meeting\s+notes|(?:meeting\s+)?minutes|notes\s+of\s+the\s+meeting)"
    r"(?=\s*(?:$|[:：(]|of\b|for\b)|\s+[-—–]\s)"
    r"|^\W*\S{0,12}?(?:稟議書?|起案書?|申請書|議事録|議事メモ|メモ|打ち?合わ?せ記録)(?=\s*(?:$|[:：\-—–(（「【]))",
    re.IGNORECASE)


def _own_lines(lines: list[Line]) -> list[Line]:
    """The lines this file says itself: no code, no quoted mail ("> From: ...")."""
    return [line for line in lines if line.text and not line.code and not line.quoted]


def _fields(lines: list[Line]) -> set[str]:
    head = lines[:HEAD_LINES]
    found = set()
    for position, line in enumerate(head):
        # a Japanese form sets two fields on one line ("日時：11月12日　参加者：開発部")
        for part in re.split(r"[\u3000\t]|\s{2,}", line.text):
            if (m := _FIELD.match(part)) and (key := m.group(1).strip().lower()) in _RECORD_FIELDS:
                found.add(key)
        if not found and position + 1 >= FIRST_FIELD_WITHIN:
            return set()
    return found


def record_kind(lines: list[Line]) -> str | None:
    """'mail' or 'record' where these lines are a mail thread or a memo, minutes or request for
    approval (see the module docstring); None for any other text."""
    own = _own_lines(lines)
    kind = _form(own)
    if kind is None or _applies_a_license(own):
        return None
    return kind


def _form(own: list[Line]) -> str | None:
    fields = _fields(own)
    if fields & _MAIL_SUBJECT and fields & _MAIL_SENDER and fields & _MAIL_RECIPIENT:
        return "mail"
    return "record" if own and _RECORD_TITLE.search(own[0].text) and fields else None


def record_lines(lines: list[Line]) -> tuple[int, int] | None:
    """The first and last line of a record (a mail, a memo, minutes) that a section of the work
    follows: a License section, or a later section that states the work's license. The record's
    lines are talk; the section after it is read as any text. None where the file is no record,
    where the record itself applies a license (a performative grant, a "License:" field), or where
    no such section follows (`record_kind` reads the whole file then)."""
    own = _own_lines(lines)
    if _form(own) is None:
        return None
    later = next((i for i, line in enumerate(own) if i and line.heading), None)
    section = next((i for i, line in enumerate(own) if i and line.heading and _LICENSE_HEADING.match(line.text.strip())),
                   None)
    if section is None and later is not None and any(_STATED_LICENSE.search(line.text) for line in own[later:]):
        section = later
    if section is None or any(_PERFORMATIVE_GRANT.search(line.text) or _LICENSE_FIELD.match(line.text)
                              for line in own[:section]):
        return None
    return own[0].number, own[section].number - 1


def _applies_a_license(own: list[Line]) -> bool:
    """Whether the file, beside its record, applies a license: a performative grant, a License
    field or section, or a section after the record's head that states the work's license."""
    if any(_PERFORMATIVE_GRANT.search(line.text) or _LICENSE_FIELD.match(line.text) for line in own):
        return True
    if any(line.heading and _LICENSE_HEADING.match(line.text.strip()) for line in own):
        return True
    # the record ends at its first heading after the head; what follows may be the work's README
    later = next((i for i, line in enumerate(own) if i and line.heading), None)
    return later is not None and any(_STATED_LICENSE.search(line.text) for line in own[later:])
