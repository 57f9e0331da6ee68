"""PDF: the WeasyPrint engine, its allow-list fetcher, variants, one-page fitting, print marks
and the preflight. The only package that imports WeasyPrint or pikepdf; importing this package
itself imports neither (its modules do, when a PDF is made)."""
