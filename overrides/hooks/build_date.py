"""Hook: one build date per commit (SOURCE_DATE_EPOCH), so two builds of a commit give the same bytes."""

from __future__ import annotations

from macros.site.build_date import pin_build_date


def on_startup(command, dirty):
    pin_build_date()
