"""policy-site: turn Chinese government policy documents into a bilingual reading site.

The pipeline, one module per stage, imports flowing one way:

    decode → reader → check → align → principles/keywords → context → render → write

`build.py` runs it; `cli.py` is the command line (`python -m generator check|build|serve`).
"""
