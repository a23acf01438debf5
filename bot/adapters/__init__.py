"""Thin adapters: each translates a platform's payload into core calls and renders core data."""
