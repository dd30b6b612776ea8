"""What the site shows: data in, HTML, chart figures and pictures out (no MkDocs)."""
