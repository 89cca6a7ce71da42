"""Arabic place names are also known by the spellings news gives their common words and doubled letters."""
from __future__ import annotations

from wirecoder.geo.names import arabic_name_variants, name_key


def test_common_words_take_news_spellings() -> None:
    assert "ain al arab" in arabic_name_variants(name_key("‘Ayn al ‘Arab"))
    assert "tal tamr" in arabic_name_variants(name_key("Tall Tamr"))
    assert "deir az zawr" in arabic_name_variants(name_key("Dayr az Zawr"))


def test_doubled_consonants_and_articles() -> None:
    variants = arabic_name_variants(name_key("Ash Shaddādah"))
    assert "shadadah" in variants and "shaddadah" in variants
    assert arabic_name_variants(name_key("Sanaa")) == []  # doubled vowels are another word, not a shadda
    assert "akar" not in arabic_name_variants(name_key("Akkar"))  # too short: a surname (Hulusi Akar), not Akkar
    assert arabic_name_variants(name_key("Al-Hawija District")) == ["hawija district"]
    assert name_key("Ash Shaddādah") not in arabic_name_variants(name_key("Ash Shaddādah"))
