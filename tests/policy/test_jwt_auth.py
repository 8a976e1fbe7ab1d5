"""JWT bearer tokens: real keys generated here, a real JWKS file, tokens minted with PyJWT, no network."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm
from pydantic import ValidationError

from gateway.errors import ConfigurationError, PolicyDenied, Unauthenticated
from gateway.paths import PROJECT_ROOT
from gateway.policy.access import AccessControl
from gateway.policy.jwt_auth import JwtAuthenticator, JwtSettings
from gateway.policy.policy_set import load_policy_set

ISSUER = "https://idp.bank.internal/realms/staff"
AUDIENCE = "compliance-gateway"
ROLE_MAP = {"branch-tellers": "teller", "rm": "relationship_manager", "aml-review": "compliance_officer"}


@dataclass(frozen=True)
class SigningKey:
    kid: str
    alg: str
    private: Any
    public_jwk: dict[str, Any]


@pytest.fixture(scope="module")
def rsa_key() -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return SigningKey("rsa-1", "RS256", private, {**jwk, "kid": "rsa-1", "use": "sig", "alg": "RS256"})


@pytest.fixture(scope="module")
def ec_key() -> SigningKey:
    private = ec.generate_private_key(ec.SECP256R1())
    jwk = ECAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return SigningKey("ec-1", "ES256", private, {**jwk, "kid": "ec-1"})  # no "alg": inferred from the curve


@pytest.fixture(scope="module")
def ed_key() -> SigningKey:
    private = ed25519.Ed25519PrivateKey.generate()
    jwk = OKPAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return SigningKey("ed-1", "EdDSA", private, {**jwk, "kid": "ed-1", "use": "sig"})


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing here may reach out: the JWKS comes from a file, never from the issuer."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def write_jwks(path: Path, *jwks: dict[str, Any]) -> Path:
    path.write_text(json.dumps({"keys": list(jwks)}))
    return path


@pytest.fixture
def jwks_file(tmp_path: Path, rsa_key: SigningKey, ec_key: SigningKey, ed_key: SigningKey) -> Path:
    # Keycloak also publishes an encryption key; it must be skipped, not rejected.
    enc = {**rsa_key.public_jwk, "kid": "enc-1", "use": "enc", "alg": "RSA-OAEP"}
    return write_jwks(tmp_path / "jwks.json", rsa_key.public_jwk, ec_key.public_jwk, ed_key.public_jwk, enc)


def settings_for(jwks_file: Path, **overrides: Any) -> JwtSettings:
    values: dict[str, Any] = {
        "enabled": True,
        "jwks_file": jwks_file,
        "issuer": ISSUER,
        "audience": AUDIENCE,
        "role_map": ROLE_MAP,
    }
    values.update(overrides)
    return JwtSettings(**values)


@pytest.fixture
def authenticator(jwks_file: Path) -> JwtAuthenticator:
    return JwtAuthenticator(settings_for(jwks_file))


Mint = Callable[..., str]


@pytest.fixture
def mint(rsa_key: SigningKey) -> Mint:
    def mint(key: SigningKey = rsa_key, *, headers: dict[str, Any] | None = None, **claims: Any) -> str:
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": "f3a1c2d4",
            "preferred_username": "alice",
            "iat": now,
            "exp": now + 300,
            "roles": ["branch-tellers"],
        }
        payload.update(claims)
        payload = {k: v for k, v in payload.items() if v is not None}
        return jwt.encode(payload, key.private, algorithm=key.alg, headers={"kid": key.kid, **(headers or {})})

    return mint


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unsigned_token(header: dict[str, Any], payload: dict[str, Any], signature: bytes = b"") -> str:
    return f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.{b64url(signature)}"


def refused(authenticator: JwtAuthenticator, token: str) -> Unauthenticated:
    """Authenticate, expect Unauthenticated, and check the message gives nothing of the token away."""
    with pytest.raises(Unauthenticated) as caught:
        authenticator.authenticate(token)
    message = caught.value.message
    assert len(message) < 60
    for part in token.split("."):
        if len(part) >= 8:
            assert part not in message
    return caught.value


# --- accepted tokens ----------------------------------------------------------------------------------------------


def test_valid_rs256_token_yields_jwt_principal_with_mapped_roles(authenticator: JwtAuthenticator, mint: Mint) -> None:
    principal = authenticator.authenticate(mint(roles=["branch-tellers", "rm"]))
    assert principal.name == "jwt:alice"
    assert principal.roles == ("relationship_manager", "teller")
    assert principal.auth_method == "jwt"
    assert principal.user_id is None


@pytest.mark.parametrize("key_name", ["ec_key", "ed_key"])
def test_ec_and_eddsa_tokens_verify_under_their_own_kid(
    authenticator: JwtAuthenticator, mint: Mint, key_name: str, request: pytest.FixtureRequest
) -> None:
    key: SigningKey = request.getfixturevalue(key_name)
    assert authenticator.authenticate(mint(key)).roles == ("teller",)


def test_audience_list_containing_the_gateway_is_accepted(authenticator: JwtAuthenticator, mint: Mint) -> None:
    assert authenticator.authenticate(mint(aud=["account", AUDIENCE])).name == "jwt:alice"


def test_unmapped_idp_roles_are_dropped(authenticator: JwtAuthenticator, mint: Mint) -> None:
    principal = authenticator.authenticate(mint(roles=["offline_access", "teller", "branch-tellers", 7]))
    # "teller" is a policy role name, but the IdP cannot grant it without a role_map entry.
    assert principal.roles == ("teller",)


def test_keycloak_realm_roles_are_read_from_a_nested_claim(jwks_file: Path, mint: Mint) -> None:
    authenticator = JwtAuthenticator(settings_for(jwks_file, roles_claim="realm_access.roles"))
    token = mint(roles=None, realm_access={"roles": ["aml-review", "uma_authorization"]})
    assert authenticator.authenticate(token).roles == ("compliance_officer",)


def test_adfs_single_string_role_claim_with_a_dotted_uri_name(jwks_file: Path, mint: Mint) -> None:
    claim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
    authenticator = JwtAuthenticator(settings_for(jwks_file, roles_claim=claim, username_claim="upn"))
    principal = authenticator.authenticate(
        mint(roles=None, preferred_username=None, upn="bob@bank.example", **{claim: "rm"})
    )
    assert (principal.name, principal.roles) == ("jwt:bob@bank.example", ("relationship_manager",))


def test_expiry_within_leeway_is_accepted(authenticator: JwtAuthenticator, mint: Mint) -> None:
    assert authenticator.authenticate(mint(exp=int(time.time()) - 10)).name == "jwt:alice"


def test_token_without_kid_is_accepted_when_the_jwks_has_one_key(
    tmp_path: Path, rsa_key: SigningKey, mint: Mint
) -> None:
    single = write_jwks(tmp_path / "one.json", rsa_key.public_jwk)
    authenticator = JwtAuthenticator(settings_for(single))
    token = jwt.encode(
        {"iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 60, "preferred_username": "c"},
        rsa_key.private,
        algorithm="RS256",
    )
    assert jwt.get_unverified_header(token).get("kid") is None
    assert authenticator.authenticate(token).name == "jwt:c"


# --- refused tokens -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"iss": "https://idp.bank.internal/realms/other"}, "invalid bearer token"),
        ({"aud": "another-client"}, "invalid bearer token"),
        ({"exp": int(time.time()) - 3600}, "the bearer token has expired"),
        ({"nbf": int(time.time()) + 3600}, "the bearer token is not valid yet"),
        ({"iat": int(time.time()) + 3600}, "the bearer token is not valid yet"),
        ({"exp": None}, "invalid bearer token"),
        ({"iss": None}, "invalid bearer token"),
        ({"aud": None}, "invalid bearer token"),
        ({"preferred_username": None}, "the bearer token does not name a user"),
        ({"preferred_username": ["alice"]}, "the bearer token does not name a user"),
    ],
    ids=[
        "wrong-issuer",
        "wrong-audience",
        "expired",
        "not-yet-valid",
        "issued-in-future",
        "no-exp",
        "no-iss",
        "no-aud",
        "no-username",
        "username-not-a-string",
    ],
)
def test_token_with_bad_claims_is_refused(
    authenticator: JwtAuthenticator, mint: Mint, claims: dict[str, Any], expected: str
) -> None:
    assert refused(authenticator, mint(**claims)).message == expected


def test_unknown_kid_is_refused(authenticator: JwtAuthenticator, mint: Mint) -> None:
    refused(authenticator, mint(headers={"kid": "rotated-away"}))


def test_token_without_kid_is_refused_when_the_jwks_has_several_keys(
    authenticator: JwtAuthenticator, rsa_key: SigningKey
) -> None:
    token = jwt.encode(
        {"iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 60, "preferred_username": "c"},
        rsa_key.private,
        algorithm="RS256",
    )
    refused(authenticator, token)


def test_tampered_payload_is_refused(authenticator: JwtAuthenticator, mint: Mint) -> None:
    header, payload, signature = mint().split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["roles"] = ["aml-review"]
    forged = f"{header}.{b64url(json.dumps(claims).encode())}.{signature}"
    refused(authenticator, forged)


def test_tampered_signature_is_refused(authenticator: JwtAuthenticator, mint: Mint) -> None:
    header, payload, signature = mint().split(".")
    raw = bytearray(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
    raw[0] ^= 0x01
    refused(authenticator, f"{header}.{payload}.{b64url(bytes(raw))}")


def test_token_signed_by_a_key_not_in_the_jwks_is_refused(authenticator: JwtAuthenticator, mint: Mint) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    refused(authenticator, mint(SigningKey("rsa-1", "RS256", stranger, {})))


def test_alg_none_is_refused(authenticator: JwtAuthenticator) -> None:
    claims = {"iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 60, "preferred_username": "mallory"}
    for alg in ("none", "None", "NONE"):
        refused(authenticator, unsigned_token({"alg": alg, "kid": "rsa-1", "typ": "JWT"}, claims))


def test_hs256_token_signed_with_the_public_key_as_secret_is_refused(
    authenticator: JwtAuthenticator, rsa_key: SigningKey
) -> None:
    """The classic key-confusion attack: the public key is public, so HMAC with it must never verify."""
    pem = rsa_key.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "exp": int(time.time()) + 60,
        "preferred_username": "mallory",
        "roles": ["aml-review"],
    }
    for secret in (pem, json.dumps(rsa_key.public_jwk).encode()):
        unsigned = unsigned_token({"alg": "HS256", "kid": "rsa-1", "typ": "JWT"}, claims)
        signing_input = unsigned.rsplit(".", 1)[0].encode()
        token = f"{signing_input.decode()}.{b64url(hmac.new(secret, signing_input, hashlib.sha256).digest())}"
        refused(authenticator, token)


def test_allowed_algorithm_that_does_not_match_the_kids_key_is_refused(
    authenticator: JwtAuthenticator, ec_key: SigningKey
) -> None:
    """An ES256 signature presented under the RSA key's kid: the key decides the algorithm, not the header."""
    now = int(time.time())
    token = jwt.encode(
        {"iss": ISSUER, "aud": AUDIENCE, "exp": now + 60, "preferred_username": "m"},
        ec_key.private,
        algorithm="ES256",
        headers={"kid": "rsa-1"},
    )
    refused(authenticator, token)


