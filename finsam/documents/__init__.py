"""The one way to turn a template and data into a PDF: render (pure) → persist → schedule."""
