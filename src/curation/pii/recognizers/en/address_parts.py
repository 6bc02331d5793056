"""Regex parts for the lines around a street: units, postal codes with their town, towns, regions.

An address is a street line with other lines around it (a unit or building above, a postal code
and town below, then a country), written one per line in letters and signatures or joined with
commas in prose. The street recognizers find the street by its structure (number + street-type
word); `TAIL` then follows the address over the parts that can only be read as address parts
*there* ("8027 Graz", "Chiyoda-ku, Tokyo 100-0005", "Singapore 079903", "#12-05", a country),
and `LEAD` takes the unit or building line just above it ("Level 12", "Sumitomo Building 22F").
A bare "Graz" or "4020" elsewhere in the text is left to NER and the postal-code recognizer.
"""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer
from curation.pii.recognizers.en.shapes import ORG_UNIT_HEAD

UP = r"[A-ZÀ-ÖØ-ÞĀ-ŽŁŚŻŹĆŃÓ]"  # a capital letter, Latin-1 and Latin Extended-A included
_LOW_PARTICLE = r"(?:de|da|do|das|dos|del|di|la|le|les|am|an|der|im|sur|en|upon|on)"
# A town or region: capitalised words (or all capitals: LILLE, NEW ZEALAND), hyphenated parts
# (Chiyoda-ku, Sainte-Catherine), abbreviated words (St. Albans, T. Nagar).
# Possessive (*+): a word's letters and hyphenated parts are taken whole, never given back, so a
# run like "Ab-Ab-Ab-…" costs linear time instead of doubling with each part.
_TOWN_WORD = rf"{UP}(?:[\w'’]*+(?:-[\w'’]+)*+|[a-z]{{0,3}}\.(?=[ ]{UP}))"   # a period only inside: St. Albans
TOWN = rf"{_TOWN_WORD}(?:[ ](?:{_TOWN_WORD}|{_LOW_PARTICLE}(?=[ ]{UP}))){{0,3}}"
# Words that open the line after an address but are labels, not places.
_LABEL = (r"(?:Tel|Tel\.|Phone|Telephone|Mobile|Mob|Cell|Fax|Email|E-mail|Mail|Web|Website|Www|Attn|Attention|Dear|Hi|Hello"
          r"|Regards|Thanks|Subject|Invoice|Order|Total|Date|Contact|Office|Direct|VAT|Tax|Reference|Ref|IBAN|BIC"
          r"|SWIFT|Account|Payment|Please|Note|Expected|Questions)(?![\w-])")
# A capitalised line or part ending in a department's or a job title's head noun ("The Sales
# Department", "Human Resources", "Logistics Coordinator") names a unit of the company or a role,
# not a town, even where it stands between address lines.
NOT_PLACE = rf"(?!(?:{_TOWN_WORD}[ ]){{0,3}}{ORG_UNIT_HEAD})"
# Postal code shapes of the countries whose addresses English business text carries most. Each is
# only taken where TAIL puts it (next to the town, after the street), never on its own. The label
# before a code (CEP, C.P., PLZ) is no personal data; a country letter before it (D-80331) is part of it.
_POSTAL_LABEL = r"(?:(?:CEP|C\.P\.|CP|PLZ)\ ?)?"                    # CEP 01310-200, C.P. 76400
POSTAL_CODE = r"""(?:
    (?:[A-Z]{1,2}-\ ?)?                                           # D-80331, CH-3018
    (?:[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2}                     # UK: SW1A 1AA
     | [A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9]                          # CA: M5V 3L9
     | [AC-FHKNPRTV-Y][0-9][0-9W]\ [0-9AC-FHKNPRTV-Y]{4}            # IE Eircode: D02 X285
     | \d{4}\ {0,2}[A-Z]{2}(?![\w])                               # NL: 1015 CJ
     | [A-Z]{3}\ ?\d{4}                                          # MT: MST 1016
     | [A-Z]\d{4}[A-Z]{3}                                         # AR (CPA): C1045AAB
     | \d{5}-\d{3}|\d{3}-\d{4}|\d{4}-\d{3}|\d{2}-\d{3}            # BR, JP, PT, PL
     | \d{5}(?:-\d{4})?                                          # US ZIP(+4); DE, FR, ES, IT, MX
     | \d{3}\ \d{2}(?!\d)|\d{3}\ \d{3}(?!\d)|\d{4,6}               # SE 111 21; IN 560 038; 4-6 digits
    )(?![\w-])
)"""
POSTAL = rf"(?:{_POSTAL_LABEL}{POSTAL_CODE})"
# The words that label a postal code, as a form's field or a table's column header, lower case, one or
# two words: the postal-code recognizer reads a code after them, the table reader a column under them.
POSTAL_LABEL_WORDS = ("zip", "zip code", "zipcode", "postcode", "post code", "postal code", "postalcode", "plz",
                      "postleitzahl", "cep", "pin code", "pincode", "postnummer", "postnr", "código postal",
                      "codigo postal", "code postal", "c.p.")
