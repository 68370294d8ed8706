"""Extraction: knowledge-base names, statistical NER, and resolving both to entities."""
