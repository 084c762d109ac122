"""DeltaBlue: the incremental one-way constraint solver of Freeman-Benson and Maloney.

Variables are linked by constraints of different strengths (required, preferred, ...).
Adding or removing a constraint re-plans incrementally: the solver walks the graph,
marks variables, lets stronger constraints override weaker ones and propagates walk
strengths. Two standard tests drive it: a chain of equality constraints edited at one
end, and a "projection" of many variables through scale-and-offset constraints whose
inputs are changed. Both check their results; the program prints a checksum of values.
The work is polymorphic method calls on small objects and list traffic.
"""

import collections
import sys
import time


class Strength:
    def __init__(self, rank, name):
        # A lower rank is a stronger constraint.
        self.rank = rank
        self.name = name

    def stronger_than(self, other):
        return self.rank < other.rank

    def weaker_than(self, other):
        return self.rank > other.rank

    def weakest_of(self, other):
        return self if self.weaker_than(other) else other


REQUIRED = Strength(0, "required")
STRONG_PREFERRED = Strength(1, "strong preferred")
PREFERRED = Strength(2, "preferred")
STRONG_DEFAULT = Strength(3, "strong default")
NORMAL = Strength(4, "normal")
WEAK_DEFAULT = Strength(5, "weak default")
WEAKEST = Strength(6, "weakest")
STRENGTHS = [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT,
             WEAKEST]


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    """What every constraint does; subclasses say how many variables and which way."""

    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        """Try to satisfy this constraint; return the constraint it overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        output = self.output()
        overridden = output.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        output.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        output.mark = mark
        return overridden

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, planner, variable, strength):
        super().__init__(planner, strength)
        self.variable = variable
        self.satisfied = False
        self.add()

    def add_to_graph(self):
        self.variable.constraints.append(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.variable.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = (self.variable.mark != mark
                          and self.strength.stronger_than(self.variable.walk_strength))

    def is_satisfied(self):
        return self.satisfied

    def mark_unsatisfied(self):
        self.satisfied = False

    def mark_inputs(self, mark):
        pass

    def inputs_known(self, mark):
        return True

    def output(self):
        return self.variable

    def recalculate(self):
        self.variable.walk_strength = self.strength
        self.variable.stay = not self.is_input()
        if self.variable.stay:
            self.execute()


class StayConstraint(UnaryConstraint):
    """Keep a variable's value: it only takes part in planning."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Mark a variable as set from outside (by the user), so plans start from it."""

    def is_input(self):
        return True

    def execute(self):
        pass


FORWARD, BACKWARD, NO_DIRECTION = "forward", "backward", None


