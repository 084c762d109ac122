"""The engine: what runs pvm bytecode (the loop, frames, functions, generators, and the
instructions, each defined once in ``pvm.engine.instructions``)."""
