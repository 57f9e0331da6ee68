"""Rendering: models in, HTML out. One module per output kind, the shared context, the charts."""
