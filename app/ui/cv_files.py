"""Which files are CVs, for drops and file dialogs (no imports: the window shell uses it)."""

CV_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")
CV_FILTER = "CV files (*.pdf *.docx *.txt *.md *.markdown);;All files (*)"
