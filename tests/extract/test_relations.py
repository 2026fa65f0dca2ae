"""Parts and totals: the figures an article presents as parts of another (« dont », « y compris »,
« sur un total de », « parmi », « en plus de », a breakdown after a colon, « soit … au total »), the
`inconsistent_total` findings they give, and parts never compared with wholes across articles."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.compare.slots import compare_all
from reconcile.compare.totals import KIND, inconsistent_totals
from reconcile.extract.entities import Gazetteer
from reconcile.extract.lexicon import load
from reconcile.model import Source
from reconcile.normalize.entities import default_registry
from reconcile.pipeline import claims_of
from reconcile.store import claim_from_dict

from .conftest import show


def by_quote(cs):
    """quote -> claim, for the figures of a text (one claim per quote in these sentences)."""
    return {c.quote: c for c in cs if c.kind in ("quantity", "money")}


# ------------------------------------------------------------ 1. which figure is a part of which

PARTS = [
    # text, the whole's quote, the parts' quotes, the relation of the parts
    pytest.param("Le plan de Fabrex prévoit 640 suppressions de postes, dont 410 dans les magasins et 230 au siège.",
                 "640 suppressions", ["410", "230"], "part:dont", id="dont-list"),
    pytest.param("L'usine Fabrex de Vierzon emploie 1 200 personnes, y compris 150 intérimaires.",
                 "1 200 personnes", ["150 intérimaires"], "part:y compris", id="y-compris"),
    pytest.param("Fabrex supprimera 150 postes sur un total de 900 salariés.",
                 "900 salariés", ["150 postes"], "part:sur un total de", id="sur-un-total-de"),
    pytest.param("Parmi les 45 blessés de l'accident, 12 sont dans un état grave.",
                 "45 blessés", ["12"], "part:parmi", id="parmi-fronted"),
    pytest.param("L'orage a privé d'électricité 90 000 foyers : 52 000 dans le Calvados, 21 000 dans la Manche "
                 "et 17 000 dans l'Orne.", "90 000 foyers", ["52 000", "21 000", "17 000"], "breakdown::",
                 id="colon-breakdown"),
    pytest.param("Ces 200 suppressions de postes chez Fabrex s'ajoutent aux 480 annoncées en janvier, soit 680 au total.",
                 "680", ["200 suppressions", "480 annoncées"], "breakdown:soit", id="soit-au-total"),
]


@pytest.mark.parametrize("text,whole,parts,relation", PARTS)
def test_a_part_is_linked_to_the_whole_the_sentence_gives(claims, text, whole, parts, relation):
    got = by_quote(claims(text))
    assert whole in got and got[whole].part_of is None and got[whole].relation is None, sorted(got)
    for q in parts:
        assert got[q].part_of == got[whole].id and got[q].relation == relation, (q, got[q].relation, got[q].part_of)
        # a part is a fact of its own: it carries a place, a unit or the cue as its scope
        assert {"place", "unit", "part"} & got[q].scope_dict().keys(), got[q].scope


def test_each_part_of_a_breakdown_keeps_the_place_written_after_it(claims):
    """« 21 000 dans la Manche »: the place the NER missed is read after its preposition, not taken
    from the figure before it."""
    got = by_quote(claims("L'orage a privé d'électricité 90 000 foyers : 52 000 dans le Calvados, "
                          "21 000 dans la Manche et 17 000 dans l'Orne."))
    assert [got[q].scope_dict().get("place") for q in ("52 000", "21 000", "17 000")] == ["Calvados", "Manche", "Orne"]


def test_a_whole_after_sur_un_total_de_is_counted_by_its_own_noun(claims):
    got = by_quote(claims("Fabrex supprimera 150 postes sur un total de 900 salariés."))
    assert got["150 postes"].attribute == "job_cuts"
    assert got["900 salariés"].attribute == "headcount"  # the employees, not more job cuts


@pytest.mark.parametrize("text, part, part_attribute, whole, whole_attribute", [
    ("La direction prévoit de supprimer 380 postes sur 2 100 salariés.", "380 postes", "job_cuts",
     "2 100 salariés", "headcount"),
    ("Norvatec licenciera 95 salariés sur les 610 salariés du site.", "95 salariés", "job_cuts",
     "610 salariés", "headcount"),
])
def test_a_whole_after_sur_is_counted_by_its_own_noun_not_by_its_parts_verb(claims, text, part, part_attribute,
                                                                              whole, whole_attribute):
    got = by_quote(claims(text))
    assert (got[part].attribute, got[whole].attribute) == (part_attribute, whole_attribute), show(list(got.values()))
    assert got[part].part_of == got[whole].id


def test_a_whole_after_sur_is_not_in_the_event_of_its_part(claims):
    """« fermer 3 lignes sur 7 »: three lines are closed, the plant's seven are not."""
    got = by_quote(claims("L'usine de Brévane va fermer 3 lignes sur 7."))
    assert got["3 lignes"].scope_dict().get("event") == "closure", show(list(got.values()))
    assert "event" not in got["7"].scope_dict(), show(list(got.values()))


