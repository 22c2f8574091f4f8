"""deploy/compose.yaml and the Dockerfile, checked as far as can be without a Docker engine.

Compose's own validation (``docker-compose config``: the Compose schema, the environment
filled in) and what the files mean together: the koe service's command line parses as
``main.py serve`` takes it, the key comes from the secret it mounts, the trusted proxy is
Caddy's own address, the workspace is on a volume. tests/sync/test_caddy.py runs the same
command and the Caddyfile; docs/deploy.md's Caddyfile for the path without Docker is the
same file.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any

import pytest

from commands.cli import build_parser
from tests.sync.conftest import ROOT, child_env
from tests.sync.container_recipe import (
    CADDYFILE,
    DOCKERFILE,
    compose_config,
    dependency_step,
    resolved_compose,
    serve_command,
    stages,
    the_one,
)

DOMAIN = "survey.example.com"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return resolved_compose({**child_env(), "KOE_DOMAIN": DOMAIN})


def test_compose_accepts_the_file_and_asks_for_the_domain():
    env = {k: v for k, v in child_env().items() if k != "KOE_DOMAIN"}
    assert compose_config({**env, "KOE_DOMAIN": DOMAIN}).returncode == 0
    missing = compose_config(env)
    assert missing.returncode != 0
    assert "KOE_DOMAIN" in missing.stderr and "deploy/.env" in missing.stderr


def test_the_koe_service_runs_serve_with_options_serve_takes(compose: dict[str, Any]):
    command = serve_command(compose)
    assert command[:2] == ["python", "main.py"]
    args = build_parser().parse_args(command[2:])  # argparse exits on an unknown option
    koe, caddy = compose["services"]["koe"], compose["services"]["caddy"]
    assert args.command == "serve"
    assert (args.host, args.port) == ("0.0.0.0", 8765)
    # Links point at the domain Caddy serves, over HTTPS.
    assert args.public_url == f"https://{DOMAIN}"
    assert caddy["environment"]["KOE_DOMAIN"] == DOMAIN
    # The key: the secret compose mounts for koe (or $KOE_SYNC_KEY without the option).
    (secret,) = koe["secrets"]
    assert args.sync_key_file == Path("/run/secrets") / secret["source"]
    assert Path(compose["secrets"][secret["source"]]["file"]).name == "sync.key"
    # Only Caddy may name a respondent's address, and Koe is reachable through Caddy only.
    proxy = caddy["networks"]["koe"]["ipv4_address"]
    assert args.trusted_proxy == [proxy]
    (network,) = compose["networks"]["koe"]["ipam"]["config"]
    assert ipaddress.ip_address(proxy) in ipaddress.ip_network(network["subnet"])
    assert ipaddress.ip_address(proxy) not in ipaddress.ip_network(network["ip_range"])
    assert "ports" not in koe
    published = {(port["published"], port["target"]) for port in caddy["ports"]}
    assert published == {(80, 80), (443, 443)}
    # The workspace (with serve's backups/ and logs/) and Caddy's certificates on volumes.
    assert f"koe-data:{args.data_dir}:rw" in koe["volumes"]
    assert "caddy-data:/data:rw" in caddy["volumes"]
    assert f"{CADDYFILE}:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert koe["restart"] == caddy["restart"] == "unless-stopped"
    assert Path(koe["build"]["context"]) == ROOT


def test_the_image_runs_serve_as_its_own_user_on_a_volume():
    build, final = stages(DOCKERFILE.read_text(encoding="utf-8"))
    python = ROOT.joinpath(".python-version").read_text().strip()
    for stage in (build, final):
        assert re.fullmatch(rf"python:{re.escape(python)}-slim-\w+( AS \w+)?", stage[0].arguments)
    assert the_one(final, "USER").arguments not in ("root", "0")
    entrypoint = the_one(final, "ENTRYPOINT").exec_form()
    assert the_one(final, "VOLUME").arguments == entrypoint[entrypoint.index("--data-dir") + 1]
    # Ctrl+C's signal: serve finishes what is in flight and closes the workspace.
    assert the_one(final, "STOPSIGNAL").arguments == "SIGINT"
    step = dependency_step(build)
    assert set(step.copied) == {"pyproject.toml", "uv.lock"}
    assert {"--locked", "--no-dev"} <= set(step.uv_sync)


def test_the_docs_caddyfile_without_docker_is_the_compose_one():
    """docs/deploy.md's Caddyfile for the systemd path: deploy/Caddyfile for one domain,
    with Koe on the same machine, so the test of one is the test of both."""
    markdown = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    (documented,) = re.findall(r"```caddy\n(.*?)```", markdown, re.S)
    compose_file = CADDYFILE.read_text(encoding="utf-8")
    body = compose_file[compose_file.index("{$KOE_DOMAIN} {") :]
    expected = body.replace("{$KOE_DOMAIN}", DOMAIN).replace(
        "reverse_proxy koe:8765", "reverse_proxy 127.0.0.1:8765"
    )
    assert documented == expected
