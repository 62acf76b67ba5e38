import { type Collection, MongoServerError } from 'mongodb';
import { DUPLICATE_KEY, generationKey, MAX_WRITE_ATTEMPTS, type CounterRecord, type GenerationRecord } from './mongo-records';

/**
 * Takes the next number and inserts the generation's record. FerretDB v1 runs a `findAndModify` as a read then
 * a write, so two stores starting at once may be handed the same number: the second insert of the record then
 * fails on its `_id`, and that store takes another number (the counter never goes back, so none is reused).
 */
export async function newGeneration(generations: Collection<GenerationRecord>, counters: Collection<CounterRecord>, projection: string, version: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const generation = await nextGeneration(counters, projection);
    const record: GenerationRecord = {
      _id: generationKey({ projection, generation }),
      projection,
      generation,
      version,
      state: 'rebuilding',
      checkpoint: 0,
    };
    try {
      await generations.insertOne(record);
      return generation;
    } catch (error) {
      if (attempt >= MAX_WRITE_ATTEMPTS || !(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
  }
}

/**
 * `$inc` of the projection's counter, created on first use. Two first uses at once both try to insert it:
 * MongoDB retries the loser itself, FerretDB v1 answers a duplicate key, upon which the `$inc` is sent again.
 */
async function nextGeneration(counters: Collection<CounterRecord>, projection: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const counter = await counters.findOneAndUpdate(
        { _id: projection },
        { $inc: { last: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      if (counter === null) throw new Error(`No generation counter for projection ${projection}`);
      return counter.last;
    } catch (error) {
      if (attempt >= MAX_WRITE_ATTEMPTS || !(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
  }
}
