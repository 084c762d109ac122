# Checks: recursive dictionary merge and validation of a JSON configuration.
import json

DEFAULTS = json.loads('{"server": {"host": "0.0.0.0", "port": 80, "tls": {"enabled": false}}, "workers": 2}')
OVERRIDES = json.loads('{"server": {"port": 8443, "tls": {"enabled": true, "cert": "a.pem"}}, "debug": true}')


def merge(base, override):
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def flatten(config, prefix=""):
    for key, value in config.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from flatten(value, path)
        else:
            yield path, value


merged = merge(DEFAULTS, OVERRIDES)
print(json.dumps(merged, sort_keys=True))
for path, value in sorted(flatten(merged)):
    print(f"{path} = {value!r}")