def test_two_additions_are_parts_of_no_stated_whole(claims):
    got = by_quote(claims("Fabrex supprimera 200 postes en plus des 480 déjà annoncés."))
    for q in ("200 postes", "480"):
        assert got[q].relation == "addition:en plus des" and got[q].part_of is None, got[q]
        assert got[q].scope_dict().get("part") == "addition"


NOT_PARTS = [
    pytest.param("Fabrex, dont les 11 000 salariés travaillent en France, annonce 300 embauches.",
                 id="dont-les-is-a-relative-clause"),
    pytest.param("Le bilan de l'accident de Montclar : 4 morts.", id="one-figure-after-a-colon"),
    pytest.param("Fabrex emploie 3 000 salariés sur 5 sites en France.", id="sur-other-things-counted"),
    pytest.param("Fabrex a embauché 300 personnes en 2024 et 250 en 2025.", id="a-plain-list"),
]


@pytest.mark.parametrize("text", NOT_PARTS)
def test_figures_the_text_does_not_present_as_parts_are_not_linked(claims, text):
    cs = claims(text)
    assert cs and all(c.part_of is None and c.relation is None for c in cs), [(c.quote, c.relation) for c in cs]


def test_relations_survive_the_claim_cache(claims):
    """The claim cache stores what the report shows: a part keeps its whole and relation."""
    for c in claims("Le plan de Fabrex prévoit 640 suppressions de postes, dont 410 dans les magasins."):
        back = claim_from_dict(c.to_dict())
        assert (back.part_of, back.relation, back.scope) == (c.part_of, c.relation, c.scope)


# ------------------------------------------------------------ 2. a total its own parts contradict

TOTALS = [
    # text, True when the parts contradict the total
    pytest.param("Le plan de Fabrex prévoit 640 suppressions de postes, dont 410 dans les magasins et 300 au siège.",
                 True, id="dont-parts-exceed-the-whole"),
    pytest.param("Le plan de Fabrex prévoit 640 suppressions de postes, dont 410 dans les magasins et 200 au siège.",
                 False, id="dont-parts-below-the-whole"),
    pytest.param("L'orage a privé d'électricité 95 000 foyers : 52 000 dans le Calvados, 21 000 dans la Manche "
                 "et 9 000 dans l'Orne.", True, id="breakdown-short-of-its-total"),
    pytest.param("L'orage a privé d'électricité 82 000 foyers : 52 000 dans le Calvados, 21 000 dans la Manche "
                 "et 9 000 dans l'Orne.", False, id="breakdown-that-adds-up"),
    pytest.param("L'orage a privé d'électricité environ 85 000 foyers : 52 000 dans le Calvados, 21 000 dans la "
                 "Manche et 9 000 dans l'Orne.", False, id="breakdown-of-an-approximate-total"),
    pytest.param("L'usine Fabrex de Vierzon emploie 1 200 personnes, y compris 1 450 intérimaires.",
                 True, id="y-compris-part-above-the-whole"),
    pytest.param("Ces 200 suppressions de postes chez Fabrex s'ajoutent aux 480 annoncées en janvier, soit 780 au total.",
                 True, id="soit-au-total-that-does-not-add-up"),
    pytest.param("Ces 200 suppressions de postes chez Fabrex s'ajoutent aux 480 annoncées en janvier, soit 680 au total.",
                 False, id="soit-au-total-that-adds-up"),
    pytest.param("Le chantier du pont de Montclar coûtera 212 millions d'euros, dont 150 millions pour l'ouvrage, "
                 "31 millions d'études et 18 millions d'euros d'accès.", True, id="dont-itemized-short-of-its-total"),
    pytest.param("Le chantier du pont de Montclar coûtera 212 millions d'euros, dont 150 millions pour l'ouvrage, "
                 "44 millions d'études et 18 millions d'euros d'accès.", False, id="dont-itemized-that-adds-up"),
    pytest.param("Le chantier du pont de Montclar coûtera 212 millions d'euros, dont 150 millions pour l'ouvrage "
                 "et 18 millions d'euros d'accès.", False, id="dont-two-parts-are-no-itemized-list"),    # the list after a whole named after « sur » breaks down the part the sentence is about
    pytest.param("Au total, 148 emplois sont maintenus sur 390 : 102 à Gérardmer et 46 à Remiremont.", False,
                 id="breakdown-of-the-part-before-sur-that-adds-up"),
    pytest.param("Au total, 148 emplois sont maintenus sur 390 : 102 à Gérardmer et 36 à Remiremont.", True,
                 id="breakdown-of-the-part-before-sur-short-of-it"),
]


