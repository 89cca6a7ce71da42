"""Language identification never refuses English full of foreign names, and codes (with W102) what it cannot
tell rather than dropping it; text surely in another language is still refused (W004) or left out (W100)."""
from __future__ import annotations

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.language import LanguageIdentifier

# Short English reports whose names outweigh their words (each was read as Yoruba, Tagalog, Somali or French)
ENGLISH_FULL_OF_NAMES = [
    "Boko Haram fighters attacked Gajiram in Nganzai on Tuesday.",
    "ISWAP fighters stormed Malam Fatori, Abadam LGA, Borno State, and torched Kukawa.",
    "Mai Mai Yakutumba fighters ambushed FARDC troops near Fizi, Sud-Kivu.",
    "Al-Shabaab attacked Beledweyne, Hiiraan, killing three AMISOM soldiers.",
    "Taliban seized Ghazni's Andar and Deh Yak districts.",
]
OTHER_LANGUAGES = {
    "fr": "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, malgré les manifestations.",
    "es": "Hombres armados mataron a doce personas en un mercado del norte del país el lunes.",
    "de": "Bewaffnete haben am Montag zwölf Menschen auf einem Markt im Norden des Landes getötet.",
    "tl": "Pinatay ng mga armadong lalaki ang labindalawang tao sa isang palengke sa hilaga ng bansa noong Lunes.",
    "id": "Orang bersenjata membunuh dua belas orang di sebuah pasar di utara negara itu pada hari Senin.",
    "sw": "Watu wenye silaha waliwaua watu kumi na wawili katika soko la kaskazini mwa nchi siku ya Jumatatu.",
    "tr": "Silahlı kişiler pazartesi günü ülkenin kuzeyindeki bir pazarda on iki kişiyi öldürdü.",
    "az": "Silahlı şəxslər bazar ertəsi ölkənin şimalındakı bazarda on iki nəfəri öldürüblər.",
}


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier()


@pytest.mark.parametrize("text", ENGLISH_FULL_OF_NAMES)
def test_language_english_full_of_names_is_never_another_language(identifier, text):
    assert identifier.detect(text).code in ("en", None)  # None: too few ordinary words to tell


def test_language_names_do_not_outweigh_the_words(identifier):
    text = ("Boko Haram fighters attacked the army base at Gajiram in Nganzai, Borno, on Tuesday night and "
            "burned several houses before troops from Maiduguri arrived, residents said.")
    guess = identifier.detect(text)
    assert guess.code == "en" and guess.confidence > 0.9


@pytest.mark.parametrize(("code", "text"), sorted(OTHER_LANGUAGES.items()))
def test_language_other_languages_are_still_told(identifier, code, text):
    guess = identifier.detect(text)
    assert guess.code == code and guess.confidence >= 0.9


def test_language_short_english_report_from_nigeria_is_coded(run_stages):
    text = ("Boko Haram fighters attacked Gajiram in Nganzai on Tuesday.\n"
            "ISWAP fighters stormed Malam Fatori, Abadam LGA, Borno State, and torched Kukawa.")
    article = run_stages(text, until="clean", published="2024-03-12")
    assert article.language == "en" and article.boilerplate == []
    assert [w.code for w in article.warnings] == []


def test_language_text_that_cannot_be_told_is_coded_with_w102(run_stages):
    article = run_stages("Jihadists attack Gwoza, kill 3", until="clean")
    assert article.language == "en" and [w.code for w in article.warnings] == ["W102"]


def test_language_text_surely_in_another_language_is_refused(run_stages):
    with pytest.raises(WirecoderError) as info:
        run_stages(OTHER_LANGUAGES["de"] + "\n" + OTHER_LANGUAGES["de"], until="clean")
    assert info.value.code == "W004" and "de" in info.value.message


def test_language_a_few_words_are_never_enough_to_refuse(run_stages):
    # the detector reads this English line as Swahili; on so few words it is coded, with a warning, not refused
    article = run_stages("at pigs, stupid moron, I'd chastise them,'' Mr. Coleman said", until="clean")
    assert article.language == "en" and "W102" in [w.code for w in article.warnings]
