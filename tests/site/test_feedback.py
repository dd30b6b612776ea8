"""Where readers tell the editors: the issue form only for a GitHub repository, mail only with a valid address."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

from macros.site.feedback import feedback_from

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
