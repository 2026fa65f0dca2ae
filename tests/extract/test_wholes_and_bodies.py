"""A part is about what its whole is about; a public body named by its place is the body, not the place;
a story set in a place the gazetteer does not know is still set in a place."""
from __future__ import annotations

import pytest

from reconcile.extract.entities import Gazetteer
from reconcile.normalize.entities import default_registry
from reconcile.extract.nlp import parse

from .conftest import figure


# ---------------------------------------------------------------- parts take their whole's subject

@pytest.mark.parametrize("text, whole, parts", [
    ("Karim Haddad a présenté sa liste hier. Au premier tour, le scrutin a réuni 13 400 votants, "
     "dont 12 900 suffrages exprimés, 280 bulletins blancs et 220 nuls.\n",
     "13 400 votants", ["12 900 suffrages", "280 bulletins", "220 nuls"]),
    ("Sophie Marin conduit la liste. Le scrutin a mobilisé 8 200 électeurs, dont 7 900 suffrages exprimés.\n",
     "8 200 électeurs", ["7 900 suffrages"]),
])
def test_a_part_with_no_subject_of_its_own_is_about_its_whole(claims, text, whole, parts):
    cs = claims(text)
    w = figure(cs, whole)
    for quote in parts:
        p = figure(cs, quote)
        assert p.entity == w.entity, (quote, p.entity, w.entity)
        assert dict(p.rules)["subject"] == "parse:part-of-whole"


def test_a_part_that_names_its_own_subject_keeps_it(claims):
    cs = claims("Le groupe Norvax emploie 5 000 salariés, dont 1 200 chez sa filiale Tessalis.\n")
    assert figure(cs, "5 000 salariés").entity == "Norvax"
    assert dict(figure(cs, "1 200").rules).get("subject") != "parse:part-of-whole"


# ---------------------------------------------------------------- public bodies named by their place

@pytest.fixture(scope="module")
def names(nlp):
    g = Gazetteer(default_registry())
    return lambda text: {x.text: (x.name, x.type) for x in g.article_spans(parse(text + "\n"))}


@pytest.mark.parametrize("text, written, name", [
    ("Les urgences de l'hôpital de Quimperlé sont saturées.", "hôpital de Quimperlé",
     "centre hospitalier de Quimperlé"),
    ("Le centre hospitalier de Quimperlé emploie 1 800 agents.", "centre hospitalier de Quimperlé",
     "centre hospitalier de Quimperlé"),
    ("Six patients ont été transférés au CHU de Brest.", "CHU de Brest", "CHU de Brest"),
    ("Le tribunal administratif de Rennes a suspendu l'arrêté.", "tribunal administratif de Rennes",
     "tribunal administratif de Rennes"),
    ("Les élèves du lycée d'Auray ont été évacués.", "lycée d'Auray", "lycée d'Auray"),
    # bodies whose own name holds « de », written as the article writes them
    ("La Cour d'appel de Lyon a fixé la date du procès.", "Cour d'appel de Lyon", "Cour d'appel de Lyon"),
    ("Le tribunal de commerce de Nanterre a prononcé la liquidation.", "tribunal de commerce de Nanterre",
     "tribunal de commerce de Nanterre"),
    ("Les étudiants de l'Université de Bordeaux manifestent.", "Université de Bordeaux", "Université de Bordeaux"),
])
def test_a_body_named_by_its_place_is_an_organisation_named_as_the_body(names, text, written, name):
    found = names(text)
    assert found.get(written) == (name, "ORG"), found


def test_a_place_after_other_words_stays_a_place(names):
    found = names("Le maire de Quimperlé a ouvert un gymnase à Quimperlé.")
    assert {n for n, _ in found.values()} == {"Quimperlé"}, found


def test_the_hospital_and_its_formal_name_are_one_entity(claims):
    cs = claims("L'hôpital de Quimperlé emploie 1 800 agents. Le centre hospitalier de Quimperlé compte "
                "420 lits.\n")
    assert figure(cs, "1 800 agents").entity == figure(cs, "420 lits").entity == "centre hospitalier de Quimperlé"


