"""One minutes file: its bytes decoded, its YAML front matter read safely, parsed into a record
(parse.py), and a record written back as a file (write.py)."""
