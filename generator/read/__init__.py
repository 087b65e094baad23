"""read: article files (.txt, .md, .html, .jsonl) to Article records, with a Problem for each bad file or line."""

from generator.read.files import ReadError, ReadResult, find_article_files, read_file, read_paths

__all__ = ["ReadError", "ReadResult", "find_article_files", "read_file", "read_paths"]
