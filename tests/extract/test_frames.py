"""A figure's frame read from the sentence structure: who says or counts it, what it is about,
where it holds (place, unit), and which counted noun it goes with.

Each table starts with the sentence of the issue, then sentences of the same kind. Company names
(« Fabrex », « Norvalis », « Batimax »…) are fictional: no registry knows them, the parse must
find them.
"""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.normalize.text import fold

from .conftest import PUBLISHED, show


def only(cs, attribute):
    found = [c for c in cs if c.attribute == attribute]
    assert len(found) == 1, show(cs)
    return found[0]


# ------------------------------------------------------------ 1. a speaker is not the subject

SPEECH = [
    # the sentence
    ("Le préfet des Landes, Jean Dupont, a annoncé que l'accident avait fait trois morts.",
     {"deaths": 3}, {"Jean Dupont", "préfet des Landes"}),
    ("Le maire de Dax, Paul Martin, a précisé que l'incendie avait fait cinq blessés.",
     {"injured": 5}, {"Paul Martin", "maire de Dax"}),
    ("Le procureur de Bayonne, Pierre Lambert, a déclaré que la collision avait fait sept morts.",
     {"deaths": 7}, {"Pierre Lambert", "procureur de Bayonne"}),
    ("Le préfet du Var, Alain Roche, a affirmé que les inondations avaient fait quatre disparus.",
     {"missing": 4}, {"Alain Roche", "préfet du Var"}),
    ("Le préfet de l'Hérault, Thomas Girard, a annoncé que l'orage avait fait neuf blessés.",
     {"injured": 9}, {"Thomas Girard", "préfet de l'Hérault"}),
    ("Le préfet de la Manche, Hugo Lemaire, a confirmé que le naufrage avait fait trois disparus.",
     {"missing": 3}, {"Hugo Lemaire", "préfet de la Manche"}),
    ("Le préfet du Nord a déclaré que l'explosion avait fait huit blessés.",
     {"injured": 8}, {"préfet du Nord"}),
    ("Le parquet de Lille a annoncé que la fusillade avait fait deux morts.",
     {"deaths": 2}, {"parquet de Lille"}),
    ("La préfecture a précisé que l'accident avait fait deux morts et six blessés.",
     {"deaths": 2, "injured": 6}, {"préfecture"}),
    ("La préfecture a annoncé que l'accident avait fait quatre morts.",
     {"deaths": 4}, {"préfecture"}),
    ("La gendarmerie a précisé que la collision avait fait cinq blessés.",
     {"injured": 5}, {"gendarmerie"}),
    # counting verbs and « d'après »
    ("La gendarmerie a fait état de deux morts dans l'accident.",
     {"deaths": 2}, {"gendarmerie"}),
    ("Les secours ont fait état de quatre blessés.",
     {"injured": 4}, {"secours"}),
    ("La préfecture de l'Isère a recensé six blessés après l'avalanche.",
     {"injured": 6}, {"préfecture", "préfecture de l'Isère"}),
    ("D'après la préfecture, l'accident a fait trois morts.",
     {"deaths": 3}, {"préfecture"}),
]


@pytest.mark.parametrize("text,expected,speakers", SPEECH)
def test_frames_speaker_of_a_reported_toll_is_its_source_not_its_subject(claims, text, expected, speakers):
    cs = claims(text)
    assert sorted((c.attribute, c.value) for c in cs) == sorted((a, float(v)) for a, v in expected.items()), show(cs)
    for c in cs:
        assert c.attributed_to in speakers, show(cs)
        assert c.entity not in speakers, show(cs)


# ------------------------------------------------------------ 2. rival counts in one sentence

