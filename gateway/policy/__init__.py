"""Who may do what: identities (users, API keys, OIDC tokens), the policy set declared in ``policies/``, and guards."""
