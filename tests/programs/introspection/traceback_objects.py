# Checks: walking a caught exception's __traceback__ chain: tb_lineno, tb_frame.f_code.co_name, tb_next.
def a():
    b()


def b():
    raise ValueError("deep")


try:
    a()
except ValueError as error:
    traceback = error.__traceback__
    while traceback is not None:
        print(traceback.tb_frame.f_code.co_name, traceback.tb_lineno)
        traceback = traceback.tb_next
