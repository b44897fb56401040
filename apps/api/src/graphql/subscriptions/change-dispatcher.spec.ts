import { ChangeDispatcher } from './change-dispatcher.js';

describe('ChangeDispatcher', () => {
  it('hands a change only to the subscriptions that follow its countries and kind', async () => {
    const dispatcher = new ChangeDispatcher();
    const cambodia = dispatcher.listen<string>('T', { countries: new Set(['KH']) });
    const laos = dispatcher.listen<string>('T', { countries: new Set(['LA']) });
    const everywhere = dispatcher.listen<string>('T', {});
    const arrestsInBoth = dispatcher.listen<string>('T', {
      countries: new Set(['KH', 'LA']),
      kinds: new Set(['ARREST']),
    });

    dispatcher.dispatch('T', ['KH', 'LA'], 'FIGURE', 'a figure about both');
    dispatcher.dispatch('T', ['KH', 'LA'], 'ARREST', 'an arrest about both');
    dispatcher.dispatch('T', ['LA'], 'ARREST', 'an arrest in Laos');
    dispatcher.dispatch('OTHER', ['KH'], 'ARREST', 'another topic');

    const take = async (stream: AsyncIterator<string>, count: number) => {
      const values: string[] = [];
      for (let i = 0; i < count; i++) values.push((await stream.next()).value as string);
      return values;
    };
    expect(await take(cambodia, 2)).toEqual(['a figure about both', 'an arrest about both']);
    expect(await take(laos, 3)).toEqual(['a figure about both', 'an arrest about both', 'an arrest in Laos']);
    expect(await take(everywhere, 3)).toHaveLength(3);
    // Once per change, even when it concerns two of the countries followed.
    expect(await take(arrestsInBoth, 2)).toEqual(['an arrest about both', 'an arrest in Laos']);
  });

  it('hands a change to the followers of an actor only when the record names that actor', async () => {
    const dispatcher = new ChangeDispatcher();
    const huione = dispatcher.listen<string>('T', { actors: new Set(['huione']) });
    const huioneInCambodia = dispatcher.listen<string>('T', {
      countries: new Set(['KH']),
      actors: new Set(['huione', 'elliptic']),
    });
    dispatcher.dispatch('T', ['KH'], 'FIGURE', 'names nobody');
    dispatcher.dispatch('T', ['KH'], 'ALLEGATION', 'names both', ['elliptic', 'huione']);
    dispatcher.dispatch('T', [], 'ACTOR', 'the actor itself', ['huione']);
    dispatcher.dispatch('T', ['LA'], 'STATEMENT', 'names Elliptic, in Laos', ['elliptic']);

    expect((await huione.next()).value).toBe('names both');
    expect((await huione.next()).value).toBe('the actor itself');
    expect((await huioneInCambodia.next()).value).toBe('names both');
    // Nothing more for either: the rest named someone else, or happened elsewhere.
    const nothingMore = (stream: AsyncIterator<string>) =>
      Promise.race([
        stream.next().then(({ value }) => value),
        new Promise((resolve) => setImmediate(() => resolve('nothing'))),
      ]);
    expect(await nothingMore(huione)).toBe('nothing');
    expect(await nothingMore(huioneInCambodia)).toBe('nothing');
    await huione.return();
    await huioneInCambodia.return();
    expect(dispatcher.listeners('T')).toBe(0);
  });

  it('forgets a subscription once it ends, and ends one that falls a thousand changes behind', async () => {
    const dispatcher = new ChangeDispatcher();
    const ended = dispatcher.listen<number>('T', { countries: new Set(['KH']) });
    const slow = dispatcher.listen<number>('T', {});
    expect(dispatcher.listeners('T')).toBe(2);
    await ended.return();
    expect(dispatcher.listeners('T')).toBe(1);
    for (let i = 0; i <= 1_000; i++) dispatcher.dispatch('T', ['KH'], undefined, i);
    expect(dispatcher.listeners('T')).toBe(0);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });
});
