"""The guest's ``gc``: the host's collector, as CPython's would look to the program.

The guest's gc is a copy of the host's module (pvm.world.importer), its functions the
host's, but pvm freezes objects of its own in the host's collector: pvm's modules
before the world is built, and what start-up made once ``site`` has run
(``World.freeze_start_up``), so that the collector does not walk them again.  The
program must not see that:

- ``get_freeze_count`` counts what the guest froze, not what pvm did (0 until the
  guest's first ``freeze``);
- ``get_objects`` and ``get_referrers`` list start-up's objects, as CPython's list
  the modules site imported: the first call gives them back to the collector
  (``World.thaw_start_up``, once: later full collections walk them again);
- ``freeze`` and ``unfreeze`` are the host's, and mean what they say: after either,
  nothing is frozen by pvm alone (``World.start_up_frozen``).

- ``get_threshold`` and ``set_threshold`` give and set the thresholds outside a hold
  of full collections near a time-limited world's deadline (pvm.world.full_passes).

``is_tracked``, ``get_referents`` and ``collect`` need nothing: a frozen object is
tracked, and a collection frees the program's garbage, frozen objects being only
referrers outside it.
"""

from pvm.world import full_passes


def adapt(world, module):
    """Put the guest's versions of the functions above into ``module``, the guest's
    copy of the host's gc."""
    host_freeze = module.freeze
    host_unfreeze = module.unfreeze
    host_get_freeze_count = module.get_freeze_count
    host_get_objects = module.get_objects
    host_get_referrers = module.get_referrers
    module_get_threshold = module.get_threshold

    # (Each takes its arguments as the host's does, for CPython's messages.)
    def freeze(*arguments, **keywords):
        frozen_before = host_get_freeze_count() if not world.guest_froze else None
        host_freeze(*arguments, **keywords)
        if frozen_before is not None:
            world.frozen_by_pvm = frozen_before
            world.guest_froze = True
        world.start_up_frozen = False

    def unfreeze(*arguments, **keywords):
        host_unfreeze(*arguments, **keywords)
        world.guest_froze = False
        world.start_up_frozen = False

    def get_freeze_count(*arguments, **keywords):
        count = host_get_freeze_count(*arguments, **keywords)
        if not world.guest_froze:
            return 0
        # (pvm's frozen objects that died since make the host's count smaller.)
        return max(count - world.frozen_by_pvm, 0)

    def get_objects(*arguments, **keywords):
        world.thaw_start_up()
        return host_get_objects(*arguments, **keywords)

    def get_referrers(*objects):
        world.thaw_start_up()
        return host_get_referrers(*objects)

    def get_threshold(*arguments, **keywords):
        if arguments or keywords:
            module_get_threshold(*arguments, **keywords)  # (raises CPython's TypeError)
        return full_passes.threshold()

    def set_threshold(*thresholds):
        full_passes.set_threshold(*thresholds)

    for function in (freeze, unfreeze, get_freeze_count, get_objects, get_referrers,
                     get_threshold, set_threshold):
        host_function = getattr(module, function.__name__)
        function.__module__ = "gc"
        function.__doc__ = host_function.__doc__
        module.__dict__[function.__name__] = function