def test_algorithm_outside_the_allow_list_is_refused(jwks_file: Path, ec_key: SigningKey, mint: Mint) -> None:
    authenticator = JwtAuthenticator(settings_for(jwks_file, algorithms=("RS256",)))
    refused(authenticator, mint(ec_key))


@pytest.mark.parametrize(
    "token",
    [
        "",
        "abc",
        "a.b.c",
        "a.b",
        "....",
        "eyJhbGciOiJSUzI1NiJ9.e30.",
        "W10.e30.sig",
        "x" * 20_000,
        unsigned_token({"alg": "RS256", "kid": ["rsa-1"]}, {}),
    ],
    ids=[
        "empty",
        "one-part",
        "junk-parts",
        "two-parts",
        "dots",
        "no-signature",
        "header-not-object",
        "huge",
        "kid-not-string",
    ],
)
def test_malformed_token_is_refused_with_a_fixed_message(authenticator: JwtAuthenticator, token: str) -> None:
    assert refused(authenticator, token).message == "invalid bearer token"


# --- roles and authorization ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bank_policy():  # type: ignore[no-untyped-def]
    return load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")


def test_token_without_roles_claim_authenticates_with_no_roles_and_is_then_denied(
    authenticator: JwtAuthenticator, mint: Mint, bank_policy: Any
) -> None:
    access = AccessControl(bank_policy, {"jwt": authenticator}, on_decision=lambda _d: None)
    principal = access.authenticate(f"Bearer {mint(roles=None)}")
    assert principal.roles == ()
    with pytest.raises(PolicyDenied):
        access.authorize(principal, "chat", method="POST", path="/v1/chat/completions", request_id="r1")


