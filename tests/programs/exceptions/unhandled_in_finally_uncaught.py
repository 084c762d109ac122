# Checks: traceback when finally raises during the handling of another exception (both printed).
def transaction():
    try:
        raise ConnectionError("network down")
    finally:
        raise RuntimeError("rollback failed")


transaction()
