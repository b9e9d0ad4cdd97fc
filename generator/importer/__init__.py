"""Import a plan from its text, Word or PDF file into a draft that validates (python -m generator import)."""
