"""Languages: the label catalogue of every printed word per locale, and locale formatting."""
