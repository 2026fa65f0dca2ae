"""A toll, a crowd or a turnout is about the story's incident, never about who says or counts it
(issue 9, row 1 and item 2): our own sentences for each way the incident is found, and for the
attribution rules that come with it."""
from __future__ import annotations

import pytest

from reconcile.model import INCIDENT_SUBJECTS

from .conftest import figure


PARSED = [
    # text, quote, attribute, the incident's name expected
    pytest.param("Le préfet des Landes, Jean Dupont, a annoncé que l'accident avait fait trois morts.", "trois morts",
                 "deaths", "accident", id="row-1-the-accident-not-the-prefect"),
    pytest.param("L'explosion de l'entrepôt Norvex a fait deux morts, selon les pompiers.", "deux morts",
                 "deaths", "explosion de l'entrepôt Norvex", id="incident-with-its-complement"),
    pytest.param("Les inondations ont fait quatre blessés dans l'Aude.", "quatre blessés",
                 "injured", "inondation", id="plural-incident-in-dictionary-form"),
    pytest.param("Le séisme a fait douze blessés légers, a indiqué la mairie.", "douze blessés",
                 "injured", "séisme", id="incident-subject-and-a-speaker-after"),
    pytest.param("Les journées de mobilisation ont réuni 3 000 personnes à Rennes.", "3 000 personnes",
                 "protesters", "journée de mobilisation", id="a-crowd-of-a-protest"),
    pytest.param("Un épisode cévenol d'une violence rare a fait deux morts.", "deux morts",
                 "deaths", "épisode cévenol", id="a-quality-is-no-part-of-the-name"),
]


@pytest.mark.parametrize("text,quote,attribute,incident", PARSED)
def test_the_incident_is_what_a_toll_or_a_crowd_is_about(claims, text, quote, attribute, incident):
    c = figure(claims(text), quote)
    assert (c.attribute, c.entity, c.subject_origin) == (attribute, incident, "incident"), c.rules
    assert dict(c.rules)["subject"].startswith("parse:incident")


def test_the_speaker_of_a_toll_is_its_attribution_not_its_subject(claims):
    c = figure(claims("Le préfet des Landes, Jean Dupont, a annoncé que l'accident avait fait trois morts."),
                      "trois morts")
    assert c.attributed_to in ("Jean Dupont", "préfet des Landes") and c.entity == "accident"


NEARBY = [
    pytest.param("Au lendemain de la tempête, 2 000 personnes ont été évacuées selon la préfecture.",
                 "2 000 personnes", "tempête", "window:incident-sentence", id="named-in-the-sentence"),
    pytest.param("L'incendie de la scierie Vallon a repris dimanche. Quelque 300 riverains ont été évacués.",
                 "Quelque 300 riverains", "incendie de la scierie Vallon", "window:incident-before",
                 id="named-in-the-sentence-before"),
    pytest.param("La crue de la Loire inquiète. Les secours redoutent le pire. Le maire reste prudent. "
                 "Les écoles restent fermées. Huit personnes restent portées disparues.", "Huit personnes", "crue de la Loire", "article:incident",
                 id="the-article-s-incident"),
    pytest.param("La grève a été très suivie. Les syndicats se félicitent. La direction minimise. "
                 "Les usagers s'organisent. Selon la police, 4 000 manifestants ont défilé.", "4 000 manifestants", "grève", "article:incident",
                 id="the-article-s-protest"),
]


@pytest.mark.parametrize("text,quote,incident,rule", NEARBY)
def test_an_incident_named_around_a_toll(claims, text, quote, incident, rule):
    c = figure(claims(text), quote)
    assert c.entity == incident and c.subject_origin in INCIDENT_SUBJECTS, (c.entity, c.rules)
    assert dict(c.rules)["subject"] == rule


def test_a_figure_that_is_no_toll_keeps_its_own_subject(claims):
    """An incident named nearby does not take over a workforce or a price."""
    cs = claims("Après l'incendie, l'usine Corvat, qui emploie 240 salariés, reste fermée.")
    c = figure(cs, "240 salariés")
    assert c.attribute == "headcount" and c.subject_origin not in INCIDENT_SUBJECTS, (c.entity, c.rules)


def test_a_recurring_incident_is_named_by_its_day(claims):
    cs = claims("Jeudi 12 février, lors de la grève, 3 000 personnes ont défilé à Lille selon la police.")
    c = figure(cs, "3 000 personnes")
    assert c.entity == "grève du 12 février", (c.entity, c.time, c.rules)


