"""The folders of macros/ import only leftwards, in the order README gives (data → views → export → history → site).

Read from the source (the imports diff_cache follows for its version), not by importing.
"""

from __future__ import annotations

import pytest

from macros.history.diff_cache import PACKAGE, source_files

ORDER = ("data", "views", "export", "history", "site")


@pytest.mark.parametrize("folder", ORDER)
def test_a_folder_imports_only_the_folders_before_it(folder):
    allowed = set(ORDER[: ORDER.index(folder) + 1])
    for module in sorted((PACKAGE / folder).glob("*.py")):
        reached = {path.relative_to(PACKAGE).parts[0] for path in source_files(module)}
        assert reached - {"__init__.py"} <= allowed, (module.name, sorted(reached - allowed))
