"""Hook: the process's session and a fresh build state (macros/site/build.py) for every build and every
`mkdocs serve` rebuild."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from macros.site import build


@event_priority(110)  # before the other hooks' on_startup (publish, build_errors) read the session
def on_startup(command, dirty):
    build.start_session(command, dirty)


@event_priority(110)  # before every other hook and plugin reads its configuration (mkdocs-macros' define_env)
def on_config(config):
    build.begin(config)
    return config
