"""Address parts by country format (issue 17): each country's unit words between a street and its
postal code, a house number read whole in a comma-separated row, and Korean road names."""

from __future__ import annotations

import pytest
from test_pii_address_blocks import found


@pytest.mark.parametrize("text,expected", [
    ("Address: Via Roma 14, scala C, int. 3, 00184 Roma (RM)\nTel", ["Via Roma 14, scala C, int. 3", "00184", "Roma", "RM"]),
    ("Adres: ul. Długa 7 m. 5, 80-827 Gdańsk, Polska", ["ul. Długa 7 m. 5", "80-827", "Gdańsk", "Polska"]),
    ("al. Niepodległości 18 lok. 2\n02-653 Warszawa\n", ["al. Niepodległości 18 lok. 2", "02-653", "Warszawa"]),
    ("Lieferadresse: Schillerstr. 12, Hinterhaus, 2. OG rechts, 01069 Dresden\n",
     ["Schillerstr. 12, Hinterhaus, 2. OG rechts", "01069", "Dresden"]),
    ("Kunde: Vesterbrogade 31, 2. th., 1620 København V\nTel", ["Vesterbrogade 31, 2. th.", "1620", "København V"]),
    ("Post: Drottninggatan 55, 3 tr, 111 21 Stockholm.", ["Drottninggatan 55, 3 tr", "111 21", "Stockholm"]),
    ("Calle Mayor 5, oficina 12, 28013 Madrid", ["Calle Mayor 5, oficina 12", "28013", "Madrid"]),
])
def test_a_countrys_unit_words_keep_the_postal_code_and_town_in_the_address(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["He scored int. 9 points in Rome", "m. 22 is the size", "See 3. OG plan"])
def test_unit_abbreviations_alone_are_no_address(text):
    assert found(text) == []


@pytest.mark.parametrize("text,street,code", [
    ("C-2001,Metzgerei Huber,Anna Huber,Lindenstraße 14b,80331,München,DE", "Lindenstraße 14b", "80331"),
    ("C-3,Bar Roma,Luca Bianchi,Via Garibaldi 212,10122,Torino,IT", "Via Garibaldi 212", "10122"),
])
def test_a_house_number_in_a_comma_separated_row_is_read_whole(text, street, code):
    # Before: the number was given back digit by digit until the comma no longer followed a
    # digit ("Lindenstraße 14", "Via Garibaldi 21"), and the postal code was lost.
    parts = found(text)
    assert parts[0] == street and parts[1].startswith(code)


@pytest.mark.parametrize("text", ["The Hauptstraße 22,5 km away", "Voorstraat 1,000 times"])
def test_a_decimal_or_thousands_after_a_street_name_is_no_house_number(text):
    assert found(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Office: 152 Gangnam-daero, Seocho-gu, Seoul 06620, Korea", ["152 Gangnam-daero, Seocho-gu, Seoul", "06620", "Korea"]),
    ("Home: 14 Banpo-daero 23-gil, Seocho-gu\nSeoul 06651", ["14 Banpo-daero 23-gil, Seocho-gu", "Seoul", "06651"]),
    ("Sejong-daero 110, Jung-gu, Seoul 04524", ["Sejong-daero 110, Jung-gu, Seoul", "04524"]),
])
def test_korean_road_names_are_streets(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["the K-pop intro was long", "Bus 401 to Hwarang-ro stops here"])
def test_a_road_name_without_a_number_is_no_street(text):
    assert found(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Sede: Via degli Orti 12, 20121 Milano (MI)", ["Via degli Orti 12", "20121", "Milano", "MI"]),   # IT: dei, degli
    ("Piazza dei Martiri 3, 80121 Napoli", ["Piazza dei Martiri 3", "80121", "Napoli"]),
    ("Wohnung: Leipziger Straße 40/3, 10117 Berlin\n", ["Leipziger Straße 40/3", "10117", "Berlin"]),  # DE: -er + type word
    ("Frankfurter Allee 218, 10365 Berlin", ["Frankfurter Allee 218", "10365", "Berlin"]),
    ("Address: Odos Ermou 25, 105 63 Athens, Greece", ["Odos Ermou 25", "105 63", "Athens", "Greece"]),  # GR
    ("Kund: Ekström AB, Box 4433, 102 69 Stockholm, Sweden", ["Box 4433", "102 69", "Stockholm", "Sweden"]),  # SE box
])
def test_street_shapes_by_country(text, expected):
    assert found(text) == expected


def test_a_box_without_a_postal_code_and_town_after_it_is_no_address():
    assert found("Open Box 12 now, then Box 3.") == []


def test_the_italian_floor_word_stays_a_unit_in_an_address():
    assert found("Indirizzo: Via Roma 14, piano 3, 00184 Roma\n") == ["Via Roma 14, piano 3", "00184", "Roma"]


@pytest.mark.parametrize("text", [
    "Line-up:\nPiano 3\nDrums 1\nBass 2\n",               # instruments and counts, not floors
    "Band:\nPiano 2\nVocals 1\n",
    "After 4000 hours the Inner Ring 2 bearing failed.",  # "Ring" is no street word after "Inner"
    "The Outer Ring 3 seal was replaced.",
])
def test_instrument_lines_and_engineering_rings_are_no_address(text):
    assert found(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Ship to: Savska cesta 41, 10000 Zagreb", ["Savska cesta 41", "10000", "Zagreb"]),            # HR
    ("Iroda: Váci út 76, 1133 Budapest", ["Váci út 76", "1133", "Budapest"]),                      # HU
    ("Adrese: Brīvības iela 55, Rīga", ["Brīvības iela 55", "Rīga"]),                              # LV
    ("Merkez: Bağdat Caddesi 210, Kadıköy", ["Bağdat Caddesi 210", "Kadıköy"]),                    # TR
])
def test_a_street_type_written_in_lower_case_after_the_name_makes_a_street(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,street", [
    ("Oficina: Calle 26 # 68-35, Bogotá", "Calle 26 # 68-35"),
    ("Dirección: Cra. 7 No. 71-21, piso 3", "Cra. 7 No. 71-21"),
    ("Bodega en Carrera 50A # 12 Sur-45", "Carrera 50A # 12 Sur-45"),
])
def test_a_colombian_grid_address_is_a_street(text, street):
    assert found(text)[0].startswith(street)


@pytest.mark.parametrize("text", ["Chapter 26 # 68-35", "La calle 26 es larga", "the cesta 12 basket", "Calle 26 closed"])
def test_grid_and_type_after_shapes_need_their_whole_form(text):
    assert found(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Visit: 9F, 120 Sejong-daero, Jung-gu, Seoul", ["9F, 120 Sejong-daero, Jung-gu", "Seoul"]),      # a floor before
    ("Premises: Flat 4, Rosewood Court, 18 Kloof Street, Cape Town", ["Flat 4, Rosewood Court, 18 Kloof Street", "Cape Town"]),
])
def test_a_floor_or_a_unit_with_its_building_name_before_a_street_joins_the_address(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["It was 14F, 311 people left early.", "Flat 4, Rosewood Court is lovely."])
def test_a_floor_shape_or_a_unit_without_a_street_after_it_is_no_address(text):
    assert found(text) == []
