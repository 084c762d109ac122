# Checks: traceback for an exception raised while matching (a guard that fails).
def route(request):
    match request:
        case {"path": path} if path.startswith("/api"):
            return "api"
        case _:
            return "other"


print(route({"path": "/api/users"}))
print(route({"path": 404}))
