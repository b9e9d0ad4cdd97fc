"""Turn a Vietnamese administrative document (.txt, .docx, .pdf) into draft YAML."""
