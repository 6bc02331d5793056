# SPDX-FileCopyrightText: 2024 Kumo Lab
# SPDX-License-Identifier: Apache-2.0
"""Tokenizer helpers."""

def split(text):
    return text.split()