RIVAL_COUNTS = [
    # the sentence
    ("La police a compté 3 500 manifestants, contre 12 000 selon la CGT.",
     [(3500, "police"), (12000, "CGT")]),
    ("La préfecture a recensé 4 200 manifestants, contre 15 000 selon les syndicats.",
     [(4200, "préfecture"), (15000, "syndicats")]),
    ("La police a dénombré 2 800 manifestants à Rennes, contre 9 000 selon la CGT.",
     [(2800, "police"), (9000, "CGT")]),
    # « l'intersyndicale » and « les organisateurs » keep their names (one class of counter, three names)
    ("Les autorités ont comptabilisé 1 500 grévistes, contre 6 000 selon l'intersyndicale.",
     [(1500, "autorités"), (6000, "intersyndicale")]),
    ("La gendarmerie a compté 600 manifestants, contre 2 000 selon les organisateurs.",
     [(600, "gendarmerie"), (2000, "organisateurs")]),
    ("La préfecture a dénombré 900 manifestants, contre 3 000 selon la CFDT.",
     [(900, "préfecture"), (3000, "CFDT")]),
    ("La préfecture a comptabilisé 2 300 manifestants, contre 7 000 d'après les syndicats.",
     [(2300, "préfecture"), (7000, "syndicats")]),
    ("La police a recensé 1 000 manifestants à Brest, contre 3 500 selon les organisateurs.",
     [(1000, "police"), (3500, "organisateurs")]),
    ("La préfecture a fait état de 7 000 manifestants, contre 20 000 selon FO.",
     [(7000, "préfecture"), (20000, "Force ouvrière")]),
    ("La police fait état de 5 000 manifestants, contre 14 000 selon la CGT.",
     [(5000, "police"), (14000, "CGT")]),
]


@pytest.mark.parametrize("text,expected", RIVAL_COUNTS)
def test_frames_counter_and_rival_count_each_get_their_figure(claims, text, expected):
    cs = claims(text)
    got = sorted((c.value, c.attributed_to) for c in cs if c.attribute == "protesters")
    assert got == sorted((float(v), who) for v, who in expected), show(cs)
    counters = {who for _, who in expected}
    assert all(c.entity not in counters for c in cs), show(cs)


def test_frames_rival_counts_keep_the_place_of_the_first(claims):
    cs = claims("La police a dénombré 2 800 manifestants à Rennes, contre 9 000 selon la CGT.")
    assert sorted((c.value, c.scope_dict().get("place")) for c in cs) == [(2800.0, "Rennes"), (9000.0, "Rennes")]


# ------------------------------------------------------------ 3. each number goes with its own noun

TOLLS = [
    # the sentence
    ("Le bilan s'élève à quatre morts et douze blessés.", {"deaths": 4, "injured": 12}),
    ("Le bilan s'élève à deux morts et cinq blessés.", {"deaths": 2, "injured": 5}),
    ("Le dernier bilan fait état de six morts, neuf blessés et deux disparus.",
     {"deaths": 6, "injured": 9, "missing": 2}),
    ("L'accident a fait trois morts et quinze blessés.", {"deaths": 3, "injured": 15}),
    ("Le bilan provisoire est de sept blessés et deux morts.", {"injured": 7, "deaths": 2}),
    ("La tempête a fait deux morts et huit blessés.", {"deaths": 2, "injured": 8}),
    ("Le bilan s'établit à 12 blessés et 3 disparus.", {"injured": 12, "missing": 3}),
    ("Les inondations ont fait quatre morts, deux disparus et 300 évacués.",
     {"deaths": 4, "missing": 2, "evacuated": 300}),
    ("Le bilan s'alourdit à cinq morts et vingt blessés.", {"deaths": 5, "injured": 20}),
    ("L'incendie a fait 3 morts et 27 blessés.", {"deaths": 3, "injured": 27}),
    ("L'éboulement a fait deux morts et trois blessés graves.", {"deaths": 2, "injured": 3}),
    ("Le naufrage a fait cinq morts et quatre disparus.", {"deaths": 5, "missing": 4}),
    ("Le bilan s'élève à 14 morts, 40 blessés et 6 disparus.", {"deaths": 14, "injured": 40, "missing": 6}),
]


@pytest.mark.parametrize("text,expected", TOLLS)
def test_frames_coordinated_tolls_keep_their_own_noun(claims, text, expected):
    cs = claims(text)
    assert sorted((c.attribute, c.value) for c in cs) == sorted((a, float(v)) for a, v in expected.items()), show(cs)


# ------------------------------------------------------------ 4. planned cuts: subject, place, plan

