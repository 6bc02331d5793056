"""Correspondence and deliberation records (mail threads, memos, minutes, 稟議書) apply no license.

A mail thread asking whether the team may ship an AGPL engine, a memo proposing to adopt
Apache-2.0 libraries, meeting notes or a 稟議書 (a request for approval) listing the libraries a
project wants to use: each names licenses as things under discussion, proposed or weighed. None
of them is the work's license file, and none applies a license to itself; a reviewer reads the
whole record as talk. Such a record is known by its form, not its words: a mail's header fields
(Subject and From), or a title naming the record's kind together with the record's own fields
(To/From/Date, attendees, agenda, 申請者, 承認者, 出席者, 議題).
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
_RECORD_FIELDS = {
    "to", "from", "cc", "re", "subject", "date", "sent", "attendees", "participants", "present", "agenda", "prepared by",
    "author", "宛先", "差出人", "送信者", "件名", "日付", "日時", "作成者", "作成日", "出席者", "参加者", "欠席者", "議題", "場所",
    "申請者", "申請部署", "申請日", "申請番号", "起案者", "起案日", "承認者", "決裁者", "決裁日",
}
# the record's kind named as its title: "稟議書：…", "Meeting notes — …", "MEMORANDUM", "Minutes of …";
# never a name that only contains the word ("Meeting Minutes Generator", "議事録要約データ")
_RECORD_TITLE = re.compile(
    r"^\W*(?:[^\W\d_][\w\s-]{0,20}?\s)?(?:memo(?:randum)?|meeting\s+notes|(?:meeting\s+)?minutes|notes\s+of\s+the\s+meeting)"
    r"(?=\s*(?:$|[:：(]|of\b|for\b)|\s+[-—–]\s)"
    r"|^\W*\S{0,12}?(?:稟議書?|起案書?|申請書|議事録|議事メモ|メモ|打ち?合わ?せ記録)(?=\s*(?:$|[:：\-—–(（「【]))",
    re.IGNORECASE)


def _fields(lines: list[Line]) -> set[str]:
    head = [line for line in lines if line.text and not line.code][:HEAD_LINES]
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
    fields = _fields(lines)
    if fields & _MAIL_SUBJECT and fields & _MAIL_SENDER:
        return "mail"
    title = next((line for line in lines if line.text), None)
    if title is not None and _RECORD_TITLE.search(title.text) and fields:
        return "record"
    return None
