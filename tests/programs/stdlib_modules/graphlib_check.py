# Checks: graphlib: TopologicalSorter static_order, the prepare/get_ready/done protocol, cycle errors.
import graphlib

graph = {"d": {"b", "c"}, "c": {"a"}, "b": {"a"}, "e": {"d"}}
order = list(graphlib.TopologicalSorter(graph).static_order())
print(order[0], order[-2:], len(order))
sorter = graphlib.TopologicalSorter()
sorter.add("compile", "parse")
sorter.add("link", "compile", "assemble")
sorter.add("assemble", "compile")
sorter.prepare()
steps = []
while sorter.is_active():
    ready = sorted(sorter.get_ready())
    steps.append(ready)
    sorter.done(*ready)
print(steps)
cyclic = graphlib.TopologicalSorter({"x": {"y"}, "y": {"z"}, "z": {"x"}})
try:
    cyclic.prepare()
except graphlib.CycleError as error:
    message, cycle = error.args
    print("CycleError:", message, sorted(cycle[:-1]), cycle[0] == cycle[-1])
done_early = graphlib.TopologicalSorter({"b": {"a"}})
try:
    done_early.get_ready()
except ValueError as error:
    print("ValueError:", error)
done_early.prepare()
try:
    done_early.done("b")
except ValueError as error:
    print("ValueError:", error)
