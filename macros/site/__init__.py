"""The only code that knows MkDocs: generated pages, nav, macros, git dates, edit links, publishing."""
