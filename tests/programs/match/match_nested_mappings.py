# Checks: nested mapping and sequence patterns over JSON-like data.
import json

events = json.loads("""[
  {"kind": "user", "data": {"name": "ada", "roles": ["admin", "dev"]}},
  {"kind": "user", "data": {"name": "bob", "roles": []}},
  {"kind": "order", "data": {"id": 7, "items": [{"sku": "x", "qty": 2}]}},
  {"kind": "order", "data": {"id": 8, "items": []}},
  {"kind": "ping"}
]""")
for event in events:
    match event:
        case {"kind": "user", "data": {"name": name, "roles": ["admin", *others]}}:
            print(f"admin {name} also {others}")
        case {"kind": "user", "data": {"name": name, "roles": []}}:
            print(f"user {name} without roles")
        case {"kind": "order", "data": {"id": order_id, "items": [{"sku": sku, "qty": int(qty)}, *_]}}:
            print(f"order {order_id}: {qty} x {sku}")
        case {"kind": "order", "data": {"id": order_id}}:
            print(f"empty order {order_id}")
        case {"kind": other}:
            print(f"unhandled {other}")
