# Checks: the traceback when __init__ raises during instance creation.
class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError(f"negative kelvin: {kelvin}")
        self.kelvin = kelvin


readings = [Temperature(k) for k in (300, 0, -1)]
