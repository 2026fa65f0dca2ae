"""People counted by what they did (« ils étaient N à + infinitif »), a raising verb's infinitive, a place
that only locates another (« Laval (Mayenne) »), a unit the parser tore apart, and the event of a list's
next item (issue 9, items 4 and 6). Our own sentences."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from reconcile.compare.verdicts import CONFLICT, EVOLUTION, compare
from reconcile.extract.lexicon import load as load_lexicon
from reconcile.model import Claim, Interval

from .conftest import figure, show

DOING = [
    pytest.param("Ils étaient près de 300 à débrayer jeudi après-midi devant l'atelier.", "près de 300",
                 "protesters", id="a-weekday-the-parser-takes-for-the-counted-noun"),
    pytest.param("Ils étaient 3 000 à manifester samedi à Lyon.", "3 000", "protesters", id="manifester"),
    pytest.param("Elles étaient une centaine à se rassembler lundi devant la mairie.", "une centaine", "protesters",
                 id="a-reflexive-infinitive"),
    pytest.param("Les cheminots étaient 450 à faire grève mardi.", "450", "protesters",
                 id="a-noun-subject-and-faire-greve"),
    pytest.param("Dimanche, ils sont encore 2 000 à défiler dans les rues de Brest.", "2 000", "protesters",
                 id="present-tense-defiler"),
]


@pytest.mark.parametrize("text,quote,attribute", DOING)
def test_people_who_were_n_to_do_an_act_are_counted_by_the_act(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute and dict(c.rules)["attribute"] == "parse:people-doing", show([c])


def test_a_weekday_is_never_the_counted_noun(claims):
    cs = claims("Ils étaient près de 300 à débrayer jeudi après-midi devant l'atelier.")
    assert not any(c.attribute == "count:jeudi" for c in cs), show(cs)


def test_the_place_of_the_act_is_the_counts(claims):
    c = figure(claims("Ils étaient 3 000 à manifester samedi à Lyon."), "3 000")
    assert c.scope_dict().get("place") == "Lyon", show([c])


def test_an_act_that_tells_no_kind_of_people_leaves_the_usual_rules(claims):
    c = figure(claims("Ils sont 450 à avoir signé la pétition."), "450")
    assert c.attribute != "protesters" and dict(c.rules)["attribute"] != "parse:people-doing", show([c])


def test_a_count_of_its_own_noun_before_a_is_not_people_doing(claims):
    c = figure(claims("Le syndicat compte 300 adhérents à Nantes."), "300 adhérents")
    assert dict(c.rules)["attribute"] != "parse:people-doing", show([c])


RAISED = [
    pytest.param("Sur les 910 salariés, 163 postes doivent disparaître d'ici à la fin de l'année.", "163 postes",
                 "job_cuts", id="devoir-disparaitre"),
    pytest.param("Quelque 240 postes pourraient disparaître à Rennes.", "Quelque 240 postes", "job_cuts",
                 id="pouvoir-disparaitre"),
    pytest.param("Au total, 80 emplois vont disparaître dans l'entrepôt.", "80 emplois", "job_cuts",
                 id="aller-disparaitre"),
    pytest.param("L'entreprise veut recruter 60 salariés l'an prochain.", "60 salariés", "count:salarie_recrute",
                 id="vouloir-recruter-not-headcount"),
]


@pytest.mark.parametrize("text,quote,attribute", RAISED)
def test_the_infinitive_of_a_raising_verb_names_what_is_counted(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    if attribute.startswith("count:"):
        assert c.attribute != "headcount", show([c])  # recruits are no workforce
    else:
        assert c.attribute == attribute, show([c])


LOCATED = [
    pytest.param("Les sites du groupe :\n- Laval (Mayenne) : 530 salariés\n", "530 salariés", "Laval",
                 id="list-line"),
    pytest.param("Les sites du groupe :\n- Audincourt (Doubs) : 860 salariés\n", "860 salariés", "Audincourt",
                 id="list-line-a-second"),
    pytest.param("Le transporteur emploie 120 salariés à Vitré (Ille-et-Vilaine).", "120 salariés", "Vitré",
                 id="in-a-sentence"),
    pytest.param("À Quimper (Finistère), 45 commerces restent fermés.", "45 commerces", "Quimper",
                 id="fronted"),
]


@pytest.mark.parametrize("text,quote,place", LOCATED)
def test_a_place_in_parentheses_only_locates_the_one_before_it(claims, text, quote, place):
    c = figure(claims(text), quote)
    assert c.scope_dict().get("place") == place, show([c])


def test_a_unit_torn_by_the_parser_keeps_its_place(claims):
    text = ("Près de 300 ouvriers ont cessé le travail devant l'usine Tessaro d'Audincourt, dans le pays de "
            "Montbéliard. Sur les 910 salariés de l'usine, 163 postes doivent disparaître.")
    c = figure(claims(text), "910 salariés")
    assert c.scope_dict().get("unit") == "usine d'Audincourt", show([c])


def test_the_next_item_of_a_closure_list_is_closed_too(claims):
    text = ("Le plan prévoit la fermeture de quatre hypermarchés, à Caen, Vire (Calvados) et Lisieux, "
            "ainsi que de six supérettes.")
    cs = claims(text)
    assert figure(cs, "quatre hypermarchés").scope_dict().get("event") == "closure", show(cs)
    c = figure(cs, "six supérettes")
    assert c.scope_dict().get("event") == "closure" and dict(c.rules)["scope"] == "parse:event-continued", show([c])


def test_a_count_after_a_verb_of_its_own_does_not_continue_the_event(claims):
    c = figure(claims("La fermeture de trois agences est prévue et le réseau compte 40 agences."), "40 agences")
    assert "event" not in c.scope_dict(), show([c])


# ---------------------------------------------------------------- a stock's history is no conflict

def _stock(quote, value, published, time=None):
    day = dt.date.fromisoformat(published)
    return Claim(id=quote, source=quote, start=0, end=1, line=1, quote=quote, sentence=quote, entity="Fabrex",
                 attribute="count:magasin", value=float(value), kind="quantity", published=day,
                 time=time or Interval(day, day), time_origin="explicit" if time else "published")


def test_a_stock_dated_years_before_is_its_history():
    lex = load_lexicon()
    lex.dynamics.setdefault("count:magasin", "stock")
    old = _stock("en 2019, 21 magasins", 21, "2024-11-02", Interval(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    now = _stock("six magasins", 6, "2024-11-05")
    assert compare(old, now, lex=lex).kind == EVOLUTION


def test_a_stock_told_twice_in_the_same_weeks_still_conflicts():
    lex = load_lexicon()
    lex.dynamics.setdefault("count:magasin", "stock")
    a = _stock("21 magasins", 21, "2024-11-02", Interval(dt.date(2024, 10, 1), dt.date(2024, 10, 31)))
    b = _stock("six magasins", 6, "2024-11-05")
    assert compare(a, b, lex=lex).kind == CONFLICT


def test_the_place_of_a_raising_verbs_infinitive_is_the_figures(claims):
    c = figure(claims("Quelque 240 postes pourraient disparaître à Rennes."), "Quelque 240 postes")
    assert c.scope_dict().get("place") == "Rennes", show([c])


# ---------------------------------------------------------------- a percentage of change

CHANGES = [
    pytest.param("La production a chuté de 40 % en trois ans.", "40 %", "percent_decrease", "production",
                 id="chuter-de"),
    pytest.param("Le titre a perdu 9 % en Bourse.", "9 %", "percent_decrease", "titre", id="perdre-an-object"),
    pytest.param("Le trafic a progressé de 5 % sur un an.", "5 %", "percent_increase", "trafic", id="progresser-de"),
    pytest.param("Les ventes ont enregistré une baisse de 32 %.", "32 %", "percent_decrease", None,
                 id="a-noun-of-change"),
    pytest.param("Le groupe a vu son chiffre d'affaires reculer de 12 % l'an dernier.", "12 %", "percent_decrease",
                 "chiffre d'affaires", id="reculer-under-voir"),
]


@pytest.mark.parametrize("text,quote,attribute,thing", CHANGES)
def test_a_percentage_a_word_of_change_governs_is_the_change(claims, text, quote, attribute, thing):
    c = figure(claims(text), quote)
    assert c.attribute == attribute and dict(c.rules)["attribute"] == "parse:change", show([c])
    assert c.scope_dict().get("of") == thing, show([c])
    assert "change" not in dict(c.rules), show([c])  # the figure is the change, no value after one


def test_two_levels_of_a_passage_are_no_change(claims):
    cs = claims("Le taux de grévistes est passé de 31,2 % à 19,5 %.")
    assert not any(c.attribute.startswith("percent_") for c in cs), show(cs)


def test_a_share_held_is_no_change(claims):
    c = figure(claims("La Ville détient 65 % du capital."), "65 %")
    assert c.attribute == "share:capital", show([c])


# ---------------------------------------------------------------- what a sum values

VALUED = [
    pytest.param("La mairie chiffre le coût des travaux à 3 millions d'euros.", "3 millions d'euros", "cost",
                 "mairie", id="chiffrer-le-cout"),
    pytest.param("L'État évalue les dégâts à 12 millions d'euros.", "12 millions d'euros", "cost", "État",
                 id="evaluer-les-degats"),
    pytest.param("Le syndicat estime les pertes à 40 millions d'euros.", "40 millions d'euros", "loss", "syndicat",
                 id="estimer-les-pertes"),
    pytest.param("La région estime le budget nécessaire à 5 millions d'euros.", "5 millions d'euros", "budget",
                 "région", id="estimer-le-budget"),
]


@pytest.mark.parametrize("text,quote,attribute,counter", VALUED)
def test_a_sum_is_the_amount_of_what_a_verb_of_counting_values(claims, text, quote, attribute, counter):
    c = figure(claims(text), quote)
    assert c.attribute == attribute and c.attributed_to == counter, show([c])
    assert "unit" not in c.scope_dict(), show([c])  # who counts is no part of what is counted


# ---------------------------------------------------------------- what a cost is the cost of

COSTED = [
    pytest.param("La Ville a chiffré à 1,8 million d'euros le coût du relogement d'urgence.", "1,8 million d'euros",
                 "relogement", id="the-complement-of-cout"),
    pytest.param("La direction a présenté une première estimation du coût de la crise : 4,2 millions d'euros.",
                 "4,2 millions d'euros", "crise", id="before-a-colon"),
    pytest.param("Le conseil a voté 240 000 euros de travaux.", "240 000 euros", "travail", id="the-thing-paid-for"),
    pytest.param("La démolition a coûté 650 000 euros.", "650 000 euros", "demolition", id="the-subject-of-couter"),
    pytest.param("Un devis de 410 000 euros avait été établi.", "410 000 euros", "devis", id="a-quote"),
    pytest.param("Le prolongement, d'un coût de 4 milliards d'euros, ouvrira en 2026.", "4 milliards d'euros",
                 "prolongement", id="the-noun-a-cost-qualifies-not-the-sum"),
]


@pytest.mark.parametrize("text,quote,thing", COSTED)
def test_a_cost_names_what_it_is_the_cost_of(claims, text, quote, thing):
    c = figure(claims(text), quote)
    assert c.attribute == "cost" and c.scope_dict().get("of") == thing, show([c])


def test_a_cost_of_nothing_named_has_no_thing(claims):
    c = figure(claims("Le lot a été évalué à 62 millions d'euros."), "62 millions d'euros")
    assert "of" not in c.scope_dict(), show([c])


def _cost(quote, value, published, of=None, time=None):
    return replace(_stock(quote, value, published, time), entity="hôpital", attribute="cost", kind="money",
                   unit="EUR", scope=(("of", of),) if of else ())


def test_a_cost_of_one_thing_told_twice_in_a_week_conflicts():
    lex = load_lexicon()
    a = _cost("4,2 millions", 4_200_000, "2026-02-17", of="crise")
    b = _cost("4,8 millions", 4_800_000, "2026-02-16", of="crise", time=Interval(dt.date(2026, 2, 16),
                                                                                  dt.date(2026, 2, 16)))
    assert compare(a, b, lex=lex).kind == CONFLICT


def test_a_cost_of_nothing_named_is_compared_at_one_time_only():
    lex = load_lexicon()
    a = _cost("62 millions", 62_000_000, "2024-09-19")
    b = _cost("12 millions", 12_000_000, "2024-09-30")
    assert compare(a, b, lex=lex).kind == EVOLUTION


# ---------------------------------------------------------------- what a thing has

HAVING = [
    pytest.param("L'immeuble, qui comptait 18 logements, s'est effondré mardi.", "18 logements", id="compter"),
    pytest.param("Le site abrite 12 ateliers.", "12 ateliers", id="abriter"),
    pytest.param("La résidence comporte 140 chambres.", "140 chambres", id="comporter"),
    pytest.param("Le réseau dispose de 40 agences en Bretagne.", "40 agences", id="disposer-de"),
]


@pytest.mark.parametrize("text,quote", HAVING)
def test_a_count_a_thing_has_is_marked_as_such(claims, text, quote):
    c = figure(claims(text), quote)
    assert dict(c.rules).get("dynamics") == "parse:having-verb", show([c])


def test_a_count_somebody_counts_is_not_had(claims):
    c = figure(claims("La mairie compte 27 sinistrés relogés."), "27 sinistrés")
    assert "dynamics" not in dict(c.rules), show([c])


def test_two_counts_a_thing_has_told_days_apart_conflict():
    lex = load_lexicon()
    had = (("dynamics", "parse:having-verb"),)
    a = replace(_stock("18 logements", 18, "2026-03-04"), attribute="count:logement", rules=had)
    b = replace(_stock("22 logements", 22, "2026-03-13"), attribute="count:logement", rules=had)
    assert compare(a, b, lex=lex).kind == CONFLICT
    plain = replace(b, rules=())
    assert compare(a, plain, lex=lex).kind == EVOLUTION  # a count of unknown kind: one time only


# ---------------------------------------------------------------- a participle the parser hung on the main verb

DETACHED = [
    pytest.param("Au cœur de l'enquête figure l'arrêté de péril visant le 14, signé le 21 novembre 2025 par la maire.",
                 "signé le 21 novembre 2025", "agreement:arrete", id="an-inverted-subject"),
    pytest.param("Le maire a présenté le budget, voté lundi soir.", "voté lundi", "date:vote", id="the-nearest-noun"),
]


@pytest.mark.parametrize("text,quote,attribute", DETACHED)
def test_a_detached_participle_dates_the_noun_it_agrees_with(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute, show([c])


def test_the_budget_voted_is_what_the_vote_is_of(claims):
    c = figure(claims("Le maire a présenté le budget, voté lundi soir."), "voté lundi")
    assert c.entity == "budget", show([c])


def test_a_participle_that_agrees_with_no_noun_before_it_is_left_alone(claims):
    c = figure(claims("Les syndicats ont reçu le texte, signées le 3 mars par les deux parties."), "signées le 3 mars")
    assert c.attribute == "agreement", show([c])


# ---------------------------------------------------------------- a day after a fronted phrase frames the sentence
# (published on Sunday 1 June 2025: « dimanche » is that day)

FRONTED_DAY = [
    pytest.param("À l'ouverture du procès, lundi, 64 parties civiles s'étaient constituées.", "64 parties",
                 dt.date(2025, 5, 26), id="a-l-ouverture"),
    pytest.param("Lors du premier tour, dimanche, 55 % des inscrits ont voté.", "55 %", dt.date(2025, 6, 1),
                 id="lors-du-premier-tour"),
    pytest.param("À Lyon, dimanche, 3 000 personnes ont défilé.", "3 000 personnes", dt.date(2025, 6, 1),
                 id="a-place-then-a-day"),
    pytest.param("Pendant la nuit, samedi, 40 foyers ont été évacués.", "40 foyers", dt.date(2025, 5, 31),
                 id="pendant"),
]


@pytest.mark.parametrize("text,quote,day", FRONTED_DAY)
def test_a_day_after_a_fronted_phrase_dates_the_sentences_figure(claims, text, quote, day):
    c = figure(claims(text), quote)
    assert c.time == Interval(day, day) and c.time_origin == "explicit", show([c])


def test_a_day_inside_a_clause_of_its_own_does_not_frame_the_sentence(claims):
    c = figure(claims("Après avoir voté lundi la fermeture, le conseil compte 40 agences."), "40 agences")
    assert c.time_origin != "explicit" or c.time != Interval(dt.date(2025, 5, 26), dt.date(2025, 5, 26)), show([c])


# ---------------------------------------------------------------- who a « selon » names

def test_the_outlets_own_information_is_nobodys(claims):
    for text, quote in [("Selon nos informations, le fonds a proposé 400 millions d'euros.", "400 millions d'euros"),
                        ("D'après nos sources, 300 postes seront supprimés.", "300 postes")]:
        c = figure(claims(text), quote)
        assert c.attributed_to is None, show([c])


def test_the_subject_of_a_relative_clause_on_the_source_is_not_the_source(claims):
    cs = claims("Selon ce document, que la Gazette a pu consulter, le chantier coûtera 40 millions d'euros.")
    c = figure(cs, "40 millions d'euros")
    assert c.attributed_to == "ce document", show([c])


def test_a_name_apposed_to_the_source_still_is_the_source(claims):
    c = figure(claims("Selon son avocat, Me Paul Girard, le préjudice atteint 2 millions d'euros."), "2 millions d'euros")
    assert c.attributed_to == "Me Paul Girard", show([c])


# ---------------------------------------------------------------- a person is no organisation's apposition

def test_a_founder_before_le_groupe_is_not_the_group(claims):
    text = ("Le groupe Norvalis Industries annonce 575 suppressions de postes.\n\n"
            "Fondé en 1957 à Lyon par Henri Norval, le groupe a longtemps prospéré. "
            "Il emploie aujourd'hui 9 800 salariés dans 14 pays.\n")
    c = figure(claims(text), "9 800 salariés")
    assert c.entity == "Norvalis Industries", show([c])



# ---------------------------------------------------------------- a verb the parser left without its subject

def test_a_name_apposed_to_a_role_before_a_counting_verb_counts(claims):
    text = ("Jeudi soir, lors d'un conseil municipal extraordinaire, l'adjointe au logement, Claire Vidal, a chiffré "
            "à 1,2 million d'euros le coût du relogement d'urgence.")
    c = figure(claims(text), "1,2 million d'euros")
    assert c.attributed_to == "Claire Vidal" and c.entity != "Claire Vidal", show([c])
    assert c.attribute == "cost" and c.scope_dict().get("of") == "relogement", show([c])


def test_a_participle_after_a_comma_has_no_torn_subject(claims):
    c = figure(claims("La PME a décroché le lot charpente, évalué à 62 millions d'euros."), "62 millions d'euros")
    assert c.attributed_to is None, show([c])


INVARIABLE = [
    pytest.param("Le groupe est présent dans 14 pays.", "14 pays", "count:pays", id="pays"),
    pytest.param("Le projet a été reporté trois fois.", "trois fois", "count:fois", id="fois"),
    pytest.param("La commune compte 12 puits.", "12 puits", "count:puits", id="puits"),
    pytest.param("Le dépouillement a compté 212 bulletins blancs.", "212 bulletins", "count:bulletin_blanc",
                 id="a-plural-still-singular"),
]


@pytest.mark.parametrize("text,quote,attribute", INVARIABLE)
def test_a_noun_whose_singular_ends_in_s_keeps_it(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute, show([c])


# ---------------------------------------------------------------- what these rules must leave alone (review)

def test_a_crowd_a_march_counted_is_not_had(claims):
    c = figure(claims("Le cortège comptait 3 000 personnes."), "3 000 personnes")
    assert "dynamics" not in dict(c.rules), show([c])


def test_a_unit_that_records_keeps_its_unit(claims):
    c = figure(claims("L'usine de Vierzon a enregistré 300 commandes en mai."), "300 commandes")
    assert c.scope_dict().get("unit") == "usine de Vierzon", show([c])


def test_a_rise_from_one_level_to_another_is_no_change(claims):
    cs = claims("Le taux de TVA a augmenté de 5,5 % à 10 %.")
    assert not any(c.attribute.startswith("percent_") for c in cs), show(cs)


def test_a_level_after_a_change_is_no_change(claims):
    c = figure(claims("La participation, en hausse de 3 %, atteint 45 %."), "45 %")
    assert not c.attribute.startswith("percent_"), show([c])


def test_two_prices_are_two_things_that_change(claims):
    gas = figure(claims("Le prix du gaz a augmenté de 12 %."), "12 %")
    power = figure(claims("Le prix de l'électricité a augmenté de 5 %."), "5 %")
    assert gas.scope_dict()["of"] != power.scope_dict()["of"], show([gas, power])


def test_a_present_participle_acts_on_its_own_object(claims):
    c = figure(claims("Le préfet a pris un arrêté, interdisant tout rassemblement le 12 avril."),
               "rassemblement le 12 avril")
    assert c.attribute == "rally", show([c])


def test_a_clause_of_its_own_after_a_colon_does_not_continue_the_event(claims):
    c = figure(claims("Le plan prévoit la fermeture de quatre magasins : 12 entrepôts resteront ouverts."),
               "12 entrepôts")
    assert c.scope_dict().get("event") != "closure", show([c])


def test_a_count_after_soit_is_no_people_doing(claims):
    cs = claims("Le projet a été voté par 30 élus, soit 12 à recruter.")
    assert not any(dict(c.rules).get("attribute") == "parse:people-doing" for c in cs), show(cs)


# ---------------------------------------------------------------- a rate its subject names

RATES = [
    pytest.param("La participation s'établit à 55,0 %.", "55,0 %", "turnout", id="participation"),
    pytest.param("Au premier tour, la participation a atteint 58 %.", "58 %", "turnout", id="participation-atteint"),
    pytest.param("L'abstention s'élève à 45 %.", "45 %", "abstention", id="abstention"),
]


@pytest.mark.parametrize("text,quote,attribute", RATES)
def test_a_bare_percentage_is_the_rate_its_subject_names(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute, show([c])


def test_a_subject_with_a_complement_is_no_rate(claims):
    c = figure(claims("La participation de l'État au capital atteint 15 %."), "15 %")
    assert c.attribute != "turnout", show([c])


# ---------------------------------------------------------------- how far a thing is in a state

STATE_RATES = [
    pytest.param("Le barrage de Montreuil était rempli à 48 % mardi.", "48 %", "share:remplir", id="rempli-a"),
    pytest.param("Le chantier est réalisé à 45 %.", "45 %", "share:realiser", id="realise-a"),
    pytest.param("La société, détenue à 65 % par la Ville, exploite la ligne.", "65 %", "share:detenir",
                 id="detenue-a"),
    pytest.param("Le lac n'était plus rempli qu'à 43 % le 21 juillet.", "43 %", "share:remplir",
                 id="restrictive-qu-a"),
]


@pytest.mark.parametrize("text,quote,attribute", STATE_RATES)
def test_a_percentage_after_a_participle_and_a_is_how_far_its_state_goes(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute and c.modality != "negated", show([c])


def test_a_level_of_a_change_is_no_state(claims):
    cs = claims("Le taux est passé de 31 % à 19 %.")
    assert not any(c.attribute.startswith("share:") for c in cs), show(cs)


def test_ne_plus_with_que_further_on_restricts_it_does_not_deny(claims):
    kept = figure(claims("L'usine n'employait plus guère qu'une centaine de salariés."), "une centaine de salariés")
    assert kept.modality != "negated", show([kept])
    denied = figure(claims("L'usine ne compte plus 300 salariés."), "300 salariés")
    assert denied.modality == "negated", show([denied])


def test_a_present_participle_above_a_percentage_is_no_state(claims):
    cs = claims("Les usines, redevenant des filiales détenues à 100 % par le groupe, resteront ouvertes.")
    assert not any(c.attribute == "share:redevenir" for c in cs), show(cs)


@pytest.mark.parametrize("text, quote, attribute", [
    # jobs a buyer or a plan keeps are neither jobs created nor the workforce (domains/labour.toml jobs_kept)
    ("L'offre de Brunel Habitat conserve 180 emplois sur les deux sites.", "180 emplois", "jobs_kept"),
    ("Au total, 96 emplois sont sauvés.", "96 emplois", "jobs_kept"),
    ("Le repreneur promet de garder 75 salariés à Gérardmer.", "75 salariés", "jobs_kept"),
    ("Le projet de stade doit créer 400 emplois.", "400 emplois", "jobs"),
    # a workforce noun subject of an act in the compound past counts those who did it (domains [workforce])
    ("Seuls quatre salariés ont accepté la mutation à Lyon.", "quatre salariés", "count:salarie"),
    ("Une trentaine d'ouvriers ont quitté l'usine depuis janvier.", "Une trentaine d'ouvriers", "count:ouvrier"),
    ("L'entreprise emploie 212 salariés à Gérardmer.", "212 salariés", "headcount"),
    ("Les 212 salariés de l'usine ont attendu le jugement toute la journée.", "212 salariés", "headcount"),
])
def test_jobs_kept_and_those_who_did_something_are_no_workforce(claims, text, quote, attribute):
    assert figure(claims(text), quote).attribute == attribute, show(claims(text))
