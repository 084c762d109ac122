# Checks: exception notes (add_note) appear under the message in the printed traceback.
def validate(age):
    if age < 0:
        error = ValueError("age must be positive")
        error.add_note(f"received {age}")
        error.add_note("check the input form")
        raise error


validate(-5)
