# Checks: circular imports between two helper modules see partially initialised modules.
import ping_module

print(ping_module.ping(3))
