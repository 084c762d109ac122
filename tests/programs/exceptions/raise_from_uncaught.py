# Checks: the traceback printed for an uncaught exception with an explicit cause.
class ConfigError(Exception):
    pass


def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as error:
        raise ConfigError("port is not configured") from error


read_port({})
