"""Configuration: find, read, merge and validate checklist.toml, then resolve each file's
settings once.

  layers.py      read a checklist.toml or pyproject.toml into a layer; ConfigError
  sections.py    the top-level tables as typed settings, with their defaults
  schema.py      what a layer may say (keys, types, ranges, rule ids); builds typed settings
  loading.py     find the layers, merge them and build the Config in force
  resolved.py    Config, and the FileSettings it resolves for each file
  paths.py       gitignore-like globs: files to check, profiles and ignores by path
  toml_lines.py  the line a key stands on, for error messages
"""

from empathylint.config.layers import USER_CONFIG_NAME, ConfigError
from empathylint.config.loading import CommandLine, Resolver
from empathylint.config.paths import glob_match
from empathylint.config.resolved import ALL, Config, FileSettings

__all__ = [
    "ALL",
    "USER_CONFIG_NAME",
    "CommandLine",
    "Config",
    "ConfigError",
    "FileSettings",
    "Resolver",
    "glob_match",
]
