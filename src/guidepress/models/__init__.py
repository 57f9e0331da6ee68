"""Pydantic models of every file a user writes."""

from __future__ import annotations

from guidepress.models.brand import Brand
from guidepress.models.comparison import Comparison
from guidepress.models.config import Config
from guidepress.models.role import Role

__all__ = ["Brand", "Comparison", "Config", "Role"]