def test_access_control_routes_a_jwt_to_the_jwt_authenticator(
    authenticator: JwtAuthenticator, mint: Mint, bank_policy: Any
) -> None:
    def no_api_keys(_key: str) -> Any:
        raise AssertionError("a JWT reached the API-key authenticator")

    access = AccessControl(bank_policy, {"api_key": no_api_keys, "jwt": authenticator}, on_decision=lambda _d: None)
    principal = access.authenticate(f"Bearer {mint(roles=['rm'])}")
    rights = access.authorize(principal, "documents:read", method="GET", path="/v1/documents", request_id="r2")
    assert "documents:read" in rights.permissions


def test_role_map_to_a_role_the_policy_does_not_declare_is_a_configuration_error(
    jwks_file: Path, bank_policy: Any
) -> None:
    settings = settings_for(jwks_file, role_map={"branch-tellers": "teler"})
    with pytest.raises(ConfigurationError, match=r"jwt\.role_map.*teler"):
        JwtAuthenticator(settings, policy_roles=bank_policy.role_names)
    JwtAuthenticator(settings_for(jwks_file), policy_roles=bank_policy.role_names)


# --- the JWKS file ----------------------------------------------------------------------------------------------------


def test_missing_jwks_file_is_a_configuration_error_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "jwks.json"
    with pytest.raises(ConfigurationError, match="jwks_file") as caught:
        JwtAuthenticator(settings_for(missing))
    assert str(missing) in caught.value.message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json {", "not valid JSON"),
        ("[1, 2]", "not a JWKS"),
        ('{"keys": {}}', "not a JWKS"),
        ('{"keys": []}', "no usable signing key"),
        ('{"keys": [{"kty": "RSA", "kid": "x", "n": "AQAB"}]}', "no usable signing key"),
        ('{"keys": [{"kty": "oct", "kid": "h", "k": "c2VjcmV0"}]}', "private or symmetric"),
    ],
    ids=["not-json", "not-object", "keys-not-list", "empty", "broken-key", "symmetric-key"],
)
def test_invalid_jwks_file_is_a_configuration_error_naming_the_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "jwks.json"
    path.write_text(content)
    with pytest.raises(ConfigurationError, match=problem) as caught:
        JwtAuthenticator(settings_for(path))
    assert str(path) in caught.value.message


