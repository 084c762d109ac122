# Checks: a coroutine that dies unstarted warns "was never awaited" (with cr_origin when sys.set_coroutine_origin_tracking_depth asks), through warnings._warn_unawaited_coroutine or the plain fallback; errors go to sys.unraisablehook.
import sys
import warnings


async def job():
    return 1


def make():
    return job()


def make_twice():
    return make()


def show(caught):
    for warning in caught:
        print(warning.category.__name__, "|", str(warning.message).replace(__file__, "FILE"))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    job()
    make_twice().close()        # closed before it dies: no warning
show(caught)

for depth in (1, 2, 3):
    sys.set_coroutine_origin_tracking_depth(depth)
    print(sys.get_coroutine_origin_tracking_depth())
    coro = make_twice()
    print([(name, line) for _, line, name in coro.cr_origin])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del coro
    show(caught)
sys.set_coroutine_origin_tracking_depth(0)
coro = job()
print(coro.cr_origin)
coro.close()
for bad in (-1, "2"):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)

reports = []


def hook(arguments):
    reports.append((arguments.exc_type.__name__, str(arguments.exc_value).split("\n")[0],
                    type(arguments.object).__name__, arguments.exc_traceback is not None))


sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.simplefilter("error")
    job()
print(reports)

reports.clear()
original = warnings._warn_unawaited_coroutine
warnings._warn_unawaited_coroutine = lambda coro: 1 / 0
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    job()
show(caught)
print(reports)
del warnings._warn_unawaited_coroutine
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    job()
show(caught)
warnings._warn_unawaited_coroutine = original
sys.unraisablehook = sys.__unraisablehook__