CUTS = [
    # (sentence, entity, value, place, year of « d'ici » or None)
    ("Renault va supprimer 3 000 postes en France d'ici 2026.", "Renault", 3000, "France", 2026),
    ("Fabrex prévoit de supprimer 800 emplois en France.", "Fabrex", 800, "France", None),
    ("Fabrex doit supprimer 2 000 emplois en Europe d'ici 2028.", "Fabrex", 2000, "Europe", 2028),
    ("Renault envisage de supprimer 1 500 postes en Roumanie.", "Renault", 1500, "Roumanie", None),
    ("Fabrex va supprimer 600 postes en Italie d'ici 2027.", "Fabrex", 600, "Italie", 2027),
    ("Batimax va supprimer 1 200 postes en Allemagne d'ici 2027.", "Batimax", 1200, "Allemagne", 2027),
    ("Sodirel va supprimer 900 postes en Espagne d'ici 2028.", "Sodirel", 900, "Espagne", 2028),
    ("Technova prévoit de supprimer 350 emplois en Belgique.", "Technova", 350, "Belgique", None),
    ("Grelin Industries va supprimer 700 postes en Pologne d'ici 2026.", "Grelin Industries", 700, "Pologne", 2026),
]


@pytest.mark.parametrize("text,entity,value,place,year", CUTS)
def test_frames_planned_job_cuts(claims, text, entity, value, place, year):
    cs = claims(text)
    c = only(cs, "job_cuts")
    assert (c.entity, c.value, c.scope_dict().get("place"), c.modality) == (entity, float(value), place, "plan"), show(cs)
    if year is not None:
        assert c.time.end == dt.date(year, 12, 31)


# ------------------------------------------------------------ 5. a relative clause on a unit

UNITS = [
    # the sentence
    ("Fabrex va fermer son usine de Vierzon, qui emploie 420 salariés.", 420, "usine de Vierzon"),
    ("Fabrex va fermer son site de Vierzon, qui emploie 300 salariés.", 300, "site de Vierzon"),
    ("Norvalis va vendre son usine de Figeac, qui emploie 270 salariés.", 270, "usine de Figeac"),
    ("Fabrex va fermer son usine de Romorantin, qui emploie 180 salariés.", 180, "usine de Romorantin"),
    ("Fabrex a annoncé la fermeture de son usine de Châtellerault, qui emploie 380 salariés.",
     380, "usine de Châtellerault"),
    ("Fabrex a confirmé la fermeture de son usine de Blois, qui emploie 210 salariés.", 210, "usine de Blois"),
    ("Norvalis va fermer son agence de Quimper, qui emploie 25 salariés.", 25, "agence de Quimper"),
    ("Fabrex va fermer l'usine de Vierzon, qui emploie 420 ouvriers.", 420, "usine de Vierzon"),
]


@pytest.mark.parametrize("text,value,unit", UNITS)
def test_frames_relative_clause_gives_the_unit(claims, text, value, unit):
    cs = claims(text)
    c = only(cs, "headcount")
    assert (c.value, c.scope_dict().get("unit")) == (float(value), unit), show(cs)


OPENING_UNITS = [
    # a sentence that opens on a unit and a relative clause, however the rest of it is parsed
    ("Le site, qui compte 194 salariés, figure parmi les magasins dont la fermeture a été annoncée mardi "
     "par le distributeur, dans le cadre d'un plan prévoyant la suppression de 2 389 postes en France.", 194, "site"),
    ("L'usine, qui emploie 310 ouvriers, fait partie des sites que le groupe veut vendre d'ici l'été.", 310, "usine"),
    ("Cet entrepôt, qui compte 85 salariés, figure lui aussi sur la liste publiée lundi par la direction.", 85,
     "entrepot"),
    ("Le magasin, qui emploie 62 personnes, sera fermé en juin selon la direction régionale.", 62, "magasin"),
]


@pytest.mark.parametrize("text,value,unit", OPENING_UNITS)
def test_frames_sentence_opening_on_a_unit_scopes_its_figure(claims, text, value, unit):
    cs = claims(text)
    c = only(cs, "headcount")
    assert (c.value, fold(c.scope_dict().get("unit") or "")) == (float(value), unit), show(cs)


UNIT_COMPLEMENTS = [
    # a figure that is the complement of a unit noun measures that unit, not the whole
    ("Le tracé prévoit une ligne de 27 kilomètres entre les deux gares.", "measure:km", 27, "ligne"),
    ("Le groupe a racheté un site de 380 salariés dans la Sarthe.", "headcount", 380, "site"),
    ("Norvalis exploite un entrepôt de 140 salariés à Orléans.", "headcount", 140, "entrepôt"),
    ("La ville a inauguré une gare de 12 quais.", "count:quai", 12, "gare"),
]


