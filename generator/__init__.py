"""Research-site generator: plain-text news articles in, a cross-linked MkDocs site out."""
