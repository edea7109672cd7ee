"""Logging of `kg serve` / `kg up`: uvicorn's own set-up plus ours.

`kg.request` writes one JSON object a line on stdout (api.observability), for log shippers; the rest of
`kg.*` (the Neo4j supervisor) writes timestamped lines on stderr, next to uvicorn's.
"""

from __future__ import annotations

import copy
import logging.config
from typing import Any


def log_config() -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["kg_plain"] = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    config["formatters"]["kg_json"] = {"format": "%(message)s"}
    config["handlers"]["kg_plain"] = {
        "class": "logging.StreamHandler",
        "formatter": "kg_plain",
        "stream": "ext://sys.stderr",
    }
    config["handlers"]["kg_json"] = {
        "class": "logging.StreamHandler",
        "formatter": "kg_json",
        "stream": "ext://sys.stdout",
    }
    config["loggers"]["kg"] = {"handlers": ["kg_plain"], "level": "INFO", "propagate": False}
    config["loggers"]["kg.request"] = {"handlers": ["kg_json"], "level": "INFO", "propagate": False}
    return config


def configure_logging() -> dict[str, Any]:
    """Apply the configuration now (before uvicorn starts) and return it for uvicorn to apply again."""
    config = log_config()
    logging.config.dictConfig(config)
    return config