@pytest.mark.parametrize("text,attribute,value,unit", UNIT_COMPLEMENTS)
def test_frames_a_figure_complementing_a_unit_noun_is_scoped_to_it(claims, text, attribute, value, unit):
    cs = claims(text)
    c = only(cs, attribute)
    assert (c.value, c.scope_dict().get("unit")) == (float(value), unit), show(cs)


ENUMERATED_PLACES = [
    # a list of places names the items counted: none of them is where the whole figure holds
    ("Le plan prévoit la fermeture de quatre hypermarchés, à Rennes, Brest, Lorient et Vannes.", "count:hypermarche", 4),
    ("Le groupe va fermer trois entrepôts, à Lyon et Nantes.", "count:entrepot", 3),
    ("Les pompiers ont secouru 37 personnes à Quimper, Morlaix et Brest.", "count:personne", 37),
    ("Le réseau compte 12 agences, à Tours, Blois (Loir-et-Cher) et Orléans.", "count:agence", 12),
]


@pytest.mark.parametrize("text,attribute,value", ENUMERATED_PLACES)
def test_frames_a_list_of_places_is_not_the_scope(claims, text, attribute, value):
    cs = claims(text)
    found = [c for c in cs if c.value == float(value)]
    assert found and all("place" not in c.scope_dict() for c in found), show(cs)


PLACE_DESCRIPTIONS = [
    # « le département », « la région », « la ville » refer back to the last place of that kind
    ("Dans le Finistère, la tempête a tout emporté. Le département compte 42 000 foyers sans courant.",
     42000, "Finistère"),
    ("Le maire de Nantes a pris la parole. La ville compte 320 000 habitants.", 320000, "Nantes"),
    ("En Bretagne, les dégâts sont lourds. La région recense 780 000 foyers privés d'électricité.", 780000,
     "Bretagne"),
    ("Le Gard a été durement frappé. Le département a évacué 2 300 personnes.", 2300, "Gard"),
]


@pytest.mark.parametrize("text,value,place", PLACE_DESCRIPTIONS)
def test_frames_a_place_description_scopes_its_figure(claims, text, value, place):
    cs = claims(text)
    found = [c for c in cs if c.value == float(value)]
    assert found and {c.scope_dict().get("place") for c in found} == {place}, show(cs)


PART_PLACES = [
    # « dont N … » is a part: the whole's place, before it, is not the part's
    ("Dans tout le département, plus de 1 500 personnes ont été évacuées, dont 900 pour la seule commune d'Alès.",
     900),
    ("Dans le Gard, 2 100 foyers ont été privés de courant, dont 600 pour la seule ville de Nîmes.", 600),
    ("En Bretagne, 41 écoles sont restées fermées, dont 17 dans la seule agglomération de Rennes.", 17),
]


@pytest.mark.parametrize("text,value", PART_PLACES)
def test_frames_a_part_does_not_take_the_place_of_its_whole(claims, text, value):
    cs = claims(text)
    part = [c for c in cs if c.value == float(value)]
    whole_places = {"Gard", "Bretagne"}
    assert part and not any(c.scope_dict().get("place") in whole_places for c in part), show(cs)


MEASURED_NOUNS = [
    # a size that complements a noun is that thing's size; a speed is not the size of a gust
    ("Les travaux doivent former une boucle complète de 75 kilomètres autour de la ville.", "measure:km", 75, "boucle"),
    ("Le projet prévoit un tunnel de 3 kilomètres sous le fleuve.", "measure:km", 3, "tunnel"),
    ("La commune a acquis une parcelle de 12 hectares au bord de la rocade.", None, 12, "parcelle"),
    ("Une rafale de 207 km/h a été mesurée à la pointe.", "measure:km/h", 207, None),
]


@pytest.mark.parametrize("text,attribute,value,unit", MEASURED_NOUNS)
def test_frames_a_size_is_the_size_of_the_noun_it_complements(claims, text, attribute, value, unit):
    cs = claims(text)
    found = [c for c in cs if c.value == float(value) and (attribute is None or c.attribute == attribute)]
    assert found and {c.scope_dict().get("unit") for c in found} == {unit}, show(cs)


