"""Erasure: purge a document, a collection or a data subject so nothing of it can be found, read or recovered.

Built in the app factory from the knowledge base's parts (store, key ring, registry, locks, subject index) as a
``PurgeService``; every purge is a resumable job (``gateway.purge.jobs``) that ends with a signed receipt
(``gateway.purge.receipts``). Data subjects are found through the knowledge base's subject index and either their
documents are purged or their passages rewritten masked (``gateway.purge.subjects``).
"""
