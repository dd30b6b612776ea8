"""Hook: publish a build all at once, and only a build that succeeded.

`mkdocs build` writes into a staging folder beside the site folder. The swap
into place is the very last step: MkDocs still fails a --strict build after
every plugin's on_post_build, so the staging folder is swapped in at
on_shutdown, once the build has returned without error. A failed build
(invalid data, a broken link under --strict, any exception) discards the
staging folder and leaves the previous site as it was.
`mkdocs serve` builds into its own temporary folder and is left alone.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from macros.site import atomic_output

_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    # `mkdocs serve --clean` also says "build"; on_serve below then publishes in place.
    _state["staged"] = command in ("build", "gh-deploy") and not dirty


def on_config(config):
    if _state.get("staged") and "final" not in _state:
        final = Path(config.site_dir)
        _state["final"] = final
        config.site_dir = str(atomic_output.prepare(final))
    return config


@event_priority(-100)  # after every other plugin has written its files
def on_post_build(config):
    _state["built"] = True


def on_build_error(error):
    _state.pop("built", None)
    final = _state.pop("final", None)
    if final is not None:
        atomic_output.discard(atomic_output.staging_dir(final))


def on_serve(server, config, builder):
    _publish()  # serve --clean: the first build is staged; the server reads the real folder
    _state["staged"] = False
    return server


def on_shutdown():
    _publish()


def _publish() -> None:
    final = _state.pop("final", None)
    if final is None:
        return
    if _state.pop("built", False):
        atomic_output.publish(atomic_output.staging_dir(final), final)
    else:  # a build that ended without on_build_error (a bare exit): nothing of it may stay
        atomic_output.discard(atomic_output.staging_dir(final))