NOUN_PREDICATES = [
    # a noun that governs a figure as its verb would: « la suppression de N postes » is a cut
    ("Le groupe a présenté un plan prévoyant la suppression de 2 389 postes en France.", "job_cuts", 2389),
    ("Les syndicats redoutent la suppression de 640 emplois dans les usines du groupe.", "job_cuts", 640),
    ("La direction confirme la création de 450 emplois sur le nouveau site.", "jobs", 450),
    ("Le projet prévoit le recrutement de 120 postes d'ici à 2027.", "jobs", 120),
]


@pytest.mark.parametrize("text,attribute,value", NOUN_PREDICATES)
def test_frames_noun_predicate_governs_its_figure(claims, text, attribute, value):
    cs = claims(text)
    c = only(cs, attribute)
    assert c.value == float(value), show(cs)


def test_frames_two_units_with_an_elided_noun(claims):
    cs = claims("Fabrex va fermer son usine de Vierzon, qui emploie 420 salariés, "
                "et son site de Caudry, qui en emploie 230.")
    got = sorted((c.value, c.scope_dict().get("unit")) for c in cs if c.attribute == "headcount")
    assert got == [(230.0, "site de Caudry"), (420.0, "usine de Vierzon")], show(cs)


# ------------------------------------------------------------ 6. a company's workforce in a place

WORKFORCE = [
    # the sentence
    ("Fabrex emploie 19 000 salariés en France.", "Fabrex", 19000, "France"),
    ("Norvalis emploie 4 500 salariés en Allemagne.", "Norvalis", 4500, "Allemagne"),
    ("Norvalis emploie 800 personnes en Bretagne.", "Norvalis", 800, "Bretagne"),
    ("Fabrex emploie 12 000 collaborateurs en Europe.", "Fabrex", 12000, "Europe"),
    ("En France, Norvalis emploie 6 000 salariés.", "Norvalis", 6000, "France"),
    ("Fabrex emploie 350 salariés dans le Finistère.", "Fabrex", 350, "Finistère"),
    ("Fabrex emploie 1 200 salariés à Lyon.", "Fabrex", 1200, "Lyon"),
    ("Norvalis emploie 6 000 salariés au Portugal.", "Norvalis", 6000, "Portugal"),
    ("Technova emploie 900 salariés en Italie.", "Technova", 900, "Italie"),
    ("Sodirel emploie 2 300 salariés en Espagne.", "Sodirel", 2300, "Espagne"),
]


@pytest.mark.parametrize("text,entity,value,place", WORKFORCE)
def test_frames_workforce_subject_and_place(claims, text, entity, value, place):
    cs = claims(text)
    c = only(cs, "headcount")
    assert (c.entity, c.value, c.scope_dict().get("place")) == (entity, float(value), place), show(cs)


# ------------------------------------------------------------ 7 and 8. elided counts after a protest

# A sentence about the protest, with its own count, before the line under test: the elided
# figures of that line (« 9 000 selon la police ») take their noun from it.
PROTEST_CONTEXT = "Jeudi, 80 000 manifestants ont défilé contre la réforme.\n"


def protest_line_claims(claims, line):
    text = PROTEST_CONTEXT + line
    cs = claims(text)
    return cs, sorted((c.value, c.scope_dict().get("place"), c.attributed_to)
                      for c in cs if c.start >= len(PROTEST_CONTEXT) and c.attribute == "protesters")


HEADED_COUNTS = [
    # the line
    ("Nantes : 9 000 selon la police / 25 000 selon les syndicats.",
     [(9000, "Nantes", "police"), (25000, "Nantes", "syndicats")]),
    ("Rennes : 4 000 selon la police / 12 000 selon la CGT.",
     [(4000, "Rennes", "police"), (12000, "Rennes", "CGT")]),
    ("Bordeaux : 7 500 selon la préfecture / 18 000 selon l'intersyndicale.",
     [(7500, "Bordeaux", "préfecture"), (18000, "Bordeaux", "intersyndicale")]),
    ("Lille : 6 000 selon la police / 15 000 selon FO.",
     [(6000, "Lille", "police"), (15000, "Lille", "Force ouvrière")]),
    ("Strasbourg : 3 000 d'après la police / 8 000 d'après la CGT.",
     [(3000, "Strasbourg", "police"), (8000, "Strasbourg", "CGT")]),
]


