"""Write stage: the rendered files onto disk, MkDocs, Pagefind, and the site folder brought up to date.

The pages arrive rendered in memory (`generator.render`, called by `build()`).
folder (the build folder kept between builds: only changed Markdown is written)
→ mkdocs (`mkdocs build`, `--dirty` when the folder is trusted) → pagefind (the
search index added to MkDocs' output) → site (the site folder synced to that
output, each changed file replaced whole).
"""

from generator.write.mkdocs import MKDOCS_CONFIG, BuildError
from generator.write.pagefind import PAGEFIND_OPTIONS, PAGEFIND_SIGNATURE, stabilise_pagefind
from generator.write.site import source_date_epoch, write_site

__all__ = ["MKDOCS_CONFIG", "PAGEFIND_OPTIONS", "PAGEFIND_SIGNATURE", "BuildError", "source_date_epoch",
           "stabilise_pagefind", "write_site"]
