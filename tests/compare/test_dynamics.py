"""How an attribute moves over time decides whether two values are a conflict or an evolution
(comparison.toml [dynamics]), end to end: French articles -> claims -> findings.

Each test writes two or three short articles of its own, published on given days, extracts
their claims with the session's spaCy model and compares them as the pipeline does.
"""
from __future__ import annotations


import pytest

from reconcile.extract.lexicon import load


def test_the_dynamics_classes_are_the_ones_these_tests_exercise():
    lex = load()
    assert {a: lex.dynamics.get(a) for a in ("headcount", "count:magasin", "deaths", "injured", "loss",
                                             "measure:km/h", "count:camion")} == {
        "headcount": "stock", "count:magasin": "stock", "deaths": "running", "injured": "running",
        "loss": "fixed", "measure:km/h": "fixed", "count:camion": None}
    assert lex.stock_days == 45 and lex.stock_monthly_change == 0.01


# ------------------------------------------------------------------ stock: a workforce moves slowly

HEADCOUNT_1480 = "L'entreprise Fabrex compte 1 480 salariés."
HEADCOUNT_1530 = "L'entreprise Fabrex compte 1 530 salariés."


def test_stock_a_few_days_apart_conflicts(compare):
    """Two headcounts four days apart, 3 % apart, nothing said of a change: a conflict."""
    out = compare(("stock-near-a", "2025-03-03", HEADCOUNT_1480), ("stock-near-b", "2025-03-07", HEADCOUNT_1530))
    [f] = out.flagged_on("headcount")
    assert (f.kind, f.rule) == ("conflict", "stock"), out.told()
    assert out.quotes(f) == {"1 480 salariés", "1 530 salariés"}
    assert f.entity == "Fabrex"
    assert not out.noted_on("headcount"), out.told()


def test_stock_beyond_stock_days_but_too_fast_still_conflicts(compare):
    """60 days apart a workforce may move 2 % without a word; 1 480 -> 1 530 is 3.3 %: a conflict."""
    out = compare(("stock-60-a", "2025-01-03", HEADCOUNT_1480), ("stock-60-b", "2025-03-04", HEADCOUNT_1530))
    [f] = out.flagged_on("headcount")
    assert (f.kind, f.rule) == ("conflict", "stock"), out.told()
    assert out.quotes(f) == {"1 480 salariés", "1 530 salariés"}


def test_stock_far_apart_is_an_evolution(compare):
    """The same two figures two years apart (allowed drift far above 3.3 %): an evolution, shown, not flagged."""
    out = compare(("stock-far-a", "2023-03-03", HEADCOUNT_1480), ("stock-far-b", "2025-03-07", HEADCOUNT_1530))
    assert not out.flagged_on("headcount"), out.told()
    [f] = out.noted_on("headcount")
    assert f.kind == "evolution" and f.rule == "time", out.told()
    assert out.quotes(f) == {"1 480 salariés", "1 530 salariés"}


def test_stock_five_months_apart_is_an_evolution(compare):
    """150 days apart the allowed drift is 5 %: 3.3 % is an evolution."""
    out = compare(("stock-150-a", "2024-10-05", HEADCOUNT_1480), ("stock-150-b", "2025-03-04", HEADCOUNT_1530))
    assert not out.flagged_on("headcount"), out.told()
    [f] = out.noted_on("headcount")
    assert f.kind == "evolution", out.told()


@pytest.mark.parametrize("later", [
    pytest.param("L'entreprise Fabrex compte désormais 1 530 salariés.", id="desormais"),
    pytest.param("L'entreprise Fabrex compte aujourd'hui 1 430 salariés.", id="aujourd-hui"),
])
def test_stock_with_a_word_of_change_is_an_evolution(compare, later):
    out = compare(("stock-word-a", "2025-03-03", HEADCOUNT_1480), ("stock-word-b", "2025-03-07", later))
    assert not out.flagged_on("headcount"), out.told()
    [f] = out.noted_on("headcount")
    assert f.kind == "evolution", out.told()
    assert "1 480 salariés" in out.quotes(f) and len(out.quotes(f)) == 2


def test_stock_ne_compte_plus_que_is_an_evolution(compare):
    out = compare(("stock-plus-a", "2025-03-03", HEADCOUNT_1480),
                  ("stock-plus-b", "2025-03-07", "L'entreprise Fabrex ne compte plus que 1 430 salariés."))
    assert not out.flagged_on("headcount"), out.told()
    [f] = out.noted_on("headcount")
    assert f.kind == "evolution" and out.quotes(f) == {"1 480 salariés", "1 430 salariés"}, out.told()


