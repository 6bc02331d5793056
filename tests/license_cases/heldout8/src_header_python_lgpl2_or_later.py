# -*- coding: utf-8 -*-
#
# gazetteer/normalise.py -- place-name normalisation for the gazetteer package
#
# Copyright (C) 1999, 2003 Hartmut Feldkamp
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Library General Public
# License as published by the Free Software Foundation; either
# version 2 of the License, or (at your option) any later version.
#
# This library is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
# Library General Public License for more details.
#
# You should have received a copy of the GNU Library General Public
# License along with this library; if not, write to the Free
# Software Foundation, Inc., 59 Temple Place - Suite 330, Boston,
# MA 02111-1307, USA.

"""Fold place names to a comparable key (case, accents, common abbreviations)."""

import unicodedata

_ABBREVIATIONS = {"st.": "saint", "mt.": "mount", "ft.": "fort"}


def fold(name: str) -> str:
    """Return a lower-case, accent-free key with common abbreviations expanded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in text.split())