def test_a_day_written_in_the_name_is_left_to_the_claim_s_time(claims):
    """« la grève du 5 février » counted on the 12th is not named by the 5th."""
    cs = claims("Après la grève du 5 février, une nouvelle journée a eu lieu jeudi 12 février : "
                "2 500 personnes ont défilé à Lille lors de la grève, selon la police.")
    c = figure(cs, "2 500 personnes")
    assert "5 février" not in c.entity, (c.entity, c.rules)


def test_the_incident_of_a_toll_without_day_has_no_day(claims):
    """A crowd dated only by the publication day is not named after that day."""
    cs = claims("Selon la police, la manifestation rassemble 5 000 personnes.")
    c = figure(cs, "5 000 personnes")
    assert c.entity == "manifestation", (c.entity, c.time_origin)


# ---------------------------------------------------------------- attribution around tolls

ATTRIBUTIONS = [
    pytest.param("Le bilan s'est alourdi lundi à cinq morts, a annoncé la préfecture, tandis que deux personnes "
                 "restent portées disparues et que 19 blessés ont été recensés.", "19 blessés", "préfecture",
                 id="a-speech-clause-between-commas-speaks-for-the-sentence"),
    pytest.param("L'orage a fait deux morts et sept blessés, selon la gendarmerie.", "deux morts", "gendarmerie",
                 id="selon-after-two-coordinated-figures"),
    pytest.param("Le bilan s'est alourdi mardi à quatre morts, a indiqué la préfète des Landes, Hélène Vasseur.",
                 "quatre morts", "préfète des Landes", id="the-prefect-of-a-place-not-the-place"),
    pytest.param("À Lyon, la préfecture est passée de 14 500 à 9 800 manifestants.", "9 800 manifestants",
                 "préfecture", id="a-counter-as-the-subject-of-a-crowd"),
    pytest.param("Le syndicat prévoit 45 % de grévistes chez les enseignants.", "45 %", "syndicat",
                 id="a-forecast-by-a-counter"),
    pytest.param("La préfecture attend 5 000 manifestants samedi à Nantes.", "5 000 manifestants", "préfecture",
                 id="a-crowd-expected-by-a-counter"),
]


