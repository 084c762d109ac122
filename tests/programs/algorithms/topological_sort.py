# Checks: topological sorting with Kahn's algorithm and graphlib, detecting cycles.
import collections
import graphlib

dependencies = {"app": {"lib", "utils"}, "lib": {"core"}, "utils": {"core"}, "core": set(), "tests": {"app"}}


def kahn(graph):
    indegree = {node: len(deps) for node, deps in graph.items()}
    dependents = collections.defaultdict(list)
    for node, deps in graph.items():
        for dep in deps:
            dependents[dep].append(node)
    ready = sorted(node for node, count in indegree.items() if count == 0)
    order = []
    while ready:
        node = ready.pop(0)
        order.append(node)
        for dependent in sorted(dependents[node]):
            indegree[dependent] -= 1
            if indegree[dependent] == 0:
                ready.append(dependent)
    return order


print(kahn(dependencies))
sorter = graphlib.TopologicalSorter({k: sorted(v) for k, v in dependencies.items()})
print(list(sorter.static_order())[0])
try:
    list(graphlib.TopologicalSorter({"a": ["b"], "b": ["a"]}).static_order())
except graphlib.CycleError as error:
    print("CycleError:", error.args[0])