@pytest.mark.parametrize("line,expected", HEADED_COUNTS)
def test_frames_place_heading_with_two_elided_counts(claims, line, expected):
    cs, got = protest_line_claims(claims, line)
    assert got == sorted((float(v), p, who) for v, p, who in expected), show(cs)


ELIDED_COUNTS = [
    # the line
    ("Ils étaient 3 000 à Lyon selon la police, 10 000 selon la CGT.",
     [(3000, "Lyon", "police"), (10000, "Lyon", "CGT")]),
    ("Elles étaient 800 à Rennes selon la préfecture, 2 500 selon l'intersyndicale.",
     [(800, "Rennes", "préfecture"), (2500, "Rennes", "intersyndicale")]),
    ("Ils étaient 12 000 à Toulouse d'après la police, 40 000 d'après la CGT.",
     [(12000, "Toulouse", "police"), (40000, "Toulouse", "CGT")]),
    ("Ils étaient 1 500 à Brest selon la préfecture, 4 000 selon FO.",
     [(1500, "Brest", "préfecture"), (4000, "Brest", "Force ouvrière")]),
    ("Ils étaient 5 000 à Marseille, selon la police, et 30 000 selon la CGT.",
     [(5000, "Marseille", "police"), (30000, "Marseille", "CGT")]),
]


@pytest.mark.parametrize("line,expected", ELIDED_COUNTS)
def test_frames_they_were_n_at_place_according_to(claims, line, expected):
    cs, got = protest_line_claims(claims, line)
    assert got == sorted((float(v), p, who) for v, p, who in expected), show(cs)


# ------------------------------------------------------------ 9. fronted places, one claim per place

FRONTED = [
    # the sentences
    ("À Lyon, 5 000 manifestants ont défilé. À Marseille, 8 000 manifestants ont défilé.",
     "protesters", [("Lyon", 5000), ("Marseille", 8000)]),
    ("À Rennes, 2 000 manifestants ont défilé. À Brest, 1 500 manifestants ont défilé.",
     "protesters", [("Rennes", 2000), ("Brest", 1500)]),
    ("À Toulouse, 6 000 personnes ont manifesté. À Bordeaux, 4 000 personnes ont manifesté.",
     "protesters", [("Toulouse", 6000), ("Bordeaux", 4000)]),
    ("À Lille, 3 500 grévistes ont défilé. À Nantes, 4 000 grévistes ont défilé.",
     "protesters", [("Lille", 3500), ("Nantes", 4000)]),
    ("À Grenoble, 2 500 manifestants ont défilé. À Montpellier, 3 200 manifestants ont défilé.",
     "protesters", [("Grenoble", 2500), ("Montpellier", 3200)]),
    ("À Paris, 30 000 personnes ont défilé. À Lyon, 9 000 personnes ont défilé.",
     "protesters", [("Paris", 30000), ("Lyon", 9000)]),
    ("Dans le Finistère, 120 personnes ont été évacuées. Dans le Morbihan, 80 personnes ont été évacuées.",
     "evacuated", [("Finistère", 120), ("Morbihan", 80)]),
    ("En Gironde, 3 000 habitants ont été évacués. En Charente, 1 200 habitants ont été évacués.",
     "evacuated", [("Gironde", 3000), ("Charente", 1200)]),
    ("Dans les Landes, 400 habitants ont été évacués. En Gironde, 650 habitants ont été évacués.",
     "evacuated", [("Landes", 400), ("Gironde", 650)]),
    ("Dans le Gard, 2 000 foyers sont privés d'électricité. "
     "Dans l'Hérault, 5 000 foyers sont privés d'électricité.",
     "without_power", [("Gard", 2000), ("Hérault", 5000)]),
]


@pytest.mark.parametrize("text,attribute,expected", FRONTED)
def test_frames_fronted_place_scopes_its_own_sentence(claims, text, attribute, expected):
    cs = claims(text)
    got = sorted((c.scope_dict().get("place"), c.value) for c in cs if c.attribute == attribute)
    assert got == sorted((p, float(v)) for p, v in expected), show(cs)
