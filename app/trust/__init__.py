"""Staff identities and signatures: a centre's own certificate authority, the certificates it
issues to assessors and IQAs, the keys they sign with, and the trust list a reader checks
against. Standard X.509 and PKCS#8 throughout (``cryptography``); nothing here imports Qt."""
