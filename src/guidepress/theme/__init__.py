"""The theme: templates and stylesheets looked up in order (the project's own first), the Jinja
environment with its filters, and eject. In an installed wheel this folder also holds the
built-in theme's templates/ and styles/."""
