"""Where readers tell the editors what became of a case or what is wrong.

Two channels, each shown only where the site has it: the repository's GitHub
issue form (.github/ISSUE_TEMPLATE/case-update.yml, prefilled with the case),
and a contact address (extra.contact, SITE_CONTACT_EMAIL) for readers without
a GitHub account. Without either, pages show no such link.
"""

from __future__ import annotations

import re

from ..views.citation import Feedback
from .edit_links import repository_urls

ISSUE_FORM = "case-update.yml"  # its field ids (case, known, source) are what the prefilled link fills
_GITHUB = re.compile(r"^https://github\.com/[\w.-]+/[\w.-]+$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")


def feedback_from(extra) -> Feedback:
    """The channels of this build, from mkdocs.yml `extra` (repository, contact)."""
    repo = repository_urls(extra)
    issue_form = None
    if repo and _GITHUB.match(repo[0]):
        issue_form = f"{repo[0]}/issues/new?template={ISSUE_FORM}"
    contact = str((extra or {}).get("contact") or "").strip()
    return Feedback(issue_form, contact if _EMAIL.match(contact) else None)
