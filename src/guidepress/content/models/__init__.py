"""Pydantic models of every file a user writes."""

from __future__ import annotations

from guidepress.content.models.brand import Brand
from guidepress.content.models.comparison import Comparison
from guidepress.content.models.config import Config
from guidepress.content.models.role import Role

__all__ = ["Brand", "Comparison", "Config", "Role"]
