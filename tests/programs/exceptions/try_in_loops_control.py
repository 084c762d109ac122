# Checks: return/break/continue crossing several try/finally levels run every finally once.
def nested(action):
    log = []
    for i in range(2):
        try:
            try:
                if action == "break":
                    break
                if action == "continue":
                    continue
                if action == "return":
                    return log
            finally:
                log.append(f"inner {i}")
        finally:
            log.append(f"outer {i}")
    return log


print(nested("break"), nested("continue"), nested("return"), nested("none"))
