"""All configuration, read once from the environment (and a `.env` file if present).

Connection settings keep Neo4j's conventional names (NEO4J_URI, ...); everything else is KG_*.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.api_keys import ApiKey, parse_keys

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCAL_DEV_PASSWORD = "kg-local-dev-password"
DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
"""A load reads a file record by record (its memory follows the largest record, KG_MAX_RECORD_BYTES), but
the file is still one transaction, whose state Neo4j holds until the commit, and the check keeps every
record's id and references: 2 GiB keeps one file within what a default server and a laptop take."""
DEFAULT_MAX_RECORD_BYTES = 1024 * 1024
"""The text of one record (a YAML item, a JSON element, a CSV row): what a load holds of a file at a time."""
MAX_TEXT_BYTES = 32 * 1024 * 1024
"""A source's text file is held whole (quotes are looked up in it): at most this, or KG_MAX_FILE_BYTES."""
DEFAULT_MAX_SEARCH_TERMS = 16
"""Words of a search or a `text` filter: each adds clauses (a fuzzy one expands to many) to a Lucene query
capped at 1,024 clauses."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KG_", env_file=".env", extra="ignore", populate_by_name=True
    )

    env: Literal["local", "test", "production"] = "local"

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USER"))
    neo4j_password: SecretStr = Field(
        default=SecretStr(LOCAL_DEV_PASSWORD), validation_alias=AliasChoices("NEO4J_PASSWORD")
    )
    neo4j_database: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))

    data_dir: Path = REPO_ROOT / ".kg" / "neo4j"
    neo4j_port: int = 7687
    neo4j_heap: str = "512m"
    neo4j_pagecache: str = "256m"
    neo4j_start_timeout: float = 120.0
    neo4j_connect_timeout: float = 5.0
    neo4j_retry_seconds: float = 5.0
    neo4j_restarts: int = Field(default=5, ge=0)
    neo4j_restart_window: float = Field(default=300.0, gt=0)
    query_timeout: float = Field(default=10.0, gt=0)
    export_timeout: float = Field(default=300.0, gt=0)
    load_timeout: float = Field(default=600.0, gt=0)

    host: str = "127.0.0.1"
    port: int = 8000

    api_keys: str = ""
    graphiql: bool = True
    introspection: bool = True
    max_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    page_max: int = 100
    max_request_bytes: int = Field(default=1_048_576, ge=1024)
    max_string_length: int = Field(default=20_000, ge=1)
    max_list_length: int = Field(default=1_000, ge=1)
    max_variable_depth: int = Field(default=20, ge=1)
    max_search_terms: int = Field(default=DEFAULT_MAX_SEARCH_TERMS, ge=1)
    max_file_bytes: int = Field(default=DEFAULT_MAX_FILE_BYTES, gt=0)
    max_record_bytes: int = Field(default=DEFAULT_MAX_RECORD_BYTES, ge=1024)
    write_retries: int = Field(default=8, ge=0)
    max_concurrent_requests: int = Field(default=4, ge=1)
    queue_timeout: float = Field(default=30.0, gt=0)
    metrics: bool = True
    request_log: bool = True
    warm_plans: bool = True
    """At start-up, have Neo4j plan the API's reads in the background (graph/read/warm.py)."""
    match_attach: float = Field(default=0.85, ge=0, le=1)
    """An incoming event scoring this against a known one becomes its report (graph/reports/matching.py)."""
    match_review: float = Field(default=0.5, ge=0, le=1)
    """From this score up to KG_MATCH_ATTACH a match is a candidate for `kg review`; below, a new fact."""

    def parsed_api_keys(self) -> list[ApiKey]:
        return parse_keys(self.api_keys)

    @model_validator(mode="after")
    def _no_default_secrets_in_production(self) -> Settings:
        password = self.neo4j_password.get_secret_value()
        if not password:
            raise ValueError("NEO4J_PASSWORD must not be blank")
        if self.env == "production" and password == LOCAL_DEV_PASSWORD:
            raise ValueError("NEO4J_PASSWORD is the local development default; set a real one")
        self.parsed_api_keys()
        if self.match_review > self.match_attach:
            attach, review = self.match_attach, self.match_review
            raise ValueError(f"KG_MATCH_REVIEW ({review}) must not be above KG_MATCH_ATTACH ({attach})")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
