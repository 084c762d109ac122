# Checks: a traffic-light state machine with enum states, a transition table and event handling.
import enum


class Light(enum.Enum):
    RED = "red"
    GREEN = "green"
    YELLOW = "yellow"


TRANSITIONS = {
    (Light.RED, "timer"): Light.GREEN,
    (Light.GREEN, "timer"): Light.YELLOW,
    (Light.YELLOW, "timer"): Light.RED,
    (Light.GREEN, "emergency"): Light.RED,
    (Light.YELLOW, "emergency"): Light.RED,
}


def run(events, state=Light.RED):
    for event in events:
        try:
            state = TRANSITIONS[state, event]
        except KeyError:
            print(f"ignored {event} in {state.name}")
            continue
        print(f"{event:>9} -> {state.value}")
    return state


print(run(["timer", "timer", "emergency", "emergency", "timer", "timer"]))
