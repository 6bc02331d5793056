"""LOCATION: street addresses in international order (Wingertweg 126, Rua Diadema 1903, 12 rue de X)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.address_parts import (
    NUMBERED_THING,
    POSTAL_TOWN_NEXT,
    TAIL,
    UNIT_LINE,
    AddressRecognizer,
)
from curation.pii.recognizers.en.address_parts import UP as _UP
from curation.pii.recognizers.en.scored import CASE_SENSITIVE
from curation.pii.recognizers.en.street_address import STREET_SUFFIXES

_NAME = rf"{_UP}\w*(?:['’.-]\w+)*"
# Street-type words written as the end of one compound word, German to Finnish and Icelandic:
# Hauptstraße, Nikola-Peer-Weg, Keizersgracht, Petersborgvej, Storgatan, Urkurinkatu, Laugavegur. The two that end common
# English words need more: "ring" a consonant and a longer stem before it (Opernring, not
# Engineering or Monitoring), "tie" a longer stem (Haakoninlahdentie, not Katie).
# The lookahead on their first letters spares the lookbehinds and the word list at most of the
# positions the lazy scan for the compound tries.
_COMPOUND = (r"(?=(?i:[swgpadulkhmvtbr]))"
             r"(?:(?<=\w\w|-)(?i:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|steig|pfad|gracht|laan"
             r"|straat|plein|kade|dijk|dreef|steeg|singel|hof|pad|graben|markt|vej|gade|gatan|vägen|väg|gränd|torget|stigen|gata"
             r"|veien|gaten|katu|polku|kuja|bulevardi|väylä|rinne|vegur|stígur|braut|stræti|garður)"
             r"|(?<=\w{4}[^\W\daeiouy])ring|(?<=\w{4})tie)")
# Street-type words written before the name: Romance languages, Polish, Greek in Latin letters (Odos).
_PREFIX = (r"(?:Rua|Rúa|Avenida|Av\.|Avda\.|Calle|Callejón|Calzada|Circuito|Cerrada|Privada|Andador|Prolongación"
           r"|Retorno|Carrer|Camino|Paseo|Plaza|Ronda|Rambla|Passeig|Avinguda|Jalan|Jl\.|Travesía|Carretera|Via|Viale|Vicolo|Piazza|Piazzale|Corso"
           r"|Contrada|Largo|Strada|Borgo|Travessa|Praça|Alameda|Estrada|Rodovia|Sítio|Campo|Quinta|Beco|Ladeira"
           r"|Vila|Odos|Leoforos|Calea|Str\.|Triq|Camí|bul\.|bulv\.|vul\.|R\.(?=\ (?:(?:da|do|das|dos|de)\ |[A-Z]\w+(?:\ [A-Z]\w+){0,3},\ ))|Blvd\.|Calz\.|C/|V\.le|C\.so|P\.za|P\.zza|Rue|Avenue|Boulevard|Chaussée|Place|Chemin|Impasse|Allée|Quai|ulica|ul\.|aleja|(?<!et\ )al\.|plac|pl\.|osiedle|os\.)")
_PARTICLE = r"(?:de|da|do|das|dos|del|della|dei|degli|delle|dello|dal|dalla|di|la|le|les|des|du|y|e|von|van|der|den|het|am|im)(?!\w)"
# An article written onto the name: Via dell'Artigianato (IT), Triq il-Kbira (MT).
_ELIDED = r"(?:(?:dell|dall|nell|sull|all|d|l)['’]|i[lnrstxdzż]-)"
# The number is taken whole (possessive): given back digit by digit, "Getreidegasse 22,5020" was
# read as "Getreidegasse 2". A comma then digits is a decimal ("22,5") or a thousands group
# ("1,000"), but a comma then 4 or more digits is the postal code of a comma-separated row.
# Austrian numbers name the stair and the door after the house (Mariahilfer Straße 77/2/14); a
# Nordic entrance letter may stand after a space (Storgatan 48 C, at the end of its part); Turkish
# writes "No: 112".
_NUMBER = (r"(?:(?:[nN][º°o](?:\.|\ ?:)?|[Nn]r\.|Kav\.)\ ?)?"
           r"(?:\d{1,2}\.\d{3}(?![\d.])|\d{1,5}+(?:[A-Za-z]|\ [A-Z](?=[,\n]))?+(?:[-/](?:\d{1,4}+[A-Za-z]?+|[A-Z]{1,3}\b)){0,2}+|S/N|s/n)"
           r"(?![\d:.]\d|,\d{1,3}(?!\d))")
# Korean road names (도로명주소, since 2014): the road's name and its type joined by a hyphen, -ro
# (road), -daero (boulevard), -gil (lane; "Olympic-ro 35-gil", a numbered lane off a road).
_KO_ROAD = rf"(?:{_UP}[a-z]+(?:-[a-z]+)?-(?:daero|ro|gil)(?:\ \d{{1,3}}(?:beon)?-gil)?(?![\w-]))"
# Street-type words written in lower case after the name, Central and Eastern Europe and Turkey:
# Radnička cesta 52 (HR, SI), Dózsa György út 12, Andrássy utca 3 (HU), Brīvības iela 5 (LV),
# Gedimino gatvė 9 (LT), Narva maantee 7, Pärnu mnt 10, Viru tänav 4 (EE), Atatürk Caddesi 5,
# Caferağa Mah. Moda Cad. No: 112 (TR: the quarter, then the street).
_TYPE_AFTER = (r"(?:cesta|ulica|ulice|utca|út|körút|tér|iela|gatvė|g\.|prospektas|pr\.|tänav|maantee|mnt\.?|puiestee"
               r"|caddesi|cad\.|sokak|sokağı|sk\.|bulvarı|yolu|[Cc]addesi|[Ss]okak|[Bb]ulvarı|Cad\.|Cd\.|Sok\.|Sk\.|Blv\.)")
# Colombian grid addresses: the street, its number, "#" and the crossing street and metres
# (Carrera 43A # 1 Sur-220, Calle 26 # 68-35, Cra. 7 No. 71-21, Av. Calle 80 # 69-70).
_CO_STREET = r"(?:(?:Avenida|Av\.|Ak\.|Ac\.)\ )?(?:Calle|Carrera|Cra\.|Cr\.|Kr\.|Cl\.|Transversal|Tv\.|Diagonal|Dg\.)"
_CO_NUMBER = r"\d{1,3}\ ?[A-Z]?(?:\ ?(?:Bis|Sur|Este))?"
# Norwegian, Danish and Swedish street types as a word of their own after a name in the genitive:
# Thorvald Meyers gate 41B, Ole Deviks vei 10, Kongens gate 5. An airport's halls are no street
# ("Arrivals gate 5").
_GENITIVE = rf"(?:{_UP}[\w'’.-]+\ ){{0,2}}{_UP}\w*s"
_NORDIC_TYPE = r"(?:gate|gata|vei|veg|vej|gade|väg|vägen|allé|plass|plads|torg|stræde)"
_TERMINAL = r"(?:Departures|Arrivals|Terminals)\ "
# Taiwanese and Chinese addresses in English: the number, its lane, alley or section, then the road
# (No. 88, Section 2, Zhongshan Road; No. 25, Lane 112, Xinyi Road Section 4).
_LANE = r"(?:(?:Alley|Aly\.|Lane|Ln\.|Section|Sec\.)\ \d{1,4},\ )*"
_ROAD = (rf"(?:{_UP}[\w'’-]+\ ){{1,3}}(?:Road|Rd\.?|Street|St\.?|Avenue|Ave\.?|Boulevard|Blvd\.?)"
         r"(?:,?\ (?:Section|Sec\.)\ \d{1,2})?(?![\w-])")
# A named house or a unit before a street with no number (UK, East Africa, the Philippines): The Old
# Rectory, Church Lane; Mashinani House, Oginga Odinga Street; Unit 1203, Tycoon Centre, Pearl Drive.
# Rooms, floors and levels are left out: "Room 4, Training Centre" is a meeting place. The street
# ends its part: in "Flat 4, Rosewood Court is lovely" the court is the building talked about.
_NAMED_HOUSE = (rf"(?:(?:Flat|Apt\.?|Apartment|Unit|Suite|Warehouse|Shop)\ [\w/-]{{1,6}}"
                rf"|(?:The\ )?(?:{_UP}\w+\ ){{0,2}}?(?:House|Cottage|Farm|Farmhouse|Rectory|Vicarage|Lodge|Manor|Barn"
                rf"|Grange|Chambers))"
                rf"(?:,\ {_UP}\w+(?:\ {_UP}\w+)?\ (?:Centre|Center|Tower|Building|Plaza|House|Court))?")

# A street of a Panamanian or Colombian crossing: Calle 50 y Calle 53, Avenida Balboa y Calle 31.
_CROSSING = r"(?:Calle|Avenida|Av\.|Vía|Carrera)\ (?:\d{1,3}[A-Z]?|(?:[A-Z][\w'’-]+\ ?){1,3}(?<!\ ))"
# Vietnamese addresses name the ward and district after the street, which has no type word in English.
_VN_WARD = (rf",\ (?:(?:{_UP}[\w'’-]+\ ){{1,3}}Ward|Phường|Phuong|Ward|District\ \d|Dist\.\ \d|Quận|Quan\ \d)(?![\w])")
# An address written as a chain of numbered and named parts, with no house number before a street
# word: House 27, Street 9, Sector G-11/2 (PK); Building 12, Street 230, Zone 25 (QA); Flat C, 23/F,
# Kowloonbay Trade Centre (HK); Unit 1507, 15/F, One Corporate Centre (PH); Blk 7 Lot 22 (PH). Two
# parts at least, and one of them a dwelling's or a plot's number or a floor (see `pieces`): "Room 4,
# Level 2" is a meeting place.
_PART_WORD = (r"(?:Units?|Flat|Apt\.?|Apartment|Office|Suite|Villa|House|Building|Bldg\.?|Block|Blk\.?|Lot|Lote|Plot"
              r"|Street|Road|Zone|Sector|Shop|Warehouse|Godown|Dong|Purok|Phase|Room|Level|Tower|Gate|No\.)(?:\ No\.)?")
_PART_ID = r"(?:[A-Z]{0,2}-?\d{1,5}[A-Z]?(?:[-/]\d{1,5}[A-Z]?){0,2}|[A-Z])(?![\w/-])"
_NUMBERED_PART = rf"{_PART_WORD}\ {_PART_ID}"
_FLOOR = r"(?:(?:\d{1,3}|G|LG|UG)/F(?![\w/])|\d{1,3}(?:st|nd|rd|th)\ [Ff]loor\b)"
_PLACE_HEAD = (r"(?:Towers?|Building|Centre|Center|Park|Estate|Heights|Residency|Residences|Apartments|Plaza|Mall|Arcade"
               r"|Court|Square|House|Complex|Society|CHS|Homes|Village|Enclave|District|Interlink"
               r"|Industrial\ (?:Area|Park|Estate|Zone)|Business\ (?:Park|Centre|Center|Bay))")
_NAMED_PART = (rf"(?:(?:{_UP}[\w'’.-]*\ ){{1,4}}{_PLACE_HEAD}(?:\ (?:One|Two|Three|Four|Five|I{{1,3}}|IV|[A-Z]?\d{{1,2}}[A-Z]?))?(?![\w-])"
               rf"|The\ {_UP}[a-z]+(?=,))")
_STREET_PART = rf"(?:{_UP}[\w'’.-]*\ ){{1,3}}(?:Road|Street|Avenue|Highway|Lane|Drive|Boulevard|Way|Rd\.|St\.|Ave\.|Marg)(?![\w])"
_PART = rf"(?:{_NUMBERED_PART}|{_FLOOR}|{_NAMED_PART}|{_STREET_PART}|Brgy\.\ {_NAME}(?:\ {_NAME}){{0,2}})"
# The chain ends its part: in "Flat 4, Rosewood Court is lovely" the court is the building talked about.
_CHAIN_END = r"(?=[ \t]*(?:[,;)\n]|$)|\.(?:[ \t]*(?:\n|$)|[ \t]+[A-Z]))"
_HOME = re.compile(rf"(?:\b(?!Phase|Room|Level|Tower|Gate){_NUMBERED_PART}|{_FLOOR})")

# Unit after the number in Spanish/Portuguese addresses: Interior 317, Edif. 716, Depto. 487.
# Turkish: D: 5 (daire, the flat), Kat: 3 (the floor).
_UNIT = r"(?:\ ?,?\ (?:Interior|Int\.|Edif\.|Depto\.|Piso|Apto\.?|Bloco|Casa|Lote|Puerta|Esc\.|D:|Daire:?|Kat:?)\ ?[\w-]{1,6})"


class CurationIntlAddressRecognizer(AddressRecognizer):
    """Street addresses whose number follows the street (Wingertweg 126, Rua Diadema 1903,
    ulica Paderewskiego 77, Calzada Vela 693 Interior 317) or precedes a French street type
    (12, rue de Rivoli), with the postal code and town after them; a unit on a line of its own
    (Suite 408) and post-office boxes. The US/UK shapes are CurationAddressRecognizer's."""

    ENTITY = "LOCATION"
    NAME = "CurationIntlAddressRecognizer"
    # A compound street name is looked for at most 40 characters ahead of its capital: unbounded,
    # a 12 KB run of "Ab-Ab-…" took 9.5 s (every capital rescanned the rest of the run).
    # The compound and the "Meir 83" shape first look ahead for what every match of theirs holds
    # (a word, then a space and a number's first character; a space and a digit within three
    # words): most capitalised words have neither and fail there, before the lazy compound scan
    # and the numbered-thing word list are tried. Same matches, 7% less time.
    REGEX = rf"""
      (?:
        (?:
            \b(?=(?:{_UP}[a-zäöüß]+e\ )?[\w'’.-]++,?\ [\dnNSs])(?:{_UP}[a-zäöüß]+e\ )?{_UP}[\w'’.-]{{0,40}}?{_COMPOUND}\.?,?\ {_NUMBER}         # (Alte) Wingertweg 126
          | \b{_PREFIX}\ (?:{_PARTICLE}\ |{_ELIDED})*{_NAME}\.?(?:\ (?:{_PARTICLE}|{_ELIDED}?{_NAME}\.?)){{0,4}},?\ {_NUMBER}{_UNIT}*  # Rua Diadema 1903
          | \b\d{{1,5}}(?:\ ?(?:bis|ter))?,?\ (?i:rue|avenue|boulevard|bd|place|allée|chemin|impasse|quai|route
                |cours|square|passage)\ (?:(?:de\ la|de|du|des|d'|l')\ ?)?{_NAME}(?:\ {_NAME}){{0,3}}   # 12 rue de X
          | \b(?:Am|An\ der|Im|In\ der|Auf\ der|Zum|Zur)\ {_NAME}\ {_NUMBER}                   # Am Mühlbach 7a
          | \b(?:\d{{1,2}}-|\d{{1,2}}\ Chome-)\d{{1,3}}-\d{{1,3}}\ {_UP}[a-z]+(?:-[A-Za-z][a-z]+)?(?![\w-])  # 1-2-3 Marunouchi (JP)
          | \b{_UP}[a-zäöüß]+er\ (?:Straße|Strasse|Str\.|Allee|Gasse|Platz|Weg|Damm|Ufer|Chaussee|Landstraße)\ {_NUMBER}  # Mariahilfer Straße 88
          | \b{_UP}[\w'’.-]+\ (?:[\w'’.-]+\ ){{0,2}}{_TYPE_AFTER}\ {_NUMBER}(?:\.(?=[ \t]*(?:[,\n]|$)|\ [IVX]))?{_UNIT}*  # Radnička cesta 52 (HR), Kárász utca 9. (HU)
          | \b{_CROSSING}\ y\ {_CROSSING}(?![\w-])                                        # Calle 50 y Calle 53 (PA)
          | \b\d{{1,5}}(?:/\d{{1,4}})?\ Soi\ {_NAME}(?:\ {_NAME}){{0,2}}(?:\ \d{{1,3}})?(?![\w/-])        # 88/14 Soi Ari 4 (TH)
          | \b\d{{1,5}}[A-Z]?,?\ (?:Jalan|Jln\.|Jl\.)\ {_NAME}(?:\ {_NAME}){{0,3}}(?:\ \d{{1,3}})?(?![\w-])   # 2 Jalan Binjai (MY)
          | \b\d{{1,5}}[A-Za-z]?\ (?:Heol|Ffordd|Stryd|Lôn)\ (?:(?:y|yr)\ )?{_NAME}(?:\ {_NAME})?(?![\w-])      # 7 Heol y Felin (Wales)
          | \b(?:Số|So)\ \d{{1,4}}[A-Z]?(?:/\d{{1,4}})?,?\ (?:Đường|Duong|Phố|Pho)\ {_NAME}(?:\ {_NAME}){{0,3}}   # Số 27 Đường Nguyễn Trãi (VN)
          | \b\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?\ {_NAME}(?:\ {_NAME}){{0,3}}(?={_VN_WARD})           # 12 Nguyễn Huệ, Bến Nghé Ward (VN)
          | \b(?:{_UP}[\w'’.-]+\ ){{1,3}}(?:Avenue|Street|Road|Boulevard)\ (?!(?:19|20)\d\d(?!\d))\d{{1,4}}[A-Za-z]?(?![\w/:.-]?\d)  # Makariou III Avenue 102 (CY)
          | (?P<chain>(?=[^\n,]{{1,60}},){_PART}(?:,\ ?{_PART}|\ {_NUMBERED_PART}){{1,5}}){_CHAIN_END}  # House 27, Street 9, Sector G-11/2
          | \b(?!{_TERMINAL}){_GENITIVE}\ {_NORDIC_TYPE}\ {_NUMBER}                        # Karl Johans gate 22 (NO)
          | \bNo\.\ \d{{1,5}}(?:-\d{{1,4}})?,\ {_LANE}{_ROAD}                                # No. 88, Section 2, Zhongshan Road (TW)
          | \b{_NAMED_HOUSE},\ (?:{_UP}[\w'’]+\ ){{1,3}}(?:{STREET_SUFFIXES})(?=[ \t]*(?:[,\n]|$))  # The Old Rectory, Church Lane,
          | \b{_CO_STREET}\ {_CO_NUMBER}\ ?(?:\#|No\.?|N[º°o]\.?)\ ?{_CO_NUMBER}-\d{{1,3}}(?![\w-])  # Carrera 45 # 26-85 (CO)
          | \b\d{{1,5}}(?:-\d{{1,4}})?\ {_KO_ROAD}                                        # 311 Teheran-ro (KR)
          | \b{_KO_ROAD}\ \d{{1,5}}(?:-\d{{1,4}})?(?![\w-])                                # Teheran-ro 311 (KR)
          | \b(?:Plot(?:\ No\.?)?|(?:Flat|Door|House|Shop|Site)\ No\.?)\ ?\d{{1,5}}[A-Z]?(?:/\d{{1,4}})?           # Plot No. 21 (IN)
          | \b(?:No\.\ \d{{1,4}},\ )?\d{{1,3}}(?:st|nd|rd|th)\ (?:Cross|Main)(?:\ Road)?\b       # 14th Main Road (IN)
          | \bBlk\ \d{{1,4}}[A-Z]?(?:\ {_NAME}){{1,4}}(?:\ \d{{1,2}}\b)?                        # Blk 123 Ang Mo Kio Avenue 3 (SG)
          | \b(?=\S++(?:\ \S++){{0,2}}\ \d)(?!{NUMBERED_THING}){_UP}[a-zà-ÿ]{{2,}}(?:\ {_NAME}){{0,2}}(?=\ \d)(?<!\b{NUMBERED_THING})\ \d{{1,4}}[a-z]?(?:/\d{{1,4}}[a-z]?)?{POSTAL_TOWN_NEXT}  # Meir 83, 1148 Bruxelles; Sokolovská 1021/85 (CZ)
        )
      | (?P<unit_line>{UNIT_LINE})                                                        # Suite 408
      | (?:\b(?:P\.?\ ?O\.?\ ?Box|GPO\ Box|Locked\ Bag|Private\ Bag|Postfach|Apartado|Caixa\ Postal)\ \d{{1,6}}(?:\ \d\d){{0,3}}(?:-\d{{5}})?   # P.O. Box 48211-00100 (KE)
         |\bBox\ \d{{1,6}}{POSTAL_TOWN_NEXT}                                                # Box 1127, 501 11 Borås (SE)
         |\bBP\ \d{{1,5}})(?![\w/])                                                      # PO Box 4521, Postfach 10 02 34
      ){TAIL}
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    # A unit line starts a line; every other alternative a word, with a capital, a digit or the
    # first letter of a lower-case street type (ulica, aleja, plac, osiedle, bul., vul.).
    START = rf"(?:(?=[{_UP[1:-1]}\dabopuv])\b|^)"
    CONTEXT = ("address", "street", "ship", "mail", "live", "lives", "located", "deliver", "remittance", "office")

    # A line that starts with a house number and a capitalised word: 287 Kingsway, 12 Hay Lane.
    _NUMBERED_LINE = re.compile(rf"[ \t]*\n[ \t]*\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,5}})?,?[ \t]{_UP}")

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        # A unit line opens an address only when an address part (Suite 408\nRiverside) or a
        # numbered street line (Unit 9\n287 Kingsway) follows it: "Level 2" over "Escalate to the
        # on-call engineer." is a heading.
        if match.group("unit_line") is not None and not match.group("tail") \
                and not self._NUMBERED_LINE.match(match.string, match.end()):
            return []
        if match.group("chain") is not None and not _HOME.search(match.group("chain")):
            return []
        return super().pieces(match, start, end)
