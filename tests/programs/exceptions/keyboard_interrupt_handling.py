# Checks: BaseException subclasses are not caught by `except Exception`.
for exception in (KeyboardInterrupt, SystemExit, GeneratorExit, ValueError):
    try:
        try:
            raise exception
        except Exception:
            print(exception.__name__, "caught by except Exception")
    except BaseException as error:
        print(type(error).__name__, "caught by except BaseException")