# The end of an address part: a comma, the end of the line, or the end of a sentence.
# Brazilian addresses join their parts with dashes and the state with a slash (1.307 – Jardins – São Paulo/SP).
_END = r"(?=[ \t]*(?:[,;)]|\n|$)|\.(?:[ \t]*(?:\n|$)|[ \t]+[A-Z][a-z])|[ \t][-–—][ \t]|/[A-Z]{2}(?![\w]))"
# A unit, floor, building or box: Suite 408, Level 12, #12-05 Tower One, 8.º Dto., bte 15, and each
# country's own words for them: apto, loja, bloco (PT, BR), oficina, depto, puerta (ES), scala,
# int. (IT), m., lok. (PL), 3. OG links (DE), 3. tv. (DK), 4 tr (SE). A unit is read only next to a
# street or as a line over an address part, so a short abbreviation (m. 22) is no risk in prose. Detection runs on the NFKC view
# (text_view), where the ordinal indicators º ª are the letters o a.
UNIT = rf"""(?:
    (?i:suite|ste\.?|apt\.?|apartment|unit|flat|floor|level|room|bldg\.|building|bte|box|sala|conj\.|andar|planta
       |piso|escalier|bâtiment|blk|block|tower|shop|door|apto|loja|bloco|oficina|depto|dpto|puerta|scala|interno
       |lgh|stiege|bus|bât)\.?\ [\w./-]{{1,6}}(?<![./-])(?:\ [«"“][A-Z][»"”])?   # Flat 3/2: a Scottish tenement's floor and door; piso 9 «C»
  | piano\ (?:\d{{1,2}}|terra|rialzato)(?![\w])   # IT floor, lower case as in an address: "Piano 3" is an instrument line
  | (?:int|lok|m|of|Of|esc|ap|bl|sc|et|kv|Kav)\.\ ?(?:[A-Z]?\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?|[A-Z])(?![\w-])   # int. 9 (IT), lok. 8, m. 22 (PL); bl. 4, sc. B, ap. 12 (RO); kv. 7 (UA)
  | (?i:office)\ \d{{1,5}}[A-Z]?(?![\w-]|\ \d)                              # Office 401, not "Office 0475 87 24 16" (a phone)
  | (?:\d{{1,3}}|G|LG|UG)/F(?![\w/])                                        # 23/F, G/F: a floor (HK)
  | [IVX]{{1,4}}\.\ emelet(?:\ \d{{1,3}}\.?)?                                  # II. emelet 4.: floor and door (HU)
  | \d{{1,2}}\.\ ?(?:OG|EG|DG|UG|Stock|[Ee]tage)(?:\ (?:links|rechts|Mitte|li\.|re\.))?(?![\w])  # 3. OG links (DE, AT)
  | (?:\d{{1,2}}\.|st\.|kl\.)\ ?(?:tv|th|mf)\.?(?![\w])                       # 3. tv. (DK)
  | \d{{1,2}}\ tr\.?(?![\w])                                                # 4 tr (SE: floor)
  | (?:Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus|Hochparterre|Souterrain)(?![\w])  # DE building parts
  | \#\d{{1,3}}-\d{{1,4}}(?:\ {TOWN})?|\#\d{{1,5}}[A-Z]?(?![\w-])
  | \d{{1,3}}(?:st|nd|rd|th|\.?[ºªoa]|e)\ (?i:floor|andar|étage|piso|planta)
  | \d{{1,2}}\.?[ºªoa]\ ?(?:{UP}?[a-z]{{0,4}}\.?)?(?![\w])
  | {TOWN}\ (?:Building|Tower|House|Centre|Center|Plaza|Court|Chambers|Apartments)(?:\ \d{{1,3}}F)?
  | \d{{1,3}}(?:st|nd|rd|th)\ (?:Cross|Main)(?:\ Road)?|Sector\ \d{{1,3}}
  | \d{{1,3}}F\.?(?![\w-])                                                   # 14F, 7F.: a floor (KR, JP, TW)
)"""
_REGION_SEP = r"(?:,?[ \t]{1,2}|[ \t][-–—][ \t]|/)"
# Each part of an address after its street is captured as group `p` (the regex module keeps every
# capture of a repeated group): the parts are reported one span each, so the commas, spaces,
# dashes and labels between them (", C.P. ", " - ") stay in the text, as they do between the
# lines of a block. A postal code and its town, in either order, with a region between town and code.
_CODE = rf"{_POSTAL_LABEL}(?P<c>{POSTAL_CODE})"
# A district's label (Col. Juárez, Bairro Centro) is no personal data either, and "Col." would
# otherwise be read as an abbreviated town word (St. Albans).
_DISTRICT = r"(?:(?:Col\.|Colonia|Bairro)\ )?"   # group c: a postal code
POSTAL_TOWN = rf"{_CODE}[ \t]{{1,2}}(?P<p>{TOWN}(?:\ \d{{1,2}}(?![\w.,:/]?\d))?)(?:\ \((?P<p>[A-Z]{{2}})\))?"   # 20121 Milano (MI)
TOWN_POSTAL = (rf"(?!{_LABEL}|(?:CEP|C\.P\.|CP|PLZ)\ ){NOT_PLACE}{_DISTRICT}(?P<p>{TOWN}(?:\ \d{{1,2}})?)(?:{_REGION_SEP}(?P<p>[A-Z]{{2,3}}|{TOWN}))?"
               rf"{_REGION_SEP}{_CODE}(?![ \t]?\d)")   # not a phone