@pytest.mark.parametrize("text,inconsistent", TOTALS)
def test_a_total_is_checked_against_the_parts_the_article_gives(claims, text, inconsistent):
    cs = claims(text)
    found = inconsistent_totals(cs)
    assert bool(found) == inconsistent, [f.explanation for f in found]
    if found:
        (f,) = found
        whole = next(c for c in cs if c.id == f.claims[0])
        parts = [c for c in cs if c.id in f.claims[1:]]
        assert f.kind == KIND and all(p.part_of == whole.id for p in parts) and len(parts) >= 1
        # the explanation names the total and every part, with their quotes
        assert f"«{whole.quote}»" in f.explanation and all(f"«{p.quote}»" in f.explanation for p in parts)
        flagged, _ = compare_all(cs, lex=load())
        assert f.id in {x.id for x in flagged}  # a flagged finding, in the report's conflicts


# ------------------------------------------------------------ 3. across articles: a part is never its whole

def corpus(nlp, *texts):
    cs = []
    for n, text in enumerate(texts):
        src = Source(id=f"a{n}", path=f"a{n}.txt", text=text, published=dt.date(2025, 6, 2 + n),
                     published_origin="metadata")
        cs += claims_of(src, Gazetteer(default_registry()), nlp=nlp)
    return cs


ACROSS = [
    pytest.param("Le plan de Fabrex prévoit 640 suppressions de postes, dont 410 dans les magasins.",
                 "Le plan de Fabrex prévoit 640 suppressions de postes.", id="a-dont-part-and-the-whole"),
    pytest.param("Fabrex supprimera 200 postes en plus des 480 déjà annoncés.",
                 "Fabrex supprimera 680 postes.", id="two-additions-and-their-sum"),
    pytest.param("Fabrex supprimera 150 postes sur un total de 900 salariés.",
                 "Fabrex supprimera 150 postes.", id="sur-un-total-whole-is-no-job-cut"),
]


@pytest.mark.parametrize("first,second", ACROSS)
def test_a_part_is_never_compared_with_a_whole_of_another_article(nlp, first, second):
    cs = corpus(nlp, first, second)
    assert any(c.relation for c in cs)  # the first article does give a part
    flagged, _ = compare_all(cs, lex=load())
    assert not flagged, [f.explanation for f in flagged]


# ------------------------------------------------------------ 4. a figure the article reports as corrected

CORRECTIONS = [
    pytest.param("Alors que la députée rappelait que « Fabrex emploie 9 000 salariés en France », le patron "
                 "l'a aussitôt corrigée : « 8 412 salariés ».", "9 000 salariés", "8 412 salariés", id="corrigee"),
    pytest.param("Le préfet a d'abord annoncé 4 morts, avant de rectifier le bilan à 3 morts.",
                 "4 morts", "3 morts", id="rectifier"),
]


@pytest.mark.parametrize("text,first,second", CORRECTIONS)
def test_a_correction_in_one_article_is_a_finding_that_says_so(claims, text, first, second):
    got = by_quote(claims(text))
    assert got[second].corrects == got[first].id and got[first].corrects is None
    # the correction holds where the corrected figure did
    assert got[first].scope_dict().get("place") == got[second].scope_dict().get("place")
    flagged, _ = compare_all(list(got.values()), lex=load())
    (f,) = flagged
    assert set(f.claims) == {got[first].id, got[second].id} and "corrects" in f.explanation, f.explanation


def test_two_figures_of_one_article_without_a_correction_are_not_compared(claims):
    """« employait 1 200 salariés en 2020 » and « 1 000 aujourd'hui »: a history, not a disagreement."""
    cs = claims("Fabrex employait 1 200 salariés en 2020, contre 1 000 salariés cette année.")
    assert not any(c.corrects for c in cs)
    assert not compare_all(cs, lex=load())[0]
