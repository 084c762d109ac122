"""The stage explorer: a web page that shows how pvm runs a program, stage by stage.

``python3 -m pvm.explore [FILE]`` (``pvm-explore``) serves it on 127.0.0.1
(``__main__.py``): the source, its tokens (``pvm.tokenize``), syntax tree
(``pvm.parse``), symbol tables (``pvm.symtable``), bytecode and basic blocks
(``pvm.compile``, ``pvm.dis``), cache file (``pvm.cache``) (``stages.py``), and
its run, recorded instruction by instruction (``record.py``) and stepped through
forwards and backwards (``server.py``, ``static/``).
"""
