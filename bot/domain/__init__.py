"""The pure core: the conversation, crisis screening, insights and schedule maths.

Standard library and the project's own catalogs only: no PTB, no SQLAlchemy, no asyncio, no
clock reads. Time, ids and the client's settings come in as arguments."""