class BinaryConstraint(Constraint):
    def __init__(self, planner, first, second, strength):
        super().__init__(planner, strength)
        self.first = first
        self.second = second
        self.direction = NO_DIRECTION
        self.add()

    def add_to_graph(self):
        self.first.constraints.append(self)
        self.second.constraints.append(self)
        self.direction = NO_DIRECTION

    def remove_from_graph(self):
        self.first.remove_constraint(self)
        self.second.remove_constraint(self)
        self.direction = NO_DIRECTION

    def choose_method(self, mark):
        """Pick the direction that writes the weaker variable, if this constraint can."""
        first, second = self.first, self.second
        if first.mark == mark:
            self.direction = (FORWARD if second.mark != mark
                              and self.strength.stronger_than(second.walk_strength)
                              else NO_DIRECTION)
        elif second.mark == mark:
            self.direction = (BACKWARD if first.mark != mark
                              and self.strength.stronger_than(first.walk_strength)
                              else NO_DIRECTION)
        elif first.walk_strength.weaker_than(second.walk_strength):
            self.direction = (BACKWARD if self.strength.stronger_than(first.walk_strength)
                              else NO_DIRECTION)
        else:
            self.direction = (FORWARD if self.strength.stronger_than(second.walk_strength)
                              else BACKWARD)

    def is_satisfied(self):
        return self.direction is not NO_DIRECTION

    def mark_unsatisfied(self):
        self.direction = NO_DIRECTION

    def mark_inputs(self, mark):
        self.input().mark = mark

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None

    def input(self):
        return self.first if self.direction is FORWARD else self.second

    def output(self):
        return self.second if self.direction is FORWARD else self.first

    def recalculate(self):
        source, target = self.input(), self.output()
        target.walk_strength = self.strength.weakest_of(source.walk_strength)
        target.stay = source.stay
        if target.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """second = first * scale + offset, where scale and offset are variables too."""

    def __init__(self, planner, source, scale, offset, target, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(planner, source, target, strength)

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.constraints.append(self)
        self.offset.constraints.append(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = self.offset.mark = mark

    def execute(self):
        if self.direction is FORWARD:
            self.second.value = self.first.value * self.scale.value + self.offset.value
        else:
            self.first.value = (self.second.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source, target = self.input(), self.output()
        target.walk_strength = self.strength.weakest_of(source.walk_strength)
        target.stay = source.stay and self.scale.stay and self.offset.stay
        if target.stay:
            self.execute()


class Plan:
    """Constraints in the order that recomputes every variable from the inputs."""

    def __init__(self):
        self.constraints = []

    def execute(self):
        for constraint in self.constraints:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        """Remove a constraint; re-satisfy what it held down, strongest first."""
        output = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(output)
        for strength in STRENGTHS[:-1]:
            for waiting in unsatisfied:
                if waiting.strength is strength:
                    self.incremental_add(waiting)

    def add_propagate(self, constraint, mark):
        """Recompute walk strengths downstream of a newly satisfied constraint.

        Returns False, having taken the constraint back out, if it made a cycle."""
        todo = collections.deque([constraint])
        while todo:
            current = todo.popleft()
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.add_constraints_consuming(current.output(), todo)
        return True

    def remove_propagate_from(self, variable):
        """Forget what determined a variable and recompute what depends on it.

        Returns the constraints left unsatisfied on the way."""
        variable.determined_by = None
        variable.walk_strength = WEAKEST
        variable.stay = True
        unsatisfied = []
        todo = collections.deque([variable])
        while todo:
            current = todo.popleft()
            for constraint in current.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = current.determined_by
            for constraint in current.constraints:
                if constraint is not determining and constraint.is_satisfied():
                    constraint.recalculate()
                    todo.append(constraint.output())
        return unsatisfied

    def add_constraints_consuming(self, variable, todo):
        determining = variable.determined_by
        for constraint in variable.constraints:
            if constraint is not determining and constraint.is_satisfied():
                todo.append(constraint)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = collections.deque(sources)
        while todo:
            constraint = todo.popleft()
            output = constraint.output()
            if output.mark != mark and constraint.inputs_known(mark):
                plan.constraints.append(constraint)
                output.mark = mark
                self.add_constraints_consuming(output, todo)
        return plan

    def plan_from_inputs(self, constraints):
        return self.make_plan([constraint for constraint in constraints
                               if constraint.is_input() and constraint.is_satisfied()])


def check(condition, test):
    if not condition:
        raise AssertionError("deltablue: the %s test failed" % test)


def chain_test(length):
    """A chain of equalities v0 = v1 = ... ; editing v0 must carry to the last one."""
    planner = Planner()
    variables = [Variable("v%d" % index) for index in range(length + 1)]
    for previous, following in zip(variables, variables[1:]):
        EqualityConstraint(planner, previous, following, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_from_inputs([edit])
    for value in range(100):
        first.value = value
        plan.execute()
        check(last.value == value, "chain")
    edit.destroy()
    return last.value


def change(planner, variable, value):
    edit = EditConstraint(planner, variable, PREFERRED)
    plan = planner.plan_from_inputs([edit])
    for _ in range(10):
        variable.value = value
        plan.execute()
    edit.destroy()


def projection_test(count):
    """Many sources mapped to targets through one shared scale and offset."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    targets = []
    for index in range(count):
        source = Variable("source%d" % index, index)
        target = Variable("target%d" % index, index)
        targets.append(target)
        StayConstraint(planner, source, NORMAL)
        ScaleConstraint(planner, source, scale, offset, target, REQUIRED)
    change(planner, source, 17)
    check(target.value == 1170, "projection (forward)")
    change(planner, target, 1050)
    check(source.value == 5, "projection (backward)")
    change(planner, scale, 5)
    check(all(targets[index].value == index * 5 + 1000 for index in range(count - 1)),
          "projection (scale)")
    change(planner, offset, 2000)
    check(all(targets[index].value == index * 5 + 2000 for index in range(count - 1)),
          "projection (offset)")
    return sum(target.value for target in targets)


def main(rounds, size):
    checksum = 0
    for _ in range(rounds):
        checksum += chain_test(size) + projection_test(size)
    return "%d rounds of size %d, checksum %d" % (rounds, size, checksum)


if __name__ == "__main__":
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    start = time.process_time()
    print(main(rounds, 100))
    print("elapsed", time.process_time() - start)
