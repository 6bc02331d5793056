"""LOCATION: street addresses (house number, street, suffix, unit, city, region, postal code)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.address_parts import TAIL, AddressRecognizer
from curation.pii.recognizers.en.scored import CASE_SENSITIVE
from curation.pii.recognizers.en.shapes import WORD as _WORD

# USPS Publication 28 street suffixes (C1) and common British/Australian ones.
STREET_SUFFIXES = (
    "Alley|Aly|Annex|Arcade|Avenue|Ave|Bayou|Beach|Bend|Bluffs?|Bottom|Boulevard|Blvd|Branch|Bridge|Brooks?|Burgs?|"
    "Bypass|Camp|Canyon|Cape|Causeway|Centers?|Centre|Circles?|Cir|Cliffs?|Close|Club|Common|Corners?|Course|Courts?|"
    "Ct|Coves?|Creek|Crescent|Cres|Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Drives?|Dr|Estates?|Expressway|"
    "Extensions?|Falls?|Ferry|Fields?|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Freeway|Gardens?|Gateway|Glens?|Greens?|"
    "Groves?|Harbors?|Haven|Heights|Highway|Hwy|Hills?|Hollow|Inlet|Islands?|Isle|Junctions?|Keys?|Knolls?|Lakes?|"
    "Land|Landing|Lane|Ln|Light|Lights|Loaf|Locks?|Lodge|Loop|Mall|Manors?|Meadows?|Mews|Mills?|Mission|Motorway|"
    "Mount|Mountains?|Neck|Orchard|Oval|Overpass|Parade|Park|Parks|Parkways?|Pass|Passage|Path|Pike|Pines?|Place|Pl|"
    "Plains?|Plaza|Points?|Ports?|Prairie|Promenade|Radial|Ramp|Ranch|Rapids?|Rest|Ridges?|Rise|River|Road|Roads|Rd|"
    "Route|Row|Rue|Run|Shoals?|Shores?|Skyway|Springs?|Spurs?|Square|Squares|Sq|Station|Stravenue|Stream|Street|"
    "Streets|St|Summit|Terrace|Tce|Throughway|Trace|Track|Trafficway|Trail|Trailer|Tunnel|Turnpike|Underpass|Unions?|"
    "Valleys?|Viaduct|Views?|Villages?|Ville|Vista|Walks?|Wall|Way|Ways|Wells?|Wharf|Wood|Wynd|Yard|Corso|Esplanade|"
    "Grove|Hill|Gate|Gardens|Green|Lawn|Drove|Broadway|Boardwalk|Concourse|Cove|Cross|Glade|Ridge|Nook|Strand|"
    "Quay|Approach|Embankment|Chase|Pkwy|Expy|Fwy|Ter|Trl|Plz|Hts|Tpke|Xing")
# Directions before the street name (9546 W Cedar Ridge Road, 218 NE 9th Ave) and after the suffix (1600 ... Ave NW).
_PRE_DIR = r"(?:(?:[NS][EW]|[NSEW]\.?)\ |(?:North|South|East|West)\ )?"   # 1420 NW Glisan St (Portland)
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"  # 350 5th Avenue, 1 W 34th St
_POST_DIR = r"(?:\ (?:N|S|E|W|NE|NW|SE|SW)\b)?"
_UNIT = r"(?:,?\ (?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Floor|Fl\.?|Room|Rm\.?|Bldg\.?|Building|\#)\ ?[\w-]{1,6})"


class CurationAddressRecognizer(AddressRecognizer):
    """House number + street name + street suffix (+ unit) (+ city, region, postal code), in
    US/CA/AU/UK shapes, and US military addresses (APO/FPO)."""

    ENTITY = "LOCATION"
    NAME = "CurationStreetAddressRecognizer"
    REGEX = rf"""
        (?:
            (?:(?:Flat|Studio|Unit|Apartment|Suite|Level)\ [\w-]{{1,6}}[,\n /]\ ?)?   # UK/AU flat or level
            \b(?:\d{{1,5}}[-/])?\d{{1,6}}[A-Za-z]?\ {_PRE_DIR}(?:(?:{_WORD}|{_ORDINAL})\ ){{1,3}}(?:{STREET_SUFFIXES})\b\.?{_POST_DIR}{_UNIT}?   # 412-1411 King St W (CA), 5/38 Hay Lane (AU)
          | (?:Flat|Studio|Apartment)\ [\w-]{{1,6}}\n{_WORD}(?:\ {_WORD})?\ (?:{STREET_SUFFIXES})\b   # UK, no number
          | (?:PSC|Unit|CMR)\ \d{{3,5}},?\ Box\ \d{{3,5}}                           # US military
          | (?:USNS|USNV|USS|USCGC)\ {_WORD}
        )
        (?:\n?(?:APO|FPO|DPO)\ (?:AA|AE|AP)\ \d{{5}})?
        {TAIL}
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[\dFSUALPC])"  # a house number, or the first letter of Flat, Studio, Unit, Apartment, ...
    CONTEXT = ("address", "street", "ship", "mail", "live", "lives", "located", "deliver", "remittance")
