"""asyncio inside WebAssembly: run_e is a coroutine. Three lookups run concurrently with
asyncio.gather, a slow one is cut off by wait_for, and a queue carries the results."""
import asyncio
import json


async def lookup(name: str, delay: float, queue: asyncio.Queue) -> None:
    await asyncio.sleep(delay)
    await queue.put((name, len(name)))


async def run_e(payload, ident):
    import sdk

    names = [n for n in payload.split() if n]
    if not names:
        sdk.return_error(400, "give some words to look up", ident)
        return
    queue: asyncio.Queue = asyncio.Queue()
    await asyncio.gather(*(lookup(n, 0.01 * i, queue) for i, n in enumerate(names)))
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
        timed_out = False
    except asyncio.TimeoutError:
        timed_out = True
    found = dict(queue.get_nowait() for _ in range(queue.qsize()))
    sdk.return_result(json.dumps({"lengths": found, "slow_call_timed_out": timed_out}, sort_keys=True), ident)
