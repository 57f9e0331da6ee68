"""Live preview: a local web server showing one output's HTML next to pictures of its real PDF
pages, updated on every save of a file the output depends on.

Sits above the build (it reuses the build's plan, dependency list and renderers) and below the
CLI. The standard library serves HTTP (server-sent events for the updates), watchfiles watches
the files, and one spawned process lays out the PDFs so that the server never waits on WeasyPrint.
"""
