"""Facts carry over, sentences do not: no published sentence repeats 40 characters of the report.

A run inside 「」 is a marked quote and allowed. Fields that hold facts copied
on purpose (names, the business lines of a member list, headings quoted as
headings) are exempt; every other text field is checked, so a new field is
checked unless it is added to FACT_FIELDS.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from macros.data import models

from .report_text import copied_runs, normalise, report_text

RUN = 40
# (model, field) whose text is a fact of the report, written as the report writes it.
FACT_FIELDS = {
    (models.Name, "ja"),
    (models.Name, "short"),
    (models.Name, "en"),
    (models.Name, "kana"),
    (models.Member, "name"),
    (models.Member, "business"),
    (models.Member, "location"),
    (models.Partner, "name"),
    (models.Product, "name"),
    (models.Theme, "report_heading"),
    (models.Source, "title"),
    (models.Link, "title"),
    (models.Link, "url"),
}


def _texts(item, where: str):
    """(where, text) of every string field of a model, nested models and lists included."""
    if isinstance(item, BaseModel):
        for name in type(item).model_fields:
            if (type(item), name) not in FACT_FIELDS:
                yield from _texts(getattr(item, name), f"{where}.{name}")
    elif isinstance(item, list):
        for i, value in enumerate(item):
            yield from _texts(value, f"{where}[{i}]")
    elif isinstance(item, str):
        yield where, item


def test_no_sentence_repeats_the_report(dataset):
    source = report_text()
    entities = [*dataset.cases, *dataset.themes, *dataset.terms, *dataset.metrics, *dataset.sources]
    copied = [
        (where, run)
        for entity in entities
        for where, text in _texts(entity, entity.id)
        for run in copied_runs(text, source, RUN)
    ]
    assert not copied, "報告書の文を40字以上そのまま写しています（引用なら「」で囲む）:\n" + "\n".join(
        f"{where}: {run}" for where, run in copied
    )


def test_a_fact_field_list_names_real_fields():
    for model, name in FACT_FIELDS:
        assert name in model.model_fields, (model.__name__, name)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_copied_run_is_found_unless_quoted(data):
    source = report_text()
    start = data.draw(st.integers(0, len(source) - RUN - 1))
    length = data.draw(st.integers(RUN, RUN + 30))
    passage = source[start : start + length]
    prefix = data.draw(st.sampled_from(["", "報告書によれば、", "つまり"]))
    if any(mark in passage for mark in "「」『』"):  # the passage would open or close a quote of its own
        return
    assert copied_runs(prefix + passage + "とされる。", source, RUN)
    assert not copied_runs(f"{prefix}「{passage}」とされる。", source, RUN)


@pytest.mark.parametrize(
    "text",
    [
        "アドック神戸の運営は、会員企業から月額２千円の会費と、共同受注したときの売上の１％が 1 年間入るだけである。",
        "アドック神戸の運営は、会員企業から月額2千円の会費と、共同受注したときの売上の1%が1年間入るだけである。",
    ],
)
def test_white_space_and_width_do_not_hide_a_copy(text):
    """The report's spacing and full-width digits differ from ours; a copy is still a copy."""
    assert copied_runs(text, report_text(), RUN)
    assert normalise(text) == normalise(text.replace(" ", ""))
