# Checks: traceback for an exception raised inside an f-string replacement field.
user = {"name": "ada"}
print(f"name={user['name']}")
print(f"email={user['email']}")
