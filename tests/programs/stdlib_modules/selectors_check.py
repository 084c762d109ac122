# Checks: selectors: DefaultSelector on a socketpair: register, select readiness, modify, unregister, get_map.
import selectors
import socket

selector = selectors.DefaultSelector()
left, right = socket.socketpair()
left.setblocking(False)
right.setblocking(False)
key = selector.register(left, selectors.EVENT_READ, data="left-data")
print(key.events == selectors.EVENT_READ, key.data, key.fd == left.fileno())
print(selector.select(timeout=0))
right.send(b"ping")
events = selector.select(timeout=1)
for ready_key, mask in events:
    print(ready_key.data, mask & selectors.EVENT_READ == selectors.EVENT_READ, ready_key.fileobj.recv(10))
selector.modify(left, selectors.EVENT_WRITE, data="writable")
ready = selector.select(timeout=1)
print([(item.data, mask) for item, mask in ready])
print(len(selector.get_map()), selector.get_key(left).data)
selector.unregister(left)
try:
    selector.get_key(left)
except KeyError as error:
    print("KeyError:", type(error).__name__)
try:
    selector.register(right, 0)
except ValueError as error:
    print("ValueError:", error)
selector.close()
left.close()
right.close()
manual = selectors.SelectSelector()
print(type(manual).__mro__[1].__name__, manual.get_map() is not None)
manual.close()
