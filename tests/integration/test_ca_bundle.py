"""A university's private certificate authority: a WebDAV store over https whose certificate only that CA
vouches for is refused by default and reached with ``--ca-bundle`` (a real wsgidav server on 127.0.0.1)."""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.paths import DataDir
from fieldwork_app.sync.engine import RetryPolicy, upload_bundle
from fieldwork_app.sync.transports import open_transport
from tests.integration.test_cli import run
from tests.support.servers import StoreServer, SyncKit, _need, _serving_webdav, _start, _wait_port, free_port

pytestmark = pytest.mark.servers


def _private_ca(d: Path) -> tuple[Path, Path, Path]:
    """A CA certificate and a server certificate for 127.0.0.1 signed by it: (ca.pem, cert.pem, key.pem)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example University Research CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    (d / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (d / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (d / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))  # fmt: skip
    return d / "ca.pem", d / "cert.pem", d / "key.pem"


@contextlib.contextmanager
def _https_webdav(d: Path) -> Iterator[tuple[StoreServer, Path]]:
    exe = _need(str(Path(sys.executable).parent / "wsgidav"), "WebDAV store")
    ca, cert, key = _private_ca(d)
    (d / "data").mkdir()
    port, password = free_port(), uuid.uuid4().hex
    (d / "wsgidav.yaml").write_text(
        f"host: 127.0.0.1\nport: {port}\nserver: cheroot\nverbose: 0\n"
        f'ssl_certificate: "{cert}"\nssl_private_key: "{key}"\n'
        f'provider_mapping: {{"/": "{d / "data"}"}}\n'
        "http_authenticator: {domain_controller: null, accept_basic: true, accept_digest: false, "
        "default_to_digest: false}\n"
        f'simple_dc: {{user_mapping: {{"*": {{fieldwork: {{password: "{password}"}}}}}}}}\n'
    )
    log = d / "wsgidav.log"
    proc = _start([exe, "--config", str(d / "wsgidav.yaml")], log)
    _wait_port(port, proc, log, 15)
    for server in _serving_webdav(proc, port, password, d / "data"):
        yield StoreServer("webdav", f"https://127.0.0.1:{port}/store", server.options, server.secrets), ca


def test_a_private_ca_is_trusted_only_when_given(
    cli_env: DataDir, sync_kit: SyncKit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "dav").mkdir()
    with _https_webdav(tmp_path / "dav") as (server, ca):
        staged = sync_kit.stage(sync_kit.spec("b-ca", {"M-001/S-0001/a.json": b'{"a": 1}'}))
        with pytest.raises(FieldworkError) as e:  # the system's CAs do not know this one
            upload_bundle(staged, server.open(), retry=RetryPolicy(1, 0.01))
        assert e.value.kind is ErrorKind.STORE_HOST_KEY and "certificate" in e.value.message
        with_ca = open_transport(server.url, options={**server.options, "ca_bundle": str(ca)},
                                 secrets=server.secrets)  # fmt: skip
        try:
            upload_bundle(staged, with_ca)
        finally:
            with_ca.close()

        monkeypatch.setenv("FW_DAV", server.secrets["password"])
        study_key = str(sync_kit.key_dir / "study.key")
        run("study", "devices", "add", sync_kit.device.fingerprint(), "--name", "laptop A", "--key", study_key)
        common = ["store", "verify", server.url, "--key", study_key, "--username", "fieldwork",
                  "--secret-env", "FW_DAV"]  # fmt: skip
        refused = run(*common, ok=False)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "https certificate that no trusted authority signed" in refused.stderr
        assert json.loads(run(*common, "--ca-bundle", str(ca), "--json").stdout)["ok"] is True

        not_pem = tmp_path / "not-a-ca.txt"
        not_pem.write_text("hello\n")
        bad = run("store", "add", "dav", server.url, "--username", "fieldwork", "--secret-env", "FW_DAV",
                  "--ca-bundle", str(not_pem), ok=False)  # fmt: skip
        assert bad.returncode == 1 and "no PEM certificate" in bad.stderr
        run("store", "add", "dav", server.url, "--username", "fieldwork", "--secret-env", "FW_DAV",
            "--ca-bundle", str(ca))  # fmt: skip
        (store,) = json.loads(run("store", "list", "--json").stdout)
        assert store["options"]["ca_bundle"] == str(ca.resolve())