# A postal code and town line right after a street name and number with no street-type word (Meir
# 83, 1148 Bruxelles; Dam 1\n1012 JS Amsterdam): that line is what makes the name a street.
# A recent year is not that postal code: "Windows 11, 2024 Edition", "Appendix 4, 2023 Annual Report".
# A unit may stand between (Agiou Andreou 211, Flat 302, 3036 Limassol), and a district number after
# the town (Sokolovská 1021/85, 186 00 Praha 8).
POSTAL_TOWN_NEXT = (rf"(?=(?:,[ \t]?{UNIT})?(?:,[ \t]?|[ \t]*\n[ \t]*)(?!(?:19[5-9]|20[0-3])\d(?!\d)){POSTAL}[ \t]{{1,2}}{TOWN}"
                    rf"(?:\ \d{{1,2}})?{_END})")
# Capitalised words that number things other than streets.
NUMBERED_THING = (r"(?:Section|Room|Art|Article|Chapter|Page|Figure|Table|Version|Release|Order|Invoice|Ticket"
                  r"|Case|Batch|Gate|Level|Floor|Suite|Unit|Phase|Step|Week|Day|Year|Item|Line|Box|Account|No)(?!\w)")
# A town, district, region or country standing alone between separators.
TOWN_ALONE = rf"(?!{_LABEL}){NOT_PLACE}{_DISTRICT}(?P<p>{TOWN}(?:\ \d{{1,2}})?){_END}"   # Dublin 2
_SEP = r"(?:,[ \t]?|[ \t][-–—][ \t]|[ \t]*\n[ \t]*|[ \t]{1,2})"
# The parts after a street; group `tail` marks where they begin (the street line ends there). A unit
# is group `u`: on the line of the part before it, it belongs to that part (Calle Serrano 143, 9º B).
TAIL = rf"(?P<tail>(?:{_SEP}(?:{POSTAL_TOWN}|{TOWN_POSTAL}|(?P<u>{UNIT})|{_CODE}{_END}|{TOWN_ALONE})){{0,8}})"
# A unit or building just before a street ("Level 12, " or "Sumitomo Building 22F\n"), looked for
# in the few characters before each street match only: tried at every position of every text, it
# cost more than all the other English recognizers together.
# The unit may come with its building's name ("Unit 12, Sunset Heights, 41 Beach Road").
_LEAD = re.compile(rf"(?:{UNIT})(?:,[ \t]?{TOWN})?(?:,[ \t]?|[ \t]*\n[ \t]*)\Z", re.VERBOSE)
# A line of units alone (Suite 408; Flat 943, Sai Krupa Apartments; 7th Floor, Raheja Tower) opens
# an address block as a street line does, when the block goes on below it ("Room 4.18" between
# blank lines is a meeting room) with an address part (CurationIntlAddressRecognizer.pieces).
UNIT_LINE = rf"(?m:^[ \t]*{UNIT}(?:,[ \t]?{UNIT}){{0,2}}[ \t]*$)(?=[ \t]*\n[ \t]*\S)"

