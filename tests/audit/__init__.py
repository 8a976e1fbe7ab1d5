"""Tests of the audit trail (a package so its module names cannot collide with other test folders')."""
