"""A past act that its sentence does not date (« le juge en a dénombré 58 », « a chiffré les dégâts à 3 millions »)
is dated by its article, which only says it happened that day or in the few days before
(comparison.toml [dynamics] past_days). Set against a figure that another article dates in those days, it
is the same act told twice, and a different value is a conflict, not an evolution (issue 9, item 5: the time
of the fact). Two acts that no sentence dates stay apart, and a running toll told in the past is still the
toll of its day.
Our own sentences, end to end: French articles -> claims -> findings."""
from __future__ import annotations

import pytest

from reconcile.extract.lexicon import load

from ..extract.conftest import show


def test_the_slack_is_data():
    assert load().past_days == 3


@pytest.mark.parametrize("dated, undated, attribute, quotes", [
    # an act dated in one article, told in the past two days later with no date of its own
    (("dated-a", "2026-05-04", "Lundi 4 mai, à l'ouverture de l'audience, 58 témoins étaient cités."),
     ("undated-a", "2026-05-06", "Le président du tribunal a cité 64 témoins."),
     "count:temoin", {"58 témoins", "64 témoins"}),
    (("dated-b", "2026-09-14", "Lundi 14 septembre, la chambre d'agriculture a estimé les pertes agricoles à "
                               "12 millions d'euros."),
     ("undated-b", "2026-09-16", "La chambre d'agriculture a estimé les pertes agricoles à 17 millions d'euros."),
     "loss", {"12 millions d'euros", "17 millions d'euros"}),
    (("dated-c", "2026-02-02", "Dimanche 1er février, les gendarmes ont dressé 41 procès-verbaux."),
     ("undated-c", "2026-02-03", "Les gendarmes ont dressé 29 procès-verbaux lors de l'opération."),
     "count:proces-verbal", {"41 procès-verbaux", "29 procès-verbaux"}),
    (("dated-d", "2026-06-10", "Le 9 juin, le comité a recensé 230 dossiers de sinistre."),
     ("undated-d", "2026-06-11", "Le comité avait recensé 270 dossiers de sinistre."),
     "count:dossier", {"230 dossiers", "270 dossiers"}),
    # a verb whose past takes « être » (the parser reads « sont tombés » as a passive)
    (("dated-e", "2026-10-05", "Dimanche 4 octobre, il est tombé 310 millimètres de pluie à Alès."),
     ("undated-e", "2026-10-06", "Selon Météo-France, 260 millimètres de pluie sont tombés à Alès."),
     "count:millimetre", {"310 millimètres", "260 millimètres"}),
])
def test_an_undated_past_act_is_the_act_dated_in_the_days_before(compare, dated, undated, attribute, quotes):
    out = compare(dated, undated)
    flagged = out.flagged_on(attribute)
    assert [f.kind for f in flagged] == ["conflict"], out.told()
    assert out.quotes(flagged[0]) == quotes, out.told()
    told = [c for c in out.on(attribute) if c.source.startswith("undated")]
    assert [dict(c.rules)["time"] for c in told] == ["time:published+past"], show(told)


def test_further_back_than_the_slack_it_is_another_act(compare):
    """Ten days before the article that does not date it: not taken for the same act."""
    out = compare(("far-a", "2026-05-04", "Lundi 4 mai, à l'ouverture de l'audience, 58 témoins étaient cités."),
                  ("far-b", "2026-05-14", "Le président du tribunal a cité 64 témoins."))
    assert not out.flagged_on("count:temoin"), out.told()


def test_two_undated_past_acts_stay_apart(compare):
    """Neither sentence dates its act: two articles days apart may tell two acts (two control operations)."""
    out = compare(("both-a", "2026-02-03", "Les gendarmes ont dressé 41 procès-verbaux lors d'un contrôle."),
                  ("both-b", "2026-02-05", "Les gendarmes ont dressé 29 procès-verbaux lors d'un contrôle."))
    assert not out.flagged_on("count:proces-verbal"), out.told()


def test_a_present_passive_is_no_past_act(compare):
    """« sont annoncés » is a passive in the present, not the past of a verb that takes « être »."""
    out = compare(("passive", "2026-05-06", "Les 300 recrutements sont annoncés pour la rentrée."))
    told = [c for c in out.claims if c.value == 300]
    assert [dict(c.rules)["time"] for c in told] == ["time:published"], show(told)


def test_a_present_state_keeps_its_day(compare):
    """« compte 64 témoins » is told in the present: the day of its article, not the days before."""
    out = compare(("state-a", "2026-05-04", "Lundi 4 mai, à l'ouverture de l'audience, 58 témoins étaient cités."),
                  ("state-b", "2026-05-06", "La liste des témoins compte désormais 64 témoins."))
    assert not [f for f in out.flagged_on("count:temoin") if f.kind == "conflict"], out.told()
    told = [c for c in out.on("count:temoin") if c.source == "state-b"]
    assert told and all(dict(c.rules)["time"] == "time:published" for c in told), show(told)


def test_a_running_toll_told_in_the_past_is_the_toll_of_its_day(compare):
    """« L'incendie a fait 5 morts », dated by its article, is the toll that day: set against a toll of two
    days before, an evolution of the toll, never a conflict."""
    out = compare(("toll-a", "2026-08-02", "Samedi 1er août, l'incendie de l'entrepôt a fait trois morts."),
                  ("toll-b", "2026-08-04", "L'incendie de l'entrepôt a fait cinq morts."))
    assert not [f for f in out.flagged_on("deaths") if f.kind == "conflict"], out.told()
    assert [c.value for c in out.on("deaths")] == [3, 5], out.told()


@pytest.mark.parametrize("text", [
    # a dash-parenthetical the parser takes for the predicate: the tense is the verb's above the figure's noun
    "Quelque 300 bénévoles - secouristes, pompiers, riverains - restaient mobilisés dans la nuit.",
    "Quelque 450 volontaires - infirmiers, aides-soignants, étudiants - restaient mobilisés dans le gymnase.",
])
def test_the_tense_is_read_off_a_verb_when_the_parse_gives_no_verbal_predicate(compare, text):
    out = compare(("torn", "2026-04-16", text))
    told = [c for c in out.claims if c.kind == "quantity"]
    assert told and dict(told[0].rules)["time"] == "time:published+past", show(told)
