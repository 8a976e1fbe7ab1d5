"""Everything the app factory needs to serve the console: its routes, its template engine, its dependencies."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.di import Provide
from litestar.template import TemplateConfig

from gateway.console.admin_pages import ADMIN_PAGES
from gateway.console.audit_pages import AUDIT_PAGES
from gateway.console.auth_pages import AUTH_ROUTES
from gateway.console.kb_pages import KB_PAGES
from gateway.console.web import provide_form

CONSOLE_ROUTES = [*AUTH_ROUTES, *AUDIT_PAGES, *KB_PAGES, *ADMIN_PAGES]

CONSOLE_DEPENDENCIES = {"form": Provide(provide_form)}
"""``form: ConsoleForm``: the submitted form, refused unless it carries this session's CSRF token."""


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """Jinja over the package's templates, every value escaped (autoescape on for every template), and an
    undefined name an error rather than an empty string."""
    environment = Environment(loader=PackageLoader("gateway.console", "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True),
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return TemplateConfig(instance=JinjaTemplateEngine(engine_instance=environment))