# ---------------------------------------------------------------- a story set in an unknown commune

def test_a_place_the_articles_write_as_a_scope_is_a_place():
    """The story most articles fall back on is where it is set when the gazetteer knows it, or when some
    figure of the corpus holds there (« à Kervalec »): a commune too small for the gazetteer."""
    import datetime as dt
    from reconcile.corpus import _stage_tally, decide, Tally
    from reconcile.model import Claim
    from reconcile.normalize import places

    def claim(entity, scope=(), origin="main entity", source="s"):
        return Claim(id="c", source=source, start=0, end=1, line=1, quote="x", sentence="x", entity=entity,
                     attribute="a", value=1.0, kind="quantity", time=dt.date(2025, 1, 1), scope=scope,
                     subject_origin=origin)

    def setting(claims):
        t = Tally()
        _stage_tally(t, claims)
        return decide(t, lambda n: places.gazetteer().lookup(n) is not None, None, None).setting

    assert setting([claim("Lorient")]) == "Lorient"  # the gazetteer knows it
    assert setting([claim("Kervalec")]) is None
    assert setting([claim("Kervalec"), claim("scrutin", (("place", "Kervalec"),), "parse", "t")]) == "Kervalec"


# ---------------------------------------------------------------- nouns of two words in the data

@pytest.mark.parametrize("text, quote, attribute", [
    ("La commune compte 9 000 électeurs inscrits et 12 000 habitants.\n", "9 000 électeurs", "registered_voters"),
    ("Sur les 31 200 électeurs inscrits de la circonscription, peu ont voté.\n", "31 200 électeurs",
     "registered_voters"),
    ("La commune compte 9 000 électeurs et 12 000 habitants.\n", "9 000 électeurs", "count:electeur"),
])
def test_a_noun_and_its_participle_that_the_data_lists_together_are_one_noun(claims, text, quote, attribute):
    assert figure(claims(text), quote).attribute == attribute


# ---------------------------------------------------------------- whose event: a possessive, a named complement

@pytest.mark.parametrize("text, quote, owner", [
    ("Les ventes de Norvexa ont reculé. Sa tentative d'entrée en Bourse ayant échoué, le groupe se replie.\n",
     "entrée en Bourse", "Norvexa"),
    ("Le groupe Tessalis a ouvert une usine en 2019. Après l'introduction en bourse ratée, son existence était "
     "menacée.\n", "introduction en bourse", "Tessalis"),
])
def test_an_event_of_a_possessed_noun_is_its_owner_s(claims, text, quote, owner):
    c = figure(claims(text), quote)
    assert c.entity == owner, (c.entity, dict(c.rules))


def test_a_concrete_noun_subject_stays_what_the_event_is_about(claims):
    c = figure(claims("Les écoles de la commune seront fermées mardi.\n"), "fermées mardi")
    assert "ecole" in c.entity or "école" in c.entity, c.entity


@pytest.mark.parametrize("written, name", [
    ("l'histoire de Norvexa", "Norvexa"),
    ("l'avenir institutionnel de Norvexa", "Norvexa"),
    ("le ministère de l'Intérieur", "ministère de l'Intérieur"),
    ("le président de la Métropole", "président de la Métropole"),
])
def test_a_name_is_not_a_common_noun_s_complement(written, name):
    from reconcile.extract.entities import _complement_name
    heads = {"ministere", "president"}
    surface = written.split(" ", 1)[1] if written.startswith(("le ", "la ")) else written[2:]
    assert (_complement_name(surface, heads) or surface) == name


def test_a_place_owns_nothing(claims):
    c = next(c for c in claims("Le ministre s'est rendu à Nîmes mardi. Sa démission a été annoncée le 3 mai.\n")
             if "3 mai" in c.quote)
    assert c.entity != "Nîmes", (c.entity, dict(c.rules))