@pytest.mark.parametrize("text,quote,speaker", ATTRIBUTIONS)
def test_who_says_or_counts_a_toll(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to == speaker, (c.attributed_to, c.rules)


NO_SPEAKER = [
    pytest.param("Le bilan provisoire fait état de deux morts et de neuf blessés.", "deux morts",
                 id="a-head-noun-counts-nothing"),
    pytest.param("Le feu a parcouru 150 hectares dans l'après-midi.", "150 hectares",
                 id="apres-midi-is-no-d-apres"),
    pytest.param("Fabrex prévoit 300 embauches en 2026.", "300 embauches", id="a-company-s-plan-is-no-forecast"),
    pytest.param("Les terrains d'après-guerre couvrent 40 hectares.", "40 hectares", id="apres-guerre-is-no-d-apres"),
]


@pytest.mark.parametrize("text,quote", NO_SPEAKER)
def test_no_speaker_where_nobody_speaks(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attributed_to is None, (c.attributed_to, c.rules)


# ---------------------------------------------------------------- one incident across a corpus

def _corpus(tmp_path, nlp, articles: dict[str, str]):
    from reconcile.pipeline import Options, run

    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return run(options=Options(paths=[str(tmp_path)]), nlp=nlp)


def test_one_name_for_the_corpus_s_incident(tmp_path, nlp):
    """Articles that call one flood « la crue » and « les inondations » show one incident, and the
    tolls whose subject was only inherited take it too."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Inondations dans l'Hérault\n\nLes inondations ont frappé le département. Les secours sont à pied "
             "d'oeuvre. Les routes restent coupées. Au total, 1 200 personnes ont été évacuées selon la préfecture.\n",
        "b": "Inondations : le bilan\n\nLes inondations ont tout emporté. La crue a surpris les habitants. "
             "Les écoles restent fermées. Quelque 900 personnes ont été évacuées, selon les pompiers.\n",
        "c": "La crue inquiète\n\nLa crue de l'Orb a débuté dimanche. Les digues tiennent. Le maire reste prudent. "
             "Les commerces ferment. On compte 1 500 personnes évacuées, a indiqué la mairie.\n",
    })
    evacuated = [c for c in rep.claims if c.attribute == "evacuated"]
    assert len(evacuated) == 3, [(c.quote, c.entity) for c in rep.claims]
    assert {c.entity for c in evacuated} == {"inondation"}, [(c.source, c.entity, c.subject_origin) for c in evacuated]


def test_an_incident_with_its_own_complement_keeps_its_name(tmp_path, nlp):
    rep = _corpus(tmp_path, nlp, {
        "a": "Explosion à Corvat\n\nL'explosion de l'entrepôt Norvex a fait deux morts, selon les pompiers.\n",
        "b": "Le bilan s'alourdit\n\nL'explosion inquiète les riverains. Les secours restent sur place. Le maire "
             "appelle au calme. Les écoles ferment. Trois personnes sont mortes selon la préfecture.\n",
    })
    deaths = {c.source: c for c in rep.claims if c.attribute == "deaths"}
    assert deaths["a"].entity == "explosion de l'entrepôt Norvex", deaths
    assert deaths["b"].entity == "explosion", deaths
    assert any(f.attribute == "deaths" for f in rep.findings), [f.explanation for f in rep.findings]


# ---------------------------------------------------------------- what a sum of money is, from the parse

MONEY = [
    pytest.param("L'État a débloqué une aide d'urgence de 5 millions d'euros.", "5 millions d'euros", "budget",
                 "parse:money-noun+grant", id="the-noun-a-sum-complements"),
    pytest.param("La région a voté une rallonge de 43 millions d'euros.", "43 millions d'euros", "budget",
                 "parse:money-noun+grant", id="a-top-up-is-budget"),
    pytest.param("Les pirates exigent une rançon de 2 millions de dollars.", "2 millions de dollars", "price",
                 "parse:money-noun", id="a-ransom-is-a-price"),
    pytest.param("Le marché, d'un montant de 168 millions d'euros, a été attribué.", "168 millions d'euros", "price",
                 "parse:money-noun-apposed", id="montant-passes-through"),
    pytest.param("Le groupement réclame 23 millions d'euros de surcoûts.", "23 millions d'euros", "cost",
                 "parse:money-of", id="the-noun-after-the-sum"),
    pytest.param("Le budget de l'opération atteint désormais 455 millions d'euros.", "455 millions d'euros", "budget",
                 "parse:money-subject", id="the-verb-s-subject"),
    pytest.param("Les travaux de voirie, d'un montant de 240 000 euros, ont commencé.", "240 000 euros", "cost",
                 "parse:money-noun", id="what-works-cost"),
    pytest.param("Un devis de 410 000 euros a été présenté aux copropriétaires.", "410 000 euros", "cost",
                 "parse:money-noun", id="a-quote-is-a-cost"),
    pytest.param("Au marché de Samatan, le kilo de foie gras s'est négocié 42 euros.", "42 euros", "price",
                 "attr:frame", id="what-a-thing-trades-at"),
    pytest.param("Le veau s'échange désormais à 7,50 euros le kilo.", "7,50 euros", "price", "attr:frame",
                 id="what-a-thing-changes-hands-at"),
]


@pytest.mark.parametrize("text,quote,attribute,rule", MONEY)
def test_what_a_sum_of_money_is_the_amount_of(claims, text, quote, attribute, rule):
    c = figure(claims(text), quote)
    assert (c.attribute, dict(c.rules)["attribute"]) == (attribute, rule)


def test_a_sum_no_noun_names_stays_an_amount(claims):
    c = figure(claims("Le groupe a annoncé 40 millions d'euros pour la région."), "40 millions d'euros")
    assert c.attribute != "budget" and dict(c.rules)["attribute"] != "parse:money-noun", c.rules


# ---------------------------------------------------------------- people counted at a protest

PEOPLE = [
    pytest.param("La grève a été massive. La police a dénombré 8 000 personnes à Rouen.", "8 000 personnes",
                 "protesters", id="counted-by-a-counting-verb"),
    pytest.param("La manifestation a eu lieu samedi. On comptait 5 000 personnes selon la préfecture.",
                 "5 000 personnes", "protesters", id="counted-by-a-counter"),
    # people who work here are a workforce (the relative clause's verb), not a crowd
    pytest.param("La grève a été massive. « Ce sont 450 personnes qui travaillent ici », souligne un délégué.",
                 "450 personnes", "headcount", id="said-is-not-counted"),
    pytest.param("Les inondations ont frappé le village. La préfecture a dénombré 300 personnes.", "300 personnes",
                 "count:personne", id="a-flood-s-people-are-no-crowd"),
]


@pytest.mark.parametrize("text,quote,attribute", PEOPLE)
def test_people_a_counter_counts_at_a_protest_are_its_crowd(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute, (c.attribute, c.rules, c.attributed_to)


# ---------------------------------------------------------------- quotations and their speakers

QUOTES = [
    pytest.param("« Ce sont plus de 700 emplois qui sont menacés », affirme Sébastien Moreau, délégué CGT.",
                 "plus de 700 emplois", "Sébastien Moreau", id="affirme-after-the-quote"),
    pytest.param("« Quarante-sept voix, c'est peu. Nous irons jusqu'au bout », a prévenu Gérard Vasseur.",
                 "Quarante-sept voix", "Gérard Vasseur", id="a-quote-of-two-sentences"),
    pytest.param("« Nous avons perdu 300 clients en un an », poursuit Claire Fontanel.", "300 clients",
                 "Claire Fontanel", id="poursuit-says-after-a-quote"),
    pytest.param("« Il reste 40 lits ouverts », glisse Marc Dubois, infirmier.", "40 lits", "Marc Dubois",
                 id="glisse-says-after-a-quote"),
]


@pytest.mark.parametrize("text,quote,speaker", QUOTES)
def test_a_quotation_s_figures_are_its_speaker_s(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to == speaker and c.entity != speaker, (c.attributed_to, c.entity, c.rules)


def test_a_quotation_without_a_verb_of_saying_after_it_has_no_speaker(claims):
    c = figure(claims("« Nous avons 300 salariés ». Le maire Paul Durand a visité l'usine."), "300 salariés")
    assert c.attributed_to is None, c.rules


def test_poursuivre_outside_a_quotation_says_nothing(claims):
    c = figure(claims("Les travaux se poursuivent avec huit grues sur le chantier."), "huit grues")
    assert c.attributed_to is None, c.rules


def test_a_march_is_a_part_of_the_day_s_protest_not_its_name(claims):
    """« le cortège », named more often than « la grève », is the march of one city: the article's
    incident is the strike (protests.toml [incident] parts)."""
    cs = claims("La grève a été suivie jeudi. Le cortège est parti à 10 heures. Le cortège a traversé la ville. "
                "Le cortège s'est dispersé dans le calme. Les commerces ont fermé tôt. Les trams ne roulaient pas. "
                "Au total, 4 000 manifestants ont été comptés par la police.")
    c = figure(cs, "4 000 manifestants")
    assert c.entity.startswith("grève"), (c.entity, c.rules)


def test_people_counted_near_a_rally_are_its_crowd_even_when_it_is_not_the_article_s_incident(claims):
    cs = claims("La catastrophe a endeuillé la ville. Ils étaient 1 800 selon la préfecture à s'être rassemblés, "
                "avant qu'un long cortège ne traverse la ville.")
    c = figure(cs, "1 800")
    assert c.attribute == "protesters", (c.attribute, c.rules)


def test_a_story_set_in_a_place_is_about_its_incident_not_the_place(tmp_path, nlp):
    """Claims about nothing named in their sentence are about the story; when the story's main name is a
    place (« le Gard »), they are about its incident, the place being where it happened."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Le Gard sous les eaux\n\nLe Gard a subi des inondations historiques ce week-end. Les inondations "
             "ont fait deux morts. Dans le Gard, "
             "les secours sont mobilisés. Il est tombé 400 millimètres de pluie en une nuit.\n",
        "b": "Le Gard se relève\n\nLe Gard panse ses plaies après les inondations. Dans le Gard, la solidarité "
             "s'organise. Il est tombé 380 millimètres de pluie en une nuit.\n",
    })
    rain = [c for c in rep.claims if "millimètres" in c.quote]
    assert len(rain) == 2 and all(c.entity == "inondation" for c in rain), [(c.quote, c.entity, c.subject_origin)
                                                                             for c in rep.claims]


