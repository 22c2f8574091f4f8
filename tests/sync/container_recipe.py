"""The container recipe's files, read the way Docker and Compose read them.

There is no Docker engine here, so the tests take the recipe apart and run its pieces:
the Dockerfile's instructions, the build context that ``.dockerignore`` leaves, and
``deploy/compose.yaml`` as ``docker-compose config`` resolves it (Debian's
docker-compose 1.29 checks the file against the Compose schema and fills in the
environment without an engine; its YAML is read with Debian's python3-yaml, which
docker-compose itself depends on, so the project needs no YAML library of its own).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.sync.conftest import ROOT

DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE = ROOT / "deploy" / "compose.yaml"
CADDYFILE = ROOT / "deploy" / "Caddyfile"
DOCKER_COMPOSE = shutil.which("docker-compose") or "/usr/bin/docker-compose"
# The system's Python, where Debian's docker-compose and python3-yaml live.
SYSTEM_PYTHON = "/usr/bin/python3"
YAML_TO_JSON = "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str

    def exec_form(self) -> list[str]:
        """The JSON array of CMD, ENTRYPOINT or HEALTHCHECK's CMD (the form without a shell)."""
        text = self.arguments
        if self.keyword == "HEALTHCHECK":
            text = text[text.index("CMD ") + len("CMD ") :]
        words = json.loads(text)
        assert isinstance(words, list) and all(isinstance(word, str) for word in words)
        return words


def instructions(text: str) -> list[Instruction]:
    """A Dockerfile's instructions, continuation lines joined and comments left out."""
    found: list[Instruction] = []
    pending = ""
    for line in text.splitlines():
        if line.lstrip().startswith("#") or not line.strip():
            continue  # Docker skips comment lines inside a continued instruction too
        pending += line.rstrip()
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        keyword, _, arguments = pending.strip().partition(" ")
        found.append(Instruction(keyword.upper(), " ".join(arguments.split())))
        pending = ""
    assert not pending, "the Dockerfile ends inside an instruction"
    return found


def stages(text: str) -> list[list[Instruction]]:
    """The build's stages, each from its FROM on."""
    result: list[list[Instruction]] = []
    for instruction in instructions(text):
        if instruction.keyword == "FROM":
            result.append([])
        assert result, "the Dockerfile does not begin with FROM"
        result[-1].append(instruction)
    return result


def the_one(stage: list[Instruction], keyword: str) -> Instruction:
    (found,) = [instruction for instruction in stage if instruction.keyword == keyword]
    return found


@dataclass(frozen=True)
class DependencyStep:
    """The ``uv sync`` of the build stage and the files copied in before it."""

    copied: list[str]
    uv_sync: list[str]


def dependency_step(stage: list[Instruction]) -> DependencyStep:
    copied: list[str] = []
    for instruction in stage:
        if instruction.keyword == "COPY":
            *sources, _target = shlex.split(instruction.arguments)
            copied.extend(sources)
        if instruction.keyword == "RUN" and instruction.arguments.startswith("uv sync"):
            return DependencyStep(copied, shlex.split(instruction.arguments))
    raise AssertionError("the build stage runs no `uv sync`")


# --- .dockerignore ----------------------------------------------------------------------


def _pattern(text: str) -> re.Pattern[str]:
    """A .dockerignore pattern (Go's filepath.Match, plus ``**``) as a regular expression."""
    text = text.strip("/")
    out = ""
    index = 0
    while index < len(text):
        if text.startswith("**/", index):
            out, index = out + "(?:.*/)?", index + 3
        elif text.startswith("**", index):
            out, index = out + ".*", index + 2
        elif text[index] == "*":
            out, index = out + "[^/]*", index + 1
        elif text[index] == "?":
            out, index = out + "[^/]", index + 1
        else:
            out, index = out + re.escape(text[index]), index + 1
    return re.compile(out)


def ignore_rules(text: str) -> list[tuple[bool, re.Pattern[str]]]:
    """(is an exception ``!…``, pattern) for each line of a .dockerignore."""
    rules = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rules.append((line.startswith("!"), _pattern(line.removeprefix("!"))))
    return rules


def is_ignored(path: str, rules: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """As Docker decides: the last rule that matches the path or a folder above it wins."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: count + 1]) for count in range(len(parts))]
    ignored = False
    for exception, pattern in rules:
        if any(pattern.fullmatch(prefix) for prefix in prefixes):
            ignored = not exception
    return ignored


def build_context(target: Path) -> list[str]:
    """Copy into ``target`` what ``docker build`` in a clone of the repository would send
    (its files less those .dockerignore excludes); returns their paths."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    rules = ignore_rules(DOCKERIGNORE.read_text(encoding="utf-8"))
    kept = [path for path in listed if path and not is_ignored(path, rules)]
    for path in kept:
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, target / path)
    return kept


# --- deploy/compose.yaml ------------------------------------------------------------------


def compose_config(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``docker-compose config`` on deploy/compose.yaml with ``env``: validates and fills in."""
    return subprocess.run(
        [DOCKER_COMPOSE, "--project-directory", str(COMPOSE.parent), "-f", str(COMPOSE), "config"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def resolved_compose(env: dict[str, str]) -> dict[str, Any]:
    """deploy/compose.yaml as Compose resolves it, with ``env`` (KOE_DOMAIN…)."""
    config = compose_config(env)
    assert config.returncode == 0, config.stderr
    as_json = subprocess.run(
        [SYSTEM_PYTHON, "-c", YAML_TO_JSON],
        input=config.stdout,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(as_json.stdout)


def serve_command(compose: dict[str, Any]) -> list[str]:
    """The koe service's command line: the image's entrypoint, then compose's ``command``."""
    final = stages(DOCKERFILE.read_text(encoding="utf-8"))[-1]
    return [*the_one(final, "ENTRYPOINT").exec_form(), *compose["services"]["koe"]["command"]]


def with_values(command: list[str], values: dict[str, str]) -> list[str]:
    """``command`` with the value after each option named in ``values`` replaced."""
    result = list(command)
    for option, value in values.items():
        assert result.count(option) == 1, f"{option} is not in {command} exactly once"
        result[result.index(option) + 1] = value
    return result
