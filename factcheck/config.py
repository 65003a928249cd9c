"""Configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

A newsroom keeps several trees of articles with different house rules, so configuration is
found per checked file: the nearest configuration file in the file's folder or above it wins
(stdin uses the current folder), and nothing is merged across files. ``--config FILE`` replaces
discovery for the whole run. Command-line flags beat the file, the file beats the defaults.

Everything a user can get wrong (unknown keys, wrong types, bad TOML) is a ``ConfigProblem``
naming the file and, where it can be found, the line; the command line prints each on one line
and exits 2 before checking anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import fnmatch
import logging
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.findings import Severity

log = logging.getLogger("factcheck.config")

CONFIG_FILE = "factcheck.toml"
PYPROJECT_FILE = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "factcheck")

SEVERITY_LEVELS = ("info", "warning", "error")
FAIL_ON_LEVELS = ("error", "warning", "info", "never")
DEFAULT_FAIL_ON = "warning"
DEFAULT_MIN_SEVERITY = "info"

KEYS = (
    "rules",
    "enable",
    "disable",
    "severity",
    "min-severity",
    "fail-on",
    "ignore",
    "published-between",
)
# "all" is a friendlier spelling of "*" wherever rule patterns are accepted.
ALL_RULES = "all"
RULE_PATTERN = re.compile(r"^[a-z0-9*?][a-z0-9._*?-]*$")


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One mistake in a configuration file; ``line`` is 0 when it cannot be pointed at."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ConfigError(Exception):
    """Problems in configuration files; ``str()`` lists them one per line."""

    def __init__(self, problems: Sequence[ConfigProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or an empty string."""
    options = list(options)
    normalised = word.replace("_", "-").lower()
    if normalised in options and normalised != word:
        return f" (did you mean '{normalised}'?)"
    close = difflib.get_close_matches(normalised, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --------------------------------------------------------------------------- rule patterns


def pattern_matches(pattern: str, rule_id: str) -> bool:
    """Whether a rule pattern (an id, a glob such as ``drift-*``, or ``all``) names a rule."""
    if pattern == ALL_RULES:
        pattern = "*"
    return fnmatch.fnmatchcase(rule_id, pattern)


def pattern_specificity(pattern: str) -> tuple[int, int]:
    """How specific a pattern is: an exact id beats any glob; a longer literal part beats less.

    This is what lets ``disable = ["*"]`` and ``enable = ["drift-*"]`` mean "only drift".
    """
    if pattern == ALL_RULES:
        return (0, 0)
    literal = len(re.sub(r"[*?]", "", pattern))
    return (0 if re.search(r"[*?]", pattern) else 1, literal)


def is_valid_pattern(pattern: str) -> bool:
    return pattern == ALL_RULES or bool(RULE_PATTERN.match(pattern))


# --------------------------------------------------------------------------- path globs


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-style glob as a regular expression over ``/``-separated paths.

    ``*`` and ``?`` stay within one path component, ``**`` crosses folders, ``[abc]`` is a
    character class. The expression must match the whole string.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1 : close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def path_is_ignored(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a ``/``-separated path (relative to the configuration's folder) is ignored.

    Gitignore's rules, the ones people already know: a pattern without ``/`` matches a file or
    folder name anywhere ("drafts", "*.draft.md"); a pattern with ``/`` is anchored at the
    configuration's folder ("archive/2019/**", "/notes.md"); a trailing ``/`` matches folders
    only; a folder that matches ignores everything under it.
    """
    parts = [part for part in relative.split("/") if part and part != "."]
    if not parts:
        return False
    for raw in patterns:
        pattern = raw.strip()
        folders_only = pattern.endswith("/")
        pattern = pattern.strip("/")
        if not pattern:
            continue
        regex = glob_regex(pattern)
        candidates = parts[:-1] if folders_only else parts
        if "/" not in pattern:
            if any(regex.match(part) for part in candidates):
                return True
            continue
        last = len(parts) - 1 if folders_only else len(parts)
        for end in range(1, last + 1):
            if regex.match("/".join(parts[:end])):
                return True
    return False


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True, slots=True)
class Config:
    """One configuration file, validated. ``path`` is None for the defaults (no file found).

    ``rules`` are absolute folders (the file names them relative to its own folder, so a
    configuration means the same thing whatever the current folder is).
    """

    path: Path | None = None
    root: Path | None = None
    rules: tuple[Path, ...] = ()
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    min_severity: str | None = None
    fail_on: str | None = None
    ignore: tuple[str, ...] = ()
    # The publication window of the undated articles under this file (an archive's years).
    published_between: tuple[dt.date, dt.date] | None = None

    @property
    def label(self) -> str:
        return shown_path(self.path) if self.path else "(defaults)"

    def ignores(self, path: Path) -> bool:
        """Whether ``ignore`` excludes this file (used only for files found by walking folders)."""
        if not self.ignore:
            return False
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.root or Path.cwd())
        except ValueError:
            # Outside the configuration's folder (--config elsewhere): only name patterns apply.
            names = [p for p in self.ignore if "/" not in p.strip().strip("/")]
            return path_is_ignored("/".join(absolute.parts[1:]), names)
        return path_is_ignored(relative.as_posix(), self.ignore)


DEFAULT_CONFIG = Config()


def _key_line(source: str, key: str, table_header: str | None) -> int:
    """The line (1-based) where ``key`` is set, searching after ``table_header``; 0 if unknown."""
    lines = source.splitlines()
    start = 0
    if table_header is not None:
        header = re.compile(
            r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, table_header.split("."))) + r"\s*\]"
        )
        for number, line in enumerate(lines):
            if header.match(line):
                start = number + 1
                break
    quoted = r"[\"']?" + re.escape(key) + r"[\"']?"
    setting = re.compile(r"^\s*" + quoted + r"\s*=")
    subtable = re.compile(r"^\s*\[[^\]]*\b" + re.escape(key) + r"\b[^\]]*\]")
    for number in range(start, len(lines)):
        if setting.match(lines[number]) or subtable.match(lines[number]):
            return number + 1
    return 0


class _Validator:
    """Checks one table of settings, collecting every problem rather than stopping."""

    def __init__(self, path: Path, source: str, table_header: str | None):
        self.path = path
        self.source = source
        self.table_header = table_header
        self.problems: list[ConfigProblem] = []

    def problem(self, key: str, message: str) -> None:
        line = _key_line(self.source, key, self.table_header)
        self.problems.append(ConfigProblem(shown_path(self.path), line, message))

    def strings(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(key, f"'{key}' must be a list of strings, like {key} = [\"...\"]")
            return ()
        return tuple(value)

    def patterns(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        patterns = self.strings(data, key)
        for pattern in patterns:
            if not is_valid_pattern(pattern):
                self.problem(
                    key,
                    f"'{key}' has '{pattern}', which is not a rule id or a glob "
                    "of rule ids (letters a-z, digits, '.', '_', '-', '*', '?')",
                )
        return patterns

    def level(self, data: Mapping[str, Any], key: str, levels: Sequence[str]) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or value.lower() not in levels:
            self.problem(
                key,
                f"'{key}' must be one of {', '.join(levels)}, not {value!r}"
                + did_you_mean(str(value), levels),
            )
            return None
        return value.lower()

    def window(self, data: Mapping[str, Any], key: str) -> tuple[dt.date, dt.date] | None:
        """A publication window: "2004..2005", "2004-01-01..2005-12-31", or a list of two
        ends (TOML dates, years or strings)."""
        value = data.get(key)
        if value is None:
            return None
        from factcheck.load.published import parse_window_value

        try:
            return parse_window_value(value)
        except ValueError as exc:
            self.problem(key, f"'{key}': {exc}")
            return None

    def severities(self, data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
        value = data.get("severity")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.problem(
                "severity",
                "'severity' must be a table of rule id = level, like "
                '[severity] then "drift-count" = "info"',
            )
            return ()
        table: list[tuple[str, str]] = []
        for pattern, level in value.items():
            if not is_valid_pattern(pattern):
                self.problem(
                    pattern,
                    f"'severity' has '{pattern}', which is not a rule id or a glob of rule ids",
                )
            elif not isinstance(level, str) or level.lower() not in SEVERITY_LEVELS:
                self.problem(
                    pattern,
                    f"severity of '{pattern}' must be one of "
                    f"{', '.join(SEVERITY_LEVELS)}, not {level!r}"
                    + did_you_mean(str(level), SEVERITY_LEVELS),
                )
            else:
                table.append((pattern, level.lower()))
        return tuple(table)


def parse_config(
    data: Mapping[str, Any], path: Path, *, source: str = "", table_header: str | None = None
) -> Config:
    """Validate a settings table (already read from TOML); raise ConfigError with every problem."""
    check = _Validator(path, source, table_header)
    for key in data:
        if key not in KEYS:
            check.problem(
                key,
                f"unknown key '{key}'"
                + did_you_mean(key, KEYS)
                + f"; known keys: {', '.join(KEYS)}",
            )
    root = path.parent.resolve()
    rules = tuple(root / Path(folder) for folder in check.strings(data, "rules"))
    config = Config(
        path=path,
        root=root,
        rules=rules,
        enable=check.patterns(data, "enable"),
        disable=check.patterns(data, "disable"),
        severity=check.severities(data),
        min_severity=check.level(data, "min-severity", SEVERITY_LEVELS),
        fail_on=check.level(data, "fail-on", FAIL_ON_LEVELS),
        ignore=check.strings(data, "ignore"),
        published_between=check.window(data, "published-between"),
    )
    if check.problems:
        raise ConfigError(check.problems)
    return config


def shown_path(path: Path) -> str:
    """A path as problems show it: relative to the current folder when it is below it."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError([ConfigProblem(shown_path(path), 0, f"cannot read: {reason}")]) from None
    try:
        return tomllib.loads(source), source
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else 0
        if not match and "(at end of document)" in str(exc):
            line = max(1, len(source.splitlines()))
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ConfigError(
            [ConfigProblem(shown_path(path), line, f"invalid TOML: {message}")]
        ) from None


def _pyproject_table(data: Mapping[str, Any]) -> Any:
    table: Any = data
    for name in PYPROJECT_TABLE:
        if not isinstance(table, dict) or name not in table:
            return None
        table = table[name]
    return table


def load_config(path: Path) -> Config:
    """Read one configuration file: ``pyproject.toml`` (its ``[tool.factcheck]``) or any other
    name as a ``factcheck.toml`` (settings at the top level)."""
    data, source = _read_toml(path)
    if path.name == PYPROJECT_FILE:
        table = _pyproject_table(data)
        if table is None:
            raise ConfigError([ConfigProblem(shown_path(path), 0, "has no [tool.factcheck] table")])
        if not isinstance(table, dict):
            raise ConfigError(
                [ConfigProblem(shown_path(path), 0, "'tool.factcheck' must be a table")]
            )
        return parse_config(table, path, source=source, table_header="tool.factcheck")
    return parse_config(data, path, source=source)


def _config_in(folder: Path) -> Config | None:
    """The configuration file in this folder, if any. factcheck.toml beats pyproject.toml."""
    dedicated = folder / CONFIG_FILE
    pyproject = folder / PYPROJECT_FILE
    if dedicated.is_file():
        if pyproject.is_file():
            try:
                has_table = _pyproject_table(tomllib.loads(pyproject.read_text("utf-8")))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                has_table = None
            if has_table is not None:
                log.warning(
                    "%s: [tool.factcheck] is ignored: %s in the same folder takes precedence",
                    pyproject,
                    CONFIG_FILE,
                )
        return load_config(dedicated)
    if pyproject.is_file():
        data, _ = _read_toml(pyproject)
        if _pyproject_table(data) is not None:
            return load_config(pyproject)
    return None


class ConfigResolver:
    """Finds the configuration for each checked file; caches the answer per folder.

    ``explicit`` (``--config FILE``) applies to every file; ``discover=False``
    (``--no-config``) uses the defaults everywhere.
    """

    def __init__(self, explicit: Path | None = None, *, discover: bool = True):
        self._explicit = load_config(explicit) if explicit is not None else None
        self._discover = discover
        self._by_folder: dict[Path, Config] = {}

    def for_path(self, path: str | Path | None) -> Config:
        """The configuration for a checked file ("-", None, or a path whose folder does not
        exist, such as the built-in example's: the current folder's)."""
        if path is None or str(path) in ("-", ""):
            return self.for_folder(Path.cwd())
        candidate = Path(path)
        if candidate.is_file():
            return self.for_folder(candidate.parent)
        if candidate.is_dir():
            return self.for_folder(candidate)
        if candidate.parent.is_dir():  # a file that is gone, or not yet written
            return self.for_folder(candidate.parent)
        return self.for_folder(Path.cwd())

    def for_folder(self, folder: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        if not self._discover:
            return DEFAULT_CONFIG
        folder = Path(os.path.abspath(folder))
        visited: list[Path] = []
        found: Config | None = None
        current: Path | None = folder
        while current is not None:
            if current in self._by_folder:
                found = self._by_folder[current]
                break
            visited.append(current)
            config = _config_in(current)
            if config is not None:
                found = config
                break
            current = current.parent if current.parent != current else None
        result = found or DEFAULT_CONFIG
        for seen in visited:
            self._by_folder[seen] = result
        return result


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the command line says; each field, when given, beats the configuration file."""

    rules: tuple[Path, ...] = ()
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    min_severity: str | None = None
    fail_on: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """A configuration with the command line applied: what one checked file runs under."""

    config: Config = DEFAULT_CONFIG
    overrides: Overrides = field(default_factory=Overrides)

    @property
    def fail_on(self) -> str:
        return self.overrides.fail_on or self.config.fail_on or DEFAULT_FAIL_ON

    @property
    def min_severity(self) -> str:
        return self.overrides.min_severity or self.config.min_severity or DEFAULT_MIN_SEVERITY

    @property
    def rule_folders(self) -> list[Path]:
        """Configured folders first, then --rules: a later rule with the same id wins."""
        return [*self.config.rules, *self.overrides.rules]

    def _layers(self) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        return [
            (self.config.enable, self.config.disable),
            (self.overrides.enable, self.overrides.disable),
        ]

    def is_enabled(self, rule_id: str, default: bool = True) -> bool:
        """Rule files, then the configuration file, then the command line; in each layer the
        most specific matching pattern decides, and ``disable`` wins a tie."""
        enabled = default
        for enables, disables in self._layers():
            best: tuple[tuple[int, int], bool] | None = None
            for patterns, turns_off in ((enables, False), (disables, True)):
                for pattern in patterns:
                    if pattern_matches(pattern, rule_id):
                        # Tuples compare specificity first; on a tie True (disable) is larger.
                        key = (pattern_specificity(pattern), turns_off)
                        if best is None or key > best:
                            best = key
            if best is not None:
                enabled = not best[1]
        return enabled

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        """The configured severity of a rule: the most specific matching entry of the table."""
        best_specificity: tuple[int, int] | None = None
        best_level: str | None = None
        for pattern, level in self.config.severity:
            if pattern_matches(pattern, rule_id):
                specificity = pattern_specificity(pattern)
                # On a tie the later entry wins, as a later line in a file would.
                if best_specificity is None or specificity >= best_specificity:
                    best_specificity, best_level = specificity, level
        return Severity.parse(best_level) if best_level is not None else default

    def configure(self, rules: Iterable[Any]) -> list[Any]:
        """Copies of the rules with ``enabled`` and ``severity`` as configured.

        Copies, because one loaded rule set may be shared by files under different configs.
        """
        configured = []
        for rule in rules:
            enabled = self.is_enabled(rule.id, bool(getattr(rule, "enabled", True)))
            severity = self.severity_for(rule.id, rule.severity)
            if enabled != rule.enabled or severity != rule.severity:
                rule = dataclasses.replace(rule, enabled=enabled, severity=severity)
            configured.append(rule)
        return configured

    def unmatched_patterns(self, rule_ids: Iterable[str]) -> list[str]:
        """Patterns in enable, disable or severity that name no known rule (likely typos)."""
        ids = list(rule_ids)
        patterns = [
            *self.config.enable,
            *self.config.disable,
            *(p for p, _ in self.config.severity),
            *self.overrides.enable,
            *self.overrides.disable,
        ]
        unmatched: list[str] = []
        for pattern in patterns:
            if pattern not in unmatched and not any(pattern_matches(pattern, i) for i in ids):
                unmatched.append(pattern + did_you_mean(pattern, ids))
        return unmatched

    def shows(self, severity: Severity) -> bool:
        """Whether a finding of this severity is shown (``min-severity``)."""
        return severity >= Severity.parse(self.min_severity)

    def fails(self, severity: Severity) -> bool:
        """Whether a finding of this severity fails the run (``fail-on``)."""
        return self.fail_on != "never" and severity >= Severity.parse(self.fail_on)