def test_stock_ramene_son_effectif_a_is_an_evolution(compare):
    out = compare(("stock-ramene-a", "2025-03-03", HEADCOUNT_1480),
                  ("stock-ramene-b", "2025-03-07", "L'entreprise Fabrex a ramené son effectif à 1 430 salariés."))
    assert not out.flagged_on("headcount"), out.told()
    assert [f.kind for f in out.noted_on("headcount")] == ["evolution"], out.told()


def test_stock_plant_headcount_a_few_days_apart_conflicts(compare):
    """The brief's own shape: « L'usine … emploie 1 480 salariés » against « … 1 530 salariés »."""
    out = compare(("plant-a", "2025-03-03", "L'usine Fabrex emploie 1 480 salariés."),
                  ("plant-b", "2025-03-07", "L'usine Fabrex emploie 1 530 salariés."))
    [f] = out.flagged_on("headcount")
    assert (f.kind, f.rule) == ("conflict", "stock"), out.told()
    assert out.quotes(f) == {"1 480 salariés", "1 530 salariés"}


def test_stock_plant_with_its_town_a_few_days_apart_conflicts(compare):
    out = compare(("plant-town-a", "2025-03-03", "L'usine Fabrex de Montclar emploie 1 480 salariés."),
                  ("plant-town-b", "2025-03-07", "L'usine Fabrex de Montclar emploie 1 530 salariés."))
    [f] = out.flagged_on("headcount")
    assert (f.kind, f.rule) == ("conflict", "stock"), out.told()


def test_stock_count_of_stores_a_week_apart_conflicts(compare):
    """count:magasin is a stock too: 40 then 55 stores a week later, no word of change."""
    out = compare(("stores-a", "2025-03-03", "L'entreprise Fabrex compte 40 magasins."),
                  ("stores-b", "2025-03-10", "L'entreprise Fabrex compte 55 magasins."))
    [f] = out.flagged_on("count:magasin")
    assert (f.kind, f.rule) == ("conflict", "stock"), out.told()
    assert out.quotes(f) == {"40 magasins", "55 magasins"}


# ------------------------------------------------------------------ running toll: rises, falls only with a word

def test_toll_later_higher_is_an_evolution(compare):
    out = compare(("toll-up-a", "2025-02-10", "La tempête Zelda a fait 4 morts."),
                  ("toll-up-b", "2025-02-12", "La tempête Zelda a fait 6 morts."))
    assert not out.flagged_on("deaths"), out.told()
    [f] = out.noted_on("deaths")
    assert (f.kind, f.rule) == ("evolution", "time"), out.told()
    assert out.quotes(f) == {"4 morts", "6 morts"}


def test_toll_later_lower_is_flagged_as_cumulative(compare):
    out = compare(("toll-down-a", "2025-02-10", "La tempête Zelda a fait 6 morts."),
                  ("toll-down-b", "2025-02-12", "La tempête Zelda a fait 4 morts."))
    [f] = out.flagged_on("deaths")
    assert f.rule == "cumulative", out.told()
    assert out.quotes(f) == {"6 morts", "4 morts"}
    assert f.severity == "medium"
    assert not out.noted_on("deaths"), out.told()


def test_toll_later_lower_with_a_correction_is_still_flagged(compare):
    """« corrigé » is a correction, not a change: the articles still disagree."""
    out = compare(("toll-fix-a", "2025-02-10", "La tempête Zelda a fait 6 morts."),
                  ("toll-fix-b", "2025-02-12", "La tempête Zelda a fait 4 morts (bilan corrigé)."))
    [f] = out.flagged_on("deaths")
    assert f.rule == "cumulative" and out.quotes(f) == {"6 morts", "4 morts"}, out.told()


def test_toll_later_lower_revised_downwards_is_an_evolution(compare):
    """« revu à la baisse » says the toll changed: shown, not flagged."""
    out = compare(("toll-rev-a", "2025-02-10", "La tempête Zelda a fait 6 morts."),
                  ("toll-rev-b", "2025-02-12", "La tempête Zelda a finalement fait 4 morts, bilan revu à la baisse."))
    assert not out.flagged_on("deaths"), out.told()
    [f] = out.noted_on("deaths")
    assert f.kind == "evolution" and f.rule != "cumulative", out.told()
    assert out.quotes(f) == {"6 morts", "4 morts"}


def test_toll_two_values_on_the_same_day_conflict(compare):
    out = compare(("toll-day-a", "2025-02-10", "La tempête Zelda a fait 4 morts."),
                  ("toll-day-b", "2025-02-10", "La tempête Zelda a fait 6 morts."))
    [f] = out.flagged_on("deaths")
    assert f.kind == "conflict" and f.rule == "tolerance", out.told()
    assert out.quotes(f) == {"4 morts", "6 morts"}


