"""Tests of reconcile.normalize.dates: French dates and periods as intervals.

Each table row is (input, ref, expected) with expected a list of
(mention text, first day, last day, cue). REF is the publication date of the
seed articles, a Thursday.
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import dateparser
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reconcile.model import Interval
from reconcile.normalize import dates
from reconcile.normalize._periods import lexicon

REF = dt.date(2026, 1, 22)


def view(text: str, ref: dt.date | None = None) -> list[tuple]:
    return [(m.text, m.time.start.isoformat(), m.time.end.isoformat(), m.cue) for m in dates.parse(text, ref=ref)]


def one(text: str, ref: dt.date | None = None) -> Interval:
    found = dates.parse(text, ref=ref)
    assert len(found) == 1, found
    return found[0].time


def check(text, ref, expected):
    assert view(text, ref) == expected


# Sentences of the bundled articles.
CORPUS = [
    ("introduite en bourse au cours du second semestre 2023", None,
     [("second semestre 2023", "2023-07-01", "2023-12-31", None)]),
    ("Janvier 2024, le rêve d’introduction en Bourse", None,
     [("Janvier 2024", "2024-01-01", "2024-01-31", None)]),
    ("l’introduction en bourse a été annulée en 2024", None, [("2024", "2024-01-01", "2024-12-31", None)]),
    ("L’annulation de l’introduction en bourse (IPO) en 2024 avait", None,
     [("2024", "2024-01-01", "2024-12-31", None)]),
    ("En lançant Ampere fin 2023, Renault", None, [("fin 2023", "2023-09-01", "2023-12-31", None)]),
    ("Depuis sa création à la fin de 2023, Ampere", None,
     [("à la fin de 2023", "2023-09-01", "2023-12-31", None)]),
    ("officiellement en novembre 2023, sous", None, [("novembre 2023", "2023-11-01", "2023-11-30", None)]),
    ("Par le 22/01/2026", None, [("22/01/2026", "2026-01-22", "2026-01-22", None)]),
    ("nos confrères des Échos le 21 janvier 2026.", None, [("21 janvier 2026", "2026-01-21", "2026-01-21", None)]),
    ("il proposera six véhicules d’ici 2030.", None, [("d’ici 2030", "2030-01-01", "2030-12-31", "d'ici")]),
    ("il proposera six véhicules d’ici 2030.", REF, [("d’ici 2030", "2026-01-22", "2030-12-31", "d'ici")]),
    ("Philippe Brunet, nommé en septembre 2025, supervise", None,
     [("septembre 2025", "2025-09-01", "2025-09-30", None)]),
    ("Renault vise la neutralité carbone dès 2025.", None, [("dès 2025", "2025-01-01", "2025-12-31", "dès")]),
    ("un million de véhicules électriques en 2031.", None, [("2031", "2031-01-01", "2031-12-31", None)]),
    ("Mobilize, la filiale, a été vidée de sa substance l’année dernière.", REF,
     [("l’année dernière", "2025-01-01", "2025-12-31", "dernière")]),
    ("de Luc Julia il y a quelques jours,\u00a0les différents", REF,
     [("il y a quelques jours", "2026-01-15", "2026-01-20", "il y a")]),
    ("Le plan de départ volontaire lancé à la fin de l’année dernière permettra", REF,
     [("à la fin de l’année dernière", "2025-09-01", "2025-12-31", "dernière")]),
    ("Depuis cinq ans, l’histoire d’Ampere agite les couloirs", REF, []),
    ("les futures Renault électriques jusqu’en 2025", None,
     [("jusqu’en 2025", "2025-01-01", "2025-12-31", "jusqu'en")]),
    ("|Effectif ciblé (2025)|", None, [("2025", "2025-01-01", "2025-12-31", None)]),
    ("comme c’était le cas avant 2020 ou presque", None, [("avant 2020", "2019-01-01", "2019-12-31", "avant")]),
    ("on murmurait encore en début d’année que", REF, [("en début d’année", "2026-01-01", "2026-04-30", None)]),
]

FULL_DATES = [
    ("le 1er juillet 2026", None, [("1er juillet 2026", "2026-07-01", "2026-07-01", None)]),
    ("le premier mai 2025", None, [("premier mai 2025", "2025-05-01", "2025-05-01", None)]),
    ("22/01/26", None, [("22/01/26", "2026-01-22", "2026-01-22", None)]),
    ("22.01.2026", None, [("22.01.2026", "2026-01-22", "2026-01-22", None)]),
    ("2024-01-15", None, [("2024-01-15", "2024-01-15", "2024-01-15", None)]),
    ("le 31 février 2025", None, []),
    ("mercredi 21 janvier", None, []),
    ("mercredi 21 janvier", REF, [("mercredi 21 janvier", "2026-01-21", "2026-01-21", None)]),
    # closest to ref, a future date counting double: December is past, March near
    ("le 21 décembre", REF, [("21 décembre", "2025-12-21", "2025-12-21", None)]),
    ("le 3 mars", REF, [("3 mars", "2026-03-03", "2026-03-03", None)]),
    ("le 3 août", REF, [("3 août", "2025-08-03", "2025-08-03", None)]),
    ("le 1er juillet", REF, [("1er juillet", "2025-07-01", "2025-07-01", None)]),  # 205 days back < 2 x 160 ahead
    # a written weekday picks the year where it agrees
    ("lundi 3 mars", REF, [("lundi 3 mars", "2025-03-03", "2025-03-03", None)]),
    ("le 21 janvier dernier", REF, [("21 janvier dernier", "2026-01-21", "2026-01-21", "dernier")]),
    ("le 15 sept. 2025", None, [("15 sept. 2025", "2025-09-15", "2025-09-15", None)]),
]

MONTHS_YEARS = [
    ("novembre 2023", None, [("novembre 2023", "2023-11-01", "2023-11-30", None)]),
    ("en février 2024", None, [("février 2024", "2024-02-01", "2024-02-29", None)]),
    ("sept. 2025", None, [("sept. 2025", "2025-09-01", "2025-09-30", None)]),
    ("03/2025", None, [("03/2025", "2025-03-01", "2025-03-31", None)]),
    ("en novembre", None, []),
    ("en novembre", REF, [("novembre", "2025-11-01", "2025-11-30", None)]),
    ("au mois de mars", REF, [("mars", "2026-03-01", "2026-03-31", None)]),
    # a month that is no ordinary word, opening a sentence (« Juillet n'a apporté que 14 mm »)
    ("Juillet n'a apporté que 14 millimètres", REF, [("Juillet", "2025-07-01", "2025-07-31", None)]),
    ("Le ciel n'aide pas. Octobre a été sec", REF, [("Octobre", "2025-10-01", "2025-10-31", None)]),
    ("février prochain", REF, [("février prochain", "2026-02-01", "2026-02-28", "prochain")]),
    ("en mai dernier", REF, [("mai dernier", "2025-05-01", "2025-05-31", "dernier")]),
    ("l'année 2024 fut", None, [("2024", "2024-01-01", "2024-12-31", None)]),
    ("dans les années 2000", None, [("années 2000", "2000-01-01", "2009-12-31", None)]),
]

QUARTERS_HALVES = [
    ("T3 2025", None, [("T3 2025", "2025-07-01", "2025-09-30", None)]),
    ("Q4-2024", None, [("Q4-2024", "2024-10-01", "2024-12-31", None)]),
    ("troisième trimestre 2025", None, [("troisième trimestre 2025", "2025-07-01", "2025-09-30", None)]),
    ("3e trimestre 2025", None, [("3e trimestre 2025", "2025-07-01", "2025-09-30", None)]),
    ("premier trimestre de l'année 2024", None,
     [("premier trimestre de l'année 2024", "2024-01-01", "2024-03-31", None)]),
    ("dernier trimestre 2024", None, [("dernier trimestre 2024", "2024-10-01", "2024-12-31", None)]),
    ("au troisième trimestre", None, []),
    ("au troisième trimestre", REF, [("troisième trimestre", "2025-07-01", "2025-09-30", None)]),
    ("premier semestre 2024", None, [("premier semestre 2024", "2024-01-01", "2024-06-30", None)]),
    ("au cours du second semestre 2023", None, [("second semestre 2023", "2023-07-01", "2023-12-31", None)]),
    ("2e semestre 2023", None, [("2e semestre 2023", "2023-07-01", "2023-12-31", None)]),
    ("S2 2023", None, [("S2 2023", "2023-07-01", "2023-12-31", None)]),
    ("H1 2024", None, [("H1 2024", "2024-01-01", "2024-06-30", None)]),
    ("troisième semestre 2024", None, []),
]

SEASONS = [
    ("printemps 2024", None, [("printemps 2024", "2024-03-01", "2024-05-31", None)]),
    ("l'été 2024", None, [("l'été 2024", "2024-06-01", "2024-08-31", None)]),
    ("l'automne dernier", None, []),
    ("l'automne dernier", REF, [("l'automne dernier", "2025-09-01", "2025-11-30", "dernier")]),
    ("l’hiver dernier", REF, [("l’hiver dernier", "2024-12-01", "2025-02-28", "dernier")]),
    ("hiver 2023-2024", None, [("hiver 2023-2024", "2023-12-01", "2024-02-29", None)]),
    ("l'hiver 2024", None, [("l'hiver 2024", "2024-12-01", "2025-02-28", None)]),
    ("cet été", REF, [("cet été", "2026-06-01", "2026-08-31", "cet")]),
]

PARTS = [
    ("début 2027", None, [("début 2027", "2027-01-01", "2027-04-30", None)]),
    ("mi-2024", None, [("mi-2024", "2024-05-01", "2024-08-31", None)]),
    ("fin 2023", None, [("fin 2023", "2023-09-01", "2023-12-31", None)]),
    ("à la fin de 2023", None, [("à la fin de 2023", "2023-09-01", "2023-12-31", None)]),
    ("mi-décembre", None, []),
    ("mi-décembre", REF, [("mi-décembre", "2025-12-11", "2025-12-20", None)]),
    ("à la mi-décembre 2025", None, [("à la mi-décembre 2025", "2025-12-11", "2025-12-20", None)]),
    ("fin novembre", REF, [("fin novembre", "2025-11-21", "2025-11-30", None)]),
    ("fin février 2024", None, [("fin février 2024", "2024-02-21", "2024-02-29", None)]),
    ("début mars 2025", None, [("début mars 2025", "2025-03-01", "2025-03-10", None)]),
    ("courant 2024", None, [("courant 2024", "2024-01-01", "2024-12-31", None)]),
    ("fin de l'année", None, []),
    ("fin de l'année", REF, [("fin de l'année", "2026-09-01", "2026-12-31", None)]),
    ("la fin de l'année 2024", None, [("la fin de l'année 2024", "2024-09-01", "2024-12-31", None)]),
    ("fin du premier trimestre 2024", None,
     [("fin du premier trimestre 2024", "2024-03-01", "2024-03-31", None)]),
    ("au début des années 2000", None, [("au début des années 2000", "2000-01-01", "2003-04-30", None)]),
]

RANGES = [
    ("entre 2021 et 2023", None, [("entre 2021 et 2023", "2021-01-01", "2023-12-31", None)]),
    ("de 2021 à 2023", None, [("de 2021 à 2023", "2021-01-01", "2023-12-31", None)]),
    ("2021-2023", None, [("2021-2023", "2021-01-01", "2023-12-31", None)]),
    ("du 3 au 5 mars 2025", None, [("du 3 au 5 mars 2025", "2025-03-03", "2025-03-05", None)]),
    ("3-5 mars 2025", None, [("3-5 mars 2025", "2025-03-03", "2025-03-05", None)]),
    ("entre le 1er janvier et le 31 mars 2024", None,
     [("entre le 1er janvier et le 31 mars 2024", "2024-01-01", "2024-03-31", None)]),
    ("du 28 décembre au 3 janvier 2025", None,
     [("du 28 décembre au 3 janvier 2025", "2024-12-28", "2025-01-03", None)]),
    ("de janvier à mars 2025", None, [("de janvier à mars 2025", "2025-01-01", "2025-03-31", None)]),
    ("depuis 2021 jusqu'en 2023", None, [("depuis 2021 jusqu'en 2023", "2021-01-01", "2023-12-31", None)]),
    ("entre fin 2023 et début 2024", None,
     [("entre fin 2023 et début 2024", "2023-09-01", "2024-04-30", None)]),
    # backwards is no range; the last year, alone at the end, still counts
    ("de 2023 à 2021", None, [("2021", "2021-01-01", "2021-12-31", None)]),
]

OPEN_BOUNDS = [
    ("d'ici 2030", None, [("d'ici 2030", "2030-01-01", "2030-12-31", "d'ici")]),
    ("d'ici 2030", REF, [("d'ici 2030", "2026-01-22", "2030-12-31", "d'ici")]),
    ("d’ici 2030", dt.date(2031, 5, 1), [("d’ici 2030", "2030-01-01", "2030-12-31", "d'ici")]),
    ("d'ici à 2030", REF, [("d'ici à 2030", "2026-01-22", "2030-12-31", "d'ici à")]),
    ("à l'horizon 2030", None, [("à l'horizon 2030", "2030-01-01", "2030-12-31", "à l'horizon")]),
    ("Dès 2025", None, [("Dès 2025", "2025-01-01", "2025-12-31", "dès")]),
    ("dès le 1er juillet 2026", None, [("dès le 1er juillet 2026", "2026-07-01", "2026-07-01", "dès")]),
    ("à partir de 2026", None, [("à partir de 2026", "2026-01-01", "2026-12-31", "à partir de")]),
    ("depuis 2025", None, [("depuis 2025", "2025-01-01", "2025-12-31", "depuis")]),
    ("depuis 2025", REF, [("depuis 2025", "2025-01-01", "2026-01-22", "depuis")]),
    ("depuis le 3 mars", REF, [("depuis le 3 mars", "2025-03-03", "2026-01-22", "depuis")]),
    ("jusqu’en 2025", REF, [("jusqu’en 2025", "2025-01-01", "2025-12-31", "jusqu'en")]),
    ("jusqu'à la fin 2026", REF, [("jusqu'à la fin 2026", "2026-01-22", "2026-12-31", "jusqu'à")]),
    ("avant 2020", None, [("avant 2020", "2019-01-01", "2019-12-31", "avant")]),
    ("avant mars 2024", None, [("avant mars 2024", "2024-02-01", "2024-02-29", "avant")]),
    ("avant le 5 mars 2024", None, [("avant le 5 mars 2024", "2024-03-04", "2024-03-04", "avant")]),
    ("après 2020", None, [("après 2020", "2021-01-01", "2021-12-31", "après")]),
    ("avant la fin de l'année", None, []),
    ("avant la fin de l'année", REF, [("avant la fin de l'année", "2026-01-22", "2026-12-31", "avant")]),
    ("avant fin 2023", None, [("avant fin 2023", "2023-09-01", "2023-12-31", "avant")]),
    ("d'ici la fin de l'année", REF, [("d'ici la fin de l'année", "2026-01-22", "2026-12-31", "d'ici")]),
    ("d'ici deux ans", REF, [("d'ici deux ans", "2026-01-22", "2028-01-22", "d'ici")]),
]

RELATIVE = [
    ("hier", [("hier", "2026-01-21", "2026-01-21", "hier")]),
    ("avant-hier", [("avant-hier", "2026-01-20", "2026-01-20", "avant-hier")]),
    ("aujourd’hui", [("aujourd’hui", "2026-01-22", "2026-01-22", "aujourd'hui")]),
    ("demain", [("demain", "2026-01-23", "2026-01-23", "demain")]),
    ("lundi", [("lundi", "2026-01-19", "2026-01-19", None)]),
    ("samedi", [("samedi", "2026-01-24", "2026-01-24", None)]),
    ("jeudi", [("jeudi", "2026-01-22", "2026-01-22", None)]),
    ("lundi dernier", [("lundi dernier", "2026-01-19", "2026-01-19", "dernier")]),
    ("lundi prochain", [("lundi prochain", "2026-01-26", "2026-01-26", "prochain")]),
    ("le mois dernier", [("le mois dernier", "2025-12-01", "2025-12-31", "dernier")]),
    ("le mois prochain", [("le mois prochain", "2026-02-01", "2026-02-28", "prochain")]),
    ("ce mois-ci", [("ce mois-ci", "2026-01-01", "2026-01-31", "ce")]),
    ("l'année dernière", [("l'année dernière", "2025-01-01", "2025-12-31", "dernière")]),
    ("l’année dernière", [("l’année dernière", "2025-01-01", "2025-12-31", "dernière")]),
    ("l'an dernier", [("l'an dernier", "2025-01-01", "2025-12-31", "dernier")]),
    ("l'an prochain", [("l'an prochain", "2027-01-01", "2027-12-31", "prochain")]),
    ("cette année", [("cette année", "2026-01-01", "2026-12-31", "cette")]),
    ("la semaine dernière", [("la semaine dernière", "2026-01-12", "2026-01-18", "dernière")]),
    ("cette semaine", [("cette semaine", "2026-01-19", "2026-01-25", "cette")]),
    ("le trimestre dernier", [("le trimestre dernier", "2025-10-01", "2025-12-31", "dernier")]),
    ("il y a quelques jours", [("il y a quelques jours", "2026-01-15", "2026-01-20", "il y a")]),
    ("il y a trois jours", [("il y a trois jours", "2026-01-19", "2026-01-19", "il y a")]),
    ("il y a deux ans", [("il y a deux ans", "2023-07-24", "2024-07-22", "il y a")]),
    ("il y a plus d'un an", [("il y a plus d'un an", "2024-01-22", "2025-01-22", "il y a plus d'")]),
    ("dans trois mois", [("dans trois mois", "2026-04-07", "2026-05-07", "dans")]),
]

# Forms that look like dates and are not, or are too vague to place.
NOT_DATES = [
    "la conquête de Mars a commencé",
    "atterrir sur Mars",
    "les images envoyées depuis Mars",  # a cue, but the capital says planet
    "Mai 68",
    "Mars a été sec",  # (a month that is also a word needs a cue)
    "Juillet Dupont a parlé",  # (before a name)
    "ils étaient sept. Puis",
    "sept ans plus tard",
    "le 7 sept",
    "la maison",
    "la décision a été annulée",
    "cette année-là, rien",
    "Renault 2030 véhicules",
    "six véhicules 2030 véhicules",
    "depuis 2000 ans",
    "en 2000 exemplaires",
    "pour 2000 euros",
    "n° 2025 ",
    "des 2025 véhicules",
    "10.2025",
    "2,2025",
    "12025",
    "la voiture de demain",
    "le monde d’aujourd’hui",
    "en moins de 10 heures",
    "Depuis cinq ans",
    "en hiver",
    "au printemps",
]

TABLES = CORPUS + FULL_DATES + MONTHS_YEARS + QUARTERS_HALVES + SEASONS + PARTS + RANGES + OPEN_BOUNDS


@pytest.mark.parametrize(("text", "ref", "expected"), CORPUS)
def test_dates_corpus_sentences(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), FULL_DATES)
def test_dates_full_dates(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), MONTHS_YEARS)
def test_dates_months_and_years(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), QUARTERS_HALVES)
def test_dates_quarters_and_halves(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), SEASONS)
def test_dates_seasons(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), PARTS)
def test_dates_parts_of_periods(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), RANGES)
def test_dates_ranges(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "ref", "expected"), OPEN_BOUNDS)
def test_dates_open_bounds(text, ref, expected):
    check(text, ref, expected)


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_dates_relative_with_ref(text, expected):
    check(text, REF, expected)


@pytest.mark.parametrize("text", [t for t, _ in RELATIVE])
def test_dates_relative_without_ref_is_omitted(text):
    assert dates.parse(text) == []


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_rejects_look_alikes(text):
    assert dates.parse(text, ref=REF) == []


def test_dates_type_is_date_for_one_day_else_period():
    found = dates.parse("le 21 janvier 2026 et en novembre 2023", ref=REF)
    assert [(m.type, m.text) for m in found] == [("date", "21 janvier 2026"), ("period", "novembre 2023")]


def test_dates_offsets_survive_typographic_spaces_and_apostrophes():
    text = "Renault\u202fproposera, d’ici\u202f2030 ; le 21\u00a0janvier\u00a02026 à l’horizon\u00a02031."
    found = dates.parse(text)
    assert [(m.text, m.cue) for m in found] == [
        ("d’ici\u202f2030", "d'ici"), ("21\u00a0janvier\u00a02026", None), ("à l’horizon\u00a02031", "à l'horizon")]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert found[0].start == text.index("d’ici")


def test_dates_year_in_a_date_belongs_to_the_date():
    (m,) = dates.parse("Le 21 janvier 2026, Renault a annoncé 2030 véhicules.")
    assert (m.start, m.end) == (3, 18)


def test_dates_mentions_are_sorted_and_separate():
    text = "Entre 2021 et 2023, puis dès 2025 et d'ici 2030, enfin fin 2031."
    found = dates.parse(text)
    assert [m.text for m in found] == ["Entre 2021 et 2023", "dès 2025", "d'ici 2030", "fin 2031"]


class _NoClockDate(dt.date):
    @classmethod
    def today(cls):
        raise AssertionError("the date normalizer read the clock")


class _NoClockDatetime(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        raise AssertionError("the date normalizer read the clock")

    today = now


def test_dates_never_reads_the_clock(monkeypatch):
    from reconcile.normalize import _periods

    fake = SimpleNamespace(date=_NoClockDate, datetime=_NoClockDatetime, timedelta=dt.timedelta)
    monkeypatch.setattr(dates, "dt", fake)
    monkeypatch.setattr(_periods, "dt", fake)
    text = "hier, lundi, le mois dernier, l'an prochain, mercredi 21 janvier, fin de l'année, il y a deux ans, en 2024"
    assert [m.text for m in dates.parse(text)] == ["2024"]
    assert len(dates.parse(text, ref=REF)) == 8


# --- documented interval rules ------------------------------------------------


def test_dates_fin_of_a_year_contains_its_november():
    assert one("fin 2023").contains(one("novembre 2023"))


def test_dates_second_half_does_not_reach_next_january():
    assert not one("second semestre 2023").overlaps(one("janvier 2024"))


def test_dates_year_parts_tile_the_year():
    parts = [one(f"{w} 2025") for w in ("début", "mi-", "fin")]
    assert parts[0].start == dt.date(2025, 1, 1) and parts[-1].end == dt.date(2025, 12, 31)
    assert all(a.end + dt.timedelta(days=1) == b.start for a, b in zip(parts, parts[1:]))


def test_dates_month_parts_are_ten_day_blocks():
    assert [one(f"{w} avril 2025").days for w in ("début", "mi-", "fin")] == [10, 10, 10]


# --- the data file and the grammar agree ---------------------------------------


@pytest.mark.parametrize("form", sorted(lexicon()["months"]))
def test_dates_every_month_form_is_read(form):
    month = lexicon()["months"][form]["month"]
    assert one(f"le 12 {form} 2024") == Interval(dt.date(2024, month, 12), dt.date(2024, month, 12))


@pytest.mark.parametrize("cue", sorted(lexicon()["cues"]))
def test_dates_every_cue_is_kept_as_written(cue):
    sep = "" if cue.endswith("'") else " "
    (m,) = dates.parse(f"{cue}{sep}octobre 2030")
    assert (m.start, m.cue) == (0, cue)


@pytest.mark.parametrize("name", sorted(lexicon()["weekdays"]))
def test_dates_every_weekday_resolves_to_that_weekday(name):
    assert one(name, REF).start.weekday() == lexicon()["weekdays"][name]


@pytest.mark.parametrize("word", sorted(lexicon()["ordinals"]))
def test_dates_every_ordinal_names_a_quarter(word):
    n = lexicon()["ordinals"][word] % 5  # "dernier" (-1) is the 4th
    assert one(f"{word} trimestre 2024").start == dt.date(2024, 3 * n - 2, 1)


@pytest.mark.parametrize("season", sorted(lexicon()["seasons"]))
def test_dates_every_season_spans_three_months(season):
    iv = one(f"{season} 2024")
    assert iv.start.month == lexicon()["seasons"][season]["first"] and 89 <= iv.days <= 92


# dateparser, given only the span, agrees on full dates (it is the oracle here,
# never a search over the whole text).
@pytest.mark.parametrize("text", ["21 janvier 2026", "1er juillet 2026", "22/01/2026", "3 mars 2025", "15 août 2024"])
def test_dates_full_dates_agree_with_dateparser(text):
    settings_ = {"RELATIVE_BASE": dt.datetime(2026, 1, 22), "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    expected = dateparser.parse(text, languages=["fr"], settings=settings_).date()
    assert one(text) == Interval(expected, expected)


# --- properties ---------------------------------------------------------------

TOKENS = sorted(
    set(lexicon()["months"]) | set(lexicon()["weekdays"]) | set(lexicon()["seasons"]) | set(lexicon()["cues"])
    | set(lexicon()["parts"]) | set(lexicon()["relative"]["rel"]) | set(lexicon()["relative"]["units"])
    | set(lexicon()["relative"]["deictic"]) | set(lexicon()["ago"]["numbers"]) | set(lexicon()["ordinals"])
    | {"il y a", "entre", "et", "de", "du", "au", "à", "en", "le", "la", "l'", "l’", "trimestre", "semestre",
       "années", "T3", "S2", "1er", "3", "21", "31", "2023", "2030", "1999", "2100", "22/01/2026", "-", "(", ")",
       "véhicules", "Mars", ".", ",", "\n"})
SEPS = st.sampled_from([" ", "", "\u00a0", "\u202f", "’", "-", ", ", "\n", "/"])
frenchish = st.lists(st.tuples(st.sampled_from(TOKENS), SEPS), max_size=25).map(
    lambda xs: "".join(t + s for t, s in xs))
texts = st.one_of(st.text(max_size=200), frenchish)
refs = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))


def _invariants(text, found):
    for m in found:
        assert text[m.start:m.end] == m.text and m.text
        assert m.time.start <= m.time.end
        assert m.type == ("date" if m.time.days == 1 else "period")
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=400, deadline=None)
@given(texts, refs)
@example("d’ici\u202f2030 et le 21\u00a0janvier", dt.date(2026, 1, 22))
def test_dates_never_raises_and_spans_are_exact(text, ref):
    _invariants(text, dates.parse(text, ref=ref))


@settings(max_examples=200, deadline=None)
@given(texts, refs)
def test_dates_parse_is_deterministic(text, ref):
    assert dates.parse(text, ref=ref) == dates.parse(text, ref=ref)


@settings(max_examples=200, deadline=None)
@given(texts, refs)
def test_dates_a_leading_line_only_shifts_offsets(text, ref):
    shifted = [(m.start - 1, m.end - 1, m.time, m.cue) for m in dates.parse("\n" + text, ref=ref)]
    assert shifted == [(m.start, m.end, m.time, m.cue) for m in dates.parse(text, ref=ref)]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_written_day_round_trips(day):
    names = {v["month"]: k for k, v in sorted(lexicon()["months"].items(), key=lambda kv: len(kv[0]))}
    assert one(f"le {day.day} {names[day.month]} {day.year}") == Interval(day, day)
    assert one(day.strftime("%d/%m/%Y")) == Interval(day, day)


@settings(max_examples=100, deadline=None)
@given(st.integers(1901, 2099))
def test_dates_year_rules_hold_for_every_year(year):
    assert one(f"fin {year}").contains(one(f"novembre {year}"))
    assert not one(f"second semestre {year}").overlaps(one(f"janvier {year + 1}"))
    assert one(f"avant {year + 1}") == one(f"en {year}") == one(f"après {year - 1}")


@settings(max_examples=200, deadline=None)
@given(frenchish, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_a_ref_only_adds_mentions(text, ref):
    without = {(m.start, m.end) for m in dates.parse(text)}
    assert without <= {(m.start, m.end) for m in dates.parse(text, ref=ref)}


@pytest.mark.parametrize("text, start, end", [
    ("du mercredi 4 au vendredi 6 février", dt.date(2026, 2, 4), dt.date(2026, 2, 6)),  # weekdays before the days
    ("les 16, 17 et 18 mars", dt.date(2026, 3, 16), dt.date(2026, 3, 18)),  # a list of days: first to last
    ("les 2, 3, 4 et 5 avril", dt.date(2026, 4, 2), dt.date(2026, 4, 5)),
])
def test_spans_and_lists_of_days_in_one_month(text, start, end):
    found = [m for m in dates.parse(text, ref=dt.date(2026, 1, 20)) if m.time is not None]
    assert [(m.time.start, m.time.end) for m in found] == [(start, end)], found
