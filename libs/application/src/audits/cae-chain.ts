import { chainHash, GENESIS_HASH, type EventStore, type RecordedEvent } from '../../../event-store';

const PAGE = 1000;

/**
 * A CAE's events in log order, each with whether its hash is that of its content after the previous one's: the
 * chain checked from its first event, as far as the view reaches. A broken link is told once, where it breaks.
 */
export async function* checkedChain(view: EventStore): AsyncGenerator<{ event: RecordedEvent; linked: boolean }> {
  let previous = GENESIS_HASH;
  for (let from = 1; ; ) {
    const page = await view.readAll(from, { limit: PAGE });
    for (const event of page) {
      const { hash, ...stored } = event;
      yield { event, linked: chainHash(previous, stored) === hash };
      previous = hash;
    }
    if (page.length < PAGE) return;
    from = page[page.length - 1]!.position + 1;
  }
}
