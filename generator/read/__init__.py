"""Read stage: every file in `seeds/` into a `model.Document`, or diagnostics naming file and line.

decode (bytes → lines) → header (the `KEY：VALUE` block, when there is one) →
classify (a line's script, numbering, kind) → structure (notice, attachments,
closing) → readers (one reader per input form, in `READERS`).
"""

from generator.read.readers import READERS, document_id, find_sources, read_corpus, read_lines, read_source, read_text

__all__ = ["READERS", "document_id", "find_sources", "read_corpus", "read_lines", "read_source", "read_text"]
