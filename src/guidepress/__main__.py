from __future__ import annotations

from guidepress.cli import main

main()
