"""The web console at ``/console``: server-rendered pages for compliance officers and administrators.

An edge like ``gateway/api/``: pages call the same services, declare the same permissions and write the same audit
events as the API routes they mirror. Everything it serves (templates, one stylesheet, one small script) comes from
this package; nothing is fetched at run time.
"""
