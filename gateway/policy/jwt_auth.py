"""OIDC/JWT bearer tokens from the institution's identity provider (Keycloak, ADFS, any OIDC issuer).

The gateway is air-gapped, so it never fetches the issuer's keys: an administrator exports the JWKS once
(``https://<issuer>/.well-known/openid-configuration`` → ``jwks_uri``) and points ``jwt.jwks_file`` at the copy; it is
read at start-up and a missing or unusable file stops the process. A token is accepted only when its signature
verifies under the key its ``kid`` names, with an allowed asymmetric algorithm that matches that key, and its issuer,
audience, expiry and not-before all check out. The IdP's role or group names are translated to policy roles through
``role_map``; names the map does not list are dropped, so the IdP cannot grant a policy role nobody mapped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jwt
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gateway.errors import ConfigurationError, Unauthenticated
from gateway.policy.principal import Principal

log = logging.getLogger("gateway.access")

ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
"""The only algorithms a deployment may allow: signatures by the IdP's private key, checked with its public key.
``none`` and the HMAC family (``HS*``) are refused, so a public key can never be abused as a shared secret."""

MAX_TOKEN_CHARS = 16_384
"""Longer bearer credentials are refused before any parsing."""

JWT_PREFIX = "jwt:"
"""Users of the identity provider are named ``jwt:<name>`` in the gateway (logs, audit trail, legal holds), apart
from the gateway's own API-key users, who may not take a name with this prefix: the two never share a name."""
_NAME_MAX = 128 - len(JWT_PREFIX)
"""So that the prefixed name fits the audit trail's 128-character user column (refused at login, never later)."""

# Fixed wording: a message never quotes the token or any claim from it.
_INVALID = "invalid bearer token"
_EXPIRED = "the bearer token has expired"
_NOT_YET_VALID = "the bearer token is not valid yet"
_NO_NAME = "the bearer token does not name a user"
_NAME_TOO_LONG = f"the bearer token's user name is longer than {_NAME_MAX} characters"


