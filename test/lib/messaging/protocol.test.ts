import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callMessage, createDispatcher, defineMessage, handle, MessagingError } from '@/lib/messaging/protocol';

const Echo = defineMessage('echo', z.object({ text: z.string() }), z.object({ upper: z.string() }));
const dispatch = createDispatcher([handle(Echo, ({ text }) => ({ upper: text.toUpperCase() }))]);

describe('typed messaging', () => {
  it('round-trips a valid message', async () => {
    await expect(callMessage(Echo, { text: 'régie' }, (e) => dispatch(e))).resolves.toEqual({ upper: 'RÉGIE' });
  });
  it('rejects a malformed envelope and an unknown type with a reason', async () => {
    await expect(dispatch('nope')).resolves.toEqual({ ok: false, error: 'message mal formé' });
    await expect(dispatch({ type: 'other', payload: 1 })).resolves.toMatchObject({ ok: false, error: expect.stringContaining('inconnu') });
  });
  it('rejects an invalid payload on the receiving side', async () => {
    await expect(dispatch({ type: 'echo', payload: { text: 3 } })).resolves.toMatchObject({ ok: false });
  });
  it('turns a closed service worker into a MessagingError', async () => {
    const closed = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(callMessage(Echo, { text: 'x' }, closed)).rejects.toBeInstanceOf(MessagingError);
  });
});
