# Checks: an observer/event system with bound methods, lambdas, decorators and unsubscription.
import collections


class EventBus:
    def __init__(self):
        self.handlers = collections.defaultdict(list)

    def subscribe(self, event):
        def register(handler):
            self.handlers[event].append(handler)
            return handler
        return register

    def unsubscribe(self, event, handler):
        self.handlers[event].remove(handler)

    def publish(self, event, **payload):
        return [handler(**payload) for handler in self.handlers[event]]


bus = EventBus()


class Logger:
    def __init__(self):
        self.lines = []

    def log(self, **payload):
        self.lines.append(sorted(payload.items()))
        return "logged"


logger = Logger()
bus.subscribe("save")(logger.log)


@bus.subscribe("save")
def notify(name, size):
    return f"saved {name} ({size} bytes)"


print(bus.publish("save", name="a.txt", size=10))
bus.unsubscribe("save", logger.log)
print(bus.publish("save", name="b.txt", size=20), bus.publish("load"), logger.lines)
