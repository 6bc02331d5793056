"""German license statements: "-Lizenz" names read as English ones, and the German grant's shape.

"Dieses Projekt steht unter der MIT-Lizenz", "Die Software ist lizenziert unter der Apache-Lizenz
2.0": a license's name with the German word for license (`as_english` writes "License" there and maps
each position back to the line), and a grant that has the work as its subject and "steht unter" /
"ist ... unter" / "lizenziert unter" right before the name (`german_grant`).
"""

from __future__ import annotations

import re

_LIZENZ = re.compile(r"(?:[- ]|\b)Lizenz(?!\w)", re.IGNORECASE)  # not inside a word: "Datenlizenz Deutschland" is a name of its own


def as_english(line: str) -> tuple[str, list[int]]:
    """The line with each "-Lizenz"/" Lizenz" written " License", and for each position of that
    text (and its end) the position in `line` it came from."""
    out, where, at = [], [], 0
    for m in _LIZENZ.finditer(line):
        out.append(line[at:m.start()])
        where.extend(range(at, m.start()))
        out.append(" License")
        # every position of the English word maps to the German word's span
        where.extend([m.start()] + [min(m.start() + i, m.end() - 1) for i in range(1, 8)])
        at = m.end()
    out.append(line[at:])
    where.extend(range(at, len(line) + 1))
    return "".join(out), where


# the work as the subject: "Dieses Projekt", "Die Software", "Der Quellcode", "Unsere Daten"
_DE_OWN = re.compile(r"^\W*(?:dieses|diese|dieser|das|die|der|unser|unsere)\s+(?:\w+\s+){0,2}?(?:Projekt|Software|"
                     r"Code|Quellcode|Bibliothek|Paket|Daten|Datensatz|Datensätze|Korpus|Modell|Programm|Werk|"
                     r"Repository|Repo|Dokumentation|Inhalte?|Dateien|Skripte?)\s+(?:steht|stehen|ist|sind|wird|werden)\b",
                     re.IGNORECASE)
# "steht unter der", "ist lizenziert unter der", "wird unter der ... veröffentlicht", "sind unter den Bedingungen der"
_DE_GRANT = re.compile(r"\b(?:steht|stehen|ist|sind|wird|werden)\s+(?:\w+\s+){0,3}?(?:unter|gemäß)\s+"
                       r"(?:(?:der|den|die|dem)\s+)?(?:Bedingungen\s+(?:der\s+)?)?$", re.IGNORECASE)


def german_grant(before: str) -> bool:
    """Whether `before` (the sentence up to the license's name) is a German grant of the work."""
    return bool(_DE_OWN.match(before) and _DE_GRANT.search(before))
