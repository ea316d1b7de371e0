"""Benchmarks for the maintainer, not tests and not shipped: run them from the project root
as ``python -m tools.bench_check`` (``bench_site``, ``bench_adoptie``, ``bench_history``,
``bench_import``). ``synthetic`` writes the content they measure, ``timing`` times it."""
