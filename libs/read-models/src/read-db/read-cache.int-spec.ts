import { ReadModelHarness } from '../testing/read-model-harness.js';
import * as t from '../testing/tracker-commands.js';
import { RecordsReader } from '../records/records.reader.js';

describe('The read cache', () => {
  it('answers repeated reads from memory until the next commit, then reads the change', async () => {
    const harness = new ReadModelHarness();
    try {
      await harness.run(t.arrest());
      const reader = new RecordsReader(harness.readDb);
      const first = reader.get(t.ID.arrest, reader.at());
      // The same answer object: nothing was read again.
      expect(reader.get(t.ID.arrest, reader.at())).toBe(first);
      await harness.run(t.correct(t.ID.arrest, { personsArrested: 250 }));
      const after = reader.get(t.ID.arrest, reader.at());
      expect(after).not.toBe(first);
      expect(after.kind === 'ARREST' && after.live.fields.personsArrested).toBe(250);
    } finally {
      await harness.close();
    }
  });
});
