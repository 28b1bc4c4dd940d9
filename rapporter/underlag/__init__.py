"""The stored data behind a report (the snapshot): built once, reconciled, rendered, frozen on adoption.

As pretix builds an invoice's data apart from rendering its PDF: `bygg` reads every app once into plain data,
`avstamning` checks the whole report on that data, `skillnader` compares a frozen snapshot with a fresh build, and the
PDF task renders only what the snapshot holds.
"""
