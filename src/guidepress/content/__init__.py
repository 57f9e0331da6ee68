"""Content: the files users write (roles, overlays, comparisons, brand kits, the config) read
with their locations, validated into models, and gathered into a Project."""
