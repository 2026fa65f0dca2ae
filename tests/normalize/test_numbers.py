"""Tests for reconcile.normalize.numbers: French figures, amounts, percentages, durations."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.model import Mention
from reconcile.normalize.numbers import parse, parse_number

FIELDS = ("type", "text", "value", "low", "high", "unit", "currency", "approx", "precision", "cue")


def shape(m: Mention) -> dict:
    return {k: getattr(m, k) for k in FIELDS}


def q(text, value=None, *, type="quantity", low=None, high=None, unit=None, currency=None,
      approx=False, precision=None, cue=None) -> dict:
    return dict(type=type, text=text, value=value, low=low, high=high, unit=unit,
                currency=currency, approx=approx, precision=precision, cue=cue)


# Sentences of the bundled corpus and what each must give, exactly.
CORPUS = [
    (
        "Basé en France, Ampere va rassembler environ 10.000 employés (le groupe en compte plus de 100.000).",
        [
            q("environ 10.000 employés", 10000, unit="employés", approx=True, precision=1000, cue="environ"),
            q("plus de 100.000", 100000, low=100000, precision=1000, cue="plus de"),
        ],
    ),
    ("Ampère comptait près de 11 000 salariés",
     [q("près de 11 000 salariés", 11000, unit="salariés", approx=True, precision=1000, cue="près de")]),
    ("Ampère Energy se contentera d’environ 1 000 personnes",
     [q("environ 1 000 personnes", 1000, unit="personnes", approx=True, precision=1000, cue="environ")]),
    ("400 postes étaient à pourvoir", [q("400 postes", 400, unit="postes", precision=100)]),
    ("une capacité de production de 400.000 véhicules",
     [q("400.000 véhicules", 400000, unit="véhicules", precision=1000)]),
    ("une valorisation à 10 milliards d’euros",
     [q("10 milliards d’euros", 1e10, type="money", currency="EUR", precision=1e9)]),
    ("68 % des Français", [q("68 %", 68, type="percent", unit="%", precision=1)]),
    ("une production d’un million de véhicules électriques en 2031",
     [q("un million de véhicules", 1e6, unit="véhicules", precision=1e6)]),
    ("produire un véhicule en moins de 10 heures dès 2025",
     [q("moins de 10 heures", 10, type="duration", high=10, unit="hour", precision=10, cue="moins de")]),
    (
        "80 % des fournisseurs sont situés dans un rayon de 300 km",
        [q("80 %", 80, type="percent", unit="%", precision=10), q("300 km", 300, unit="km", precision=100)],
    ),
    ("Ampere va regrouper 3.500 ingénieurs, dont une moitié",
     [q("3.500 ingénieurs", 3500, unit="ingénieurs", precision=100)]),
    ("six véhicules d’ici 2030", [q("six véhicules", 6, unit="véhicules", precision=1)]),
    ("Depuis cinq ans", [q("cinq ans", 5, type="duration", unit="year", precision=1)]),
    ("une marge opérationnelle de 10 % en 2030", [q("10 %", 10, type="percent", unit="%", precision=10)]),
    ("filiale à 100% de Renault", [q("100%", 100, type="percent", unit="%", precision=100)]),
    ("la Renault 5 E-Tech", []),
    ("- 1 Numerama+ contribue", []),
    ("Vous avez lu 0 articles", [q("0 articles", 0, unit="articles", precision=1)]),
    ("Deux autres modèles les rejoindront", [q("Deux autres modèles", 2, unit="modèles", precision=1)]),
    ("la nouvelle Twingo en deux ans à peine", [q("deux ans", 2, type="duration", unit="year", precision=1)]),
    ("|+400 recrutements", [q("400 recrutements", 400, unit="recrutements", precision=100)]),
]


@pytest.mark.parametrize("text, expected", CORPUS)
def test_numbers_corpus_sentences(text, expected):
    assert [shape(m) for m in parse(text)] == expected


# One expression each: (text, expected mention).
CASES = [
    # qualifiers and bounds
    ("environ 10 000", q("environ 10 000", 10000, approx=True, precision=1000, cue="environ")),
    ("quasiment 500 emplois", q("quasiment 500 emplois", 500, unit="emplois", approx=True, precision=100, cue="quasiment")),
    ("plus ou moins 30 usines", q("plus ou moins 30 usines", 30, unit="usines", approx=True, precision=10, cue="plus ou moins")),
    ("quelque 500 salariés", q("quelque 500 salariés", 500, unit="salariés", approx=True, precision=100, cue="quelque")),
    ("~10 000 salariés", q("~10 000 salariés", 10000, unit="salariés", approx=True, precision=1000, cue="~")),
    ("10 000 environ", q("10 000 environ", 10000, approx=True, precision=1000, cue="environ")),
    ("au moins 3 usines", q("au moins 3 usines", 3, low=3, unit="usines", precision=1, cue="au moins")),
    ("pas moins de 3 usines", q("pas moins de 3 usines", 3, low=3, unit="usines", precision=1, cue="pas moins de")),
    ("jusqu’à 500 emplois", q("jusqu’à 500 emplois", 500, high=500, unit="emplois", precision=100, cue="jusqu'à")),
    ("au maximum 12 sites", q("au maximum 12 sites", 12, high=12, unit="sites", precision=1, cue="au maximum")),
    ("10 heures au maximum", q("10 heures au maximum", 10, type="duration", high=10, unit="hour", precision=10, cue="au maximum")),
    ("plus d’un million de véhicules",
     q("plus d’un million de véhicules", 1e6, low=1e6, unit="véhicules", precision=1e6, cue="plus de")),
    # approximate nouns
    ("une trentaine de salariés", q("une trentaine de salariés", 30, unit="salariés", approx=True, precision=10, cue="trentaine")),
    ("une centaine de postes", q("une centaine de postes", 100, unit="postes", approx=True, precision=100, cue="centaine")),
    ("un millier de personnes", q("un millier de personnes", 1000, unit="personnes", approx=True, precision=1000, cue="millier")),
    ("une dizaine d’années", q("une dizaine d’années", 10, type="duration", unit="year", approx=True, precision=10, cue="dizaine")),
    # ranges
    ("entre 8 et 10 milliards d'euros",
     q("entre 8 et 10 milliards d'euros", None, type="money", low=8e9, high=1e10, currency="EUR", precision=1e9, cue="entre")),
    ("de 8 à 10 milliards", q("de 8 à 10 milliards", None, low=8e9, high=1e10, precision=1e9, cue="de")),
    ("8 à 10 milliards", q("8 à 10 milliards", None, low=8e9, high=1e10, precision=1e9)),
    ("5 000 à 6 000 emplois", q("5 000 à 6 000 emplois", None, low=5000, high=6000, unit="emplois", precision=1000)),
    ("10-12 %", q("10-12 %", None, type="percent", low=10, high=12, unit="%", precision=1)),
    ("entre deux et trois millions de clients",
     q("entre deux et trois millions de clients", None, low=2e6, high=3e6, unit="clients", precision=1e6, cue="entre")),
    # money
    ("un milliard d'euros", q("un milliard d'euros", 1e9, type="money", currency="EUR", precision=1e9)),
    ("1,2 milliard de dollars", q("1,2 milliard de dollars", 1.2e9, type="money", currency="USD", precision=1e8)),
    ("2,5 Md€", q("2,5 Md€", 2.5e9, type="money", currency="EUR", precision=1e8)),
    ("10 M€", q("10 M€", 1e7, type="money", currency="EUR", precision=1e6)),
    ("500 k€", q("500 k€", 5e5, type="money", currency="EUR", precision=1e3)),
    ("3 Mds d'euros", q("3 Mds d'euros", 3e9, type="money", currency="EUR", precision=1e9)),
    ("2 billions d'euros", q("2 billions d'euros", 2e12, type="money", currency="EUR", precision=1e12)),
    ("2,50 €", q("2,50 €", 2.5, type="money", currency="EUR", precision=0.01)),
    ("$10", q("$10", 10, type="money", currency="USD", precision=10)),
    ("300 dollars", q("300 dollars", 300, type="money", currency="USD", precision=100)),
    ("100 millions de livres sterling", q("100 millions de livres sterling", 1e8, type="money", currency="GBP", precision=1e6)),
    ("5 000 francs suisses", q("5 000 francs suisses", 5000, type="money", currency="CHF", precision=1000)),
    # percentages
    ("68%", q("68%", 68, type="percent", unit="%", precision=1)),
    ("2,5 %", q("2,5 %", 2.5, type="percent", unit="%", precision=0.1)),
    ("68\u00a0%", q("68\u00a0%", 68, type="percent", unit="%", precision=1)),
    ("68 pour cent", q("68 pour cent", 68, type="percent", unit="%", precision=1)),
    ("2 points de pourcentage", q("2 points de pourcentage", 2, type="percent", unit="pt", precision=1)),
    ("-5 %", q("-5 %", -5, type="percent", unit="%", precision=1)),
    # durations
    ("dix-huit mois", q("dix-huit mois", 18, type="duration", unit="month", precision=1)),
    ("vingt-et-un jours", q("vingt-et-un jours", 21, type="duration", unit="day", precision=1)),
    ("trois semaines", q("trois semaines", 3, type="duration", unit="week", precision=1)),
    ("45 minutes", q("45 minutes", 45, type="duration", unit="minute", precision=1)),
    ("dix ans", q("dix ans", 10, type="duration", unit="year", precision=1)),
    # written-out figures and nouns
    ("onze mille salariés", q("onze mille salariés", 11000, unit="salariés", precision=1000)),
    ("quatre-vingts salariés", q("quatre-vingts salariés", 80, unit="salariés", precision=1)),
    ("trois bonnes raisons", q("trois bonnes raisons", 3, unit="raisons", precision=1)),
    ("six nouveaux véhicules", q("six nouveaux véhicules", 6, unit="véhicules", precision=1)),
    ("un million de véhicules", q("un million de véhicules", 1e6, unit="véhicules", precision=1e6)),
    ("1.5 fois", q("1.5 fois", 1.5, unit="fois", precision=0.1)),
    ("2030 véhicules", q("2030 véhicules", 2030, unit="véhicules", precision=10)),
    ("11 040 salariés", q("11 040 salariés", 11040, unit="salariés", precision=10)),
    ("11 041 salariés", q("11 041 salariés", 11041, unit="salariés", precision=1)),
    ("11\u202f000 salariés", q("11\u202f000 salariés", 11000, unit="salariés", precision=1000)),
    # context rules that must not swallow real counts
    ("chez Renault 3 000 postes", q("3 000 postes", 3000, unit="postes", precision=1000)),
    ("- 400 postes ouverts", q("400 postes", 400, unit="postes", precision=100)),
    ("40 CHF", q("40 CHF", 40, type="money", currency="CHF", precision=10)),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_numbers_cases(text, expected):
    assert [shape(m) for m in parse(text)] == [expected]


# Not numbers: each must give no mention at all.
NOT_NUMBERS = [
    "la Renault 5",
    "la Renault 4 E-Tech",
    "plus de Renault 5",
    "un Boeing 737 et une Peugeot 208 hybride",
    "la Zorglub 7 arrive",  # structural rule, not a listed maker
    "les R5 et R4",
    "un Airbus A320",
    "la CFE-CGC",
    "Numerama+",
    "la Renault 4 ou la 5",
    "le Covid-19",
    "au G7",
    "le 1er",
    "le 3e trimestre",
    "le premier modèle",
    "la troisième usine",
    "- 1 Numerama+ contribue",
    "- 2 Vous profiterez",
    "1. Introduction",
    "2) suite",
    "appelez le 01 23 45 67 89",
    "appelez le +33 6 12 34 56 78",
    "à 10h30",
    "vers 10h",
    "en 2024",
    "dès 2025.",
    "Effectif ciblé (2025)",
    "entre 2020 et 2025",
    "2020-2025",
    "de 2020 à 2025",
    "au T3 2024",
    "le 22/01/2026",
    "le 21 janvier",
    "un taux en %",
    "produire un véhicule",
    "l’un des acteurs",
    "des millions de véhicules",
    "jusqu’au million",
    "les deux",
    "un regard neuf sur",
    "un véhicule zéro émission",
    "le n° 3",
    "la version 3.5.1",
    "24/7",
    "des deux-roues",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numbers_not_numbers(text):
    assert parse(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("10.000", 10000.0), ("3.500", 3500.0), ("1.5", 1.5), ("2,5", 2.5), ("1 234,5", 1234.5),
        ("10\u00a0000", 10000.0), ("1.000.000", 1e6), ("onze mille", 11000.0), ("dix-huit", 18.0),
        ("vingt-et-un", 21.0), ("quatre-vingts", 80.0), ("deux cent mille", 2e5),
        ("1,2 milliard", 1.2e9), ("10 milliards", 1e10), ("un million", 1e6), ("un billion", 1e12),
        ("une trentaine", 30.0), ("-3", -3.0), ("+3", 3.0), ("2024", 2024.0),
        ("", None), ("abc", None), ("1er", None), ("10 salariés", None), ("10-12", None),
    ],
)
def test_numbers_parse_number(text, expected):
    assert parse_number(text) == expected


def test_numbers_exclude_drops_the_figure():
    assert parse("2030 véhicules") != []
    assert parse("2030 véhicules", exclude=[(0, 4)]) == []


def test_numbers_exclude_drops_mentions_that_only_touch_it():
    text = "400 postes et 300 km"
    assert [m.text for m in parse(text, exclude=[(4, 10)])] == ["300 km"]
    assert [m.text for m in parse(text, exclude=[(10, 11)])] == ["400 postes", "300 km"]


def test_numbers_offsets_survive_typographic_spaces_and_apostrophes():
    text = "Ampère Energy se contentera d’environ 1\u202f000 personnes, soit 10\u00a0% d’entre eux."
    got = parse(text)
    assert [(m.start, m.end) for m in got] == [(30, 53), (60, 64)]
    assert all(text[m.start:m.end] == m.text for m in got)


# ---------------------------------------------------------------- properties

SEPARATORS = [".", " ", "\u00a0", "\u202f"]


def french(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(SEPARATORS))
def test_numbers_thousands_separators_round_trip(n, sep):
    written = french(n, sep)
    assert parse_number(written) == n
    got = parse(f"Le groupe compte {written} salariés.")
    assert [(m.value, m.unit) for m in got] == [(n, "salariés")]


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_numbers_decimal_comma_round_trip(whole, cents):
    written = f"{french(whole, ' ')},{cents:02d}"
    assert parse_number(written) == pytest.approx(whole + cents / 100, rel=1e-12)


ALPHABET = st.sampled_from(
    list("0123456789 .,-+%€$’'()|/\n\u00a0\u202fhkMde~")
    + ["un ", "une ", "deux ", "mille ", "millions ", "milliards ", "environ ", "plus de ",
       "entre ", " et ", " à ", "salariés", "ans", "d’euros", "Renault ", "trentaine", "pour cent",
       "vingt-et-un", "Md€", "jusqu’à ", "- 1 ", "1er", "2024", "dix-huit", "km"]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(ALPHABET, max_size=40).map("".join))


def _spans(text_len: int):
    return st.lists(
        st.tuples(st.integers(0, text_len), st.integers(0, text_len)).map(sorted).map(tuple),
        max_size=4,
    )


@settings(max_examples=400)
@given(st.data())
def test_numbers_parse_invariants(data):
    text = data.draw(TEXTS)
    exclude = data.draw(_spans(len(text)))
    got = parse(text, exclude=exclude)
    last_end = 0
    for m in got:
        assert text[m.start:m.end] == m.text
        assert m.start < m.end
        assert m.start >= last_end  # sorted, non-overlapping
        last_end = m.end
        assert m.type in ("quantity", "money", "percent", "duration")
        assert not any(m.start < b and a < m.end for a, b in exclude)


@given(st.text(max_size=80))
def test_numbers_parse_number_never_raises(s):
    v = parse_number(s)
    assert v is None or isinstance(v, float)
