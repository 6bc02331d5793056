"""LOCATION: Japanese addresses, prefecture / municipality / town / block / building."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import PREF, D, H

# A municipality's name holds no の (岩手県沿岸部の都市 is a phrase that ends in 市, not a city);
# names written with one (丸の内) are towns, read by _TOWN.
_MUNI = "(?:[一-龥ぁ-ねは-んァ-ヶー々ヶ]{1,7}?(?:市|区|町|村|郡)){1,3}"
# 丸の内, 梅田; 札幌の 北1条西 (条 blocks carry a number before the 丁目)
_TOWN = f"[一-龥ぁ-んァ-ヶー々ヶA-ZＡ-Ｚ]{{0,16}}?(?:{D}+条[東西南北]?)?"
_NUM = f"(?:{D}+|[一二三四五六七八九十]+)"
# 1丁目2番3号, 1丁目2番地3, 1-2-3, １－２－３, 5番地
_BLOCK = (f"(?:{_NUM}丁目[ 　]?{D}+(?:番地?|{H})[ 　]?(?:{D}+号?)?|{D}+{H}{D}+(?:{H}{D}+){{0,2}}"
          f"|{D}+番地?(?:[ 　]?{D}+号?)?|{_NUM}丁目)")
_BUILDING_WORD = ("(?:ビルディング|ビル|マンション|ハイツ|タワー|レジデンス|コーポ|アパート|荘|プラザ|ヒルズ|ハウス"
                  "|コート|パレス|センター|パーク|メゾン|シャトー|ヴィラ|テラス|ガーデン|ハイム|キャッスル|シティ|アーバン"
                  "|クレスト|シャルム|ハイム|グランデ|レジデンス)")
# A building after the block: after a space, a name ending in a room number (クレスト土呂部917,
# ハイツ氏家404号室); with or without a space, a run holding a building word within its first 20
# characters (丸の内ビル5階), without hiragana but の, so "横浜ビル5階です" stops before です.
_BUILDING = (f"(?:[ 　][一-龥ぁ-んァ-ヶー々A-Za-zＡ-Ｚａ-ｚ・]{{1,20}}{D}{{1,5}}(?:階|F|Ｆ|号室)?(?!{D})"
             f"|[ 　]?(?=[^\\s。、，,]{{0,20}}{_BUILDING_WORD})"
             f"[一-龥ァ-ヶー々のA-Za-zＡ-Ｚａ-ｚ0-9０-９・]{{1,30}}(?:階|F|Ｆ|号室)?)?")


class JpAddressRecognizer(JaPatternRecognizer):
    """A full address (prefecture to block and building), one without its prefecture, or a
    prefecture and municipality alone."""

    ENTITY = "LOCATION"
    PATTERNS = (
        Pattern("jp_address_full", f"{PREF}{_MUNI}{_TOWN}{_BLOCK}{_BUILDING}", 0.85),
        Pattern("jp_address_city", f"(?<![一-龥]){_MUNI}{_TOWN}{_BLOCK}{_BUILDING}", 0.6),
        Pattern("jp_address_pref_city", f"{PREF}{_MUNI}", 0.5),
    )
    CONTEXT = ("住所", "所在地", "現住所", "本社")
