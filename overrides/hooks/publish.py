"""Hook: publish a build all at once, and only a build that succeeded.

`mkdocs build` writes into a staging folder beside the site folder. The swap
into place is the very last step: MkDocs still fails a --strict build after
every plugin's on_post_build, so the staging folder is swapped in at
on_shutdown, once the build has returned without error. A failed build
(invalid data, a broken link under --strict, any exception) discards the
staging folder and leaves the previous site as it was.

`mkdocs serve` builds into its own temporary folder and is left alone.
What is staged and whether it got through is kept in the session (macros/site/build.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from macros.site import atomic_output
from macros.site.build import session


def on_config(config):
    state = session()
    if state.staged and state.final is None:
        state.final = Path(config.site_dir)
        config.site_dir = str(atomic_output.prepare(state.final))
    return config


@event_priority(-100)  # after every other plugin has written its files
def on_post_build(config):
    session().built = True


def on_build_error(error):
    state = session()
    state.built = False
    if state.final is not None:
        atomic_output.discard(atomic_output.staging_dir(state.final))
        state.final = None


def on_serve(server, config, builder):
    _publish()  # serve --clean: the first build is staged; the server reads the real folder
    session().staged = False
    return server


def on_shutdown():
    _publish()


def _publish() -> None:
    state = session()
    final, state.final = state.final, None
    if final is None:
        return
    if state.built:
        atomic_output.publish(atomic_output.staging_dir(final), final)
    else:  # a build that ended without on_build_error (a bare exit): nothing of it may stay
        atomic_output.discard(atomic_output.staging_dir(final))
    state.built = False