# ---------------------------------------------------------------- what happened, not a word that refers back

def test_a_word_that_refers_back_takes_the_name_of_what_happened(claims):
    """« Le drame » names no incident of its own: the toll is the collapse's, which the article names."""
    cs = claims("Effondrement d'un immeuble à Vernay\n\nUn immeuble de quatre étages s'est effondré lundi. "
                "L'effondrement a surpris les riverains. Le drame a fait trois morts, selon la préfecture.")
    c = figure(cs, "trois morts")
    assert c.entity == "effondrement", (c.entity, c.rules)


def test_a_word_that_refers_back_names_the_incident_when_nothing_else_does(claims):
    cs = claims("Le drame a fait deux morts et cinq blessés, selon les pompiers.")
    assert figure(cs, "deux morts").entity == "drame"


def test_the_corpus_s_incident_is_named_by_what_happened(tmp_path, nlp):
    """Two articles say « le drame » more often than « l'explosion »: their tolls are still the explosion's."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Explosion dans une usine\n\nLe drame a fait deux morts, selon la préfecture. Le drame a choqué. "
             "Le drame reste inexpliqué.\n",
        "b": "Corvat sous le choc\n\nL'explosion a plongé la ville dans la stupeur. Le maire appelle au calme. "
             "Les secours restent sur place. Le drame a fait trois morts, selon les pompiers.\n",
    })
    deaths = [c for c in rep.claims if c.attribute == "deaths"]
    assert {c.entity for c in deaths} == {"explosion"}, [(c.source, c.entity, c.subject_origin) for c in deaths]


# ---------------------------------------------------------------- a headline's incident is what a place's story is about

def test_an_epidemic_in_the_headline_is_what_its_counts_are_about(tmp_path, nlp):
    """Articles headed by a disease and set in a town: figures about nothing named are the disease's,
    not the town's, and the town stays where they hold."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Rougeole : huit cas confirmés à Montbrison\n\nMontbrison fait face à une flambée. "
             "Huit cas ont été confirmés depuis le 2 mars, selon l'ARS. Trois écoles ont fermé.\n",
        "b": "Rougeole : l'inquiétude grandit à Montbrison\n\nÀ Montbrison, les parents s'inquiètent. "
             "Onze cas ont été confirmés depuis le 2 mars, selon l'ARS. Deux écoles ont fermé.\n",
    })
    cases = [c for c in rep.claims if c.attribute == "count:cas"]
    assert len(cases) >= 2 and {c.entity for c in cases} == {"rougeole"}, \
        [(c.source, c.quote, c.entity, c.subject_origin) for c in rep.claims]
    assert any(f.attribute == "count:cas" for f in rep.findings), [f.explanation for f in rep.findings]


