"""The git runner and what it tells about the repository."""

from __future__ import annotations

import pytest

from macros.history import git


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("git@github.com:acme/sme-data.git", "https://github.com/acme/sme-data"),
        ("ssh://git@github.com/acme/sme-data", "https://github.com/acme/sme-data"),
        ("https://x-access-token:secret@github.com/acme/sme-data.git\n", "https://github.com/acme/sme-data"),
        ("https://github.com/acme/sme.data/", "https://github.com/acme/sme.data"),
        ("https://gitlab.com/acme/sme-data.git", None),
        ("/srv/git/sme-data", None),
        ("https://github.com/acme", None),
    ],
)
def test_github_remote_to_https(remote, expected):
    assert git.github_https(remote) == expected