def test_jwks_with_a_private_key_is_refused(tmp_path: Path, rsa_key: SigningKey) -> None:
    private_jwk = {**RSAAlgorithm.to_jwk(rsa_key.private, as_dict=True), "kid": "rsa-1"}
    with pytest.raises(ConfigurationError, match="private"):
        JwtAuthenticator(settings_for(write_jwks(tmp_path / "jwks.json", private_jwk)))


def test_jwks_with_only_keys_for_disallowed_algorithms_is_refused(tmp_path: Path, ec_key: SigningKey) -> None:
    path = write_jwks(tmp_path / "jwks.json", ec_key.public_jwk)
    with pytest.raises(ConfigurationError, match="no usable signing key"):
        JwtAuthenticator(settings_for(path, algorithms=("RS256",)))


def test_jwks_with_duplicate_kids_is_refused(tmp_path: Path, rsa_key: SigningKey, ec_key: SigningKey) -> None:
    path = write_jwks(tmp_path / "jwks.json", rsa_key.public_jwk, {**ec_key.public_jwk, "kid": "rsa-1"})
    with pytest.raises(ConfigurationError, match="same kid"):
        JwtAuthenticator(settings_for(path))


def test_jwks_with_a_short_rsa_key_is_refused(tmp_path: Path) -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    jwk = {**RSAAlgorithm.to_jwk(weak.public_key(), as_dict=True), "kid": "weak", "alg": "RS256"}
    with pytest.raises(ConfigurationError, match="minimum size"):
        JwtAuthenticator(settings_for(write_jwks(tmp_path / "jwks.json", jwk)))


# --- the settings section -------------------------------------------------------------------------------------------


def test_jwt_settings_default_to_disabled() -> None:
    settings = JwtSettings()
    assert settings.enabled is False
    assert settings.roles_claim == "roles"
    assert settings.algorithms == ("RS256", "ES256", "EdDSA")


@pytest.mark.parametrize("algorithms", [("HS256",), ("RS256", "none"), ("HS512",), ()])
def test_jwt_settings_refuse_symmetric_none_or_empty_algorithms(algorithms: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError, match="algorithms"):
        JwtSettings(algorithms=algorithms)


def test_enabled_jwt_settings_require_jwks_file_issuer_and_audience() -> None:
    with pytest.raises(ValidationError, match=r"jwt\.jwks_file, jwt\.audience required"):
        JwtSettings(enabled=True, issuer=ISSUER)


def test_jwt_settings_refuse_unknown_keys_and_are_frozen() -> None:
    with pytest.raises(ValidationError, match="extra"):
        JwtSettings(jwks_url="https://idp/certs")  # type: ignore[call-arg]
    settings = JwtSettings()
    with pytest.raises(ValidationError):
        settings.enabled = True  # type: ignore[misc]


def test_authenticator_refuses_settings_without_trust_anchors() -> None:
    with pytest.raises(ConfigurationError):
        JwtAuthenticator(JwtSettings())