def test_a_named_subject_of_the_story_keeps_its_figures(tmp_path, nlp):
    """A story about a hospital, headed by the attack it suffered in half of its articles: the beds are
    still the hospital's."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Cyberattaque à Brévannes\n\nÀ Brévannes, les soignants travaillent sur papier. "
             "Le service compte 62 lits.\n",
        "b": "Le centre hospitalier de Brévannes à l'arrêt\n\nLe centre hospitalier de Brévannes fonctionne "
             "en mode dégradé. Les soignants s'inquiètent. Au total, 70 lits restent ouverts.\n",
        "c": "Le centre hospitalier de Brévannes se réorganise\n\nLe centre hospitalier de Brévannes rouvre ses "
             "urgences. Les patients reviennent. Au total, 80 lits restent ouverts.\n",
    })
    beds = [c for c in rep.claims if c.quote == "62 lits"]
    assert beds and beds[0].entity == "centre hospitalier de Brévannes", [(c.source, c.quote, c.entity, c.subject_origin) for c in rep.claims]


# ---------------------------------------------------------------- where the story is set

def test_a_fact_that_names_no_place_holds_where_the_headlines_set_the_story(tmp_path, nlp):
    """Two of three headlines name one town, where a figure holds: a figure that names no place holds
    there too (rule corpus:setting)."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Municipales à Vernoux : la liste sortante en tête\n\nLa liste « Vernoux demain » obtient 4 120 voix. "
             "À Vernoux, la participation atteint 52 %.\n",
        "b": "Vernoux : le maire sortant distancé\n\nLa liste « Vernoux ensemble » obtient 3 980 voix. "
             "Le bureau de vote de Saint-Jean a compté 640 votants.\n",
        "c": "Second tour dimanche\n\nLa liste « Vernoux demain » garde 4 120 voix d'avance sur ses rivaux.\n",
    })
    votes = [c for c in rep.claims if c.quote == "4 120 voix" and c.source == "a"]
    assert votes and votes[0].scope_dict().get("place") == "Vernoux", [(c.quote, c.scope) for c in rep.claims]
    assert dict(votes[0].rules)["place"] == "corpus:setting"


