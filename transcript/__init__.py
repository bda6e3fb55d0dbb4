"""The one data model for a transcript, shared by transcription and de-identification."""
from transcript.model import Transcript, Turn, Word, Replacement, apply_replacements
from transcript.layouts import read, parse_text, render, write, FORMATS, UnreadableTranscript

__all__ = ["Transcript", "Turn", "Word", "Replacement", "apply_replacements",
           "read", "parse_text", "render", "write", "FORMATS", "UnreadableTranscript"]
