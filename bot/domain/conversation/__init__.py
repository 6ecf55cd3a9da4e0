"""Everything that moves the conversation; `machine.step()` is its door, see its docstring.

Pure like the rest of the domain: states, events and effects (`model`), the steps of every
flow as data (`steps`), and the handlers the tables point to."""