def test_no_setting_when_the_headlines_name_several_places(tmp_path, nlp):
    rep = _corpus(tmp_path, nlp, {
        "a": "À Lyon et à Marseille, des cortèges massifs\n\nLa manifestation a réuni 3 000 personnes selon la police.\n",
        "b": "Grève : les chiffres de la journée\n\nLa manifestation a réuni 5 000 personnes selon la CGT.\n",
    })
    assert not any(dict(c.rules).get("place") == "corpus:setting" for c in rep.claims), \
        [(c.quote, c.scope) for c in rep.claims]


def test_the_setting_is_shown_never_compared(tmp_path, nlp):
    """« 12 stations sur Vernoux même » is a part of the network's 18 stations, for which no place is
    written: filling the setting in does not make them one figure."""
    rep = _corpus(tmp_path, nlp, {
        "a": "---\npublished: 2026-03-02\n---\nTramway de Vernoux : les travaux commencent\n\n"
             "Sur Vernoux même, le tramway desservira 12 stations.\n",
        "b": "---\npublished: 2026-03-03\n---\nVernoux : le tramway en chiffres\n\nLes travaux débutent lundi. "
             "Le tramway desservira 18 stations.\n",
    })
    stations = [c for c in rep.claims if c.attribute == "count:station"]
    assert len(stations) == 2 and all(c.scope_dict().get("place") == "Vernoux" for c in stations), \
        [(c.quote, c.scope) for c in rep.claims]
    assert not any(f.attribute == "count:station" for f in rep.findings), [f.explanation for f in rep.findings]


def test_a_main_entity_the_headline_omits_gives_way_to_the_headline_s_incident(tmp_path, nlp):
    """Articles headed by a strike and mostly about a law: the strike rates no sentence names a subject for
    are the strike's, while the company's staff stays the company's."""
    law = "La loi Horizon inquiète. La loi Horizon divise. La loi Horizon sera votée en mars. "
    rep = _corpus(tmp_path, nlp, {
        "a": "Grève du 5 mars : les écoles fermées\n\n" + law + "Au total, 31 % des enseignants étaient en grève.\n",
        "b": "Grève : le mouvement faiblit\n\n" + law + "Au total, 24 % des enseignants étaient en grève.\n",
        "c": "Grève : la SNCF tient bon\n\n" + law + "Ailleurs, la compagnie emploie 150 000 cheminots.\n",
    })
    rates = [c for c in rep.claims if c.quote in ("31 %", "24 %")]
    assert rates and all(c.entity.startswith("grève") for c in rates), \
        [(c.source, c.quote, c.entity, c.subject_origin) for c in rep.claims]


def test_what_somebody_does_of_their_own_accord_is_no_outcome_of_the_incident(claims):
    """After the explosion, the rehoused are the incident's; the shopkeepers an insurer compensated are not."""
    cs = claims("Après l'explosion, la préfecture a ouvert une cellule de crise. Au total, 58 personnes ont été "
                "relogées. Quelque 120 commerçants ont été indemnisés par l'assureur.")
    rehoused = figure(cs, "58 personnes")
    paid = figure(cs, "Quelque 120 commerçants")
    assert rehoused.subject_origin in INCIDENT_SUBJECTS, (rehoused.entity, rehoused.rules)
    assert paid.attribute == "count:commercant_indemnise" and paid.subject_origin not in INCIDENT_SUBJECTS, \
        (paid.entity, paid.subject_origin, paid.rules)


def test_the_incident_most_headlines_name_outvotes_one_fewer_articles_tell(tmp_path, nlp):
    """Three articles headed by a drought, one of which tells of a storm and its toll: the story is the
    drought, whose figures are not the storm's."""
    rep = _corpus(tmp_path, nlp, {
        "a": "Sécheresse : la Lérande rationne l'eau\n\nÀ Vauberon, l'orage de samedi a fait deux blessés. "
             "L'orage a arraché des toitures. Douze communes sont alimentées par camions-citernes.\n",
        "b": "Sécheresse : les agriculteurs inquiets\n\nÀ Vauberon, les champs sont secs. "
             "Quinze communes sont alimentées par camions-citernes, selon la préfecture.\n",
        "c": "Sécheresse : l'eau manque\n\nÀ Vauberon, les puits sont à sec. "
             "Quatorze communes sont alimentées par camions-citernes.\n",
    })
    tankers = [c for c in rep.claims if c.attribute == "count:commune"]
    assert tankers and {c.entity for c in tankers} == {"sécheresse"}, \
        [(c.source, c.quote, c.entity, c.subject_origin) for c in rep.claims]
