"""The project's Python package: data → views → export → site (see README, 「構成」).

mkdocs-macros calls define_env; everything is imported when it does, so
`python -m macros validate` loads no template engine or site code.
"""


def define_env(env):
    from .site.macros import define

    define(env)
