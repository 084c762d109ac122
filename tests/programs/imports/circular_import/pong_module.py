import ping_module

print("pong_module sees ping_module.READY =", getattr(ping_module, "READY", "not yet"))


def pong(n):
    return ["pong"] + ping_module.ping(n - 1) if n else []


READY = True
