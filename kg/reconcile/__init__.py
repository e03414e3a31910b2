"""A W3C Reconciliation Service API (v0.2) over the graph, as OpenRefine 3.x speaks it.

Stages, each a module: :mod:`~kg.reconcile.terms` (the types and properties, one table
each), :mod:`~kg.reconcile.index` (entities, names and facts read from the store once),
:mod:`~kg.reconcile.queries` (requests read and checked), :mod:`~kg.reconcile.matching`
(candidates scored and explained), :mod:`~kg.reconcile.suggest`,
:mod:`~kg.reconcile.preview`, :mod:`~kg.reconcile.extend`, :mod:`~kg.reconcile.manifest`,
and :mod:`~kg.reconcile.service` (the HTTP side, mounted by :mod:`kg.server` at
``/reconcile``).
"""
