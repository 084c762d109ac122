# Checks: traceback for an exception raised by __exit__ while another exception is propagating.
class Session:
    def __enter__(self):
        return self

    def __exit__(self, *info):
        raise OSError("could not close session")


with Session():
    raise ValueError("work failed")
