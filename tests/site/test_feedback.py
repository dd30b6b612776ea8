"""Where readers tell the editors: the issue form only for a GitHub repository, mail only with a valid address;
the form the prefilled link opens (.github/ISSUE_TEMPLATE/case-update.yml)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from macros.site.feedback import feedback_from
from tests.conftest import ROOT

CASE = SimpleNamespace(id="hit", kind="case", number=2, name=SimpleNamespace(ja="東大阪金属加工グループ HIT"))


def test_nothing_is_offered_without_a_repository_or_a_contact():
    assert feedback_from({}).tell(CASE) is None
    assert feedback_from({"repository": "", "contact": ""}).tell() is None


def test_a_repository_that_is_not_on_github_has_no_issue_form():
    tell = feedback_from({"repository": "https://gitlab.example.org/a/b", "contact": ""}).tell(CASE)
    assert tell is None


def test_the_issue_form_is_prefilled_with_the_case():
    tell = feedback_from({"repository": "https://github.com/o/r/"}).tell(CASE)
    url = urlsplit(tell.issue_url)
    query = parse_qs(url.query)
    assert url.path == "/o/r/issues/new" and query["template"] == ["case-update.yml"]
    assert query["case"] == ["東大阪金属加工グループ HIT（事例2、hit）"]
    assert query["title"] == ["その後・誤り：東大阪金属加工グループ HIT"]
    assert tell.mail_url is None


def test_mail_only_with_a_plausible_address_and_the_body_names_the_case():
    assert feedback_from({"contact": "not an address"}).tell(CASE) is None
    assert feedback_from({"contact": "a@b.example?cc=x@evil.example"}).tell(CASE) is None
    tell = feedback_from({"contact": "editors@example.org"}).tell(CASE)
    assert tell.issue_url is None and tell.mail_url.startswith("mailto:editors@example.org?subject=")
    body = unquote(tell.mail_url.split("body=")[1])
    assert body.startswith("事例：東大阪金属加工グループ HIT（事例2、hit）\n") and "出典" in body


# ------------------------------------------------------------ the issue form the link opens

ISSUE_FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def test_the_prefilled_link_opens_the_issue_form_and_fills_its_fields():
    """The link's query speaks the form's names: its template is the form's file, its title starts with the form's
    title, and every other name is the id of a field of the form (GitHub fills a field only when the names agree)."""
    tell = feedback_from({"repository": "https://github.com/o/r"}).tell(CASE)
    query = parse_qs(urlsplit(tell.issue_url).query)
    (template,) = query.pop("template")
    text = (ISSUE_FORMS / template).read_text(encoding="utf-8")
    form = yaml.safe_load(text)
    (title,) = query.pop("title")
    assert title.startswith(form["title"])
    ids = {item["id"] for item in form["body"] if "id" in item}
    assert query and set(query) <= ids, (set(query), ids)
    # the warning above the form: the link opens it by its file name, and its ids are the link's, not to be renamed
    comment = text.split("\nname:", 1)[0]
    assert f"template={template}" in comment
    assert all(name in comment for name in ids)


def test_the_issue_form_asks_for_what_is_known_and_its_source_in_japanese():
    # Only GitHub renders an issue form, so what it requires of one (a label on each field, text in each note) and
    # what the form asks of a reader can only be read from the file.
    form = yaml.safe_load((ISSUE_FORMS / "case-update.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"]
    assert form["title"].startswith("その後・誤り：")
    assert "data-report" in form["labels"]
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert {name: item["type"] for name, item in fields.items()} == {
        "case": "input",
        "known": "textarea",
        "source": "textarea",
        "contact": "input",
    }
    assert fields["known"]["validations"]["required"] is True
    assert fields["source"]["validations"]["required"] is True
    assert fields["contact"]["validations"]["required"] is False
    for item in form["body"]:
        key = "value" if item["type"] == "markdown" else "label"
        assert item["attributes"][key].strip(), item
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", item["attributes"][key]), item  # in Japanese
