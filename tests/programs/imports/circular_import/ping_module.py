import pong_module

print("ping_module sees pong_module.READY =", getattr(pong_module, "READY", "not yet"))


def ping(n):
    return ["ping"] + pong_module.pong(n - 1) if n else []


READY = True
