"""run_all: every result, in order, whether this process takes a share or not, however the items are cut."""

from __future__ import annotations

import pytest

from generator.parallel import run_all


def square(number: int) -> int:
    return number * number


@pytest.mark.parametrize("share", [False, True])
@pytest.mark.parametrize(("count", "chunksize", "items"), [(1, 1, 50), (2, 1, 50), (2, 7, 100), (3, 5, 100),
                                                           (2, 10, 10), (2, 10, 0)])
def test_every_result_comes_back_once_in_order(count, chunksize, items, share):
    assert run_all(square, range(items), count, chunksize, share) == [n * n for n in range(items)]