def test_injured_later_lower_is_flagged_and_later_higher_is_not(compare):
    down = compare(("hurt-down-a", "2025-02-10", "La tempête Zelda a fait 20 blessés."),
                   ("hurt-down-b", "2025-02-14", "La tempête Zelda a fait 12 blessés."))
    [f] = down.flagged_on("injured")
    assert f.rule == "cumulative" and down.quotes(f) == {"20 blessés", "12 blessés"}, down.told()
    up = compare(("hurt-up-a", "2025-02-10", "La tempête Zelda a fait 12 blessés."),
                 ("hurt-up-b", "2025-02-14", "La tempête Zelda a fait 20 blessés."))
    assert not up.flagged_on("injured"), up.told()
    assert [f.kind for f in up.noted_on("injured")] == ["evolution"], up.told()


# ------------------------------------------------------------------ fixed: once past it does not change

def test_fixed_loss_of_a_named_year_conflicts_whatever_the_dates(compare):
    """Articles 15 months apart about the loss of 2023."""
    out = compare(("loss-a", "2024-03-10", "Fabrex a perdu 120 millions d'euros en 2023."),
                  ("loss-b", "2025-06-12", "Fabrex a perdu 150 millions d'euros en 2023."))
    [f] = out.flagged_on("loss")
    assert f.kind == "conflict", out.told()
    assert out.quotes(f) == {"120 millions d'euros", "150 millions d'euros"}
    assert not out.noted_on("loss"), out.told()


def test_fixed_loss_last_year_and_the_same_year_named_conflict(compare):
    """« l'an dernier » in March 2024 is 2023: the same loss as « en 2023 » ten months later."""
    out = compare(("loss-last-a", "2024-03-10", "Fabrex a perdu 120 millions d'euros l'an dernier."),
                  ("loss-last-b", "2025-01-12", "Fabrex a perdu 150 millions d'euros en 2023."))
    [f] = out.flagged_on("loss")
    assert f.kind == "conflict" and out.quotes(f) == {"120 millions d'euros", "150 millions d'euros"}, out.told()


LOSS_120 = "Le groupe Fabrex a enregistré une perte nette de 120 millions d'euros."
LOSS_150 = "Le groupe Fabrex a enregistré une perte nette de 150 millions d'euros."


def test_fixed_loss_without_its_year_weeks_apart_conflicts(compare):
    out = compare(("loss-noyear-a", "2025-03-10", LOSS_120), ("loss-noyear-b", "2025-03-20", LOSS_150))
    [f] = out.flagged_on("loss")
    assert (f.kind, f.rule) == ("conflict", "fixed"), out.told()
    assert out.quotes(f) == {"120 millions d'euros", "150 millions d'euros"}


def test_fixed_loss_without_its_year_a_year_apart_is_not_set_against(compare):
    """Without its year, a loss a year later may be the next year's: an evolution, not a conflict."""
    out = compare(("loss-noyear-c", "2024-03-10", LOSS_120), ("loss-noyear-d", "2025-03-20", LOSS_150))
    assert not out.flagged_on("loss"), out.told()
    assert [f.kind for f in out.noted_on("loss")] == ["evolution"], out.told()


def test_fixed_gust_speed_conflicts_months_apart(compare):
    out = compare(("gust-a", "2025-02-10", "La tempête Zelda a soufflé avec des rafales de 140 km/h."),
                  ("gust-b", "2025-04-20", "La tempête Zelda a soufflé avec des rafales de 160 km/h."))
    [f] = out.flagged_on("measure:km/h")
    assert (f.kind, f.rule) == ("conflict", "fixed"), out.told()
    assert out.quotes(f) == {"140 km/h", "160 km/h"}


# ------------------------------------------------------------------ unknown count: compared only at one time

# (ordered, not owned: what a thing has, « possède 40 camions », is a stock: test_people_sites_and_lists)
TRUCKS_40 = "L'entreprise Fabrex a commandé 40 camions."
TRUCKS_55 = "L'entreprise Fabrex a commandé 55 camions."


def test_unknown_count_at_different_times_is_not_a_conflict(compare):
    out = compare(("trucks-a", "2025-03-03", TRUCKS_40), ("trucks-b", "2025-03-10", TRUCKS_55))
    assert {c.attribute for c in out.claims} == {"count:camion"}
    assert not out.flagged_on("count:camion"), out.told()
    [f] = out.noted_on("count:camion")
    assert (f.kind, f.rule) == ("evolution", "time") and out.quotes(f) == {"40 camions", "55 camions"}


