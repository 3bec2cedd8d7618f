"""Formatters: pure functions from Records to text (citations, exports, record views).

A formatter takes model objects and options and returns strings or a neutral rich-text tree. It must not
read files, environment variables, global configuration or the network, and must not import typer.
"""