_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def with_lead(text: str, start: int) -> int:
    """`start` moved back over a unit or building line just before it (LEAD), if there is one."""
    window = max(0, start - 60)
    m = _LEAD.search(text, window, start)
    return m.start() if m else start


# Labels that open an address line but are not personal data: postal-code and district labels.
_PIECE_LABEL = re.compile(r"(?:CEP|C\.P\.|CP|PLZ|Col\.|Colonia|Bairro)\ ")
_LEAD_END = re.compile(r"[ \t]*,?[ \t]*\Z")


def line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line of text[start:end], without a leading label (C.P., CEP, Col.):
    each line is masked on its own, so the line breaks and indentation of a letter's address block
    survive anonymization."""
    out, pos = [], start
    for m in [*_LINE_BREAK.finditer(text, start, end), None]:
        stop = m.start() if m else end
        if stop > pos:
            label = _PIECE_LABEL.match(text, pos, stop)
            out.append((label.end() if label else pos, stop))
        if m:
            pos = m.end()
    return out


# What joins two parts of one address span: a comma alone ("3-28-8 Nishi-Shinjuku, Shinjuku-ku").
_JOIN = re.compile(r",[ \t]?")


def address_pieces(match, start: int) -> list[tuple[int, int]]:
    """The spans an address match (with its lead from `start`) is reported as: each line, and
    inside a line its parts (TAIL's captures: `p` town, region or country, `c` postal code, `u`
    unit), so the separators between them stay text. Labelled addresses disagree on commas: the
    project's own corpora count "street, town, region" as one span, business-letter gold labels
    every part alone. Both leave out the separator before a postal code and before the last part
    (the country, or the town an address ends with), so only those commas are left as text; a
    unit on its part's line joins it (Calle Serrano 143, 9º B)."""
    text = match.string
    lead_end = _LEAD_END.search(text, start, match.start()).start() if start < match.start() else start
    pieces = line_pieces(text, start, lead_end) + line_pieces(text, match.start(), match.start("tail"))
    parts = sorted([(*span, "p") for span in match.spans("p")] + [(*span, "c") for span in match.spans("c")]
                   + [(*span, "u") for span in match.spans("u")])
    for i, (part_start, part_end, kind) in enumerate(parts):
        gap = text[pieces[-1][1]:part_start] if pieces else "\n"
        joined = kind == "p" and i < len(parts) - 1 and _JOIN.fullmatch(gap)
        if (kind == "u" and "\n" not in gap) or joined:
            pieces[-1] = (pieces[-1][0], part_end)
        elif part_end > part_start:
            pieces.append((part_start, part_end))
    if lead_end > start and _JOIN.fullmatch(text[lead_end:match.start()]):  # Level 12, 345 George Street
        pieces[:2] = [(pieces[0][0], pieces[1][1])]
    return pieces


class AddressRecognizer(ScoredRecognizer):
    """A street recognizer whose match also takes the unit or building line just above it
    (with_lead) and is reported one span per address line and part (address_pieces)."""

    def span(self, match) -> tuple[int, int]:
        return with_lead(match.string, match.start()), match.end()

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        return address_pieces(match, start)

    def score(self, value: str) -> float | None:
        # An address of several lines or comma-joined parts is reported part by part, and its town
        # alone ("München") is a span spaCy may also read as a name (0.85): the structure around the
        # part is the stronger evidence, so the part keeps its type.
        return 0.86 if "\n" in value or "," in value else 0.6
