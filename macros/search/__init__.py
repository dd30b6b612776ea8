"""The site's search: the text of each rendered page and the index files the browser fetches
when someone uses the search box (no MkDocs: overrides/hooks/search_index.py hands the pages in)."""