def test_unknown_count_on_the_same_day_conflicts(compare):
    out = compare(("trucks-c", "2025-03-03", TRUCKS_40), ("trucks-d", "2025-03-03", TRUCKS_55))
    [f] = out.flagged_on("count:camion")
    assert f.kind == "conflict" and out.quotes(f) == {"40 camions", "55 camions"}, out.told()


# ------------------------------------------------------------------ plan against outcome

def test_planned_opening_against_a_later_opening_is_plan_vs_outcome(compare):
    out = compare(("plan-a", "2025-01-10", "Fabrex prévoit d'ouvrir son usine en juin 2025."),
                  ("plan-b", "2025-10-01", "Fabrex a ouvert son usine en septembre 2025."))
    [f] = out.flagged
    assert (f.kind, f.rule) == ("plan_vs_outcome", "plan"), out.told()
    assert out.quotes(f) == {"ouvrir son usine en juin 2025", "ouvert son usine en septembre 2025"}
    assert f.attribute == "opening:usine" and f.entity == "Fabrex"


def test_plant_due_to_open_against_its_later_opening_is_plan_vs_outcome(compare):
    out = compare(("plan-c", "2025-01-10", "L'usine Fabrex de Montclar doit ouvrir en juin 2025."),
                  ("plan-d", "2025-10-01", "L'usine Fabrex de Montclar a ouvert en septembre 2025."))
    [f] = out.flagged_on("opening")
    assert f.kind == "plan_vs_outcome", out.told()
    assert out.quotes(f) == {"ouvrir en juin 2025", "ouvert en septembre 2025"}


def test_planned_opening_of_a_plant_named_by_its_town_is_plan_vs_outcome(compare):
    out = compare(("plan-e", "2025-01-10", "Fabrex prévoit d'ouvrir son usine de Montclar en juin 2025."),
                  ("plan-f", "2025-10-01", "Fabrex a ouvert son usine de Montclar en septembre 2025."))
    assert [f.kind for f in out.flagged] == ["plan_vs_outcome"], out.told()


# ---------------------------------------------------------------- a count over a period up to its report

def test_a_count_since_a_day_holds_that_day_s_count(compare):
    """« 23 familles évacuées depuis lundi », reported on Thursday, holds the dozen of Monday."""
    out = compare(
        ("a", "2025-03-10", "Inondations à Redon. Une douzaine de familles ont été évacuées lundi par la mairie."),
        ("b", "2025-03-13", "Inondations à Redon. Au total, 23 familles ont été évacuées depuis lundi par la mairie."),
    )
    found = out.findings_on("evacuated")
    assert found and all(f.kind == "evolution" and f.rule == "period" for f in found), out.told()
    assert not out.flagged_on("evacuated"), out.told()


def test_a_count_since_a_day_lower_than_that_day_s_still_conflicts(compare):
    out = compare(
        ("a", "2025-03-10", "Inondations à Redon. Trente familles ont été évacuées lundi par la mairie."),
        ("b", "2025-03-13", "Inondations à Redon. Au total, 23 familles ont été évacuées depuis lundi par la mairie."),
    )
    assert out.flagged_on("evacuated"), out.told()


def test_a_closed_period_of_the_past_is_no_running_count(compare):
    """« entre mars et mai 2022 » ended long before the report: 56 against 55 on a day inside it conflicts."""
    out = compare(
        ("a", "2022-05-13", "Intoxications. Les autorités sanitaires recensent 55 enfants malades."),
        ("b", "2023-03-30", "Intoxications. Entre mars et mai 2022, 56 enfants sont tombés malades, selon "
                            "les autorités sanitaires."),
    )
    assert out.flagged_on("count:enfant"), out.told()


# ------------------------------------------------------------------ communes: what they undergo, or what a territory has

def test_communes_an_event_touches_are_no_stock(compare):
    """Communes hit by a flood, counted four days apart: the toll of the flood grows, an evolution."""
    out = compare(("communes-a", "2025-10-13", "Le Gard est sinistré : la crue a touché 38 communes."),
                  ("communes-b", "2025-10-17", "Le Gard est sinistré : la crue a touché 74 communes."))
    assert not [f for f in out.flagged_on("count:commune") if f.kind == "conflict"], out.told()


def test_communes_a_territory_has_are_a_stock(compare):
    """What a territory has (« regroupe », frames.toml [having]) does not change in four days."""
    out = compare(("agglo-a", "2025-10-13", "La communauté d'agglomération de Brévane regroupe 31 communes."),
                  ("agglo-b", "2025-10-17", "La communauté d'agglomération de Brévane regroupe 33 communes."))
    assert [(f.kind, f.rule) for f in out.flagged_on("count:commune")] == [("conflict", "stock")], out.told()
