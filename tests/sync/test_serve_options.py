"""``main.py serve``'s options for a public host, refused in plain words when they cannot work."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.sync.conftest import ROOT, child_env, koe_command


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        koe_command("serve", "--port", "1", *args),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
    )


def test_a_short_sync_key_is_refused(tmp_path: Path):
    key = tmp_path / "sync.key"
    key.write_text("short\n", encoding="utf-8")

    refused = serve("--data-dir", str(tmp_path / "host"), "--sync-key-file", str(key))

    assert refused.returncode == 1
    assert "at least 16 characters" in refused.stderr
    assert "short" not in refused.stderr  # the key itself is never echoed


def test_a_missing_key_file_is_named(tmp_path: Path):
    refused = serve(
        "--data-dir", str(tmp_path / "host"), "--sync-key-file", str(tmp_path / "nope.key")
    )
    assert refused.returncode == 1
    assert "Cannot read the sync key file" in refused.stderr


def test_tls_needs_both_files(tmp_path: Path):
    cert = tmp_path / "cert.pem"
    cert.write_text("x", encoding="utf-8")
    refused = serve("--data-dir", str(tmp_path / "host"), "--tls-cert", str(cert))
    assert refused.returncode == 1
    assert "both --tls-cert and --tls-key" in refused.stderr


def test_a_trusted_proxy_must_be_an_address(tmp_path: Path):
    refused = serve("--data-dir", str(tmp_path / "host"), "--trusted-proxy", "proxy.local")
    assert refused.returncode == 1
    assert "not an address or network" in refused.stderr


def test_sync_without_a_host_says_what_to_give(tmp_path: Path):
    result = subprocess.run(
        koe_command("sync", "--data-dir", str(tmp_path / "desktop")),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
    )
    assert result.returncode == 1
    assert "give --host" in result.stderr
