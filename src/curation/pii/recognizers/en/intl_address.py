"""LOCATION: street addresses in international order (Wingertweg 126, Rua Diadema 1903, 12 rue de X)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

_UP = r"[A-ZÀ-ÖØ-ÞĀ-ŽŁŚŻŹĆŃÓ]"  # a capital letter, Latin-1 and Latin Extended-A included
_NAME = rf"{_UP}\w*(?:['’.-]\w+)*"
# Street-type words written as the end of one compound word, German to Finnish: Hauptstraße,
# Nikola-Peer-Weg, Keizersgracht, Petersborgvej, Storgatan, Urkurinkatu. The two that end common
# English words need more: "ring" a consonant and a longer stem before it (Opernring, not
# Engineering or Monitoring), "tie" a longer stem (Haakoninlahdentie, not Katie).
_COMPOUND = (r"(?:(?<=\w\w|-)(?i:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|steig|pfad|gracht|laan"
             r"|straat|plein|kade|dijk|dreef|steeg|singel|hof|pad|vej|gade|gatan|vägen|väg|gränd|torget|stigen|gata"
             r"|veien|gaten|katu|polku|kuja|bulevardi|väylä|rinne)"
             r"|(?<=\w{4}[^\W\daeiouy])ring|(?<=\w{4})tie)")
# Street-type words written before the name: Romance languages, Polish.
_PREFIX = (r"(?:Rua|Avenida|Av\.|Avda\.|Calle|Callejón|Calzada|Circuito|Cerrada|Privada|Andador|Prolongación"
           r"|Retorno|Carrer|Camino|Paseo|Plaza|Ronda|Travesía|Carretera|Via|Viale|Vicolo|Piazza|Piazzale|Corso"
           r"|Contrada|Largo|Strada|Borgo|Travessa|Praça|Alameda|Estrada|Rodovia|Sítio|Campo|Quinta|Beco|Ladeira"
           r"|Vila|Rue|Chemin|Impasse|Allée|Quai|ulica|ul\.|aleja|(?<!et\ )al\.|plac|pl\.|osiedle|os\.)")
_PARTICLE = r"(?:de|da|do|das|dos|del|della|di|la|le|les|des|du|y|e|von|van|der|den|het|am|im)(?!\w)"
_NUMBER = r"(?:\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?|S/N|s/n)(?![\d:.,]\d)"
# Unit after the number in Spanish/Portuguese addresses: Interior 317, Edif. 716, Depto. 487.
_UNIT = r"(?:\ ?,?\ (?:Interior|Int\.|Edif\.|Depto\.|Piso|Apto\.?|Bloco|Casa|Lote|Puerta|Esc\.)\ ?[\w-]{1,6})"
# Postal code and town after the street, on the same line after a comma or on the next line.
_POSTAL = r"(?:\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{4}\ ?[A-Z]{2}(?![a-z])|\d{4,5}|[A-Z]{1,2}-\d{4,5})"
_TOWN = rf"{_NAME}(?:[ -](?:{_NAME}|(?:am|an|der|de|la|le|les|en|sur|im|bei|los|las|del)(?!\w))){{0,3}}"


class CurationIntlAddressRecognizer(ScoredRecognizer):
    """Street addresses whose number follows the street (Wingertweg 126, Rua Diadema 1903,
    ulica Paderewskiego 77, Calzada Vela 693 Interior 317) or precedes a French street type
    (12, rue de Rivoli), with the postal code and town after them; a unit on a line of its own
    (Suite 408) and post-office boxes. The US/UK shapes are CurationAddressRecognizer's."""

    ENTITY = "LOCATION"
    NAME = "CurationIntlAddressRecognizer"
    REGEX = rf"""
        (?:
            \b{_UP}[\w'’.-]*?{_COMPOUND}\.?,?\ {_NUMBER}                                   # Wingertweg 126
          | \b{_PREFIX}\ (?:{_PARTICLE}\ )*{_NAME}(?:\ (?:{_PARTICLE}|{_NAME})){{0,4}},?\ {_NUMBER}{_UNIT}*  # Rua Diadema 1903
          | \b\d{{1,5}}(?:\ ?(?:bis|ter))?,?\ (?i:rue|avenue|boulevard|bd|place|allée|chemin|impasse|quai|route
                |cours|square|passage)\ (?:(?:de\ la|de|du|des|d'|l')\ ?)?{_NAME}(?:\ {_NAME}){{0,3}}   # 12 rue de X
        )
        (?:(?:,\ |\ *\n\ *){_POSTAL}\ {_TOWN})?
      | (?m:^[\ \t]*(?:Suite|Ste\.|Apt\.?|Apartment|Unit|Flat|Floor|Room|Building|Bldg\.)\ [\w-]{{1,6}}[\ \t]*$)  # Suite 408
      | \b(?:P\.?\ ?O\.?\ ?Box|Postfach|Apartado|Caixa\ Postal)\ \d{{1,6}}\b
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    CONTEXT = ("address", "street", "ship", "mail", "live", "lives", "located", "deliver", "remittance", "office")

    def score(self, value: str) -> float | None:
        return 0.7 if "\n" in value or "," in value else 0.6
