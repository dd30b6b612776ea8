"""The data's history in git: the git runner, the data folder at a commit, the commits that changed it, and
what each of them changed (cached on disk, since history does not change). No MkDocs here; data/ never
imports this package (history reads data, not the other way)."""
