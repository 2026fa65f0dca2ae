"""Tests of benchmarks/claims_eval.py on tiny hand-made gold tables and reports."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "claims_eval.py"
_spec = importlib.util.spec_from_file_location("claims_eval", PATH)
claims_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(claims_eval)

TEXT = "Ampere comptera environ 10.000 employés et 3.500 ingénieurs dès 2025."
TEXTS = {"a": TEXT, "b": TEXT}

GOLD = [
    {"source": "a", "quote": "environ 10.000 employés", "entity": "Ampere", "attribute": "headcount",
     "value": 10000, "modality": "plan", "attributed_to": None},
    {"source": "a", "quote": "3.500 ingénieurs", "entity": "Ampere", "attribute": "engineers",
     "value": 3500, "modality": "plan", "attributed_to": None},
]


def pred(quote, value, *, source="a", entity="Ampere", attribute=None, modality="plan", text=TEXT):
    """A predicted claim whose span is the first occurrence of `quote`."""
    i = text.index(quote)
    return {"id": f"c-{i:05d}{len(quote):05d}", "source": source,
            "start": i, "end": i + len(quote), "quote": quote, "entity": entity,
            "attribute": attribute or ("headcount" if "employ" in quote else "engineers"),
            "value": value, "kind": "quantity", "modality": modality, "attributed_to": None}


def run(*claims):
    return claims_eval.score(GOLD, TEXTS, {"claims": list(claims)})


def figures(res):
    keys = ("gold", "predicted", "span_recall", "value_recall", "value_precision", "attribute_accuracy",
            "entity_accuracy", "modality_accuracy", "precision", "recall", "f1")
    return {k: (round(res[k], 4) if isinstance(res[k], float) else res[k]) for k in keys}


def test_claims_eval_perfect_match():
    res = run(pred("10.000 employés", 10000), pred("3.500 ingénieurs", 3500))
    assert figures(res) == {"gold": 2, "predicted": 2, "span_recall": 1.0, "value_recall": 1.0,
                            "value_precision": 1.0, "attribute_accuracy": 1.0, "entity_accuracy": 1.0,
                            "modality_accuracy": 1.0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert res["missed"] == [] and res["unmatched"] == []


def test_claims_eval_value_mismatch():
    # 10.0 is the classic float("10.000") reading: the span matches, the value does not
    res = run(pred("10.000 employés", 10.0), pred("3.500 ingénieurs", 3500))
    assert figures(res) == {"gold": 2, "predicted": 2, "span_recall": 1.0, "value_recall": 0.5,
                            "value_precision": 0.5, "attribute_accuracy": 1.0, "entity_accuracy": 1.0,
                            "modality_accuracy": 1.0, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    (gold, overlapping), = res["missed"]
    assert gold["value"] == 10000 and overlapping["value"] == 10.0
    assert [c["value"] for c in res["unmatched"]] == [10.0]


def test_claims_eval_numbers_within_half_percent():
    assert run(pred("10.000 employés", 10040), pred("3.500 ingénieurs", 3500))["value_recall"] == 1.0
    assert run(pred("10.000 employés", 10060), pred("3.500 ingénieurs", 3500))["value_recall"] == 0.5


def test_claims_eval_missing_claim():
    res = run(pred("3.500 ingénieurs", 3500))
    assert figures(res) == {"gold": 2, "predicted": 1, "span_recall": 0.5, "value_recall": 0.5,
                            "value_precision": 1.0, "attribute_accuracy": 1.0, "entity_accuracy": 1.0,
                            "modality_accuracy": 1.0, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert [(g["quote"], p) for g, p in res["missed"]] == [("environ 10.000 employés", None)]


def test_claims_eval_extra_claim_counts_against_precision():
    extra = pred("2025", {"start": "2025-01-01", "end": "2025-12-31"}, attribute="date")
    other_source = pred("10.000 employés", 10000, source="b")  # same text, but no gold in source b
    res = run(pred("10.000 employés", 10000), pred("3.500 ingénieurs", 3500), extra, other_source)
    assert figures(res) == {"gold": 2, "predicted": 4, "span_recall": 1.0, "value_recall": 1.0,
                            "value_precision": 0.5, "attribute_accuracy": 1.0, "entity_accuracy": 1.0,
                            "modality_accuracy": 1.0, "precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert [c["source"] for c in res["unmatched"]] == ["a", "b"]


def test_claims_eval_overlapping_spans_prefer_equal_value():
    # the wide claim overlaps both gold quotes; it must go to the gold claim with its value
    wide = pred("environ 10.000 employés et 3.500 ingénieurs", 3500, attribute="engineers")
    res = run(wide, pred("10.000 employés", 10000))
    assert (res["span_recall"], res["value_recall"], res["value_precision"]) == (1.0, 1.0, 1.0)
    # two claims on one gold quote: one-to-one, the one with the right value wins
    res = run(pred("environ 10.000", 10.0), pred("10.000 employés", 10000), pred("3.500 ingénieurs", 3500))
    assert figures(res)["span_recall"] == 1.0
    assert (res["value_recall"], round(res["value_precision"], 4)) == (1.0, 0.6667)
    assert [c["quote"] for c in res["unmatched"]] == ["environ 10.000"]
    # one wide claim cannot match two gold claims
    res = run(wide)
    assert (res["span_recall"], res["value_recall"], res["value_precision"]) == (0.5, 0.5, 1.0)


def test_claims_eval_attribute_entity_modality_accuracy():
    res = run(pred("10.000 employés", 10000, entity="AMPÈRE", attribute="count:employe", modality="assertion"),
              pred("3.500 ingénieurs", 3500, entity="Renault"))
    assert figures(res)["attribute_accuracy"] == 0.5
    assert figures(res)["entity_accuracy"] == 0.5
    assert figures(res)["modality_accuracy"] == 0.5
    res = run(pred("10.000 employés", 10000, entity="Ampere Energy"), pred("3.500 ingénieurs", 3500))
    assert res["entity_accuracy"] == 1.0  # containment counts


def test_claims_eval_no_prediction_gives_zero_and_no_accuracy():
    assert figures(run()) == {"gold": 2, "predicted": 0, "span_recall": 0.0, "value_recall": 0.0,
                              "value_precision": None, "attribute_accuracy": None, "entity_accuracy": None,
                              "modality_accuracy": None, "precision": 0.0, "recall": 0.0, "f1": 0.0}


@pytest.mark.parametrize("gold, predicted, equal", [
    (10000, 10000.0, True),
    (0, 0, True),
    (10000, {"low": 10000, "high": None}, False),
    ({"low": 100000, "high": None}, {"low": 100000, "high": None}, True),
    ({"low": 100000, "high": None}, {"low": 100000, "high": 200000}, False),
    ({"start": "2023-07-01", "end": "2023-12-31"}, {"start": "2023-07-01", "end": "2023-12-31"}, True),
    ({"start": "2023-07-01", "end": "2023-12-31"}, {"start": "2023-01-01", "end": "2023-12-31"}, False),
    ("cancelled", "Cancelled", True),
    ("cancelled", "planned", False),
    ("2024", {"start": "2024-01-01", "end": "2024-12-31"}, False),
    (1, True, False),
])
def test_claims_eval_values_equal(gold, predicted, equal):
    assert claims_eval.values_equal(gold, predicted) is equal


def test_claims_eval_quote_not_found_fails():
    gold = [dict(GOLD[0], quote="environ 10 000 employés")]
    with pytest.raises(ValueError, match="quote not found"):
        claims_eval.score(gold, TEXTS, {"claims": []})


def test_claims_eval_command_line(tmp_path, capsys):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    report = {"claims": [pred("3.500 ingénieurs", 3500), pred("2025", 2025)]}
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    args = [str(tmp_path / n) for n in ("gold.json", "src", "report.json")]
    assert claims_eval.main(args + ["--verbose"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "gold=2 predicted=2"
    assert lines[1] == "span_recall=0.500 (1/2)"
    assert any(line.startswith("missed a: 'environ 10.000 employés'") for line in lines)
    assert any(line.startswith("unmatched a: '2025'") for line in lines)
    assert lines[-1] == "precision=0.500 recall=0.500 f1=0.500"


# ------------------------------------------------------------ issue 9's measures: over every gold claim

SAID = "La police a compté 3 500 manifestants à Lyon, contre 12 000 selon la CGT."
SAID_GOLD = [
    {"source": "s", "quote": "3 500 manifestants", "entity": "manifestation", "attribute": "protesters",
     "value": 3500, "modality": "assertion", "attributed_to": "police", "scope": {"place": "Lyon"}},
    {"source": "s", "quote": "12 000", "entity": "manifestation", "attribute": "protesters",
     "value": 12000, "modality": "assertion", "attributed_to": "CGT", "scope": {"place": "Lyon"}},
]


def said(quote, value, *, attributed_to=None, scope=None, attribute="protesters"):
    i = SAID.index(quote)
    return {"id": f"c-{i}", "source": "s", "start": i, "end": i + len(quote), "quote": quote,
            "entity": "manifestation", "attribute": attribute, "value": value, "kind": "quantity",
            "modality": "assertion", "attributed_to": attributed_to, "scope": scope or {}}


def test_claims_eval_scope_and_attribution_over_every_gold_claim():
    res = claims_eval.score(SAID_GOLD, {"s": SAID}, {"claims": [
        said("3 500 manifestants", 3500, attributed_to="la police", scope={"place": "Lyon", "at": "18:00"})]})
    # one of two gold claims found, with its scope (an hour is no scope field) and its counter
    assert res["scope_over_gold"] == 0.5 and res["entity_over_gold"] == 0.5 and res["attribute_over_gold"] == 0.5
    assert res["attribution_recall"] == 0.5 and res["attribution_precision"] == 1.0 and res["attributed_gold"] == 2


def test_claims_eval_a_wrong_counter_or_a_missing_place_counts_against():
    res = claims_eval.score(SAID_GOLD, {"s": SAID}, {"claims": [
        said("3 500 manifestants", 3500, attributed_to="CGT"),  # the wrong counter, no place
        said("12 000", 12000, attributed_to="CGT", scope={"place": "Lyon"})]})
    assert res["scope_over_gold"] == 0.5
    assert res["attribution_recall"] == 0.5 and res["attribution_precision"] == 0.5


def test_claims_eval_scores_scope_only_where_the_gold_annotates_it():
    """A gold claim without a `scope` key says nothing of its scope: it is left out of scope accuracy
    (and a gold that annotates none has no scope figure), while `{}` is an annotation: no scope."""
    unannotated = [{k: v for k, v in g.items() if k != "scope"} for g in SAID_GOLD]
    preds = {"claims": [said("3 500 manifestants", 3500, scope={"place": "Lyon"}), said("12 000", 12000)]}
    assert claims_eval.score(unannotated, {"s": SAID}, preds)["scope_over_gold"] is None
    mixed = [SAID_GOLD[0], unannotated[1]]
    assert claims_eval.score(mixed, {"s": SAID}, preds)["scope_over_gold"] == 1.0
    empty = [dict(SAID_GOLD[0], scope={}), unannotated[1]]
    assert claims_eval.score(empty, {"s": SAID}, preds)["scope_over_gold"] == 0.0


@pytest.mark.parametrize("gold,pred,equal", [
    ("count:kilometre", "measure:km", True),
    ("households_without_power", "without_power", True),
    ("share", "share:grevistes", True),
    ("share:grevistes", "share", False),
    ("budget", "cost", False),
    ("count:an", "duration:year", True),
    ("headcount", "count:personne", False),
    ("count:pourcent_baisse", "percent_decrease", True),
    ("count:pourcent_baisse", "percent_increase", False),
])
def test_claims_eval_attribute_ids_spelled_two_ways_are_one_id(gold, pred, equal):
    assert claims_eval.attributes_equal(gold, pred) is equal


@pytest.mark.parametrize("gold,pred,equal", [
    ("préfecture", "préfecture du Gard", True),  # one's words among the other's, same first word
    ("inondations du Gard (octobre 2025)", "inondations dans le Gard", True),
    ("inondations du Gard (octobre 2025)", "Gard", False),  # a place inside an incident's name is not it
    ("accident de l'usine Sylvachim", "Sylvachim", False),
    ("usine Sylvachim (Castelbrune)", "Sylvachim", True),  # « usine » introduces the plant's own name
    ("grève du 12 février 2026", "grève du 5 février", False),
    ("Jean-Marc Lefèvre", "Lefèvre", True),  # a person by the surname
    ("Premier ministre (Philippe Lambertin)", "Philippe Lambertin", True),  # the name in parentheses
    ("Tessandier Industries", "Vierzon", False),
    ("police", "préfecture de police", False),
    ("chambre régionale des comptes", "CRC", True),  # an acronym and its long form
    ("CRC", "chambre régionale des comptes", True),
    ("chambre régionale des comptes", "CGT", False),
    ("inondations du Gard (octobre 2025)", "inondation", True),  # one word in either number
    ("inondations du Gard (octobre 2025)", "incendie", False),
    ("groupement Vialis-Ferrovia", "Vialis-Ferrovia", True),  # « groupement » introduces a consortium's name
    ("groupement Vialis-Ferrovia", "Ferrovia", False),
])
def test_claims_eval_entities_resolve_by_content_words_not_substring(gold, pred, equal):
    assert claims_eval.entities_equal(gold, pred) is equal


def test_claims_eval_entity_grouping_counts_pairs_not_wording():
    """Three gold claims, two about one entity: a tool that names them its own way but groups them as
    the gold does has perfect grouping; one that gives all three one name loses precision; a missed
    claim loses recall."""
    gold = [dict(GOLD[0]), dict(GOLD[1]), dict(GOLD[1], source="b", entity="Renault")]
    together = {0: {"entity": "la filiale"}, 1: {"entity": "La Filiale"}, 2: {"entity": "Renault SA"}}
    assert claims_eval.entity_grouping(gold, together) == (1.0, 1.0)
    lumped = {0: {"entity": "x"}, 1: {"entity": "x"}, 2: {"entity": "x"}}
    assert claims_eval.entity_grouping(gold, lumped) == (pytest.approx(1 / 3), 1.0)
    assert claims_eval.entity_grouping(gold, {0: {"entity": "x"}, 2: {"entity": "x"}}) == (0.0, 0.0)
    assert claims_eval.entity_grouping(gold, {}) == (None, 0.0)


def _agreement_module():
    import sys

    path = PATH.parent / "agreement.py"
    spec = importlib.util.spec_from_file_location("agreement", path)
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(PATH.parent))
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(PATH.parent))
    return mod


def test_agreement_counts_item_by_item_with_the_gates_comparison():
    ag = _agreement_module()
    gold = [{"entity": "inondations du Gard", "attribute": "deaths"},
            {"entity": "Jean-Marc Lefèvre", "attribute": "headcount"},
            {"entity": "grève du 5 février", "attribute": "protesters"},
            {"entity": "Enedis", "attribute": "households_without_power"}]
    second = [{"entity": "inondations dans le Gard", "attribute": "deaths"},   # same name, other words
              {"entity": "Lefèvre", "attribute": "count:salarie"},           # a surname; another attribute
              {"entity": "grève du 12 février", "attribute": "protesters"},   # another strike
              {"entity": "Gard", "attribute": "households_without_power"}]    # a place, not the company
    assert ag.agreement(gold, second) == (0.5, 0.75)
    with pytest.raises(ValueError):
        ag.agreement(gold, second[:3])


def test_second_annotator_files_cover_their_story_gold_item_by_item():
    ag = _agreement_module()
    for f in sorted(ag.SECOND.glob("*.json")):
        gold = json.loads((ag.STORIES / f.stem / "claims-gold.json").read_text("utf-8"))
        second = json.loads(f.read_text("utf-8"))
        assert len(second) == len(gold) and [s["i"] for s in second] == list(range(len(gold)))
