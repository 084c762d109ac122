# Checks: functions are descriptors: __get__ creates bound methods; functions stored on instances are not bound.
def standalone(self=None):
    return f"self is {type(self).__name__}"


class Host:
    method = standalone


host = Host()
host.instance_function = standalone
print(host.method(), host.instance_function(), Host.method())
bound = standalone.__get__(host, Host)
print(bound(), bound.__self__ is host)
print(Host.__dict__["method"] is standalone)