class JwtSettings(BaseModel):
    """Settings section ``jwt``: accept bearer tokens issued by the institution's identity provider."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = False
    """Accept JWT bearer tokens in addition to the gateway's own API keys."""
    jwks_file: Path | None = None
    """The issuer's JWKS (``{"keys": [...]}``), exported from its ``jwks_uri``; read locally at start-up, never
    fetched. Replace the file and restart after the IdP rotates its keys."""
    issuer: str | None = None
    """Expected ``iss``, exactly as the IdP writes it (Keycloak: ``https://host/realms/<realm>``)."""
    audience: str | None = None
    """Expected ``aud``: the client id the IdP issues the gateway's tokens for (Keycloak: add an audience mapper)."""
    roles_claim: str = Field(default="roles", min_length=1)
    """Claim holding the IdP's role or group names: a list or a single string. A dotted path reaches into nested
    objects (Keycloak realm roles: ``realm_access.roles``); a claim whose own name contains dots (ADFS URIs) is
    matched whole first."""
    role_map: dict[str, str] = {}
    """IdP role or group name → policy role name. Names not listed here are dropped (no role, nothing granted)."""
    username_claim: str = Field(default="preferred_username", min_length=1)
    """Claim that names the user in logs and the audit trail (ADFS: ``upn``); dotted paths as for ``roles_claim``."""
    algorithms: tuple[str, ...] = ("RS256", "ES256", "EdDSA")
    """Signature algorithms accepted; only asymmetric ones may be listed."""
    leeway_s: int = Field(default=30, ge=0, le=300)
    """Clock skew tolerated on ``exp``, ``nbf`` and ``iat``, in seconds."""

    @field_validator("algorithms")
    @classmethod
    def _asymmetric_only(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("at least one algorithm is required")
        if not set(value) <= ASYMMETRIC_ALGORITHMS:
            raise ValueError(f"only asymmetric algorithms are allowed: {', '.join(sorted(ASYMMETRIC_ALGORITHMS))}")
        return value

    @model_validator(mode="after")
    def _enabled_needs_trust_anchors(self) -> JwtSettings:
        if self.enabled:
            missing = [f"jwt.{name}" for name in ("jwks_file", "issuer", "audience") if not getattr(self, name)]
            if missing:
                raise ValueError(f"{', '.join(missing)} required when jwt.enabled is true")
        return self


class JwtAuthenticator:
    """Turns a bearer JWT into a principal, or raises Unauthenticated; an ``Authenticator`` for AccessControl."""

    def __init__(self, settings: JwtSettings, *, policy_roles: Iterable[str] | None = None) -> None:
        """Read the JWKS now. ``policy_roles``, when given, are the roles the enforced policy declares: a
        ``role_map`` entry pointing anywhere else is a configuration error rather than a silently dead mapping."""
        if settings.jwks_file is None or not settings.issuer or not settings.audience:
            raise ConfigurationError("jwt: jwks_file, issuer and audience must all be set to verify tokens")
        if policy_roles is not None:
            declared = set(policy_roles)
            dangling = sorted({role for role in settings.role_map.values() if role not in declared})
            if dangling:
                raise ConfigurationError(f"jwt.role_map: maps to roles the policy set does not declare: {dangling}")
        self._settings = settings
        self._issuer = settings.issuer
        self._audience = settings.audience
        self._algorithms = list(settings.algorithms)
        self._keys = _load_jwks(settings.jwks_file, settings.algorithms)

    def __call__(self, token: str) -> Principal:
        return self.authenticate(token)

    def authenticate(self, token: str) -> Principal:
        claims = self._verified_claims(token)
        name = _claim(claims, self._settings.username_claim)
        if not isinstance(name, str) or not name.strip():
            raise Unauthenticated(_NO_NAME)
        if len(name.strip()) > _NAME_MAX:
            raise Unauthenticated(_NAME_TOO_LONG)
        return Principal(name=JWT_PREFIX + name.strip(), roles=self._roles(claims), auth_method="jwt")

    def _verified_claims(self, token: str) -> dict[str, Any]:
        if len(token) > MAX_TOKEN_CHARS:
            raise Unauthenticated(_INVALID)
        try:
            header = jwt.get_unverified_header(token)
            key = self._key_for(header)
            return jwt.decode(
                token,
                key=key,
                algorithms=self._algorithms,
                issuer=self._issuer,
                audience=self._audience,
                leeway=self._settings.leeway_s,
                options={"require": ["exp", "iss", "aud"], "enforce_minimum_key_length": True},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated(_EXPIRED) from None
        except jwt.ImmatureSignatureError:
            raise Unauthenticated(_NOT_YET_VALID) from None
        except jwt.PyJWTError as exc:
            # The exception's class says why (bad signature, wrong audience...) without quoting the token.
            log.info("bearer token refused: %s", type(exc).__name__)
            raise Unauthenticated(_INVALID) from None

    def _key_for(self, header: Mapping[str, Any]) -> jwt.PyJWK:
        if header.get("alg") not in self._algorithms:
            raise jwt.InvalidAlgorithmError("algorithm not allowed")
        kid = header.get("kid")
        if kid is None and len(self._keys) == 1:
            # An IdP with a single key may omit kid; with several, guessing would be trial verification.
            return next(iter(self._keys.values()))
        key = self._keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise jwt.InvalidKeyError("no key for this kid")
        return key

    def _roles(self, claims: Mapping[str, Any]) -> tuple[str, ...]:
        value = _claim(claims, self._settings.roles_claim)
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        role_map = self._settings.role_map
        return tuple(sorted({role_map[n] for n in names if isinstance(n, str) and n in role_map}))


def _claim(claims: Mapping[str, Any], path: str) -> Any:
    """A claim by name, else by dotted path into nested objects; None when absent."""
    if path in claims:
        return claims[path]
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _load_jwks(path: Path, algorithms: Iterable[str]) -> dict[str | None, jwt.PyJWK]:
    """The verification keys of a JWKS file by kid; only public signing keys for allowed algorithms are kept."""
    try:
        document = json.loads(path.read_bytes())
    except OSError as exc:
        raise ConfigurationError(f"jwt.jwks_file: cannot read {path} ({exc.strerror})") from None
    except ValueError:
        raise ConfigurationError(f"jwt.jwks_file: {path} is not valid JSON") from None
    entries = document.get("keys") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ConfigurationError(f"jwt.jwks_file: {path} is not a JWKS (expected an object with a 'keys' list)")
    signing: list[dict[str, Any]] = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("use", "sig") != "sig":
            continue  # Keycloak also publishes its encryption key; it never signs tokens.
        if "d" in entry or entry.get("kty") == "oct":
            raise ConfigurationError(
                f"jwt.jwks_file: {path} holds private or symmetric key material; export the public keys only"
            )
        signing.append(entry)
    allowed = set(algorithms)
    try:
        keys = [key for key in jwt.PyJWKSet(signing) if key.algorithm_name in allowed]
    except jwt.PyJWTError:
        keys = []
    if not keys:
        raise ConfigurationError(
            f"jwt.jwks_file: {path} has no usable signing key for the allowed algorithms ({', '.join(sorted(allowed))})"
        )
    by_kid: dict[str | None, jwt.PyJWK] = {}
    for key in keys:
        if key.key_id in by_kid:
            raise ConfigurationError(f"jwt.jwks_file: {path} has two keys with the same kid")
        if key.Algorithm.check_key_length(key.key):
            raise ConfigurationError(f"jwt.jwks_file: {path} has a key below the minimum size for its algorithm")
        by_kid[key.key_id] = key
    if None in by_kid and len(by_kid) > 1:
        raise ConfigurationError(f"jwt.jwks_file: {path} has several keys, and one without a kid")
    return by_kid
